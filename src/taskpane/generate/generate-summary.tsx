import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { GenerateSummary } from '../../app';
import { texts } from '../texts';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * What the generation wrote: counts, the current quarter, the sheets a person sees (as the command line lists them),
 * and what this Excel could not do.
 */
export function GenerateSummaryBar({ summary, notes }: { summary: GenerateSummary; notes: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{texts.generate.done}</MessageBarTitle>
        <ul className={styles.list}>
          <li>{texts.generate.summarySheets(summary.visibleSheets.length)}</li>
          <li>{texts.generate.summaryFiches(summary.ficheCount)}</li>
          <li>{texts.generate.summaryCriteria(summary.criterionCount)}</li>
          <li>{texts.generate.summaryQuarter(summary.currentQuarter)}</li>
        </ul>
        <div>{texts.generate.sheetList(summary.visibleSheets)}</div>
        {notes.length > 0 && (
          <>
            <div>{texts.generate.notes}</div>
            <ul className={styles.list}>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
