import fc from 'fast-check';
import { createExcelPort } from '../../src/excel';
import type { WorkbookPort } from '../../src/app/port';
import {
  closeQuarterAndWrite,
  computeAndWrite,
  regenerateAndWrite,
  type RewriteOutcome,
} from '../../src/app/rewrite-use-cases';
import type { CellValue, GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { Issue } from '../../src/domain/issues';
import type { ContributionEntry } from '../../src/domain/contributions';
import type { Plan } from '../../src/domain/plan';
import { isRowKey } from '../../src/domain/plan';
import { cellAddress } from '../../src/layout/a1';
import { buildContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { createFakeExcel } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip } from './helpers';

/**
 * The rule of every rewrite (compute, close-quarter, regeneration), on both back ends, over
 * workbooks edited at random as people do: values typed in input cells and in grey cells, columns added (after the
 * table, or inserted between the tools' columns), rows inserted where the reader accepts them, tables sorted, notes
 * beside and under the tables (under the lines of Journal and Contributions too, and formulas over their lines), the tools' texts typed over in the sheets of fixed shape, in a workbook whose
 * Contributions has lines; rewritten from the same plan, from one whose period adds quarters before, or from one
 * that lists a criterion's wording twice after a criterion inserted before it (criteria worded alike, paired in
 * order). Every non-empty cell before is, after, where it was, or where its row key (its record) and its column header put it (a
 * note under an axis table: its distance to the table's end and its column's header), or recorded in the Journal
 * or Archives; or the
 * rewrite is refused, nothing written, and a value in a grey cell, or a note or formula on a record sheet's lines, is named
 * by an error at its cell, with any other error. The tools' own formula cells (rates, totals) are recomputed and
 * `_ctg` is the tools' alone: they are left out. The fake Excel has no row or column insertion: there, columns are
 * added after the table only and no row is inserted.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const AXES = ['Axe 1', 'Axe 13'];
const RECORD_SHEETS = ['Journal', 'Historique', 'Archives', 'Contributions'];
const CONTRIBUTIONS: ContributionEntry[] = [
  { type: 'number', value: 12 } as const,
  { type: 'text', value: '12' } as const,
  { type: 'date', value: 46200 } as const,
].map((value, index) => ({
  at: '2026-05-09T08:00:00Z',
  file: 'retour.xlsx',
  partner: ['Mairie de Pélussin', 'CCMP', 'Centre social'][index],
  key: 'G1-QN2',
  label: '2026-T1',
  field: '2026-T1',
  value,
}));

type Edit =
  | { kind: 'input'; sheet: number; row: number; column: number; value: string | number }
  | { kind: 'grey'; sheet: number; row: number; column: number; value: string }
  | { kind: 'addColumn'; sheet: number; at: number | null; header: string; rows: number[]; value: string }
  | { kind: 'note'; sheet: string; row: number; column: number; cell: GridCell }
  | { kind: 'underNote'; sheet: number; below: number; header: string; cell: GridCell }
  | { kind: 'overText'; sheet: string; index: number; value: string }
  | { kind: 'journalColumn'; header: string; value: string }
  | { kind: 'contributionsColumn'; header: string; value: string }
  | { kind: 'recordNote'; sheet: 'Journal' | 'Contributions'; below: number; column: number; value: string }
  | { kind: 'recordFormula'; sheet: 'Journal' | 'Contributions'; line: number; column: number }
  | { kind: 'insertRow'; sheet: number; at: number | 'aboveHeader' }
  | { kind: 'sort'; sheet: number; by: string; descending: boolean }
  | { kind: 'cellNote'; sheet: string; row: number; column: number; text: string }
  | { kind: 'ctgTyped'; row: number; column: number; below: number | null; value: string };

const FICHE_INPUTS = ['Partenaires', 'Mise en œuvre', 'Difficultés', 'Mis à jour par (structure)'];
const CRITERION_TEXT_INPUTS = ['Unité', 'Commentaire'];
const CRITERION_NUMBER_INPUTS = ['Référence', 'Cible', '2026-T1', '2026-T2'];
const FICHE_GREY = ['Unité', 'Référence', 'Commentaire', '2026-T1'];
const CRITERION_GREY = ['Statut', 'Mise en œuvre', 'Partenaires', 'Budget'];

const words = fc.constantFrom('à revoir', 'vu en comité', 'Mme Martin', 'relancer la mairie', 'ok');
const greyEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constant('grey' as const),
  sheet: fc.nat(1),
  row: fc.nat(40),
  column: fc.nat(3),
  value: words,
});
/** A value typed in the hidden `_ctg` (unhidden for it), beside the tools' cells or under them: it refuses every rewrite. */
const ctgEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constant('ctgTyped' as const),
  row: fc.integer({ min: 1, max: 60 }),
  column: fc.integer({ min: 5, max: 10 }),
  below: fc.option(fc.integer({ min: 2, max: 5 }), { nil: null }),
  value: words,
});
/** The sheets a person attaches notes (comments) to; on an axis sheet, to a cell of a keyed row. */
const NOTE_SHEETS = ['Axe 1', 'Axe 13', 'Guide', 'Paramètres', 'Compétences AO', 'Annexe 4 \u2013 Suivi'];
const editArbitrary = (withInsertions: boolean): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('cellNote' as const),
      sheet: fc.constantFrom(...NOTE_SHEETS),
      row: fc.nat(60),
      column: fc.nat(40),
      text: words,
    }),
    fc.record({
      kind: fc.constant('input' as const),
      sheet: fc.nat(1),
      row: fc.nat(40),
      column: fc.nat(10),
      value: fc.oneof(words, fc.integer({ min: 0, max: 500 })),
    }),
    fc.record({
      kind: fc.constant('addColumn' as const),
      sheet: fc.nat(1),
      at: withInsertions ? fc.option(fc.integer({ min: 2, max: 30 })) : fc.constant(null),
      header: fc.constantFrom('Notes internes', 'Référent', 'Suivi Caf'),
      rows: fc.array(fc.nat(40), { maxLength: 4 }),
      value: words,
    }),
    fc.record({
      kind: fc.constant('note' as const),
      sheet: fc.constantFrom('Guide', 'Paramètres', 'Compétences AO', 'Annexe 4 \u2013 Suivi', 'Axe 1', 'Journal'),
      row: fc.integer({ min: 1, max: 30 }),
      column: fc.integer({ min: 1, max: 3 }),
      cell: fc.oneof(
        words.map((value): GridCell => ({ value })),
        fc.constant<GridCell>({ value: 3, formula: '1+2' }),
      ),
    }),
    fc.record({
      kind: fc.constant('underNote' as const),
      sheet: fc.nat(1),
      below: fc.integer({ min: 2, max: 4 }),
      header: fc.constantFrom('Clé', 'Intitulé', '2026-T2', 'Commentaire', ''),
      cell: words.map((value): GridCell => ({ value })),
    }),
    fc.record({
      kind: fc.constant('sort' as const),
      sheet: fc.nat(1),
      by: fc.constantFrom('Type', 'Intitulé', 'Clé'),
      descending: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('overText' as const),
      sheet: fc.constantFrom('Guide', 'Paramètres', 'Compétences AO', 'Annexe 4 \u2013 Suivi'),
      index: fc.nat(400),
      value: words,
    }),
    fc.record({
      kind: fc.constant('journalColumn' as const),
      header: fc.constantFrom('Remarque', 'Vu par'),
      value: words,
    }),
    fc.record({
      kind: fc.constant('contributionsColumn' as const),
      header: fc.constantFrom('Remarque', 'Relu'),
      value: words,
    }),
    fc.record({
      kind: fc.constant('recordNote' as const),
      sheet: fc.constantFrom('Journal' as const, 'Contributions' as const),
      below: fc.integer({ min: 1, max: 3 }),
      column: fc.integer({ min: 1, max: 4 }),
      value: words,
    }),
    fc.record({
      kind: fc.constant('recordFormula' as const),
      sheet: fc.constantFrom('Journal' as const, 'Contributions' as const),
      line: fc.nat(20),
      column: fc.integer({ min: 1, max: 4 }),
    }),
    ...(withInsertions
      ? [
          fc.record({
            kind: fc.constant('insertRow' as const),
            sheet: fc.nat(1),
            at: fc.oneof(fc.constant('aboveHeader' as const), fc.nat(40)),
          }),
        ]
      : []),
  );

