import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withQuantitative } from '../plan-text/small-convention';
import { valueAt } from '../rewrite/helpers';
import { clearRow, journalOf } from './axis-row-edits';
import { fileGrids } from './file-grids';
import { runCli, type CliRun } from './run-cli';

/**
 * An officer's workbook whose criterion row was cleared, its key and Type typed back (the Intitulé left empty), then
 * regenerated from its plan's text with `generate --force`: `validate` says the command on the file checked, the
 * regeneration puts the plan's Intitulé back and says so as such (not as a plan text changed), and fills from the
 * plan the row's cells generation writes that were left empty, journalled, a value typed there kept.
 */

const nbsp = '\u00a0';
const table = ['Indicateur\tRéférence 2023\tCible 2029', 'Nombre de places ouvertes\t10\t30'];

interface Said {
  code: string;
  cell: string | null;
  rowKey: string | null;
  message: string;
}

describe('a workbook whose criterion row was cleared, regenerated from its plan', () => {
  let plan = '';
  let workbook = '';
  let checked: CliRun;
  let regenerated: CliRun;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-regenerate-cleared-'));
    plan = join(folder, 'convention.txt');
    workbook = join(folder, 'classeur.xlsx');
    writeFileSync(plan, withQuantitative(table));
    expect((await runCli(['generate', '--plan', plan, '-o', workbook])).code).toBe(0);
    expect(valueAt(fileGrids(workbook), 'I1-QN1', 'Cible')?.value).toBe(30);
    await clearRow(workbook, 'I1-QN1', { Clé: 'I1-QN1', Type: 'Quantitatif', Fréquence: 'Annuelle', '2026-T1': 4 });
    checked = await runCli(['validate', workbook, '--json']);
    regenerated = await runCli(['generate', '--plan', plan, '-o', workbook, '--force']);
  }, 120_000);

  it('is said by validate with the command on the file checked, and what the regeneration fills', () => {
    expect(checked.code).toBe(0);
    const said = (JSON.parse(checked.stdout) as { issues: Said[] }).issues.filter(
      (issue) => issue.code === 'criterion-title-empty',
    );
    expect(said.map(({ cell, rowKey }) => [cell, rowKey])).toEqual([['C8', 'I1-QN1']]);
    expect(said[0].message).toContain(
      `«${nbsp}npx ctg-suivi generate --plan convention.txt -o ${workbook} --force${nbsp}»`,
    );
    expect(said[0].message).not.toContain('suivi.xlsx');
    expect(said[0].message).toContain(
      `la régénération remplit depuis le plan sa «${nbsp}Règle d’agrégation${nbsp}» (V8), comme les cellules de la ` +
        'ligne laissées vides que la génération écrit (Fréquence, Règle d’agrégation, Unité, Référence, Cible).',
    );
  });

  it('says the Intitulé put back by the regeneration, not a plan text changed', () => {
    expect(regenerated.code).toBe(0);
    expect(regenerated.stdout).not.toContain('dont le texte du plan a changé');
    expect(regenerated.stdout).toContain(
      `Ligne dont l’intitulé, vide, a été remis depuis le plan, avec dans ses cellules laissées vides ce que la ` +
        `génération y écrit (noté au Journal${nbsp}; valeurs saisies gardées)${nbsp}: I1-QN1.`,
    );
  });

  it('fills the row’s cells left empty from the plan, journalled, and keeps what was typed there', async () => {
    const grids = fileGrids(workbook);
    const cell = (header: string) => valueAt(grids, 'I1-QN1', header)?.value ?? null;
    expect(cell('Intitulé')).toBe(`Nombre de places ouvertes (Référence 2023 : 10 ; Cible 2029 : 30)`);
    expect([cell('Référence'), cell('Cible'), cell("Règle d'agrégation")]).toEqual([10, 30, 'Somme']);
    expect([cell('Fréquence'), cell('2026-T1')]).toEqual(['Annuelle', 4]);
    expect(journalOf(workbook, 'I1-QN1')).toEqual([
      ['Texte de l’outil rétabli', 'Intitulé', cell('Intitulé')],
      ['Texte de l’outil rétabli', "Règle d'agrégation", 'Somme'],
      ['Texte de l’outil rétabli', 'Référence', 10],
      ['Texte de l’outil rétabli', 'Cible', 30],
    ]);
    const after = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout) as { issues: Said[] };
    expect(after.issues.filter((issue) => issue.rowKey === 'I1-QN1')).toEqual([]);
  }, 60_000);
});
