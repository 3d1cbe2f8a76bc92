/**
 * Cells grouped into few rectangles, so that a format is set once per block rather than once per cell: runs of
 * consecutive columns with the same value in each row, then identical runs of consecutive rows merged.
 */

/** 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ValueRect<V> extends Rect {
  value: V;
}

/**
 * `valueAt(row, column)` gives the key of a cell (undefined: nothing to set). Rectangles are returned in row order;
 * two cells get the same rectangle only when their keys are equal (compared as strings).
 */
export function rectanglesOf<V>(
  rowCount: number,
  columnCount: number,
  valueAt: (row: number, column: number) => V | undefined,
  keyOf: (value: V) => string = (value) => JSON.stringify(value),
): ValueRect<V>[] {
  const done: ValueRect<V>[] = [];
  // Runs of the previous row still open for merging, by "left|right|key".
  let open = new Map<string, ValueRect<V>>();
  for (let row = 1; row <= rowCount; row += 1) {
    const next = new Map<string, ValueRect<V>>();
    // The cell that ended a run starts the next one: its value and key, already made, are carried over (an empty
    // one is skipped). Each cell is asked for and keyed once: a key may be a JSON text of its formats.
    let carried: { column: number; value: V; key: string } | null = null;
    let column = 1;
    while (column <= columnCount) {
      let value: V;
      let key: string;
      if (carried !== null && carried.column === column) {
        value = carried.value;
        key = carried.key;
      } else {
        const read = valueAt(row, column);
        if (read === undefined) {
          column += 1;
          continue;
        }
        value = read;
        key = keyOf(read);
      }
      let right: number = column;
      let gapAfter = false;
      while (right + 1 <= columnCount) {
        const following = valueAt(row, right + 1);
        if (following === undefined) {
          gapAfter = true;
          break;
        }
        const followingKey = keyOf(following);
        if (followingKey !== key) {
          carried = { column: right + 1, value: following, key: followingKey };
          break;
        }
        right += 1;
      }
      const runKey = `${column}|${right}|${key}`;
      const above = open.get(runKey);
      if (above) {
        above.bottom = row;
        open.delete(runKey);
        next.set(runKey, above);
      } else {
        next.set(runKey, { top: row, left: column, bottom: row, right, value });
      }
      column = gapAfter ? right + 2 : right + 1;
    }
    for (const closed of open.values()) done.push(closed);
    open = next;
  }
  for (const closed of open.values()) done.push(closed);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Runs of consecutive indexes (1-based) with the same value: widths per column block, heights per row block. */
export function runsOf<V>(values: readonly (V | undefined)[]): { first: number; last: number; value: V }[] {
  const runs: { first: number; last: number; value: V }[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.last === index && JSON.stringify(last.value) === JSON.stringify(value)) last.last = index + 1;
    else runs.push({ first: index + 1, last: index + 1, value });
  });
  return runs;
}
