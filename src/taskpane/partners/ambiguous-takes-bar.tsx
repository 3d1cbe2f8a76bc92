import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { quotedJournalValue, type AmbiguousTake } from '../../app';
import { texts } from '../texts';

/**
 * A merge that wrote nothing because the values chosen would go in one cell, the last replacing the others: the
 * cells, their values with their returns, and what to do, in the pane's words (the command line names its --take).
 * The pane's choices never ask for it (one value per cell, returns of distinct names): said, should the merge find
 * it, rather than one value kept silently.
 */
export function AmbiguousTakesBar({ title, cells }: { title: string; cells: readonly AmbiguousTake[] }) {
  const shown = cells.map(({ key, column, candidates }) => ({
    key,
    column,
    values: candidates.map(({ value, source, partner }) => ({ value: quotedJournalValue(value), source, partner })),
  }));
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {texts.merge.takeAmbiguous(shown)}
      </MessageBarBody>
    </MessageBar>
  );
}
