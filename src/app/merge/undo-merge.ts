import { isoTimestamp } from '../../domain/excel-dates';
import { sameValue } from '../../domain/merge/cell-decision';
import {
  cellJournalValue,
  isPlanRowRemoval,
  isQuarterValueArchival,
  mergeUndone,
  valueUndone,
  type JournalRecord,
  type JournalValue,
} from '../../domain/journal';
import type { CellLeftSinceMerge } from '../../domain/messages/undo-left';
import type { EnteredCell } from '../../layout/entered-values';
import type { ArchiveEntry } from '../../layout/sheets/archives/archive-sheet';
import { markAbandonments } from '../abandonment-quarters';
import { computeWorkbook } from '../compute';
import { readSheet } from '../../domain/grid';
import { readJournalSheet } from '../../layout/sheets/journal/journal-read';
import { sheetNames } from '../../layout/texts';
import type { WorkbookPort, WorkbookReader } from '../port';
import { journalSheet } from '../sheet-selections';
import { hasErrors, loadValidState, refusedBy, writeRewrite, type RewriteOutcome } from '../rewrite-use-cases';
import type { WorkbookState } from '../workbook-state';
import { undoneAfterClosingNotes } from './closed-quarter-note';
import { columnWords, isQuarterField, masterRowsOf, placedAsWritten, type MasterRow } from './master-rows';
import { enteredCellOf, masterValueOf } from './returned-value';

/**
 * « Annuler la dernière fusion » (`ctg-suivi undo`): the cells the last merge changed get back the value they had
 * before it, its Contributions lines go, and the Journal says so, line by line (docs/WORKBOOK.md, « Merging
 * returned rows »). A cell changed since by someone else is not overwritten but reported; one set back since to its
 * value before the merge is reported as having nothing to give back. A merge is told by the instant its Journal
 * lines share; one already undone is named by its undo's closing line.
 */

/** Where a master cell is: its axis sheet and address (null when the row is not found). */
export interface MasterPlace {
  sheet: string | null;
  cell: string | null;
}

export interface UndoneCell extends MasterPlace {
  key: string;
  field: string;
  column: string;
  /** What the merge had put there, and what the cell holds again. */
  merged: JournalValue;
  restored: JournalValue;
  file: string | null;
  partner: string | null;
}

/** A cell the merge changed that holds something else now: left as it is. */
export interface CellChangedSince extends MasterPlace {
  key: string;
  field: string;
  column: string;
  merged: JournalValue;
  now: JournalValue;
  /**
   * Set when a regeneration removed the cell from the workbook since the merge, its value going to `Archives`: with
   * its row from the plan (`removed: 'row'`), or with its quarter's column from a changed period (`'quarter'`, the row
   * staying). The value the cell held then, which `Archives` keeps (null when it was empty: nothing kept), and whether
   * a later regeneration put the row or the column back (its cells empty: a cell empty before the merge is then back
   * at its value before it, what it held when it left in `Archives`). Null otherwise.
   */
  leftPlan: CellLeftSinceMerge | null;
}

export interface UndoReport {
  /** The merge undone (its instant), or null when there was none to undo. */
  mergeAt: string | null;
  files: string[];
  restored: UndoneCell[];
  changedSince: CellChangedSince[];
  /** Cells set back since to what they held before the merge (emptied, retyped): nothing to give back. */
  alreadyBefore: CellChangedSince[];
  contributionsRemoved: number;
  written: boolean;
}

const UNDONE_FIELD = /^merge:(.+)$/;

/** One id per master cell, from its row's key and its field id (a quarter's label for a quarter cell). */
const cellOf = (key: string, field: string): string => `${key}\u0000${field}`;

/**
 * The cells an undo gave back, once each. A cell two files of the merge changed has a line of each in `restored`, the
 * last file's first: it is told from what the merge had left in it to the value it holds again.
 */
export function cellsGivenBack<T extends { key: string; field: string; restored?: JournalValue }>(
  restored: readonly T[],
): T[] {
  const cells = new Map<string, T>();
  for (const line of restored) {
    const cell = cellOf(line.key, line.field);
    const told = cells.get(cell);
    cells.set(cell, told ? { ...told, restored: line.restored } : line);
  }
  return [...cells.values()];
}

