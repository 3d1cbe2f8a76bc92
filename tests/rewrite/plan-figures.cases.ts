import { embeddedPlan, readPlanFromBytes } from '../../src/app/plan-source';
import { regenerateWorkbook } from '../../src/app/regenerate';
import { validateGrids } from '../../src/app/validate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderMessage } from '../../src/domain/messages';
import type { Plan } from '../../src/domain/plan';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { parsedOk } from '../plan-text/seed-helpers';
import { withQuantitative } from '../plan-text/small-convention';
import { recalcWithHyperFormula } from '../workbook-formulas/helpers/recalc-hyperformula';
import { roundTrip, sheet, typeInto, valueAt } from './helpers';

/**
 * The Référence and Cible a convention's criteria table gives (docs/DOMAIN.md, « The plan »): in the generated
 * workbook's cells, counted in the achievement, and a person's own values kept by a regeneration.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-09-01T08:00:00Z');

/** The small convention, fiche I1's quantitative criteria written as `rows`. */
function planWith(rows: string[]): Plan {
  return parsedOk(withQuantitative(rows)).plan;
}

const table = [
  'Indicateur\tRéférence 2023\tCible 2029',
  'Nombre de places ouvertes\t10\t30',
  'Taux d’occupation des places\t60 %\t80 %',
  'Nombre de familles accueillies\tnon connu\t1 200',
];

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

/** Référence and Cible of each row, as the sheet shows them. */
const figuresOf = (grids: WorkbookGrids, keys: string[]) =>
  keys.map((key) => [
    key,
    valueAt(grids, key, 'Référence')?.value ?? null,
    valueAt(grids, key, 'Cible')?.value ?? null,
  ]);

describe('the Référence and Cible of a convention’s criteria table', () => {
  it('are written into the generated rows, as numbers the validation takes', async () => {
    const grids = await roundTrip((await buildNewWorkbook(planWith(table), { today })).spec);
    expect(figuresOf(grids, ['I1-QN1', 'I1-QN2', 'I1-QN3', 'I1-QL1'])).toEqual([
      ['I1-QN1', 10, 30],
      ['I1-QN2', 60, 80],
      ['I1-QN3', null, 1200],
      ['I1-QL1', null, null],
    ]);
    // The criterion's text keeps what the convention says.
    expect(valueAt(grids, 'I1-QN3', 'Intitulé')?.value).toBe(
      'Nombre de familles accueillies (Référence 2023 : non connu ; Cible 2029 : 1 200)',
    );
    const report = await validateGrids(grids, { today });
    expect(report.issues.filter((issue) => issue.rowKey?.startsWith('I1-'))).toEqual([]);
  }, 30_000);

  it('give the achievement of a value entered, in the sheet’s formulas and in what compute writes', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(planWith(table), { today })).spec);
    const filled = typeInto(fresh, [
      { key: 'I1-QN1', header: '2026-T2', value: 20 },
      { key: 'I1-QN2', header: '2026-T2', value: 75 },
      { key: 'I1-QN3', header: '2026-T2', value: 300 },
    ]);
    const achievements = (grids: WorkbookGrids) =>
      ['I1-QN1', 'I1-QN2', 'I1-QN3'].map((key) => valueAt(grids, key, 'Réalisation')?.value);
    // (20 − 10) / (30 − 10); (75 − 60) / (80 − 60); 300 / 1 200, no Référence counting as 0.
    expect(achievements(recalcWithHyperFormula(filled))).toEqual([0.5, 0.75, 0.25]);
    const computed = await roundTrip((await buildStateWorkbook(await stateOf(filled), { now: today })).spec);
    expect(achievements(computed)).toEqual([0.5, 0.75, 0.25]);
  }, 30_000);

  it('come into new rows only on a regeneration: a person’s values, typed or cleared, are kept', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(planWith(table), { today })).spec);
    const typed = typeInto(fresh, [
      { key: 'I1-QN1', header: 'Cible', value: 35 },
      { key: 'I1-QN2', header: 'Référence', value: null },
    ]);
    const amended = planWith([
      'Indicateur\tRéférence 2023\tCible 2029',
      'Nombre de places ouvertes\t12\t32',
      'Taux d’occupation des places\t60 %\t85 %',
      'Nombre de familles accueillies\tnon connu\t1 200',
      'Nombre d’heures d’accueil\t4 000\t5 000',
    ]);
    const result = regenerateWorkbook(await stateOf(typed), amended, { now: later });
    expect(result.report.added).toEqual(['I1-QN4']);
    const after = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
    expect(figuresOf(after, ['I1-QN1', 'I1-QN2', 'I1-QN3', 'I1-QN4'])).toEqual([
      ['I1-QN1', 10, 35],
      ['I1-QN2', null, 80],
      ['I1-QN3', null, 1200],
      ['I1-QN4', 4000, 5000],
    ]);
    // The texts are the new plan's, their change in the Journal: the officer sees the convention's new figures.
    expect(valueAt(after, 'I1-QN1', 'Intitulé')?.value).toBe(
      'Nombre de places ouvertes (Référence 2023 : 12 ; Cible 2029 : 32)',
    );
    const journal = sheet(after, 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal.some((row) => row[2] === 'I1-QN1' && row[3] === 'Intitulé')).toBe(true);
  }, 60_000);

  it('of a criterion removed by a regeneration are kept in Archives, as the sheets cannot tell them from a person’s', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(planWith(table), { today })).spec);
    const result = regenerateWorkbook(await stateOf(fresh), planWith(table.slice(0, 3)), { now: later });
    expect(result.report.removed).toEqual(['I1-QN3']);
    expect(result.state.archives.entries.map((entry) => [entry.key, entry.column, entry.value.value])).toEqual([
      ['I1-QN3', 'Cible', 1200],
    ]);
  }, 30_000);
});

