import { basename } from 'node:path';
import {
  conflictExplanation,
  givenTwiceAt,
  groupedIssues,
  isToolSheetName,
  parseTake,
  quotedJournalValue,
  renderIssueMessage,
  type GroupedLine,
  type MergeRejection,
} from '../../app';
import type { AnyWorkbookGrids } from '../../app/port';
import { mergeAndWrite, type MergeReport, type ReturnedFile } from '../../app/merge/merge-workbook';
import { XlsxUnreadableError } from '../../xlsx/reader';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { isFile, realPathOf } from '../files';
import { interruptible } from '../interruption';
import { backupJson, outputNameError, type Backup } from '../output-file';
import { outputExample, texts } from '../texts';
import { namingWorkbook } from '../workbook-named';
import {
  bytesPort,
  outputError,
  readWorkbookFile,
  reportNotRewritten,
  writeWhenWritten,
  plainValue,
  type InPlaceOptions,
} from './workbook-in-place';
import { readSpreadsheetFile } from './spreadsheet-file';

/**
 * `ctg-suivi merge suivi.xlsx retour.xlsx… [--dry-run] [--prefer master|incoming] [--take CLÉ:COLONNE…]
 * [--partenaire NOM] [--sheet NOM] [--refuse-personal-data] [-o out.xlsx] [--force] [--json]`: the partners' rows
 * taken into the master by key (src/app/merge). One unreadable file never stops the others; exit 2 when a file
 * could not be read, else 1 when something is in conflict or rejected, else 0.
 */

const optionSpecs = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  prefer: { type: 'string' },
  take: { type: 'string', multiple: true },
  partenaire: { type: 'string' },
  sheet: { type: 'string' },
  'refuse-personal-data': { type: 'boolean' },
} as const;

interface MergeCommandOptions extends InPlaceOptions {
  files: string[];
  dryRun: boolean;
  prefer?: 'master' | 'incoming';
  take: string[];
  partner?: string;
  sheet?: string;
  refusePersonalData: boolean;
}

type Parsed = { ok: true; options: MergeCommandOptions } | { ok: false; error: CliError; json: boolean };

