import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { runCli } from '../cli/run-cli';
import {
  expectMigratedKeepingEverything,
  fixtureBytes,
  FORMAT_V1_DIR,
  FORMAT_V1_FILES,
  gridsOfBytes,
  issueCounts,
  ISSUES_OF_PREVIOUS_MAIN,
  MIGRATION_SOURCE,
} from './format-v1';

/**
 * Workbooks written in format version 1 (tests/fixtures/format-v1): they validate as they did, and the first
 * rewrite by the command line (compute, close-quarter, generate --force) migrates them to the current version, nothing lost,
 * with one Journal line saying so.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-format-v1-'));

function copyOf(file: string, name: string): string {
  const path = join(workDir, name);
  copyFileSync(join(FORMAT_V1_DIR, file), path);
  return path;
}

const gridsOfFile = (path: string) => gridsOfBytes(new Uint8Array(readFileSync(path)));

describe.each(FORMAT_V1_FILES)('%s (format 1)', (file) => {
  const before = gridsOfBytes(fixtureBytes(file));

  it('validates as the previous version did: readable, no error, the same warnings', async () => {
    expect(await issueCounts(before)).toEqual({ readable: true, counts: ISSUES_OF_PREVIOUS_MAIN });
  });

  it('compute migrates it to the current format with one Journal line, keeping every value, line and key', async () => {
    const path = copyOf(file, `compute-${file}`);
    const run = await runCli(['compute', path]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = gridsOfFile(path);
    const added = expectMigratedKeepingEverything(before, after);
    expect(added.map((line) => line[1])).toEqual([MIGRATION_SOURCE]);
    // Read again, it is the same workbook to the validation: same issues, and no migration left to do.
    expect(await issueCounts(after)).toEqual({ readable: true, counts: ISSUES_OF_PREVIOUS_MAIN });
    expect((await runCli(['compute', path])).code).toBe(0);
    expect(expectMigratedKeepingEverything(before, gridsOfFile(path)).map((line) => line[1])).toEqual([
      MIGRATION_SOURCE,
    ]);
  }, 120_000);

  it('close-quarter migrates it first, then closes the quarter', async () => {
    const path = copyOf(file, `close-${file}`);
    const run = await runCli(['close-quarter', path]);
    expect(run.code).toBe(0);
    const added = expectMigratedKeepingEverything(before, gridsOfFile(path));
    expect(added.map((line) => line[1])).toEqual([MIGRATION_SOURCE, 'Clôture du trimestre']);
  }, 120_000);

  it('generate --force migrates it first, then regenerates it from the plan', async () => {
    const path = copyOf(file, `generate-${file}`);
    const run = await runCli(['generate', '-o', path, '--force']);
    expect(run.code).toBe(0);
    const added = expectMigratedKeepingEverything(before, gridsOfFile(path));
    expect(added[0][1]).toBe(MIGRATION_SOURCE);
    expect(added.slice(1).every((line) => line[1] === 'Régénération depuis le plan')).toBe(true);
  }, 120_000);
});

describe('a format 1 Journal', () => {
  const before = gridsOfBytes(fixtureBytes('suivi-v1.xlsx'));
  const journalOf = (grids: ReturnType<typeof gridsOfBytes>) =>
    grids.sheets.find((candidate) => candidate.name === 'Journal')!;

  it('reads as records of text values (a format 1 Journal held only text), each operation told by its Source', () => {
    const { entries: records, issues } = readJournalSheet(journalOf(before));
    expect(issues).toEqual([]);
    expect(records.length).toBeGreaterThan(1);
    for (const record of records) {
      expect(record.operation).not.toBe('unknown');
      expect(record.field).toBeNull();
      expect(['text', 'empty']).toContain(record.before.type);
      expect(['text', 'empty']).toContain(record.after.type);
    }
    expect(records[0]).toMatchObject({ operation: 'generation', after: { type: 'text', value: 'Classeur généré' } });
  });

  it('keeps a column a person added beside it, after the columns the current format adds', async () => {
    const path = join(workDir, 'remark-suivi-v1.xlsx');
    const edited = await editXlsx(fixtureBytes('suivi-v1.xlsx'), [
      { sheet: 'Journal', cell: 'G1', value: 'Remarque' },
      { sheet: 'Journal', cell: 'G3', value: 'vu en comité' },
    ]);
    writeFileSync(path, edited);
    const run = await runCli(['compute', path]);
    expect(run.code).toBe(0);
    const journal = journalOf(gridsOfFile(path));
    const header = journal.rows[0].map((cell) => cell?.value ?? null);
    const remark = header.indexOf('Remarque');
    expect(remark).toBe(12);
    expect(journal.rows[2][remark]?.value).toBe('vu en comité');
    const old = journalOf(before)
      .rows[2].slice(0, 6)
      .map((cell) => cell?.value ?? null);
    expect(journal.rows[2].slice(0, 6).map((cell) => cell?.value ?? null)).toEqual(old);
  }, 120_000);
});
