import { gridCell, type GridCell, type SheetGrid } from '../domain/grid';
import { cellAddress } from './a1';
import { isFilled, readRowsByPlace } from './kept-cells';
import { sameWords } from './same-words';
import type { SheetSpec } from './workbook-spec';

/**
 * The tools' texts typed over in a sheet of fixed shape (Guide, Paramètres, Annexe 4, Compétences AO): a cell where
 * the layout writes a text of its own (a title, a label, a hint, a header, a paragraph of the Guide) and the grid
 * holds something else. A rewrite writes the tool's text back there; the caller keeps what was found in the Journal,
 * so that it is never lost without a word (docs/WORKBOOK.md, « Rewriting a workbook »).
 */

/** A text of the tools found typed over: where, what is there, and the tool's text a rewrite writes back. */
export interface TypedOverText {
  sheet: string;
  /** A1, where it was read. */
  address: string;
  cell: GridCell;
  text: string;
  /**
   * Whether the layout's text there is a copy of a text read in the axis sheets (an axis title in Annexe 4): then what
   * was found is an older copy or a person's typing, which cannot be told apart, not a text of the tools typed over.
   */
  copied: boolean;
}

/**
 * Whether every formula of the layout is still where the layout writes it (rows placed by `placeRow`). When not, the
 * sheet's rows moved since the tools wrote it (Annexe 4 follows the plan as read, a plan cell changed by hand moves
 * it): its cells can no longer be told apart by address, so none is judged.
 */
function formulasInPlace(grid: SheetGrid, baseline: SheetSpec, placeRow: (row: number) => number | null): boolean {
  const readRowOf = readRowsByPlace(grid, placeRow);
  return baseline.rows.every((rowSpec, r) =>
    (rowSpec?.cells ?? []).every((cellSpec, c) => {
      const content = cellSpec?.value;
      if (content === null || typeof content !== 'object') return true;
      const read = readRowOf.get(r + 1);
      return read !== undefined && gridCell(grid, read, c + 1)?.formula !== undefined;
    }),
  );
}

/**
 * The cells of `grid` where `baseline` (the layout of the workbook as read) writes a text of its own that the grid
 * no longer holds. Not typed over: the same text but for spacing and apostrophes; a text the layout writes elsewhere
 * in the sheet (its row moved); a text of an earlier version (`formerTexts`); an empty cell (nothing to lose); an
 * error value (a paste of values, no one's typing); the text an earlier version wrote at that very cell
 * (`earlierTexts`: Annexe 4's steering calendar). Input cells are not the tools' texts: the layout writes there
 * the values read. A formula typed over a text is typed over, whatever its result. Where the sheet's reader judges
 * a cell itself (`verdicts`: Paramètres' labels, which it warns about), its verdict is the rule. Where the layout
 * shows a copy of a text of the axis sheets (`copies`), what is found is told as `copied`.
 */
export function toolTextsTypedOver(
  grid: SheetGrid,
  baseline: SheetSpec,
  {
    placeRow = (row) => row,
    formerTexts = [],
    verdicts = new Map(),
    copies = new Set(),
    earlierTexts = new Map(),
  }: {
    placeRow?: (row: number) => number | null;
    formerTexts?: readonly string[];
    /** The sheet reader's own verdict on some cells, by address as read (`typedOverCells`): it decides there. */
    verdicts?: ReadonlyMap<string, boolean>;
    /** The texts read in the axis sheets, for a sheet that shows them (`axisTextCopies`): a cell of one is a copy. */
    copies?: ReadonlySet<string>;
    /** The texts an earlier version wrote at some cells, by the layout's A1 address (`earlierTexts` of the module). */
    earlierTexts?: ReadonlyMap<string, string>;
  } = {},
): TypedOverText[] {
  if (!formulasInPlace(grid, baseline, placeRow)) return [];
  const known = new Set(formerTexts.map(sameWords));
  for (const rowSpec of baseline.rows)
    for (const cellSpec of rowSpec?.cells ?? [])
      if (typeof cellSpec?.value === 'string') known.add(sameWords(cellSpec.value));
  const found: TypedOverText[] = [];
  grid.rows.forEach((cells, r) => {
    const row = placeRow(r + 1);
    if (row === null) return;
    (Array.isArray(cells) ? cells : []).forEach((_, c) => {
      const cell = gridCell(grid, r + 1, c + 1);
      const spec = baseline.rows[row - 1]?.cells[c] ?? null;
      const text = spec?.value;
      if (typeof text !== 'string' || text.trim() === '' || spec?.style?.locked === false) return;
      const address = cellAddress(r + 1, c + 1);
      const verdict = verdicts.get(address);
      if (verdict === false || !isFilled(cell) || cell.isError) return;
      if (verdict === undefined && cell.formula === undefined) {
        const words = sameWords(String(cell.value));
        const earlier = earlierTexts.get(cellAddress(row, c + 1));
        if (known.has(words) || (earlier !== undefined && words === sameWords(earlier))) return;
      }
      found.push({ sheet: grid.name, address, cell, text, copied: copies.has(text) });
    });
  });
  return found;
}
