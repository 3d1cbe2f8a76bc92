import { regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import { generateWorkbook } from '../../src/app/generate';
import { degradationNotes } from '../../src/excel/excel-texts';
import { samplePlan, samplePlanWithFicheBeforeG2, samplePlanWithoutG2 } from '../layout/helpers/sample-plan';
import { generateOnFake, measured, portOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';

/**
 * The pane's regeneration from an amended plan that changes rows rebuilds the axis sheets: the old sheets are
 * deleted, and Excel deletes their notes and comments with them. What a person wrote there goes where its cell goes,
 * as in a file (tests/rewrite/cell-notes-rewrite.cases.ts), or is named; where this Excel cannot read notes, the
 * rewrite says so.
 */
const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

const notKept = (notes: readonly Issue[]) =>
  notes.filter((note) => note.code === 'cell-note-not-kept').map((note) => renderIssueMessageFor('task-pane', note));

describe('notes and comments through a regeneration that rebuilds the axis sheets', () => {
  it('each goes where its cell goes (ExcelApi 1.18)', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion: '1.18' });
    fake.seed
      .note('Axe 1', 'O10', 'Difficultés de G2-QN2')
      .comment('Paramètres', 'B3', 'Nom officiel du territoire ?', ['Vu avec la mairie'])
      .note('Journal', 'F2', 'La génération');

    const outcome = await regenerateAndWrite(port, samplePlanWithFicheBeforeG2(), { now: later });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(fake.inspect.values('Axe 1', 'A12')).toEqual([['G2-QN2']]);
    expect(fake.inspect.notes('Axe 1')).toEqual([{ address: 'O12', content: 'Difficultés de G2-QN2' }]);
    expect(fake.inspect.comments('Paramètres')).toEqual([
      { address: 'B3', content: 'Nom officiel du territoire ?', replies: ['Vu avec la mairie'] },
    ]);
    expect(fake.inspect.notes('Journal')).toEqual([{ address: 'F2', content: 'La génération' }]);
    expect(notKept(outcome.notes)).toEqual([]);
    expect(port.notes()).toEqual([]);
  }, 120_000);

  it('one whose row is gone from the plan is named with its text', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion: '1.18' });
    fake.seed.comment('Axe 1', 'O10', 'Difficultés de G2-QN2', ['Relancer la mairie']);

    const outcome = await regenerateAndWrite(port, samplePlanWithoutG2(), { now: later });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(fake.inspect.comments('Axe 1')).toEqual([]);
    expect(notKept(outcome.notes)).toEqual([
      'Axe 1, cellule O10\u00a0: la note attachée à cette cellule, «\u00a0Difficultés de G2-QN2 — Relancer la ' +
        'mairie\u00a0», n’a pas été reprise\u00a0: la ligne, la colonne ou la feuille de cette cellule n’est plus dans ' +
        'le classeur réécrit. Excel ne la garde pas\u00a0: recopiez-la depuis ce message, ou reprenez-la d’une copie du ' +
        'classeur enregistrée avant.',
    ]);
  }, 120_000);

  it('costs one round trip more only when a sheet has notes or comments', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion: '1.18' });
    const bare = await measured(fake, () => regenerateAndWrite(port, samplePlanWithFicheBeforeG2(), { now: later }));
    expect(bare.roundTrips).toBe(3);
    fake.seed.note('Axe 1', 'O12', 'Difficultés de G2-QN2');
    const noted = await measured(fake, () => regenerateAndWrite(port, samplePlan(), { now: later }));
    expect(noted.roundTrips).toBe(4);
    expect(fake.inspect.notes('Axe 1')).toEqual([{ address: 'O10', content: 'Difficultés de G2-QN2' }]);
  }, 120_000);

  it.each([
    ['1.12', degradationNotes.cellNotes],
    ['1.9', degradationNotes.cellComments],
  ])(
    'where Excel cannot read them (ExcelApi %s), the rewrite says so',
    async (apiVersion, said) => {
      const { fake, port } = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion });
      expect(port.notes()).not.toContain(said);

      const outcome = await regenerateAndWrite(port, samplePlanWithFicheBeforeG2(), { now: later });

      expect(outcome.status).toBe('done');
      expect(port.notes()).toContain(said);
      expect(fake.inspect.values('Axe 1', 'A12')).toEqual([['G2-QN2']]);
    },
    120_000,
  );

  it('a new workbook’s empty sheet that holds a note or a comment is kept, as a sheet a person wrote in', async () => {
    for (const seed of ['note', 'comment'] as const) {
      const { fake, port } = portOnFake({ sheets: ['Feuil1'], apiVersion: '1.18' });
      fake.seed[seed]('Feuil1', 'B2', 'À garder');

      await generateWorkbook(samplePlan(), port, { today });

      expect(fake.inspect.sheetNames()).toContain('Feuil1');
      expect(seed === 'note' ? fake.inspect.notes('Feuil1') : fake.inspect.comments('Feuil1')).toMatchObject([
        { address: 'B2', content: 'À garder' },
      ]);
    }
  }, 120_000);
});
