import type { KeyEntry } from '../../../domain/plan-keys';
import type { AxisSheetReading } from '../../../domain/tracking';
import type { SheetKeys } from '../../../domain/validation/sheets';

/**
 * Format 1 → 2: the key list learns each key's axis. Format 1 did not store it, so it is taken from where the
 * key's row is in the axis sheets; a fiche whose row is gone takes its criteria's axis, a criterion whose row is
 * gone its fiche's, and a key still unknown that lies between two keys of one axis (the list goes axis by axis)
 * takes that axis. Keys still unknown that lie between two axes are an axis whose sheet is not there: renamed
 * (its keys are in a sheet of another name, which takes the next number without a sheet) or deleted (when one
 * number only fits between the two axes). Validation then says the sheet is missing, once, rather than each of
 * its rows. A key whose axis stays unknown is left without one: validation places its missing row as format 1
 * did. Retired criteria take their fiche's axis; retired fiches stay without.
 */

interface KeyLists {
  keys: KeyEntry[];
  retiredKeys: KeyEntry[];
}

export function migrateKeyAxes<Meta extends KeyLists>(
  meta: Meta,
  { axisSheets, otherSheets }: { axisSheets: readonly AxisSheetReading[]; otherSheets: readonly SheetKeys[] },
): Meta {
  const axisOf = new Map<string, number>();
  const found = new Map<string, number>();
  for (const sheet of axisSheets)
    for (const row of sheet.rows) if (row.key !== '' && !found.has(row.key)) found.set(row.key, sheet.axis);

  const { keys } = meta;
  for (const entry of keys) {
    const axis = found.get(entry.key);
    if (axis !== undefined) axisOf.set(entry.key, axis);
  }
  for (const entry of keys) {
    const axis = axisOf.get(entry.key);
    if (entry.parentKey !== null && axis !== undefined && !axisOf.has(entry.parentKey))
      axisOf.set(entry.parentKey, axis);
  }
  const fromFiche = (entry: KeyEntry) => {
    const ficheAxis = entry.parentKey === null ? undefined : axisOf.get(entry.parentKey);
    if (!axisOf.has(entry.key) && ficheAxis !== undefined) axisOf.set(entry.key, ficheAxis);
  };
  keys.forEach(fromFiche);

  const known = keys.map((entry) => axisOf.get(entry.key));
  keys.forEach((entry, index) => {
    if (known[index] !== undefined) return;
    const before = known
      .slice(0, index)
      .reverse()
      .find((axis) => axis !== undefined);
    const after = known.slice(index + 1).find((axis) => axis !== undefined);
    if (before !== undefined && before === after) axisOf.set(entry.key, before);
  });
  keys.forEach(fromFiche);
  axesOfSheetsNotThere(keys, axisOf, new Set(axisSheets.map((sheet) => sheet.axis)), otherSheets);
  keys.forEach(fromFiche);

  const withAxis = (entry: KeyEntry): KeyEntry => {
    const axis =
      entry.axis ?? axisOf.get(entry.key) ?? (entry.parentKey === null ? undefined : axisOf.get(entry.parentKey));
    return axis === undefined ? entry : { ...entry, axis };
  };
  return { ...meta, keys: keys.map(withAxis), retiredKeys: meta.retiredKeys.map(withAxis) };
}

/**
 * Each run of keys without an axis, between the axis before it (0 at the start) and the one after it (none at the
 * end), is given axis numbers that have no sheet and fit between them: one per other sheet holding its keys, in
 * key order; or, when no sheet holds them, the one number that fits, if only one does.
 */
function axesOfSheetsNotThere(
  keys: readonly KeyEntry[],
  axisOf: Map<string, number>,
  sheetedAxes: ReadonlySet<number>,
  otherSheets: readonly SheetKeys[],
): void {
  const sheetOf = new Map<string, string>();
  for (const sheet of otherSheets) for (const key of sheet.keys) if (!sheetOf.has(key)) sheetOf.set(key, sheet.sheet);
  let start = 0;
  while (start < keys.length) {
    if (axisOf.has(keys[start].key)) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < keys.length && !axisOf.has(keys[end].key)) end += 1;
    const before = start > 0 ? axisOf.get(keys[start - 1].key)! : 0;
    const after = end < keys.length ? axisOf.get(keys[end].key)! : null;
    const free = freeAxes(before, after, sheetedAxes);
    assignRun(keys.slice(start, end), free, after !== null, sheetOf, axisOf);
    start = end;
  }
}

/** The numbers after `before` and below `after` (unbounded when null) that have no sheet, lowest first. */
function* freeAxes(before: number, after: number | null, sheetedAxes: ReadonlySet<number>): Generator<number> {
  for (let axis = before + 1; after === null || axis < after; axis += 1) if (!sheetedAxes.has(axis)) yield axis;
}

function assignRun(
  run: readonly KeyEntry[],
  free: Generator<number>,
  bounded: boolean,
  sheetOf: ReadonlyMap<string, string>,
  axisOf: Map<string, number>,
): void {
  const sheets = [...new Set(run.flatMap((entry) => sheetOf.get(entry.key) ?? []))];
  if (sheets.length === 0) {
    // A deleted sheet: its number is sure only when one number fits between its neighbours.
    if (!bounded) return;
    const [only, second] = [free.next(), free.next()];
    if (!only.done && second.done) for (const entry of run) axisOf.set(entry.key, only.value);
    return;
  }
  const axisOfSheet = new Map<string, number>();
  for (const sheet of sheets) {
    const next = free.next();
    if (next.done) break;
    axisOfSheet.set(sheet, next.value);
  }
  const located = run.map((entry) => axisOfSheet.get(sheetOf.get(entry.key) ?? ''));
  run.forEach((entry, index) => {
    // A key of the run found nowhere takes the axis of the keys found around it, when they agree.
    const axis =
      located[index] ??
      agreeing(
        located
          .slice(0, index)
          .reverse()
          .find((found) => found !== undefined),
        located.slice(index + 1).find((found) => found !== undefined),
      );
    if (axis !== undefined) axisOf.set(entry.key, axis);
  });
}

function agreeing(before: number | undefined, after: number | undefined): number | undefined {
  if (before === undefined) return after;
  if (after === undefined) return before;
  return before === after ? before : undefined;
}
