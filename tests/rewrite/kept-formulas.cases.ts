import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookPort } from '../../src/app/port';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { Plan } from '../../src/domain/plan';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { recalcWithHyperFormula } from '../workbook-formulas/helpers/recalc-hyperformula';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';
import { seedFromGrids } from '../excel-backend/helpers/seed-from-grids';
import { samplePlan } from '../layout/helpers/sample-plan';
import { FIXTURE_DAY, fixtureBytes, gridsOfBytes } from './format-v1';
import { filePort, roundTrip, sheet } from './helpers';

/**
 * A formula a person typed (in an added column, a note, their own sheet) keeps pointing at the cells it named when a
 * rewrite moves the axis sheets' columns and rows (docs/WORKBOOK.md, « Rewriting a workbook »: nothing typed is
 * lost): its references follow their cells, row by key and column by header, as Excel adjusts them when rows and
 * columns move; on both back ends, the formulas' results computed again after the rewrite.
 */

const today = new Date('2026-05-10T09:00:00Z');

/** A workbook on one back end: its port, and its grids with every formula computed again. */
interface Held {
  port: WorkbookPort;
  computed: () => WorkbookGrids;
}

/** An .xlsx held in memory, as the command line rewrites a file; its formulas recalculated by HyperFormula. */
function inFile(grids: WorkbookGrids): Held {
  const file = filePort(grids);
  return { port: file.port, computed: () => recalcWithHyperFormula(file.grids()) };
}

/** The same workbook open in Excel (the fake, which computes its formulas), rewritten through Office.js. */
function inExcel(grids: WorkbookGrids): Held {
  const { fake, port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
  seedFromGrids(fake, grids);
  return { port, computed: () => fake.inspect.snapshotWorkbook() };
}

const copyOf = (grids: WorkbookGrids): WorkbookGrids => ({
  sheets: grids.sheets.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) })),
});

function put(grid: SheetGrid, row: number, column: number, cell: GridCell | null): void {
  while (grid.rows.length < row) grid.rows.push([]);
  const cells = grid.rows[row - 1] ?? (grid.rows[row - 1] = []);
  while (cells.length < column) cells.push(null);
  cells[column - 1] = cell;
}

const at = (grid: SheetGrid, row: number, column: number) => grid.rows[row - 1]?.[column - 1] ?? null;
const headerRowOf = (grid: SheetGrid) => grid.rows.findIndex((row) => row?.some((c) => c?.value === 'Clé')) + 1;
const columnOf = (grid: SheetGrid, header: string) =>
  grid.rows[headerRowOf(grid) - 1].findIndex((cell) => cell?.value === header) + 1;
const rowOfKey = (grid: SheetGrid, key: string) =>
  grid.rows.findIndex((row, index) => index >= headerRowOf(grid) && row?.[0]?.value === key) + 1;
/** The address of a key's cell under a header, as a person sees it now. */
const addressOf = (grid: SheetGrid, key: string, header: string) =>
  cellAddress(rowOfKey(grid, key), columnOf(grid, header));

function insertColumn(grid: SheetGrid, column: number): void {
  for (const row of grid.rows) if (Array.isArray(row) && row.length >= column) row.splice(column - 1, 0, null);
}

/** The table's keyed rows (1-based), from under the header to the last key. */
function keyedRows(grid: SheetGrid): number[] {
  const rows: number[] = [];
  for (let row = headerRowOf(grid) + 1; typeof at(grid, row, 1)?.value === 'string'; row += 1) rows.push(row);
  return rows;
}

/** Sorts the table's whole rows by key, descending, as Excel's « Trier » does (a row's cells move together). */
function sortByKeyDescending(grid: SheetGrid): void {
  const rows = keyedRows(grid);
  const contents = rows.map((row) => grid.rows[row - 1]);
  contents.sort((a, b) => String(b?.[0]?.value).localeCompare(String(a?.[0]?.value), 'fr'));
  rows.forEach((row, index) => (grid.rows[row - 1] = contents[index]));
}

/** The Journal's lines about a person's formulas, as a person reads them: Colonne, Ancienne and Nouvelle valeur. */
function formulaLines(grids: WorkbookGrids) {
  return sheet(grids, 'Journal')
    .rows.slice(1)
    .map((row) => (row ?? []).map((found) => found?.value ?? null))
    .filter((row) => row[1] === 'Formule saisie à vérifier')
    .map(([, , key, column, before, after, code, field, beforeType, afterType]) => ({
      key,
      column,
      before,
      after,
      code,
      field,
      types: [beforeType, afterType],
    }));
}

