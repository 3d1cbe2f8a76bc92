import { quarterChoiceCodes, renderIssueMessage, serialToIsoDate, type Issue, type JournalValue } from '../../app';
import type { WorkbookPort } from '../../app/port';
import type { WorkbookGrids } from '../../app/port';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx, XlsxUnreadableError, type XlsxReadError } from '../../xlsx/reader';
import { createXlsxFilePort } from '../../xlsx/xlsx-file-port';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { readInputFile } from '../files';
import { outputNameError, outputPathError, writeOutputFile, type Backup } from '../output-file';
import { extractGivenError } from '../extract-given';
import { outputExample, texts, type MasterCommand, type WorkbooksTaken } from '../texts';
import { namingWorkbook } from '../workbook-named';

/**
 * What `compute` and `close-quarter` share: `<command> suivi.xlsx [-o out.xlsx] [--force] [--json]`. The workbook
 * is read, the use case runs over a port whose write side makes the .xlsx bytes, and the file is written in
 * place (temporary file renamed, `.bak` kept) or to `-o`, which never replaces a file without `--force`.
 * An unreadable workbook exits 2; a refused one (validation errors, last quarter) prints why and exits 1; a
 * quarter asked with `--quarter` that the convention does not have is wrong usage (exit 2).
 */

export interface InPlaceOptions {
  /** The command run, for the refusal of a partner's extract given in place of the master. */
  command: MasterCommand;
  path: string;
  output: string | null;
  force: boolean;
  json: boolean;
  /** `--quarter AAAA-Tn`, for the commands that accept it (`compute`); absent when not given. */
  quarter?: string;
}

/** What a command accepts beyond `suivi.xlsx [-o out.xlsx] [--force] [--json]`. */
export interface InPlaceSyntax {
  quarter?: boolean;
}

export type InPlaceParse = { ok: true; options: InPlaceOptions } | { ok: false; code: number };

export function parseInPlaceArgs(
  command: MasterCommand,
  args: string[],
  console: Console,
  syntax: InPlaceSyntax = {},
): InPlaceParse {
  const parsed = parseCommandArgs(command, args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    ...(syntax.quarter ? { quarter: { type: 'string' as const } } : {}),
  });
  if (!parsed.ok) return { ok: false, code: reportError(console, parsed.json, parsed.error) };
  if (parsed.positionals.length !== 1) {
    const error: CliError =
      parsed.positionals.length === 0
        ? { code: 'missing-file-argument', message: texts.inPlace.missingFile(command) }
        : { code: 'too-many-arguments', message: texts.tooManyArguments(command) };
    return { ok: false, code: reportError(console, parsed.json, error) };
  }
  const output = (parsed.values.output as string | undefined) ?? null;
  const badName = output === null ? null : outputNameError(output, outputExample(command));
  if (badName) return { ok: false, code: reportError(console, parsed.json, badName) };
  return {
    ok: true,
    options: {
      command,
      path: parsed.positionals[0],
      output,
      force: Boolean(parsed.values.force),
      json: parsed.json,
      ...(typeof parsed.values.quarter === 'string' ? { quarter: parsed.values.quarter } : {}),
    },
  };
}

/** The workbook's grids, or why it cannot be read, in French. */
export async function readWorkbookFile(
  path: string,
): Promise<{ ok: true; grids: WorkbookGrids; bytes: Uint8Array } | { ok: false; error: CliError }> {
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return file;
  const read = readXlsx(file.bytes);
  if (!read.ok) return { ok: false, error: unreadableFileError(path, read.error) };
  return { ok: true, grids: read.grids, bytes: file.bytes };
}

/** The reader's refusal of the file at `path`, in French, naming it, for a command that `takes` it among so many. */
export function unreadableFileError(path: string, error: XlsxReadError, takes: WorkbooksTaken = 'one'): CliError {
  return { code: error.code, message: texts.inFile(path, texts.readRefusal(path, error, takes)), file: path };
}

/**
 * A port over a file already read, whose write side keeps the bytes of the .xlsx to write: the file patched when
 * the rewrite keeps its shape, else written whole (src/xlsx/xlsx-file-port.ts).
 */