// ---- Grids as a person sees them -------------------------------------------------------------------------------

const copyOf = (grids: WorkbookGrids): WorkbookGrids => ({
  sheets: grids.sheets.map((grid) => ({
    ...grid,
    rows: grid.rows.map((row) => [...(row ?? [])]),
    ...(grid.notes ? { notes: [...grid.notes] } : {}),
  })),
});
const sheetOf = (grids: WorkbookGrids, name: string) => grids.sheets.find((grid) => grid.name === name) ?? null;
const cellAt = (grid: SheetGrid, row: number, column: number) => grid.rows[row - 1]?.[column - 1] ?? null;
const filled = (cell: GridCell | null): cell is GridCell =>
  cell !== null && (!!cell.formula || (cell.value !== null && cell.value !== ''));
const widthOf = (grid: SheetGrid) => grid.rows.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);

function put(grid: SheetGrid, row: number, column: number, cell: GridCell | null): void {
  while (grid.rows.length < row) grid.rows.push([]);
  const cells = grid.rows[row - 1] ?? (grid.rows[row - 1] = []);
  while (cells.length < column) cells.push(null);
  cells[column - 1] = cell;
}

const headerRowOf = (grid: SheetGrid) => grid.rows.findIndex((row) => row?.some((c) => c?.value === 'Clé')) + 1;
const headerOf = (grid: SheetGrid, column: number) => String(cellAt(grid, headerRowOf(grid), column)?.value ?? '');
const columnOf = (grid: SheetGrid, header: string, occurrence = 0) =>
  (grid.rows[headerRowOf(grid) - 1] ?? []).flatMap((c, index) => (c?.value === header ? [index + 1] : []))[
    occurrence
  ] ?? 0;
