import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { renderIssueMessage } from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { texts } from '../texts';
import type { LastValidation } from './last-validation';
import type { StatusReading } from './use-workbook-status';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  refresh: { alignSelf: 'flex-start' },
});

interface WorkbookStatusCardProps {
  reading: StatusReading;
  lastValidation: LastValidation | null;
  onRefresh: () => void;
}

/** The start view: whether the open workbook holds a tracking workbook, and if so which one and where it stands. */
export function WorkbookStatusCard({ reading, lastValidation, onRefresh }: WorkbookStatusCardProps) {
  const styles = useStyles();
  if (reading.phase === 'loading') return <Spinner size="tiny" label={texts.status.loading} />;
  if (reading.phase === 'failed') return <ExcelErrorBar error={reading.error} />;
  const { status } = reading;
  const refresh = (
    <Button className={styles.refresh} appearance="secondary" size="small" onClick={onRefresh}>
      {texts.status.refresh}
    </Button>
  );
  if (status.kind === 'none')
    return (
      <>
        <Body1>{texts.status.none}</Body1>
        {refresh}
      </>
    );
  if (status.kind === 'unreadable')
    return (
      <>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {texts.status.unreadable}
            <ul>
              {status.issues.map((issue, index) => (
                <li key={index}>{renderIssueMessage(issue)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
        {refresh}
      </>
    );
  const facts: [string, string][] = [
    [texts.status.territory, status.territory],
    [texts.status.period, texts.status.periodValue(status.periodStart, status.periodEnd)],
    [texts.status.currentQuarter, status.currentQuarter],
    [
      texts.status.lastValidation,
      lastValidation
        ? texts.status.lastValidationValue(lastValidation.at, lastValidation.errors, lastValidation.warnings)
        : texts.status.neverValidated,
    ],
  ];
  return (
    <>
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
      {refresh}
    </>
  );
}
