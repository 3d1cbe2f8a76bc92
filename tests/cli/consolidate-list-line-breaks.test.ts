import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
 * Champs d'intervention and publics typed one per line in their cell (Alt+Entrée in Excel) are as many names as
 * lines, as they are when separated by « ; »: each matched against the convention's vocabulary, none read as one
 * unknown name joining them.
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-list-line-breaks-'));
const territories = join(folder, 'territoires');

beforeAll(async () => {
  const sound = await territoryBytes(pilat);
  const axis = gridsOf(sound).sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const at = (header: string) => {
    const place = locate(axis, 'G1', header)!;
    return cellAddress(place.row + 1, place.column + 1);
  };
  const edited = await editXlsx(sound, [
    { sheet: 'Axe 1', cell: at("Champ(s) d'intervention"), value: 'Mobilité\nSanté et bien-être' },
    { sheet: 'Axe 1', cell: at('Public(s)'), value: 'Jeunesse\r\nFamilles ; Adultes' },
  ]);
  mkdirSync(territories);
  writeFileSync(join(territories, 'pilat.xlsx'), edited);
}, 60_000);

beforeEach(() => clockAt(today));
afterEach(restoreClock);

it('counts a fiche in each champ and public of its cell, one per line', async () => {
  const output = join(folder, 'consolidation.xlsx');
  const run = await runCli(['consolidate', territories, '-o', output, '--json']);
  const json = JSON.parse(run.stdout);
  expect(json.rejected).toEqual([]);
  expect(json.unmatched).toEqual([]);
  const names = (groups: { name: string; matched: boolean; counts: { fiches: number } }[]) =>
    groups.filter((group) => group.matched).map((group) => group.name);
  expect(names(json.fields)).toEqual(expect.arrayContaining(['Mobilité', 'Santé et bien-être']));
  expect(names(json.publics)).toEqual(expect.arrayContaining(['Jeunesse', 'Familles', 'Adultes']));
  const mobility = json.fields.find((field: { name: string }) => field.name === 'Mobilité');
  expect(mobility.counts.fiches).toBe(1);

  const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find(
    (candidate) => candidate.name === 'Champs d’intervention',
  )!;
  const firstCells = sheet.rows.map((row) => row?.[0]?.value);
  expect(firstCells).toContain('Mobilité');
  expect(firstCells).toContain('Santé et bien-être');
  expect(firstCells.filter((value) => typeof value === 'string' && value.includes('\n'))).toEqual([]);
});

it('keeps every name through a rewrite, written as the tools write a list', async () => {
  const copy = join(folder, 'copie.xlsx');
  writeFileSync(copy, readFileSync(join(territories, 'pilat.xlsx')));
  expect((await runCli(['compute', copy])).code).toBe(0);
  const axis = gridsOf(new Uint8Array(readFileSync(copy))).sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const value = (header: string) => {
    const place = locate(axis, 'G1', header)!;
    return axis.rows[place.row]?.[place.column]?.value;
  };
  expect(value("Champ(s) d'intervention")).toBe('Mobilité ; Santé et bien-être');
  expect(value('Public(s)')).toBe('Jeunesse ; Familles ; Adultes');
});
