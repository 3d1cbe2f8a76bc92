import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
 * Champs d'intervention and publics separated by commas in their cell, as a workbook generated from such a convention
 * before the plan reader split them holds them: each a name of the convention's vocabulary, counted under it, as the
 * plan reader reads them (src/plan-text/fiche-fields.ts); a name of the vocabulary that holds a comma stays whole.
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-list-commas-'));
const territories = join(folder, 'territoires');

beforeAll(async () => {
  const sound = await territoryBytes(pilat);
  const axis = gridsOf(sound).sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const at = (header: string) => {
    const place = locate(axis, 'G1', header)!;
    return cellAddress(place.row + 1, place.column + 1);
  };
  const edited = await editXlsx(sound, [
    {
      sheet: 'Axe 1',
      cell: at("Champ(s) d'intervention"),
      value: 'Mobilité, Numérique ; Environnement, écologie et développement durable',
    },
    { sheet: 'Axe 1', cell: at('Public(s)'), value: 'Jeunesse, Familles' },
  ]);
  mkdirSync(territories);
  writeFileSync(join(territories, 'pilat.xlsx'), edited);
}, 60_000);

beforeEach(() => clockAt(today));
afterEach(restoreClock);

it('counts a fiche in each champ and public of its cell that commas separate', async () => {
  const run = await runCli(['consolidate', territories, '-o', join(folder, 'consolidation.xlsx'), '--json']);
  const json = JSON.parse(run.stdout);
  expect(json.rejected).toEqual([]);
  expect(json.unmatched).toEqual([]);
  const names = (groups: { name: string; matched: boolean }[]) =>
    groups.filter((group) => group.matched).map((group) => group.name);
  expect(names(json.fields)).toEqual(
    expect.arrayContaining(['Mobilité', 'Numérique', 'Environnement, écologie et développement durable']),
  );
  expect(names(json.publics)).toEqual(expect.arrayContaining(['Jeunesse', 'Familles']));
});
