import { valueFieldsOf } from '../field-values';
import type { TrackingRow } from '../tracking';

/**
 * A short fingerprint of what an axis sheet's rows hold: each row's key, its fields' values and its quarters' values.
 * Two copies of a territory may count as many values filled and still hold other values (4 in one, 9 in the other):
 * the consolidation keeps no value, only counts, so this says in which axes two copies differ. A comparison only,
 * not a protection (cyrb53: 53 bits, no key).
 */

function rowContent(row: TrackingRow): unknown[] {
  if (row.type === 'unknown') return [row.key, row.typeText];
  const values = row as unknown as Record<string, unknown>;
  const fields = valueFieldsOf(row.type).map((field) => values[field.id]);
  return row.type === 'criterion' ? [row.key, ...fields, row.values] : [row.key, ...fields];
}

/** cyrb53, a well-spread 53-bit string hash, as 14 hexadecimal digits. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export function axisDigest(rows: readonly TrackingRow[]): string {
  return cyrb53(JSON.stringify(rows.map(rowContent)));
}
