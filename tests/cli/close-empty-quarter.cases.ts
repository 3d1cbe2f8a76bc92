import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockAt, restoreClock } from './clock';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';

/**
 * A quarter closed with nothing entered for it, as a user closes 2026-T4 of a workbook just generated: Historique
 * records the closing all the same, so that the year's bilan says the quarter was closed and that nothing was
 * entered, rather than that it was never closed.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-close-empty-'));
const suivi = join(folder, 'suivi.xlsx');

const cellTexts = (file: string, name: string) =>
  fileGrids(file)
    .sheets.find((sheet) => sheet.name === name)!
    .rows.slice(1)
    .map((row) => (row ?? []).map((cell) => cell?.value ?? null));

describe('close-empty-quarter', () => {
  afterEach(restoreClock);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  describe('a quarter closed with nothing entered', () => {
    it('is recorded in Historique, and the bilan says it was closed with no state entered', async () => {
      clockAt(new Date('2026-11-20T10:00:00Z'));
      expect((await runCli(['generate', '-o', suivi])).code).toBe(0);
      clockAt(new Date('2027-01-04T09:00:00Z'));
      const closing = await runCli(['close-quarter', suivi]);
      expect(closing.code).toBe(0);
      expect(closing.stdout).toContain(`Trimestre 2026-T4 clôturé dans ${suivi}${NBSP}: aucune valeur copiée`);

      expect(cellTexts(suivi, 'Historique')).toEqual([
        ['2026-T4', null, null, 'Aucune valeur saisie à la clôture', '2027-01-04T09:00:00Z'],
      ]);

      const bilan = await runCli(['bilan', suivi, '--kind', 'annuel', '--year', '2026']);
      expect(bilan.code).toBe(0);
      expect(bilan.stdout.split('\n')[1]).toBe(`  Période${NBSP}: 2026-T1 à 2026-T4, terminée`);
      expect(bilan.stdout).not.toContain('n’a pas été clôturé');
      const sentence =
        'Le trimestre 2026-T4 a été clôturé sans qu’aucun état n’y soit saisi (statut, avancement, mise en œuvre, ' +
        `difficultés, commentaire)${NBSP}: l’état des fiches à la fin de la période est vide.`;
      expect(bilan.stdout).toContain(`Avertissement${NBSP}: l${sentence.slice(1)}`);
      const page = cellTexts(
        join(folder, 'bilan-annuel-2026-communaute-de-communes-des-monts-du-pilat.xlsx'),
        'Synthèse',
      ).flat();
      expect(page).toContain(sentence);
      expect(page.filter((text) => String(text).includes('n’a pas été clôturé'))).toEqual([]);

      const json = await runCli(['bilan', suivi, '--kind', 'annuel', '--year', '2026', '--force', '--json']);
      const document = JSON.parse(json.stdout);
      expect(document.period).toMatchObject({ state: 'over', statesFrom: 'empty-closing' });
      expect(document.warnings.map((warning: { code: string }) => warning.code)).toEqual([
        'bilan-quarter-closed-empty',
      ]);
    }, 120_000);
  });
});
