import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * `generate --force` over a tracking workbook one of whose sheets cannot be read: generate knows it is a tracking
 * workbook from its sheet list alone, so it goes to the regeneration that keeps every entered value, which refuses
 * the unreadable file; the file is left as it was. (Reading the whole file to look for `_ctg` took it for another
 * file, and wrote a new workbook over it.)
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-generate-over-damaged-'));

/** The file with the part of sheet `name` cut in the middle of its XML. */
function withSheetCut(bytes: Uint8Array, name: string): Uint8Array {
  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts['xl/workbook.xml']);
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = strFromU8(parts[part]);
  parts[part] = strToU8(xml.slice(0, Math.floor(xml.length / 2)));
  return zipSync(parts);
}

describe('ctg-suivi generate --force over a tracking workbook with a damaged sheet', () => {
  it('refuses it (exit 2, the reader’s message) and leaves the file as it was', async () => {
    const workbook = join(workDir, 'suivi.xlsx');
    await generatedWorkbook(workbook);
    const damaged = withSheetCut(new Uint8Array(readFileSync(workbook)), 'Journal');
    writeFileSync(workbook, damaged);

    const run = await runCli(['generate', '-o', workbook, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('suivi.xlsx');
    expectSameBytes(new Uint8Array(readFileSync(workbook)), damaged);
  }, 60_000);
});
