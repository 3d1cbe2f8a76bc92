import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { masterAndCcmpExtract } from '../merge/helpers/returned-extract';
import { runCli } from './run-cli';
import { typeWithExcel, type ExcelEdit } from './type-with-excel';

/**
 * A returned extract whose partner swapped two keys of column A, the titles left in place, or typed one key over
 * with another's: `validate` says what `merge` then does (`merge-key-changed`, the row refused whole), naming the
 * key to put back, and never tells to change the Intitulé, which would file each value under the other criterion.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z');

interface Said {
  code: string;
  cell: string;
  severity: string;
  message: string;
}

describe('a returned extract whose keys the partner swapped or typed over', () => {
  let folder = '';
  let master = '';
  let extractBytes: Uint8Array = new Uint8Array();
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-extract-keys-swapped-'));
    master = join(folder, 'suivi.xlsx');
    ({ extractBytes } = await masterAndCcmpExtract(generatedOn, master, join(folder, 'extrait.xlsx')));
  }, 60_000);

  /** The extract returned with a value typed in each of G1-QN1 and G1-QN2 (rows 5 and 6), then `keys` typed. */
  async function returned(name: string, keys: readonly ExcelEdit[]): Promise<string> {
    const file = join(folder, name);
    writeFileSync(file, extractBytes);
    await typeWithExcel(file, [
      { key: 'G1-QN1', header: '2026-T3', value: 7 },
      { key: 'G1-QN2', header: '2026-T3', value: 12 },
    ]);
    await typeWithExcel(file, keys);
    return file;
  }

  // Both commands exit 1 on such a file: validate found errors, merge refused rows (docs/COMMANDES.md).
  async function validated(file: string): Promise<{ said: Said[]; errors: number }> {
    const run = await runCli(['validate', file, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      issues: (Said & { rowKey: string | null })[];
      errors: number;
    };
    const said = report.issues.filter(
      (issue) => issue.rowKey?.startsWith('G1') === true && issue.code !== 'incomplete-current-quarter',
    );
    return { said, errors: report.errors };
  }

  async function merged(file: string): Promise<{ rejected: Said[]; notes: Said[] }> {
    const run = await runCli(['merge', master, file, '--dry-run', '--json']);
    expect(run.code).toBe(1);
    return JSON.parse(run.stdout) as { rejected: Said[]; notes: Said[] };
  }

  const rejected = async (file: string): Promise<Said[]> => (await merged(file)).rejected;

  it('says of two keys swapped, titles in place, what merge says: each row refused, its key to put back', async () => {
    const file = await returned('retour-cles-echangees.xlsx', [
      { sheet: 'Axe 1', cell: 'A5', value: 'G1-QN2' },
      { sheet: 'Axe 1', cell: 'A6', value: 'G1-QN1' },
    ]);
    const { said, errors } = await validated(file);
    expect(said.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
      ['merge-key-changed', 'A5', 'error'],
      ['merge-key-changed', 'A6', 'error'],
    ]);
    expect(errors).toBe(2);
    expect(said[0].message).toBe(
      'Axe 1, cellule A5\u00a0: la ligne de clé «\u00a0G1-QN2\u00a0» porte l’intitulé de «\u00a0G1-QN1\u00a0»\u00a0; la ' +
        'clé a sans doute été modifiée. Rien de cette ligne n’est repris\u00a0: remettez-lui la clé «\u00a0G1-QN1\u00a0», ' +
        'celle de son intitulé, puis fusionnez à nouveau.',
    );
    for (const issue of said) expect(issue.message).not.toMatch(/Intitulé|vient du plan/);
    const merge = await rejected(file);
    expect(merge.map(({ code, cell, message }) => ({ code, cell, message }))).toEqual(
      said.map(({ code, cell, message }) => ({ code, cell, message })),
    );
  }, 60_000);

  // The untouched row of the key now given twice is refused too, its value with it: told beforehand, as merge tells it.
  it('says of a key typed over with its neighbour’s the key to put back, and that the neighbour is refused too', async () => {
    const file = await returned('retour-cle-retapee.xlsx', [{ sheet: 'Axe 1', cell: 'A5', value: 'G1-QN2' }]);
    const { said, errors } = await validated(file);
    expect(said.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
      ['merge-key-changed', 'A5', 'error'],
      ['merge-duplicate-key', 'A6', 'error'],
    ]);
    expect(errors).toBe(2);
    expect(said[0].message).toContain('remettez-lui la clé «\u00a0G1-QN1\u00a0»');
    expect(said[1].message).toBe(
      'Axe 1, cellule A6\u00a0: la clé «\u00a0G1-QN2\u00a0» apparaît sur 2 lignes du fichier\u00a0; aucune n’est ' +
        'reprise. La ligne de la cellule A5 porte l’intitulé de «\u00a0G1-QN1\u00a0»\u00a0: sa clé a sans doute été ' +
        'retapée\u00a0; remettez-lui «\u00a0G1-QN1\u00a0» (ne supprimez aucune de ces lignes), puis fusionnez à nouveau.',
    );
    // The merge refuses both rows of the key repeated, with the same words: A5 as a key changed only, its one fix.
    const merge = await rejected(file);
    expect(merge.filter(({ cell }) => cell === 'A5').map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'merge-key-changed', message: said[0].message },
    ]);
    expect(merge.filter(({ cell }) => cell === 'A6').map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'merge-duplicate-key', message: said[1].message },
    ]);
  }, 60_000);

  // G1-QN2's row is still in the file, its key typed over: no note tells to ask the partner to put it back, and the
  // row typed over is told once, its key to give back, as validate tells it; the other row of G1-QL1 is still refused.
  it('says of a key typed over with another criterion’s only what merge says: no row gone, one fix per row', async () => {
    const file = await returned('retour-cle-retapee-autre.xlsx', [{ sheet: 'Axe 1', cell: 'A6', value: 'G1-QL1' }]);
    const { said, errors } = await validated(file);
    expect(said.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
      ['merge-key-changed', 'A6', 'error'],
      ['merge-duplicate-key', 'A7', 'error'],
    ]);
    expect(errors).toBe(2);
    expect(said[0].message).toContain('remettez-lui la clé «\u00a0G1-QN2\u00a0»');
    const merge = await merged(file);
    expect(merge.notes.map(({ code }) => code)).not.toContain('merge-sent-rows-missing');
    const g1 = merge.rejected.filter(({ cell }) => cell === 'A6' || cell === 'A7');
    expect(g1.map(({ code, cell, message }) => ({ code, cell, message }))).toEqual(
      said.map(({ code, cell, message }) => ({ code, cell, message })),
    );
  }, 60_000);

  // Two rows typed over to the key of a third criterion, G1-QL1: three rows give it. Each row typed over is refused at
  // its cell with its key to put back, the row of G1-QL1 too (its key repeated), nothing taken under G1-QL1; validate
  // of the extract says it as merge does.
  it('refuses two rows typed over to a third criterion’s key, each at its cell, as merge does', async () => {
    const file = await returned('retour-deux-cles-retapees.xlsx', [
      { sheet: 'Axe 1', cell: 'A5', value: 'G1-QL1' },
      { sheet: 'Axe 1', cell: 'A6', value: 'G1-QL1' },
    ]);
    const { said, errors } = await validated(file);
    expect(said.map(({ code, cell, severity }) => [code, cell, severity])).toEqual([
      ['merge-key-changed', 'A5', 'error'],
      ['merge-key-changed', 'A6', 'error'],
      ['merge-duplicate-key', 'A7', 'error'],
    ]);
    expect(errors).toBe(3);
    expect(said[0].message).toContain('remettez-lui la clé «\u00a0G1-QN1\u00a0»');
    expect(said[1].message).toContain('remettez-lui la clé «\u00a0G1-QN2\u00a0»');
    const run = await runCli(['merge', master, file, '--dry-run', '--json']);
    const merge = JSON.parse(run.stdout) as {
      rejected: Said[];
      notes: Said[];
      applied: unknown[];
      contributed: unknown[];
    };
    expect(merge.rejected.map(({ code, cell, message }) => ({ code, cell, message }))).toEqual(
      said.map(({ code, cell, message }) => ({ code, cell, message })),
    );
    expect(merge.notes.map(({ code }) => code)).not.toContain('merge-sent-rows-missing');
    // Nothing taken under any key: G1-QN1's 7 and G1-QN2's 12 are not filed under G1-QL1, nor anywhere else.
    expect([merge.applied, merge.contributed]).toEqual([[], []]);
  }, 60_000);
});