/** The instant of the last merge not yet undone, or null. */
export function lastMergeAt(journal: readonly JournalRecord[]): string | null {
  const undone = new Set(
    journal.flatMap((line) => {
      const match = line.operation === 'undo' && line.field ? UNDONE_FIELD.exec(line.field) : null;
      return match ? [match[1]] : [];
    }),
  );
  for (let index = journal.length - 1; index >= 0; index -= 1) {
    const line = journal[index];
    if (line.operation === 'merge' && !undone.has(line.at)) return line.at;
  }
  return null;
}

/** The state with the merge of `mergeAt` undone, and what was done. */
export function undoMerge(
  state: WorkbookState,
  rows: ReadonlyMap<string, MasterRow>,
  mergeAt: string,
  now: string,
): { state: WorkbookState; report: UndoReport } {
  const placeOf = (key: string, field: string): MasterPlace => {
    const row = rows.get(key);
    return { sheet: row?.sheet || null, cell: row?.addresses.get(field) ?? null };
  };
  // Every row of the plan is one of `rows`: a key that is not has left the plan since the merge. One that is may have
  // left and come back (a fiche's key is its ref in the plan), as the Journal says. A quarter's cell of a row in the
  // plan without a place has left with its column (a changed period); one whose value the Journal says archived since
  // may have come back with it. Either way, what the cell held when it left is in Archives: the last value archived
  // for it since the merge (an earlier removal's is not it).
  const since = state.journal.filter((line) => line.at >= mergeAt);
  const rowsRemovedSince = new Set(since.filter(isPlanRowRemoval).map((line) => line.rowKey));
  const quartersRemovedSince = new Set(
    since.filter(isQuarterValueArchival).map((line) => cellOf(line.rowKey, line.field)),
  );
  const removedFrom = (key: string, field: string): 'row' | 'quarter' | null => {
    if (!rows.has(key) || rowsRemovedSince.has(key)) return 'row';
    if (!isQuarterField(field)) return null;
    return placeOf(key, field).cell === null || quartersRemovedSince.has(cellOf(key, field)) ? 'quarter' : null;
  };
  const leftPlanOf = (key: string, field: string, column: string): CellChangedSince['leftPlan'] => {
    const removed = removedFrom(key, field);
    if (removed === null) return null;
    // The latest by its instant, not by its line: the officer may have sorted Archives.
    const archived = state.archives.entries
      .filter((entry) => entry.key === key && entry.column === column && entry.archivedAt >= mergeAt)
      .reduce<ArchiveEntry | undefined>(
        (latest, entry) => (latest && latest.archivedAt > entry.archivedAt ? latest : entry),
        undefined,
      )?.value;
    return {
      removed,
      archived: archived ? cellJournalValue(archived.value, archived.isDate) : null,
      backInPlan: removed === 'row' ? rows.has(key) : placeOf(key, field).cell !== null,
    };
  };
  const lines = state.journal.filter((line) => line.operation === 'merge' && line.at === mergeAt);
  const entered = new Map<string, Map<string, EnteredCell>>();
  for (const [key, row] of state.entered) entered.set(key, new Map(row));
  const report: UndoReport = {
    mergeAt,
    files: [...new Set(lines.flatMap((line) => (line.file ? [line.file] : [])))],
    restored: [],
    changedSince: [],
    alreadyBefore: [],
    contributionsRemoved: 0,
    written: false,
  };
  const journal: JournalRecord[] = [];
  // What each cell held before the merge: its first line's value before (a cell two files changed has two lines).
  const beforeMerge = new Map<string, JournalValue>();
  for (const line of lines) {
    if (line.rowKey === null || line.field === null) continue;
    const cell = cellOf(line.rowKey, line.field);
    if (!beforeMerge.has(cell)) beforeMerge.set(cell, line.before);
  }
  // A cell changed since the merge keeps what it holds: its earlier lines (a cell two files changed) are not undone,
  // even when it holds again what one of them wrote.
  const keptCells = new Set<string>();
  // Backwards, so that a cell a merge changed twice ends at its first value.
  for (const line of [...lines].reverse()) {
    if (line.rowKey === null || line.field === null) continue;
    const cell = cellOf(line.rowKey, line.field);
    if (keptCells.has(cell)) continue;
    const row = entered.get(line.rowKey) ?? new Map<string, EnteredCell>();
    const current = masterValueOf(line.field, rows.get(line.rowKey)?.kind ?? null, row.get(line.field));
    const column = columnWords(line.field);
    if (!sameValue(current, line.after)) {
      keptCells.add(cell);
      const place = placeOf(line.rowKey, line.field);
      // A cell no longer in the tracking (its row out of the plan or its quarter out of the period, its value in
      // Archives) reads empty: it is changed, and said to have left. One that left and came back empty may be back at
      // its value before the merge: said to have left too, since Archives keeps what it held when it left.
      const back = place.cell !== null && sameValue(current, beforeMerge.get(cell)!);
      (back ? report.alreadyBefore : report.changedSince).push({
        key: line.rowKey,
        field: line.field,
        column,
        merged: line.after,
        now: current,
        leftPlan: leftPlanOf(line.rowKey, line.field, column),
        ...place,
      });
      continue;
    }
    row.set(line.field, enteredCellOf(line.before));
    entered.set(line.rowKey, row);
    const change = { key: line.rowKey, field: line.field, header: line.label, before: current, after: line.before };
    journal.push(valueUndone(now, { ...change, file: line.file ?? '', partner: line.partner ?? '' }));
    report.restored.push({
      key: line.rowKey,
      field: line.field,
      column,
      merged: line.after,
      restored: line.before,
      file: line.file,
      partner: line.partner,
      ...placeOf(line.rowKey, line.field),
    });
  }
  const kept = state.contributions.entries.filter((entry) => entry.at !== mergeAt);
  report.contributionsRemoved = state.contributions.entries.length - kept.length;
  journal.push(mergeUndone(now, mergeAt));
  return {
    state: {
      ...state,
      entered,
      journal: [...state.journal, ...journal],
      contributions: { ...state.contributions, entries: kept },
    },
    report,
  };
}

