import { axisField } from '../../domain/axis-fields';
import type { SheetGrid } from '../../domain/grid';
import { parseA1 } from '../../domain/issues';
import type { Quarter } from '../../domain/periods';
import { cellAddress } from '../a1';
import { axisColumns, type AxisColumn } from '../sheets/axis/axis-columns';
import { cellText, headerKey } from '../sheets/axis/read-axis-sheet';

/**
 * Whether the partner reports in `column` (a quarter, `Statut`, `Commentaire`…): only such a column's place is told.
 * The officer's columns (`Abandonnée en`, which a format 1 extract lacks; `Unité`, `Cible`) hold nothing of the
 * partner's to lose, and a column the partner added where one of them would stand is theirs.
 */
const isReported = (column: AxisColumn) => column.id === 'quarter' || axisField(column.id).reported === true;

/**
 * Where the missing columns of a returned table stood, when unknown headers stand there instead: between the two
 * columns of the tracking found on either side of them (in the layout's order, the file's columns not moved), as many
 * unknown headers as missing columns, taken in order. A header retyped beyond a letter or two (« T3 2026 » for
 * 2026-T3, « Commentaires du partenaire ») is still that column, whose values would otherwise be passed over as a
 * column of the partner's; only the columns the partner reports count (`isReported`). `missing`: the headers of the
 * missing columns; `unknown`: the addresses of the unknown headers on row `headerRow` (1-based). Gives, for each
 * missing header so paired, the address of its retyped header.
 */
export function retypedHeaderPlaces(
  grid: SheetGrid,
  headerRow: number,
  quarters: readonly Quarter[],
  missing: readonly string[],
  unknown: readonly string[],
): Map<string, string> {
  const cells = grid.rows[headerRow - 1] ?? [];
  const found = new Map<string, number>();
  cells.forEach((cell, index) => {
    const key = headerKey(cellText(cell));
    if (key !== '' && !found.has(key)) found.set(key, index);
  });
  const unknownColumns = unknown
    .map((address) => parseA1(address))
    .filter((at) => at !== null && at.row === headerRow)
    .map((at) => at!.column - 1)
    .sort((a, b) => a - b);
  const missingHeaders = new Set(missing);
  const places = new Map<string, string>();
  let previous = -1;
  let gap: string[] = [];
  // The table's end closes the last gap: a column missing after the last one found (« Commentaire »).
  for (const column of [...axisColumns(quarters), null]) {
    const header = column?.header ?? null;
    const index = header === null ? Number.POSITIVE_INFINITY : found.get(headerKey(header));
    if (index === undefined) {
      if (column !== null && missingHeaders.has(column.header) && isReported(column)) gap.push(column.header);
      continue;
    }
    const between = unknownColumns.filter((at) => at > previous && at < index);
    if (gap.length > 0 && index > previous && between.length === gap.length)
      gap.forEach((one, i) => places.set(one, cellAddress(headerRow, between[i] + 1)));
    gap = [];
    previous = index;
  }
  return places;
}
