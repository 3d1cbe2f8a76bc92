import fc from 'fast-check';
import * as journal from '../../src/domain/journal';
import { journalWords, type JournalOperation, type JournalRecord, type JournalValue } from '../../src/domain/journal';
import { buildJournalSheet } from '../../src/layout/sheets/journal/journal-sheet';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';
import { roundTrip, sheet } from './helpers';

/**
 * The Journal reads back as exactly the records written (docs/WORKBOOK.md, « Journal »): every value keeps its
 * type — 12 is not "12", a date stays a date, « =1+1 » stays text — on the file back end (our writer, our reader)
 * and on the fake Excel (the Office.js back end).
 */

const characters = fc.constantFrom(...'aZé«» ’=+-.,;:%/1209\n\t€😀'.split(/(?:)/u));
const someText = (maxLength: number) => fc.string({ unit: characters, minLength: 1, maxLength });

const value: fc.Arbitrary<JournalValue> = fc.oneof(
  fc.constant<JournalValue>({ type: 'empty', value: null }),
  fc
    .oneof(
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.constantFrom(-12.5, 0.1, 12, 1e-7),
    )
    .map<JournalValue>((number) => ({ type: 'number', value: number === 0 ? 0 : number })),
  fc
    .oneof(
      someText(40),
      fc.constantFrom('12', '-3.5', '1e3', '=1+1', '=SUM(A1:A3)', '15/03/2026', 'VRAI', 'TRUE', '0012', '12 '),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      someText(3000).map((text) => text.repeat(2)),
    )
    .map<JournalValue>((text) => ({ type: 'text', value: text })),
  fc
    .tuple(fc.integer({ min: 1, max: 2_958_465 }), fc.integer({ min: 0, max: 86_399 }))
    .map<JournalValue>(([day, second]) => ({ type: 'date', value: day + second / 86_400 })),
  fc.boolean().map<JournalValue>((flag) => ({ type: 'boolean', value: flag })),
);

const operations = Object.keys(journalWords.sources).filter((op) => op !== 'unknown') as JournalOperation[];

const record: fc.Arbitrary<JournalRecord> = fc
  .record({
    at: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    operation: fc.constantFrom(...operations),
    file: fc.option(someText(30), { nil: null }),
    partner: fc.option(someText(30), { nil: null }),
    rowKey: fc.option(fc.oneof(fc.constantFrom('G1', 'G1-QN2', '12'), someText(20)), { nil: null }),
    field: fc.option(fc.constantFrom('status', 'progress', '2026-T3', 'population', 'history:2026-T1:status'), {
      nil: null,
    }),
    label: fc.oneof(fc.constant(''), someText(30)),
    before: value,
    after: value,
  })
  .map((line) => ({ ...line, source: journalWords.sources[line.operation] }));

const specOf = (records: readonly JournalRecord[]): WorkbookSpec => ({
  sheets: [buildJournalSheet(records)],
  definedNames: [],
  properties: { title: 'Journal', creator: 'test' },
});

