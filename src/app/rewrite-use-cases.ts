import { createIssue, type Issue } from '../domain/issues';
import { readExtractMeta } from '../layout/sheets/ctg-meta/extract-meta';
import { CTG_FORMAT_VERSION } from '../layout/sheets/ctg-meta/ctg-meta-layout';
import { formatUpdateJournalEntry } from '../layout/workbook-layout';
import type { WorkbookSpec } from '../layout/workbook-spec';
import { chooseQuarter, chosenAheadNotes, quarterChoiceLine } from './choose-quarter';
import { onlyCurrentQuarterCell, withCurrentQuarterCell } from './current-quarter-cell';
import { parseTypedQuarter, quarterLabel } from '../domain/periods';
import { markAbandonments } from './abandonment-quarters';
import { closeQuarter, type CloseQuarterResult } from './close-quarter';
import { computeWorkbook, type ComputedFigures } from './compute';
import { WholeWriteRefused, type WorkbookGrids, type WorkbookPort, type WriteContext } from './port';
import type { Plan } from '../domain/plan';
import { regenerateWorkbook, type RegenerateReport } from './regenerate';
import { readTrackingWorkbook, type TrackingWorkbookReading } from './read-tracking-workbook';
import { restoredTextNotes, withRestoredTextLines } from './restored-texts';
import { restoredCriterionLines } from './lost-criterion-titles';
import { refusesRewrite, reorderedNotes, withRowOrderLines } from './row-order';
import { shapeKeepingChanges } from './shape-keeping-changes';
import { unreadNotesIssues } from './unread-notes';
import { validateReading } from './validate';
import { buildStateWorkbook } from './write-state';
import { recordSheetIssues, workbookStateOf, type WorkbookState } from './workbook-state';

/**
 * The use cases that rewrite a tracking workbook in place, over a port (a file, or the open workbook). They
 * refuse a workbook they cannot read, and one with validation errors (a broken workbook is not rewritten: the
 * errors are returned for the user to fix); otherwise they write the whole workbook once.
 */

export type RewriteOutcome<T> =
  | { status: 'unreadable'; issues: Issue[] }
  | { status: 'refused'; issues: Issue[] }
  | ({ status: 'done'; notes: Issue[] } & T);

type Loaded =
  | { ok: true; state: WorkbookState; grids: WorkbookGrids; tracking: TrackingWorkbookReading }
  | { ok: false; outcome: RewriteOutcome<never> };

/** Reads, validates and reads whole; `today` is the validation's today (the caller's clock). */
export async function loadValidState(port: Pick<WorkbookPort, 'read'>, now: Date): Promise<Loaded> {
  return validStateOf(await port.read(), now);
}

/** Validates and reads whole from one reading of the grids (the sheets are parsed once). */
async function validStateOf(grids: WorkbookGrids, now: Date): Promise<Loaded> {
  // A partner's extract is no master: rewriting it, or merging into it, would make no sense (arguments swapped).
  const extract = readExtractMeta(grids);
  if (extract) {
    const issue = createIssue('workbook-is-extract', { sheet: null, cell: null }, { partner: extract.partner });
    return { ok: false, outcome: { status: 'unreadable', issues: [issue] } };
  }
  const tracking = await readTrackingWorkbook(grids);
  const report = validateReading(grids, tracking, { today: now });
  if (!report.readable || !tracking.ok) return { ok: false, outcome: { status: 'unreadable', issues: report.issues } };
  // A record sheet's line the tools cannot read back (a person's note) refuses too: named with the others, as
  // `validate` names them, not only once those are put right.
  const errors = [...report.issues, ...(tracking.ok ? recordSheetIssues(tracking) : [])].filter(refusesRewrite);
  if (errors.length > 0) return { ok: false, outcome: { status: 'refused', issues: errors } };
  const reading = await workbookStateOf(grids, tracking);
  if (!reading.ok) return { ok: false, outcome: { status: 'unreadable', issues: reading.issues } };
  const readingErrors = reading.issues.filter((issue) => issue.severity === 'error');
  if (readingErrors.length > 0) return { ok: false, outcome: { status: 'refused', issues: readingErrors } };
  const state = withRestoredCriterionLines(
    withRestoredTextLines(withRowOrderLines(withFormatUpdateLine(reading.state, now), now), now),
    now,
  );
  return { ok: true, state, grids, tracking };
}

/** The Journal lines of the criterion rows given back their Intitulé from the embedded plan (lost-criterion-titles.ts). */
function withRestoredCriterionLines(state: WorkbookState, now: Date): WorkbookState {
  const lines = restoredCriterionLines(state.lostCriterionTitles, now);
  return lines.length === 0 ? state : { ...state, journal: [...state.journal, ...lines] };
}

