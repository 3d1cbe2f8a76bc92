import { gridOfRange } from '../../src/excel/grid-from-range';
import { rectanglesOf, runsOf } from '../../src/excel/rectangles';
import { planSheet } from '../../src/excel/sheet-plan';
import type { SheetSpec } from '../../src/layout/workbook-spec';

/** The pure translations of the Office.js back end: formats grouped into blocks, grids built from loaded ranges. */

test('cells with the same value become as few rectangles as rows and runs allow', () => {
  const grid = ['aab', 'aab', 'ccb', '..b'];
  const rects = rectanglesOf(4, 3, (r, c) => (grid[r - 1][c - 1] === '.' ? undefined : grid[r - 1][c - 1]));
  expect(rects).toEqual([
    { top: 1, left: 1, bottom: 2, right: 2, value: 'a' },
    { top: 1, left: 3, bottom: 4, right: 3, value: 'b' },
    { top: 3, left: 1, bottom: 3, right: 2, value: 'c' },
  ]);
  expect(runsOf([10, 10, undefined, 12, 12, 12])).toEqual([
    { first: 1, last: 2, value: 10 },
    { first: 4, last: 6, value: 12 },
  ]);
});

test('rectangles cover each cell with a value once, with that value, each cell asked for and keyed once', () => {
  // A fixed pseudo-random grid of three values and gaps.
  let seed = 7;
  const grid = Array.from({ length: 30 }, () =>
    Array.from({ length: 12 }, () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return ['a', 'b', 'c', undefined][(seed >>> 16) % 4];
    }),
  );
  const asked = new Map<string, number>();
  let keyed = 0;
  const rects = rectanglesOf(
    30,
    12,
    (row, column) => {
      asked.set(`${row}|${column}`, (asked.get(`${row}|${column}`) ?? 0) + 1);
      return grid[row - 1][column - 1];
    },
    (value) => {
      keyed += 1;
      return value;
    },
  );
  const covered = grid.map((row) => row.map(() => 0));
  for (const rect of rects)
    for (let row = rect.top; row <= rect.bottom; row += 1)
      for (let column = rect.left; column <= rect.right; column += 1) {
        expect(grid[row - 1][column - 1]).toBe(rect.value);
        covered[row - 1][column - 1] += 1;
      }
  expect(covered).toEqual(grid.map((row) => row.map((value) => (value === undefined ? 0 : 1))));
  expect([...asked.values()].every((count) => count === 1)).toBe(true);
  expect(keyed).toBe(grid.flat().filter((value) => value !== undefined).length);
});

test('a sheet spec in bulk shapes: formats before values, formulas apart, @ given back after the formula, texts through @', () => {
  const sheet: SheetSpec = {
    name: 'S',
    visibility: 'visible',
    columns: [{ width: 10, numFmt: '@' }, { width: 10 }, { width: 12 }],
    rows: [
      {
        cells: [
          { value: '=1+1', style: { bold: true, fill: 'DDEBF7' } },
          { value: 3, style: { numFmt: '0%' } },
        ],
      },
      { cells: [{ value: { formula: 'B1*2', result: 6 } }, null, { value: true, style: { locked: false } }] },
      // Texts in General cells: Excel would type « -5 familles » and « 7 » (not « garde »), so they go through `@`.
      { cells: [null, { value: '-5 familles' }, { value: '7', style: { numFmt: '0' } }] },
      { cells: [null, { value: 'garde' }] },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
  const plan = planSheet(sheet);
  expect(plan.numberFormats).toEqual([
    [null, '0%', null],
    ['General', null, null],
    [null, '@', '@'],
    [null, null, null],
  ]);
  expect(plan.values).toEqual([
    ['=1+1', 3, null],
    [null, null, true],
    [null, '-5 familles', '7'],
    [null, 'garde', null],
  ]);
  expect(plan.formulas).toEqual({ top: 2, left: 1, rows: [['=B1*2']] });
  // After values and formulas: the formula's `@`, the texts' own formats.
  expect(plan.formatsAfter).toEqual({
    top: 2,
    left: 1,
    rows: [
      ['@', null, null],
      [null, 'General', '0'],
    ],
  });
  expect(plan.columnFormats).toEqual([{ first: 1, last: 1, value: '@' }]);
  expect(plan.formatBlocks).toEqual([
    { top: 1, left: 1, bottom: 1, right: 1, formats: { bold: true, fill: 'DDEBF7' } },
    { top: 2, left: 3, bottom: 2, right: 3, formats: { unlocked: true } },
  ]);
});

test('a loaded range becomes a grid from A1 like the .xlsx reader’s', () => {
  const grid = gridOfRange('S', 'Hidden', {
    rowIndex: 1,
    columnIndex: 1,
    values: [
      ['=1+1', 46023, ''],
      ['#DIV/0!', '', 4],
    ],
    formulas: [
      ['=1+1', 46023, '=IF(A1,"","")'],
      ['=1/0', '', 4],
    ],
    numberFormat: [
      ['@', 'dd/mm/yyyy', 'General'],
      ['General', 'General', '0'],
    ],
    valueTypes: [
      ['String', 'Double', 'String'],
      ['Error', 'Empty', 'Double'],
    ],
  });
  expect(grid).toEqual({
    name: 'S',
    visibility: 'hidden',
    rows: [
      [],
      [null, { value: '=1+1' }, { value: 46023, isDate: true }, { value: '', formula: 'IF(A1,"","")' }],
      [null, { value: '#DIV/0!', formula: '1/0', isError: true }, null, { value: 4 }],
    ],
  });
});
