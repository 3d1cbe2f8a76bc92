import fc from 'fast-check';
import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { mergeAndWrite, type ReturnedFile } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { aggregate } from '../../src/domain/aggregation';
import { currentContributions } from '../../src/domain/contributions';
import type { GridCell, WorkbookGrids } from '../../src/domain/grid';
import { qualitativeScale, ficheStatuses } from '../../src/domain/vocabulary';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';
import { sheet, typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { filledWorkbook, gridDifferences, gridsOf, recordingPort } from '../xlsx-patch/helpers';

/**
 * The merge's promises as properties, over real extracts of three recipients sharing rows, filled in at random:
 * merging is idempotent; merge then undo gives the master back exactly; no cell of the master changes without a
 * Journal line; every aggregate is its rule applied to the current contributions; untouched extracts change
 * nothing; an extract holds nothing of another recipient.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const mergedOn = new Date('2026-09-20T08:00:00Z');
const undoneOn = new Date('2026-09-21T08:00:00Z');
const RECIPIENTS = ['CCMP', 'Centre social', 'Mairie de Marlhes'] as const;

let masterBytes: Uint8Array;
let extracts: Map<string, WorkbookGrids>;

async function stateOf(bytes: Uint8Array): Promise<WorkbookState> {
  const reading = await readWorkbookState(gridsOf(bytes));
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

async function extractOf(bytes: Uint8Array, name: string): Promise<WorkbookGrids> {
  const state = await stateOf(bytes);
  const recipient = findWorkbookRecipient(state, name);
  if (!recipient) throw new Error(`no recipient ${name}`);
  const made = await extractWorkbook(state, recipient, { now: generatedOn });
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return gridsOf(await writeXlsx(made.extract.spec));
}

beforeAll(async () => {
  masterBytes = await filledWorkbook(
    samplePlan(),
    [
      { key: 'G1', header: 'Partenaires', value: 'Centre social ; Mairie de Marlhes' },
      { key: 'G2', header: 'Partenaires', value: 'Centre social' },
      { key: 'G1-QN1', header: '2026-T1', value: 4 },
    ],
    generatedOn,
  );
  extracts = new Map();
  for (const name of RECIPIENTS) extracts.set(name, await extractOf(masterBytes, name));
}, 60_000);

/** The cells a recipient may fill in its extract: key → header → a value of the cell's kind. */
const CELLS: { key: string; header: string; values: fc.Arbitrary<string | number> }[] = [
  { key: 'G1', header: 'Statut', values: fc.constantFrom(...ficheStatuses) },
  { key: 'G1', header: 'Mise en œuvre', values: fc.constantFrom('Trois ateliers', '+ de 10 ateliers', '=1+1') },
  { key: 'G1-QN1', header: '2026-T2', values: fc.integer({ min: 0, max: 50 }) },
  { key: 'G1-QN1', header: '2026-T3', values: fc.integer({ min: 0, max: 50 }) },
  { key: 'G1-QN2', header: '2026-T3', values: fc.integer({ min: 0, max: 100 }) },
  { key: 'G1-QL1', header: '2026-T3', values: fc.constantFrom(...qualitativeScale) },
  { key: 'G2', header: 'Avancement (%)', values: fc.integer({ min: 0, max: 100 }) },
  { key: 'G2-QN2', header: '2026-T2', values: fc.integer({ min: 0, max: 9 }) },
  { key: 'S13', header: 'Difficultés', values: fc.constantFrom('Locaux', 'Personnel') },
];

const edits = fc.array(
  fc.record({
    recipient: fc.constantFrom(...RECIPIENTS),
    cell: fc.nat({ max: CELLS.length - 1 }),
    value: fc.nat(),
    /** Which of two copies of the recipient's extract it is typed in: a recipient may return two files. */
    copy: fc.nat({ max: 1 }),
  }),
  { minLength: 1, maxLength: 8 },
);

/** The recipients' extracts with the edits typed in (a cell outside an extract stays untyped). */
function returnedFiles(chosen: { recipient: string; cell: number; value: number; copy?: number }[]): ReturnedFile[] {
  const byFile = new Map<string, { recipient: string; entries: Entry[] }>();
  for (const edit of chosen) {
    const cell = CELLS[edit.cell];
    const value = fc.sample(cell.values, { seed: edit.value, numRuns: 1 })[0];
    const file = edit.copy ? `${edit.recipient} (2).xlsx` : `${edit.recipient}.xlsx`;
    const typed = byFile.get(file) ?? { recipient: edit.recipient, entries: [] };
    typed.entries.push({ key: cell.key, header: cell.header, value });
    byFile.set(file, typed);
  }
  return [...byFile].map(([file, { recipient, entries }]) => ({
    file,
    grids: typeInto(extracts.get(recipient)!, entries),
  }));
}

async function merged(bytes: Uint8Array, files: ReturnedFile[], options = {}) {
  const recording = recordingPort(bytes);
  const outcome = await mergeAndWrite(recording.port, files, { now: mergedOn, prefer: 'incoming', ...options });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return { report: outcome.report, bytes: recording.written.length > 0 ? recording.last() : bytes };
}

/** Cells that differ, but the tools' bookkeeping: Journal, Contributions, `_ctg`'s last write, formulas' results. */
function userDifferences(a: WorkbookGrids, b: WorkbookGrids): string[] {
  const valuesOnly = (grids: WorkbookGrids): WorkbookGrids => ({
    sheets: grids.sheets
      .filter((grid) => !['Journal', 'Contributions', '_ctg'].includes(grid.name))
      .map((grid) => ({
        ...grid,
        rows: grid.rows.map((row) => (row ?? []).map((cell: GridCell | null) => (cell?.formula ? null : cell))),
      })),
  });
  return gridDifferences(valuesOnly(a), valuesOnly(b));
}

const RUNS = { numRuns: 8 };

describe('merging returned extracts, as properties', () => {
  it('is idempotent: the same files merged again change nothing and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (chosen) => {
        const files = returnedFiles(chosen);
        const first = await merged(masterBytes, files);
        // Files giving a cell values --prefer incoming would all take: nothing is written (take-ambiguous).
        fc.pre(first.report.ambiguousTakes.length === 0);
        const second = await merged(first.bytes, files);
        expect(second.report.applied).toEqual([]);
        expect(second.report.written).toBe(false);
      }),
      RUNS,
    );
  }, 120_000);

  it('gives the same master whatever the order of the files, or refuses the same takes', async () => {
    // Two returns of the Centre social typing one cell (often two values): a place the files contest, every run.
    const contest = fc.record({ cell: fc.nat({ max: CELLS.length - 1 }), first: fc.nat(), second: fc.nat() });
    // `file`: the conflicts of the first file given taken by their --take, naming the file.
    const choice = fc.constantFrom('incoming' as const, undefined, 'file' as const);
    await fc.assert(
      fc.asyncProperty(edits, contest, choice, async (chosen, { cell, first, second }, chose) => {
        const files = returnedFiles([
          ...chosen,
          { recipient: 'Centre social', cell, value: first, copy: 0 },
          { recipient: 'Centre social', cell, value: second, copy: 1 },
        ]);
        const take =
          chose === 'file'
            ? (await merged(masterBytes, files, { prefer: undefined })).report.conflicts
                .filter((conflict) => conflict.source === files[0].file)
                .map((conflict) => conflict.take)
            : [];
        const options = { prefer: chose === 'incoming' ? chose : undefined, take };
        const given = await merged(masterBytes, files, options);
        const reversed = await merged(masterBytes, [...files].reverse(), options);
        const refused = (report: typeof given.report) =>
          report.ambiguousTakes.map((cell) => `${cell.key} ${cell.column}`).sort();
        expect(refused(reversed.report)).toEqual(refused(given.report));
        expect(userDifferences(gridsOf(given.bytes), gridsOf(reversed.bytes))).toEqual([]);
        const held = (report: typeof given.report) =>
          report.conflicts
            .map((conflict) => {
              const { source, key, column, resolution, reason, master, rivals } = conflict;
              return JSON.stringify({ source, key, column, resolution, reason, master, rivals: rivals.length });
            })
            .sort();
        expect(held(reversed.report)).toEqual(held(given.report));
      }),
      {
        numRuns: 16,
        // Once found: the two returns typing the same value are byte-identical copies, merged under one name.
        examples: [
          [
            [{ recipient: 'CCMP', cell: 0, value: 0, copy: 0 }],
            { cell: 0, first: 18560976, second: 536853504 },
            'incoming',
          ],
        ],
      },
    );
  }, 240_000);

  it('merge then undo gives the master back, but the Journal and the last write date', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (chosen) => {
        const after = await merged(masterBytes, returnedFiles(chosen));
        fc.pre(after.report.written);
        const recording = recordingPort(after.bytes);
        const outcome = await undoLastMerge(recording.port, { now: undoneOn });
        expect(outcome.status).toBe('done');
        const restored = gridsOf(recording.last());
        expect(userDifferences(gridsOf(masterBytes), restored)).toEqual([]);
        const contributions = readContributionsSheet(sheet(restored, 'Contributions')).entries;
        expect(contributions).toEqual(readContributionsSheet(sheet(gridsOf(masterBytes), 'Contributions')).entries);
      }),
      RUNS,
    );
  }, 120_000);

  it('changes no cell of the master without its Journal line, and each aggregate is its rule over the contributions', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (chosen) => {
        const after = await merged(masterBytes, returnedFiles(chosen));
        fc.pre(after.report.ambiguousTakes.length === 0); // nothing written (take-ambiguous): no change to check
        const grids = gridsOf(after.bytes);
        const journal = readJournalSheet(sheet(grids, 'Journal')).entries.filter((line) => line.operation === 'merge');
        const journalled = new Set(journal.map((line) => `${line.rowKey} ${line.label}`));
        for (const change of after.report.applied) expect(journalled.has(`${change.key} ${change.column}`)).toBe(true);
        // Every cell that differs is one the merge applied (and journalled), at the master's address it reported.
        const differing = userDifferences(gridsOf(masterBytes), grids).map((line) => line.split(':')[0]);
        const applied = new Set(after.report.applied.map((change) => `${change.sheet}!${change.cell}`));
        expect(new Set(differing)).toEqual(applied);

        const state = await stateOf(after.bytes);
        const current = currentContributions(state.contributions.entries);
        for (const cell of new Set(
          current.filter((line) => /^\d{4}-T\d$/.test(line.field)).map((l) => `${l.key}|${l.field}`),
        )) {
          const [key, field] = cell.split('|');
          const values = current.filter(
            (line) => line.key === key && line.field === field && line.value.type !== 'empty',
          );
          const rule =
            (state.entered.get(key)?.get('aggregation')?.value as 'Somme' | 'Moyenne' | 'Médiane') ?? 'Somme';
          const expected =
            values[0]?.value.type === 'number'
              ? aggregate(
                  rule,
                  values.map((line) => line.value.value as number),
                )
              : aggregate(
                  rule,
                  values.map((line) => line.value.value as (typeof qualitativeScale)[number]),
                );
          expect(valueAt(grids, key, field)?.value ?? null).toEqual(expected);
        }
      }),
      RUNS,
    );
  }, 120_000);

  it('untouched extracts of every recipient change nothing', async () => {
    const files = RECIPIENTS.map((name) => ({ file: `${name}.xlsx`, grids: extracts.get(name)! }));
    const { report } = await merged(masterBytes, files);
    expect(report).toMatchObject({ applied: [], conflicts: [], rejected: [], written: false });
  });

  it('an extract holds nothing of another recipient’s values, but the recipient’s own', async () => {
    const files = returnedFiles([
      { recipient: 'Centre social', cell: 3, value: 1 },
      { recipient: 'Mairie de Marlhes', cell: 5, value: 2 },
      { recipient: 'Centre social', cell: 1, value: 3 },
    ]);
    const after = await merged(masterBytes, files);
    expect(after.report.applied.length).toBeGreaterThan(0);
    const social = await extractOf(after.bytes, 'Centre social');
    const mairie = await extractOf(after.bytes, 'Mairie de Marlhes');
    const value = (grids: WorkbookGrids, key: string, header: string) => valueAt(grids, key, header)?.value ?? null;
    const socialValue = value(files[0].grids, 'G1-QN1', '2026-T3');
    expect(value(social, 'G1-QN1', '2026-T3')).toEqual(socialValue);
    expect(value(mairie, 'G1-QN1', '2026-T3')).toBeNull();
    expect(value(mairie, 'G1', 'Mise en œuvre')).toBeNull();
    expect(value(social, 'G1-QL1', '2026-T3')).toBeNull();
    expect(value(mairie, 'G1-QL1', '2026-T3')).toEqual(value(files[1].grids, 'G1-QL1', '2026-T3'));
  }, 30_000);
});