/** The units a criteria table's headers and cells give (docs/DOMAIN.md, « The plan »). */
const withUnits = [
  'Indicateur\tRéférence 2023\tCible 2029 (en places)',
  'Nombre de places ouvertes\t10\t30',
  'Taux d’occupation des places\t60 %\t',
  'Nombre de familles accueillies\tnon connu\t80 %',
];

/** The Unité of each row, as the sheet shows it. */
const unitsOf = (grids: WorkbookGrids, keys: string[]) =>
  keys.map((key) => [key, valueAt(grids, key, 'Unité')?.value ?? null]);

describe('the Unité of a convention’s criteria table', () => {
  it('is written into the generated rows; two units in a row leave it empty', async () => {
    const grids = await roundTrip((await buildNewWorkbook(planWith(withUnits), { today })).spec);
    expect(unitsOf(grids, ['I1-QN1', 'I1-QN2', 'I1-QN3', 'I1-QL1'])).toEqual([
      ['I1-QN1', 'places'],
      ['I1-QN2', '%'],
      ['I1-QN3', null],
      ['I1-QL1', null],
    ]);
    const report = await validateGrids(grids, { today });
    expect(report.issues.filter((issue) => issue.rowKey?.startsWith('I1-'))).toEqual([]);
  }, 30_000);

  it('comes into new rows only on a regeneration: a person’s, typed or cleared, is kept', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(planWith(withUnits), { today })).spec);
    const typed = typeInto(fresh, [
      { key: 'I1-QN1', header: 'Unité', value: 'places d’accueil' },
      { key: 'I1-QN2', header: 'Unité', value: null },
    ]);
    const amended = planWith([
      'Indicateur\tRéférence 2023 (en %)\tCible 2029 (en %)',
      'Nombre de places ouvertes\t10\t30',
      'Taux d’occupation des places\t60\t85',
      'Nombre de familles accueillies\tnon connu\t80',
      'Taux de couverture\t38\t45',
    ]);
    const result = regenerateWorkbook(await stateOf(typed), amended, { now: later });
    expect(result.report.added).toEqual(['I1-QN4']);
    const after = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
    expect(unitsOf(after, ['I1-QN1', 'I1-QN2', 'I1-QN3', 'I1-QN4'])).toEqual([
      ['I1-QN1', 'places d’accueil'],
      ['I1-QN2', null],
      ['I1-QN3', null],
      ['I1-QN4', '%'],
    ]);
  }, 60_000);

  // A Unité changed in the plan is journalled as a Référence or Cible is: on the criterion's Intitulé, which shows
  // every cell of its table row, the Unité column's included, and as the plan's value beside the cell kept.
  it('changed in a Unité column of the amended plan, is in the Journal as a Référence or Cible is', async () => {
    const header = 'Indicateur\tUnité\tRéférence 2023\tCible 2029';
    const fresh = await roundTrip(
      (await buildNewWorkbook(planWith([header, 'Nombre de places ouvertes\tplaces\t10\t30']), { today })).spec,
    );
    const amended = planWith([header, 'Nombre de places ouvertes\tfamilles\t10\t30']);
    expect(amended.axes[0].fiches[1].criteria[0].unit).toBe('familles');
    const result = regenerateWorkbook(await stateOf(fresh), amended, { now: later });
    const after = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
    const journal = sheet(after, 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal.filter((row) => row[2] === 'I1-QN1').map((row) => row.slice(1, 6))).toEqual([
      [
        'Régénération depuis le plan',
        'I1-QN1',
        'Intitulé',
        'Nombre de places ouvertes (Unité : places ; Référence 2023 : 10 ; Cible 2029 : 30)',
        'Nombre de places ouvertes (Unité : familles ; Référence 2023 : 10 ; Cible 2029 : 30)',
      ],
      [
        'Régénération depuis le plan',
        'I1-QN1',
        'Unité\u00a0: cellule gardée, valeur du plan non reprise',
        'places',
        'familles',
      ],
    ]);
    // The row keeps what its cell holds, as for a Référence or Cible: the officer reads the plan's in the Intitulé.
    expect(unitsOf(after, ['I1-QN1'])).toEqual([['I1-QN1', 'places']]);
  }, 60_000);

  it('of a criterion removed by a regeneration is kept in Archives, as its Référence and Cible are', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(planWith(withUnits), { today })).spec);
    const result = regenerateWorkbook(await stateOf(fresh), planWith(withUnits.slice(0, 2)), { now: later });
    expect(result.report.removed).toEqual(['I1-QN2', 'I1-QN3']);
    expect(result.state.archives.entries.map((entry) => [entry.key, entry.column, entry.value.value])).toEqual([
      ['I1-QN2', 'Unité', '%'],
      ['I1-QN2', 'Référence', 60],
    ]);
  }, 30_000);
});

