import { areaText, replaceReferences, type Corner } from './formula-references';
import type { Area, CellMoves } from './moved-cells';

/**
 * A person's formula whose references to cells a rewrite moves follow them (moved-cells.ts), as Excel adjusts
 * references when rows and columns move: a reference to a cell the rewrite no longer has becomes `#REF!`, after
 * its sheet's name while the sheet is there (`'Axe 1'!#REF!`, as Excel writes it when rows or columns are
 * deleted: the person still sees where it pointed); a range whose cells no longer lie together is left as typed,
 * for the person to check. References to other sheets, and those the text does not tell the sheet of, are left
 * alone.
 */

export interface FollowedFormula {
  formula: string;
  /** The references now `#REF!`, as typed, each with the row key and header of the cell it named (or empty). */
  gone: { reference: string; key: string; header: string }[];
  /** The ranges left as typed, their cells scattered by the rewrite. */
  scattered: string[];
}

/** Sheet names compare without case, as Excel compares them. */
export const sheetKey = (name: string): string => name.toLowerCase();

function areaOf(from: Corner, to: Corner | null): Area {
  const last = to ?? from;
  return { top: from.row, bottom: last.row, left: from.column, right: last.column };
}

/** The moved area as a reference's ends, each keeping the `$` it was typed with. */
function cornersOf(area: Area, from: Corner, to: Corner | null): [Corner, Corner | null] {
  const first = { ...from, row: area.top, column: area.left };
  if (to === null && area.top === area.bottom && area.left === area.right) return [first, null];
  return [first, { ...(to ?? from), row: area.bottom, column: area.right }];
}

/**
 * `formula` (without its `=`), written in sheet `ownSheet`, with its references to the sheets of `moves` (by
 * `sheetKey`) following their cells.
 */
export function followReferences(
  formula: string,
  ownSheet: string,
  moves: ReadonlyMap<string, CellMoves>,
): FollowedFormula {
  const gone: FollowedFormula['gone'] = [];
  const scattered: string[] = [];
  const followed = replaceReferences(formula, ({ prefix, sheet, from, to }) => {
    const named = sheet === null ? ownSheet : sheet;
    const moving = named === undefined ? undefined : moves.get(sheetKey(named));
    if (!moving) return null;
    const move = moving.area(areaOf(from, to));
    const typed = prefix + areaText(from, to);
    if (move.kind === 'same') return null;
    if (move.kind === 'scattered') {
      scattered.push(typed);
      return null;
    }
    if (move.kind === 'gone' || move.kind === 'sheet-gone') {
      const cell = to === null && from.row !== null && from.column !== null && moving.describe(from.row, from.column);
      gone.push({ reference: typed, key: cell ? cell.key : '', header: cell ? cell.header : '' });
      // A sheet gone has no name left to write: the warning names the reference as typed.
      return move.kind === 'gone' ? `${prefix}#REF!` : '#REF!';
    }
    const [first, last] = cornersOf(move.area, from, to);
    return prefix + areaText(first, last);
  });
  return { formula: followed, gone, scattered };
}
