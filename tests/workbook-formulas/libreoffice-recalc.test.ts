import { embeddedPlan } from '../../src/app/plan-source';
import type { WorkbookGrids } from '../../src/domain/grid';
import { parseQuarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import type { Plan } from '../../src/domain/plan';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { AXIS_FIRST_DATA_ROW } from '../../src/layout/sheets/axis/axis-sheet';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { samplePlan } from '../layout/helpers/sample-plan';
import {
  filledWorkbookSpec,
  readGrids,
  withAbandonedFiche,
  withCurrentQuarterText,
  writtenBytes,
} from './helpers/build-filled';
import { compareRates, type Comparison } from './helpers/compare-rates';
import { saveThroughLibreOffice } from '../helpers/libreoffice';

/**
 * LibreOffice headless, an engine independent of ours, recalculates the written files (one call for all of
 * them); our reader reads its results, which must equal src/domain/rates on the same values — also after Q is
 * changed in Paramètres and after edits made without the add-in (a value cleared, a Fréquence changed, a fiche
 * abandoned).
 */

const q = (label: string) => parseQuarterLabel(label)!;

/** Changes one input cell of an axis sheet in a spec, cached results left stale (as an edit in another tool). */
function withAxisCell(spec: WorkbookSpec, sheet: string, row: number, column: number, value: string | number | null) {
  const copy: WorkbookSpec = structuredClone(spec);
  const cells = copy.sheets.find((candidate) => candidate.name === sheet)!.rows[row - 1].cells;
  cells[column - 1] = { ...(cells[column - 1] ?? {}), value };
  return copy;
}

describe('rate formulas recalculated by LibreOffice', () => {
  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'equal the domain on the seed and sample workbooks, and move with Q and with edits',
    async () => {
      const seed = embeddedPlan().plan;
      const sample = samplePlan();
      const seedSpec = await filledWorkbookSpec(seed, q('2027-T2'), { seed: 11 });
      const sampleSpec = await filledWorkbookSpec(sample, q('2028-T4'), { seed: 3, density: 0.9 });
      const columns = axisColumns(quartersOfPeriod(sample.period));
      const frequencyColumn = columns.findIndex((column) => column.id === 'frequency') + 1;
      const quarterColumn = columns.findIndex((column) => column.header === '2026-T4') + 1;
      // G1-QN1 is the first criterion row of Axe 1: its 2026-T4 value cleared, then its Fréquence made Annuelle.
      const criterionRow = AXIS_FIRST_DATA_ROW + 1;
      const cleared = withAxisCell(sampleSpec, 'Axe 1', criterionRow, quarterColumn, null);
      const cases: Record<string, { plan: Plan; spec: WorkbookSpec }> = {
        seed: { plan: seed, spec: seedSpec },
        seedMovedQ: { plan: seed, spec: withCurrentQuarterText(seedSpec, '2029-T1') },
        sample: { plan: sample, spec: sampleSpec },
        sampleEarly: { plan: sample, spec: await filledWorkbookSpec(sample, q('2026-T2'), { seed: 4 }) },
        sampleLast: { plan: sample, spec: await filledWorkbookSpec(sample, q('2030-T4'), { seed: 5 }) },
        sampleCleared: { plan: sample, spec: cleared },
        sampleAnnual: { plan: sample, spec: withAxisCell(cleared, 'Axe 1', criterionRow, frequencyColumn, 'Annuelle') },
        sampleNotAbandoned: { plan: sample, spec: withAbandonedFiche(sampleSpec, 'Axe 1', 'G1', '') },
        sampleAbandoned: { plan: sample, spec: withAbandonedFiche(sampleSpec, 'Axe 1', 'G1', '2027-T3') },
      };
      const files: Record<string, Uint8Array> = {};
      for (const [name, { spec }] of Object.entries(cases)) files[name] = await writtenBytes(spec);
      const recalculated = saveThroughLibreOffice(files, { scratch: 'workbook-formulas' });

      const results: Record<string, Comparison> = {};
      const grids: Record<string, WorkbookGrids> = {};
      for (const [name, { plan }] of Object.entries(cases)) {
        grids[name] = readGrids(recalculated[name]);
        results[name] = await compareRates(grids[name], plan);
        expect({ name, mismatches: results[name].mismatches }).toEqual({ name, mismatches: [] });
        expect(results[name].compared).toBeGreaterThan(50);
      }
      expect(results.seedMovedQ.overall.fillCumulative).not.toBeCloseTo(results.seed.overall.fillCumulative!, 6);
      const fillOf = (name: string) => {
        const sheet = grids[name].sheets.find((candidate) => candidate.name === 'Axe 1')!;
        const column = columns.findIndex((candidate) => candidate.id === 'fillCumulative') + 1;
        return sheet.rows[criterionRow - 1][column - 1]?.value;
      };
      expect(fillOf('sampleCleared')).not.toEqual(fillOf('sample'));
      expect(fillOf('sampleAnnual')).not.toEqual(fillOf('sampleCleared'));
      // G1 abandoned in 2027-T3 (Q 2028-T4): its criteria leave the counts, in LibreOffice as in the domain.
      const [abandoned, kept] = [results.sampleAbandoned.overall, results.sampleNotAbandoned.overall];
      expect(abandoned.fillCumulative).not.toBeCloseTo(kept.fillCumulative!, 6);
      expect(abandoned.achievement).not.toBeCloseTo(kept.achievement!, 6);
    },
    600_000,
  );
});