export function bytesPort(read: { grids: WorkbookGrids; bytes: Uint8Array }): {
  port: WorkbookPort;
  bytes: () => Uint8Array | null;
} {
  let bytes: Uint8Array | null = null;
  const port = createXlsxFilePort(
    read.bytes,
    (written) => {
      bytes = written;
    },
    { grids: read.grids },
  );
  return { port, bytes: () => bytes };
}

export function issuesAsJson(issues: readonly Issue[]) {
  return issues.map((issue) => ({ ...issue, message: renderIssueMessage(issue) }));
}

/** A refusal of what the user asked on the command line (`--quarter`): wrong usage, not a broken workbook. */
const isWrongUsage = (issues: readonly Issue[]) =>
  issues.length > 0 && issues.every((issue) => (quarterChoiceCodes as readonly string[]).includes(issue.code));

/**
 * A refusal that leaves nothing to correct in the workbook (`close-quarter` on the convention's last quarter): its
 * own message says it all, where « 1 erreur à corriger d'abord » would send the user looking for one.
 */
const NOTHING_TO_CORRECT: readonly string[] = ['quarter-is-last', 'quarter-not-begun'];
const isNothingToCorrect = (issues: readonly Issue[]) =>
  issues.length > 0 && issues.every((issue) => NOTHING_TO_CORRECT.includes(issue.code));

/**
 * A file that is not a tracking workbook at all (a consolidation, a bilan, another workbook): its message says what
 * to give instead, where « 1 erreur à corriger d'abord » would send the user looking for an error in it.
 */
const isWrongFile = (issues: readonly Issue[]) =>
  issues.length > 0 && issues.every((issue) => issue.code === 'not-a-tracking-workbook');

/** Prints why a workbook was not rewritten and returns the exit code. */
export function reportNotRewritten(
  options: InPlaceOptions,
  given: { status: 'unreadable' | 'refused'; issues: Issue[] },
  console: Console,
): number {
  // A message that gives a command to type (`quarter-is-last`: the final bilan's) names the workbook given.
  const outcome = { ...given, issues: given.issues.map((issue) => namingWorkbook(issue, options.path)) };
  const errors = outcome.issues.filter((issue) => issue.severity === 'error');
  const wrongUsage = outcome.status === 'refused' && isWrongUsage(outcome.issues);
  const nothingToCorrect = outcome.status === 'refused' && isNothingToCorrect(outcome.issues);
  const code = outcome.status === 'unreadable' || wrongUsage ? EXIT_UNUSABLE : EXIT_DONE_WITH_ERRORS;
  const extractGiven = extractGivenError(options.command, options.path, outcome.issues);
  // `extract` only reads the master: what it did not write is the extract.
  const notWritten = options.command === 'extract' ? texts.extract.notWritten : texts.inPlace.notWritten;
  if (options.json) {
    const first = errors[0] ?? outcome.issues[0];
    const error: CliError =
      extractGiven ??
      (outcome.status === 'refused' && !wrongUsage && !nothingToCorrect
        ? { code: 'workbook-has-errors', message: notWritten(options.path, errors.length) }
        : first
          ? { code: first.code, message: renderIssueMessage(first), ...(wrongUsage ? { option: '--quarter' } : {}) }
          : { code: 'file-unreadable', message: notWritten(options.path, 0) });
    console.out(
      JSON.stringify(
        {
          file: options.path,
          written: false,
          errors: errors.length,
          issues: issuesAsJson(outcome.issues),
          error: { ...error, file: options.path },
        },
        null,
        2,
      ),
    );
  } else if (extractGiven) {
    console.err(extractGiven.message);
  } else if (wrongUsage) {
    console.err(texts.inPlace.wrongUsage(options.path, outcome.issues));
  } else if (nothingToCorrect) {
    for (const issue of outcome.issues) console.err(renderIssueMessage(issue));
  } else {
    console.err(notWritten(options.path, isWrongFile(outcome.issues) ? 0 : errors.length));
    for (const issue of outcome.issues) {
      console.err(texts.inPlace.issueLine(issue.sheet, issue.cell, renderIssueMessage(issue)));
    }
  }
  return code;
}

/**
 * Why `-o` cannot be written (missing folder, existing file without --force, read-only), or the workbook itself in
 * place (read-only), checked before any work is done.
 */
