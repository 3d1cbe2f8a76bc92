import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellAddress } from '../../src/layout/a1';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { locate } from '../rewrite/helpers';
import { gridsOf } from '../xlsx-patch/helpers';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * A text that reads like one of the package's escapes (`_x0041_` stands for « A » in a cell's XML) but was typed as
 * such: Excel writes it `_x005F_x0041_`. The consolidation shows it as typed, in Excel too, not as « A ».
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-escaped-texts-'));

describe('consolidate-escaped-texts', () => {
  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  it('writes a territory’s name and a public that look like escapes as they were typed', async () => {
    const sound = await territoryBytes(pilat);
    const axis = gridsOf(sound).sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const publicCell = locate(axis, 'G1', 'Public(s)')!;
    // The bytes Excel writes for the texts « Pays _x0041_ Nord » and « Jeunes _x005F_ ».
    const typed = await editXlsx(sound, [
      { sheet: 'Paramètres', cell: 'B3', value: 'Pays _x005F_x0041_ Nord' },
      { sheet: 'Axe 1', cell: cellAddress(publicCell.row + 1, publicCell.column + 1), value: 'Jeunes _x005F_x005F_' },
    ]);
    const territory = join(folder, 'pays.xlsx');
    writeFileSync(territory, typed);
    const output = join(folder, 'consolidation.xlsx');

    const run = await runCli(['consolidate', territory, '-o', output, '--json']);

    const json = JSON.parse(run.stdout);
    expect(json.territories.map((measured: { name: string }) => measured.name)).toEqual(['Pays _x0041_ Nord']);
    const sheets = gridsOf(new Uint8Array(readFileSync(output))).sheets;
    const firstCells = (name: string) =>
      sheets.find((sheet) => sheet.name === name)!.rows.map((row) => row?.[0]?.value ?? null);
    expect(firstCells('Territoires')).toContain('Pays _x0041_ Nord');
    expect(firstCells('Territoires')).not.toContain('Pays A Nord');
    expect(firstCells('Publics')).toContain('Jeunes _x005F_');
  }, 60_000);
});
