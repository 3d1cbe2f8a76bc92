import type { IncomingReading, IncomingSheetNote } from '../../layout/incoming/read-incoming-rows';
import type { MasterRow } from './master-rows';

/**
 * A table without `Clé` column in a sheet the partner added beside an extract's own axis sheets, whole with their
 * keys: a copy made to print the rows without their codes (« Impression », « Copie de Axe 2 »). Its rows are those
 * of the axis sheets, merged already; typing `Clé` back into it, as a deleted key column is to be, would give each
 * key twice. The merge names it and goes on, never taking its values (docs/WORKBOOK.md, « Merging returned rows »).
 */

/** What a returned file says of itself that tells such a copy from an extract's sheet whose `Clé` was deleted. */
export interface CopyContext {
  /** The extract's key list and the axis sheets it places them on; null for a file that is no extract. */
  extract: { keys: ReadonlySet<string>; axisSheets: ReadonlySet<string> } | null;
  incoming: IncomingReading;
  /** The master's rows: their axis sheets are never a partner's copy, whatever the extract says. */
  masterRows: ReadonlyMap<string, MasterRow>;
}

const sheetKey = (name: string) => name.trim().toLocaleLowerCase('fr');

/** The master's key of each title (null: several rows share it, and it names none of them). */
export function keysByTitle(rows: ReadonlyMap<string, MasterRow>): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  for (const [key, row] of rows) {
    const text = row.planTexts.get('title') ?? '';
    if (text !== '') keys.set(text, keys.has(text) ? null : key);
  }
  return keys;
}

/**
 * When the keyless table of `note` is such a copy: the sheets of the file holding the rows its titles name, in
 * order (none when no title names a row). Null when it may be the extract's own table, its `Clé` column deleted:
 * a file that is no extract, a sheet named as an axis sheet, an extract whose axis sheets were not all read with
 * their keys (nor all its keys found elsewhere, a sheet renamed).
 */
export function copiedAxisSheets(
  note: IncomingSheetNote,
  { extract, incoming, masterRows }: CopyContext,
): string[] | null {
  if (!extract || extract.keys.size === 0) return null;
  const axisSheets = new Set(
    [...extract.axisSheets, ...[...masterRows.values()].map((row) => row.sheet)].map(sheetKey),
  );
  if (axisSheets.has(sheetKey(note.sheet))) return null;
  const read = new Set(incoming.sheets.map(sheetKey));
  const sheetsRead = extract.axisSheets.size > 0 && [...extract.axisSheets].every((sheet) => read.has(sheetKey(sheet)));
  const keysRead = new Set(incoming.rows.map((row) => row.key));
  if (!sheetsRead && ![...extract.keys].every((key) => keysRead.has(key))) return null;
  const titles = keysByTitle(masterRows);
  const sheets: string[] = [];
  for (const title of note.titles ?? []) {
    const key = titles.get(title);
    if (!key) continue;
    const sheet = incoming.rows.find((row) => row.key === key)?.sheet ?? masterRows.get(key)?.sheet;
    if (sheet !== undefined && !sheets.includes(sheet)) sheets.push(sheet);
  }
  return sheets;
}
