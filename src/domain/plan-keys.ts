import type { CriterionKind, Plan } from './plan';
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
}

export function rowTypeOfCriterion(kind: CriterionKind): RowType {
  return kind === 'quantitative' ? 'Quantitatif' : 'Qualitatif';
}

/** Fiche then its criteria, axis by axis, in plan order: the order of the rows in the axis sheets. */
export function planKeyList(plan: Plan): KeyEntry[] {
  return plan.axes.flatMap((axis) =>
    axis.fiches.flatMap((fiche) => [
      { key: fiche.key, type: 'Fiche' as RowType, parentKey: null },
      ...fiche.criteria.map((criterion) => ({
        key: criterion.key,
        type: rowTypeOfCriterion(criterion.kind),
        parentKey: fiche.key,
      })),
    ]),
  );
}

/** The JSON text that is fingerprinted: `[[key, type, parentKey], …]`, parentKey null for fiches. */
export function keyListJson(entries: readonly KeyEntry[]): string {
  return JSON.stringify(entries.map((entry) => [entry.key, entry.type, entry.parentKey]));
}

/** SHA-256 (lower-case hex) of `keyListJson`; Web Crypto is available in Node 20 and in browsers. */
export async function keyListFingerprint(entries: readonly KeyEntry[]): Promise<string> {
  const bytes = new TextEncoder().encode(keyListJson(entries));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
