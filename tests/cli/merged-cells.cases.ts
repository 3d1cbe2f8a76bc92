import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellAddress } from '../../src/layout/a1';
import { samplePlan } from '../layout/helpers/sample-plan';
import { locate, sheet, valueAt } from '../rewrite/helpers';
import { filledWorkbook, gridsOf, withMergedCells } from '../xlsx-patch/helpers';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { runCli } from './run-cli';

/**
 * Cells a person merged in an axis sheet of the master (Excel's « Fusionner et centrer »): the sheet shows the first
 * cell over the range, every reader reads each cell. `validate` names the range; every rewrite is refused, nothing
 * written, while it hides what the table reads or writes (a partner's merge would otherwise write a value where no
 * one sees it). A range over grey cells only is a warning: a patched rewrite keeps it, one that writes the workbook
 * whole unmerges it, and nothing is lost either way.
 */

const today = new Date('2026-08-10T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-merged-cells-'));
/** A report as read, its typography's no-break spaces as spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

let masterBytes: Uint8Array;

/** The address of row `key`'s cell under `header` in `Axe 1` of the master. */
function addressOf(key: string, header: string): string {
  const at = locate(sheet(gridsOf(masterBytes), 'Axe 1'), key, header)!;
  return cellAddress(at.row + 1, at.column + 1);
}

/** `first:last` of row `key`, from `first`'s column to `last`'s. */
const across = (key: string, first: string, last: string) => `${addressOf(key, first)}:${addressOf(key, last)}`;

/** The master, with `edits` typed then `ranges` of `Axe 1` merged, as a file of its own. */
async function masterWith(name: string, ranges: string[], edits: { cell: string; value: number }[] = []) {
  const typed =
    edits.length === 0
      ? masterBytes
      : await editXlsx(
          masterBytes,
          edits.map((e) => ({ sheet: 'Axe 1', ...e })),
        );
  const file = join(folder, name);
  writeFileSync(file, withMergedCells(typed, 'Axe 1', ranges));
  return file;
}

beforeAll(async () => {
  // G1-QN1's 2026-T1 holds 12.
  masterBytes = await filledWorkbook(samplePlan(), [{ key: 'G1-QN1', header: '2026-T1', value: 12 }], today);
}, 60_000);

describe('cells merged in an axis sheet of the master', () => {
  it('validate names two merged quarters at the first, and says the second, hidden, reads empty', async () => {
    const range = across('G1-QN1', '2026-T1', '2026-T2');
    const [first, hidden] = range.split(':');
    const file = await masterWith('quarters.xlsx', [range]);

    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(plain(run.stdout)).toContain(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées, et ${hidden} (colonne « 2026-T2 »), ` +
        'masquée par la fusion, est lue vide et ne peut pas être remplie. La valeur « 12 », affichée sur toute la ' +
        `plage, n’est lue que dans ${first} (colonne « 2026-T1 »).`,
    );
    const json = JSON.parse((await runCli(['validate', file, '--json'])).stdout);
    expect(json.issues.filter((issue: { code: string }) => issue.code.startsWith('merged-'))).toEqual([
      expect.objectContaining({
        code: 'merged-cells',
        severity: 'error',
        sheet: 'Axe 1',
        cell: first,
        rowKey: 'G1-QN1',
      }),
    ]);
  }, 60_000);

  it('validate quotes a value kept hidden under the merge, which the rates count', async () => {
    const range = across('G1-QN1', '2026-T1', '2026-T2');
    const file = await masterWith('hidden-value.xlsx', [range], [{ cell: range.split(':')[1], value: 15 }]);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(plain(run.stdout)).toContain(
      `masquée par la fusion, contient « 15 » : l’outil lit cette valeur, que personne ne voit.`,
    );
  }, 60_000);

  it('refuses compute, naming the range, and leaves the file as it was byte for byte', async () => {
    const range = across('G1-QN1', '2026-T1', '2026-T2');
    const file = await masterWith('compute.xlsx', [range], [{ cell: range.split(':')[1], value: 15 }]);
    const before = readFileSync(file);
    const run = await runCli(['compute', file]);
    expect(run.code).toBe(1);
    expect(plain(run.stdout + run.stderr)).toContain(`les cellules ${range} sont fusionnées`);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('refuses a bilan, whose figures would count the hidden value, as compute is refused', async () => {
    const range = across('G1-QN1', '2026-T1', '2026-T2');
    const file = await masterWith('bilan.xlsx', [range], [{ cell: range.split(':')[1], value: 15 }]);
    const run = await runCli(['bilan', file, '--kind', 'annuel', '--year', '2026']);
    expect(run.code).toBe(1);
    expect(plain(run.stdout + run.stderr)).toContain(`les cellules ${range} sont fusionnées`);
  }, 60_000);

  it('refuses a partner’s merge that would write a value under the merged range, where no one would see it', async () => {
    const range = across('G1-QN1', '2026-T1', '2026-T2');
    const master = await masterWith('maitre.xlsx', [range]);
    const before = readFileSync(master);
    // The partner's copy, unmerged, fills 2026-T2.
    const returned = join(folder, 'retour.xlsx');
    writeFileSync(returned, await editXlsx(masterBytes, [{ sheet: 'Axe 1', cell: range.split(':')[1], value: 15 }]));

    const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
    expect(run.code).not.toBe(0);
    expect(plain(run.stdout + run.stderr)).toContain(`les cellules ${range} sont fusionnées`);
    expect(readFileSync(master).equals(before)).toBe(true);
  }, 60_000);

  it('only warns of grey cells merged with a fiche’s field; compute then keeps the range and every value', async () => {
    const range = across('G1', 'Mis à jour par (structure)', 'Unité');
    const file = await masterWith('grey.xlsx', [range]);
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(0);
    expect(plain(validate.stdout)).toContain(
      `les cellules ${range} sont fusionnées ; celles que la fusion masque sont vides et leur ligne ne les utilise pas`,
    );

    const compute = await runCli(['compute', file]);
    expect(compute.code).toBe(0);
    const after = gridsOf(new Uint8Array(readFileSync(file)));
    expect(sheet(after, 'Axe 1').mergedRanges).toEqual([range]);
    expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(12);
  }, 60_000);

  it('a rewrite that writes the workbook whole unmerges grey cells, as the warning says, and loses nothing', async () => {
    const range = across('G1', 'Mis à jour par (structure)', 'Unité');
    const typed = await editXlsx(masterBytes, [{ sheet: 'Guide', cell: 'A1', value: 'Mon guide' }]);
    const file = join(folder, 'rebuilt.xlsx');
    writeFileSync(file, withMergedCells(typed, 'Axe 1', [range]));

    const compute = await runCli(['compute', file]);
    expect(compute.code).toBe(0);
    expect(plain(compute.stdout)).toContain('Mon guide');
    const after = gridsOf(new Uint8Array(readFileSync(file)));
    expect(sheet(after, 'Axe 1').mergedRanges).toBeUndefined();
    expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(12);
  }, 60_000);
});
