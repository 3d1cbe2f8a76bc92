import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * `validate` says what refuses a rewrite before one is tried: a line of a record sheet (Contributions, Historique,
 * Archives) that the tools cannot read back refuses `compute`, so `validate` names it too, at its cell, exit 1.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-validate-records-'));

describe('ctg-suivi validate and the record sheets', () => {
  it('names a note typed under the Contributions lines as the error that refuses compute', async () => {
    const workbook = join(workDir, 'suivi.xlsx');
    expect((await runCli(['generate', '-o', workbook])).code).toBe(0);
    // The officer unprotected the sheet and typed a note under its lines.
    await typeWithExcel(workbook, [{ sheet: 'Contributions', cell: 'A4', value: 'à vérifier avec le Colibri' }]);

    const compute = await runCli(['compute', workbook]);
    expect(compute.code).toBe(1);
    expect(compute.stdout + compute.stderr).toContain('Contributions, cellule C4');

    const before = readFileSync(workbook);
    const validate = await runCli(['validate', workbook]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/\b1 erreur\b/);
    expect(validate.stdout).toContain('Contributions, cellule C4\u00a0: «\u00a0Partenaire\u00a0» est vide');
    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.errors).toBe(1);
    expect(json.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'contribution-row-invalid', sheet: 'Contributions', cell: 'C4' }),
    ]);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 60_000);
});