/**
 * Whether the workbook behind `port` has a merge to undo, read from its Journal alone, so that the pane says there is
 * none before asking to undo one. Without a Journal it cannot tell: true, and the undo says what is wrong.
 */
export async function hasMergeToUndo(port: WorkbookReader): Promise<boolean> {
  const grid = readSheet(await port.read({ sheets: journalSheet }), sheetNames.journal);
  return grid === null || lastMergeAt(readJournalSheet(grid).entries) !== null;
}

/** Undoes the last merge of the workbook behind `port`; nothing written when there is none. */
export async function undoLastMerge(
  port: WorkbookPort,
  { now }: { now: Date },
): Promise<RewriteOutcome<{ report: UndoReport }>> {
  const loaded = await loadValidState(port, now);
  if (!loaded.ok) return loaded.outcome;
  const mergeAt = lastMergeAt(loaded.state.journal);
  if (mergeAt === null) {
    const report = {
      mergeAt,
      files: [],
      restored: [],
      changedSince: [],
      alreadyBefore: [],
      contributionsRemoved: 0,
      written: false,
    };
    return { status: 'done', notes: [], report };
  }
  const rows = masterRowsOf(loaded.state, loaded.tracking.axisSheets);
  const undone = undoMerge(loaded.state, rows, mergeAt, isoTimestamp(now));
  // A Statut given back keeps « Abandonnée en » in step, as a compute would.
  const result = await computeWorkbook(markAbandonments(undone.state, { now, operation: 'compute' }), { now });
  if (hasErrors(result.notes)) return refusedBy(result.notes);
  const { restored, changedSince, alreadyBefore } = undone.report;
  const mergeLine = loaded.state.journal.findIndex((line) => line.operation === 'merge' && line.at === mergeAt);
  const closings = undoneAfterClosingNotes(
    loaded.state,
    mergeLine,
    restored.map((cell) => cell.field),
  );
  const written = await writeRewrite(port, result.spec, {
    grids: loaded.grids,
    read: loaded.state,
    notes: result.notes,
  });
  if (!written.ok) return written.outcome;
  const notes = [...written.notes, ...closings];
  const placed = {
    restored: placedAsWritten(restored, undone.state),
    changedSince: placedAsWritten(changedSince, undone.state),
    alreadyBefore: placedAsWritten(alreadyBefore, undone.state),
  };
  return { status: 'done', notes, report: { ...undone.report, ...placed, written: true } };
}