/**
 * Every rewrite writes the current format: a workbook read from an older one gets, before the lines of the
 * rewrite itself, one Journal line saying so.
 */
function withFormatUpdateLine(state: WorkbookState, now: Date): WorkbookState {
  const from = state.meta.migratedFrom;
  if (from === null) return state;
  return { ...state, journal: [...state.journal, formatUpdateJournalEntry(from, CTG_FORMAT_VERSION, now)] };
}

/**
 * What a rewrite hands the write: the grids it read, and the cell changes when the spec keeps the workbook's
 * shape (a back end may then write only those: shape-keeping-changes.ts). `read` is the state as loaded, before
 * the use case changed it.
 */
function rewriteContext(grids: WorkbookGrids, spec: WorkbookSpec, read: WorkbookState): WriteContext {
  const changes = shapeKeepingChanges(grids, spec, {
    kept: read.kept,
    migratedFrom: read.meta.migratedFrom,
    plan: read.plan,
  });
  return changes ? { after: grids, changes } : { after: grids };
}

/** What a rewrite's write gave: its notes, or its refusal, nothing written. */
export type Written = { ok: true; notes: Issue[] } | { ok: false; outcome: RewriteOutcome<never> };

/**
 * Writes a rewrite and returns its notes as they hold for the write made: when only changed cells are written, a
 * person's own sheet is left as it was (its look included), so the warning that it was copied without its look is
 * not given. Every rewrite also says which of the tools' texts it wrote back over a person's (journalled when read).
 * A workbook a sheet's notes of which could not be read is never written whole, which would drop them: the rewrite
 * is refused, naming those sheets (unread-notes.ts), unless it only patches cells, which leaves the notes as they are.
 */
export async function writeRewrite(
  port: WorkbookPort,
  spec: WorkbookSpec,
  { grids, read, notes }: { grids: WorkbookGrids; read: WorkbookState; notes: readonly Issue[] },
): Promise<Written> {
  const context = rewriteContext(grids, spec, read);
  const unread = unreadNotesIssues(grids);
  const refused: Written = { ok: false, outcome: { status: 'refused', issues: unread } };
  if (unread.length > 0 && !context.changes) return refused;
  try {
    await port.write(spec, unread.length > 0 ? { ...context, patchOnly: true } : context);
  } catch (error) {
    if (error instanceof WholeWriteRefused) return refused;
    throw error;
  }
  // A patched write leaves what it does not change as it was: a person's own sheet, its look included, and the notes
  // on cells, which a whole write moves with their cells or names when their place is gone (cell-notes-of-workbook.ts).
  const patchedAway = new Set(['sheet-copied-as-values', 'cell-note-not-kept']);
  const written = context.changes ? notes.filter((note) => !patchedAway.has(note.code)) : [...notes];
  const rebuilt = !context.changes;
  return {
    ok: true,
    notes: [...reorderedNotes(read, { rebuilt }), ...written, ...restoredTextNotes(read, { rebuilt })],
  };
}

export const hasErrors = (notes: readonly Issue[]) => notes.some((note) => note.severity === 'error');

/** A rewrite whose spec could not keep everything a person typed (kept-cells-of-workbook.ts): nothing written. */
export function refusedBy(notes: readonly Issue[]): RewriteOutcome<never> {
  return { status: 'refused', issues: notes.filter((note) => note.severity === 'error') };
}

/** Q before and after a compute that was given a quarter; null when Q stayed as it was. */
export interface QuarterChange {
  /** The current quarter before, as typed; null when its cell was empty (repaired by the choice). */
  from: string | null;
  to: string;
}

/**
 * `compute`: refreshes formulas and cached results and returns the figures, « Abandonnée en » first kept in step
 * with Statut (`markAbandonments`, journalled). Given `quarter` (`AAAA-Tn`), that
 * quarter is made the current one first (`chooseQuarter`: a Journal line when Q changes), so the figures are
 * that quarter's and the workbook is still read once and written once; a quarter that is malformed or outside
 * the convention is refused and nothing is written.
 */
export async function computeAndWrite(
  port: WorkbookPort,
  { now, quarter }: { now: Date; quarter?: string },
): Promise<RewriteOutcome<{ figures: ComputedFigures; spec: WorkbookSpec; quarterChange: QuarterChange | null }>> {
  const grids = await port.read();
  const start = await startingState(grids, quarter, now);
  if (!start.ok) return start.outcome;
  const state = markAbandonments(start.state, { now, operation: 'compute' });
  const result = await computeWorkbook(state, { now });
  if (hasErrors(result.notes)) return refusedBy(result.notes);
  const written = await writeRewrite(port, result.spec, { grids, read: start.state, notes: result.notes });
  if (!written.ok) return written.outcome;
  const ahead = start.change ? chosenAheadNotes(start.change.to, now, start.state.plan.period) : [];
  return {
    status: 'done',
    notes: [...ahead, ...written.notes],
    figures: result.figures,
    spec: result.spec,
    quarterChange: start.change,
  };
}

