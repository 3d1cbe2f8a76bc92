import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { addressOf, cleanGrids, GENERATION_DAY, setCellAt, setValue, sheet, smallPlan } from './clean-workbook';

/** Completeness of Q: one warning per fiche, listing the expected cells of Q that are not filled. */

async function completeness(grids: Awaited<ReturnType<typeof cleanGrids>>, today = GENERATION_DAY) {
  const report = await validateGrids(grids, { today });
  return report.issues
    .filter((issue) => issue.code === 'incomplete-current-quarter')
    .map((issue) => ({ sheet: issue.sheet, rowKey: issue.rowKey, cell: issue.cell, cells: issue.params.cells }));
}

function setCurrentQuarter(grids: Awaited<ReturnType<typeof cleanGrids>>, text: string): void {
  const match = /^([A-Z])(\d+)$/.exec(settingsValueCell('currentQuarter'))!;
  setCellAt(sheet(grids, 'Paramètres'), Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value: text });
}

describe('completeness of the current quarter', () => {
  it('lists, per fiche, the empty cells of Q its criteria expect (an annual criterion expects only T4)', async () => {
    const grids = await cleanGrids();
    const a1 = sheet(grids, 'Axe 1');
    const a3 = sheet(grids, 'Axe 3');
    const at = (grid: typeof a1, key: string) => addressOf(grid, key, '2026-T3');
    expect(await completeness(grids)).toEqual([
      { sheet: 'Axe 1', rowKey: 'G1', cell: at(a1, 'G1-QN1'), cells: [at(a1, 'G1-QN1'), at(a1, 'G1-QL1')] },
      { sheet: 'Axe 1', rowKey: 'G2', cell: at(a1, 'G2-QN1'), cells: [at(a1, 'G2-QN1')] },
      { sheet: 'Axe 3', rowKey: 'PE1', cell: at(a3, 'PE1-QN1'), cells: [at(a3, 'PE1-QN1'), at(a3, 'PE1-QL1')] },
    ]);
  });

  it('counts 0, negatives and a scale value in any case as filled, and a number stored as text as empty', async () => {
    const grids = await cleanGrids();
    const a1 = sheet(grids, 'Axe 1');
    const a3 = sheet(grids, 'Axe 3');
    setValue(a1, 'G1-QN1', '2026-T3', 0);
    setValue(a1, 'G1-QL1', '2026-T3', 'très SATISFAISANT');
    setValue(a1, 'G2-QN1', '2026-T3', -2.5);
    setValue(a3, 'PE1-QN1', '2026-T3', '7');
    setValue(a3, 'PE1-QL1', '2026-T3', 'Peu satisfaisant');
    expect(await completeness(grids)).toEqual([
      {
        sheet: 'Axe 3',
        rowKey: 'PE1',
        cell: addressOf(a3, 'PE1-QN1', '2026-T3'),
        cells: [addressOf(a3, 'PE1-QN1', '2026-T3')],
      },
    ]);
  });

  it('expects the annual criterion in T4', async () => {
    const grids = await cleanGrids();
    setCurrentQuarter(grids, '2026-T4');
    const a1 = sheet(grids, 'Axe 1');
    const g1 = (await completeness(grids, new Date(2026, 10, 1))).find((warning) => warning.rowKey === 'G1');
    expect(g1?.cells).toEqual(['G1-QN1', 'G1-QN2', 'G1-QL1'].map((key) => addressOf(a1, key, '2026-T4')));
  });

  it('expects a Semestrielle criterion in T2 and T4 only', async () => {
    const grids = await cleanGrids();
    const a1 = sheet(grids, 'Axe 1');
    setValue(a1, 'G2-QN1', 'Fréquence', 'Semestrielle');
    expect((await completeness(grids)).map((warning) => warning.rowKey)).toEqual(['G1', 'PE1']);
    setCurrentQuarter(grids, '2027-T2');
    expect((await completeness(grids, new Date(2027, 4, 1))).map((warning) => warning.rowKey)).toEqual([
      'G1',
      'G2',
      'PE1',
    ]);
  });

  it('expects nothing yet of a quarter that begins after today (a convention still to come: Q is its first quarter)', async () => {
    const plan = smallPlan();
    plan.period = { start: '2027-01-01', end: '2031-12-31' };
    const grids = await cleanGrids(plan);
    // Generated on 15 August 2026: Q is the convention's first quarter, 2027-T1, which has not begun.
    expect(await completeness(grids, GENERATION_DAY)).toEqual([]);
    expect(await completeness(grids, new Date(2026, 11, 31))).toEqual([]);
    // From its first day on, its empty cells are missing.
    expect((await completeness(grids, new Date(2027, 0, 1))).map((warning) => warning.rowKey)).toEqual([
      'G1',
      'G2',
      'PE1',
    ]);
  });

  it('expects nothing yet of a Q chosen ahead of today', async () => {
    const grids = await cleanGrids();
    setCurrentQuarter(grids, '2026-T4');
    expect(await completeness(grids, GENERATION_DAY)).toEqual([]);
    expect((await completeness(grids, new Date(2026, 9, 1))).map((warning) => warning.rowKey)).toEqual([
      'G1',
      'G2',
      'PE1',
    ]);
  });

  it('says in French where the values are missing', async () => {
    const grids = await cleanGrids();
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const g2 = report.issues.find((issue) => issue.rowKey === 'G2')!;
    expect(renderIssueMessage(g2)).toBe(
      `Axe 1, fiche «\u00a0G2\u00a0»\u00a0: 1 valeur attendue pour 2026-T3 manque (la cellule ${g2.cell} est vide).`,
    );
  });

  describe('of an abandoned fiche', () => {
    it('expects nothing of its criteria from its quarter of abandonment on', async () => {
      const grids = await cleanGrids();
      const a1 = sheet(grids, 'Axe 1');
      setValue(a1, 'G1', 'Statut', 'Abandonnée');
      setValue(a1, 'G1', 'Abandonnée en', '2026-T3');
      expect((await completeness(grids)).map((warning) => warning.rowKey)).toEqual(['G2', 'PE1']);
      setValue(a1, 'G1', 'Abandonnée en', ' 2026-t2 ');
      expect((await completeness(grids)).map((warning) => warning.rowKey)).toEqual(['G2', 'PE1']);
    });

    it('still expects the quarters before the abandonment (abandoned in a later quarter than Q)', async () => {
      const grids = await cleanGrids();
      const a1 = sheet(grids, 'Axe 1');
      setValue(a1, 'G1', 'Statut', 'Abandonnée');
      setValue(a1, 'G1', 'Abandonnée en', '2026-T4');
      expect((await completeness(grids)).map((warning) => warning.rowKey)).toEqual(['G1', 'G2', 'PE1']);
    });

    it('expects nothing of Q once the Statut is « Abandonnée », before compute writes the quarter', async () => {
      const grids = await cleanGrids();
      setValue(sheet(grids, 'Axe 1'), 'G1', 'Statut', 'abandonnée ');
      expect((await completeness(grids)).map((warning) => warning.rowKey)).toEqual(['G2', 'PE1']);
    });
  });
});
