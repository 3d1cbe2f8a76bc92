import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * Paramètres' current quarter typed « T3 2027 », « 2027T3 » or as a date: the commands refuse it (the workbook's
 * formulas would not read it), and the message at B9 gives the quarter to type instead, as docs/WORKBOOK.md
 * promises (« Filled, expected, current quarter »): suggested, never taken.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-quarter-otherwise-'));

describe('current-quarter-written-otherwise', () => {
  beforeEach(() => clockAt(new Date('2026-08-20T10:00:00Z')));
  afterEach(restoreClock);

  async function workbookWithQuarterCell(name: string, value: string | Date): Promise<string> {
    const file = join(folder, `${name}.xlsx`);
    const numFmt = value instanceof Date ? 'dd/mm/yyyy' : '@';
    const edited = await editXlsx(await territoryBytes(pilat), [{ sheet: 'Paramètres', cell: 'B9', value, numFmt }]);
    writeFileSync(file, edited);
    return file;
  }

  const quarterCellMessages = (stdout: string): string[] =>
    JSON.parse(stdout)
      .issues.filter((issue: { sheet: string; cell: string }) => issue.sheet === 'Paramètres' && issue.cell === 'B9')
      .map((issue: { message: string }) => issue.message);

  it.each([
    ['annee-apres', 'T3 2027', '2027-T3'],
    ['sans-tiret', '2027T3', '2027-T3'],
    ['date', new Date(Date.UTC(2027, 7, 15)), '2027-T3'],
  ])(
    'validate, compute and close-quarter name the quarter to type for a B9 written %s',
    async (name, value, meant) => {
      const file = await workbookWithQuarterCell(name, value);
      const validated = await runCli(['validate', file, '--json']);
      expect(validated.code).toBe(1);
      const [message] = quarterCellMessages(validated.stdout);
      expect(message).toContain('Paramètres, cellule B9');
      expect(message).toContain(`saisissez ${meant}`);
      for (const command of ['compute', 'close-quarter']) {
        const refused = await runCli([command, file]);
        expect(refused.code).toBe(1);
        expect(refused.stdout + refused.stderr).toContain(`saisissez ${meant}`);
      }
    },
    60_000,
  );

  it('suggests no quarter the convention does not have', async () => {
    const file = await workbookWithQuarterCell('hors-convention', 'T3 2031');
    const [message] = quarterCellMessages((await runCli(['validate', file, '--json'])).stdout);
    expect(message).toContain('compris entre 2026-T1 et 2030-T4');
    expect(message).not.toContain('saisissez 2031-T3');
  }, 60_000);
});
