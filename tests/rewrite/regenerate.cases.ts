import { renderIssueMessage } from '../../src/domain/issues';
import { regenerateWorkbook } from '../../src/app/regenerate';
import { validateGrids } from '../../src/app/validate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import type { Plan } from '../../src/domain/plan';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet, typeInto, valueAt } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-09-01T08:00:00Z');

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

/** The sample plan amended: G1's first criterion removed, its second reworded, a new one added; G2 removed; a new fiche. */
function amendedPlan(): Plan {
  const plan: Plan = structuredClone(samplePlan());
  const [g1] = plan.axes[0].fiches;
  g1.criteria = [
    { key: 'G1-QN1', kind: 'quantitative', text: 'Taux de participation des élus aux COPIL', line: 0 },
    { key: 'G1-QN2', kind: 'quantitative', text: 'Nombre de comités techniques', line: 0 },
    { key: 'G1-QL1', kind: 'qualitative', text: 'Qualité des échanges', line: 0 },
  ];
  g1.title = 'Animer le comité de pilotage et les comités techniques';
  plan.axes[0].fiches = plan.axes[0].fiches.filter((fiche) => fiche.key !== 'G2');
  plan.axes[1].fiches.push({ ...g1, ref: 'G30', key: 'G30', title: 'Nouvelle fiche', criteria: [] });
  return plan;
}