/** Which of the columns headed like `column` it is (0 for the first): two added columns may share a header. */
const occurrenceOf = (grid: SheetGrid, column: number) =>
  (grid.rows[headerRowOf(grid) - 1] ?? [])
    .slice(0, column - 1)
    .filter((c) => c?.value !== undefined && c?.value !== null && c.value === headerOf(grid, column)).length;

/**
 * The keyed rows of an axis sheet: [row, key]. A key has a key's shape, as the reader says: a note typed in the
 * `Clé` column under the table is a note, not a row.
 */
function keyedRows(grid: SheetGrid): [number, string][] {
  const header = headerRowOf(grid);
  const keyColumn = columnOf(grid, 'Clé');
  const rows: [number, string][] = [];
  for (let row = header + 1; row <= grid.rows.length; row += 1) {
    const key = String(cellAt(grid, row, keyColumn)?.value ?? '').trim();
    if (isRowKey(key)) rows.push([row, key]);
  }
  return rows;
}

const lastKeyedRow = (grid: SheetGrid) => keyedRows(grid).at(-1)?.[0] ?? headerRowOf(grid);
const isFiche = (key: string) => !key.includes('-Q');
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length];

/** Sorts the keyed rows' whole contents by a column, as Excel's « Trier » does (rows left empty stay where they are). */
function sortRows(grid: SheetGrid, rows: readonly [number, string][], header: string, descending: boolean): void {
  const column = columnOf(grid, header);
  const contents = rows.map(([row]) => grid.rows[row - 1]);
  const text = (cells: (GridCell | null)[] | undefined) => String(cells?.[column - 1]?.value ?? '');
  contents.sort((a, b) => text(a).localeCompare(text(b), 'fr') * (descending ? -1 : 1));
  rows.forEach(([row], index) => (grid.rows[row - 1] = contents[index]));
}

/**
 * Applies the edits; returns the cells a rewrite must be refused at (sheet and address): the grey cells typed, and
 * of each line of notes under a record sheet's lines, its first non-empty cell.
 */
