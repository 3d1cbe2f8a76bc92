import { placeKeptCells, type KeptCell, type PlacedCell, type SpecTable } from '../layout/kept-cells';
import type { SheetSpec } from '../layout/workbook-spec';

/** The trimmed header of added column `added` of `sheet`, as read (its kept header cell); '' without one. */
function addedHeader(kept: readonly KeptCell[], sheet: string, added: number): string {
  const header = kept.find(
    (one) =>
      one.sheet === sheet && one.place.kind === 'tableRow' && one.place.identity === null && one.place.added === added,
  );
  const value = header?.cell.formula ? null : header?.cell.value;
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * A value of a person's added column on a row the regeneration moves to another axis sheet (its fiche moved):
 * when that sheet has an added column with the same header, the value goes there, on the row, as it would have,
 * typed there. A formula stays refused (its references name the sheet it was read in), and so does a value whose
 * column the other sheet lacks or whose cell there is taken. Returns where it went, or null.
 */
export function placeOnMovedRow(
  kept: readonly KeptCell[],
  one: KeptCell,
  target: { sheet: SheetSpec; table: SpecTable },
): PlacedCell | null {
  if (one.place.kind !== 'tableRow' || one.place.identity === null || one.cell.formula) return null;
  const header = addedHeader(kept, one.sheet, one.place.added);
  if (header === '') return null;
  const column = kept.find(
    (other) =>
      other.sheet === target.sheet.name &&
      other.place.kind === 'tableRow' &&
      other.place.identity === null &&
      addedHeader(kept, other.sheet, other.place.added) === header,
  );
  if (column?.place.kind !== 'tableRow') return null;
  const moved: KeptCell = { ...one, place: { ...one.place, added: column.place.added } };
  const outcome = placeKeptCells(target.sheet, [moved], target.table);
  const placed = outcome.placed[0];
  // Placed in the other sheet: said so, for a person's formulas that name this cell to follow it there.
  return placed ? { ...placed, kept: { ...one, sheet: target.sheet.name } } : null;
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
