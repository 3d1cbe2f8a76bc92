import type { PartialWorkbookGrids, SheetGrid } from '../../src/app/port';
import { isSkipped, readSheet } from '../../src/domain/grid';
import { readXlsx } from '../../src/xlsx/reader';
import * as sharedStrings from '../../src/xlsx/reader/shared-strings';
import { buildXlsx, packageParts, type PackageSpec } from './support/package-builder';
import { honestEntry, rawZip } from './support/raw-zip';
import { readError, readGrids, valuesOf } from './support/read';

/**
 * `readXlsx(bytes, { sheets })`: every sheet listed in order with its visibility, the cells of the selected ones
 * read exactly as a whole read gives them, the others skipped — their parts neither inflated nor parsed, so that a
 * damaged or oversized part there does not stop the read, while a whole read still refuses it.
 */

const selectAandC = { sheets: (name: string) => name === 'A' || name === 'C' };

function workbook(middleSheet: string): PackageSpec {
  return {
    sharedStrings: ['<si><t>Bonjour</t></si>', '<si><t>Au revoir</t></si>'],
    sheets: [
      { name: 'A', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row>' },
      { name: 'B', xml: middleSheet, state: 'hidden' },
      { name: 'C', xml: '<row r="2"><c r="C2" t="s"><v>1</v></c></row>', state: 'veryHidden' },
    ],
  };
}

const healthy = workbook('<row r="1"><c r="A1"><v>7</v></c></row>');

function partial(bytes: Uint8Array, options = {}): PartialWorkbookGrids {
  const result = readXlsx(bytes, { ...selectAandC, ...options });
  if (!result.ok) throw new Error(`expected a readable file, got ${JSON.stringify(result.error)}`);
  return result.grids;
}

describe('a read of some sheets', () => {
  it('lists every sheet in order with its visibility, and reads the selected ones as a whole read does', () => {
    const bytes = buildXlsx(healthy);
    const grids = partial(bytes);
    expect(grids.sheets.map((sheet) => [sheet.name, sheet.visibility, isSkipped(sheet)])).toEqual([
      ['A', 'visible', false],
      ['B', 'hidden', true],
      ['C', 'veryHidden', false],
    ]);
    const whole = readGrids(bytes);
    expect(readSheet(grids, 'A')).toEqual(whole.sheets[0]);
    expect(readSheet(grids, 'C')).toEqual(whole.sheets[2]);
    expect(valuesOf(readSheet(grids, 'C')!)).toEqual([[], [null, null, 'Au revoir']]);
  });

  it('never passes a skipped sheet for an empty one: its rows, and a reader asking for it, throw', () => {
    const grids = partial(buildXlsx(healthy));
    const skipped = grids.sheets[1];
    expect(skipped).toEqual({ name: 'B', visibility: 'hidden', skipped: true });
    expect(() => (skipped as unknown as SheetGrid).rows).toThrow('"B" was skipped');
    expect(() => readSheet(grids, 'B')).toThrow('"B" is needed but the read skipped it');
    expect(readSheet(grids, 'Z')).toBeNull();
  });

  it('reads a file whose skipped sheet is not well-formed XML, which a whole read refuses', () => {
    const bytes = buildXlsx(workbook('<row r="1"><c r="A1"><v>7</v></c></row></oops>'));
    expect(readError(bytes).code).toBe('invalid-xml');
    expect(valuesOf(readSheet(partial(bytes), 'A')!)).toEqual([['Bonjour', 12]]);
  });

  it('reads a file whose skipped sheet’s compressed bytes are cut, which a whole read refuses', () => {
    const parts = packageParts(healthy);
    const entries = Object.entries(parts).map(([name, content]) => {
      const entry = honestEntry(name, content as string);
      return name === 'xl/worksheets/sheet2.xml' ? { ...entry, data: entry.data.slice(0, 10) } : entry;
    });
    const bytes = rawZip(entries);
    expect(readError(bytes).code).toBe('truncated');
    expect(valuesOf(readSheet(partial(bytes), 'C')!)).toEqual([[], [null, null, 'Au revoir']]);
  });

  it('does not inflate a skipped part: one over the size limit reads, and counts nothing against the total', () => {
    const big = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const bytes = buildXlsx(workbook(big.join('')));
    const limits = { maxPartBytes: 4_000, maxTotalUncompressedBytes: 6_000 };
    expect(readError(bytes, { limits })).toEqual({
      code: 'zip-bomb',
      params: { part: 'xl/worksheets/sheet2.xml', sheet: 'B' },
    });
    expect(valuesOf(readSheet(partial(bytes, { limits }), 'A')!)).toEqual([['Bonjour', 12]]);
  });

  it('counts the cell limit over the sheets read only', () => {
    const many = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const bytes = buildXlsx(workbook(many.join('')));
    const limits = { maxCells: 10 };
    expect(readError(bytes, { limits }).code).toBe('too-many-cells');
    expect(partial(bytes, { limits }).sheets).toHaveLength(3);
  });

  it('still refuses a package that lacks a skipped sheet’s part (the workbook names it)', () => {
    const bytes = buildXlsx({ ...healthy, parts: { 'xl/worksheets/sheet2.xml': null } });
    expect(readXlsx(bytes, selectAandC)).toEqual({ ok: false, error: { code: 'damaged', params: { sheet: 'B' } } });
  });

  it('reads the shared strings once, whatever the sheets selected', () => {
    const readStrings = jest.spyOn(sharedStrings, 'readSharedStrings');
    try {
      partial(buildXlsx(healthy));
      expect(readStrings).toHaveBeenCalledTimes(1);
    } finally {
      readStrings.mockRestore();
    }
  });

  it('with no sheet selected, gives the sheet list alone', () => {
    const result = readXlsx(buildXlsx(healthy), { sheets: () => false });
    expect(result.ok && result.grids.sheets.every(isSkipped)).toBe(true);
    expect(result.ok && result.grids.sheets.map((sheet) => sheet.name)).toEqual(['A', 'B', 'C']);
  });
});