function applyEdits(grids: WorkbookGrids, edits: readonly Edit[]): { sheet: string; cell: string }[] {
  const grey: { sheet: string; key: string; header: string }[] = [];
  const recordNotes: { sheet: string; row: number; column: number }[] = [];
  const ctgTyped: { sheet: string; cell: string }[] = [];
  const ordered = [...edits.filter((edit) => edit.kind !== 'cellNote'), ...edits.filter((e) => e.kind === 'cellNote')];
  for (const edit of ordered) {
    if (edit.kind === 'cellNote') {
      attachNote(sheetOf(grids, edit.sheet)!, edit);
      continue;
    }
    if (edit.kind === 'ctgTyped') {
      const grid = sheetOf(grids, '_ctg')!;
      const [row, column] = edit.below === null ? [edit.row, edit.column] : [grid.rows.length + edit.below, 1];
      put(grid, row, column, { value: edit.value });
      ctgTyped.push({ sheet: grid.name, cell: cellAddress(row, column) });
      continue;
    }
    if (edit.kind === 'note') {
      const grid = sheetOf(grids, edit.sheet)!;
      // Beside the tables: right of everything the sheet holds (below an axis table, in the rows after it).
      const row = edit.sheet.startsWith('Axe') ? grid.rows.length + edit.row : edit.row;
      put(grid, row, widthOf(grid) + edit.column, edit.cell);
      continue;
    }
    if (edit.kind === 'overText') {
      // Over one of the texts the sheet holds (a title, a label, a hint, a header, a list's value…).
      const grid = sheetOf(grids, edit.sheet)!;
      const texts = grid.rows.flatMap((cells, r) =>
        (cells ?? []).flatMap((cell, c) => (typeof cell?.value === 'string' && !cell.formula ? [[r + 1, c + 1]] : [])),
      );
      const [row, column] = pick(texts, edit.index);
      put(grid, row, column, { value: edit.value });
      continue;
    }
    if (edit.kind === 'recordNote') {
      // Under a record sheet's lines, in its table's columns: no line of the tools, the rewrite must be refused
      // at the line's first non-empty cell (docs/WORKBOOK.md, « A person's note in a record sheet »).
      const grid = sheetOf(grids, edit.sheet)!;
      const row = grid.rows.length + edit.below;
      put(grid, row, edit.column, { value: edit.value });
      recordNotes.push({ sheet: edit.sheet, row, column: edit.column });
      continue;
    }
    if (edit.kind === 'recordFormula') {
      // Over a cell of one of the tools' lines (its instant in A): the tools write values only there, so the
      // rewrite must be refused at the line's first formula (docs/WORKBOOK.md, « A person's note in a record sheet »).
      const grid = sheetOf(grids, edit.sheet)!;
      const lines = grid.rows.flatMap((cells, r) =>
        typeof cells?.[0]?.value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(cells[0].value) ? [r + 1] : [],
      );
      if (lines.length === 0) continue;
      const row = pick(lines, edit.line);
      put(grid, row, edit.column, { value: 3, formula: '1+2' });
      recordNotes.push({ sheet: edit.sheet, row, column: edit.column });
      continue;
    }
    if (edit.kind === 'journalColumn' || edit.kind === 'contributionsColumn') {
      const grid = sheetOf(grids, edit.kind === 'journalColumn' ? 'Journal' : 'Contributions')!;
      const column = widthOf(grid) + 1;
      put(grid, 1, column, { value: edit.header });
      put(grid, 2, column, { value: edit.value });
      continue;
    }
    const grid = sheetOf(grids, AXES[edit.sheet])!;
    const rows = keyedRows(grid);
    if (edit.kind === 'underNote') {
      // Under the table, an empty row between: under one of its columns, or past them ('').
      const column = edit.header ? columnOf(grid, edit.header) : widthOf(grid) + 1;
      put(grid, lastKeyedRow(grid) + edit.below, column, edit.cell);
      continue;
    }
    if (edit.kind === 'insertRow') {
      const at = edit.at === 'aboveHeader' ? headerRowOf(grid) : pick(rows, edit.at)[0];
      grid.rows.splice(at - 1, 0, []);
      continue;
    }
    if (edit.kind === 'sort') {
      sortRows(grid, rows, edit.by, edit.descending);
      continue;
    }
    if (edit.kind === 'addColumn') {
      const column = edit.at === null ? widthOf(grid) + 1 : edit.at;
      if (edit.at !== null)
        for (const row of grid.rows) if (row && row.length >= column) row.splice(column - 1, 0, null);
      put(grid, headerRowOf(grid), column, { value: edit.header });
      for (const index of edit.rows) put(grid, pick(keyedRows(grid), index)[0], column, { value: edit.value });
      continue;
    }
    const [row, key] = pick(rows, edit.row);
    if (edit.kind === 'input') {
      const numeric = !isFiche(key) && typeof edit.value === 'number';
      const headers = isFiche(key) ? FICHE_INPUTS : numeric ? CRITERION_NUMBER_INPUTS : CRITERION_TEXT_INPUTS;
      const header = pick(headers, edit.column);
      // A quarter value only on a quantitative criterion (a scale value otherwise).
      if (/^\d{4}-T/.test(header) && !key.includes('-QN')) continue;
      put(grid, row, columnOf(grid, header), { value: isFiche(key) ? String(edit.value) : edit.value });
    } else {
      const header = pick(isFiche(key) ? FICHE_GREY : CRITERION_GREY, edit.column);
      put(grid, row, columnOf(grid, header), { value: edit.value });
      grey.push({ sheet: grid.name, key, header });
    }
  }
  // Where the grey cells are once every edit is made (a column or a row inserted after moves them).
  const greyCells = grey.map(({ sheet, key, header }) => {
    const grid = sheetOf(grids, sheet)!;
    const row = keyedRows(grid).find(([, k]) => k === key)![0];
    return { sheet, cell: cellAddress(row, columnOf(grid, header)) };
  });
  const noteLines = recordNotes.filter(
    (note) =>
      !recordNotes.some((other) => other.sheet === note.sheet && other.row === note.row && other.column < note.column),
  );
  return [
    ...greyCells,
    ...noteLines.map(({ sheet, row, column }) => ({ sheet, cell: cellAddress(row, column) })),
    ...ctgTyped,
  ];
}

/**
 * A note (comment) attached to a cell: on an axis sheet, to a cell of one of its keyed rows in one of its table's
 * columns (it goes where that row's key and that column's header go); elsewhere at its address. One note a cell.
 */
function attachNote(grid: SheetGrid, edit: Extract<Edit, { kind: 'cellNote' }>): void {
  let address: string;
  if (grid.name.startsWith('Axe')) {
    const [row] = pick(keyedRows(grid), edit.row);
    const width = (grid.rows[headerRowOf(grid) - 1] ?? []).length;
    address = cellAddress(row, 1 + (edit.column % width));
  } else {
    address = cellAddress(1 + (edit.row % 30), 1 + (edit.column % 8));
  }
  const notes = grid.notes ?? [];
  if (!notes.some((note) => note.address === address)) grid.notes = [...notes, { address, text: edit.text }];
}

// ---- The rule ------------------------------------------------------------------------------------------------

const same = (a: GridCell | null, b: GridCell) =>
  a !== null && (b.formula ? a.formula === b.formula : a.value === b.value);

