import type { KeyEntry } from '../../../domain/plan-keys';
import type { AxisSheetReading } from '../../../domain/tracking';

/**
 * Format 1 → 2: the key list learns each key's axis. Format 1 did not store it, so it is taken from where the
 * key's row is in the axis sheets; a fiche whose row is gone takes its criteria's axis, a criterion whose row is
 * gone its fiche's, and a key still unknown that lies between two keys of one axis (the list goes axis by axis)
 * takes that axis. A key whose axis stays unknown (its whole sheet lost) is left without one: validation then
 * places its missing row as format 1 did. Retired criteria take their fiche's axis; retired fiches stay without.
 */

interface KeyLists {
  keys: KeyEntry[];
  retiredKeys: KeyEntry[];
}

export function migrateKeyAxes<Meta extends KeyLists>(
  meta: Meta,
  { axisSheets }: { axisSheets: readonly AxisSheetReading[] },
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

  const withAxis = (entry: KeyEntry): KeyEntry => {
    const axis =
      entry.axis ?? axisOf.get(entry.key) ?? (entry.parentKey === null ? undefined : axisOf.get(entry.parentKey));
    return axis === undefined ? entry : { ...entry, axis };
  };
  return { ...meta, keys: keys.map(withAxis), retiredKeys: meta.retiredKeys.map(withAxis) };
}
