import { Badge, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { type Issue } from '../../app';
import { texts } from '../texts';
import { issueText } from '../messages';

const useStyles = makeStyles({
  // The badge above the message: at 320 px the message keeps the whole width.
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  badge: { flexShrink: 0 },
  link: { textAlign: 'start', overflowWrap: 'anywhere' },
  place: { overflowWrap: 'anywhere' },
});

function SeverityBadge({ severity }: { severity: Issue['severity'] }) {
  const styles = useStyles();
  return severity === 'error' ? (
    <Badge className={styles.badge} color="danger" appearance="filled">
      {texts.validate.error}
    </Badge>
  ) : (
    <Badge className={styles.badge} color="warning" appearance="filled">
      {texts.validate.warning}
    </Badge>
  );
}

/**
 * One issue: its severity, its message, and where it is. In the open workbook, a link that selects the cell in Excel
 * (`issueTarget`: A1 when the issue concerns a sheet as a whole; the renamed sheet when a missing one seems renamed;
 * an issue whose sheet is not in the workbook has no link); the link is described by the severity and the message,
 * so that a person who moves from link to link hears what each one is about. In a file that is not open
 * (`onSelect` absent), the sheet and the cell as text.
 */
export function IssueItem({
  issue,
  target,
  onSelect,
}: {
  issue: Issue;
  target: { sheet: string; cell: string } | null;
  onSelect?: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const messageId = useId();
  return (
    <div className={styles.item}>
      <span id={messageId}>
        <SeverityBadge severity={issue.severity} /> <span>{issueText(issue)}</span>
      </span>
      {onSelect && target && (
        <Link
          as="button"
          className={styles.link}
          aria-describedby={messageId}
          onClick={() => onSelect(target.sheet, target.cell)}
        >
          {target.sheet === issue.sheet && issue.cell
            ? texts.validate.goTo(target.sheet, issue.cell)
            : texts.validate.goToSheet(target.sheet)}
        </Link>
      )}
      {!onSelect && issue.sheet && (
        <Caption1 className={styles.place}>{texts.validate.place(issue.sheet, issue.cell)}</Caption1>
      )}
    </div>
  );
}
