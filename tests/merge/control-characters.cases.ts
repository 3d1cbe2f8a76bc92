import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readXlsx } from '../../src/xlsx/reader';
import { valueAt } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A text pasted from Word into a cell keeps its manual line breaks as a vertical tab (U+000B), which Excel writes
 * `_x000B_`: XML cannot carry that character itself. Merged into the master, it must be written back escaped the same
 * way, else the master's sheet is no well-formed XML and no program opens it again.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-control-'));
const path = (name: string) => join(folder, name);

const masterGrids = () => {
  const read = readXlsx(new Uint8Array(readFileSync(path('suivi.xlsx'))));
  if (!read.ok) throw new Error(`master unreadable: ${read.error.code}`);
  return read.grids;
};

describe('a returned text holding a character XML cannot carry', () => {
  it('is written into the master escaped, which stays readable, and merging it again changes nothing', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait.xlsx'),
    );
    const typed = 'Atelier parents_x000B_Atelier enfants_x0001_';
    writeFileSync(
      path('retour.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1', header: 'Difficultés', value: typed }]),
    );
    const first = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx'), '--json']);
    expect(first.code).toBe(0);
    expect(valueAt(masterGrids(), 'G1', 'Difficultés')?.value).toBe('Atelier parents\u000bAtelier enfants\u0001');
    const validated = await runCli(['validate', path('suivi.xlsx'), '--json']);
    expect(JSON.parse(validated.stdout).error).toBeUndefined();
    const again = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: [], conflicts: [] });
  }, 60_000);
});
