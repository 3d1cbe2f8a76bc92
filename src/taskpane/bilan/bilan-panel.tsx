import {
  Body1,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { BilanKind } from '../../app/bilan';
import type { ExcelFileActions } from '../../excel';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { useCellSelection } from '../common/cell-selection';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { FileOutput } from '../files/file-output';
import { IssueBar } from '../common/issue-bar';
import { texts } from '../texts';
import { IssueList } from '../validate/issue-list';
import { RefusalBar } from '../validate/refusal-bar';
import type { WorkbookAccess } from '../workbook-access';
import { makeBilan, type MadeBilan } from './bilan-file';
import { BilanSummary } from './bilan-summary';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

const kinds: BilanKind[] = ['annual', 'midterm', 'final'];

/** The convention's years, from its dates (ISO). */
function yearsOf(periodStart: string, periodEnd: string): number[] {
  const first = Number(periodStart.slice(0, 4));
  const last = Number(periodEnd.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) return [];
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** The current quarter's year when the convention has it, else its first year. */
function defaultYear(years: readonly number[], quarter: string): number | null {
  const year = Number(/^\s*(\d{4})/.exec(quarter)?.[1]);
  return years.includes(year) ? year : (years[0] ?? null);
}

interface Outcome {
  made: MadeBilan;
  serial: number;
}

/**
 * « Bilans » (`ctg-suivi bilan` in the pane): the kind of bilan, the year of an annual one, the CDSF's part or the
 * whole plan; « Créer le bilan » reads the open workbook (never writes it), sums the bilan up as the command line
 * prints it and offers its workbook as « Enregistrer » and « Ouvrir dans Excel ».
 */
export function BilanPanel({
  workbook,
  periodStart,
  periodEnd,
  quarter,
  sheets,
  today,
  files,
}: {
  workbook: WorkbookAccess;
  /** The open workbook's sheets: a refusal's problems link to those still there. */
  sheets: readonly string[];
  /** The convention's dates (ISO) and the workbook's current quarter, as the pane last read them. */
  periodStart: string;
  periodEnd: string;
  quarter: string;
  today: () => Date;
  files: ExcelFileActions;
}) {
  const styles = useStyles();
  const introId = useId();
  const [kind, setKind] = useState<BilanKind>('annual');
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [cdsf, setCdsf] = useState(false);
  const [state, run] = useWorkbookTask<Outcome>();
  const busy = useWorkbookBusy();
  const { select, status: selectionStatus } = useCellSelection(workbook);
  const made = useRef(0);
  const years = yearsOf(periodStart, periodEnd);
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : defaultYear(years, quarter);
  const running = state.phase === 'running';
  const ready = state.phase === 'done' ? state.result : null;
  const b = texts.bilan;

  const start = () => {
    if (running) return;
    void run(async () => {
      const outcome = await makeBilan(workbook, {
        kind,
        year: kind === 'annual' ? year : null,
        cdsf,
        now: today(),
      });
      made.current += 1;
      return { made: outcome, serial: made.current };
    });
  };

  const bilan = ready?.made.ok ? ready.made : null;
  // The period's state is the summary's first sentence: its warning would say it twice.
  const warnings = bilan?.warnings.filter((warning) => warning.code !== 'bilan-period-not-over') ?? [];
  return (
    <Section title={b.heading}>
      <Body1 id={introId}>{b.intro}</Body1>
      <Field label={b.kindLabel}>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as BilanKind)}>
          {kinds.map((value) => (
            <Radio key={value} value={value} label={b.kinds[value]} disabled={running} />
          ))}
        </RadioGroup>
      </Field>
      {kind === 'annual' && year !== null && (
        <Field label={b.yearLabel} hint={b.yearHint}>
          <Select value={String(year)} disabled={running} onChange={(_, data) => setChosenYear(Number(data.value))}>
            {years.map((value) => (
              <option key={value} value={String(value)}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field hint={b.cdsfHint}>
        <Checkbox
          label={b.cdsf}
          checked={cdsf}
          disabled={running}
          onChange={(_, data) => setCdsf(data.checked === true)}
        />
      </Field>
      <Button
        className={styles.action}
        appearance={bilan?.file ? 'secondary' : 'primary'}
        disabledFocusable={busy}
        aria-describedby={introId}
        onClick={start}
      >
        {b.button}
      </Button>
      <LiveStatus className={styles.status}>
        {running && (
          <Field validationMessage={b.making} validationState="none">
            <ProgressBar aria-label={b.making} />
          </Field>
        )}
        {state.phase === 'failed' && <ExcelErrorBar error={state.error} />}
        {ready && !ready.made.ok && <RefusalBar title={b.refused} issues={ready.made.issues} />}
        {selectionStatus}
        {bilan && <Body1>{b.made(bilan.title)}</Body1>}
      </LiveStatus>
      {/* What refused the bilan, listed and linked as « Vérifier le classeur » lists it. */}
      {ready && !ready.made.ok && (
        <IssueList issues={ready.made.issues} presentSheets={sheets} onSelect={select} label={b.refusedListLabel} />
      )}
      {bilan && <BilanSummary bilan={bilan.bilan} />}
      {warnings.length > 0 && <IssueBar intent="warning" title={b.warnings} issues={warnings} />}
      {bilan && !bilan.file && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{b.fileFailed}</MessageBarBody>
        </MessageBar>
      )}
      {bilan?.file && <Body1>{texts.files.produced(bilan.file.name)}</Body1>}
      {bilan?.file && <FileOutput key={ready?.serial} file={bilan.file} actions={files} primary />}
    </Section>
  );
}
