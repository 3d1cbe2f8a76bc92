import fc from 'fast-check';
import { closeQuarter } from '../../src/app/close-quarter';
import { regenerateWorkbook } from '../../src/app/regenerate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { enteredSnapshot, roundTrip, sheet, typeInto, valueAt, type Entry } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-08-20T14:30:00Z');

async function stateOf(grids: Awaited<ReturnType<typeof roundTrip>>): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

const ficheHeaders = [
  'Partenaires',
  'Statut',
  'Avancement (%)',
  'Mise en œuvre',
  'Difficultés',
  'Dernière mise à jour',
  'Mis à jour par (structure)',
];
const criterionHeaders = [
  'Unité',
  'Fréquence',
  'Référence',
  'Cible',
  "Règle d'agrégation",
  '2026-T1',
  '2026-T2',
  '2027-T4',
  '2030-T4',
  'Commentaire',
];

/** What people type: numbers, text in number columns, formula-looking text, list values in any case, dates. */
const typed = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((value) => ({ value, isDate: false })),
  // No -0: a spreadsheet cell holds 0, and the file writes it so (-0 and 0 differ only to toEqual).
  fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ value: value === 0 ? 0 : value, isDate: false })),
  fc
    .constantFrom(
      '12',
      '=SUM(A1:A3)',
      '+33 6 00',
      'En cours',
      'réalisée',
      'Très satisfaisant',
      'n/a',
      'Trimestrielle',
      'Somme',
      '  espacé  ',
      'ligne 1\nligne 2',
      '<&>"\'',
    )
    .map((value) => ({ value, isDate: false })),
  fc.boolean().map((value) => ({ value, isDate: false })),
  fc.integer({ min: 36526, max: 73050 }).map((value) => ({ value, isDate: true })),
);

describe('a tracking workbook read whole and written again', () => {
  it('keeps every entered value, by key and column, exactly as typed, through compute, regenerate and close (random values)', async () => {
    const plan = samplePlan();
    const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
    const ficheKeys = plan.axes.flatMap((axis) => axis.fiches.map((fiche) => fiche.key));
    const criterionKeys = plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria.map((c) => c.key)));
    const entry = fc.oneof(
      fc.record({ key: fc.constantFrom(...ficheKeys), header: fc.constantFrom(...ficheHeaders), typed }),
      fc.record({ key: fc.constantFrom(...criterionKeys), header: fc.constantFrom(...criterionHeaders), typed }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 25 }), async (entries) => {
        const grids = typeInto(
          fresh,
          // A number typed in the date column shows as a date there, as in Excel.
          entries.map((e): Entry => ({
            key: e.key,
            header: e.header,
            value: e.typed.value,
            isDate: e.typed.isDate || (e.header === 'Dernière mise à jour' && typeof e.typed.value === 'number'),
          })),
        );
        const before = await stateOf(grids);
        const rewritten = await roundTrip((await buildStateWorkbook(before, { now: later })).spec);
        const after = await stateOf(rewritten);
        expect(enteredSnapshot(after)).toEqual(enteredSnapshot(before));
        // Regenerating from the same plan, and closing the quarter, keep them too.
        const regenerated = regenerateWorkbook(before, plan, { now: later });
        expect(regenerated.report).toMatchObject({ added: [], removed: [], changed: [] });
        const closed = closeQuarter(regenerated.state, { now: later });
        if (!closed.ok) throw new Error('refused');
        const again = await stateOf(await roundTrip((await buildStateWorkbook(closed.state, { now: later })).spec));
        expect(enteredSnapshot(again)).toEqual(enteredSnapshot(before));
        // What was typed last in each cell is what the rewritten file holds.
        const last = new Map(entries.map((e) => [`${e.key}|${e.header}`, e]));
        for (const e of last.values()) {
          const found = valueAt(rewritten, e.key, e.header)?.value ?? null;
          expect(found).toEqual(e.typed.value);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('keeps the plan as the sheets hold it, the SIREN, the Journal and the generation date, and sets the last write date', async () => {
    const plan = samplePlan();
    const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
    const settings = sheet(fresh, 'Paramètres');
    settings.rows[4][1] = { value: 123456789 };
    const before = await stateOf(fresh);
    const rewritten = await roundTrip((await buildStateWorkbook(before, { now: later })).spec);
    const after = await stateOf(rewritten);
    expect(after.plan.axes.map((axis) => [axis.number, axis.title])).toEqual(
      plan.axes.map((axis) => [axis.number, axis.title]),
    );
    expect(
      after.plan.axes.flatMap((axis) => axis.fiches.map((fiche) => [fiche.key, fiche.title, fiche.carriers])),
    ).toEqual(plan.axes.flatMap((axis) => axis.fiches.map((fiche) => [fiche.key, fiche.title, fiche.carriers])));
    expect(
      after.plan.axes.flatMap((axis) => axis.fiches.flatMap((f) => f.criteria.map((c) => [c.key, c.text]))),
    ).toEqual(plan.axes.flatMap((axis) => axis.fiches.flatMap((f) => f.criteria.map((c) => [c.key, c.text]))));
    expect(sheet(rewritten, 'Paramètres').rows[4][1]?.value).toBe(123456789);
    expect(after.journal).toEqual(before.journal);
    expect(after.meta.generatedAt).toBe('2026-05-10T09:00:00Z');
    expect(after.meta.lastWrittenAt).toBe('2026-08-20T14:30:00Z');
    expect(after.meta.planFingerprint).toBe(before.meta.planFingerprint);
    expect(rewritten.sheets.map((s) => s.name)).toEqual(fresh.sheets.map((s) => s.name));
  }, 30_000);

  it('copies a sheet a person added, with its values and formulas, and says its look is not kept', async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const own = {
      name: 'Mes notes',
      visibility: 'visible' as const,
      rows: [
        [{ value: 'Réunion' }, { value: 3 }],
        [{ value: '=pas une formule' }, { value: 6, formula: 'B1*2' }],
      ],
    };
    const grids = { sheets: [...fresh.sheets.slice(0, -1), own, fresh.sheets[fresh.sheets.length - 1]] };
    const built = await buildStateWorkbook(await stateOf(grids), { now: later });
    expect(built.notes.map((note) => [note.code, note.params.sheetName])).toEqual([
      ['sheet-copied-as-values', 'Mes notes'],
    ]);
    const rewritten = await roundTrip(built.spec);
    const copy = sheet(rewritten, 'Mes notes');
    expect(copy.rows[0].map((cell) => cell?.value)).toEqual(['Réunion', 3]);
    expect(copy.rows[1][0]).toMatchObject({ value: '=pas une formule' });
    expect(copy.rows[1][1]).toMatchObject({ value: 6, formula: 'B1*2' });
    expect(rewritten.sheets[rewritten.sheets.length - 1].name).toBe('_ctg');
  }, 30_000);
});
