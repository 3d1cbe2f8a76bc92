import fc from 'fast-check';
import type { WorkbookPort, WriteContext } from '../../src/app/port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { shapeKeepingChanges } from '../../src/app/shape-keeping-changes';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { ContributionEntry } from '../../src/domain/contributions';
import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { JournalValue } from '../../src/domain/journal';
import { renderIssueMessage } from '../../src/domain/issues';
import {
  buildContributionsSheet,
  readContributionsSheet,
} from '../../src/layout/sheets/contributions/contributions-sheet';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { writeXlsx } from '../../src/xlsx/writer';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';
import { changesOf, filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { roundTrip, sheet } from './helpers';

/**
 * `Contributions` (docs/WORKBOOK.md, « Contributions »): generated empty with its headers after Historique, read
 * back as the lines written (values typed) on both back ends, carried over by a rewrite that only patches the
 * workbook, and absent from a workbook generated before it until it has lines.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const HEADERS = ['Date', 'Fichier', 'Partenaire', 'Clé', 'Colonne', 'Champ (id)', 'Valeur', 'Type'];

const characters = fc.constantFrom(...'aZé«» ’=+-.,;:%/1209\n€'.split(/(?:)/u));
/** A text that is not blank: the required columns hold one. */
const someName = fc.string({ unit: characters, maxLength: 20 }).map((text) => `P${text}`);

const value: fc.Arbitrary<JournalValue> = fc.oneof(
  fc.constant<JournalValue>({ type: 'empty', value: null }),
  fc
    .oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(-12.5, 0.1, 12, 1e-7))
    .map<JournalValue>((number) => ({ type: 'number', value: number === 0 ? 0 : number })),
  fc
    .oneof(fc.string({ unit: characters, minLength: 1, maxLength: 40 }), fc.constantFrom('12', '=1+1', 'VRAI', '0012'))
    .map<JournalValue>((text) => ({ type: 'text', value: text })),
  fc.integer({ min: 1, max: 2_958_465 }).map<JournalValue>((day) => ({ type: 'date', value: day })),
  fc.boolean().map<JournalValue>((flag) => ({ type: 'boolean', value: flag })),
);

const entry: fc.Arbitrary<ContributionEntry> = fc.record({
  at: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')),
  file: fc.oneof(
    fc.constant(''),
    someName.map((name) => `${name}.xlsx`),
  ),
  partner: someName,
  key: fc.constantFrom('G1', 'G1-QN2', 'G13-QL1', '12'),
  label: fc.constantFrom('Commentaire', '2026-T3', 'Statut', ''),
  field: fc.constantFrom('comment', '2026-T3', 'status'),
  value,
});

const specOf = (entries: readonly ContributionEntry[]): WorkbookSpec => ({
  sheets: [buildContributionsSheet(entries)],
  definedNames: [],
  properties: { title: 'Contributions', creator: 'test' },
});

const line = (partner: string, key: string, field: string, value: JournalValue): ContributionEntry => ({
  at: '2026-06-30T08:00:00Z',
  file: `Suivi CTG – ${partner} – 2026-T2.xlsx`,
  partner,
  key,
  label: field === 'comment' ? 'Commentaire' : field,
  field,
  value,
});

const LINES: ContributionEntry[] = [
  line('Mairie de Pélussin', 'G1-QN2', '2026-T2', { type: 'number', value: 12 }),
  line('CCMP', 'G1-QN2', '2026-T2', { type: 'number', value: 30 }),
  line('CCMP', 'G1-QN2', 'comment', { type: 'text', value: '12' }),
  line('Centre social', 'G1', 'lastUpdate', { type: 'date', value: 46200 }),
];

const values = (grid: SheetGrid) => grid.rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));

