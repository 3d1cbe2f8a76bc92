import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockAt, restoreClock } from './clock';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';

/**
 * A quarter closed before its end, as a user did on 5 December 2026 for a COPIL held mid-December: `close-quarter`
 * closes it but says when it ends and what the snapshot misses; the year's bilan says « en cours » until its last
 * day, and « terminée » from the next.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-close-early-'));
const suivi = join(folder, 'suivi.xlsx');

const currentQuarter = () => fileGrids(suivi).sheets.find((sheet) => sheet.name === 'Paramètres')!.rows[8][1]?.value;

describe('close-before-end', () => {
  afterEach(restoreClock);

  describe('a quarter closed before its end', () => {
    it('is closed with a note saying when it ends; the year’s bilan is in progress until then', async () => {
      clockAt(new Date('2026-12-05T10:00:00Z'));
      expect((await runCli(['generate', '-o', suivi])).code).toBe(0);
      expect(currentQuarter()).toBe('2026-T4');

      const closing = await runCli(['close-quarter', suivi]);
      expect(closing.code).toBe(0);
      expect(currentQuarter()).toBe('2027-T1');
      expect(closing.stdout).toContain(
        `Note${NBSP}: le trimestre 2026-T4 ne se termine que le 31/12/2026${NBSP}: il est clôturé avant sa fin, et le ` +
          `trimestre en cours passe déjà à 2027-T1.`,
      );
      // The way to close it again once it has ended, as a command to copy (the pane has its field).
      expect(closing.stdout).toContain(
        `remettez 2026-T4 comme trimestre en cours après cette date (${'«'}${NBSP}npx ctg-suivi compute ${suivi} --quarter ` +
          `2026-T4${NBSP}») et clôturez-le à nouveau`,
      );

      const bilan = await runCli(['bilan', suivi, '--kind', 'annuel', '--year', '2026', '--json']);
      expect(bilan.code).toBe(0);
      const document = JSON.parse(bilan.stdout);
      expect(document.period).toMatchObject({ last: '2026-T4', measuredTo: '2026-T4', state: 'current' });
      expect(document.warnings.map((warning: { code: string }) => warning.code)).toEqual(['bilan-period-not-ended']);
      const text = await runCli(['bilan', suivi, '--kind', 'annuel', '--year', '2026', '--force']);
      expect(text.stdout.split('\n')[1]).toBe(`  Période${NBSP}: 2026-T1 à 2026-T4, en cours`);
      expect(text.stdout).toContain(`Avertissement${NBSP}: période en cours${NBSP}: elle se termine le 31/12/2026`);

      clockAt(new Date('2027-01-04T09:00:00Z'));
      const later = await runCli(['bilan', suivi, '--kind', 'annuel', '--year', '2026', '--force']);
      expect(later.code).toBe(0);
      expect(later.stdout.split('\n')[1]).toBe(`  Période${NBSP}: 2026-T1 à 2026-T4, terminée`);
      expect(later.stdout).not.toContain('période en cours');
    }, 120_000);

    it('is closed without that note once it has ended', async () => {
      clockAt(new Date('2027-04-02T09:00:00Z'));
      const closing = await runCli(['close-quarter', suivi, '--json']);
      expect(closing.code).toBe(0);
      expect(JSON.parse(closing.stdout)).toMatchObject({ closed: '2027-T1', next: '2027-T2', notes: [] });
    }, 120_000);
  });
});
