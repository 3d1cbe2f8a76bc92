import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { type Issue } from '../../app';
import { issueText } from '../messages';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * Issues said in a message bar under a title: why nothing was done (error) or what to check (warning); `lines`, French
 * sentences said after them (what this Excel could not do).
 */
export function IssueBar({
  title,
  issues,
  intent,
  lines = [],
}: {
  title: string;
  issues: readonly Issue[];
  intent: 'error' | 'warning';
  lines?: readonly string[];
}) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {issues.map((issue, index) => (
            <li key={index}>{issueText(issue)}</li>
          ))}
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