describe('whose rows a returned file may change', () => {
  const master = (): WorkbookGrids => gridsOf(masterBytes);

  it('rejects a row the extract was not sent, when it carries a value, and takes the rest', async () => {
    const social = typeInto(extracts.get('Centre social')!, [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
    // S13's row copied in from the master, with a value typed: Centre social was never sent it.
    const copied = sheet(master(), 'Axe 13').rows.find((row) => row?.[0]?.value === 'S13')!;
    const axis = sheet(social, 'Axe 1');
    axis.rows.push([...copied]);
    const at = axis.rows.length - 1;
    const status = sheet(master(), 'Axe 1').rows[2].findIndex((cell) => cell?.value === 'Statut');
    axis.rows[at][status] = { value: 'Réalisée' };
    const { report } = await merged(masterBytes, [{ file: 'social.xlsx', grids: social }], { prefer: undefined });
    expect(report.applied.map((change) => `${change.key} ${change.column}`)).toEqual(['G1 Statut']);
    expect(report.rejected.map(({ issue }) => `${issue.code} ${issue.rowKey}`)).toEqual(['merge-row-not-sent S13']);
  });

  it('without an extract, takes only the rows of the fiches that go to the partner', async () => {
    const copy = typeInto(master(), [
      { key: 'G2', header: 'Statut', value: 'En cours' },
      { key: 'S13', header: 'Statut', value: 'Réalisée' },
    ]);
    const { report } = await merged(masterBytes, [{ file: 'copie.xlsx', grids: copy }], {
      partner: 'Centre social',
      prefer: undefined,
    });
    expect(report.applied.map((change) => `${change.key} ${change.column}`)).toEqual(['G2 Statut']);
    expect(report.rejected.map(({ issue }) => `${issue.code} ${issue.rowKey}`)).toEqual(['merge-row-not-partner S13']);
  });

  it('rejects a value typed in a column its row does not use, and says when a --take took nothing', async () => {
    const social = typeInto(extracts.get('Centre social')!, []);
    const axis = sheet(social, 'Axe 1');
    const header = axis.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const quarter = axis.rows[header].findIndex((cell) => cell?.value === '2026-T2');
    const fiche = axis.rows.findIndex((row) => row?.[0]?.value === 'G1');
    axis.rows[fiche][quarter] = { value: 12 };
    const { report } = await merged(masterBytes, [{ file: 'social.xlsx', grids: social }], {
      prefer: undefined,
      take: ['G99:Statut'],
    });
    expect(report.applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => `${issue.code} ${issue.rowKey}`)).toEqual(['merge-cell-not-used G1']);
    expect(report.notes.map(({ issue }) => `${issue.code} ${String(issue.params.take)}`)).toEqual([
      'merge-take-unused G99:Statut',
    ]);
  });

  it('rejects a row a partner added without a key, rather than dropping its values', async () => {
    const social = typeInto(extracts.get('Centre social')!, []);
    const axis = sheet(social, 'Axe 1');
    const header = axis.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const status = axis.rows[header].findIndex((cell) => cell?.value === 'Statut');
    const added: (GridCell | null)[] = [];
    added[status] = { value: 'En cours' };
    axis.rows.push(added);
    const { report } = await merged(masterBytes, [{ file: 'social.xlsx', grids: social }], { prefer: undefined });
    expect(report.applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => `${issue.code} ${issue.sheet}!${issue.cell}`)).toEqual([
      `merge-row-without-key Axe 1!A${axis.rows.length}`,
    ]);
  });

  it('reads a key typed in lower case as the key', async () => {
    const social = typeInto(extracts.get('Centre social')!, [{ key: 'G1-QN1', header: '2026-T2', value: 7 }]);
    const row = sheet(social, 'Axe 1').rows.find((cells) => cells?.[0]?.value === 'G1-QN1')!;
    row[0] = { value: 'g1-qn1' };
    const { report } = await merged(masterBytes, [{ file: 'social.xlsx', grids: social }], { prefer: undefined });
    expect(report.applied.map((change) => `${change.key} ${change.column} ${String(change.new.value)}`)).toEqual([
      'G1-QN1 2026-T2 7',
    ]);
  });
});
