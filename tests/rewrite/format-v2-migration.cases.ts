import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { CTG_FORMAT_VERSION } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { runCli } from '../cli/run-cli';
import {
  enteredCells,
  formatVersionCell,
  gridsOfBytes,
  issueCounts,
  MIGRATION_SOURCE,
  rowsOf,
  settingsValues,
} from './format-v1';

/**
 * A workbook written in format version 2 (tests/fixtures/format-v2): its axis sheets are Excel tables with the
 * criterion rows grouped under their fiche, which a protected sheet does not let people use (docs/WORKBOOK.md,
 * « Protection »). It still validates, and its first rewrite writes the current layout — a sheet-level filter, no
 * table, no group — with every value and record kept and one Journal line saying the format was updated.
 */

const FIXTURE = join(__dirname, '..', 'fixtures', 'format-v2', 'suivi-v2.xlsx');
const workDir = mkdtempSync(join(tmpdir(), 'ctg-format-v2-'));
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

/** Per axis sheet (by name): its table parts, grouped rows and sheet-level filter, from the package. */
function axisLayout(bytes: Uint8Array): Record<string, { tables: number; grouped: number; filter: string | null }> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const layout: Record<string, { tables: number; grouped: number; filter: string | null }> = {};
  for (const match of workbook.matchAll(/<sheet\b[^>]*name="(Axe \d+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${match[2]}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)![1];
    const xml = strFromU8(files[`xl/${target}`]);
    layout[match[1]] = {
      tables: (xml.match(/<tablePart\b/g) ?? []).length,
      grouped: (xml.match(/<row\b[^>]*outlineLevel="[1-9]"/g) ?? []).length,
      filter: /<autoFilter\b[^>]*\bref="([^"]+)"/.exec(xml)?.[1] ?? null,
    };
  }
  return layout;
}

describe('suivi-v2.xlsx (format 2: axis sheets as tables, rows grouped)', () => {
  const beforeBytes = bytesOf(FIXTURE);
  const before = gridsOfBytes(beforeBytes);

  it('is what format 2 wrote: one table per axis sheet, criteria grouped, no sheet filter', () => {
    expect(formatVersionCell(before)).toBe(2);
    const layout = Object.values(axisLayout(beforeBytes));
    expect(layout.length).toBeGreaterThan(0);
    for (const sheet of layout) {
      expect(sheet.tables).toBe(1);
      expect(sheet.grouped).toBeGreaterThan(0);
      expect(sheet.filter).toBeNull();
    }
  });

  it('validates: readable, no error', async () => {
    const { readable, counts } = await issueCounts(before);
    expect(readable).toBe(true);
    expect(Object.keys(counts).filter((code) => !code.startsWith('incomplete'))).toEqual([]);
  });

  it('compute rewrites it in the current layout, keeping every value and record, with one Journal line', async () => {
    const path = join(workDir, 'compute-suivi-v2.xlsx');
    copyFileSync(FIXTURE, path);
    const run = await runCli(['compute', '--quarter', '2026-T4', path]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const afterBytes = bytesOf(path);
    const after = gridsOfBytes(afterBytes);

    expect(formatVersionCell(after)).toBe(CTG_FORMAT_VERSION);
    const layout = axisLayout(afterBytes);
    expect(Object.keys(layout)).toEqual(Object.keys(axisLayout(beforeBytes)));
    for (const [name, sheet] of Object.entries(layout)) {
      const lastRow = rowsOf(after, name).length;
      expect([name, sheet]).toEqual([
        name,
        { tables: 0, grouped: 0, filter: expect.stringMatching(`^A3:[A-Z]+${lastRow}$`) },
      ]);
    }
    expect(Object.keys(unzipSync(afterBytes)).filter((file) => file.startsWith('xl/tables/'))).toEqual([]);

    expect(enteredCells(after)).toEqual(enteredCells(before));
    expect(settingsValues(after)).toEqual(settingsValues(before));
    for (const name of ['Historique', 'Archives']) expect(rowsOf(after, name)).toEqual(rowsOf(before, name));
    const journalBefore = rowsOf(before, 'Journal');
    expect(rowsOf(after, 'Journal').slice(0, journalBefore.length)).toEqual(journalBefore);
    const added = rowsOf(after, 'Journal').slice(journalBefore.length);
    expect(added.map((line) => [line[1], line[5]])).toEqual([[MIGRATION_SOURCE, `format 2 → ${CTG_FORMAT_VERSION}`]]);
    expect(await issueCounts(after)).toEqual(await issueCounts(before));
  }, 120_000);

  it('with the six-column Journal format 2 first wrote (before G–L): validates, and compute keeps every line', async () => {
    // The tools wrote format 2 with the Journal's A–F only, every value as text, before its columns G–L came.
    const path = join(workDir, 'suivi-v2-journal-a-f.xlsx');
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(FIXTURE);
    const journal = edited.getWorksheet('Journal')!;
    journal.spliceColumns(7, 6);
    journal.eachRow((row) => row.eachCell((cell) => (cell.value = String(cell.value))));
    await edited.xlsx.writeFile(path);
    const sixColumns = gridsOfBytes(bytesOf(path));
    expect(rowsOf(sixColumns, 'Journal')[0]).toEqual(rowsOf(before, 'Journal')[0].slice(0, 6));

    expect((await issueCounts(sixColumns)).counts).toEqual((await issueCounts(before)).counts);
    const run = await runCli(['compute', '--quarter', '2026-T4', path]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = gridsOfBytes(bytesOf(path));
    const journalBefore = rowsOf(sixColumns, 'Journal');
    expect(
      rowsOf(after, 'Journal')
        .slice(0, journalBefore.length)
        .map((line) => line.slice(0, 6)),
    ).toEqual(journalBefore);
  }, 120_000);
});
