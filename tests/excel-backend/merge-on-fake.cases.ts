import { mergeAndWrite, type MergeOptions } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import type { WorkbookGrids } from '../../src/domain/grid';
import { writeXlsx } from '../../src/xlsx/writer';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { generateOnFake, measured } from './helpers/run-on-fake';
import type { FakeContext } from '../fake-excel';

/**
 * The same merge in (fake) Excel as on files: the same report, the same values in the master, and the round trips
 * of Office.js bounded (at most 3) whatever the number of cells merged; undo likewise.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const options: MergeOptions = { now: new Date('2026-09-20T08:00:00Z'), partner: 'CCMP' };

const few: Entry[] = [
  { key: 'G1', header: 'Statut', value: 'En cours' },
  { key: 'G1-QN1', header: '2026-T2', value: 6 },
];

/** Every quarter cell up to Q of every quantitative criterion, and every fiche's Statut. */
function many(): Entry[] {
  const keys = ['G1-QN1', 'G1-QN2', 'G2-QN1', 'G2-QN2', 'S13-QN1'];
  const quarters = ['2026-T1', '2026-T2', '2026-T3'];
  return [
    ...keys.flatMap((key, k) => quarters.map((header, q) => ({ key, header, value: k * 10 + q }))),
    ...['G1', 'G2', 'G1-B', 'S13', 'S14'].map((key) => ({ key, header: 'Statut', value: 'Réalisée' })),
  ];
}

async function onFake(entries: Entry[]) {
  const { fake, port } = await generateOnFake(samplePlan(), generatedOn);
  const returned: WorkbookGrids = typeInto(fake.inspect.snapshotWorkbook(), entries);
  const merge = await measured(fake, () => mergeAndWrite(port, [{ file: 'retour.xlsx', grids: returned }], options));
  return { fake, port, merge };
}

describe('merging in Excel (the fake)', () => {
  it('gives the report and the master values that the file back end gives', async () => {
    const { fake, merge } = await onFake(few);
    expect(merge.result.status).toBe('done');
    const fileBytes = await writeXlsx((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
    const recording = recordingPort(fileBytes);
    const returned = typeInto(gridsOf(fileBytes), few);
    const onFile = await mergeAndWrite(recording.port, [{ file: 'retour.xlsx', grids: returned }], options);
    if (merge.result.status !== 'done' || onFile.status !== 'done') throw new Error('merge refused');
    expect(merge.result.report.applied).toEqual(onFile.report.applied);
    const excel = fake.inspect.snapshotWorkbook();
    const file = gridsOf(recording.last());
    for (const entry of few) {
      expect(valueAt(excel, entry.key, entry.header)?.value).toBe(entry.value);
      expect(valueAt(file, entry.key, entry.header)?.value).toBe(entry.value);
    }
  }, 30_000);

  it('takes at most 3 round trips, the same for 2 cells as for 20', async () => {
    const small = await onFake(few);
    const large = await onFake(many());
    if (large.merge.result.status !== 'done') throw new Error('merge refused');
    expect(large.merge.result.report.applied.length).toBe(many().length);
    // One read, one write of the changed cells (the issue allows 3).
    expect(small.merge.roundTrips).toBe(2);
    expect(large.merge.roundTrips).toBe(small.merge.roundTrips);
  }, 60_000);

  it('undoes the merge in Excel: the cells get their values back, in bounded round trips', async () => {
    const { fake, port } = await onFake(few);
    const undo = await measured(fake, () => undoLastMerge(port, { now: new Date('2026-09-21T08:00:00Z') }));
    expect(undo.result.status).toBe('done');
    const excel = fake.inspect.snapshotWorkbook();
    expect(valueAt(excel, 'G1', 'Statut')?.value ?? null).toBeNull();
    expect(valueAt(excel, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
    expect(undo.roundTrips).toBe(2);
  }, 30_000);

  it('merges a table pasted into a sheet added after `_ctg` and leaves that sheet as it was, its look included', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), generatedOn);
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.add('Retour courriel');
      const table = sheet.getRange('A1:C2');
      table.values = [
        ['Clé', 'Statut', '2026-T2'],
        ['G1-QN1', null, 6],
      ];
      table.format.fill.color = '#FFFF00';
      table.format.font.bold = true;
      sheet.getRange('C2').numberFormat = [['#,##0 €']];
      await context.sync();
    });
    const looks = () => ['A1', 'C2'].map((cell) => fake.inspect.format('Retour courriel', cell));
    const before = looks();

    const merge = await mergeAndWrite(port, [], { ...options, sheet: 'Retour courriel' });
    if (merge.status !== 'done') throw new Error('merge refused');
    expect(merge.report.applied).toHaveLength(1);
    expect(valueAt(fake.inspect.snapshotWorkbook(), 'G1-QN1', '2026-T2')?.value).toBe(6);
    expect(looks()).toEqual(before);
    expect(fake.inspect.values('Retour courriel', 'A1:C2')).toEqual([
      ['Clé', 'Statut', '2026-T2'],
      ['G1-QN1', '', 6],
    ]);
    expect(merge.notes.map((note) => note.code)).not.toContain('sheet-copied-as-values');
  }, 30_000);

  it('writes a partner’s texts as texts in Excel, even those Excel would take for a formula or a number', async () => {
    const texts = ["=cmd|' /C calc'!A0", '+1 atelier', '@SUM(A1)', '-5 familles', '12'];
    const fields = ['Mise en œuvre', 'Difficultés', 'Mis à jour par (structure)'];
    const { fake, merge } = await onFake(
      texts.slice(0, 3).map((value, index) => ({ key: 'G1', header: fields[index], value })),
    );
    expect(merge.result.status).toBe('done');
    const excel = fake.inspect.snapshotWorkbook();
    texts.slice(0, 3).forEach((value, index) => {
      const cell = valueAt(excel, 'G1', fields[index]);
      expect(cell?.value).toBe(value);
      expect(cell?.formula).toBeUndefined();
    });
  }, 30_000);
});
