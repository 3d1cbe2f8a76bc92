import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * `close-quarter` on the convention's last quarter: there is no next quarter, and nothing in the workbook to
 * correct. The user is told so once, not that the workbook has an error to correct first, and --json names the
 * refusal by its own code rather than `workbook-has-errors`; what comes next, the final bilan, is said with its
 * command, as it is when a closing makes that last quarter the current one.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-close-last-'));
const suivi = join(folder, 'suivi.xlsx');
const finalBilanStep = (workbook: string) =>
  `L’étape suivante est le bilan final de la convention, une fois ce trimestre fini${NBSP}: ` +
  `«${NBSP}npx ctg-suivi bilan ${workbook} --kind final${NBSP}».`;
const refusal =
  `Le trimestre 2030-T4 est le dernier de la convention${NBSP}: il n’y a pas de trimestre suivant. ` +
  `Le classeur n’a pas été modifié. ${finalBilanStep(suivi)}`;

describe('close-last-quarter', () => {
  beforeAll(async () => {
    clockAt(new Date('2030-11-20T10:00:00Z'));
    expect((await runCli(['generate', '-o', suivi])).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    restoreClock();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('closing the quarter before the last', () => {
    const before = join(folder, 'avant-dernier.xlsx');

    it('says the quarter it makes current is the last, not to be closed, and that the final bilan comes next', async () => {
      expect((await runCli(['generate', '-o', before])).code).toBe(0);
      expect((await runCli(['compute', before, '--quarter', '2030-T3'])).code).toBe(0);
      const closing = await runCli(['close-quarter', before]);
      expect(closing.code).toBe(0);
      expect(closing.stdout).toContain(
        `  Trimestre en cours${NBSP}: 2030-T4, le dernier de la convention, qui ne se clôture pas. ` +
          finalBilanStep(before),
      );
      // --json says it too, for a script.
      expect((await runCli(['compute', before, '--quarter', '2030-T3'])).code).toBe(0);
      const json = JSON.parse((await runCli(['close-quarter', before, '--json'])).stdout);
      expect(json).toMatchObject({ closed: '2030-T3', next: '2030-T4', nextIsLast: true });
    }, 60_000);

    it('says nothing of the final bilan when the quarter it makes current is not the last', async () => {
      expect((await runCli(['compute', before, '--quarter', '2030-T2'])).code).toBe(0);
      const closing = await runCli(['close-quarter', before]);
      expect(closing.code).toBe(0);
      expect(closing.stdout).toContain(`  Trimestre en cours${NBSP}: 2030-T3\n`);
      expect(closing.stdout).not.toContain('bilan');
    }, 60_000);
  });

  describe('closing the last quarter of the convention', () => {
    it('says there is no next quarter, without an error to correct, and leaves the workbook as it was', async () => {
      const before = readFileSync(suivi);
      const closing = await runCli(['close-quarter', suivi]);
      expect(closing.stderr).not.toContain('à corriger');
      expect(closing.stderr.trim()).toBe(refusal);
      expect(closing.stdout).toBe('');
      expect(closing.code).toBe(1);
      expect(readFileSync(suivi).equals(before)).toBe(true);
    }, 60_000);

    it('gives --json the refusal’s own code and message', async () => {
      const closing = await runCli(['close-quarter', suivi, '--json']);
      const document = JSON.parse(closing.stdout);
      expect(document.error).toEqual({ code: 'quarter-is-last', message: refusal, file: suivi });
      expect(document.written).toBe(false);
      expect(closing.code).toBe(1);
    }, 60_000);
  });
});