/** The regeneration's Journal lines, from Clé to Nouvelle valeur, as the sheet shows them. */
const regenerationLines = (grids: WorkbookGrids) =>
  sheet(grids, 'Journal')
    .rows.map((row) => row.map((cell) => cell?.value ?? null))
    .filter((row) => row[1] === 'Régénération depuis le plan')
    .map((row) => row.slice(2, 6));

/** The workbook `grids` regenerated from `plan` at `now`, as written and read back. */
async function regenerated(grids: WorkbookGrids, plan: Plan, now: Date): Promise<WorkbookGrids> {
  const result = regenerateWorkbook(await stateOf(grids), plan, { now });
  return roundTrip((await buildStateWorkbook(result.state, { now })).spec);
}

describe('the plan’s Unité, Référence and Cible beside a kept row’s cells, in the Journal', () => {
  it('none for rows as generated, the same plan again, whatever its tables write', async () => {
    for (const rows of [
      [
        'Indicateur\tUnité\tRéférence 2023\tCible 2029',
        'Nombre de places ouvertes\tplaces\t10\t30',
        'Taux d’occupation des places\t%\t60 %\t80 %',
        'Montant des aides\tEuros\t12 500 €\t15 000 €',
        'Nombre d’heures d’ouverture\theures / semaine\t12,5\t20',
      ],
      [
        'Indicateur\tUnité',
        'Nombre de familles accueillies\tfamilles',
        'Taux d’occupation\t%',
        'Nombre de séances\t40',
      ],
      table,
    ]) {
      const plan = planWith(rows);
      const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
      expect(regenerationLines(await regenerated(fresh, plan, later))).toEqual([]);
    }
  }, 60_000);

  // The plan unchanged, a value the officer typed is no change of the plan's: the line says the cell is kept and the
  // plan's value not taken, not that the plan's changed from the cell's.
  it('a person’s value the same plan does not give: one line saying so, not again for the same values', async () => {
    const plan = planWith(table);
    const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
    const once = await regenerated(typeInto(fresh, [{ key: 'I1-QN1', header: 'Cible', value: 35 }]), plan, later);
    expect(regenerationLines(once)).toEqual([
      ['I1-QN1', 'Cible\u00a0: cellule gardée, valeur du plan non reprise', 35, 30],
    ]);
    expect(figuresOf(once, ['I1-QN1'])).toEqual([['I1-QN1', 10, 35]]);
    const twice = await regenerated(once, plan, new Date('2026-10-01T08:00:00Z'));
    expect(regenerationLines(twice)).toEqual(regenerationLines(once));
    // Set back to the plan's: nothing to say; typed over again: said again, with the new value.
    const back = await regenerated(
      typeInto(twice, [{ key: 'I1-QN1', header: 'Cible', value: 30 }]),
      plan,
      new Date('2026-11-01T08:00:00Z'),
    );
    expect(regenerationLines(back)).toEqual(regenerationLines(once));
    const retyped = await regenerated(
      typeInto(back, [{ key: 'I1-QN1', header: 'Cible', value: 36 }]),
      plan,
      new Date('2026-12-01T08:00:00Z'),
    );
    expect(regenerationLines(retyped)).toEqual([
      ...regenerationLines(once),
      ['I1-QN1', 'Cible\u00a0: cellule gardée, valeur du plan non reprise', 36, 30],
    ]);
  }, 90_000);
});

