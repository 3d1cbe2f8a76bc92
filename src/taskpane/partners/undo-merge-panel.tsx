import {
  Body1,
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
  cellsGivenBack,
  hasMergeToUndo,
  quotedJournalValue,
  undoLastMerge,
  type CellLeftSinceMerge,
  type Issue,
  type UndoReport,
} from '../../app';
import { ConfirmDialog } from '../common/confirm-dialog';
import { useCellSelection } from '../common/cell-selection';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { texts } from '../texts';
import { IssueList } from '../validate/issue-list';
import { RefusalBar } from '../validate/refusal-bar';
import type { WorkbookAccess } from '../workbook-access';
import { RewriteNotes } from '../common/rewrite-notes';
import { CellLink } from './cell-link';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * Cells the undo left as they are, in a bar: changed since the merge (a warning), or back at their value before it
 * (nothing to give back). Each says what the merge had put there and what it holds, with a link to it; one whose row
 * left the plan since, or whose quarter's column left the workbook, that it did (and came back, if so) and what
 * Archives keeps of it, with a link only if back.
 */
function CellsLeft({
  intent,
  heading,
  line,
  cells,
  describedBy,
  onSelect,
}: {
  intent: 'warning' | 'info';
  heading: string;
  line: (key: string, column: string, merged: string, now: string, left: CellLeftSinceMerge | null) => string;
  cells: UndoReport['changedSince'];
  describedBy: string;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  if (cells.length === 0) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {heading}
        <ul className={styles.list}>
          {cells.map((cell, index) => (
            <li key={index}>
              {line(
                cell.key,
                cell.column,
                quotedJournalValue(cell.merged),
                quotedJournalValue(cell.now),
                cell.leftPlan,
              )}{' '}
              <CellLink at={cell} describedBy={describedBy} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** An undo done: its report, and what the rewrite of the workbook said of it (RewriteNotes). */
type Outcome =
  { ok: true; report: UndoReport; notes: Issue[]; excelNotes: readonly string[] } | { ok: false; issues: Issue[] };

/**
 * « Annuler la dernière fusion » (`ctg-suivi undo`): asked first (naming the merge when the pane made it), then the
 * cells restored, those changed since, which are left as they are, and those already back at their value before.
 */
export function UndoMergePanel({
  workbook,
  sheets,
  today,
  lastMerge,
  onUndone,
}: {
  workbook: WorkbookAccess;
  /** The open workbook's sheets: a refusal's problems link to those still there. */
  sheets: readonly string[];
  today: () => Date;
  /** The merge this pane wrote last, if any: the dialog names it. */
  lastMerge: { at: Date; files: string[] } | null;
  onUndone: () => void;
}) {
  const styles = useStyles();
  const introId = useId();
  const [asking, setAsking] = useState(false);
  const [state, run, resetState] = useWorkbookTask<Outcome>();
  const busy = useWorkbookBusy();
  // Whether there is a merge to undo, looked at in the Journal before asking: never a dialog for nothing.
  const [found, runFinding] = useWorkbookTask<boolean>();
  const restoreFocusHere = useRestoreFocusTarget();
  const { select, status: selectionStatus } = useCellSelection(workbook);

  const undo = () => {
    setAsking(false);
    void run(async () => {
      const outcome = await undoLastMerge(workbook, { now: today() });
      if (outcome.status !== 'done') return { ok: false, issues: outcome.issues };
      if (outcome.report.written) onUndone();
      const excelNotes = outcome.report.written ? (workbook.notes?.() ?? []) : [];
      return { ok: true, report: outcome.report, notes: outcome.notes, excelNotes };
    });
  };

  const findThenAsk = () => {
    resetState();
    void runFinding(async () => {
      const there = await hasMergeToUndo(workbook);
      if (there) setAsking(true);
      return there;
    });
  };

  const result = state.phase === 'done' ? state.result : null;
  const report = result?.ok ? result.report : null;
  const restored = report ? cellsGivenBack(report.restored) : [];
  return (
    <Section title={texts.undoMerge.heading}>
      <Body1 id={introId}>{texts.undoMerge.intro}</Body1>
      <Button
        className={styles.action}
        appearance="secondary"
        {...restoreFocusHere}
        disabledFocusable={busy}
        aria-describedby={introId}
        onClick={findThenAsk}
      >
        {texts.undoMerge.button}
      </Button>
      <LiveStatus>
        {state.phase === 'running' && (
          <Field validationMessage={texts.undoMerge.running} validationState="none">
            <ProgressBar aria-label={texts.undoMerge.running} />
          </Field>
        )}
        {found.phase === 'failed' && <ExcelErrorBar error={found.error} />}
        {found.phase === 'done' && !found.result && <Body1>{texts.undoMerge.none}</Body1>}
        {state.phase === 'failed' && <ExcelErrorBar error={state.error} />}
        {result && !result.ok && <RefusalBar title={texts.undoMerge.refused} issues={result.issues} />}
        {report && report.mergeAt === null && <Body1>{texts.undoMerge.none}</Body1>}
        {report && report.mergeAt !== null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {texts.undoMerge.done(report.files, restored.length, report.contributionsRemoved)}
            </MessageBarBody>
          </MessageBar>
        )}
        {result?.ok && <RewriteNotes notes={result.notes} excelNotes={result.excelNotes} />}
        {selectionStatus}
      </LiveStatus>
      {restored.length > 0 && (
        <ul className={styles.list}>
          {restored.map((cell, index) => (
            <li key={index}>
              {texts.undoMerge.restoredLine(
                cell.key,
                cell.column,
                quotedJournalValue(cell.merged),
                quotedJournalValue(cell.restored),
              )}{' '}
              <CellLink at={cell} describedBy={introId} onSelect={select} />
            </li>
          ))}
        </ul>
      )}
      {report && (
        <CellsLeft
          intent="warning"
          heading={texts.undoMerge.changedSince}
          line={texts.undoMerge.changedLine}
          cells={report.changedSince}
          describedBy={introId}
          onSelect={select}
        />
      )}
      {report && (
        <CellsLeft
          intent="info"
          heading={texts.undoMerge.alreadyBefore}
          line={texts.undoMerge.alreadyBeforeLine}
          cells={report.alreadyBefore}
          describedBy={introId}
          onSelect={select}
        />
      )}
      {/* What refused the undo, listed and linked as « Vérifier le classeur » lists it. */}
      {result && !result.ok && (
        <IssueList
          issues={result.issues}
          presentSheets={sheets}
          onSelect={select}
          label={texts.followUp.refusedListLabel}
        />
      )}
      <ConfirmDialog
        open={asking}
        title={texts.undoMerge.title}
        body={lastMerge ? texts.undoMerge.bodyKnown(lastMerge.at, lastMerge.files) : texts.undoMerge.body}
        confirmLabel={texts.undoMerge.confirm}
        cancelLabel={texts.undoMerge.keep}
        onConfirm={undo}
        onCancel={() => setAsking(false)}
      />
    </Section>
  );
}
