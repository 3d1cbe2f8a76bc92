import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import {
  closeQuarterAndWrite,
  computeAndWrite,
  hasNoNextQuarter,
  lastQuarterOf,
  parseTypedQuarter,
  quarterEndAhead,
  quarterLabel,
  type ComputedFigures,
  type Issue,
} from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { useCellSelection } from '../common/cell-selection';
import { LiveStatus } from '../common/live-status';
import { RewriteNotes } from '../common/rewrite-notes';
import { Section } from '../common/section';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { texts } from '../texts';
import { IssueList } from '../validate/issue-list';
import { RefusalBar } from '../validate/refusal-bar';
import type { WorkbookAccess } from '../workbook-access';
import { AxisBars, FiguresSentence } from './axis-bars';
import { CloseQuarterDialog } from './close-quarter-dialog';
import { notBegunWhy } from './close-not-begun';
import { QuarterSelector } from './quarter-selector';
import { SheetLinks } from './sheet-links';

type Outcome =
  | { kind: 'computed'; figures: ComputedFigures; notes: Issue[]; excelNotes: readonly string[] }
  | {
      kind: 'closed';
      closed: string;
      next: string;
      nextIsLast: boolean;
      figures: ComputedFigures;
      notes: Issue[];
      excelNotes: readonly string[];
    }
  | { kind: 'refused'; issues: Issue[] };

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface FollowUpPanelProps {
  workbook: WorkbookAccess;
  /** The current quarter as Paramètres holds it. */
  quarter: string;
  /** The convention's dates (ISO), for the quarters offered. */
  periodStart: string;
  periodEnd: string;
  /** The tracking workbook's sheets, each offered as a link. */
  sheets: readonly string[];
  today: () => Date;
  onWritten: () => void;
}

/**
 * Q as the list and the buttons name it: Paramètres' text read as every reader reads it (« 2027-t2 » is 2027-T2), in
 * its canonical form; a text that is no quarter stays as typed, so that the list shows what the cell holds.
 */
function canonicalQuarter(text: string): string {
  const parsed = parseTypedQuarter(text);
  return parsed ? quarterLabel(parsed) : text;
}

/** The last day of the workbook's quarter while it is not over (closing it then is early), else null. */
function endAhead(quarter: string, today: Date): string | null {
  const parsed = parseTypedQuarter(quarter);
  return parsed ? quarterEndAhead(parsed, today) : null;
}

/**
 * Why the workbook's quarter cannot be closed for want of a next one (the convention's last, or after it), else
 * null.
 */
function noNextQuarter(quarter: string, period: { start: string; end: string }): string | null {
  const parsed = parseTypedQuarter(quarter);
  if (!parsed || !hasNoNextQuarter(parsed, period)) return null;
  const last = quarterLabel(lastQuarterOf(period));
  return quarterLabel(parsed) === last
    ? texts.followUp.closeLastQuarter(quarter)
    : texts.followUp.closeAfterLastQuarter(quarter, last);
}

/**
 * Step 4: the current quarter chosen, the figures of the quarter (bars per axis) and closing the quarter, on an
 * existing tracking workbook. A quarter chosen in the list becomes Q at the next « Calculer »; closing always
 * closes the workbook's Q, so it waits while the list shows another quarter, and is not offered on the convention's
 * last quarter, which has no next one, nor on a quarter not begun (docs/WORKBOOK.md, « Historique »).
 */
