import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockAt, restoreClock } from './clock';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';
import { generateAheadOfConvention } from './workbook-ahead-of-convention';

/**
 * `close-quarter` run twice on 6 December 2026 (the first closing 2026-T4 before its end for a mid-December COPIL,
 * the second by mistake): the second would close 2027-T1, which has not begun, and « Historique » would keep today's
 * fiche states as 2027-T1's, read by the 2027 bilan. It is refused, the workbook untouched, with what to do.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-close-not-begun-'));
const suivi = join(folder, 'suivi.xlsx');

const sheet = (name: string) => fileGrids(suivi).sheets.find((grid) => grid.name === name)!;
const currentQuarter = () => sheet('Paramètres').rows[8][1]?.value;
const closedQuarters = () =>
  new Set(
    sheet('Historique')
      .rows.slice(1)
      .map((row) => row[0]?.value),
  );

describe('close-quarter-not-begun', () => {
  beforeAll(() => clockAt(new Date('2026-12-06T10:00:00Z')));
  afterAll(restoreClock);

  it('closes the quarter of today, then refuses to close the next one, which has not begun', async () => {
    expect((await runCli(['generate', '-o', suivi])).code).toBe(0);
    expect((await runCli(['close-quarter', suivi])).code).toBe(0);
    expect(currentQuarter()).toBe('2027-T1');
    const before = readFileSync(suivi);

    const again = await runCli(['close-quarter', suivi]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `Le trimestre en cours, 2027-T1, ne commence que le 01/01/2027${NBSP}: il ne peut pas encore être clôturé, car ` +
        `«${NBSP}Historique${NBSP}» garderait pour lui l’état des fiches d’aujourd’hui, du trimestre 2026-T4. ` +
        'Clôturez-le à partir du 01/01/2027. S’il a été avancé par erreur (une clôture de trop), remettez le trimestre ' +
        `voulu avec «${NBSP}compute --quarter${NBSP}» (2026-T4 pour celui d’aujourd’hui), ou dans la cellule B9 de ` +
        `«${NBSP}Paramètres${NBSP}». Le classeur n’a pas été modifié.\n`,
    );
    expect(readFileSync(suivi).equals(before)).toBe(true);
    expect(closedQuarters()).toEqual(new Set(['2026-T4']));

    const json = JSON.parse((await runCli(['close-quarter', suivi, '--json'])).stdout);
    expect(json.written).toBe(false);
    expect(json.error.code).toBe('quarter-not-begun');
  }, 120_000);

  it('closes that quarter once it has begun', async () => {
    clockAt(new Date('2027-01-02T09:00:00Z'));
    const closing = await runCli(['close-quarter', suivi, '--json']);
    expect(closing.code).toBe(0);
    expect(JSON.parse(closing.stdout).closed).toBe('2027-T1');
    expect(closedQuarters()).toEqual(new Set(['2026-T4', '2027-T1']));
  }, 60_000);

  /**
   * Today before the convention's start (a workbook generated ahead, its Q the convention's first quarter): the refusal
   * named today's quarter, which is none of the convention's, as the one to put back. It names the convention's first
   * quarter instead, or, when Q is that quarter, says only when it can be closed.
   */
  describe('before the convention begins', () => {
    const early = join(folder, 'avant.xlsx');

    beforeAll(async () => {
      await generateAheadOfConvention(folder, early);
    }, 60_000);

    it('says the first quarter of the convention can be closed from its first day, and names no other', async () => {
      const refused = await runCli(['close-quarter', early]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `Le trimestre en cours, 2027-T3, le premier de la convention, ne commence que le 01/07/2027${NBSP}: il ne peut ` +
          `pas encore être clôturé, car «${NBSP}Historique${NBSP}» garderait pour lui l’état des fiches d’aujourd’hui, ` +
          `d’avant la convention. Clôturez-le à partir du 01/07/2027. Le classeur n’a pas été modifié.\n`,
      );
    }, 60_000);

    it('names the convention’s first quarter as the one to put back, not today’s', async () => {
      expect((await runCli(['compute', early, '--quarter', '2027-T4'])).code).toBe(0);
      const refused = await runCli(['close-quarter', early]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `Le trimestre en cours, 2027-T4, ne commence que le 01/10/2027${NBSP}: il ne peut pas encore être clôturé, car ` +
          `«${NBSP}Historique${NBSP}» garderait pour lui l’état des fiches d’aujourd’hui, d’avant la convention, dont ` +
          'le premier trimestre, 2027-T3, commence le 01/07/2027. Clôturez-le à partir du 01/10/2027. S’il a été avancé ' +
          `par erreur (une clôture de trop), remettez le trimestre voulu avec «${NBSP}compute --quarter${NBSP}» ` +
          `(2027-T3, le premier de la convention), ou dans la cellule B9 de «${NBSP}Paramètres${NBSP}». Le classeur ` +
          'n’a pas été modifié.\n',
      );
    }, 60_000);
  });
});
