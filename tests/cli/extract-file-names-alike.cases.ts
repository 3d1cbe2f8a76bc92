import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readExtractMeta } from '../../src/app';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * Two recipients whose names differ only by what a file name leaves out (« MJC (Pélussin) » and « MJC Pélussin »,
 * two spellings the officer typed in two fiches' Partenaires) are two recipients: each gets its own file, never the
 * second written over the first.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-extract-alike-'));

describe('ctg-suivi extract of recipients whose file names would be alike', () => {
  it('writes one file per recipient, each holding its own recipient, with or without --force', async () => {
    const master = join(workDir, 'suivi.xlsx');
    await generatedWorkbook(master);
    await typeWithExcel(master, [
      { key: 'G1', header: 'Partenaires', value: 'MJC (Pélussin)' },
      { key: 'F2', header: 'Partenaires', value: 'MJC Pélussin' },
    ]);
    for (const force of [[], ['--force']]) {
      const folder = join(workDir, `extraits${force.length}`);
      mkdirSync(folder);
      const run = await runCli(['extract', master, '--tous-les-partenaires', '--dossier', folder, ...force, '--json']);
      expect(run.code).toBe(0);
      const { extracts } = JSON.parse(run.stdout) as { extracts: { recipient: string; file: string }[] };
      expect(extracts.map((extract) => extract.recipient)).toEqual(['MJC (Pélussin)', 'MJC Pélussin']);
      expect(new Set(extracts.map((extract) => extract.file)).size).toBe(2);
      expect(readdirSync(folder).filter((name) => name.endsWith('.bak'))).toEqual([]);
      for (const { recipient, file } of extracts) {
        expect(file).toMatch(/-mjc-pelussin(-2)?-\d{4}-T\d\.xlsx$/);
        expect(readExtractMeta(fileGrids(file))?.partner).toBe(recipient);
      }
    }
  }, 60_000);
});