/** Where a cell of `before` is in `after`, by the rule; null when it is nowhere. */
function findAfter(before: SheetGrid, after: WorkbookGrids, row: number, column: number, cell: GridCell): boolean {
  const there = sheetOf(after, before.name);
  const axis = there && before.name.startsWith('Axe');
  const header = axis ? headerOf(before, column) : '';
  const columnAfter = axis && header ? columnOf(there, header, occurrenceOf(before, column)) : 0;
  const last = axis ? lastKeyedRow(before) : 0;
  // A note under an axis table: at its distance to the table's last row, under its column's header (anywhere in
  // that row for a column without one), as Excel moves what is under rows and right of columns inserted.
  if (axis && row > last) {
    const under = row - last + lastKeyedRow(there);
    if (columnAfter > 0) return same(cellAt(there, under, columnAfter), cell);
    if ((there.rows[under - 1] ?? []).some((one) => same(one ?? null, cell))) return true;
  }
  if (there && same(cellAt(there, row, column), cell)) return true;
  if (axis) {
    const key = keyedRows(before).find(([r]) => r === row)?.[1];
    if (row === headerRowOf(before) && columnAfter > 0) return true;
    const rowAfter = keyedRows(there).find(([, k]) => k === key)?.[0];
    if (key && columnAfter > 0 && rowAfter && same(cellAt(there, rowAfter, columnAfter), cell)) return true;
  }
  if (there && RECORD_SHEETS.includes(before.name) && row > 1) {
    const header = String(cellAt(before, 1, column)?.value ?? '');
    const ours = (grid: SheetGrid, r: number) =>
      JSON.stringify((grid.rows[r - 1] ?? []).slice(0, 5).map((c) => c?.value ?? null));
    const columnAfter = (there.rows[0] ?? []).findIndex((c) => c?.value === header) + 1;
    for (let r = 2; header && columnAfter > 0 && r <= there.rows.length; r += 1)
      if (ours(there, r) === ours(before, row) && same(cellAt(there, r, columnAfter), cell)) return true;
  }
  // Recorded in the Journal or Archives: a cell of a keyed row on a line that names its key.
  const rowKey = before.name.startsWith('Axe') ? keyedRows(before).find(([r]) => r === row)?.[1] : undefined;
  return ['Journal', 'Archives'].some((name) => {
    const record = sheetOf(after, name);
    return !!record?.rows.some(
      (cells) =>
        cells?.some((c) => c !== null && c.value === cell.value) &&
        (rowKey === undefined || cells.some((c) => c?.value === rowKey)),
    );
  });
}

/**
 * The tools' own recomputed cells: formulas of the generated workbook, and `_ctg`; and, in the sheets of fixed
 * shape, the texts and values the generation wrote, untouched (a plan whose period changes moves Paramètres' list of
 * quarters and Annexe 4's rows).
 */
function isToolsCell(base: WorkbookGrids, sheet: SheetGrid, row: number, column: number): boolean {
  if (sheet.name === '_ctg') return true;
  const cell = cellAt(sheet, row, column);
  const generatedCell = cellAt(sheetOf(base, sheet.name) ?? { name: '', visibility: 'visible', rows: [] }, row, column);
  const fixed = !sheet.name.startsWith('Axe') && !RECORD_SHEETS.includes(sheet.name);
  if (fixed && cell && generatedCell && !cell.formula && same(generatedCell, cell)) return true;
  if (!cell?.formula) return false;
  const generated = sheetOf(base, sheet.name);
  if (!generated) return false;
  if (sheet.name.startsWith('Axe')) {
    const header = headerOf(sheet, column);
    return header === 'Renseignement cumulé' || header === 'Réalisation' || !!cellAt(generated, row, column)?.formula;
  }
  return !!cellAt(generated, row, column)?.formula;
}

/**
 * In an axis sheet, a cell as the generation wrote it, untouched (the same as the generated workbook's under the same
 * row key and column header): a plan text or a default, which a regeneration from an amended plan replaces or, with
 * its row, removes.
 */
function isGeneratedUntouched(base: WorkbookGrids, sheet: SheetGrid, row: number, column: number, cell: GridCell) {
  const generated = sheetOf(base, sheet.name);
  if (!generated || !sheet.name.startsWith('Axe')) return false;
  const key = keyedRows(sheet).find(([r]) => r === row)?.[1];
  const rowThen = keyedRows(generated).find(([, k]) => k === key)?.[0];
  const columnThen = columnOf(generated, headerOf(sheet, column));
  return !!rowThen && columnThen > 0 && same(cellAt(generated, rowThen, columnThen), cell);
}

function checkRule(
  base: WorkbookGrids,
  before: WorkbookGrids,
  after: WorkbookGrids,
  outcome: RewriteOutcome<object>,
  written: boolean,
  grey: readonly { sheet: string; cell: string }[],
  planAmended = false,
): void {
  if (outcome.status !== 'done') {
    expect(written).toBe(false);
    expect(outcome.issues.length).toBeGreaterThan(0);
    const named = (where: { sheet: string; cell: string }) =>
      outcome.issues.some((issue: Issue) => issue.sheet === where.sheet && issue.cell === where.cell);
    for (const where of grey) expect({ ...where, named: named(where) }).toEqual({ ...where, named: true });
    return;
  }
  expect(grey).toEqual([]);
  const lost: string[] = [];
  for (const sheet of before.sheets) {
    sheet.rows.forEach((cells, r) =>
      (cells ?? []).forEach((cell, c) => {
        if (!filled(cell) || isToolsCell(base, sheet, r + 1, c + 1)) return;
        if (planAmended && isGeneratedUntouched(base, sheet, r + 1, c + 1, cell)) return;
        if (!findAfter(sheet, after, r + 1, c + 1, cell))
          lost.push(`${sheet.name}!${cellAddress(r + 1, c + 1)} ${JSON.stringify(cell)}`);
      }),
    );
  }
  expect(lost).toEqual([]);
  expect(notesLost(before, after, outcome.notes)).toEqual([]);
}

