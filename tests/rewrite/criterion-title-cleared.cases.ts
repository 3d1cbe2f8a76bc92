import { measureTerritory } from '../../src/app/consolidate/measure-territory';
import { embeddedPlan } from '../../src/app/plan-source';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { copyOf, filePort, locate, put, roundTrip, sheet, valueAt } from './helpers';

/**
 * A criterion row whose cells were cleared (or which was deleted), its key and Type typed back by hand: the workbook
 * keeps no plan texts in the row any more. A rewrite never writes the key as its Intitulé, as if it were the plan's:
 * it puts back the embedded plan's texts when the workbook is made from that plan, and otherwise leaves the Intitulé
 * empty and says how to bring it back. A value typed in the row is never lost.
 */

const today = new Date('2026-05-10T09:00:00Z');
const TITLE_CODES = new Set(['criterion-title-empty', 'criterion-title-restored']);

/** The grids with `key`'s row in `Axe 1` cleared, its key and Type typed back, then `typed` (header → value). */
function clearedRow(fresh: WorkbookGrids, key: string, type: string, typed: Record<string, string | number> = {}) {
  const grids = copyOf(fresh);
  const axis = sheet(grids, 'Axe 1');
  const row = locate(axis, key, 'Clé')!.row;
  const header = axis.rows.findIndex((cells) => cells?.[0]?.value === 'Clé');
  axis.rows[row] = [];
  put(axis, row + 1, 1, { value: key });
  put(axis, row + 1, 2, { value: type });
  for (const [name, value] of Object.entries(typed)) {
    const column = axis.rows[header].findIndex((cell) => cell?.value === name);
    put(axis, row + 1, column + 1, { value });
  }
  return { grids, row: row + 1 };
}

const titleIssues = (issues: readonly Issue[]) => issues.filter((issue) => TITLE_CODES.has(issue.code));

async function computed(grids: WorkbookGrids) {
  const file = filePort(grids);
  const outcome = await computeAndWrite(file.port, { now: today });
  if (outcome.status !== 'done') throw new Error(`compute ${outcome.status}: ${outcome.issues.map((i) => i.code)}`);
  return { written: file.grids(), notes: outcome.notes };
}

function journalRows(grids: WorkbookGrids) {
  return sheet(grids, 'Journal').rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));
}

describe('a criterion row cleared, its key and type typed back', () => {
  describe('in a workbook made from the embedded plan', () => {
    let fresh: WorkbookGrids;
    const text = () =>
      embeddedPlan().plan.axes[0].fiches[0].criteria.find((criterion) => criterion.key === 'G1-QN5')!.text;

    beforeAll(async () => {
      fresh = await roundTrip((await buildNewWorkbook(embeddedPlan().plan, { today })).spec);
    }, 60_000);

    it('puts back the plan’s Intitulé and the generated Fréquence and Règle, says so and journals it', async () => {
      const { grids, row } = clearedRow(fresh, 'G1-QN5', 'Quantitatif', { '2026-T1': 4 });

      const before = titleIssues((await validateGrids(grids, { today })).issues);
      expect(before.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
        ['criterion-title-empty', `C${row}`, 'warning'],
      ]);
      const advice = renderIssueMessage(before[0]);
      expect(advice).toContain('G1-QN5');
      expect(advice).toContain(text());
      expect(advice).toContain('npx ctg-suivi compute');

      const { written, notes } = await computed(grids);
      expect(valueAt(written, 'G1-QN5', 'Intitulé')?.value).toBe(text());
      expect(valueAt(written, 'G1-QN5', 'Fréquence')?.value).toBe('Trimestrielle');
      expect(valueAt(written, 'G1-QN5', "Règle d'agrégation")?.value).toBe('Somme');
      expect(valueAt(written, 'G1-QN5', '2026-T1')?.value).toBe(4);
      expect(titleIssues(notes).map(({ code, cell }) => [code, cell])).toEqual([
        ['criterion-title-restored', `C${row}`],
      ]);
      expect(journalRows(written).some((line) => line.includes(text()))).toBe(true);
      expect(titleIssues((await validateGrids(written, { today })).issues)).toEqual([]);
    }, 60_000);

    it('keeps a Fréquence or a Règle typed in the row', async () => {
      const { grids } = clearedRow(fresh, 'G1-QN5', 'Quantitatif', { Fréquence: 'Annuelle' });
      const { written } = await computed(grids);
      expect(valueAt(written, 'G1-QN5', 'Fréquence')?.value).toBe('Annuelle');
      expect(valueAt(written, 'G1-QN5', "Règle d'agrégation")?.value).toBe('Somme');
    }, 60_000);

    it('does not take the embedded plan’s text when the workbook’s texts are another plan’s', async () => {
      const { grids, row } = clearedRow(fresh, 'G1-QN5', 'Quantitatif');
      // A plan amended in its wordings keeps its keys, and the key list's fingerprint with them.
      put(sheet(grids, 'Axe 1'), row - 1, 3, { value: 'Taux de satisfaction des familles' });

      const { written, notes } = await computed(grids);
      expect(valueAt(written, 'G1-QN5', 'Intitulé')?.value || null).toBeNull();
      expect(titleIssues(notes).map(({ code }) => code)).toEqual(['criterion-title-empty']);
    }, 60_000);
  });

  describe('in a workbook made from another plan', () => {
    let fresh: WorkbookGrids;

    beforeAll(async () => {
      fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    }, 30_000);

    it('leaves the Intitulé empty, never the key, and says how to bring the plan’s texts back', async () => {
      const { grids, row } = clearedRow(fresh, 'G1-QN1', 'Quantitatif', { '2026-T1': 12, Commentaire: 'vu' });

      const before = titleIssues((await validateGrids(grids, { today })).issues);
      expect(before.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
        ['criterion-title-empty', `C${row}`, 'warning'],
      ]);
      const advice = renderIssueMessage(before[0]);
      expect(advice).toContain('G1-QN1');
      expect(advice).toContain('npx ctg-suivi generate --plan');
      expect(advice).toContain('--force');
      expect(advice).toContain('Fréquence');
      expect(renderIssueMessageFor('task-pane', before[0])).toContain('«\u00a0Reconstruire le classeur\u00a0»');

      const { written, notes } = await computed(grids);
      expect(valueAt(written, 'G1-QN1', 'Intitulé')?.value || null).toBeNull();
      expect(valueAt(written, 'G1-QN1', '2026-T1')?.value).toBe(12);
      expect(valueAt(written, 'G1-QN1', 'Commentaire')?.value).toBe('vu');
      expect(titleIssues(notes).map(({ code, cell }) => [code, cell])).toEqual([['criterion-title-empty', `C${row}`]]);
    }, 60_000);

    it('is counted among the territory’s warnings by the consolidation, as validate counts it', async () => {
      const { grids } = clearedRow(fresh, 'G1-QN1', 'Quantitatif');
      const report = await validateGrids(grids, { today });
      const outcome = await measureTerritory('territoire.xlsx', grids, { today });
      expect(outcome.ok && [outcome.measure.errors, outcome.measure.warnings]).toEqual([
        report.errors,
        report.warnings,
      ]);
    }, 60_000);
  });
});
