import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { restoreClock } from './clock';
import { runCli } from './run-cli';
import { generateAheadOfConvention } from './workbook-ahead-of-convention';

/**
 * A quarter chosen far ahead while the convention has not begun (a workbook made ahead of it): the warning told to
 * run again with today's quarter, which is none of the convention's and which `--quarter` refuses. It measures the
 * distance from the convention's first quarter, and names that one.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-chosen-before-convention-'));
const workbook = join(folder, 'suivi.xlsx');

describe('quarter-chosen-before-convention', () => {
  beforeAll(async () => {
    await generateAheadOfConvention(folder, workbook);
  }, 60_000);
  afterAll(restoreClock);

  it('says nothing of the quarter after the convention’s first, as of the quarter after today’s', async () => {
    const run = await runCli(['compute', workbook, '--quarter', '2027-T4', '--json']);
    expect(run.code).toBe(0);
    const codes = JSON.parse(run.stdout).notes.map((note: { code: string }) => note.code);
    expect(codes).not.toContain('quarter-chosen-ahead');
  }, 60_000);

  it('names the convention’s first quarter, not today’s, for a quarter chosen far ahead of it', async () => {
    const run = await runCli(['compute', workbook, '--quarter', '2028-T2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Note${NBSP}: le trimestre en cours choisi, 2028-T2, est loin devant le début de la convention${NBSP}: son ` +
        'premier trimestre, 2027-T3, commence le 01/07/2027. Les taux comptent comme dues les valeurs de tous les ' +
        'trimestres jusqu’à 2028-T2. Si ce choix n’est pas voulu, relancez avec --quarter 2027-T3.',
    );
  }, 60_000);
});
