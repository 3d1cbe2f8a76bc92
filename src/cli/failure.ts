import type { MessageCode } from '../app';
import type { Console } from './console';
import { EXIT_UNUSABLE } from './exit-codes';

/**
 * Why a command could not do what was asked, the same shape for every command: without --json its French message
 * goes to stderr; with --json it is the one document on stdout, `{ "error": { code, message, file?, option? } }`.
 * `code` is one of the command line's own codes below, or the code of the reader that refused the file (`truncated`,
 * `not-xlsx`, …) or of the workbook issue that made the command stop (`not-a-tracking-workbook`, …).
 */
export const cliErrorCodes = [
  'missing-command',
  'unknown-command',
  'unknown-option',
  'missing-option-value',
  'option-takes-no-value',
  'repeated-option',
  'missing-file-argument',
  'too-many-arguments',
  'unexpected-argument',
  'output-not-xlsx',
  'file-not-found',
  'not-a-file',
  'file-too-large',
  'file-unreadable',
  'output-exists',
  'tracking-workbook-exists',
  'output-folder-missing',
  'output-unwritable',
  'input-changed',
  'workbook-open',
  'workbook-has-errors',
  'invalid-option-value',
  'sheet-not-found',
  'sheet-of-the-tool',
  'sheet-is-a-file',
  'sheet-name-impossible',
  'missing-recipient',
  'conflicting-options',
  'unknown-recipient',
  'no-recipients',
  'needs-libreoffice',
  'conversion-failed',
  'text-cut-by-conversion',
  'missing-output',
  'no-workbooks-found',
  'nothing-to-consolidate',
  'output-is-input',
  'output-is-tracking-workbook',
  'returned-is-master',
  'returned-twice',
  'returned-same-name',
  'take-ambiguous',
  'folder-unreadable',
  'missing-kind',
  'unexpected-error',
  'interrupted',
] as const;

export type CliErrorCode = (typeof cliErrorCodes)[number];

export interface CliError {
  code: CliErrorCode | MessageCode;
  message: string;
  /** The file or folder concerned, as the user typed it. */
  file?: string;
  /** The option concerned, as the user typed it (`--quarter`, `-o`). */
  option?: string;
}

/** Prints the error as the user asked (text on stderr, or one JSON document) and returns exit code 2. */
export function reportError(console: Console, json: boolean, error: CliError, code = EXIT_UNUSABLE): number {
  if (json) console.out(JSON.stringify({ error }, null, 2));
  else console.err(error.message);
  return code;
}
