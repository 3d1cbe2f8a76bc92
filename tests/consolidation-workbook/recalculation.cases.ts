import type { WorkbookGrids } from '../../src/domain/grid';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { writeXlsx } from '../../src/xlsx/writer';
import { saveThroughLibreOffice } from '../helpers/libreoffice';
import { recalcWithHyperFormula } from '../workbook-formulas/helpers/recalc-hyperformula';
import { consolidation, formulaCells, gridsOf, writtenAt, writtenConsolidation } from './fixture';

/** A spec whose every formula's cached result is `result` (stale on purpose). */
function withResults(spec: WorkbookSpec, result: number): WorkbookSpec {
  const copy: WorkbookSpec = structuredClone(spec);
  for (const sheet of copy.sheets)
    for (const row of sheet.rows)
      for (const cell of row.cells)
        if (cell && cell.value !== null && typeof cell.value === 'object') cell.value = { ...cell.value, result };
  return copy;
}

/**
 * Every formula of the consolidation workbook, recalculated by another engine from the file, gives the result
 * written as its cached value: HyperFormula, then LibreOffice headless (one run), so that Excel, LibreOffice and a
 * viewer that shows cached values all show the same figures.
 */

let bytes: Uint8Array;
let written: WorkbookGrids;
beforeAll(async () => {
  bytes = await writtenConsolidation();
  written = gridsOf(bytes);
});

/**
 * Territoires: 3 rows × (3 rates + bar), the total's 18 sums + 4; by champ: 7 rows × 3 rates and 3 totals × 16 sums;
 * by public: 6 × 3 and 2 × 16; side by side: 2 figures for each of the 4 champ-territory pairs and 3 totals, and for
 * the 4 public-territory pairs and 2 totals.
 */
const FORMULA_COUNT = 3 * 4 + 18 + 4 + (7 * 3 + 3 * 16) + (6 * 3 + 2 * 16) + 2 * (4 + 3) + 2 * (4 + 2);

type Found = { where: string; formula: string; value: unknown };

/** The formula cells whose value in `recalculated` is not their cached value in the written file. */
function mismatches(recalculated: WorkbookGrids): { compared: number; differing: { cached: Found; got: unknown }[] } {
  const cached = formulaCells(written);
  const after = new Map(formulaCells(recalculated).map((cell) => [`${cell.sheet}!${cell.row}:${cell.column}`, cell]));
  const differing: { cached: Found; got: unknown }[] = [];
  for (const cell of cached) {
    const where = `${cell.sheet}!${cell.row}:${cell.column}`;
    const got = after.get(where)?.value;
    const same =
      typeof cell.value === 'number' && typeof got === 'number'
        ? Math.abs(cell.value - got) < 1e-12 * Math.max(1, Math.abs(cell.value))
        : (got ?? '') === (cell.value ?? '');
    if (!same) differing.push({ cached: { where, formula: cell.formula, value: cell.value }, got });
  }
  return { compared: cached.length, differing };
}

describe('the consolidation workbook recalculated', () => {
  it('by HyperFormula: every formula gives its cached result', () => {
    const { compared, differing } = mismatches(recalcWithHyperFormula(written));
    expect(differing).toEqual([]);
    expect(compared).toBe(FORMULA_COUNT);
  });

  it('by HyperFormula, the cached results are not what an empty workbook gives (the comparison can fail)', () => {
    const blanked: WorkbookGrids = {
      sheets: written.sheets.map((sheet) => ({
        ...sheet,
        rows: sheet.rows.map((row) =>
          (row ?? []).map((cell) =>
            cell && cell.formula === undefined && typeof cell.value === 'number' ? { ...cell, value: 0 } : cell,
          ),
        ),
      })),
    };
    expect(mismatches(recalcWithHyperFormula(blanked)).differing.length).toBeGreaterThan(20);
  });

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'by LibreOffice: every formula gives its cached result, also from a file whose cached results are all wrong',
    async () => {
      // The same workbook with every cached result 0: LibreOffice must compute the figures, not keep them.
      const stale = await writeXlsx(withResults(buildConsolidationWorkbook(consolidation, { writtenAt }), 0));
      const saved = saveThroughLibreOffice({ consolidation: bytes, stale }, { scratch: 'consolidation-workbook' });
      for (const name of ['consolidation', 'stale']) {
        const grids = gridsOf(saved[name]);
        const { compared, differing } = mismatches(grids);
        expect({ name, differing }).toEqual({ name, differing: [] });
        expect(compared).toBe(FORMULA_COUNT);
        // What a user sees there: the pooled total of Territoires (LibreOffice keeps 15 significant digits).
        const territories = grids.sheets.find((sheet) => sheet.name === 'Territoires')!;
        expect(territories.rows[7][23]?.value).toBeCloseTo(103 / 141, 12);
      }
    },
  );
});