/** A person's own sheet, added before `_ctg` as the tools keep such sheets. */
function addOwnSheet(grids: WorkbookGrids, name: string, cells: GridCell[]): void {
  const own: SheetGrid = { name, visibility: 'visible', rows: cells.map((cell) => [cell]) };
  grids.sheets.splice(grids.sheets.length - 1, 0, own);
}

describe.each([
  ['in a file', inFile],
  ['in the open workbook (fake Excel)', inExcel],
])('a person’s formulas follow the cells they name through a rewrite, %s', (_, hold) => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  it('in a column inserted between the tools’ columns, moved after the last one by compute', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2026-T2'), { value: 7 });
    const inserted = columnOf(axis, 'Statut');
    insertColumn(axis, inserted);
    put(axis, headerRowOf(axis), inserted, { value: 'Double T2' });
    const formula = `${addressOf(axis, 'G1-QN1', '2026-T2')}*2`;
    put(axis, rowOfKey(axis, 'G1-QN1'), inserted, { value: 14, formula });
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    const cell = at(written, rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double T2'));
    expect(cell).toEqual({ value: 14, formula: `${addressOf(written, 'G1-QN1', '2026-T2')}*2` });
  }, 30_000);

  it('to a column a person added after the table, rewrite after rewrite', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const added = axis.rows[headerRowOf(axis) - 1].length + 1;
    put(axis, headerRowOf(axis), added, { value: 'Mon suivi' });
    put(axis, rowOfKey(axis, 'G1'), added, { value: 'x' });
    const named = cellAddress(rowOfKey(axis, 'G1'), added);
    put(axis, rowOfKey(axis, 'G1-QN1'), added, { value: 'xy', formula: `${named}&"y"` });
    addOwnSheet(grids, 'Mon suivi', [{ value: 'x', formula: `'Axe 1'!${named}` }]);
    const file = hold(grids);

    for (const _ of [1, 2]) {
      const outcome = await computeAndWrite(file.port, { now: today });
      expect(outcome.status).toBe('done');
      const written = sheet(file.computed(), 'Axe 1');
      const column = columnOf(written, 'Mon suivi');
      const namedNow = cellAddress(rowOfKey(written, 'G1'), column);
      expect(at(written, rowOfKey(written, 'G1-QN1'), column)).toEqual({ value: 'xy', formula: `${namedNow}&"y"` });
      expect(sheet(file.computed(), 'Mon suivi').rows[0][0]).toEqual({ value: 'x', formula: `'Axe 1'!${namedNow}` });
      expect(namedNow).toBe(named);
    }
  }, 30_000);

  it('to a column inserted between the tools’ columns, which the rewrite moves after the last one', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const inserted = columnOf(axis, 'Statut');
    insertColumn(axis, inserted);
    put(axis, headerRowOf(axis), inserted, { value: 'Référent' });
    put(axis, rowOfKey(axis, 'G1-QN1'), inserted, { value: 'Mme Martin' });
    addOwnSheet(grids, 'Mon suivi', [
      { value: 'Mme Martin', formula: `'Axe 1'!${addressOf(axis, 'G1-QN1', 'Référent')}` },
    ]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)).toEqual({
      value: 'Mme Martin',
      formula: `'Axe 1'!${addressOf(written, 'G1-QN1', 'Référent')}`,
    });
  }, 30_000);

  it('in a person’s own sheet and a note, when a regeneration adds quarters before and a criterion above', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2026-T1'), { value: 3 });
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2026-T2'), { value: 7 });
    const t1 = addressOf(axis, 'G1-QN1', '2026-T1');
    const t2 = addressOf(axis, 'G1-QN1', '2026-T2');
    addOwnSheet(grids, 'Mon suivi', [
      { value: 7, formula: `'Axe 1'!${t2}` },
      { value: 10, formula: `SUM('Axe 1'!${t1}:${t2})` },
    ]);
    put(sheet(grids, 'Paramètres'), 2, 6, { value: 7, formula: `'Axe 1'!${t2}` });
    const plan: Plan = structuredClone(samplePlan());
    plan.period = { start: '2025-07-01', end: '2030-12-31' };
    const g1 = plan.axes[0].fiches.find((fiche) => fiche.key === 'G1')!;
    g1.criteria.unshift({ key: 'G1-QN9', kind: 'quantitative', text: 'Nombre de comités restreints', line: 0 });
    const file = hold(grids);

    const outcome = await regenerateAndWrite(file.port, plan, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    expect(rowOfKey(written, 'G1-QN1')).toBe(rowOfKey(axis, 'G1-QN1') + 1);
    expect(columnOf(written, '2026-T2')).toBe(columnOf(axis, '2026-T2') + 2);
    const own = sheet(file.computed(), 'Mon suivi');
    const [t1After, t2After] = ['2026-T1', '2026-T2'].map((header) => addressOf(written, 'G1-QN1', header));
    expect(own.rows.map((row) => row[0])).toEqual([
      { value: 7, formula: `'Axe 1'!${t2After}` },
      { value: 10, formula: `SUM('Axe 1'!${t1After}:${t2After})` },
    ]);
    expect(at(sheet(file.computed(), 'Paramètres'), 2, 6)).toEqual({ value: 7, formula: `'Axe 1'!${t2After}` });
  }, 30_000);

  it.each([
    ['adds a criterion above: they go down one row', 1],
    ['removes a criterion above: they go up one row', -1],
  ])(
    'under the table, notes and the formulas naming them move with its end when a regeneration %s',
    async (_, by) => {
      const grids = copyOf(fresh);
      const axis = sheet(grids, 'Axe 1');
      const last = keyedRows(axis).at(-1)!;
      const t2 = columnOf(axis, '2026-T2');
      const letters = cellAddress(1, t2).replace(/\d+/g, '');
      const first = headerRowOf(axis) + 1;
      put(axis, rowOfKey(axis, 'G1-QN1'), t2, { value: 7 });
      // Right under the empty row that ends the table: a total of its quarter, and a note that names it.
      put(axis, last + 2, 1, { value: 'Total provisoire' });
      put(axis, last + 2, t2, { value: 7, formula: `SUM(${letters}${first}:${letters}${last})` });
      put(axis, last + 3, 1, { value: 'Total provisoire (relu)', formula: `A${last + 2}&" (relu)"` });
      put(axis, last + 3, t2, { value: 7, formula: `${letters}${last + 2}` });
      addOwnSheet(grids, 'Mon suivi', [{ value: 7, formula: `'Axe 1'!${letters}${last + 2}` }]);
      const plan: Plan = structuredClone(samplePlan());
      const g1 = plan.axes[0].fiches.find((fiche) => fiche.key === 'G1')!;
      if (by > 0) g1.criteria.unshift({ key: 'G1-QN9', kind: 'quantitative', text: 'Nombre de comités', line: 0 });
      else g1.criteria = g1.criteria.filter((criterion) => criterion.key !== 'G1-QN2');
      const file = hold(grids);

      const outcome = await regenerateAndWrite(file.port, plan, { now: today });

      expect(outcome.status).toBe('done');
      const written = sheet(file.computed(), 'Axe 1');
      const lastNow = keyedRows(written).at(-1)!;
      expect(lastNow).toBe(last + by);
      // As Excel moves what is under rows inserted or deleted: the same empty row between the table and its notes.
      expect(at(written, lastNow + 1, 1)).toBeNull();
      const total = lastNow + 2;
      expect(at(written, total, 1)).toEqual({ value: 'Total provisoire' });
      expect(at(written, total, t2)).toEqual({ value: 7, formula: `SUM(${letters}${first}:${letters}${lastNow})` });
      expect(at(written, total + 1, 1)).toEqual({ value: 'Total provisoire (relu)', formula: `A${total}&" (relu)"` });
      expect(at(written, total + 1, t2)).toEqual({ value: 7, formula: `${letters}${total}` });
      expect(at(written, total + 2, 1)).toBeNull();
      expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)).toEqual({
        value: 7,
        formula: `'Axe 1'!${letters}${total}`,
      });
      const notes = outcome.status === 'done' ? outcome.notes.map((note) => note.code) : [];
      expect(notes.filter((code) => code.startsWith('kept-'))).toEqual([]);
    },
    30_000,
  );

  it('in a person’s own sheet naming a sheet without quotes, which keeps naming it when it is rebuilt', async () => {
    const grids = copyOf(fresh);
    // A column inserted in an axis sheet: the rewrite rebuilds the workbook rather than patch its cells.
    const axis = sheet(grids, 'Axe 1');
    insertColumn(axis, columnOf(axis, 'Statut'));
    put(axis, headerRowOf(axis), columnOf(axis, 'Statut') - 1, { value: 'Référent' });
    const settings = sheet(grids, 'Paramètres');
    const quarterRow = settings.rows.findIndex((row) => row?.[0]?.value === 'Trimestre en cours') + 1;
    const quarter = String(at(settings, quarterRow, 2)?.value);
    addOwnSheet(grids, 'Mon suivi', [{ value: quarter, formula: `Paramètres!B${quarterRow}` }]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    // Excel writes the name back without quotes where none are needed; the fake keeps them.
    expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)).toEqual({
      value: quarter,
      formula: expect.stringMatching(new RegExp(`^'?Paramètres'?!B${quarterRow}$`)),
    });
  }, 30_000);

  it('through a sorted table put back in the plan’s order: a range left scattered is kept as typed and named', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    for (const [key, value] of [
      ['G1-QN1', 7],
      ['G1-QN2', 5],
      ['G2-QN1', 2],
    ] as const)
      put(axis, rowOfKey(axis, key), columnOf(axis, '2026-T2'), { value });
    sortByKeyDescending(axis);
    const t2 = columnOf(axis, '2026-T2');
    const letters = addressOf(axis, 'G1', '2026-T2').replace(/\d+/g, '');
    const added = columnOf(axis, 'Commentaire') + 1;
    put(axis, headerRowOf(axis), added, { value: 'Double T2' });
    put(axis, rowOfKey(axis, 'G1-QN1'), added, {
      value: 14,
      formula: `${cellAddress(rowOfKey(axis, 'G1-QN1'), t2)}*2`,
    });
    const rows = keyedRows(axis);
    const scattered = `'Axe 1'!${addressOf(axis, 'G2', '2026-T2')}:${addressOf(axis, 'G1-QN2', '2026-T2')}`;
    addOwnSheet(grids, 'Mon suivi', [
      { value: 7, formula: `'Axe 1'!${addressOf(axis, 'G1-QN1', '2026-T2')}` },
      { value: 14, formula: `SUM('Axe 1'!${letters}:${letters})` },
      { value: 14, formula: `SUM('Axe 1'!${letters}${rows[0]}:${letters}${rows[rows.length - 1]})` },
      { value: 5, formula: `SUM(${scattered})` },
    ]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    expect(at(written, rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double T2'))).toEqual({
      value: 14,
      formula: `${addressOf(written, 'G1-QN1', '2026-T2')}*2`,
    });
    const own = sheet(file.computed(), 'Mon suivi');
    expect(own.rows.map((row) => row[0]?.formula)).toEqual([
      `'Axe 1'!${addressOf(written, 'G1-QN1', '2026-T2')}`,
      `SUM('Axe 1'!${letters}:${letters})`,
      `SUM('Axe 1'!${letters}${rows[0]}:${letters}${rows[rows.length - 1]})`,
      `SUM(${scattered})`,
    ]);
    expect(own.rows.slice(0, 3).map((row) => row[0]?.value)).toEqual([7, 14, 14]);
    const notes = outcome.status === 'done' ? outcome.notes : [];
    const toCheck = notes.filter((note: Issue) => note.code === 'kept-formula-to-check');
    expect(toCheck).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Mon suivi', cell: 'A4' })]);
    expect(renderIssueMessage(toCheck[0])).toBe(
      `Mon suivi, cellule A4\u00a0: la formule «\u00a0=SUM(${scattered})\u00a0» porte sur «\u00a0${scattered}\u00a0», ` +
        'dont les cellules ne sont plus côte à côte dans le classeur réécrit (lignes remises dans l’ordre du plan). ' +
        'Cette plage est laissée telle quelle\u00a0: vérifiez que la formule désigne toujours les bonnes cellules.',
    );
    // The Journal keeps it after the rewrite's notes are gone: where, what to check, the formula as read and written.
    expect(formulaLines(file.computed())).toEqual([
      {
        key: null,
        column:
          `Mon suivi, cellule A4\u00a0: à vérifier, la plage «\u00a0${scattered}\u00a0» n’a plus ses cellules côte ` +
          'à côte et reste telle quelle',
        before: `=SUM(${scattered})`,
        after: `=SUM(${scattered})`,
        code: 'formule-à-vérifier',
        field: 'formula:Mon suivi!A4',
        types: ['texte', 'texte'],
      },
    ]);
    // Nothing moves at the next rewrite: nothing more is said or journalled.
    const again = await computeAndWrite(file.port, { now: new Date('2026-05-11T09:00:00Z') });
    expect(again.status === 'done' ? again.notes.map((note) => note.code) : again.issues).toEqual([]);
    expect(formulaLines(file.computed())).toHaveLength(1);
  }, 30_000);

  it('under the table, notes and the formulas naming them move with their columns when a regeneration adds quarters before, as Excel moves what is right of columns inserted', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const last = keyedRows(axis).at(-1)!;
    const first = headerRowOf(axis) + 1;
    const t2 = columnOf(axis, '2026-T2');
    const comment = columnOf(axis, 'Commentaire');
    const added = comment + 1;
    const letters = (column: number) => cellAddress(1, column).replace(/\d+/g, '');
    put(axis, rowOfKey(axis, 'G1-QN1'), t2, { value: 7 });
    put(axis, headerRowOf(axis), added, { value: 'Heures' });
    put(axis, rowOfKey(axis, 'G1-QN1'), added, { value: 5 });
    // Under the table: a label under Clé, the total of a quarter under it, a remark under Commentaire, the total of
    // the column the person added under it, and a note past everything.
    put(axis, last + 2, 1, { value: 'Total provisoire' });
    put(axis, last + 2, t2, { value: 7, formula: `SUM(${letters(t2)}${first}:${letters(t2)}${last})` });
    put(axis, last + 2, comment, { value: 'chiffres à confirmer' });
    put(axis, last + 2, added, { value: 5, formula: `SUM(${letters(added)}${first}:${letters(added)}${last})` });
    put(axis, last + 3, added + 2, { value: 'relu par la Caf' });
    put(axis, last + 3, t2, { value: 7, formula: `${letters(t2)}${last + 2}` });
    addOwnSheet(grids, 'Mon suivi', [{ value: 7, formula: `'Axe 1'!${letters(t2)}${last + 2}` }]);
    const plan: Plan = structuredClone(samplePlan());
    plan.period = { start: '2025-07-01', end: '2030-12-31' };
    const file = hold(grids);

    const outcome = await regenerateAndWrite(file.port, plan, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    expect(keyedRows(written).at(-1)).toBe(last);
    const t2Now = columnOf(written, '2026-T2');
    const addedNow = columnOf(written, 'Heures');
    expect(t2Now).toBe(t2 + 2);
    expect(addedNow).toBe(added + 2);
    // Each note under the column it was under; the label under Clé where it was; the one past everything moved as far.
    expect(at(written, last + 2, 1)).toEqual({ value: 'Total provisoire' });
    expect(at(written, last + 2, t2Now)).toEqual({
      value: 7,
      formula: `SUM(${letters(t2Now)}${first}:${letters(t2Now)}${last})`,
    });
    expect(at(written, last + 2, columnOf(written, 'Commentaire'))).toEqual({ value: 'chiffres à confirmer' });
    expect(at(written, last + 2, addedNow)).toEqual({
      value: 5,
      formula: `SUM(${letters(addedNow)}${first}:${letters(addedNow)}${last})`,
    });
    expect(at(written, last + 3, addedNow + 2)).toEqual({ value: 'relu par la Caf' });
    expect(at(written, last + 3, t2Now)).toEqual({ value: 7, formula: `${letters(t2Now)}${last + 2}` });
    // Nothing left behind where they were.
    for (const column of [t2, comment, added]) expect(at(written, last + 2, column)).toBeNull();
    expect(at(written, last + 3, added + 2)).toBeNull();
    expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)).toEqual({
      value: 7,
      formula: `'Axe 1'!${letters(t2Now)}${last + 2}`,
    });
    const notes = outcome.status === 'done' ? outcome.notes.map((note) => note.code) : [];
    expect(notes.filter((code) => code.startsWith('kept-'))).toEqual([]);
  }, 30_000);

  it('to a row, a quarter or a sheet a regeneration removes: #REF! after the sheet still there, as in Excel, with a warning naming it', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2030-T4'), { value: 4 });
    put(axis, rowOfKey(axis, 'G1-QN2'), columnOf(axis, '2026-T1'), { value: 9 });
    const added = columnOf(axis, 'Commentaire') + 1;
    put(axis, headerRowOf(axis), added, { value: 'Double' });
    put(axis, rowOfKey(axis, 'G1-QN1'), added, { value: 18, formula: `${addressOf(axis, 'G1-QN2', '2026-T1')}*2` });
    const removedRow = `'Axe 1'!${addressOf(axis, 'G1-QN2', '2026-T1')}`;
    const removedQuarter = `'Axe 1'!${addressOf(axis, 'G1-QN1', '2030-T4')}`;
    const lastAxis = sheet(grids, 'Axe 13');
    const removedSheet = `'Axe 13'!${addressOf(lastAxis, 'S13', 'Intitulé')}`;
    const kept = `'Axe 1'!${addressOf(axis, 'G1-QN1', '2026-T1')}`;
    addOwnSheet(grids, 'Mon suivi', [
      { value: 9, formula: `${removedRow}*2` },
      { value: 4, formula: `${removedQuarter}+${kept}` },
      { value: 'Maison France Services', formula: removedSheet },
    ]);
    const plan: Plan = structuredClone(samplePlan());
    plan.period = { start: '2026-01-01', end: '2029-12-31' };
    const g1 = plan.axes[0].fiches.find((fiche) => fiche.key === 'G1')!;
    g1.criteria = g1.criteria.filter((criterion) => criterion.key !== 'G1-QN2');
    plan.axes = plan.axes.slice(0, 1);
    const file = hold(grids);

    const outcome = await regenerateAndWrite(file.port, plan, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    const own = sheet(file.computed(), 'Mon suivi');
    // The sheet's name stays before #REF! while the sheet is there, so the person sees where the formula pointed.
    expect(own.rows.map((row) => row[0]?.formula)).toEqual([
      `'Axe 1'!#REF!*2`,
      `'Axe 1'!#REF!+'Axe 1'!${addressOf(written, 'G1-QN1', '2026-T1')}`,
      '#REF!',
    ]);
    expect(at(written, rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double'))).toMatchObject({
      value: '#REF!',
      formula: '#REF!*2',
    });
    expect(own.rows.map((row) => [row[0]?.value, row[0]?.isError])).toEqual([
      ['#REF!', true],
      ['#REF!', true],
      ['#REF!', true],
    ]);
    const notes = outcome.status === 'done' ? outcome.notes : [];
    const gone = notes.filter((note: Issue) => note.code === 'kept-formula-reference-gone');
    expect(gone.map((note) => [note.severity, note.sheet, note.cell])).toEqual([
      ['warning', 'Axe 1', cellAddress(rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double'))],
      ['warning', 'Mon suivi', 'A1'],
      ['warning', 'Mon suivi', 'A2'],
      ['warning', 'Mon suivi', 'A3'],
    ]);
    expect(renderIssueMessage(gone[1])).toBe(
      `Mon suivi, cellule A1\u00a0: la formule désignait «\u00a0${removedRow}\u00a0» (ligne G1-QN2, colonne ` +
        '«\u00a02026-T1\u00a0»), que le classeur réécrit n’a plus (ligne retirée du plan, trimestre hors de la ' +
        'période, feuille d’axe disparue). Cette référence devient #REF!, comme dans Excel\u00a0: corrigez la ' +
        "formule, maintenant «\u00a0='Axe 1'!#REF!*2\u00a0».",
    );
    expect(renderIssueMessage(gone[2])).toContain(
      `«\u00a0${removedQuarter}\u00a0» (ligne G1-QN1, colonne «\u00a02030-T4\u00a0»)`,
    );
    // One Journal line per formula: what to correct, the formula as read and as written.
    const lines = formulaLines(file.computed());
    const inAxis = cellAddress(rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double'));
    const ownRow = addressOf(axis, 'G1-QN2', '2026-T1');
    expect(lines.map(({ column, before, after, field }) => [column, before, after, field])).toEqual([
      [
        `Axe 1, cellule ${inAxis}\u00a0: à corriger, «\u00a0${ownRow}\u00a0» (ligne G1-QN2, colonne ` +
          '«\u00a02026-T1\u00a0») n’existe plus et devient #REF!',
        `=${ownRow}*2`,
        '=#REF!*2',
        `formula:Axe 1!${inAxis}`,
      ],
      [
        `Mon suivi, cellule A1\u00a0: à corriger, «\u00a0${removedRow}\u00a0» (ligne G1-QN2, colonne ` +
          '«\u00a02026-T1\u00a0») n’existe plus et devient #REF!',
        `=${removedRow}*2`,
        "='Axe 1'!#REF!*2",
        'formula:Mon suivi!A1',
      ],
      [
        `Mon suivi, cellule A2\u00a0: à corriger, «\u00a0${removedQuarter}\u00a0» (ligne G1-QN1, colonne ` +
          '«\u00a02030-T4\u00a0») n’existe plus et devient #REF!',
        `=${removedQuarter}+${kept}`,
        `='Axe 1'!#REF!+'Axe 1'!${addressOf(written, 'G1-QN1', '2026-T1')}`,
        'formula:Mon suivi!A2',
      ],
      [
        expect.stringMatching(/^Mon suivi, cellule A3\u00a0: à corriger, «\u00a0'Axe 13'!/),
        `=${removedSheet}`,
        '=#REF!',
        'formula:Mon suivi!A3',
      ],
    ]);
    expect(lines.every((line) => line.code === 'formule-à-vérifier' && line.key === null)).toBe(true);
  }, 30_000);

  it('to empty columns without a header, among or past the table’s: never #REF!, they go after the added columns', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const row = rowOfKey(axis, 'G1-QN1');
    // An empty column inserted among the tools' own, and one left empty before a column the person added.
    const inserted = columnOf(axis, 'Statut');
    insertColumn(axis, inserted);
    const last = axis.rows[headerRowOf(axis) - 1].length;
    const planned = last + 1;
    put(axis, headerRowOf(axis), last + 2, { value: 'Note' });
    put(axis, row, last + 2, { value: 'à suivre' });
    const letters = (column: number) => cellAddress(1, column).replace(/\d+/g, '');
    addOwnSheet(grids, 'Mon suivi', [
      { value: 0, formula: `'Axe 1'!${cellAddress(row, inserted)}` },
      { value: 0, formula: `'Axe 1'!${cellAddress(row, planned)}` },
      { value: 0, formula: `COUNTA('Axe 1'!${letters(planned)}:${letters(planned)})` },
      { value: 0, formula: `'Axe 1'!${cellAddress(row, last + 4)}` },
    ]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    const table = fresh.sheets.find((grid) => grid.name === 'Axe 1')!.rows[headerRowOf(written) - 1].length;
    expect(columnOf(written, 'Note')).toBe(table + 1);
    // The empty columns follow the added one, in their order; a column past them keeps its place.
    const own = sheet(file.computed(), 'Mon suivi').rows.map((cells) => cells[0]);
    expect(own.map((cell) => cell?.formula)).toEqual([
      `'Axe 1'!${cellAddress(row, table + 2)}`,
      `'Axe 1'!${cellAddress(row, table + 3)}`,
      `COUNTA('Axe 1'!${letters(table + 3)}:${letters(table + 3)})`,
      `'Axe 1'!${cellAddress(row, last + 4)}`,
    ]);
    expect(own.some((cell) => cell?.isError)).toBe(false);
    const notes = outcome.status === 'done' ? outcome.notes.map((note) => note.code) : [];
    expect(notes.filter((code) => code.startsWith('kept-formula'))).toEqual([]);
  }, 30_000);

  it('is journalled as typed, personal data included, while the formula holds it; erased once it no longer does', async () => {
    const contact = 'jean.dupont@mairie.fr';
    const phone = '04 77 12 34 56';
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2026-T2'), { value: 7 });
    sortByKeyDescending(axis);
    const scattered = `'Axe 1'!${addressOf(axis, 'G2', '2026-T2')}:${addressOf(axis, 'G1-QN2', '2026-T2')}`;
    // The address and the number are in the formula's text only: its result holds neither.
    const alert = `IF(SUM(${scattered})>100,"Alerter ${contact} ou le ${phone}","")`;
    addOwnSheet(grids, 'Mon suivi', [{ value: '', formula: alert }]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    expect(outcome.status === 'done' ? outcome.notes.map((note) => note.code) : []).not.toContain(
      'personal-data-erased',
    );
    expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)?.formula).toBe(alert);
    // The line states the formula as it is in its cell, where the tracking still holds what it names.
    expect(formulaLines(file.computed()).map(({ before, after }) => [before, after])).toEqual([
      [`=${alert}`, `=${alert}`],
    ]);
    const checked = await validateGrids(file.computed(), { today });
    expect(checked.issues.filter((issue) => issue.code === 'personal-data-in-records')).toEqual([]);

    // The person takes the address and the number out of the formula: the Journal no longer keeps them either.
    const edited = copyOf(file.computed());
    const withoutContact = `IF(SUM(${scattered})>100,"Alerter le référent","")`;
    put(sheet(edited, 'Mon suivi'), 1, 1, { value: '', formula: withoutContact });
    const again = hold(edited);

    const erased = await computeAndWrite(again.port, { now: new Date('2026-05-11T09:00:00Z') });

    expect(erased.status === 'done' ? erased.notes.map((note) => [note.code, note.sheet]) : erased.issues).toEqual([
      ['personal-data-erased', 'Journal'],
    ]);
    const gone = alert.replace(contact, '[donnée personnelle effacée]').replace(phone, '[donnée personnelle effacée]');
    expect(formulaLines(again.computed()).map(({ before, after }) => [before, after])).toEqual([
      [`=${gone}`, `=${gone}`],
    ]);
  }, 30_000);

  it('stays as typed when the rewrite moves nothing, with no word', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, '2026-T2'), { value: 7 });
    const t2 = addressOf(axis, 'G1-QN1', '2026-T2');
    put(axis, rowOfKey(axis, 'G1-QN1'), columnOf(axis, 'Commentaire') + 1, { value: 14, formula: `${t2}*2` });
    put(axis, headerRowOf(axis), columnOf(axis, 'Commentaire') + 1, { value: 'Double T2' });
    const settings = sheet(grids, 'Paramètres');
    put(settings, 2, 6, { value: 7, formula: `'Axe 1'!${t2}` });
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status === 'done' ? outcome.notes.map((note) => note.code) : outcome.issues).toEqual([]);
    const written = sheet(file.computed(), 'Axe 1');
    expect(at(written, rowOfKey(written, 'G1-QN1'), columnOf(written, 'Double T2'))).toEqual({
      value: 14,
      formula: `${t2}*2`,
    });
    expect(at(sheet(file.computed(), 'Paramètres'), 2, 6)).toEqual({ value: 7, formula: `'Axe 1'!${t2}` });
  }, 30_000);

  it('through the migration of a format 1 workbook, which adds « Abandonnée en » before the quarters', async () => {
    const grids = gridsOfBytes(fixtureBytes('suivi-v1.xlsx'));
    const axis = sheet(grids, 'Axe 1');
    const quarters = axis.rows[headerRowOf(axis) - 1].flatMap((cell, index) =>
      /^\d{4}-T\d$/.test(String(cell?.value)) ? [index + 1] : [],
    );
    const [row, quarter] = keyedRows(axis)
      .flatMap((candidate) => quarters.map((column) => [candidate, column]))
      .find(([candidate, column]) => typeof at(axis, candidate, column)?.value === 'number')!;
    const key = String(at(axis, row, 1)?.value);
    const header = String(at(axis, headerRowOf(axis), quarter)?.value);
    const value = at(axis, row, quarter)?.value ?? null;
    addOwnSheet(grids, 'Mon suivi', [{ value, formula: `'Axe 1'!${cellAddress(row, quarter)}` }]);
    const file = hold(grids);

    const outcome = await computeAndWrite(file.port, { now: FIXTURE_DAY });

    expect(outcome.status).toBe('done');
    const written = sheet(file.computed(), 'Axe 1');
    expect(columnOf(written, header)).toBe(quarter + 1);
    expect(at(sheet(file.computed(), 'Mon suivi'), 1, 1)).toEqual({
      value,
      formula: `'Axe 1'!${addressOf(written, key, header)}`,
    });
  }, 60_000);
});
