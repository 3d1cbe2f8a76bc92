import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { renderIssueMessage, type Issue } from '../../app';
import { texts } from '../texts';

const useStyles = makeStyles({
  // The badge above the message: at 320 px the message keeps the whole width.
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  static: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
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
 * One issue: its severity, its message and where it is. When it has a sheet it is a button that selects its cell
 * in Excel (A1 when the issue concerns the sheet as a whole).
 */
export function IssueItem({ issue, onSelect }: { issue: Issue; onSelect: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const content = (
    <>
      <SeverityBadge severity={issue.severity} />
      <span className={styles.text}>
        <span>{renderIssueMessage(issue)}</span>
        {issue.sheet && issue.cell && <Text size={200}>{texts.validate.goTo(issue.sheet, issue.cell)}</Text>}
      </span>
    </>
  );
  if (!issue.sheet) return <div className={styles.static}>{content}</div>;
  const sheet = issue.sheet;
  return (
    <Button className={styles.item} appearance="subtle" onClick={() => onSelect(sheet, issue.cell ?? 'A1')}>
      {content}
    </Button>
  );
}
