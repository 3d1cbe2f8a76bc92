import { placeKeptCells, type KeptCell, type PlacedCell, type SpecTable } from '../layout/kept-cells';
import type { SheetSpec } from '../layout/workbook-spec';
import { replaceReferences } from '../layout/formula-references';
import { sheetKey } from '../layout/followed-references';

/**
 * The trimmed headers of each sheet's added columns, as read (their kept header cells; a formula heads none): found
 * once for a regeneration, which may move thousands of a person's cells.
 */
export interface AddedHeaders {
  /** The header of added column `added` of `sheet`; '' without one. */
  headerOf(sheet: string, added: number): string;
  /** The first added column of `sheet` with that header. */
  columnOf(sheet: string, header: string): number | undefined;
}

export function addedHeadersOf(kept: readonly KeptCell[]): AddedHeaders {
  const headers = new Map<string, Map<number, string>>();
  const columns = new Map<string, Map<string, number>>();
  for (const one of kept) {
    if (one.place.kind !== 'tableRow' || one.place.identity !== null) continue;
    const value = one.cell.formula ? null : one.cell.value;
    const header = value === null || value === undefined ? '' : String(value).trim();
    if (header === '') continue;
    const ofSheet = headers.get(one.sheet) ?? new Map<number, string>();
    if (!ofSheet.has(one.place.added)) ofSheet.set(one.place.added, header);
    headers.set(one.sheet, ofSheet);
    const byHeader = columns.get(one.sheet) ?? new Map<string, number>();
    if (!byHeader.has(header)) byHeader.set(header, one.place.added);
    columns.set(one.sheet, byHeader);
  }
  return {
    headerOf: (sheet, added) => headers.get(sheet)?.get(added) ?? '',
    columnOf: (sheet, header) => columns.get(sheet)?.get(header),
  };
}

/**
 * A value of a person's added column on a row the regeneration moves to another axis sheet (its fiche moved):
 * when that sheet has an added column with the same header, the value goes there, on the row, as it would have,
 * typed there. A formula stays refused (only values go into another sheet; most formulas' references name the
 * sheet they were read in, `refersToItsSheet`), and so does a value whose column the other sheet lacks or whose cell
 * there is taken. Returns where it went, or null.
 */
export function placeOnMovedRow(
  headers: AddedHeaders,
  one: KeptCell,
  target: { sheet: SheetSpec; table: SpecTable },
): PlacedCell | null {
  if (one.place.kind !== 'tableRow' || one.cell.formula) return null;
  const header = sameColumnThere(headers, one, target.sheet.name);
  const added = header === null ? undefined : headers.columnOf(target.sheet.name, header);
  if (added === undefined) return null;
  const moved: KeptCell = { ...one, place: { ...one.place, added } };
  const outcome = placeKeptCells(target.sheet, [moved], target.table);
  const placed = outcome.placed[0];
  // Placed in the other sheet: said so, for a person's formulas that name this cell to follow it there.
  return placed ? { ...placed, kept: { ...one, sheet: target.sheet.name } } : null;
}

/**
 * The header of the added column of a cell on a moved row (`one`) when the sheet its row goes to has an added column
 * so headed too; null otherwise. A formula there is refused all the same, and said so rather than the column missing.
 */
export function sameColumnThere(headers: AddedHeaders, one: KeptCell, target: string): string | null {
  if (one.place.kind !== 'tableRow' || one.place.identity === null) return null;
  const header = headers.headerOf(one.sheet, one.place.added);
  return header !== '' && headers.columnOf(target, header) !== undefined ? header : null;
}

/**
 * Whether the added column headed by `header` (a kept header cell of a sheet gone with its axis: the axes after a
 * removed one are renumbered) has values, all of which went with their rows into a column of the same header
 * (`placeOnMovedRow`): that header is then still there, and nothing of the column is lost.
 */
export function valuesAllFollowed(
  kept: readonly KeptCell[],
  header: KeptCell,
  followed: ReadonlySet<KeptCell>,
): boolean {
  if (header.place.kind !== 'tableRow') return false;
  const added = header.place.added;
  const values = kept.filter(
    (one) =>
      one.sheet === header.sheet &&
      one.place.kind === 'tableRow' &&
      one.place.identity !== null &&
      one.place.added === added,
  );
  return values.length > 0 && values.every((one) => followed.has(one));
}

/**
 * Whether a person's formula names cells of the sheet it was typed in (`B7`, `'Axe 1'!B7`), which, moved into
 * another sheet, it would take for that sheet's. One that names none (`TODAY()`, `1+1`, only other sheets' cells)
 * is refused all the same, a regeneration moving only values into another sheet, but not for that reason.
 */
export function refersToItsSheet(formula: string, sheet: string): boolean {
  let found = false;
  replaceReferences(formula, (reference) => {
    const named = reference.sheet;
    if (named === null || (named !== undefined && sheetKey(named) === sheetKey(sheet))) found = true;
    return null;
  });
  return found;
}
