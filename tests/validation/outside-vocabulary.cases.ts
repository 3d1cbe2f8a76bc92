import { measureTerritory } from '../../src/app/consolidate/measure-territory';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import { embeddedPlan } from '../../src/app/plan-source';
import { parsedOk, seedWithF2 } from '../plan-text/seed-helpers';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

/**
 * A fiche's champ or public outside the convention vocabulary (docs/WORKBOOK.md, « Issues »): warned by validate as
 * the consolidation lists it, once per name, at the cell of its first fiche, with what it may stand for.
 */

const FIELDS = "Champ(s) d'intervention";
const PUBLICS = 'Public(s)';
const CODE = 'outside-convention-vocabulary';

/** The small plan's grids with these champs and publics typed in its fiches' cells (by sheet and key). */
async function gridsWith(cells: { sheet: string; key: string; header: string; value: string }[]) {
  const grids = await cleanGrids();
  const addresses = cells.map(({ sheet: name, key, header, value }) =>
    setValue(sheet(grids, name), key, header, value),
  );
  return { grids, addresses };
}

async function warningsOf(grids: WorkbookGrids): Promise<Issue[]> {
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  return report.issues.filter((issue) => issue.code === CODE);
}

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('a champ or public outside the convention vocabulary', () => {
  it('is a warning at its cell, with the name it may stand for, what it costs and what to do', async () => {
    const { grids, addresses } = await gridsWith([{ sheet: 'Axe 1', key: 'G1', header: FIELDS, value: 'Parentalité' }]);
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const [warning, ...others] = report.issues.filter((issue) => issue.code === CODE);
    expect(others).toEqual([]);
    expect(report.errors).toBe(0);
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Axe 1', cell: addresses[0], rowKey: 'G1' });
    expect(plain(renderIssueMessage(warning))).toBe(
      `Champ d’intervention « Parentalité » hors du vocabulaire de la convention (1 fiche, cellule ${addresses[0]} ` +
        'de la feuille « Axe 1 ») : il ne se compare pas aux autres territoires dans la consolidation de la Caf — ' +
        'écrivez « Soutien à la parentalité » si c’est ce champ. Le plan se modifie par une régénération depuis la ' +
        'convention.',
    );
    // The pane reads the same sentence.
    expect(renderIssueMessageFor('task-pane', warning)).toBe(renderIssueMessage(warning));
  });

  it('is said once per name, at its first fiche’s cell, with how many fiches name it, however written', async () => {
    const { grids, addresses } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: PUBLICS, value: 'Tout public' },
      { sheet: 'Axe 1', key: 'G2', header: PUBLICS, value: 'Familles ; TOUT PUBLIC' },
      { sheet: 'Axe 3', key: 'PE1', header: PUBLICS, value: 'tout  public' },
    ]);
    const warnings = await warningsOf(grids);
    expect(warnings.map(({ sheet: s, cell }) => ({ sheet: s, cell }))).toEqual([
      { sheet: 'Axe 1', cell: addresses[0] },
    ]);
    expect(plain(renderIssueMessage(warnings[0]))).toBe(
      `Public « Tout public » hors du vocabulaire de la convention (3 fiches, la première en cellule ${addresses[0]} ` +
        'de la feuille « Axe 1 ») : il ne se compare pas aux autres territoires dans la consolidation de la Caf — ' +
        's’il est l’un des noms de la convention, écrivez-le comme elle dans le plan ; sinon il reste compté à ' +
        'part. Le plan se modifie par une régénération depuis la convention.',
    );
  });

  it('is never said of a name the consolidation matches (accents, case, look-alikes, parted lists)', async () => {
    const { grids } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: FIELDS, value: 'Egalite et lutte contre les discriminations' },
      { sheet: 'Axe 1', key: 'G2', header: FIELDS, value: 'ACCÈS AUX DROITS ; Numérique.' },
      {
        sheet: 'Axe 1',
        key: 'G3',
        header: FIELDS,
        value: 'Environnement, écologie et développement durable / Mobilité',
      },
      {
        sheet: 'Axe 3',
        key: 'PE1',
        header: FIELDS,
        value: 'Protection de l\u2019enfance\nLien social et inter\u00adgénérationnel',
      },
      { sheet: 'Axe 1', key: 'G1', header: PUBLICS, value: 'Petite-enfance, Familles' },
      { sheet: 'Axe 1', key: 'G2', header: PUBLICS, value: 'jeunes adultes' },
    ]);
    expect(await warningsOf(grids)).toEqual([]);
  });

  it('names exactly what the consolidation lists as unmatched, at the same cells, with the same suggestions', async () => {
    const { grids } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: FIELDS, value: 'Parentalité ; Accès aux droits' },
      { sheet: 'Axe 1', key: 'G2', header: FIELDS, value: 'Santé des jeunes / Numérique ; Jeux en famille' },
      { sheet: 'Axe 1', key: 'G3', header: FIELDS, value: 'Egalité et lutte contre les discriminations, Mobilité' },
      { sheet: 'Axe 3', key: 'PE1', header: FIELDS, value: 'parentalite' },
      { sheet: 'Axe 1', key: 'G1', header: PUBLICS, value: 'Famille' },
      { sheet: 'Axe 3', key: 'PE1', header: PUBLICS, value: 'Familles ; Parents' },
    ]);
    const outcome = await measureTerritory('territoire.xlsx', grids, { today: GENERATION_DAY });
    if (!outcome.ok) throw new Error('the workbook was left out of the consolidation');
    const unmatchedOf = (kind: 'field' | 'public', groups: typeof outcome.measure.fields) =>
      groups
        .filter((group) => !group.matched)
        .map((group) => ({
          kind,
          name: group.name,
          sheet: group.unmatched?.sheet,
          cell: group.unmatched?.cell,
          suggestions: group.unmatched?.suggestions,
        }));
    const consolidated = [
      ...unmatchedOf('field', outcome.measure.fields),
      ...unmatchedOf('public', outcome.measure.publics),
    ];
    expect(consolidated.map(({ name }) => name).sort()).toEqual(
      ['Famille', 'Jeux en famille', 'Parentalité', 'Parents', 'Santé des jeunes / Numérique'].sort(),
    );
    const warned = (await warningsOf(grids)).map(({ sheet: s, cell, params }) => ({
      kind: params.kind,
      name: params.name,
      sheet: s,
      cell,
      suggestions: params.suggestions,
    }));
    const byName = (a: { name: unknown }, b: { name: unknown }) => String(a.name).localeCompare(String(b.name));
    expect(warned.sort(byName)).toEqual(consolidated.sort(byName));
  });
});

