import type { MessageParams } from './types';

/** A message param as text: empty when absent, a list joined by commas. */
export function paramText(value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}
