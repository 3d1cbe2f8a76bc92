import type { CellChange, WorkbookChanges, WorkbookGrids } from '../../src/app/port';
import { embeddedPlan } from '../../src/app/plan-source';
import { ExcelWorkbookError, type ExcelPort } from '../../src/excel';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { generateOnFake, measured, WITHOUT_PAYLOAD_LIMITS, type FakeOptions } from './helpers/run-on-fake';
import type { FakeExcel } from '../fake-excel';
import { cellAddress } from '../../src/layout/a1';

/**
 * The Office.js back end applies cell changes (`port.change`, and `port.write(spec, { after, changes })` for a
 * rewrite that keeps the workbook's shape): those cells only, in a number of round trips that does not grow with
 * the list, on a fake Excel that refuses what Excel refuses (a locked cell of a protected sheet).
 */
const today = new Date('2026-11-28T10:00:00Z');

async function generated(options: FakeOptions = WITHOUT_PAYLOAD_LIMITS) {
  return generateOnFake(embeddedPlan().plan, today, options);
}

/** The spec a rewrite would write; with changes given the port writes only them. */
const specOfPlan = async () => (await buildNewWorkbook(embeddedPlan().plan, { today })).spec;

const gridOf = (grids: WorkbookGrids, name: string) => grids.sheets.find((sheet) => sheet.name === name)!;
/** `count` new Journal cells under the last line, 10 per row, each a text. */
function journalLines(grids: WorkbookGrids, count: number): CellChange[] {
  const first = gridOf(grids, 'Journal').rows.length + 1;
  return Array.from({ length: count }, (_, index) => ({
    sheet: 'Journal',
    row: first + Math.floor(index / 10),
    column: (index % 10) + 1,
    content: `ligne ${index}`,
    style: { numFmt: '@', border: true },
  }));
}

async function byHand(fake: FakeExcel, work: (context: Excel.RequestContext) => void): Promise<void> {
  await fake.officeJs.Excel.run(async (context) => {
    work(context);
    await context.sync();
  });
}