describe('validation and the plan reader agree on the names outside the vocabulary', () => {
  /** Each name once, with its kind: the plan reader warns at every line that gives it, validation once per name. */
  const namesOf = (items: { kind: unknown; name: unknown }[]) =>
    [...new Set(items.map(({ kind, name }) => `${String(kind)}: ${String(name)}`))].sort();

  it('on the embedded Monts du Pilat plan: neither warns, its champs and publics are all the convention’s', async () => {
    const { plan, warnings } = embeddedPlan();
    expect(warnings.filter((warning) => warning.code === 'outside-vocabulary')).toEqual([]);
    expect(await warningsOf(await cleanGrids(plan))).toEqual([]);
  });

  it('on that plan with names outside the vocabulary in a fiche: the same names', async () => {
    const { plan, warnings } = parsedOk(
      seedWithF2('Parentalité et jeux; Egalite et lutte contre les discriminations; Santé des jeunes', 'Tout public'),
    );
    const read = namesOf(
      warnings
        .filter((warning) => warning.code === 'outside-vocabulary')
        .map(({ params }) => ({ kind: params.kind, name: params.name })),
    );
    expect(read).toEqual(['field: Parentalité et jeux', 'field: Santé des jeunes', 'public: Tout public']);
    const warned = (await warningsOf(await cleanGrids(plan))).map(({ params }) => ({
      kind: params.kind,
      name: params.name,
    }));
    expect(namesOf(warned)).toEqual(read);
  });
});
