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
 * Champs d'intervention and publics as people type them in their cell: one per line (Alt+Entrée in Excel), or
 * separated by commas (as a workbook generated from such a convention before the plan reader split them holds
 * them), are as many names as when separated by « ; »: each matched against the convention's vocabulary, none read
 * as one unknown name joining them; a name of the vocabulary that holds a comma stays whole.
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-list-cells-'));

interface Group {
  name: string;
  matched: boolean;
  counts: { fiches: number };
}

/** The consolidation of the Pilat territory whose fiche G1 holds `champs` and `publics` as typed: its --json, its file. */
async function consolidatedWith(name: string, champs: string, publics: string) {
  const sound = await territoryBytes(pilat);
  const axis = gridsOf(sound).sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const at = (header: string) => {
    const place = locate(axis, 'G1', header)!;
    return cellAddress(place.row + 1, place.column + 1);
  };
  const edited = await editXlsx(sound, [
    { sheet: 'Axe 1', cell: at("Champ(s) d'intervention"), value: champs },
    { sheet: 'Axe 1', cell: at('Public(s)'), value: publics },
  ]);
  const territories = join(folder, name);
  mkdirSync(territories);
  writeFileSync(join(territories, 'pilat.xlsx'), edited);
  const output = join(folder, `${name}.xlsx`);
  const run = await runCli(['consolidate', territories, '-o', output, '--json']);
  return { json: JSON.parse(run.stdout), output, file: join(territories, 'pilat.xlsx') };
}

const matchedNames = (groups: Group[]) => groups.filter((group) => group.matched).map((group) => group.name);

describe('consolidate-list-cells', () => {
  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  it('counts a fiche in each champ and public of its cell, one per line', async () => {
    const { json, output } = await consolidatedWith(
      'lignes',
      'Mobilité\nSanté et bien-être',
      'Jeunesse\r\nFamilles ; Adultes',
    );
    expect(json.rejected).toEqual([]);
    expect(json.unmatched).toEqual([]);
    expect(matchedNames(json.fields)).toEqual(expect.arrayContaining(['Mobilité', 'Santé et bien-être']));
    expect(matchedNames(json.publics)).toEqual(expect.arrayContaining(['Jeunesse', 'Familles', 'Adultes']));
    const mobility = json.fields.find((field: Group) => field.name === 'Mobilité');
    expect(mobility.counts.fiches).toBe(1);

    const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find(
      (candidate) => candidate.name === 'Champs d’intervention',
    )!;
    const firstCells = sheet.rows.map((row) => row?.[0]?.value);
    expect(firstCells).toContain('Mobilité');
    expect(firstCells).toContain('Santé et bien-être');
    expect(firstCells.filter((value) => typeof value === 'string' && value.includes('\n'))).toEqual([]);
  }, 60_000);

  it('counts a fiche in each champ and public of its cell that commas separate', async () => {
    const { json } = await consolidatedWith(
      'virgules',
      'Mobilité, Numérique ; Environnement, écologie et développement durable',
      'Jeunesse, Familles',
    );
    expect(json.rejected).toEqual([]);
    expect(json.unmatched).toEqual([]);
    expect(matchedNames(json.fields)).toEqual(
      expect.arrayContaining(['Mobilité', 'Numérique', 'Environnement, écologie et développement durable']),
    );
    expect(matchedNames(json.publics)).toEqual(expect.arrayContaining(['Jeunesse', 'Familles']));
  }, 60_000);

  it('matches a name holding characters no one sees, or a look-alike of a hyphen or an apostrophe, as the name one reads', async () => {
    // Copied from a web page or a word processor: a soft hyphen (U+00AD) and a zero-width space (U+200B) are invisible,
    // a non-breaking hyphen (U+2011) and a modifier apostrophe (U+02BC) look like « - » and « ’ ». Listed as outside
    // the vocabulary, the name would read exactly as the vocabulary's, and the Caf could not see what to correct.
    const { json, output } = await consolidatedWith(
      'invisibles',
      'Soutien à la paren\u00adtalité ; Culture\u200b et loisirs ; Santé et bien\u2011être ; Protection de l\u02bcenfance ; \u200b',
      'Petite en\u00adfance ; Jeu\u200bnesse',
    );
    expect(json.rejected).toEqual([]);
    expect(json.unmatched).toEqual([]);
    expect(matchedNames(json.fields)).toEqual(
      expect.arrayContaining([
        'Soutien à la parentalité',
        'Culture et loisirs',
        'Santé et bien-être',
        'Protection de l’enfance',
      ]),
    );
    expect(matchedNames(json.publics)).toEqual(expect.arrayContaining(['Petite enfance', 'Jeunesse']));
    const names = [...json.fields, ...json.publics].map((group: Group) => group.name);
    expect(names.filter((name: string) => /[\u00ad\u200b\u2011\u02bc]/.test(name) || name.trim() === '')).toEqual([]);

    const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find(
      (candidate) => candidate.name === 'Champs d’intervention',
    )!;
    const outside = sheet.rows.filter((row) => row?.[1]?.value === 'Oui').map((row) => row?.[0]?.value);
    expect(outside).toEqual([]);
  }, 60_000);

  it('keeps a name outside the vocabulary once, without the invisible characters one copy of it holds', async () => {
    const { json } = await consolidatedWith('invisibles-hors', 'Sport ; Sp\u00adort', 'Tout public');
    expect(json.unmatched.map((entry: { name: string }) => entry.name)).toEqual(['Sport', 'Tout public']);
    expect(json.fields.find((field: Group) => field.name === 'Sport').counts.fiches).toBe(1);
  }, 60_000);

  it('counts each name outside the vocabulary among the territory’s warnings, as validate counts them', async () => {
    // The Guide says a territory's warnings are those the check finds in the sheets the consolidation reads: the
    // champs and publics outside the vocabulary are among them (one warning per name), listed apart besides.
    const { json, file } = await consolidatedWith('hors-compte', 'Sport ; Mobilité', 'Tout public ; Jeunesse');
    const validated = JSON.parse((await runCli(['validate', file, '--json'])).stdout);
    const outside = validated.issues.filter(
      (issue: { code: string }) => issue.code === 'outside-convention-vocabulary',
    );
    expect(outside).toHaveLength(2);
    expect(json.territories[0].warnings).toBe(validated.warnings);
    expect(json.territories[0].errors).toBe(validated.errors);
  }, 60_000);
});