function parseMergeArgs(args: string[]): Parsed {
  const parsed = parseCommandArgs('merge', args, optionSpecs);
  if (!parsed.ok) return parsed;
  const { values, positionals, json } = parsed;
  const [path, ...files] = positionals;
  const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
  if (path === undefined)
    return { ok: false, json, error: { code: 'missing-file-argument', message: texts.merge.missingFiles } };
  if (files.length === 0 && sheet === undefined) {
    return { ok: false, json, error: { code: 'missing-file-argument', message: texts.merge.missingReturned(path) } };
  }
  const prefer = values.prefer;
  if (prefer !== undefined && prefer !== 'master' && prefer !== 'incoming') {
    return {
      ok: false,
      json,
      error: { code: 'invalid-option-value', option: '--prefer', message: texts.merge.badPrefer(String(prefer)) },
    };
  }
  const take = Array.isArray(values.take) ? values.take.map(String) : [];
  // A key and a column, neither empty: a `--take G1` would otherwise take nothing, said only in a note after the work.
  const badTake = take.find((entry) => parseTake(entry) === null);
  if (badTake !== undefined) {
    return {
      ok: false,
      json,
      error: { code: 'invalid-option-value', option: '--take', message: texts.merge.badTake(badTake) },
    };
  }
  const output = typeof values.output === 'string' ? values.output : null;
  const badName = output === null ? null : outputNameError(output, outputExample('merge'));
  if (badName) return { ok: false, json, error: badName };
  return {
    ok: true,
    options: {
      command: 'merge',
      path,
      files,
      output,
      force: values.force === true,
      json,
      dryRun: values['dry-run'] === true,
      ...(prefer ? { prefer } : {}),
      take,
      ...(typeof values.partenaire === 'string' ? { partner: values.partenaire } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
      refusePersonalData: values['refuse-personal-data'] === true,
    },
  };
}

function reportAsJson(report: MergeReport, extra: Record<string, unknown>) {
  return {
    ...extra,
    written: report.written,
    applied: report.applied.map((change) => ({
      key: change.key,
      column: change.column,
      old: plainValue(change.old),
      new: plainValue(change.new),
      source: change.source,
      partner: change.partner,
      sheet: change.sheet,
      cell: change.cell,
    })),
    contributed: report.contributed.map((kept) => ({
      key: kept.key,
      column: kept.column,
      value: plainValue(kept.value),
      kept: plainValue(kept.kept),
      source: kept.source,
      partner: kept.partner,
      sheet: kept.sheet,
      cell: kept.cell,
    })),
    unchanged: report.unchanged,
    confirmed: report.confirmed,
    conflicts: report.conflicts.map((conflict) => ({
      key: conflict.key,
      column: conflict.column,
      master: plainValue(conflict.master),
      incoming: plainValue(conflict.incoming),
      source: conflict.source,
      partner: conflict.partner,
      reason: conflict.reason,
      // `returns-differ`: the other returned files' values for the cell, as the line names them.
      rivals: conflict.rivals.map(({ source, value }) => ({ source, value: plainValue(value) })),
      previous: conflict.previous === null ? null : plainValue(conflict.previous),
      result: plainValue(conflict.result),
      // The other partner whose value the workbook holds, as the line names it; null when the officer typed it.
      masterGivenBy: conflict.masterGivenBy,
      // The other partners' values the officer's emptying set aside (`master-emptied`), as the line names them.
      othersGiven: conflict.othersGiven.map(({ partner, value }) => ({ partner, value: plainValue(value) })),
      // The partner's merged range hiding the returned cell, read empty for it; null when none does.
      mergedRange: conflict.mergedRange,
      resolution: conflict.resolution,
      // Another file's value taken for the cell instead (resolution 'master'), as the line names it; else null.
      takenInstead: conflict.takenInstead,
      // The --take that takes it, its file named when the merge has several returns.
      take: conflict.take,
      sheet: conflict.sheet,
      cell: conflict.cell,
    })),
    rejected: report.rejected.map(({ source, issue }) => ({
      source,
      sheet: issue.sheet,
      cell: issue.cell,
      key: issue.rowKey,
      column: typeof issue.params.header === 'string' ? issue.params.header : null,
      code: issue.code,
      message: renderIssueMessage(issue),
    })),
    notes: report.notes.map(({ source, issue }) => ({
      source,
      sheet: issue.sheet,
      cell: issue.cell,
      code: issue.code,
      message: renderIssueMessage(issue),
    })),
  };
}

/** A report's line as `rejectedLine` and `noteLine` take it: its file, and its issue or the count of the others. */
function sourceAndIssue(line: GroupedLine<MergeRejection>): [string, MergeRejection['issue'] | string] {
  return 'item' in line ? [line.item.source, line.item.issue] : [line.first.source, line.more];
}

/**
 * Files read, and nothing in them: no value taken, unchanged, in conflict or refused, no note. The file sent was
 * likely merged instead of the one sent back (a pasted table, --sheet, is not a file sent back).
 */
function isEmptyReturn(report: MergeReport, filesRead: number, sheet: string | undefined): boolean {
  const counted = report.applied.length + report.contributed.length + report.unchanged + report.conflicts.length;
  return sheet === undefined && filesRead > 0 && counted + report.rejected.length + report.notes.length === 0;
}

function printReport(
  console: Console,
  report: MergeReport,
  written: { file: string; backup: Backup | null } | null,
  dryRun: boolean,
  toOutput: boolean,
) {
  // As French Excel shows them: 1 200, 7,5, 15/11/2026, VRAI.
  const shown = quotedJournalValue;
  if (report.applied.length + report.contributed.length > 0) console.out(texts.merge.appliedHeading);
  for (const change of report.applied) {
    console.out(texts.merge.appliedLine(change, shown(change.old), shown(change.new)));
  }
  for (const kept of report.contributed) {
    console.out(texts.merge.contributedLine(kept, shown(kept.value), shown(kept.kept)));
  }
  // Each kind under its own heading: a refusal or a conflict listed under « Valeurs reprises » reads as taken.
  if (report.conflicts.length > 0) console.out(texts.merge.conflictsHeading);
  for (const conflict of report.conflicts) {
    const why = conflictExplanation(conflict, shown);
    console.out(texts.merge.conflictLine(conflict, shown(conflict.master), shown(conflict.incoming), why));
  }
  // Of each kind, the first few and a count of the others: 20 000 rows without keys are one line more, not 20 000.
  if (report.rejected.length > 0) console.out(texts.merge.rejectedHeading);
  for (const line of groupedIssues(report.rejected)) console.out(texts.merge.rejectedLine(...sourceAndIssue(line)));
  if (report.notes.length > 0) console.out(texts.merge.notesHeading);
  for (const line of groupedIssues(report.notes)) console.out(texts.merge.noteLine(...sourceAndIssue(line)));
  const open = report.conflicts.filter((conflict) => conflict.resolution === null).length;
  const { unchanged, confirmed } = report;
  const rejected = report.rejected.length;
  const applied = report.applied.length + report.contributed.length;
  console.out(texts.merge.summary({ applied, unchanged, confirmed, conflicts: open, rejected }));
  console.out(written ? texts.merge.written(written.file, written.backup, toOutput) : texts.merge.notWritten(dryRun));
}

async function readReturnedFiles(paths: readonly string[]) {
  const files: ReturnedFile[] = [];
  const unreadable: CliError[] = [];
  for (const path of paths) {
    const read = await readSpreadsheetFile(path, 'merge');
    if (read.ok) files.push({ file: basename(path), grids: read.grids, bytes: read.bytes });
    else unreadable.push(read.error);
  }
  return { files, unreadable };
}

/**
 * The `error` member of an exit 2 that still merged the files it could read: the first unreadable file's code and
 * name, and every unreadable file's message (each is also in `unreadable`).
 */
function unreadableError(unreadable: readonly CliError[]): CliError {
  const [first] = unreadable;
  return { ...first, message: unreadable.map((error) => error.message).join(' ') };
}

/**
 * The master given again as a returned file, an -o that would replace a returned file, a returned file given twice
 * (its values would be merged against themselves, its conflicts listed twice), or two of one name from two folders
 * (the merge names each file by its name): said before any work.
 */
async function misplacedFile(options: MergeCommandOptions): Promise<CliError | null> {
  const masterPath = await realPathOf(options.path);
  const output = options.output === null ? null : await realPathOf(options.output);
  const reals: string[] = [];
  for (const file of options.files) {
    const real = await realPathOf(file);
    if (real === masterPath) return { code: 'returned-is-master', message: texts.merge.returnedIsMaster(file), file };
    if (real === output) return { code: 'output-is-input', message: texts.merge.outputIsReturned(file), file };
    reals.push(real);
  }
  const twice = givenTwiceAt(reals);
  if (twice !== null) {
    const file = options.files[twice];
    return { code: 'returned-twice', message: texts.merge.returnedTwice(file), file };
  }
  const sameName = givenTwiceAt(options.files.map((file) => basename(file)));
  if (sameName === null) return null;
  const file = options.files[sameName];
  const first = options.files.find((other) => basename(other) === basename(file))!;
  return { code: 'returned-same-name', message: texts.merge.returnedSameName(first, file), file };
}

/** The characters Excel refuses in a sheet's name. */
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/;

/**
 * A --sheet that cannot name a pasted table, said before any work: one of the tool's own sheets (Journal, an axis
 * sheet…), or a name Excel would not give a sheet — most likely the path of a returned file, given after --sheet.
 */
async function impossibleSheetGiven(options: MergeCommandOptions): Promise<CliError | null> {
  const { sheet } = options;
  if (sheet === undefined) return null;
  if (isToolSheetName(sheet))
    return { code: 'sheet-of-the-tool', option: '--sheet', message: texts.merge.sheetOfTheTool(sheet) };
  if (!NOT_IN_SHEET_NAMES.test(sheet)) return null;
  if (await isFile(sheet))
    return {
      code: 'sheet-is-a-file',
      option: '--sheet',
      message: texts.merge.sheetIsAFile(sheet, options.path, false),
    };
  return { code: 'sheet-name-impossible', option: '--sheet', message: texts.merge.sheetNameImpossible(sheet) };
}

/** The master lacks the sheet --sheet names: a file of that name is what the person meant. */
async function missingSheetError(sheet: string, path: string, grids: AnyWorkbookGrids): Promise<CliError> {
  if (await isFile(sheet))
    return { code: 'sheet-is-a-file', option: '--sheet', message: texts.merge.sheetIsAFile(sheet, path, true) };
  // The sheets --sheet could name: not the tool's own, which it refuses (nor `_ctg`, hidden in Excel).
  const added = grids.sheets.map((grid) => grid.name).filter((name) => !isToolSheetName(name));
  return { code: 'sheet-not-found', option: '--sheet', message: texts.merge.sheetNotFound(sheet, path, added) };
}

/**
 * Takes that would put several values in one cell, the last replacing the others: nothing written, exit 2, each
 * value with its file and the --take that takes it alone (`--json`: `ambiguousTakes` beside the error).
 */
function reportAmbiguousTakes(
  console: Console,
  options: MergeCommandOptions,
  report: MergeReport,
  unreadable: readonly CliError[],
): number {
  const cells = report.ambiguousTakes;
  const error: CliError = {
    code: 'take-ambiguous',
    option: '--take',
    message: texts.merge.takeAmbiguous(cells, quotedJournalValue),
  };
  if (!options.json) {
    for (const failure of unreadable) console.err(failure.message);
    return reportError(console, false, error);
  }
  const document = {
    file: options.path,
    written: false,
    ambiguousTakes: cells.map((cell) => ({
      key: cell.key,
      column: cell.column,
      takes: cell.takes,
      preferIncoming: cell.preferIncoming,
      candidates: cell.candidates.map(({ source, partner, value, take }) => ({
        source,
        partner,
        value: plainValue(value),
        take,
      })),
    })),
    unreadable: unreadable.map((failure) => ({ file: failure.file, code: failure.code, message: failure.message })),
    error,
  };
  console.out(JSON.stringify(document, null, 2));
  return EXIT_UNUSABLE;
}

export async function mergeCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseMergeArgs(args);
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { options } = parsed;
  const impossibleSheet = await impossibleSheetGiven(options);
  if (impossibleSheet) return reportError(console, options.json, impossibleSheet);
  const misplaced = await misplacedFile(options);
  if (misplaced) return reportError(console, options.json, misplaced);
  const master = await readWorkbookFile(options.path);
  if (!master.ok) return reportError(console, options.json, master.error);
  const { sheet } = options;
  if (sheet !== undefined && !master.grids.sheets.some((grid) => grid.name === sheet))
    return reportError(console, options.json, await missingSheetError(sheet, options.path, master.grids));
  const unwritable = options.dryRun ? null : await outputError(options);
  if (unwritable) return reportError(console, options.json, unwritable);
  // Before anything is written: a conversion of an .ods or .xls interrupted leaves nothing behind.
  const interruption = { message: texts.merge.interrupted, json: options.json };
  const { files, unreadable } = await interruptible(console, interruption, () => readReturnedFiles(options.files));
  console.progress(texts.merge.progress);
  const { port, bytes } = bytesPort(master);
  let outcome;
  try {
    outcome = await mergeAndWrite(port, files, { ...options, partnerForEveryFile: true, now: new Date() });
  } catch (error) {
    if (!(error instanceof XlsxUnreadableError)) throw error;
    return reportError(console, options.json, { code: error.error.code, message: error.message, file: options.path });
  }
  if (outcome.status !== 'done') return reportNotRewritten(options, outcome, console);
  if (outcome.report.ambiguousTakes.length > 0)
    return reportAmbiguousTakes(console, options, outcome.report, unreadable);
  const wrote = await writeWhenWritten(options, outcome.report.written, bytes, master.bytes, console);
  if (!wrote.ok) return wrote.code;
  const { written } = wrote;
  // What the rewrite itself says of the master (personal data erased from its records…) is a note of the whole merge.
  const notes = [...outcome.report.notes, ...outcome.notes.map((issue) => ({ source: '', issue }))];
  const workbook = written?.file ?? options.path;
  const report = {
    ...outcome.report,
    notes: notes.map(({ source, issue }) => ({ source, issue: namingWorkbook(issue, workbook) })),
  };
  if (options.json) {
    const unreadableJson = unreadable.map((error) => ({ file: error.file, code: error.code, message: error.message }));
    const document = reportAsJson(report, {
      file: workbook,
      ...backupJson(written?.backup ?? null),
      dryRun: options.dryRun,
      unreadable: unreadableJson,
      ...(unreadable.length > 0 ? { error: unreadableError(unreadable) } : {}),
    });
    console.out(JSON.stringify(document, null, 2));
  } else {
    for (const error of unreadable) console.err(error.message);
    printReport(console, report, written, options.dryRun, options.output !== null);
    if (isEmptyReturn(report, files.length, options.sheet)) console.out(texts.merge.nothingFilled(files.length));
  }
  const open = report.conflicts.some((conflict) => conflict.resolution === null);
  if (unreadable.length > 0) return EXIT_UNUSABLE;
  return open || report.rejected.length > 0 ? EXIT_DONE_WITH_ERRORS : EXIT_DONE;
}
