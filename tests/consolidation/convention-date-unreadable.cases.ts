import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFiles } from '../../src/cli/consolidate/measure-pool';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { BY_THE_TERRITORY, editedBytes, pilat, territoryBytes } from './helpers/territories';

/**
 * A convention date of « Paramètres » cleared or typed over with a text leaves the territory out (its structure):
 * the reason says what the cell holds and which date to put back, the one the workbook was made with, rather than
 * only that the date cannot be read.
 */

const today = new Date('2027-06-01T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-convention-date-'));
let bytes: Uint8Array;

async function withSettings(
  name: string,
  field: 'periodStart' | 'periodEnd',
  value: string | boolean | null,
): Promise<string> {
  const path = join(folder, name);
  const edit = (workbook: ExcelJS.Workbook) =>
    void (workbook.getWorksheet('Paramètres')!.getCell(settingsValueCell(field)).value = value);
  writeFileSync(path, await editedBytes(bytes, edit));
  return path;
}

beforeAll(async () => {
  bytes = await territoryBytes(pilat);
}, 60_000);

it('says what a convention date of « Paramètres » holds and which date to put back', async () => {
  const cleared = await withSettings('debut-vide.xlsx', 'periodStart', null);
  const typed = await withSettings('fin-texte.xlsx', 'periodEnd', 'fin 2030');
  const outcomes = await measureFiles([cleared, typed], { quarter: null, today, workers: 1 });
  const reasons = new Map(consolidate(outcomes, null).rejected.map(({ file, reason }) => [file, reason]));
  const how = 'les dates de la convention se changent dans le plan, puis en régénérant le classeur.';
  expect(reasons.get(cleared)).toBe(
    `«\u00a0Début de la convention\u00a0» est vide. Remettez-y 01/01/2026\u00a0; ${how} ` +
      `Cellule B7 de la feuille «\u00a0Paramètres\u00a0».${BY_THE_TERRITORY}`,
  );
  expect(reasons.get(typed)).toBe(
    '«\u00a0Fin de la convention\u00a0» contient le texte «\u00a0fin 2030\u00a0», pas une date. Remettez le format ' +
      `Date à la cellule, puis saisissez 31/12/2030\u00a0; ${how} Cellule B8 de la feuille «\u00a0Paramètres\u00a0».${BY_THE_TERRITORY}`,
  );
});

it('says what a convention date holds when it is neither empty nor a text, without speaking of a text', async () => {
  const ticked = await withSettings('debut-vrai.xlsx', 'periodStart', true);
  const [rejected] = consolidate(await measureFiles([ticked], { quarter: null, today, workers: 1 }), null).rejected;
  expect(rejected.reason).toBe(
    '«\u00a0Début de la convention\u00a0» contient «\u00a0VRAI\u00a0», pas une date. Saisissez-y 01/01/2026\u00a0; ' +
      'les dates de la convention se changent dans le plan, puis en régénérant le classeur. ' +
      `Cellule B7 de la feuille «\u00a0Paramètres\u00a0».${BY_THE_TERRITORY}`,
  );
});
