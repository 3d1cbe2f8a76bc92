import { axisField, type TrackingField } from '../../domain/axis-fields';
import type { CriterionKind } from '../../domain/plan';
import { listKey } from '../../domain/vocabulary';
import type { IncomingReading, IncomingRow, IncomingSheetNote } from '../../layout/incoming/read-incoming-rows';
import { axisColumns } from '../../layout/sheets/axis/axis-columns';
import { headerKey } from '../../layout/sheets/axis/read-axis-sheet';
import { isQuarterField, isReportedField, type MasterRow } from './master-rows';

/**
 * A table without `Clé` column in a sheet the partner added beside an extract's own axis sheets, whole with their
 * keys: a copy made to print the rows without their codes (« Impression », « Copie de Axe 2 »). Its rows are those
 * of the axis sheets, merged already; typing `Clé` back into it, as a deleted key column is to be, would give each
 * key twice. The merge names it and goes on, never taking its values (docs/WORKBOOK.md, « Merging returned rows »);
 * but a value it holds that its axis sheet does not (typed in the copy, or on a row cut from its sheet) is refused.
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
  return keyOfEachTitle([...rows].map(([key, row]) => [key, row.planTexts.get('title') ?? '']));
}

/** The key of each title of these keys' titles (null: several keys share it, and it names none of them). */
export function keyOfEachTitle(titles: Iterable<readonly [string, string]>): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  for (const [key, text] of titles) if (text !== '') keys.set(text, keys.has(text) ? null : key);
  return keys;
}

/**
 * When the keyless table of `note` is such a copy: the sheets of the file holding the rows its titles name, in
 * order (none when no title names a row the file holds). Null when it may be the extract's own table, its `Clé`
 * column deleted: a file that is no extract, a sheet named as an axis sheet, an extract whose axis sheets were not
 * all read with their keys (nor all its keys found elsewhere, a sheet renamed); or a table without header row, whose
 * rows the file's tables do not all hold (rows cut from their sheet: read-incoming-rows.ts).
 */
export function copiedAxisSheets(
  note: IncomingSheetNote,
  { extract, incoming, masterRows }: CopyContext,
): string[] | null {
  if (!extract || extract.keys.size === 0 || note.headerRowMissing === true) return null;
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
    // Only a sheet of the file: the master's may be one the extract was never sent with (a copy printed elsewhere).
    const sheet = incoming.rows.find((row) => row.key === key)?.sheet;
    if (sheet !== undefined && !sheets.includes(sheet)) sheets.push(sheet);
  }
  return sheets;
}

/** A value a copy holds that no row of the file of the same title holds under the same header. */
export interface ValueOnlyInCopy {
  /** The copy's cell. */
  cell: string;
  header: string;
  value: string;
  title: string;
  /** The first row of the file with that title, and what it holds under that header ('': empty); null when none. */
  read: { sheet: string; row: number; value: string } | null;
  /** No such row: the master's row the title names, when it names one (the row the partner cut out of its sheet). */
  named: { key: string; sheet: string } | null;
}

/**
 * The headers of the columns a partner fills, as `headerKey` gives them, quarters aside: a copy's column under one is
 * compared even when the file's axis sheets lost that column (its values are then nowhere else).
 */
const reportedHeaders = new Set(
  axisColumns([])
    .filter((column) => column.id !== 'quarter' && isReportedField(column.id))
    .map((column) => headerKey(column.header)),
);
/** A quarter's header (« 2026-T3 ») as `headerKey` gives it. */
const QUARTER_HEADER = /^\d{4}t[1-4]$/;

const textOf = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/** Whether a column's values are a list's (a list field, a qualitative criterion's quarter): read whatever their case. */
function holdsListValues(field: string, kind: CriterionKind | null): boolean {
  if (isQuarterField(field)) return kind === 'qualitative';
  return (axisField(field as TrackingField) as ReturnType<typeof axisField> | undefined)?.kind === 'list';
}

/**
 * Whether the copy's text is the value the row's cell holds: a list value as the merge reads it, its case and spaces
 * aside (`listKey`: « en cours » is « En cours »), any other text as typed.
 */
function sameValue(copied: string, held: string, field: string, kind: CriterionKind | null): boolean {
  return copied === held || (holdsListValues(field, kind) && listKey(copied) === listKey(held));
}

/**
 * The values typed in the columns the partner fills of a keyless copy (`note`, one `copiedAxisSheets` accepts, the
 * sheets it copies in `copiedSheets`) that the file's axis sheets do not hold on the row of the same `Intitulé` (or,
 * a title no row has, on the same line of those sheets): typed in the copy only, or on a row moved there from its
 * sheet. They would be lost with the copy, which is never merged: the merge refuses each.
 */
export function valuesOnlyInCopy(
  note: IncomingSheetNote,
  { incoming, masterRows }: Omit<CopyContext, 'extract'>,
  copiedSheets: readonly string[],
): ValueOnlyInCopy[] {
  const reported = new Set<string>();
  const rowsByTitle = new Map<string, IncomingRow[]>();
  for (const row of incoming.rows) {
    for (const cell of row.cells) if (isReportedField(cell.field)) reported.add(headerKey(cell.header));
    const typed = textOf(row.cells.find((cell) => cell.field === 'title')?.value);
    const planned = masterRows.get(row.key)?.planTexts.get('title') ?? '';
    for (const title of new Set([typed, planned])) {
      if (title !== '') rowsByTitle.set(title, [...(rowsByTitle.get(title) ?? []), row]);
    }
  }
  const titled = keysByTitle(masterRows);
  const found: ValueOnlyInCopy[] = [];
  for (const cell of note.cells ?? []) {
    const header = headerKey(cell.header);
    if (!reported.has(header) && !reportedHeaders.has(header) && !QUARTER_HEADER.test(header)) continue;
    // A title edited in the copy names no row: the row on the same line of the sheets it copies, as copied.
    const unknown = !rowsByTitle.has(cell.title) && !titled.has(cell.title);
    const sameLine = incoming.rows.filter((row) => row.row === cell.row && copiedSheets.includes(row.sheet));
    const rows = unknown ? sameLine : (rowsByTitle.get(cell.title) ?? []);
    const under = rows.map((row) => row.cells.find((one) => headerKey(one.header) === header));
    const held = (one: (typeof under)[number], index: number) =>
      one !== undefined &&
      sameValue(cell.text, textOf(one.value), one.field, masterRows.get(rows[index].key)?.kind ?? null);
    if (under.some(held)) continue;
    const [first] = rows;
    const key = rows.length === 0 ? (titled.get(cell.title) ?? null) : null;
    const sheet = key === null ? undefined : masterRows.get(key)?.sheet;
    found.push({
      cell: cell.address,
      header: cell.header,
      value: cell.text,
      title: cell.title,
      read: first && !unknown ? { sheet: first.sheet, row: first.row, value: textOf(under[0]?.value) } : null,
      named: key !== null && sheet !== undefined ? { key, sheet } : null,
    });
  }
  return found;
}