/**
 * The notes (comments) of `before` that are neither on the cell where their cell's content went (an axis sheet's
 * cell: its row's key and its column's header; any other sheet's: its address) nor named by a `cell-note-not-kept`
 * at their cell (their row or column gone, with a plan that removed them).
 */
function notesLost(before: WorkbookGrids, after: WorkbookGrids, said: readonly Issue[]): string[] {
  const lost: string[] = [];
  for (const sheet of before.sheets) {
    for (const note of sheet.notes ?? []) {
      const named = said.some(
        (issue) => issue.code === 'cell-note-not-kept' && issue.sheet === sheet.name && issue.cell === note.address,
      );
      if (named) continue;
      const there = sheetOf(after, sheet.name);
      const place = there && placeAfter(sheet, there, note.address);
      const kept = !!place && !!there.notes?.some((one) => one.address === place && one.text === note.text);
      if (!kept) lost.push(`${sheet.name}!${note.address} « ${note.text} » (attendue en ${place ?? '—'})`);
    }
  }
  return lost;
}

/** Where the cell at `address` of `before` is in `after`: by key and header in an axis sheet, else the same address. */
function placeAfter(before: SheetGrid, after: SheetGrid, address: string): string | null {
  if (!before.name.startsWith('Axe')) return address;
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const row = Number(match[2]);
  const column = [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  const key = keyedRows(before).find(([r]) => r === row)?.[1];
  const rowAfter = keyedRows(after).find(([, k]) => k === key)?.[0];
  const header = headerOf(before, column);
  const columnAfter = header ? columnOf(after, header, occurrenceOf(before, column)) : 0;
  return rowAfter && columnAfter > 0 ? cellAddress(rowAfter, columnAfter) : null;
}

// ---- The use cases on each back end ---------------------------------------------------------------------------

/**
 * The sample plan with G1's quantitative criteria amended: one inserted first, the first one's wording listed twice
 * (criteria worded alike whose number changed: paired in order, and said).
 */
function withAlikeCriteria(): Plan {
  const plan: Plan = structuredClone(samplePlan());
  const g1 = plan.axes[0].fiches[0];
  const quantitative = [
    'Nombre de comités techniques',
    'Nombre de réunions par an',
    'Nombre de réunions par an',
    'Taux de participation des élus',
  ];
  g1.criteria = [
    ...quantitative.map((text, i) => ({ key: `G1-QN${i + 1}`, kind: 'quantitative' as const, text, line: 0 })),
    ...g1.criteria.filter((criterion) => criterion.kind === 'qualitative'),
  ];
  return plan;
}

/** A change of the plan between two versions of the convention: what a regeneration follows. */
type Amendment =
  | { kind: 'removeFiche'; fiche: number }
  | { kind: 'removeCriterion'; fiche: number; index: number }
  | { kind: 'insertCriterion'; fiche: number; at: number; text: string; quantitative: boolean }
  | { kind: 'reword'; fiche: number; index: number; text: string }
  | { kind: 'retitle'; fiche: number; title: string };

const amendmentArbitrary: fc.Arbitrary<Amendment> = fc.oneof(
  fc.record({ kind: fc.constant('removeFiche' as const), fiche: fc.nat(4) }),
  fc.record({ kind: fc.constant('removeCriterion' as const), fiche: fc.nat(4), index: fc.nat(3) }),
  fc.record({
    kind: fc.constant('insertCriterion' as const),
    fiche: fc.nat(4),
    at: fc.nat(3),
    text: fc.constantFrom('Nombre de familles accueillies', 'Qualité du partenariat', 'Nombre de réunions par an'),
    quantitative: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('reword' as const),
    fiche: fc.nat(4),
    index: fc.nat(3),
    text: fc.constantFrom('Nombre de comités réunis', 'Taux de participation des élus', 'Avis des partenaires'),
  }),
  fc.record({
    kind: fc.constant('retitle' as const),
    fiche: fc.nat(4),
    title: fc.constantFrom('Piloter la convention', 'Accueillir les familles'),
  }),
);

/** The sample plan amended: its fiches counted across axes; an axis keeps at least one fiche. */
function amendedPlan(amendments: readonly Amendment[]): Plan {
  const plan: Plan = structuredClone(samplePlan());
  for (const amendment of amendments) {
    const fiches = plan.axes.flatMap((axis) => axis.fiches.map((fiche) => ({ axis, fiche })));
    const { axis, fiche } = pick(fiches, amendment.fiche);
    if (amendment.kind === 'removeFiche') {
      if (axis.fiches.length > 1) axis.fiches = axis.fiches.filter((one) => one !== fiche);
    } else if (amendment.kind === 'retitle') {
      fiche.title = amendment.title;
    } else if (amendment.kind === 'insertCriterion') {
      const kind = amendment.quantitative ? ('quantitative' as const) : ('qualitative' as const);
      // Its key is the regeneration's to give (an index never used in the fiche): a placeholder until then.
      const criterion = {
        key: `${fiche.key}-${amendment.quantitative ? 'QN' : 'QL'}99`,
        kind,
        text: amendment.text,
        line: 0,
      };
      const at = amendment.at % (fiche.criteria.length + 1);
      if (!fiche.criteria.some((one) => one.key === criterion.key)) fiche.criteria.splice(at, 0, criterion);
    } else if (fiche.criteria.length > 0) {
      const index = amendment.index % fiche.criteria.length;
      if (amendment.kind === 'removeCriterion') fiche.criteria.splice(index, 1);
      else fiche.criteria[index] = { ...fiche.criteria[index], text: amendment.text };
    }
  }
  return plan;
}

const planKeys = (plan: Plan) =>
  plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => [fiche.key, ...fiche.criteria.map((c) => c.key)]));

