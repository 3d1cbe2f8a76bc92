import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGrids } from '../../src/app/validate';
import type { CellValue, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { fixedColumns, KEY_HEADER } from '../../src/layout/sheets/axis/axis-columns';
import { CTG_FORMAT_VERSION } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { readXlsx } from '../../src/xlsx/reader';

/**
 * The workbooks of tests/fixtures/format-v1 (written by the tool in format version 1) and what must hold of them
 * once rewritten in the current format: every non-empty input cell still there by row key and header, the Journal,
 * Historique and Archives kept line for line, and one Journal line saying the format was updated.
 */

export const FORMAT_V1_DIR = join(__dirname, '..', 'fixtures', 'format-v1');
export const FORMAT_V1_FILES = ['suivi-v1.xlsx', 'suivi-v1-libreoffice.xlsx'] as const;
/** The day the fixtures were made: their current quarter (2026-T4) is then today's. */
export const FIXTURE_DAY = new Date('2026-12-02T12:00:00Z');

/**
 * What the previous main's `validate` found in both fixtures on FIXTURE_DAY (no error, the incomplete quarter's
 * warnings), counted by code: reading them in the current format must find the same.
 */
export const ISSUES_OF_PREVIOUS_MAIN = { 'incomplete-current-quarter': 48 };

export const MIGRATION_SOURCE = 'Mise à jour du format';
export const MIGRATION_TEXT = `format 1 → ${CTG_FORMAT_VERSION}`;

export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FORMAT_V1_DIR, file)));
}

export function gridsOfBytes(bytes: Uint8Array): WorkbookGrids {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const textOf = (value: CellValue | undefined) => (value === null || value === undefined ? '' : String(value));

/** A sheet's rows as text, trailing empty rows dropped. */
export function rowsOf(grids: WorkbookGrids, name: string): string[][] {
  const rows = sheetOf(grids, name).rows.map((row) => (row ?? []).map((cell) => textOf(cell?.value)));
  const trimmed = rows.map((row) => {
    const copy = [...row];
    while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
  return trimmed;
}

const QUARTER_HEADER = /^\d{4}-T[1-4]$/;
const inputHeaders = new Set(fixedColumns.filter((column) => column.input).map((column) => column.header));

/** Every non-empty cell of the axis sheets' input columns, as `key | header` → value (dates as their serial). */
export function enteredCells(grids: WorkbookGrids): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const grid of grids.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name))) {
    const headerRow = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === KEY_HEADER));
    const headers = grid.rows[headerRow].map((cell) => textOf(cell?.value));
    const keyColumn = headers.indexOf(KEY_HEADER);
    for (const row of grid.rows.slice(headerRow + 1)) {
      const key = textOf(row?.[keyColumn]?.value);
      if (key === '') continue;
      headers.forEach((header, column) => {
        const value = row?.[column]?.value ?? null;
        if ((inputHeaders.has(header) || QUARTER_HEADER.test(header)) && value !== null && value !== '')
          cells.set(`${key} | ${header}`, value);
      });
    }
  }
  return cells;
}

/** Paramètres' values by their label (column A → column B). */
export function settingsValues(grids: WorkbookGrids): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const row of sheetOf(grids, 'Paramètres').rows) {
    const label = textOf(row?.[0]?.value);
    const value = row?.[1]?.value ?? null;
    if (label !== '' && value !== null && value !== '') values.set(label, value);
  }
  return values;
}

/** `_ctg`'s format version cell (B2). */
export function formatVersionCell(grids: WorkbookGrids): CellValue {
  return sheetOf(grids, '_ctg').rows[1]?.[1]?.value ?? null;
}

/** The axis each key's row is in, from the axis sheets. */
export function axisOfRows(grids: WorkbookGrids): Map<string, number> {
  const axes = new Map<string, number>();
  for (const grid of grids.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name))) {
    const axis = Number(grid.name.slice(4));
    const headerRow = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === KEY_HEADER));
    for (const row of grid.rows.slice(headerRow + 1)) {
      const key = textOf(row?.[0]?.value);
      if (key === '') break; // the table ends; the axis's rates are below it
      axes.set(key, axis);
    }
  }
  return axes;
}

/** `_ctg`'s key list (from its header row `Clé` to the first empty key) as [key, axis] pairs. */
export function storedKeyAxes(grids: WorkbookGrids): [string, string][] {
  const rows = rowsOf(grids, '_ctg');
  const header = rows.findIndex((row) => row[0] === KEY_HEADER);
  const axisColumn = rows[header].indexOf('Axe');
  const pairs: [string, string][] = [];
  for (const row of rows.slice(header + 1)) {
    if (!row[0]) break;
    pairs.push([row[0], axisColumn < 0 ? '' : (row[axisColumn] ?? '')]);
  }
  return pairs;
}

