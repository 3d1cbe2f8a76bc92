import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * A workbook saved by someone else while a command rewrites it in place (a second `ctg-suivi` run on the same file,
 * Excel saving it): the command's own result would replace what was saved meanwhile, and both would say they were
 * done. The command refuses instead, leaves the file as the other saved it, and says to run it again.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-changed-meanwhile-'));
const source = join(folder, 'source.xlsx');
let savedMeanwhile: Buffer;

const currentQuarter = (file: string) =>
  fileGrids(file).sheets.find((sheet) => sheet.name === 'Paramètres')!.rows[8][1]?.value;

beforeAll(async () => {
  await generatedWorkbook(source);
  const other = join(folder, 'autre.xlsx');
  copyFileSync(source, other);
  await typeWithExcel(other, [{ key: 'G1', header: 'Commentaire', value: 'Saisi pendant le calcul' }]);
  savedMeanwhile = readFileSync(other);
}, 60_000);

it.each([['close-quarter'], ['compute']])(
  '%s refuses to replace a workbook saved while it ran, and keeps what was saved',
  async (command) => {
    const file = join(folder, `${command}.xlsx`);
    copyFileSync(source, file);
    const quarter = currentQuarter(file);
    const run = await runCli([command, file, '--json'], { onProgress: () => writeFileSync(file, savedMeanwhile) });
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json.error.code).toBe('input-changed');
    expect(json.error.message).toBe(
      `${file} a été enregistré par un autre programme pendant que la commande le lisait et le réécrivait\u00a0: il ` +
        'n’a pas été modifié, et ce qui y a été enregistré entre-temps est gardé. Relancez la commande.',
    );
    expect(readFileSync(file).equals(savedMeanwhile)).toBe(true);
    expect(currentQuarter(file)).toBe(quarter);
    expect(existsSync(`${file}.bak`)).toBe(false);
  },
  60_000,
);

it('writes as before when nothing saved the workbook meanwhile', async () => {
  const file = join(folder, 'seul.xlsx');
  copyFileSync(source, file);
  const run = await runCli(['close-quarter', file], { onProgress: () => undefined });
  expect(run.code).toBe(0);
  expect(currentQuarter(file)).not.toBe(currentQuarter(source));
}, 60_000);