describe('the Journal reads back as the records written', () => {
  it('through the file back end (our writer, our reader)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (records) => {
        const grids = await roundTrip(specOf(records));
        expect(readJournalSheet(sheet(grids, 'Journal'))).toEqual({ entries: records, issues: [] });
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('through the Excel back end (the fake Excel)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (records) => {
        const { port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
        await port.write(specOf(records));
        expect(readJournalSheet(sheet(await port.read(), 'Journal'))).toEqual({ entries: records, issues: [] });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('tells 12 from "12", a date from its serial number, and keeps « =1+1 » as text', async () => {
    const line = (before: JournalValue, after: JournalValue): JournalRecord => ({
      at: '2026-07-01T10:00:00Z',
      operation: 'merge',
      source: journalWords.sources.merge,
      file: 'suivi-partenaire.xlsx',
      partner: 'Commune de Pélussin',
      rowKey: 'G1',
      field: 'progress',
      label: 'Avancement (%)',
      before,
      after,
    });
    const records = [
      line({ type: 'number', value: 12 }, { type: 'text', value: '12' }),
      line({ type: 'date', value: 46096 }, { type: 'number', value: 46096 }),
      line({ type: 'text', value: '=1+1' }, { type: 'boolean', value: false }),
    ];
    const grids = await roundTrip(specOf(records));
    const rows = sheet(grids, 'Journal').rows;
    // What a person sees: the values as their type shows them, and the types in words.
    expect(rows[1].slice(4, 10).map((cell) => cell?.value ?? null)).toEqual([
      12,
      '12',
      'fusion',
      'progress',
      'nombre',
      'texte',
    ]);
    expect(rows[2][4]).toMatchObject({ value: 46096, isDate: true });
    expect(rows[3][4]?.formula).toBeUndefined();
    expect(readJournalSheet(sheet(grids, 'Journal'))).toEqual({ entries: records, issues: [] });
  }, 30_000);

  it('reads back the line of every kind of change the tools make, each under its own Source', async () => {
    const at = '2026-07-01T10:00:00Z';
    const number = journal.cellJournalValue(512);
    const date = journal.cellJournalValue(46096, true);
    const records = [
      journal.workbookGenerated(at),
      journal.quarterChosen(at, journal.emptyValue, '2026-T3'),
      journal.quarterClosed(at, '2026-T3', '2026-T4'),
      journal.historyValueReplaced(at, {
        key: 'G1',
        quarter: '2026-T3',
        field: 'progress',
        header: 'Avancement (%)',
        before: number,
        after: journal.textValue('512'),
      }),
      journal.planRowRemoved(at, 'G2', '=1+1', true),
      journal.planRowAdded(at, 'G3'),
      journal.alikeCriteriaCountChanged(at, {
        fiche: 'G1',
        text: 'Nombre de jeunes',
        before: 2,
        after: 3,
        keys: ['G1-QN2', 'G1-QN3', 'G1-QN7'],
      }),
      journal.planTextChanged(at, { key: 'G1', field: 'title', header: 'Intitulé', before: '12', after: '' }),
      journal.aoRowRemoved(at, 'Pélussin', true),
      journal.aoValueRemoved(at, {
        name: 'Pélussin',
        field: 'population',
        header: 'Population (INSEE)',
        before: number,
      }),
      journal.aoRowAdded(at, 'Rochetaillée-sur-Loire'),
      journal.aoRowRenamed(at, 'Tarentaise', 'Tarenteise'),
      journal.formatUpdated(at, 1, 2),
      journal.fieldSetByTools(at, 'compute', {
        key: 'G1',
        field: 'abandonedIn',
        header: 'Abandonnée en',
        before: date,
        after: journal.textValue('2026-T3'),
      }),
      journal.valueMerged(at, {
        key: 'G1-QN1',
        field: '2026-T3',
        header: '2026-T3',
        before: journal.emptyValue,
        after: number,
        file: 'Suivi CTG – Pélussin – 2026-T3.xlsx',
        partner: 'Mairie de Pélussin',
      }),
      journal.valueUndone(at, {
        key: 'G1',
        field: 'comment',
        header: 'Commentaire',
        before: journal.textValue('12'),
        after: date,
        file: 'retour.xlsx',
        partner: 'CCMP',
      }),
    ];
    const grid = sheet(await roundTrip(specOf(records)), 'Journal');
    expect(readJournalSheet(grid)).toEqual({ entries: records, issues: [] });
    expect(grid.rows.slice(1).map((row) => row[1]?.value)).toEqual(
      records.map((line) => journalWords.sources[line.operation]),
    );
    expect(records[1].before).toEqual({ type: 'empty', value: null });
    // A merge's and an undo's lines name their file and partner, and their operation's code.
    expect(grid.rows.slice(-2).map((row) => row.slice(6, 12).map((cell) => cell?.value ?? null))).toEqual([
      ['fusion', '2026-T3', 'vide', 'nombre', 'Suivi CTG – Pélussin – 2026-T3.xlsx', 'Mairie de Pélussin'],
      ['annulation', 'comment', 'texte', 'date', 'retour.xlsx', 'CCMP'],
    ]);
    expect(records.slice(-2).map((line) => [line.operation, line.source])).toEqual([
      ['merge', 'Fusion'],
      ['undo', 'Annulation'],
    ]);
  }, 30_000);
});
