import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallConvention } from '../plan-text/small-convention';
import { sheet, valueAt } from '../rewrite/helpers';
import { clearCells, journalOf } from './axis-row-edits';
import { fileGrids } from './file-grids';
import { runCli, type CliRun } from './run-cli';

/**
 * An officer's workbook whose fiche row had a plan cell emptied (its « Public(s) »), regenerated from its unchanged
 * plan with `generate --force`: the regeneration puts the plan's text back and says so as a cell found empty and
 * filled from the plan, not as the plan's text having changed, in its report and in the Journal.
 */

const nbsp = '\u00a0';

describe('a workbook whose fiche row had its Public(s) emptied, regenerated from its plan', () => {
  let workbook = '';
  let regenerated: CliRun;
  let summary: { changed: string[]; restored: string[] };
  let key = '';

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-regenerate-emptied-'));
    const plan = join(folder, 'convention.txt');
    workbook = join(folder, 'classeur.xlsx');
    writeFileSync(plan, smallConvention);
    expect((await runCli(['generate', '--plan', plan, '-o', workbook])).code).toBe(0);
    key = String(sheet(fileGrids(workbook), 'Axe 1').rows[3]?.[0]?.value);
    expect(valueAt(fileGrids(workbook), key, 'Public(s)')?.value).toBe('Familles');
    await clearCells(workbook, key, ['Public(s)']);
    regenerated = await runCli(['generate', '--plan', plan, '-o', workbook, '--force']);
    await clearCells(workbook, key, ['Public(s)']);
    summary = JSON.parse((await runCli(['generate', '--plan', plan, '-o', workbook, '--force', '--json'])).stdout);
  }, 120_000);

  it('says the cell filled from the plan, not the plan’s text changed', () => {
    expect(regenerated.code).toBe(0);
    expect(regenerated.stdout).not.toContain('dont le texte du plan a changé');
    expect(regenerated.stdout).toContain(
      `Cellule du plan trouvée vide, remplie depuis le plan (notée au Journal${nbsp}; valeurs saisies gardées)${nbsp}: ` +
        `${key} (Public(s)).`,
    );
    expect(summary).toMatchObject({ changed: [], restored: [key] });
  });

  it('puts the plan’s text back, journalled as the tool’s text restored', () => {
    expect(valueAt(fileGrids(workbook), key, 'Public(s)')?.value).toBe('Familles');
    expect(journalOf(workbook, key).filter(([, column]) => column === 'Public(s)')).toEqual([
      ['Texte de l’outil rétabli', 'Public(s)', 'Familles'],
      ['Texte de l’outil rétabli', 'Public(s)', 'Familles'],
    ]);
  });
});