type Started =
  { ok: true; state: WorkbookState; change: QuarterChange | null } | { ok: false; outcome: RewriteOutcome<never> };

/** The state to compute: as read, with the chosen quarter made current (journalled when it changes). */
async function startingState(grids: WorkbookGrids, quarter: string | undefined, now: Date): Promise<Started> {
  const loaded = await validStateOf(grids, now);
  if (!loaded.ok)
    return (quarter !== undefined && (await repairedCurrentQuarter(grids, loaded.outcome, quarter, now))) || loaded;
  if (quarter === undefined) return { ok: true, state: loaded.state, change: null };
  const chosen = chooseQuarter(loaded.state, quarter, { now });
  if (!chosen.ok) return { ok: false, outcome: { status: 'refused', issues: chosen.issues } };
  return { ok: true, state: chosen.state, change: chosen.changed ? { from: chosen.from, to: chosen.to } : null };
}

/**
 * A workbook refused only because of its current-quarter cell (typed wrong by hand), given a well-formed quarter:
 * read again with that quarter in the cell, the change journalled from what the cell held. Null when the choice
 * cannot repair it (the refusal stands).
 */
async function repairedCurrentQuarter(
  grids: WorkbookGrids,
  refusal: { issues: Issue[] },
  quarter: string,
  now: Date,
): Promise<Started | null> {
  const wanted = parseTypedQuarter(quarter);
  if (!wanted || !onlyCurrentQuarterCell(refusal.issues)) return null;
  const patched = withCurrentQuarterCell(grids, quarterLabel(wanted));
  if (!patched) return null;
  const loaded = await validStateOf(patched.grids, now);
  if (!loaded.ok) return loaded;
  const { shown } = patched.previous;
  const change = { from: shown.trim() === '' ? null : shown, to: quarterLabel(wanted) };
  const journal = [...loaded.state.journal, quarterChoiceLine(patched.previous.journal, change.to, now)];
  return { ok: true, state: { ...loaded.state, journal }, change };
}

/**
 * `close-quarter`: « Abandonnée en » kept in step with Statut (as compute does, with the quarter being closed),
 * Q's states into Historique, a Journal line, Q moved on; refused at the last quarter.
 */
export async function closeQuarterAndWrite(
  port: WorkbookPort,
  { now }: { now: Date },
): Promise<RewriteOutcome<Omit<CloseQuarterResult, 'ok' | 'state' | 'notes'> & { figures: ComputedFigures }>> {
  const loaded = await loadValidState(port, now);
  if (!loaded.ok) return loaded.outcome;
  // The fiches abandoned by now are so from the quarter being closed, before Q moves on.
  const closed = closeQuarter(markAbandonments(loaded.state, { now, operation: 'quarter-closing' }), { now });
  if (!closed.ok) return { status: 'refused', issues: closed.issues };
  const result = await computeWorkbook(closed.state, { now });
  if (hasErrors(result.notes)) return refusedBy(result.notes);
  const written = await writeRewrite(port, result.spec, {
    grids: loaded.grids,
    read: loaded.state,
    notes: result.notes,
  });
  if (!written.ok) return written.outcome;
  return {
    status: 'done',
    notes: [...closed.notes, ...written.notes.filter((note) => note.code !== 'ao-table-unavailable')],
    closed: closed.closed,
    next: closed.next,
    nextIsLast: closed.nextIsLast,
    historyRows: closed.historyRows,
    replacedRows: closed.replacedRows,
    figures: result.figures,
  };
}

/**
 * Generating over an existing tracking workbook: the workbook regenerated from the new plan with every entered
 * value kept by key (removed rows archived), the changes journalled.
 */
export async function regenerateAndWrite(
  port: WorkbookPort,
  plan: Plan,
  { now }: { now: Date },
): Promise<RewriteOutcome<{ report: RegenerateReport; spec: WorkbookSpec }>> {
  const loaded = await loadValidState(port, now);
  if (!loaded.ok) return loaded.outcome;
  const regenerated = regenerateWorkbook(loaded.state, plan, { now });
  const built = await buildStateWorkbook(regenerated.state, { now });
  if (hasErrors(built.notes)) return refusedBy(built.notes);
  const written = await writeRewrite(port, built.spec, { grids: loaded.grids, read: loaded.state, notes: built.notes });
  if (!written.ok) return written.outcome;
  return {
    status: 'done',
    notes: [...regenerated.notes, ...written.notes],
    report: regenerated.report,
    spec: built.spec,
  };
}
