import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { checkedExtractOf, validateGrids, type CheckedExtract, type ValidationReport } from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useCellSelection } from '../common/cell-selection';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { workbookStatusOf, type WorkbookStatus } from '../status/workbook-status';
import { texts } from '../texts';
import type { WorkbookAccess } from '../workbook-access';
import { IssueList } from './issue-list';
import { issueText } from '../messages';
import { CheckedExtractLines } from './checked-extract-lines';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
});

interface ValidatePanelProps {
  workbook: WorkbookAccess | null;
  today: () => Date;
  /** The report with the status of the workbook it was made on (one read for both). */
  onValidated: (report: ValidationReport, status: WorkbookStatus) => void;
  /** How many times the pane has written the workbook: a report made before the last write is out of date. */
  writes: number;
}

/**
 * Step 3: checks the open workbook and lists what is wrong; clicking an issue shows its cell in Excel. A partner's
 * extract open in Excel is said to be one first, as « Vérifier un fichier… » says it of a picked file.
 */
export function ValidatePanel({ workbook, today, onValidated, writes }: ValidatePanelProps) {
  const styles = useStyles();
  const busy = useWorkbookBusy();
  const [check, runCheck] = useWorkbookTask<{
    report: ValidationReport;
    extract: CheckedExtract | null;
    writes: number;
    sheets: string[];
  }>();
  const selection = useCellSelection(workbook);

  const validate = () => {
    if (!workbook) return;
    const writesBefore = writes;
    void runCheck(async () => {
      const grids = await workbook.read();
      const [report, status] = await Promise.all([validateGrids(grids, { today: today() }), workbookStatusOf(grids)]);
      onValidated(report, status);
      const extract = checkedExtractOf(grids);
      return { report, extract, writes: writesBefore, sheets: grids.sheets.map((sheet) => sheet.name) };
    });
  };

  const report = check.phase === 'done' ? check.result.report : null;
  const extract = check.phase === 'done' ? check.result.extract : null;
  const outdated = check.phase === 'done' && check.result.writes < writes;
  return (
    <Section title={texts.validate.heading}>
      <Button
        className={styles.action}
        appearance="primary"
        disabled={!workbook}
        disabledFocusable={busy}
        onClick={validate}
      >
        {texts.validate.button}
      </Button>
      <LiveStatus className={styles.lines}>
        {check.phase === 'running' && (
          <Field validationMessage={texts.validate.running} validationState="none">
            <ProgressBar aria-label={texts.validate.running} />
          </Field>
        )}
        {check.phase === 'failed' && <ExcelErrorBar error={check.error} />}
        {extract && <CheckedExtractLines extract={extract} openWorkbook />}
        {report && !report.readable && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {texts.validate.unreadable} {report.issues.map((issue) => issueText(issue)).join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        {report?.readable && report.issues.length === 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{texts.validate.clean}</MessageBarBody>
          </MessageBar>
        )}
        {report?.readable && report.issues.length > 0 && (
          <Body1>{texts.validate.counts(report.errors, report.warnings)}</Body1>
        )}
        {selection.status}
        {outdated && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{texts.validate.outdated}</MessageBarBody>
          </MessageBar>
        )}
      </LiveStatus>
      {report?.readable && report.issues.length > 0 && (
        <IssueList
          issues={report.issues}
          presentSheets={check.phase === 'done' ? check.result.sheets : []}
          onSelect={selection.select}
        />
      )}
    </Section>
  );
}
