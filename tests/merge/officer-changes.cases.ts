import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cellAddress } from '../../src/layout/a1';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { gridsOf } from '../xlsx-patch/helpers';
import { locate, valueAt } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { samplePlan } from '../layout/helpers/sample-plan';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * The officer changes a cell reserved to them (a criterion's Fréquence, a fiche's Partenaires) in the master after
 * the extract was sent: the partner, who did not touch it, returns the value it was sent with. That is no edit of
 * theirs: only a reserved cell the partner changed is refused.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-officer-'));
const path = (name: string) => join(folder, name);
const masterGrids = () => gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx'))));

/** Types values into the master file, as the officer does in Excel. */
async function officerTypes(edits: { key: string; header: string; value: string }[]) {
  const grids = masterGrids();
  const places = edits.map((edit) => {
    for (const grid of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
      const at = locate(grid, edit.key, edit.header);
      if (at) return { sheet: grid.name, cell: cellAddress(at.row + 1, at.column + 1), value: edit.value };
    }
    throw new Error(`no cell for ${edit.key} ${edit.header}`);
  });
  writeFileSync(path('suivi.xlsx'), await editXlsx(new Uint8Array(readFileSync(path('suivi.xlsx'))), places));
}

describe('reserved cells the officer changed since the extract', () => {
  it('are not the partner’s edits: the return merges without a refusal, the officer’s values kept', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait.xlsx'),
    );
    const frequency = valueAt(masterGrids(), 'G1-QN1', 'Fréquence')?.value;
    const changed = frequency === 'Annuelle' ? 'Semestrielle' : 'Annuelle';
    await officerTypes([
      { key: 'G1-QN1', header: 'Fréquence', value: changed },
      { key: 'G1', header: 'Partenaires', value: 'ADMR Loire' },
    ]);
    writeFileSync(
      path('retour.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN1', header: '2026-T2', value: 5 }]),
    );
    const run = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx'), '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.rejected).toEqual([]);
    expect(json.applied).toMatchObject([{ key: 'G1-QN1', column: '2026-T2', new: 5 }]);
    expect(run.code).toBe(0);
    const grids = masterGrids();
    expect(valueAt(grids, 'G1-QN1', 'Fréquence')?.value).toBe(changed);
    expect(valueAt(grids, 'G1', 'Partenaires')?.value).toBe('ADMR Loire');
  }, 60_000);

  it('a reserved cell the partner changed is refused as before', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi2.xlsx'),
      path('extrait2.xlsx'),
    );
    writeFileSync(
      path('retour2.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1', header: 'Partenaires', value: 'Quelqu’un d’autre' }]),
    );
    const run = await runCli(['merge', path('suivi2.xlsx'), path('retour2.xlsx'), '--json']);
    expect(JSON.parse(run.stdout).rejected).toMatchObject([{ key: 'G1', code: 'merge-reserved-cell' }]);
    expect(run.code).toBe(1);
  }, 60_000);

  it('a criterion’s wording amended in the plan since the extract is not the partner’s edit', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi3.xlsx'),
      path('extrait3.xlsx'),
    );
    const plan = samplePlan();
    const criterion = plan.axes.flatMap((axis) => axis.fiches).find((fiche) => fiche.key === 'G1')!.criteria[0];
    criterion.text = `${criterion.text} (reformulé)`;
    writeFileSync(path('plan-modifie.json'), JSON.stringify(plan));
    const regenerated = await runCli([
      'generate',
      '--plan',
      path('plan-modifie.json'),
      '-o',
      path('suivi3.xlsx'),
      '--force',
    ]);
    expect(regenerated.code).toBe(0);
    writeFileSync(
      path('retour3.xlsx'),
      await fillExtract(extractBytes, [{ key: criterion.key, header: '2026-T2', value: 5 }]),
    );
    const run = await runCli(['merge', path('suivi3.xlsx'), path('retour3.xlsx'), '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.rejected).toEqual([]);
    expect(json.applied).toMatchObject([{ key: criterion.key, column: '2026-T2', new: 5 }]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('a wording the partner changed is still refused', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi4.xlsx'),
      path('extrait4.xlsx'),
    );
    writeFileSync(
      path('retour4.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN1', header: 'Intitulé', value: 'Autre chose' }]),
    );
    const run = await runCli(['merge', path('suivi4.xlsx'), path('retour4.xlsx'), '--json']);
    expect(JSON.parse(run.stdout).rejected).toMatchObject([{ key: 'G1-QN1', code: 'merge-plan-cell-edited' }]);
  }, 60_000);
});
