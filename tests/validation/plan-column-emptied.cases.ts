import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import { namingWorkbook } from '../../src/cli/workbook-named';
import { addressOf, cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

/**
 * A plan column the consolidation counts fiches by (champs, publics) emptied for every fiche of one axis sheet while
 * the other axis sheets fill it: the column deleted, then put back empty with its header (which `missing-column`
 * no longer sees). The consolidation would count those fiches in no champ or public, silently: a warning says so.
 */

const PUBLICS = 'Public(s)';
const FIELDS = "Champ(s) d'intervention";
const CODE = 'plan-column-emptied';

/** The small plan's grids with `header` emptied in these fiches (by sheet and key). */
async function emptied(header: string, fiches: { sheet: string; key: string }[]): Promise<WorkbookGrids> {
  const grids = await cleanGrids();
  for (const { sheet: name, key } of fiches) setValue(sheet(grids, name), key, header, null);
  return grids;
}

async function warningsOf(grids: WorkbookGrids): Promise<Issue[]> {
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  return report.issues.filter((issue) => issue.code === CODE);
}

describe('a plan column emptied for every fiche of an axis sheet', () => {
  it('is a warning at its first fiche’s cell, saying what the consolidation would do and how to bring it back', async () => {
    const grids = await emptied(PUBLICS, [{ sheet: 'Axe 3', key: 'PE1' }]);
    const [warning, ...others] = await warningsOf(grids);
    expect(others).toEqual([]);
    const cell = addressOf(sheet(grids, 'Axe 3'), 'PE1', PUBLICS);
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Axe 3', cell, rowKey: 'PE1' });
    expect(renderIssueMessage(warning).replace(/\u00a0/g, ' ')).toBe(
      `Axe 3, cellule ${cell} : la colonne « Public(s) » est vide pour la fiche de cette feuille, ` +
        'alors que les autres feuilles d’axe la remplissent : la consolidation de la Caf ne la compterait dans ' +
        'aucun public. Si la colonne a été supprimée puis remise vide, reprenez ses valeurs d’une copie du classeur ' +
        'enregistrée avant, ou régénérez le classeur depuis le texte de la convention (« npx ctg-suivi generate ' +
        '--plan convention.txt -o suivi.xlsx --force »).',
    );
    // `validate pilat.xlsx` gives the command on the file it checked, to copy as it is.
    expect(renderIssueMessage(namingWorkbook(warning, 'pilat.xlsx')).replace(/\u00a0/g, ' ')).toContain(
      '(« npx ctg-suivi generate --plan convention.txt -o pilat.xlsx --force »).',
    );
  });

  it('counts the fiches of the sheet, and tells each column apart', async () => {
    const grids = await emptied(FIELDS, [
      { sheet: 'Axe 1', key: 'G1' },
      { sheet: 'Axe 1', key: 'G2' },
      { sheet: 'Axe 1', key: 'G3' },
    ]);
    const warnings = await warningsOf(grids);
    expect(warnings.map((issue) => [issue.sheet, issue.cell])).toEqual([
      ['Axe 1', addressOf(sheet(grids, 'Axe 1'), 'G1', FIELDS)],
    ]);
    expect(renderIssueMessage(warnings[0])).toContain('est vide pour les 3 fiches de cette feuille');
    expect(renderIssueMessage(warnings[0])).toContain('aucun champ d’intervention');
    expect(renderIssueMessageFor('task-pane', warnings[0]).replace(/\u00a0/g, ' ')).toContain(
      'depuis le texte de la convention (onglet « Création », « Créer le classeur de suivi » avec ce texte).',
    );
  });

  it('is not said of one fiche left empty among others, nor of a plan that gives the column to no fiche', async () => {
    expect(await warningsOf(await emptied(PUBLICS, [{ sheet: 'Axe 1', key: 'G2' }]))).toEqual([]);
    const none = await emptied(PUBLICS, [
      { sheet: 'Axe 1', key: 'G1' },
      { sheet: 'Axe 1', key: 'G2' },
      { sheet: 'Axe 1', key: 'G3' },
      { sheet: 'Axe 3', key: 'PE1' },
    ]);
    expect(await warningsOf(none)).toEqual([]);
    expect(await warningsOf(await cleanGrids())).toEqual([]);
  });
});