describe('the Contributions sheet', () => {
  it('is generated empty with its headers, filterable, right after Historique', async () => {
    const { spec } = await buildNewWorkbook(samplePlan(), { today });
    const names = spec.sheets.map((one) => one.name);
    expect(names.slice(names.indexOf('Journal'))).toEqual(['Journal', 'Historique', 'Contributions', '_ctg']);
    const built = spec.sheets.find((one) => one.name === 'Contributions')!;
    expect(built.rows.map((row) => row.cells.map((cell) => cell?.value ?? null))).toEqual([HEADERS]);
    expect(built.autoFilter).toBe('A1:H1');
    expect(built.protection).toBeDefined();
  });

  it('shows a text « 12 » as text, a number as a number, a date as a date, with the type in words', async () => {
    const grid = sheet(await roundTrip(specOf(LINES)), 'Contributions');
    expect(values(grid)[0]).toEqual(HEADERS);
    expect(values(grid).slice(1)).toEqual([
      ['2026-06-30T08:00:00Z', LINES[0].file, 'Mairie de Pélussin', 'G1-QN2', '2026-T2', '2026-T2', 12, 'nombre'],
      ['2026-06-30T08:00:00Z', LINES[1].file, 'CCMP', 'G1-QN2', '2026-T2', '2026-T2', 30, 'nombre'],
      ['2026-06-30T08:00:00Z', LINES[2].file, 'CCMP', 'G1-QN2', 'Commentaire', 'comment', '12', 'texte'],
      ['2026-06-30T08:00:00Z', LINES[3].file, 'Centre social', 'G1', 'lastUpdate', 'lastUpdate', 46200, 'date'],
    ]);
    expect(grid.rows[4][6]).toMatchObject({ value: 46200, isDate: true });
    expect(readContributionsSheet(grid)).toEqual({ entries: LINES, issues: [] });
  });

  it('reads back as the lines written through the file back end (our writer, our reader)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 10 }), async (entries) => {
        const grid = sheet(await roundTrip(specOf(entries)), 'Contributions');
        expect(readContributionsSheet(grid)).toEqual({ entries, issues: [] });
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('reads back as the lines written through the Excel back end (the fake Excel)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 10 }), async (entries) => {
        const { port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
        await port.write(specOf(entries));
        expect(readContributionsSheet(sheet(await port.read(), 'Contributions'))).toEqual({ entries, issues: [] });
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('reports a line with an empty key, an unknown type or a value unlike its type, at its cell, and leaves it out', async () => {
    const grid = sheet(await roundTrip(specOf(LINES)), 'Contributions');
    const edited: SheetGrid = { ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) };
    edited.rows[1][3] = null;
    edited.rows[2][7] = { value: 'entier' };
    edited.rows[4][6] = { value: 'le 30 juin' };
    const reading = readContributionsSheet(edited);
    expect(reading.entries).toEqual([LINES[2]]);
    expect(reading.issues.map((issue) => [issue.code, issue.severity, issue.cell, issue.params.header])).toEqual([
      ['contribution-row-invalid', 'error', 'D2', 'Clé'],
      ['contribution-row-invalid', 'error', 'H3', 'Type'],
      ['contribution-row-invalid', 'error', 'G5', 'Valeur'],
    ]);
    expect(renderIssueMessage(reading.issues[2])).toContain('Contributions, cellule G5\u00a0: «\u00a0Valeur\u00a0»');
  });
});

/** A port that keeps the context of each write: `changes` is there when the rewrite patched the workbook. */
function watched(port: WorkbookPort) {
  const contexts: (WriteContext | undefined)[] = [];
  const wrapped: WorkbookPort = {
    read: port.read.bind(port),
    write: (spec, context) => {
      contexts.push(context);
      return port.write(spec, context);
    },
  };
  return { port: wrapped, contexts };
}

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

describe('a rewrite of a workbook with contributions', () => {
  let withLines: Uint8Array;
  let filled: Uint8Array;

  beforeAll(async () => {
    filled = await filledWorkbook(samplePlan(), [{ key: 'G1-QN2', header: '2026-T2', value: 42 }], today);
    const state = await stateOf(gridsOf(filled));
    const contributions = { entries: LINES, keepSheet: true };
    withLines = await writeXlsx((await buildStateWorkbook({ ...state, contributions }, { now: today })).spec);
  }, 60_000);

  it('compute keeps every line, patched, on the file back end', async () => {
    const recorded = recordingPort(withLines);
    expect((await computeAndWrite(recorded.port, { now: later })).status).toBe('done');
    expect(changesOf(recorded.contexts[0]).cells.some((cell) => cell.sheet === 'Contributions')).toBe(false);
    const grid = sheet(gridsOf(recorded.last()), 'Contributions');
    expect(readContributionsSheet(grid)).toEqual({ entries: LINES, issues: [] });
  }, 60_000);

  it('compute keeps every line, patched, on the Excel back end (the fake Excel)', async () => {
    const { port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
    await port.write((await buildStateWorkbook(await stateOf(gridsOf(withLines)), { now: today })).spec);
    const run = watched(port);
    expect((await computeAndWrite(run.port, { now: later })).status).toBe('done');
    expect(run.contexts[0]?.changes).toBeDefined();
    expect((await stateOf(await port.read())).contributions).toEqual({ entries: LINES, keepSheet: true });
  }, 60_000);

  it('lines appended are a patch of the new rows and of the filter; a line changed is not', async () => {
    const grids = gridsOf(withLines);
    const state = await stateOf(grids);
    const appended = line('Écoles', 'G1-QN2', '2026-T2', { type: 'number', value: 7 });
    const more = { ...state, contributions: { entries: [...LINES, appended], keepSheet: true } };
    const read = { kept: state.kept, migratedFrom: null, plan: state.plan };
    const patch = shapeKeepingChanges(grids, (await buildStateWorkbook(more, { now: later })).spec, read);
    expect(patch).not.toBeNull();
    const ours = patch!.cells.filter((cell) => cell.sheet === 'Contributions');
    expect(ours.map((cell) => cell.row)).toEqual(HEADERS.map(() => LINES.length + 2));
    expect(patch!.ranges).toContainEqual({ sheet: 'Contributions', autoFilter: `A1:H${LINES.length + 2}` });

    const changed = LINES.map((one, index) => (index === 0 ? { ...one, value: { type: 'number', value: 13 } } : one));
    const other = { ...state, contributions: { entries: changed as ContributionEntry[], keepSheet: true } };
    expect(shapeKeepingChanges(grids, (await buildStateWorkbook(other, { now: later })).spec, read)).toBeNull();
  }, 60_000);

  it('a malformed line refuses the rewrite, naming its cell: nothing is written, so the line is not lost', async () => {
    const { fake, port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
    await port.write((await buildStateWorkbook(await stateOf(gridsOf(withLines)), { now: today })).spec);
    // The sheet is protected: as if someone had unprotected it and typed over a Type.
    fake.seed.sheet('Contributions', [['entier']], 'H3');
    const before = fake.inspect.snapshotWorkbook();
    const outcome = await computeAndWrite(port, { now: later });
    expect(outcome.status).toBe('refused');
    expect('issues' in outcome && outcome.issues.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['contribution-row-invalid', 'Contributions', 'H3'],
    ]);
    expect(fake.inspect.snapshotWorkbook()).toEqual(before);
  }, 60_000);

  it('a workbook generated before Contributions reads and rewrites as before: no sheet added, patched', async () => {
    const state = await stateOf(gridsOf(filled));
    const older = await writeXlsx(
      (await buildStateWorkbook({ ...state, contributions: { entries: [], keepSheet: false } }, { now: today })).spec,
    );
    const names = gridsOf(older).sheets.map((one) => one.name);
    expect(names).not.toContain('Contributions');
    expect((await stateOf(gridsOf(older))).contributions).toEqual({ entries: [], keepSheet: false });
    const recorded = recordingPort(older);
    expect((await computeAndWrite(recorded.port, { now: later })).status).toBe('done');
    expect(recorded.contexts[0]?.changes).toBeDefined();
    expect(gridsOf(recorded.last()).sheets.map((one) => one.name)).toEqual(names);
  }, 60_000);
});