export async function outputError(options: InPlaceOptions): Promise<CliError | null> {
  return options.output === null
    ? outputPathError(options.path, true, outputExample(options.command), true)
    : outputPathError(options.output, options.force, outputExample(options.command));
}

/**
 * Writes the bytes in place or to `-o`; the file written and its backup, else the exit code after the message.
 * `read`: the bytes the command read from the workbook, which it replaces only while it still holds them.
 */
export async function writeWorkbookFile(
  options: InPlaceOptions,
  bytes: Uint8Array,
  read: Uint8Array,
  console: Console,
): Promise<{ ok: true; file: string; backup: Backup | null } | { ok: false; code: number }> {
  const target = options.output ?? options.path;
  const inPlace = options.output === null;
  const written = await writeOutputFile(
    target,
    bytes,
    inPlace || options.force,
    outputExample(options.command),
    inPlace,
    [],
    inPlace ? read : null,
  );
  if (!written.ok) return { ok: false, code: reportError(console, options.json, written.error, written.exitCode) };
  return { ok: true, file: target, backup: written.backup };
}

/**
 * For the use cases that may change nothing (a merge with nothing to take, an undo with no merge): the bytes written
 * in place or to `-o` when the use case wrote, null when it did not; the exit code after the message on failure.
 */
export async function writeWhenWritten(
  options: InPlaceOptions,
  wrote: boolean,
  bytes: () => Uint8Array | null,
  read: Uint8Array,
  console: Console,
): Promise<{ ok: true; written: { file: string; backup: Backup | null } | null } | { ok: false; code: number }> {
  const made = wrote ? bytes() : null;
  if (made === null) return { ok: true, written: null };
  const result = await writeWorkbookFile(options, made, read, console);
  return result.ok ? { ok: true, written: { file: result.file, backup: result.backup } } : result;
}

/** A value as the JSON documents show it: a date as its ISO day, empty as null. */
export function plainValue(value: JournalValue): string | number | boolean | null {
  if (value.type === 'date') return serialToIsoDate(value.value) ?? value.value;
  return value.value;
}

/** What a rewriting use case gives back, as src/app's RewriteOutcome. */
type Outcome<T> = { status: 'unreadable' | 'refused'; issues: Issue[] } | ({ status: 'done'; notes: Issue[] } & T);

export type InPlaceRun<T> =
  | {
      ok: true;
      options: InPlaceOptions;
      outcome: { status: 'done'; notes: Issue[] } & T;
      file: string;
      backup: Backup | null;
    }
  | { ok: false; code: number };

/**
 * The whole of `compute` and `close-quarter` but their output: parse the arguments, read the file, run the use case
 * over a port that makes the bytes, and write them in place or to `-o`. On failure the French message is printed.
 */
export async function rewriteWorkbookFile<T>(
  command: MasterCommand,
  args: string[],
  console: Console,
  progress: string,
  useCase: (port: WorkbookPort, options: InPlaceOptions) => Promise<Outcome<T>>,
  syntax: InPlaceSyntax = {},
): Promise<InPlaceRun<T>> {
  const parsed = parseInPlaceArgs(command, args, console, syntax);
  if (!parsed.ok) return parsed;
  const { options } = parsed;
  const read = await readWorkbookFile(options.path);
  if (!read.ok) return { ok: false, code: reportError(console, options.json, read.error) };
  const unwritable = await outputError(options);
  if (unwritable) return { ok: false, code: reportError(console, options.json, unwritable) };
  console.progress(progress);
  const { port, bytes } = bytesPort(read);
  let outcome: Outcome<T>;
  try {
    outcome = await useCase(port, options);
  } catch (error) {
    // A part the patch must open and the reader's limits refuse (a zip bomb): nothing written.
    if (!(error instanceof XlsxUnreadableError)) throw error;
    return { ok: false, code: reportError(console, options.json, unreadableFileError(options.path, error.error)) };
  }
  if (outcome.status !== 'done') return { ok: false, code: reportNotRewritten(options, outcome, console) };
  const written = await writeWorkbookFile(options, bytes()!, read.bytes, console);
  if (!written.ok) return written;
  return { ok: true, options, outcome, file: written.file, backup: written.backup };
}