export function FollowUpPanel(props: FollowUpPanelProps) {
  const { workbook, sheets, today, onWritten } = props;
  const quarter = canonicalQuarter(props.quarter);
  const styles = useStyles();
  const [state, run] = useWorkbookTask<Outcome>();
  const busy = useWorkbookBusy();
  const [asking, setAsking] = useState(false);
  const opening = useCellSelection(workbook);
  // Q as last known: the status's, or the one a compute just wrote (before the status is read again). When the
  // status brings another Q (read again after a write, or typed in the cell), the list follows it.
  const [statusQuarter, setStatusQuarter] = useState(quarter);
  const [workbookQuarter, setWorkbookQuarter] = useState(quarter);
  const [selected, setSelected] = useState(quarter);
  if (statusQuarter !== quarter) {
    setStatusQuarter(quarter);
    setWorkbookQuarter(quarter);
    setSelected(quarter);
  }
  const closeHintId = useId();
  // Focus comes back to « Clôturer le trimestre » when its dialog closes (Escape, « Annuler » or « Clôturer »).
  const restoreFocusHere = useRestoreFocusTarget();

  const differs = selected !== workbookQuarter;
  // Why « Clôturer » waits, if it does: another quarter chosen in the list, Q the convention's last, or Q not begun.
  const closeBlocked = differs
    ? texts.followUp.closeNeedsWorkbookQuarter(workbookQuarter)
    : (noNextQuarter(workbookQuarter, { start: props.periodStart, end: props.periodEnd }) ??
      notBegunWhy(workbookQuarter, { start: props.periodStart, end: props.periodEnd }, today()));
  const compute = () =>
    void run(async () => {
      const chosen = differs && selected !== '' ? { quarter: selected } : {};
      const outcome = await computeAndWrite(workbook, { now: today(), ...chosen });
      if (outcome.status !== 'done') return { kind: 'refused', issues: outcome.issues };
      setWorkbookQuarter(outcome.figures.quarter);
      setSelected(outcome.figures.quarter);
      onWritten();
      return {
        kind: 'computed',
        figures: outcome.figures,
        notes: outcome.notes,
        excelNotes: workbook.notes?.() ?? [],
      };
    });

  const close = () => {
    setAsking(false);
    void run(async () => {
      const outcome = await closeQuarterAndWrite(workbook, { now: today() });
      if (outcome.status !== 'done') return { kind: 'refused', issues: outcome.issues };
      setWorkbookQuarter(outcome.next);
      setSelected(outcome.next);
      onWritten();
      return {
        kind: 'closed',
        closed: outcome.closed,
        next: outcome.next,
        nextIsLast: outcome.nextIsLast,
        figures: outcome.figures,
        notes: outcome.notes,
        excelNotes: workbook.notes?.() ?? [],
      };
    });
  };

  const running = state.phase === 'running';
  const result = state.phase === 'done' ? state.result : null;
  return (
    <Section title={texts.followUp.heading}>
      <QuarterSelector
        periodStart={props.periodStart}
        periodEnd={props.periodEnd}
        workbookQuarter={workbookQuarter}
        selected={selected}
        onSelect={setSelected}
        today={today()}
        disabled={running}
      />
      <div className={styles.actions}>
        {/* Focusable while the work runs, so that focus stays where the person pressed. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={compute}>
          {texts.followUp.compute}
        </Button>
        <Button
          appearance="secondary"
          {...restoreFocusHere}
          disabledFocusable={busy || closeBlocked !== null}
          aria-describedby={closeBlocked !== null ? closeHintId : undefined}
          onClick={() => setAsking(true)}
        >
          {texts.followUp.close}
        </Button>
      </div>
      {workbook.rewriteKeepsExcelUndo?.() === false && (
        <div className={styles.hint}>{texts.followUp.excelUndoNotKept}</div>
      )}
      {closeBlocked !== null && (
        <div id={closeHintId} className={styles.hint}>
          {closeBlocked}
        </div>
      )}
      <LiveStatus>
        {running && (
          <Field validationMessage={texts.followUp.running} validationState="none">
            <ProgressBar aria-label={texts.followUp.running} />
          </Field>
        )}
        {result?.kind === 'closed' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{texts.followUp.closed(result.closed, result.next, result.nextIsLast)}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.kind !== 'refused' && <FiguresSentence figures={result.figures} />}
        {result && result.kind !== 'refused' && <RewriteNotes notes={result.notes} excelNotes={result.excelNotes} />}
        {result?.kind === 'refused' && <RefusalBar title={texts.followUp.refused} issues={result.issues} />}
        {state.phase === 'failed' && <ExcelErrorBar error={state.error} />}
      </LiveStatus>
      {result && result.kind !== 'refused' && <AxisBars figures={result.figures} />}
      {/* What refused the rewrite, listed and linked as « Vérifier le classeur » lists it. */}
      {result?.kind === 'refused' && (
        <IssueList
          issues={result.issues}
          presentSheets={sheets}
          onSelect={opening.select}
          label={texts.followUp.refusedListLabel}
        />
      )}
      <SheetLinks sheets={sheets} onOpen={(sheet) => opening.select(sheet, 'A1')} />
      {opening.status}
      <CloseQuarterDialog
        open={asking}
        quarter={workbookQuarter}
        endsOn={endAhead(workbookQuarter, today())}
        onConfirm={close}
        onCancel={() => setAsking(false)}
      />
    </Section>
  );
}