/** `_ctg`'s retired keys (below the title « Clés retirées du plan… ») as [key, axis] pairs. */
export function retiredKeyAxes(grids: WorkbookGrids): [string, string][] {
  const rows = rowsOf(grids, '_ctg');
  const title = rows.findIndex((row) => row[0]?.startsWith('Clés retirées du plan'));
  const pairs: [string, string][] = [];
  if (title < 0) return pairs;
  for (const row of rows.slice(title + 1)) {
    if (!row[0]) break;
    pairs.push([row[0], row[3] ?? '']);
  }
  return pairs;
}

/** Issue counts by code, as a user reads `validate`'s summary. */
export async function issueCounts(
  grids: WorkbookGrids,
): Promise<{ readable: boolean; counts: Record<string, number> }> {
  const report = await validateGrids(grids, { today: FIXTURE_DAY });
  const counts: Record<string, number> = {};
  for (const issue of report.issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1;
  return { readable: report.readable, counts };
}

/** The codes of the operations a format 1 Journal line's Source names. */
const OPERATION_CODE_OF_SOURCE: Record<string, string> = {
  Génération: 'génération',
  'Choix du trimestre': 'choix-trimestre',
  'Clôture du trimestre': 'clôture-trimestre',
  'Régénération depuis le plan': 'régénération',
};

/**
 * A format 1 Journal as the current format writes it: its six readable columns as they were, then the columns a
 * replay needs — the operation's code (told by Source), no field id, and each value's type: `texte` for a value (a
 * format 1 Journal held only text), `vide` for none.
 */
export function journalOfV1InV2(before: WorkbookGrids): string[][] {
  const [header, ...lines] = rowsOf(before, 'Journal');
  const typeOf = (text: string | undefined) => (text ? 'texte' : 'vide');
  return [
    [
      ...header,
      'Opération (code)',
      'Champ (id)',
      'Type ancienne valeur',
      'Type nouvelle valeur',
      'Fichier',
      'Partenaire',
    ],
    ...lines.map((line) => {
      const readable = Array.from({ length: 6 }, (_, index) => line[index] ?? '');
      return [...readable, OPERATION_CODE_OF_SOURCE[line[1]], '', typeOf(line[4]), typeOf(line[5])];
    }),
  ];
}

/**
 * The checks every rewrite of a format-1 workbook must pass: the version cell says the current version; every entered cell, every
 * Paramètres value, and every line of the Journal, Historique and Archives of before is still there (Journal,
 * Historique and Archives: the old lines first, in order); exactly one Journal line says the format was updated;
 * the key list gives each key the axis whose sheet holds its row. Returns the Journal lines the rewrite added.
 */
export function expectMigratedKeepingEverything(before: WorkbookGrids, after: WorkbookGrids): string[][] {
  expect(formatVersionCell(after)).toBe(CTG_FORMAT_VERSION);
  const added = rowsOf(after, 'Journal').slice(rowsOf(before, 'Journal').length);
  // A row the rewrite removed (generate --force from a plan without it) is journalled, its values archived.
  const removed = new Set(added.filter((line) => line[5]?.startsWith('Ligne retirée du plan')).map((line) => line[2]));
  const archived = new Set(rowsOf(after, 'Archives').map((line) => `${line[1]} | ${line[4]} | ${line[5]}`));
  const entered = enteredCells(after);
  for (const [where, value] of enteredCells(before)) {
    const [key, header] = where.split(' | ');
    if (!removed.has(key)) expect([where, entered.get(where)]).toEqual([where, value]);
    else if (QUARTER_HEADER.test(header)) expect(archived).toContain(`${key} | ${header} | ${textOf(value)}`);
  }
  const settings = settingsValues(after);
  for (const [label, value] of settingsValues(before)) {
    if (label === 'Trimestre en cours') continue; // close-quarter moves it on, and says so in the Journal
    expect([label, settings.get(label)]).toEqual([label, value]);
  }
  for (const name of ['Historique', 'Archives']) {
    const old = rowsOf(before, name);
    expect(rowsOf(after, name).slice(0, old.length)).toEqual(old);
  }
  expect(rowsOf(after, 'Journal').slice(0, rowsOf(before, 'Journal').length)).toEqual(journalOfV1InV2(before));
  expect(added.filter((line) => line[1] === MIGRATION_SOURCE)).toEqual([
    [
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      MIGRATION_SOURCE,
      '',
      '',
      '',
      MIGRATION_TEXT,
      'mise-à-jour-format',
      '',
      'vide',
      'texte',
    ],
  ]);
  const axes = axisOfRows(after);
  expect(storedKeyAxes(after)).toEqual([...axes].map(([key, axis]) => [key, String(axis)]));
  // Retired keys stay retired; a retired criterion takes its fiche's axis (G1-QN2: G1's, Axe 1).
  const retired = new Map(retiredKeyAxes(after));
  for (const [key] of retiredKeyAxes(before)) {
    const fiche = key.replace(/-Q[NL]\d+$/, '');
    expect([key, retired.get(key)]).toEqual([key, fiche === key ? expect.any(String) : String(axes.get(fiche))]);
  }
  return added;
}
