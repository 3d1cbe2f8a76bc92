import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gridsOf } from '../xlsx-patch/helpers';
import { cellAt, sheet } from '../rewrite/helpers';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * `_ctg` is hidden, not very hidden: a person can unhide it and type there. What is typed outside what the tools
 * write there (beside its values, below its blocks) would be dropped by the next rewrite, which writes `_ctg` again
 * whole: `validate` names each such cell, and every rewrite is refused, nothing written, until it is moved.
 */

const NBSP = '\u00a0';
const workDir = mkdtempSync(join(tmpdir(), 'ctg-compute-ctg-typed-'));
const TYPED = [
  { sheet: '_ctg', cell: 'H2', value: 'à garder' },
  { sheet: '_ctg', cell: 'F20', value: 'note' },
  { sheet: '_ctg', cell: 'A400', value: 'tout en bas' },
];
const said = (cell: string, value: string) =>
  `_ctg, cellule ${cell}${NBSP}: «${NBSP}${value}${NBSP}» a été saisi dans la feuille masquée «${NBSP}_ctg${NBSP}»`;

describe('a value typed in _ctg outside what the tools write', () => {
  it('refuses compute, naming each cell, and leaves the file as it was byte for byte; validate names them', async () => {
    const workbook = join(workDir, 'suivi.xlsx');
    await generatedWorkbook(workbook);
    await typeWithExcel(workbook, TYPED);
    const before = readFileSync(workbook);

    const compute = await runCli(['compute', workbook]);
    expect(compute.code).toBe(1);
    const output = compute.stdout + compute.stderr;
    for (const { cell, value } of TYPED) expect(output).toContain(said(cell, value));
    expect(output).toContain('Déplacez-le dans une autre feuille, puis relancez.');
    expect(readFileSync(workbook).equals(before)).toBe(true);

    const validate = await runCli(['validate', workbook, '--json']);
    expect(validate.code).toBe(1);
    const errors = JSON.parse(validate.stdout).issues.filter(
      (issue: { severity: string }) => issue.severity === 'error',
    );
    expect(errors.map((issue: { code: string; cell: string }) => [issue.code, issue.cell])).toEqual([
      ['ctg-cell-typed', 'H2'],
      ['ctg-cell-typed', 'F20'],
      ['ctg-cell-typed', 'A400'],
    ]);
    expect(readFileSync(workbook).equals(before)).toBe(true);

    // Moved to a sheet of the person's own, as the message says: compute writes, and nothing typed is lost.
    await typeWithExcel(workbook, [...TYPED.map(({ cell }) => ({ sheet: '_ctg', cell, value: null }))]);
    expect((await runCli(['compute', workbook])).code).toBe(0);
    const meta = sheet(gridsOf(new Uint8Array(readFileSync(workbook))), '_ctg');
    expect(cellAt(meta, 2, 8)?.value ?? null).toBeNull();
  }, 60_000);

  it('refuses a merge into the master, which is left as it was', async () => {
    const master = join(workDir, 'maitre.xlsx');
    const returned = join(workDir, 'retour.xlsx');
    await generatedWorkbook(master);
    copyFileSync(master, returned);
    await typeWithExcel(returned, [{ key: 'G1', header: 'Difficultés', value: 'Calendrier' }]);
    await typeWithExcel(master, [TYPED[0]]);
    const before = readFileSync(master);

    const merge = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
    expect(merge.code).not.toBe(0);
    expect(merge.stdout + merge.stderr).toContain(said('H2', 'à garder'));
    expect(readFileSync(master).equals(before)).toBe(true);
  }, 60_000);
});
