import { createIssue, type Issue } from '../domain/issues';
import { copiedSheet } from '../layout/copied-sheet';
import { cellNotesOfSheets, placeCellNotes, tablesOfNotes } from './cell-notes-of-workbook';
import type { WorkbookFigures } from '../layout/workbook-figures';
import type { SheetSpec, WorkbookSpec } from '../layout/workbook-spec';
import { erasePersonalDataGone } from './erase-personal-data';
import { placeKeptCellsInWorkbook } from './kept-cells-of-workbook';
import { personalDataOfSpec } from './personal-data-in-records';
import { keptFormulaNotes, withKeptFormulaLines } from './kept-formula-checks';
import { followKeptFormulas, formulaCellsOf, movesOfTables, type FormulaToCheck } from './kept-formulas';
import { lostCriterionTitleNotes } from './lost-criterion-titles';
import { layoutOfState } from './state-layout';
import type { WorkbookState } from './workbook-state';

/**
 * A workbook state → the whole workbook to write (the writers write whole workbooks). The layout rebuilds every
 * sheet it knows from the state's plan with the entered values in place; the Journal, Historique, Archives and
 * `_ctg` are carried over. Other sheets: a sheet the layout rebuilds without any input cell (formulas only) is
 * rebuilt; any other is copied back from what was read, with a warning, so that nothing entered is lost.
 */
export interface StateWorkbook {
  spec: WorkbookSpec;
  fingerprint: string;
  /**
   * Warnings about what could not be kept whole (sheets copied as values), and errors about a person's cells that
   * cannot go back (then the spec must not be written: the use cases refuse).
   */
  notes: Issue[];
  /** The figures the formulas' cached results were written from (what `compute` prints). */
  cachedFigures: WorkbookFigures;
}

function hasInputCell(sheet: SheetSpec): boolean {
  return sheet.rows.some((row) => row.cells.some((cell) => cell?.style?.locked === false));
}

function copiedNote(sheetName: string): Issue {
  return createIssue('sheet-copied-as-values', { sheet: null, cell: null }, { sheetName });
}

/**
 * The tools' sheets in their order, with a person's own sheets each where it was read: after the sheet it followed
 * (even after the hidden `_ctg`, where Excel adds a sheet), first when it was. A sheet left where it was keeps the
 * workbook's shape, so a rewrite that changes nothing else of it leaves the person's sheet untouched, its look
 * included (src/app/shape-keeping-changes.ts).
 */
function inReadOrder(
  sheets: readonly SheetSpec[],
  own: readonly SheetSpec[],
  readOrder: readonly string[],
): SheetSpec[] {
  const placed = [...sheets];
  for (const sheet of own) {
    const index = readOrder.indexOf(sheet.name);
    // A sheet of no known place goes just before `_ctg`, the last of the tools' sheets.
    const after = index < 0 ? placed[placed.length - 2]?.name : precedingOf(readOrder.slice(0, index), placed);
    placed.splice(after === undefined ? 0 : placed.findIndex((one) => one.name === after) + 1, 0, sheet);
  }
  return placed;
}

/** The last of the names read before a sheet that is already placed. */
function precedingOf(namesBefore: readonly string[], placed: readonly SheetSpec[]): string | undefined {
  return [...namesBefore].reverse().find((name) => placed.some((one) => one.name === name));
}

/**
 * The workbook to write for a state. Two things are known only once it is built, and each adds Journal lines: a
 * person's formulas whose references could not all be followed (kept-formula-checks.ts), and the personal data its
 * records keep that the tracking written with them no longer holds, erased (erase-personal-data.ts). Either way it
 * is built once more from the state so journalled, the erasure's notes added.
 */
export async function buildStateWorkbook(state: WorkbookState, { now }: { now: Date }): Promise<StateWorkbook> {
  const built = await builtWithRecords(state, now);
  // What became of the criterion rows found without their Intitulé, as the plan written has them.
  return { ...built, notes: [...built.notes, ...lostCriterionTitleNotes(state.lostCriterionTitles, state.plan)] };
}

/** The workbook of `buildStateWorkbook`, built again when its records got lines (see there). */
async function builtWithRecords(state: WorkbookState, now: Date): Promise<StateWorkbook> {
  const { built, formulasToCheck } = await buildWorkbookAsIs(state, now);
  const checked = withKeptFormulaLines(state, formulasToCheck, now);
  // The lines added are records: neither the tracking's personal data nor the records' headers change with them.
  const erasure = erasePersonalDataGone(checked, {
    tracking: () => personalDataOfSpec(built.spec),
    spec: built.spec,
    now,
  });
  if (!erasure && checked === state) return built;
  const again = await buildWorkbookAsIs(erasure?.state ?? checked, now);
  return { ...again.built, notes: [...again.built.notes, ...(erasure?.notes ?? [])] };
}

/** The workbook built from the state as it is, and the person's formulas it could not wholly follow. */
async function buildWorkbookAsIs(
  state: WorkbookState,
  now: Date,
): Promise<{ built: StateWorkbook; formulasToCheck: FormulaToCheck[] }> {
  const { spec, fingerprint, figures } = await layoutOfState(state, now);
  const notes: Issue[] = [];
  const sheets = [...spec.sheets];
  const appended: SheetSpec[] = [];
  const copied: SheetSpec[] = [];
  for (const grid of state.otherSheets) {
    const index = sheets.findIndex((sheet) => sheet.name === grid.name);
    if (index >= 0 && !hasInputCell(sheets[index])) continue;
    notes.push(copiedNote(grid.name));
    const copy = copiedSheet(grid);
    copied.push(copy);
    if (index >= 0) sheets[index] = copy;
    else appended.push(copy);
  }
  const written = { ...spec, sheets: inReadOrder(sheets, appended, state.sheetOrder) };
  const moves = movesOfTables(written, state.tablesAsRead);
  // The notes on cells go where their cells go: their tables' moves are taken, as these, before kept cells widen them.
  const notesRead = [...state.cellNotes, ...cellNotesOfSheets(state.otherSheets)];
  notes.push(...placeCellNotes(written, notesRead, movesOfTables(written, tablesOfNotes(notesRead))));
  const placing = placeKeptCellsInWorkbook(written, state.kept, moves);
  notes.push(...placing.issues);
  // A person's formulas name the cells as read: they follow them where the rebuilt sheets put them.
  const formulaCells = [
    ...placing.placed.map(({ kept, row, column }) => ({ sheet: kept.sheet, row, column })),
    ...copied.flatMap(formulaCellsOf),
  ];
  const formulasToCheck = followKeptFormulas(written, moves, formulaCells);
  notes.push(...keptFormulaNotes(formulasToCheck));
  return { built: { spec: written, fingerprint, notes, cachedFigures: figures }, formulasToCheck };
}