describe('regenerating a workbook from an amended plan', () => {
  let before: WorkbookState;
  let after: WorkbookGrids;
  let report: ReturnType<typeof regenerateWorkbook>['report'];

  beforeAll(async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const filled = typeInto(fresh, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 4 },
      { key: 'G1-QN1', header: 'Commentaire', value: 'Réunions tenues' },
      { key: 'G1-QN2', header: '2026-T2', value: 0.75 },
      { key: 'G1-QN2', header: 'Cible', value: 'quatre-vingts' },
      { key: 'G1-QL1', header: '2026-T1', value: 'Satisfaisant' },
    ]);
    before = await stateOf(filled);
    const regenerated = regenerateWorkbook(before, amendedPlan(), { now: later });
    report = regenerated.report;
    after = await roundTrip((await buildStateWorkbook(regenerated.state, { now: later })).spec);
  }, 60_000);

  it('keeps the values of every kept row under its key, the reworded criterion included', () => {
    expect(valueAt(after, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(after, 'G1-QN2', '2026-T2')?.value).toBe(0.75);
    expect(valueAt(after, 'G1-QN2', 'Cible')?.value).toBe('quatre-vingts');
    expect(valueAt(after, 'G1-QN2', 'Intitulé')?.value).toBe('Taux de participation des élus aux COPIL');
    expect(valueAt(after, 'G1-QL1', '2026-T1')?.value).toBe('Satisfaisant');
    expect(valueAt(after, 'G1', 'Intitulé')?.value).toBe('Animer le comité de pilotage et les comités techniques');
  });

  it('gives a new criterion an index never used, and keeps the removed one in Archives with its values', () => {
    expect(report.added).toEqual(['G1-QN3', 'G30']);
    expect(valueAt(after, 'G1-QN3', 'Intitulé')?.value).toBe('Nombre de comités techniques');
    expect(valueAt(after, 'G1-QN1', 'Intitulé')).toBeNull();
    expect(report.archived).toEqual(['G1-QN1']);
    expect(report.removed).toEqual(['G1-QN1', 'G2', 'G2-QN1', 'G2-QN2']);
    const archives = sheet(after, 'Archives').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(archives[0]).toEqual(['Date d’archivage', 'Clé', 'Type', 'Intitulé', 'Colonne', 'Valeur']);
    expect(archives.slice(1).map((row) => row.slice(1))).toEqual([
      ['G1-QN1', 'Quantitatif', 'Nombre de réunions par an', 'Commentaire', 'Réunions tenues'],
      ['G1-QN1', 'Quantitatif', 'Nombre de réunions par an', '2026-T2', 4],
    ]);
  });

  it('writes every change to the Journal and remembers removed keys in _ctg, giving a workbook whose keys all check', async () => {
    const journal = sheet(after, 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    // The readable columns (Source to Nouvelle valeur); the replay's columns follow them.
    const lines = journal.slice(2).map((row) => row.slice(1, 6));
    expect(journal.find((row) => row[2] === 'G1' && row[3] === 'Intitulé')?.slice(6)).toEqual([
      'régénération',
      'title',
      'texte',
      'texte',
    ]);
    expect(lines).toContainEqual([
      'Régénération depuis le plan',
      'G1-QN1',
      'Clé',
      'Nombre de réunions par an',
      'Ligne retirée du plan (valeurs gardées dans «\u00a0Archives\u00a0»)',
    ]);
    expect(lines).toContainEqual([
      'Régénération depuis le plan',
      'G2',
      'Clé',
      '=SOMME(A1:A3) est un titre, pas une formule',
      'Ligne retirée du plan',
    ]);
    expect(lines).toContainEqual(['Régénération depuis le plan', 'G1-QN3', 'Clé', null, 'Ligne ajoutée au plan']);
    expect(lines).toContainEqual([
      'Régénération depuis le plan',
      'G1',
      'Intitulé',
      'Animer le comité de pilotage',
      'Animer le comité de pilotage et les comités techniques',
    ]);
    expect(lines).toContainEqual([
      'Régénération depuis le plan',
      'G1-QN2',
      'Intitulé',
      'Taux de participation des élus',
      'Taux de participation des élus aux COPIL',
    ]);

    const state = await stateOf(after);
    expect(state.retiredKeys.map((entry) => entry.key)).toEqual(['G1-QN1', 'G2', 'G2-QN1', 'G2-QN2']);
    expect(state.archives.entries).toHaveLength(2);
    const report = await validateGrids(after, { today: later });
    // The only error is the text typed in a number column, carried over as it was (nothing is lost).
    expect(report.issues.filter((issue) => issue.severity === 'error').map((i) => [i.code, i.rowKey])).toEqual([
      ['number-invalid', 'G1-QN2'],
    ]);
  });

  it('archives the values of quarters a shortened period no longer has, and clamps Q into the new period', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const state = await stateOf(
      typeInto(fresh, [
        { key: 'G1-QN2', header: '2026-T2', value: 0.5 },
        { key: 'G1-QN2', header: '2030-T4', value: 0.9 },
      ]),
    );
    const shorter: Plan = structuredClone(samplePlan());
    shorter.period = { start: '2026-01-01', end: '2028-12-31' };
    const result = regenerateWorkbook({ ...state, currentQuarter: { year: 2030, q: 1 } }, shorter, { now: later });
    expect(result.state.currentQuarter).toEqual({ year: 2028, q: 4 });
    expect(result.notes.map((note) => note.code)).toContain('period-changed');
    expect(result.state.archives.entries.map((e) => [e.key, e.column, e.value.value])).toEqual([
      ['G1-QN2', '2030-T4', 0.9],
    ]);
    const written = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
    expect(valueAt(written, 'G1-QN2', '2026-T2')?.value).toBe(0.5);
    expect(valueAt(written, 'G1-QN2', '2030-T4')).toBeNull();
    expect(
      sheet(written, 'Archives')
        .rows[1].slice(1)
        .map((cell) => cell?.value),
    ).toEqual(['G1-QN2', 'Quantitatif', 'Taux de participation des élus', '2030-T4', 0.9]);
    // Every change is in the Journal: the period, the current quarter, the values archived.
    const lines = sheet(written, 'Journal')
      .rows.slice(2)
      .map((row) => row.slice(1, 6).map((cell) => cell?.value ?? null));
    expect(lines).toEqual(
      expect.arrayContaining([
        [
          'Régénération depuis le plan',
          null,
          'Période de la convention',
          '01/01/2026 – 31/12/2030',
          '01/01/2026 – 31/12/2028',
        ],
        ['Régénération depuis le plan', null, 'Trimestre en cours', '2030-T1', '2028-T4'],
        [
          'Régénération depuis le plan',
          'G1-QN2',
          '2030-T4',
          0.9,
          'Valeur gardée dans «\u00a0Archives\u00a0» (trimestre hors de la période)',
        ],
      ]),
    );
    // And the note says it, the dates as a French reader writes them.
    const note = result.notes.find((one) => one.code === 'period-changed')!;
    expect(renderIssueMessage(note)).toBe(
      'La période du nouveau plan (01/01/2026 – 31/12/2028) diffère de celle du classeur (01/01/2026 – 31/12/2030)\u00a0: ' +
        '1 valeur des trimestres hors de la nouvelle période est gardée dans «\u00a0Archives\u00a0». ' +
        'Trimestre en cours\u00a0: 2030-T1 → 2028-T4.',
    );
  }, 30_000);

  it('names a fiche without a ref whose title is no longer in the plan: its values archived, never moved to another', async () => {
    const unreferenced = (title: string): Plan => {
      const plan: Plan = structuredClone(samplePlan());
      const model = plan.axes[0].fiches[0];
      const criteria = [{ key: 'SANSREF1-QN1', kind: 'quantitative' as const, text: 'Nombre de permanences', line: 0 }];
      plan.axes[0].fiches.unshift({ ...model, ref: 'SANSREF1', key: 'SANSREF1', title, criteria });
      return plan;
    };
    const fresh = await roundTrip((await buildNewWorkbook(unreferenced('Permanences'), { today })).spec);
    const state = await stateOf(typeInto(fresh, [{ key: 'SANSREF1-QN1', header: '2026-T1', value: 6 }]));
    const result = regenerateWorkbook(state, unreferenced('Permanences d’accès aux droits'), { now: later });
    expect(result.report.archived).toEqual(['SANSREF1-QN1']);
    expect(result.report.added).toEqual(['SANSREF2', 'SANSREF2-QN1']);
    const note = result.notes.find((issue) => issue.code === 'unreferenced-fiche-not-found');
    expect(renderIssueMessage(note!)).toBe(
      'La fiche SANSREF1 («\u00a0Permanences\u00a0»), clé donnée faute de référence, n’est plus retrouvée dans le plan ' +
        'par son intitulé\u00a0: ' +
        'elle n’est pas prise pour une autre, ses valeurs saisies sont gardées dans «\u00a0Archives\u00a0» (SANSREF1-QN1). Si elle a ' +
        'seulement changé d’intitulé, reportez-les dans sa nouvelle ligne, ou donnez-lui une référence dans le plan.',
    );
  });

  it('journals an axis title changed in its sheet that the plan’s title replaces', async () => {
    const grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    sheet(grids, 'Axe 1').rows[0][0] = { value: 'Axe 1 – Gouvernance (COPIL)' };
    const state = await stateOf(grids);

    const result = regenerateWorkbook(state, samplePlan(), { now: later });

    expect(result.state.journal.filter((line) => line.field === 'axisTitle')).toEqual([
      expect.objectContaining({
        source: 'Régénération depuis le plan',
        rowKey: 'Axe 1',
        label: 'Titre de l’axe',
        before: { type: 'text', value: 'Gouvernance (COPIL)' },
        after: { type: 'text', value: samplePlan().axes[0].title },
      }),
    ]);
  }, 30_000);

  it('journals no axis title for a title row emptied, which is read back as the sheet’s name', async () => {
    const grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    sheet(grids, 'Axe 1').rows[0][0] = null;

    const result = regenerateWorkbook(await stateOf(grids), samplePlan(), { now: later });

    expect(result.state.journal.filter((line) => line.field === 'axisTitle')).toEqual([]);
  }, 30_000);

  it('journals an EPCI and a Caf typed in Paramètres that the plan replaces', async () => {
    const grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const settings = sheet(grids, 'Paramètres');
    const valueCell = (label: string) => settings.rows.find((row) => row?.[0]?.value === label)![1]!;
    valueCell('EPCI').value = 'CC des Monts (à vérifier)';
    valueCell('Caf').value = 'Caf de la Loire – antenne';
    const state = await stateOf(grids);

    const result = regenerateWorkbook(state, samplePlan(), { now: later });

    expect(result.state.journal.slice(-2)).toEqual([
      expect.objectContaining({
        source: 'Régénération depuis le plan',
        field: 'epci',
        label: 'EPCI',
        before: { type: 'text', value: 'CC des Monts (à vérifier)' },
        after: { type: 'text', value: samplePlan().parties.epci },
      }),
      expect.objectContaining({
        field: 'caf',
        label: 'Caf',
        before: { type: 'text', value: 'Caf de la Loire – antenne' },
        after: { type: 'text', value: samplePlan().parties.caf },
      }),
    ]);
    expect(
      regenerateWorkbook(
        await stateOf(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec)),
        samplePlan(),
        { now: later },
      ).state.journal.filter((line) => line.field === 'epci' || line.field === 'caf'),
    ).toEqual([]);
  }, 30_000);

  it('says a longer period without archiving anything, the current quarter unchanged', async () => {
    const state = await stateOf(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    const longer: Plan = structuredClone(samplePlan());
    longer.period = { start: '2026-01-01', end: '2031-12-31' };
    const result = regenerateWorkbook(state, longer, { now: later });
    const note = result.notes.find((one) => one.code === 'period-changed')!;
    expect(renderIssueMessage(note)).toBe(
      'La période du nouveau plan (01/01/2026 – 31/12/2031) diffère de celle du classeur (01/01/2026 – 31/12/2030).',
    );
    expect(result.state.journal.slice(-1)).toEqual([
      expect.objectContaining({
        label: 'Période de la convention',
        after: { type: 'text', value: '01/01/2026 – 31/12/2031' },
      }),
    ]);
  }, 30_000);

  it('never gives a retired index again, even once the removed criterion is forgotten by the plan', async () => {
    const state = await stateOf(after);
    const plan = amendedPlan();
    plan.axes[0].fiches[0].criteria.push({ key: 'G1-QN9', kind: 'quantitative', text: 'Encore un critère', line: 0 });
    const again = regenerateWorkbook(state, plan, { now: later });
    expect(again.report.added).toEqual(['G1-QN4']);
    expect(again.report.removed).toEqual([]);
  });
});
