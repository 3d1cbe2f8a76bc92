import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessageFor } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

/**
 * Statut and « Abandonnée en » typed so that they disagree (docs/WORKBOOK.md, « Abandoned fiches »): validation warns
 * at « Abandonnée en », saying what the next compute does with it and what to type instead. Q is 2026-T3 here.
 */

async function mismatches(entries: Record<string, string | null>) {
  const grids: WorkbookGrids = await cleanGrids();
  for (const [header, value] of Object.entries(entries)) setValue(sheet(grids, 'Axe 1'), 'G1', header, value);
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  return report.issues.filter((issue) => issue.code === 'abandoned-in-status-mismatch');
}

describe('Statut and « Abandonnée en »', () => {
  it.each([
    ['an abandoned fiche not computed since (compute writes Q)', { Statut: 'Abandonnée', 'Abandonnée en': null }],
    ['an abandoned fiche with Q', { Statut: 'Abandonnée', 'Abandonnée en': '2026-T3' }],
    ['an abandoned fiche with an earlier quarter', { Statut: ' abandonnée', 'Abandonnée en': ' 2026-t1 ' }],
    ['a running fiche', { Statut: 'En cours', 'Abandonnée en': null }],
    // Not a quarter: an error of its own (abandoned-in-invalid).
    ['a fiche in progress with no quarter in the cell', { Statut: 'En cours', 'Abandonnée en': 'bientôt' }],
  ])('agree for %s: no warning', async (_name, entries) => {
    expect(await mismatches(entries)).toEqual([]);
  });

  it('say, for a quarter beside another Statut, that compute empties the cell and how to keep it', async () => {
    const [issue] = await mismatches({ Statut: 'Réalisée', 'Abandonnée en': '2026-T2' });
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Axe 1', rowKey: 'G1' });
    const where = `Axe 1, cellule ${issue.cell}\u00a0: `;
    expect(renderIssueMessageFor('command-line', issue)).toBe(
      `${where}«\u00a0Abandonnée en\u00a0» donne 2026-T2, mais le statut de la fiche «\u00a0G1\u00a0» est ` +
        '«\u00a0Réalisée\u00a0», pas «\u00a0Abandonnée\u00a0». Le prochain calcul («\u00a0Calculer\u00a0», ' +
        '«\u00a0npx ctg-suivi compute\u00a0») ou une clôture du trimestre videra cette cellule et gardera 2026-T2 au Journal. Si l’action a ' +
        'cessé, passez son statut à «\u00a0Abandonnée\u00a0»\u00a0: ce trimestre sera gardé\u00a0; sinon, videz la cellule.',
    );
    expect(renderIssueMessageFor('task-pane', issue)).toContain('Le prochain calcul («\u00a0Calculer\u00a0») ou');
    const [empty] = await mismatches({ 'Abandonnée en': '2026-T2' });
    expect(renderIssueMessageFor('task-pane', empty)).toContain('le statut de la fiche «\u00a0G1\u00a0» est vide, pas');
  });

  it('say, for an abandoned fiche whose quarter is after Q, that its criteria still expect values until then', async () => {
    const [issue] = await mismatches({ Statut: 'Abandonnée', 'Abandonnée en': '2027-T1' });
    expect(renderIssueMessageFor('task-pane', issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la fiche «\u00a0G1\u00a0» est «\u00a0Abandonnée\u00a0», mais ` +
        '«\u00a0Abandonnée en\u00a0» donne 2027-T1, après le trimestre en cours 2026-T3\u00a0: ses critères attendent ' +
        'encore des valeurs d’ici là, et le calcul («\u00a0Calculer\u00a0») garde ce trimestre. Si l’action a déjà ' +
        'cessé, saisissez le trimestre où elle a cessé, ou videz la cellule\u00a0: le calcul y écrira 2026-T3.',
    );
  });
});
