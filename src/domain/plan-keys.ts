import type { CriterionKind, Plan } from './plan';
import { sha256Hex } from './sha256';
import type { RowType } from './vocabulary';

/**
 * The ordered list of row keys of a plan, as stored in `_ctg` and fingerprinted (docs/WORKBOOK.md, « _ctg »): what lets a
 * reader tell that rows were added, removed or moved since the workbook was generated.
 */

export interface KeyEntry {
  key: string;
  type: RowType;
  /** The fiche's key for a criterion row; null for a fiche row. */
  parentKey: string | null;
  /**
   * N of the `Axe N` sheet the row is in (format 2). Absent only where it is unknown: a key list read from format 1
   * whose row could not be found (src/layout/sheets/ctg-meta/key-axes-migration.ts), a retired fiche of format 1.
   */
  axis?: number;
}

export function rowTypeOfCriterion(kind: CriterionKind): RowType {
  return kind === 'quantitative' ? 'Quantitatif' : 'Qualitatif';
}

/** Fiche then its criteria, axis by axis, in plan order: the order of the rows in the axis sheets. */
export function planKeyList(plan: Plan): KeyEntry[] {
  return plan.axes.flatMap((axis) =>
    axis.fiches.flatMap((fiche) => [
      { key: fiche.key, type: 'Fiche' as RowType, parentKey: null, axis: axis.number },
      ...fiche.criteria.map((criterion) => ({
        key: criterion.key,
        type: rowTypeOfCriterion(criterion.kind),
        parentKey: fiche.key,
        axis: axis.number,
      })),
    ]),
  );
}

/**
 * The JSON text that is fingerprinted: `[[key, type, parentKey, axis], …]`, parentKey null for fiches. An entry
 * without an axis (a format 1 key list, as stored) is `[key, type, parentKey]`, so that format 1 fingerprints still
 * match their lists; since format 2 a key moved to another axis changes the fingerprint. One `JSON.stringify` of the
 * arrays: a text put together piece by piece took twice as long, hashed (its pieces are joined when it is read).
 */
export function keyListJson(entries: readonly KeyEntry[]): string {
  return JSON.stringify(
    entries.map((entry) =>
      entry.axis === undefined
        ? [entry.key, entry.type, entry.parentKey]
        : [entry.key, entry.type, entry.parentKey, entry.axis],
    ),
  );
}

/** SHA-256 (lower-case hex) of `keyListJson`. */
export async function keyListFingerprint(entries: readonly KeyEntry[]): Promise<string> {
  return sha256Hex(keyListJson(entries));
}
