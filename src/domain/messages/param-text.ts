import type { MessageParams } from './types';

/** A message param as text: empty when absent, a list joined by commas. */
export function paramText(value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * A column's header as a message quotes it: on one line, a line break typed in the header cell (Alt+Entrée) shown
 * as a space, so that « » never open on one line and close on the next.
 */
export function headerText(value: MessageParams[string]): string {
  // A break at either end goes; the header's own spaces stay as typed.
  return paramText(value)
    .replace(/^[ \t]*[\r\n]+[ \t\r\n]*|[ \t\r\n]*[\r\n]+[ \t]*$/g, '')
    .replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}