/**
 * A value typed on every row of the sample plan that the amended one no longer lists (a fiche's « Difficultés », a
 * criterion's « Commentaire »), so that each run has values for the regeneration to keep: on the row, if the
 * matching gives its key to another, else in Archives.
 */
function typeOnRemovedRows(grids: WorkbookGrids, plan: Plan): void {
  const kept = new Set(planKeys(plan));
  for (const name of AXES) {
    const grid = sheetOf(grids, name)!;
    for (const [row, key] of keyedRows(grid)) {
      if (kept.has(key)) continue;
      const header = isFiche(key) ? 'Difficultés' : 'Commentaire';
      put(grid, row, columnOf(grid, header), { value: `saisi sur ${key}` });
    }
  }
}

type UseCase = (port: WorkbookPort) => Promise<RewriteOutcome<object>>;
const useCases: [string, UseCase][] = [
  ['compute', (port) => computeAndWrite(port, { now: today })],
  ['close-quarter', (port) => closeQuarterAndWrite(port, { now: later })],
  ['regeneration from the same plan', (port) => regenerateAndWrite(port, samplePlan(), { now: later })],
  [
    'regeneration adding quarters before the period (the axis sheets’ columns move)',
    (port) =>
      regenerateAndWrite(port, { ...samplePlan(), period: { start: '2025-07-01', end: '2030-12-31' } }, { now: later }),
  ],
  [
    'regeneration from a plan listing a wording twice, a criterion inserted before',
    (port) => regenerateAndWrite(port, withAlikeCriteria(), { now: later }),
  ],
];

async function onFile(grids: WorkbookGrids, useCase: UseCase) {
  let after = grids;
  let written = false;
  const outcome = await useCase({
    read: async () => grids,
    write: async (spec) => {
      written = true;
      const read = readXlsx(await writeXlsx(spec));
      if (!read.ok) throw new Error(read.error.code);
      after = read.grids;
    },
  });
  return { before: grids, after, outcome, written };
}

/** The same edits typed into a fake Excel holding the generated workbook (cells set as a person types them). */
async function onFake(base: WorkbookGrids, edited: WorkbookGrids, useCase: UseCase) {
  const fake = createFakeExcel();
  for (const grid of base.sheets) {
    fake.seed.sheet(grid.name);
    grid.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!filled(cell)) return;
        const address = cellAddress(r + 1, c + 1);
        // A text that starts with `=` (a criterion's wording) is text, as the generated cell's format says.
        if (!cell.formula && typeof cell.value === 'string') fake.seed.numberFormat(grid.name, address, '@');
        fake.seed.sheet(grid.name, [[cell.formula ? `=${cell.formula}` : cell.value]], address);
      }),
    );
  }
  for (const grid of edited.sheets) {
    const generated = sheetOf(base, grid.name)!;
    grid.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!filled(cell) || same(cellAt(generated, r + 1, c + 1), cell)) return;
        const typed = cell.formula ? `=${cell.formula}` : (cell.value as CellValue);
        // Excel keeps « =1+2 » typed in a text cell as text: a person who wants a formula there sets it to Standard.
        if (cell.formula) fake.seed.numberFormat(grid.name, cellAddress(r + 1, c + 1), 'General');
        fake.seed.sheet(grid.name, [[typed]], cellAddress(r + 1, c + 1));
      }),
    );
  }
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  const before = await port.read();
  let written = false;
  const outcome = await useCase({
    read: async () => before,
    write: async (spec, context) => {
      written = true;
      await port.write(spec, context);
    },
  });
  return { before, after: fake.inspect.snapshotWorkbook(), outcome, written };
}

/**
 * Cases found by the property once, checked on every run before the random ones: a text typed over « Compétences
 * AO » B9, the EPCI row's « Type » (the sample plan's only row), which made the rewrite drop the row; a note typed in
 * `Clé` under an axis table, once taken here for a row, its « grey » cell for a grey cell. And notes (comments) and a
 * value typed in `_ctg`, so that every use case meets them.
 */
