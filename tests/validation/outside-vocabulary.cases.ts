import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { readWorkbookState } from '../../src/app/workbook-state';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip } from '../rewrite/helpers';
import { measureTerritory } from '../../src/app/consolidate/measure-territory';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderMessage } from '../../src/domain/messages';
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
/** Why the cell itself is not where to write it: the column comes from the plan, which a regeneration writes again. */
const FROM_PLAN = 'cette cellule vient du plan, et une régénération la réécrit.';
/** The command that regenerates it, on the command line (the workbook's name unknown here). */
const REGENERATE = '« npx ctg-suivi generate --plan convention.txt -o suivi.xlsx --force »';

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
        'de la feuille « Axe 1 ») : il ne se compare pas aux autres territoires dans la consolidation de la Caf. ' +
        'S’il s’agit de « Soutien à la parentalité », écrivez-le ainsi dans le texte du plan, puis régénérez le ' +
        `classeur (« npx ctg-suivi generate --plan convention.txt -o suivi.xlsx --force ») : ${FROM_PLAN}`,
    );
    // The pane names its own task.
    expect(plain(renderIssueMessageFor('task-pane', warning))).toContain(
      'écrivez-le ainsi dans le texte du plan, puis régénérez le classeur (onglet « Création », « Créer le ' +
        `classeur de suivi » avec le plan corrigé) : ${FROM_PLAN}`,
    );
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
        'de la feuille « Axe 1 ») : il ne se compare pas aux autres territoires dans la consolidation de la Caf. ' +
        'Les publics de la liste : « Global », « Familles », « Petite enfance », « Enfance », « Jeunesse », ' +
        '« Jeunes adultes », « Adultes », « Seniors ». S’il s’agit de l’un d’eux, écrivez-le ainsi dans le texte du ' +
        `plan, puis régénérez le classeur (${REGENERATE}) : ${FROM_PLAN}`,
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

  it('names exactly what the consolidation lists as unmatched, at the same cells', async () => {
    const { grids } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: FIELDS, value: 'Parentalité ; Accès aux droits' },
      { sheet: 'Axe 1', key: 'G2', header: FIELDS, value: 'Santé des jeunes / Numérique ; Jeux en famille' },
      { sheet: 'Axe 1', key: 'G3', header: FIELDS, value: 'Egalité et lutte contre les discriminations, Mobilité' },
      { sheet: 'Axe 3', key: 'PE1', header: FIELDS, value: 'parentalite' },
      { sheet: 'Axe 1', key: 'G1', header: PUBLICS, value: 'Famille' },
      { sheet: 'Axe 3', key: 'PE1', header: PUBLICS, value: 'Familles ; Parents' },
      // A separator left alone is no name for either.
      { sheet: 'Axe 1', key: 'G2', header: PUBLICS, value: ' / ' },
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
    }));
    const byName = (a: { name: unknown }, b: { name: unknown }) => String(a.name).localeCompare(String(b.name));
    expect(warned.sort(byName)).toEqual(consolidated.sort(byName));
  });

  it('is not said of an error value (#N/A), which is text-is-error’s, nor listed by the consolidation', async () => {
    const grids = await cleanGrids();
    setValue(sheet(grids, 'Axe 1'), 'G1', FIELDS, '#N/A', { value: '#N/A', isError: true });
    setValue(sheet(grids, 'Axe 1'), 'G2', PUBLICS, '#REF!', { value: '#REF!', isError: true });
    expect(await warningsOf(grids)).toEqual([]);
    const outcome = await measureTerritory('territoire.xlsx', grids, { today: GENERATION_DAY });
    if (!outcome.ok) throw new Error('the workbook was left out of the consolidation');
    const names = [...outcome.measure.fields, ...outcome.measure.publics].map((group) => group.name);
    expect(names).not.toContain('#N/A');
    expect(names).not.toContain('#REF!');
  });

  it('is not said of an empty cell, nor of one holding only separators', async () => {
    const cells = ['', '   ', ';', ' ; ; ', '/', ' / ', ',', ' - ', '\n', '.', '\u200b'];
    const { grids } = await gridsWith(
      cells.flatMap((value, index) => [
        { sheet: index % 2 ? 'Axe 3' : 'Axe 1', key: index % 2 ? 'PE1' : `G${(index % 3) + 1}`, header: FIELDS, value },
      ]),
    );
    const failing: string[] = [];
    for (const value of cells) {
      const { grids: one } = await gridsWith([{ sheet: 'Axe 1', key: 'G1', header: PUBLICS, value }]);
      failing.push(...(await warningsOf(one)).map((w) => JSON.stringify([value, w.params.name])));
    }
    expect(failing).toEqual([]);
    expect(await warningsOf(grids)).toEqual([]);
  });

  it('reads names as the consolidation does: odd spacing and look-alike characters are the vocabulary’s', async () => {
    const { grids } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: FIELDS, value: '  Accès   aux\u00a0droits ;;  Santé et bien\u2011être ' },
      {
        sheet: 'Axe 1',
        key: 'G2',
        header: FIELDS,
        value: "Protection de l'enfance\u200b ; Protection de l\u02bcenfance",
      },
      { sheet: 'Axe 1', key: 'G3', header: PUBLICS, value: '\u00a0Jeunes\tadultes ;\u00a0Seniors\u00a0' },
    ]);
    expect(await warningsOf(grids)).toEqual([]);
  });

  it('quotes a name outside the vocabulary as seen: its spaces tidied, what no one sees left out', async () => {
    const { grids } = await gridsWith([
      { sheet: 'Axe 1', key: 'G1', header: PUBLICS, value: '  Tout \u200bpublic ' },
      { sheet: 'Axe 1', key: 'G2', header: PUBLICS, value: 'Tout\u00a0public' },
    ]);
    const warnings = await warningsOf(grids);
    expect(warnings.map(({ params }) => [params.name, params.fiches])).toEqual([['Tout public', 2]]);
  });
});

