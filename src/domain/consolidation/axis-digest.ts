import { valueFieldsOf } from '../field-values';
import type { TrackingRow } from '../tracking';

/**
 * A short fingerprint of what an axis sheet's rows hold: each row's key, the values of the fields a person enters and
 * its quarters' values.
 * Two copies of a territory may count as many values filled and still hold other values (4 in one, 9 in the other):
 * the consolidation keeps no value, only counts, so this says in which axes two copies differ. A comparison only,
 * not a protection (cyrb53's mixing: 53 bits, no key). Every file of a consolidation is digested, so the values are
 * mixed in as they are read, with no text or array made for them.
 */

// The two halves of the hash being made; one digest at a time (the function never yields).
let h1 = 0;
let h2 = 0;

function mix(code: number): void {
  h1 = Math.imul(h1 ^ code, 2654435761);
  h2 = Math.imul(h2 ^ code, 1597334677);
}

// A number's 64 bits, mixed as two words.
const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** Tags that keep apart values of different types and the end of each value (`1` and `"1"`, `ab`+`c` and `a`+`bc`). */
const Tag = {
  Empty: 0x110000,
  Text: 0x110001,
  Number: 0x110002,
  True: 0x110003,
  False: 0x110004,
  Record: 0x110005,
  End: 0x110006,
} as const;

function mixValue(value: unknown): void {
  if (value === null || value === undefined) mix(Tag.Empty);
  else if (typeof value === 'string') {
    mix(Tag.Text);
    for (let i = 0; i < value.length; i += 1) mix(value.charCodeAt(i));
  } else if (typeof value === 'number') {
    numberBits[0] = value;
    mix(Tag.Number);
    mix(numberWords[0]);
    mix(numberWords[1]);
  } else if (typeof value === 'boolean') mix(value ? Tag.True : Tag.False);
  else if (typeof value === 'object') {
    mix(Tag.Record);
    const record = value as Record<string, unknown>;
    // A criterion's quarters, always in the period's order: their values say it, not their labels again.
    for (const key in record) mixValue(record[key]);
  } else mixValue(String(value));
  mix(Tag.End);
}

/** The fields a person enters (the plan's texts are the same in two copies of one plan, and long). */
const enteredFields = {
  fiche: valueFieldsOf('fiche').filter((field) => field.source !== 'plan'),
  criterion: valueFieldsOf('criterion').filter((field) => field.source !== 'plan'),
};

function mixRow(row: TrackingRow): void {
  mixValue(row.key);
  if (row.type === 'unknown') {
    mixValue(row.typeText);
    return;
  }
  const values = row as unknown as Record<string, unknown>;
  for (const field of enteredFields[row.type]) mixValue(values[field.id]);
  if (row.type === 'criterion') mixValue(row.values);
}

export function axisDigest(rows: readonly TrackingRow[]): string {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  for (const row of rows) mixRow(row);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (4294967296 * (2097151 & b) + (a >>> 0)).toString(16).padStart(14, '0');
}