describe('the Guide of a workbook whose convention gives figures', () => {
  it('says that Unité, Référence and Cible come from the convention when it gives them, to be completed otherwise', async () => {
    const grids = await roundTrip((await buildNewWorkbook(planWith(table), { today })).spec);
    const paragraphs = sheet(grids, 'Guide').rows.map((row) => String(row?.[0]?.value ?? ''));
    expect(paragraphs.filter((paragraph) => /Référence|Cible/.test(paragraph))).toContainEqual(
      'Unité, Référence (la valeur de départ) et Cible (la valeur visée) des critères quantitatifs\u00a0: reprises ' +
        'de la convention quand elle les donne (à corriger au besoin), à compléter sinon. Règle d’agrégation\u00a0: ' +
        'comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
    );
    // The rows the figures filled are there to be seen; the text no longer says all are empty.
    expect(figuresOf(grids, ['I1-QN1', 'I1-QN3'])).toEqual([
      ['I1-QN1', 10, 30],
      ['I1-QN3', null, 1200],
    ]);
    expect(paragraphs.some((paragraph) => /Cible \(la valeur visée\)\s*: à compléter/.test(paragraph))).toBe(false);
  }, 30_000);
});

describe('the Référence and Cible in a plan JSON', () => {
  const read = (plan: unknown) => readPlanFromBytes(new TextEncoder().encode(JSON.stringify(plan)));

  it('are read back from the JSON of a plan that has them, and a plan saved without them reads as before', () => {
    const plan = planWith(table);
    const again = read(plan);
    if (!again.ok) throw new Error(again.error.code);
    expect(again.reading.plan).toEqual(plan);
    const without = read(embeddedPlan().plan);
    expect(without.ok && without.reading.plan).toEqual(embeddedPlan().plan);
  });

  it('read back the Unité of a plan that has one, and refuse one a cell could not show, saying where', () => {
    const plan = planWith(withUnits);
    expect(plan.axes[0].fiches[1].criteria.map((criterion) => criterion.unit)).toEqual([
      'places',
      '%',
      undefined,
      undefined,
    ]);
    const again = read(plan);
    expect(again.ok && again.reading.plan).toEqual(plan);
    const refusal = (unit: string) => {
      plan.axes[0].fiches[1].criteria[0].unit = unit;
      const refused = read(plan);
      if (refused.ok) throw new Error(`read: ${unit}`);
      return renderMessage(refused.error.code, refused.error.params).replace(/\u00a0/g, ' ');
    };
    expect(refusal('')).toContain('champ « axes.0.fiches.1.criteria.0.unit » : ce texte ne doit pas être vide');
    expect(refusal('x'.repeat(31))).toContain('champ « axes.0.fiches.1.criteria.0.unit » : au plus 30 caractères');
    for (const unit of [' % ', 'places\nd’accueil', '\t'])
      expect(refusal(unit)).toContain(
        'champ « axes.0.fiches.1.criteria.0.unit » : une unité s’écrit sur une ligne, sans espace au début ni à ' +
          'la fin',
      );
  });

  it('changed by hand, the criterion’s text the same, are in the Journal; the row keeps its cells', async () => {
    const plan = planWith(table);
    const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
    const edited = structuredClone(plan);
    const [places, occupation] = edited.axes[0].fiches[1].criteria;
    Object.assign(places, { target: 32, unit: 'places' });
    Object.assign(occupation, { baseline: 55 });
    const again = read(edited);
    if (!again.ok) throw new Error(again.error.code);
    const result = regenerateWorkbook(await stateOf(fresh), again.reading.plan, { now: later });
    const after = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
    const journal = sheet(after, 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal.filter((row) => row[1] === 'Régénération depuis le plan').map((row) => row.slice(2, 6))).toEqual([
      ['I1-QN1', 'Unité\u00a0: cellule gardée, valeur du plan non reprise', null, 'places'],
      ['I1-QN1', 'Cible\u00a0: cellule gardée, valeur du plan non reprise', 30, 32],
      ['I1-QN2', 'Référence\u00a0: cellule gardée, valeur du plan non reprise', 60, 55],
    ]);
    // The row keeps what its cells hold, typed or generated: the officer reads the plan's in the Journal.
    expect(figuresOf(after, ['I1-QN1', 'I1-QN2'])).toEqual([
      ['I1-QN1', 10, 30],
      ['I1-QN2', 60, 80],
    ]);
    // The same plan again: what the Journal says already is not said twice.
    const state = await stateOf(after);
    const twice = regenerateWorkbook(state, again.reading.plan, { now: new Date('2026-10-01T08:00:00Z') });
    expect(twice.state.journal).toEqual(state.journal);
  }, 60_000);

  it('refuse a number past the cells’ bounds, which the workbook’s validation would refuse', () => {
    const plan = planWith(table);
    plan.axes[0].fiches[1].criteria[0].target = 1e13;
    const refused = read(plan);
    if (refused.ok) throw new Error('read');
    expect(renderMessage(refused.error.code, refused.error.params)).toContain(
      'champ «\u00a0axes.0.fiches.1.criteria.0.target\u00a0»\u00a0: au plus 1\u00a0000\u00a0000\u00a0000\u00a0000 attendu',
    );
  });

  test.each([
    ['target', 4],
    ['unit', '%'],
  ] as const)('refuse a qualitative criterion given one (%s), saying where in French', (field, value) => {
    const plan = planWith(table);
    Object.assign(plan.axes[0].fiches[1].criteria[3], { [field]: value });
    const refused = read(plan);
    if (refused.ok) throw new Error('read');
    expect(renderMessage(refused.error.code, refused.error.params)).toBe(
      'Ce fichier JSON n’est pas un plan de CTG (champ «\u00a0axes.0.fiches.1.criteria.3.kind\u00a0»\u00a0: une Unité, ' +
        'une Référence ou une Cible ne se donne qu’à un critère quantitatif)\u00a0: donnez la convention en texte ou un ' +
        'plan produit par «\u00a0ctg-suivi plan --json\u00a0».',
    );
  });
});
