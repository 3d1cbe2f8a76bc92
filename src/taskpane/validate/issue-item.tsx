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
 * One issue: its severity, its message and where it is. When it has a place in the workbook (`issueTarget`) it is
 * a button that selects that cell in Excel; otherwise text.
 */
export function IssueItem({
  issue,
  target,
  onSelect,
}: {
  issue: Issue;
  target: { sheet: string; cell: string } | null;
  onSelect: (sheet: string, cell: string) => void;
}) {
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
  if (!target) return <div className={styles.static}>{content}</div>;
  return (
    <Button className={styles.item} appearance="subtle" onClick={() => onSelect(target.sheet, target.cell)}>
      {content}
    </Button>
  );
}
