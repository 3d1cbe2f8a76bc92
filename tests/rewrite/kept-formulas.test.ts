import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookPort } from '../../src/app/port';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { recalcWithHyperFormula } from '../workbook-formulas/helpers/recalc-hyperformula';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';
import { seedFromGrids } from '../excel-backend/helpers/seed-from-grids';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet } from './helpers';

/**
 * A formula a person typed (in an added column, a note, their own sheet) keeps pointing at the cells it named through
 * a rewrite; on both back ends, the formulas' results computed again after the rewrite.
 */

const today = new Date('2026-05-10T09:00:00Z');

/** A workbook on one back end: its port, and its grids with every formula computed again. */
interface Held {
  port: WorkbookPort;
  computed: () => WorkbookGrids;
}

/** An .xlsx held in memory, as the command line rewrites a file; its formulas recalculated by HyperFormula. */
function inFile(grids: WorkbookGrids): Held {
  let current = grids;
  const port: WorkbookPort = {
    read: async () => current,
    write: async (spec) => {
      const read = readXlsx(await writeXlsx(spec));
      if (!read.ok) throw new Error(read.error.code);
      current = read.grids;
    },
  };
  return { port, computed: () => recalcWithHyperFormula(current) };
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
function insertColumn(grid: SheetGrid, column: number): void {
  for (const row of grid.rows) if (Array.isArray(row) && row.length >= column) row.splice(column - 1, 0, null);
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
});