const EXAMPLES: [Edit[]][] = [
  [
    [
      { kind: 'recordNote', sheet: 'Contributions', below: 2, column: 3, value: 'à revoir' },
      { kind: 'recordNote', sheet: 'Contributions', below: 2, column: 2, value: 'vu en comité' },
      { kind: 'note', sheet: 'Journal', row: 4, column: 1, cell: { value: 'vu en comité' } },
    ],
  ],
  [[{ kind: 'overText', sheet: 'Compétences AO', index: 257, value: 'à revoir' }]],
  // Notes (comments) on an axis sheet's cells and on a sheet of fixed shape, a sort before them; a value typed under
  // `_ctg`'s last block, which refuses the rewrite.
  [
    [
      { kind: 'sort', sheet: 0, by: 'Intitulé', descending: true },
      { kind: 'cellNote', sheet: 'Axe 1', row: 3, column: 12, text: 'vu en comité' },
      { kind: 'cellNote', sheet: 'Axe 13', row: 0, column: 1, text: 'à revoir' },
      { kind: 'cellNote', sheet: 'Compétences AO', row: 8, column: 2, text: 'Mme Martin' },
    ],
  ],
  [[{ kind: 'ctgTyped', row: 1, column: 1, below: 3, value: 'relancer la mairie' }]],
  [
    [
      { kind: 'underNote', sheet: 1, below: 2, header: 'Clé', cell: { value: 'à revoir' } },
      { kind: 'overText', sheet: 'Guide', index: 0, value: 'à revoir' },
      { kind: 'grey', sheet: 1, row: 35, column: 0, value: 'à revoir' },
    ],
  ],
];

/** Edits, with a value in a grey cell in one run out of five (it refuses the rewrite: most runs must rewrite). */
const editsArbitrary = (withInsertions: boolean): fc.Arbitrary<Edit[]> =>
  fc
    .tuple(
      fc.array(editArbitrary(withInsertions), { minLength: 1, maxLength: 6 }),
      fc.oneof(greyEdit, ctgEdit),
      fc.nat(4),
      fc.boolean(),
    )
    .map(([edits, grey, dice, first]) => (dice > 0 ? edits : first ? [grey, ...edits] : [...edits, grey]));

describe('nothing typed is lost by a rewrite', () => {
  let base: WorkbookGrids;

  beforeAll(async () => {
    // With lines in Contributions (a text « 12 », a number, a date), which every rewrite must carry.
    const { spec } = await buildNewWorkbook(samplePlan(), { today });
    const contributions = buildContributionsSheet(CONTRIBUTIONS);
    base = await roundTrip({
      ...spec,
      sheets: spec.sheets.map((one) => (one.name === contributions.name ? contributions : one)),
    });
  }, 30_000);

  describe.each(useCases)('%s', (_, useCase) => {
    it('in a file (.xlsx written and read by the project)', async () => {
      await fc.assert(
        fc.asyncProperty(editsArbitrary(true), async (edits) => {
          const edited = copyOf(base);
          const grey = applyEdits(edited, edits);
          const run = await onFile(edited, useCase);
          checkRule(base, run.before, run.after, run.outcome, run.written, grey);
        }),
        { numRuns: 8, examples: EXAMPLES },
      );
    }, 120_000);

    it('in the open workbook (fake Excel, through Office.js)', async () => {
      await fc.assert(
        fc.asyncProperty(editsArbitrary(false), async (edits) => {
          const edited = copyOf(base);
          const grey = applyEdits(edited, edits);
          const run = await onFake(base, edited, useCase);
          checkRule(base, run.before, run.after, run.outcome, run.written, grey);
        }),
        { numRuns: 5, examples: EXAMPLES },
      );
    }, 120_000);
  });

  // Fiches and criteria removed, inserted, reworded, retitled: what the person typed on a removed row goes to
  // Archives, the plan's own texts and defaults are the plan's to replace.
  describe('regeneration from a plan amended at random', () => {
    const amendments = fc.array(amendmentArbitrary, { minLength: 1, maxLength: 4 });
    const regenerate =
      (plan: Plan): UseCase =>
      (port) =>
        regenerateAndWrite(port, plan, { now: later });

    it('in a file (.xlsx written and read by the project)', async () => {
      await fc.assert(
        fc.asyncProperty(editsArbitrary(true), amendments, async (edits, changes) => {
          const edited = copyOf(base);
          const grey = applyEdits(edited, edits);
          const plan = amendedPlan(changes);
          typeOnRemovedRows(edited, plan);
          const run = await onFile(edited, regenerate(plan));
          checkRule(base, run.before, run.after, run.outcome, run.written, grey, true);
        }),
        { numRuns: 10 },
      );
    }, 120_000);

    it('in the open workbook (fake Excel, through Office.js)', async () => {
      await fc.assert(
        fc.asyncProperty(editsArbitrary(false), amendments, async (edits, changes) => {
          const edited = copyOf(base);
          const grey = applyEdits(edited, edits);
          const plan = amendedPlan(changes);
          typeOnRemovedRows(edited, plan);
          const run = await onFake(base, edited, regenerate(plan));
          checkRule(base, run.before, run.after, run.outcome, run.written, grey, true);
        }),
        { numRuns: 6 },
      );
    }, 120_000);
  });
});
