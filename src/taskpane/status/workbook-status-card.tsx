import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';

import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { quarterText, texts } from '../texts';
import type { LastValidation } from './last-validation';
import type { StatusReading } from './use-workbook-status';
import type { WorkbookStatus } from './workbook-status';
import { issueText } from '../messages';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    // Words wrap whole here (the pane lets text wrap anywhere) and each column is at least as wide as its longest
    // word: at 320 px « avertissements » broke in the middle, the details being free to shrink to nothing.
    overflowWrap: 'normal',
    gridTemplateColumns: 'auto minmax(min-content, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  refresh: { alignSelf: 'flex-start' },
});

interface WorkbookStatusCardProps {
  reading: StatusReading;
  /** The status read before: shown while the workbook is read again, so that « Relire le classeur » keeps focus. */
  lastRead: WorkbookStatus | null;
  lastValidation: LastValidation | null;
  onRefresh: () => void;
}

/** The start view: whether the open workbook holds a tracking workbook, and if so which one and where it stands. */
export function WorkbookStatusCard(props: WorkbookStatusCardProps) {
  const { reading, lastRead } = props;
  const status = reading.phase === 'read' ? reading.status : lastRead;
  if (reading.phase === 'loading' && !status) return <Spinner size="tiny" label={texts.status.loading} />;
  return (
    <>
      {reading.phase === 'failed' && <ExcelErrorBar error={reading.error} />}
      {status && <StatusFacts {...props} status={status} />}
      <LiveStatus>{reading.phase === 'loading' && <Spinner size="tiny" label={texts.status.loading} />}</LiveStatus>
    </>
  );
}

function StatusFacts({ status, lastValidation, onRefresh }: WorkbookStatusCardProps & { status: WorkbookStatus }) {
  const styles = useStyles();
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
                <li key={index}>{issueText(issue)}</li>
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
    [texts.status.currentQuarter, quarterText(status.currentQuarter)],
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
