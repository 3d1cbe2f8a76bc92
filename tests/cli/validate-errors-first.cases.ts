import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * `validate` lists what stops the workbook before what only warns: an error of `_ctg`, the hidden sheet that comes
 * last in the workbook, is not left under dozens of warnings of the axis sheets. Each kind is listed by sheet, in
 * workbook order, and `--json` gives the issues in the same order.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-validate-errors-first-'));
const workbook = join(folder, 'suivi.xlsx');

beforeAll(async () => {
  await generatedWorkbook(workbook);
  // A value typed in `_ctg` is an error; a generated workbook has warnings in its axis sheets (values expected).
  await typeWithExcel(workbook, [{ sheet: '_ctg', cell: 'H2', value: 'à garder' }]);
}, 60_000);

it('lists the errors first, then the warnings, each by sheet in workbook order', async () => {
  const run = await runCli(['validate', workbook]);
  expect(run.code).toBe(1);
  const lines = run.stdout.split('\n');
  expect(lines[0]).toMatch(/^.*suivi\.xlsx\u00a0: 1 erreur, \d+ avertissements$/);
  expect(lines.slice(1, 5)).toEqual(['', 'Erreurs\u00a0:', '', '_ctg']);
  expect(lines[5]).toMatch(/^ {2}erreur {8}H2 {5}_ctg, cellule H2\u00a0: «\u00a0à garder\u00a0»/);
  expect(lines.slice(6, 9)).toEqual(['', 'Avertissements\u00a0:', '']);
  const severities = lines.filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(' ')[0]);
  expect(severities.indexOf('avertissement')).toBe(1);
  expect(severities.lastIndexOf('erreur')).toBe(0);
  // The warnings' sheets, each once, in workbook order.
  const sheets = lines.slice(9).filter((line) => line !== '' && !line.startsWith(' '));
  expect(sheets.length).toBeGreaterThan(1);
  expect(sheets).toEqual([...new Set(sheets)]);
  const axes = sheets.filter((sheet) => sheet.startsWith('Axe ')).map((sheet) => Number(sheet.slice(4)));
  expect(axes).toEqual([...axes].sort((a, b) => a - b));
});

it('gives the same order in --json', async () => {
  const run = await runCli(['validate', workbook, '--json']);
  const issues: { severity: string; sheet: string | null; cell: string | null }[] = JSON.parse(run.stdout).issues;
  expect(issues[0]).toMatchObject({ severity: 'error', sheet: '_ctg', cell: 'H2' });
  expect(issues.slice(1).every((issue) => issue.severity === 'warning')).toBe(true);
  const text = (await runCli(['validate', workbook])).stdout;
  const cells = text
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.slice(16, 22).trim() || null);
  expect(issues.map((issue) => issue.cell)).toEqual(cells);
});
