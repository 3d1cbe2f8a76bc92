import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * `close-quarter` on the convention's last quarter: there is no next quarter, and nothing in the workbook to
 * correct. The user is told so once, not that the workbook has an error to correct first, and --json names the
 * refusal by its own code rather than `workbook-has-errors`.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-close-last-'));
const suivi = join(folder, 'suivi.xlsx');
const refusal =
  `Le trimestre 2030-T4 est le dernier de la convention${NBSP}: il n’y a pas de trimestre suivant. ` +
  'Le classeur n’a pas été modifié.';

describe('close-last-quarter', () => {
  beforeAll(async () => {
    clockAt(new Date('2030-11-20T10:00:00Z'));
    expect((await runCli(['generate', '-o', suivi])).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    restoreClock();
    rmSync(folder, { recursive: true, force: true });
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
