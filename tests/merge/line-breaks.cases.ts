import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gridsOf } from '../xlsx-patch/helpers';
import { valueAt } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A text typed or pasted on Windows carries CR LF line breaks; openpyxl and Excel write the CR as `_x000D_`. The
 * master keeps line breaks as LF: the same return merged twice must find its text unchanged.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-line-breaks-'));
const path = (name: string) => join(folder, name);

async function mergeJson(returned: string) {
  const run = await runCli(['merge', path('suivi.xlsx'), path(returned), '--json']);
  return { code: run.code, json: JSON.parse(run.stdout) };
}

describe('a returned text with Windows line breaks', () => {
  it('is taken with LF line breaks, and merging the same file again changes nothing', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait.xlsx'),
    );
    const typed = 'Ligne 1_x000D_\nLigne 2_x000D_\nLigne 3';
    writeFileSync(
      path('retour.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1', header: 'Difficultés', value: typed }]),
    );
    const first = await mergeJson('retour.xlsx');
    expect(first.json.applied).toMatchObject([{ key: 'G1', column: 'Difficultés', new: 'Ligne 1\nLigne 2\nLigne 3' }]);
    expect(first.code).toBe(0);
    const master = gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx'))));
    expect(valueAt(master, 'G1', 'Difficultés')?.value).toBe('Ligne 1\nLigne 2\nLigne 3');
    const again = await mergeJson('retour.xlsx');
    expect(again.json.conflicts).toEqual([]);
    expect(again.json.applied).toEqual([]);
    expect(again.code).toBe(0);
  }, 60_000);
});