describe('round trips do not grow with the number of changes', () => {
  test.each([1, 10, 1000])(
    'port.change of %i Journal cells: 2 round trips (ask, then write)',
    async (count) => {
      const { fake, port } = await generated();
      const grids = await port.read();
      const run = await measured(fake, () => port.change({ cells: journalLines(grids, count), ranges: [] }));
      expect(run.roundTrips).toBe(2);
      expect(port.lastWriteSyncs()).toBe(2);
      const last = journalLines(grids, count).at(-1)!;
      expect(fake.inspect.snapshotGrid('Journal').rows[last.row - 1][last.column - 1]?.value).toBe(
        `ligne ${count - 1}`,
      );
    },
    60_000,
  );

  test('port.change of a Journal line and its filter: the filter, asked with the rest, covers the line', async () => {
    const { fake, port } = await generated();
    const grids = await port.read();
    const lines = journalLines(grids, 10);
    const filter = `A1:L${lines[0].row}`;
    const run = await measured(fake, () =>
      port.change({ cells: lines, ranges: [{ sheet: 'Journal', autoFilter: filter }] }),
    );
    expect(run.roundTrips).toBe(2);
    expect(fake.inspect.autoFilter('Journal')).toBe(filter);
  }, 60_000);

  test.each([1, 10, 1000])(
    'a rewrite of %i cells after its read: 1 round trip for the write',
    async (count) => {
      const { fake, port } = await generated();
      const grids = await port.read();
      const changes: WorkbookChanges = { cells: journalLines(grids, count), ranges: [] };
      const spec = await specOfPlan();
      const run = await measured(fake, () => port.write(spec, { after: grids, changes }));
      expect(run.roundTrips).toBe(1);
      expect(port.lastWriteSyncs()).toBe(1);
    },
    60_000,
  );

  test('on the web, a change larger than a request is split by size, and still written whole', async () => {
    const { fake, port } = await generated({ requestBudgetBytes: 64 * 1024 });
    const grids = await port.read();
    const cells = journalLines(grids, 5000);
    const spec = await specOfPlan();
    const run = await measured(fake, () => port.write(spec, { after: grids, changes: { cells, ranges: [] } }));
    expect(run.roundTrips).toBeGreaterThan(1);
    expect(Math.max(...run.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    const last = cells.at(-1)!;
    expect(fake.inspect.snapshotGrid('Journal').rows[last.row - 1][last.column - 1]?.value).toBe('ligne 4999');
    expect(fake.inspect.protection('Journal').protected).toBe(true);
  }, 60_000);
});

/** What a person did to the Journal and Axe 1 by hand: widths, a hidden column, formats. Protection put back. */
async function personalise(fake: FakeExcel): Promise<void> {
  const journalOptions = fake.inspect.protection('Journal').options as Excel.WorksheetProtectionOptions;
  await byHand(fake, (context) => {
    const journal = context.workbook.worksheets.getItem('Journal');
    journal.protection.unprotect();
    journal.getRange('B:B').format.columnWidth = 222;
    journal.getRange('K:K').columnHidden = true;
    journal.getRange('F2').numberFormat = [['0.00']];
    journal.getRange('F2').format.fill.color = '#FFCCCC';
    journal.getRange('F2').values = [[3.5]];
    journal.protection.protect(journalOptions);
  });
}

/** The first cell of a row whose lock is `locked` and which is empty (1-based column), on Axe 1. */
function axisCell(fake: FakeExcel, row: number, locked: boolean): { row: number; column: number } {
  const cells = fake.inspect.snapshotGrid('Axe 1').rows[row - 1];
  for (let column = 1; column <= 45; column += 1)
    if (fake.inspect.format('Axe 1', cellAddress(row, column)).locked === locked && !cells[column - 1])
      return { row, column };
  throw new Error(`no such cell in row ${row}`);
}

describe('what a change writes, and nothing else', () => {
  let fake: FakeExcel;
  let port: ExcelPort;
  let before: WorkbookGrids;
  let protectionBefore: Record<string, unknown>;
  let input: { row: number; column: number };
  let formulaCells: { row: number; column: number; formula: string }[];

  beforeAll(async () => {
    ({ fake, port } = await generated());
    await personalise(fake);
    before = await port.read();
    protectionBefore = { journal: fake.inspect.protection('Journal'), axis: fake.inspect.protection('Axe 1') };
    const axis = gridOf(before, 'Axe 1');
    input = axisCell(fake, 5, false);
    formulaCells = axis.rows
      .flatMap((cells, r) =>
        cells.map((cell, c) => (cell?.formula ? { row: r + 1, column: c + 1, formula: cell.formula } : null)),
      )
      .filter((cell): cell is { row: number; column: number; formula: string } => cell !== null)
      .slice(0, 2);
    const newRow = gridOf(before, 'Journal').rows.length + 1;
    const changes: WorkbookChanges = {
      cells: [
        // A new Journal line: a person's text that looks like a formula, a number; the line's style.
        {
          sheet: 'Journal',
          row: newRow,
          column: 1,
          content: '=1+1',
          style: { numFmt: '@', border: true, fill: 'FFF2CC' },
        },
        { sheet: 'Journal', row: newRow, column: 2, content: 12, style: { fill: 'FFF2CC' } },
        // An existing cell emptied: its format (a person's) stays.
        { sheet: 'Journal', row: 2, column: 6, content: null },
        // A value in an input cell of a protected axis sheet.
        { sheet: 'Axe 1', row: input.row, column: input.column, content: 42 },
        // The same formula as the cell holds (not written), then another one (written, computed by Excel).
        { sheet: 'Axe 1', ...formulaCells[0], content: { formula: formulaCells[0].formula, result: 999 } },
        { sheet: 'Axe 1', ...formulaCells[1], content: { formula: '1+1', result: 2 } },
      ],
      ranges: [{ sheet: 'Journal', autoFilter: `A1:L${newRow}` }],
    };
    await port.write(await specOfPlan(), { after: before, changes });
  }, 60_000);

  test('values, text kept as text, an emptied cell, formulas only where they differ', () => {
    const journal = fake.inspect.snapshotGrid('Journal');
    const newRow = gridOf(before, 'Journal').rows.length + 1;
    expect(journal.rows[newRow - 1][0]).toEqual({ value: '=1+1' });
    expect(journal.rows[newRow - 1][1]).toEqual({ value: 12 });
    expect(journal.rows[1][5]).toBeNull();
    const axis = fake.inspect.snapshotGrid('Axe 1');
    expect(axis.rows[input.row - 1][input.column - 1]).toEqual({ value: 42 });
    // Excel computes the results: the cached result of the change is not written.
    const [same, other] = formulaCells;
    expect(axis.rows[same.row - 1][same.column - 1]).toEqual(
      gridOf(before, 'Axe 1').rows[same.row - 1][same.column - 1],
    );
    expect(axis.rows[other.row - 1][other.column - 1]).toMatchObject({ value: 2, formula: '1+1' });
  });

  test('a new line takes its style; an existing cell keeps its format', () => {
    const newRow = gridOf(before, 'Journal').rows.length + 1;
    expect(fake.inspect.format('Journal', cellAddress(newRow, 1))).toMatchObject({
      numberFormat: '@',
      fillColor: '#FFF2CC',
    });
    expect(fake.inspect.format('Journal', cellAddress(newRow, 2))).toMatchObject({ fillColor: '#FFF2CC' });
    expect(fake.inspect.format('Journal', 'F2')).toMatchObject({ numberFormat: '0.00', fillColor: '#FFCCCC' });
  });

  test('protected sheets are protected again, with the same options', () => {
    expect(fake.inspect.protection('Journal')).toEqual(protectionBefore.journal);
    expect(fake.inspect.protection('Axe 1')).toEqual(protectionBefore.axis);
    expect(fake.inspect.protection('Journal').protected).toBe(true);
  });

  test('the autofilter covers the new line; widths and hidden columns stay', () => {
    const newRow = gridOf(before, 'Journal').rows.length + 1;
    expect(fake.inspect.autoFilter('Journal')).toBe(`A1:L${newRow}`);
    expect(fake.inspect.columnWidth('Journal', 'B')).toBe(222);
    expect(fake.inspect.hidden('Journal').columns).toContain('K');
  });

  test('every other cell of the workbook is as it was (formulas recomputed by Excel)', () => {
    // A formula's result may follow the changed cells; what is in each cell may not change.
    const contents = (grids: WorkbookGrids) =>
      grids.sheets.map((sheet) => sheet.rows.map((cells) => cells.map((cell) => cell?.formula ?? cell?.value ?? null)));
    const after = contents(fake.inspect.snapshotWorkbook());
    const expected = contents(before);
    const journal = before.sheets.findIndex((sheet) => sheet.name === 'Journal');
    const axis = before.sheets.findIndex((sheet) => sheet.name === 'Axe 1');
    const newRow = gridOf(before, 'Journal').rows.length + 1;
    expected[journal][1][5] = null;
    expected[journal][newRow - 1] = ['=1+1', 12];
    expected[axis][input.row - 1][input.column - 1] = 42;
    expected[axis][formulaCells[1].row - 1][formulaCells[1].column - 1] = '1+1';
    // Every non-empty cell by its place, so that a cell moved or added shows.
    const placed = (sheets: (string | number | boolean | null)[][][]) =>
      sheets.map((rows) =>
        Object.fromEntries(
          rows.flatMap((cells, r) =>
            Array.from(cells, (cell, c) => [`${r + 1}|${c + 1}`, cell ?? null] as const).filter(
              ([, cell]) => cell !== null,
            ),
          ),
        ),
      );
    expect(placed(after)).toEqual(placed(expected));
  });
});

describe('a sheet a person protected with a password', () => {
  let fake: FakeExcel;
  let port: ExcelPort;
  beforeAll(async () => {
    ({ fake, port } = await generated());
    const options = fake.inspect.protection('Axe 1').options as Excel.WorksheetProtectionOptions;
    await byHand(fake, (context) => {
      const axis = context.workbook.worksheets.getItem('Axe 1');
      axis.protection.unprotect();
      axis.protection.protect(options, 'secret');
    });
  }, 60_000);

  test('a value in an unlocked cell is written without lifting the protection (which would fail)', async () => {
    const cell = axisCell(fake, 6, false);
    const run = await measured(fake, () =>
      port.change({ cells: [{ sheet: 'Axe 1', ...cell, content: 7 }], ranges: [] }),
    );
    expect(run.roundTrips).toBe(2);
    expect(fake.inspect.snapshotGrid('Axe 1').rows[cell.row - 1][cell.column - 1]).toEqual({ value: 7 });
  });

  test('a locked cell must lift it: the change is refused, nothing written, in French', async () => {
    const cell = axisCell(fake, 6, true);
    const before = fake.inspect.snapshotWorkbook();
    const attempt = port.change({ cells: [{ sheet: 'Axe 1', ...cell, content: 7 }], ranges: [] });
    await expect(attempt).rejects.toBeInstanceOf(ExcelWorkbookError);
    expect(fake.inspect.snapshotWorkbook()).toEqual(before);
    expect(fake.inspect.protection('Axe 1').protected).toBe(true);
  });
});
