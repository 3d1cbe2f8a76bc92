import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { regenerateAndWrite } from '../../app';
import { texts } from '../texts';
import { issueText } from '../messages';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

type RegenerateOutcome = Awaited<ReturnType<typeof regenerateAndWrite>>;

/**
 * What rebuilding an existing tracking workbook did (rows added, removed, archived; `Compétences AO` rows when its
 * communes changed), or why it was refused.
 */
export function RegenerateOutcomeBar({ outcome, notes }: { outcome: RegenerateOutcome; notes: readonly string[] }) {
  const styles = useStyles();
  if (outcome.status !== 'done')
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {outcome.status === 'refused' ? texts.generate.rebuildRefused : texts.generate.rebuildUnreadable}
          </MessageBarTitle>
          <ul className={styles.list}>
            {outcome.issues.map((issue, index) => (
              <li key={index}>{issueText(issue)}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  const { report } = outcome;
  const messages = [...outcome.notes.map(issueText), ...notes];
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{texts.generate.rebuilt}</MessageBarTitle>
        <ul className={styles.list}>
          <li>{texts.generate.rebuiltAdded(report.added.length)}</li>
          <li>{texts.generate.rebuiltRemoved(report.removed.length, report.archived.length)}</li>
          <li>{texts.generate.rebuiltChanged(report.changed.length)}</li>
          {report.aoRowsAdded.length + report.aoRowsRemoved.length > 0 && (
            <li>
              {texts.generate.rebuiltAoRows(
                report.aoRowsAdded.length,
                report.aoRowsRemoved.length,
                report.aoValuesJournalled,
              )}
            </li>
          )}
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