describe('a partner’s extract is not checked for names outside the vocabulary', () => {
  it('says nothing of a plan column the partner cannot mend, which the master’s validate warns of', async () => {
    const today = new Date('2026-05-10T09:00:00Z');
    const plan = samplePlan();
    plan.axes[0].fiches[0].fields = ['Parentalité'];
    const master = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
    const ofMaster = (await validateGrids(master, { today })).issues.filter((issue) => issue.code === CODE);
    expect(ofMaster).toHaveLength(1);
    const reading = await readWorkbookState(master);
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    const made = await extractWorkbook(reading.state, findWorkbookRecipient(reading.state, 'CCMP')!, { now: today });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    const report = await validateGrids(await roundTrip(made.extract.spec), { today });
    expect(report.issues.filter((issue) => issue.code === CODE)).toEqual([]);
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

  it('with the same advice: the names of the list it may stand for, or the other list it belongs to', async () => {
    const { plan, warnings } = parsedOk(
      seedWithF2('Petite enfance; Parentalité; Jeux en famille', 'Tout public; Famile'),
    );
    const advice = warnings
      .filter((warning) => warning.code === 'outside-vocabulary')
      .map((warning) =>
        plain(renderMessage(warning.code, warning.params))
          .split('aux autres territoires. ')[1]
          .replace(', puis relisez-le.', ''),
      );
    expect(advice).toHaveLength(5);
    const told = (await warningsOf(await cleanGrids(plan))).map((issue) => plain(renderIssueMessage(issue)));
    expect(told).toHaveLength(5);
    for (const said of advice)
      expect(
        told.filter((message) =>
          message.includes(`Caf. ${said}, puis régénérez le classeur (${REGENERATE}) : ${FROM_PLAN}`),
        ),
      ).toHaveLength(1);
    expect(advice.filter((said) => said.startsWith('« Petite enfance » est un public cible de la liste'))).toHaveLength(
      1,
    );
  });
});
