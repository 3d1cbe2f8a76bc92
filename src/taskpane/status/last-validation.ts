/**
 * The last validation of a tracking workbook, remembered on this computer (the browser storage of the add-in)
 * under the workbook's plan fingerprint: the start view shows when the workbook was last checked and what was found.
 */
export interface LastValidation {
  /** ISO date-time. */
  at: string;
  errors: number;
  warnings: number;
}

/** The part of the Web Storage API used (localStorage in the add-in, a Map in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const storageKey = (fingerprint: string) => `ctg-suivi.derniere-verification.${fingerprint}`;

export function loadLastValidation(store: KeyValueStore, fingerprint: string): LastValidation | null {
  try {
    const raw = store.getItem(storageKey(fingerprint));
    const value = raw ? (JSON.parse(raw) as Partial<LastValidation>) : null;
    if (value && typeof value.at === 'string' && typeof value.errors === 'number' && typeof value.warnings === 'number')
      return { at: value.at, errors: value.errors, warnings: value.warnings };
  } catch {
    // Storage refused (private mode, policy) or damaged: the pane simply does not know.
  }
  return null;
}

export function saveLastValidation(store: KeyValueStore, fingerprint: string, value: LastValidation): void {
  try {
    store.setItem(storageKey(fingerprint), JSON.stringify(value));
  } catch {
    // Not remembered: nothing else depends on it.
  }
}

/** A store kept in memory, when the browser refuses storage. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}
