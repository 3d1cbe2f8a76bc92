import { isTrackingWorkbook, readExtractMeta, renderIssueMessage, statusSheets, type PlanReading } from '../../app';
import { regenerateAndWrite } from '../../app/rewrite-use-cases';
import { readXlsx } from '../../xlsx/reader';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { readInputFile } from '../files';
import { backupJson, isNameTooLong } from '../output-file';
import { texts } from '../texts';
import {
  bytesPort,
  issuesAsJson,
  outputError,
  readWorkbookFile,
  reportNotRewritten,
  unreadableFileError,
  writeWorkbookFile,
} from './workbook-in-place';
import { DEFAULT_XLSX_READ_LIMITS } from '../../xlsx/reader';

/**
 * `generate --force` onto an existing tracking workbook (one with `_ctg`): the workbook is regenerated from the
 * plan with every entered value kept by key, never replaced by a blank one (docs/WORKBOOK.md, « Keys »).
 */

/**
 * What the file at `path` is, for `generate`: nothing there (`none`: no file, or a folder, which the output check
 * refuses), a tracking workbook, a partner's extract (whose recipient is given), which is never written over, another
 * workbook (`other`, which `--force` replaces), or a file that cannot be read (`unreadable`, why in French): that one
 * may be a person's filled workbook, damaged or over a limit, and a blank workbook is never written over it. Only
 * `_ctg` and Paramètres are read.
 */
export async function existingWorkbook(
  path: string,
): Promise<'none' | 'tracking' | 'other' | { extractFor: string } | { unreadable: CliError }> {
  // No file can have a name the system refuses: the output's check names it (outputPathError).
  if (await isNameTooLong(path)) return 'none';
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) {
    const nothingThere = file.error.code === 'file-not-found' || file.error.code === 'not-a-file';
    return nothingThere ? 'none' : { unreadable: keptUnread(path, file.error) };
  }
  const read = readXlsx(file.bytes, { sheets: statusSheets });
  if (!read.ok) return { unreadable: keptUnread(path, unreadableFileError(path, read.error)) };
  if (!isTrackingWorkbook(read.grids)) return 'other';
  const extract = readExtractMeta(read.grids);
  return extract ? { extractFor: extract.partner } : 'tracking';
}

/**
 * Why a tracking workbook cannot be regenerated, when its whole read refuses it (a text over Excel's limit: only
 * `_ctg` and Paramètres were read to find it a tracking workbook); null when it can be.
 */
export async function trackingWorkbookUnreadable(path: string): Promise<CliError | null> {
  const read = await readWorkbookFile(path);
  return read.ok ? null : keptUnread(path, read.error);
}

/** Why an existing file cannot be read, followed by what `generate` did not do and how to get a blank workbook. */
function keptUnread(path: string, error: CliError): CliError {
  return { ...error, message: texts.generate.existingUnreadable(path, error.message), file: path };
}

export async function generateOver(
  path: string,
  reading: PlanReading,
  json: boolean,
  console: Console,
): Promise<number> {
  const options = { command: 'generate' as const, path, output: null, force: true, json };
  // A workbook made read-only, or whose `.bak` would have a name too long: said before the work.
  const unwritable = await outputError(options);
  if (unwritable) return reportError(console, json, unwritable);
  const read = await readWorkbookFile(path);
  if (!read.ok) return reportError(console, json, keptUnread(path, read.error));
  console.progress(texts.generate.progress);
  const { port, bytes } = bytesPort(read);
  const outcome = await regenerateAndWrite(port, reading.plan, { now: new Date() });
  if (outcome.status !== 'done') return reportNotRewritten(options, outcome, console);
  const written = await writeWorkbookFile(options, bytes()!, read.bytes, console);
  if (!written.ok) return written.code;
  if (json) {
    console.out(
      JSON.stringify(
        {
          file: written.file,
          ...backupJson(written.backup),
          regenerated: true,
          ...outcome.report,
          planWarnings: reading.warnings.length,
          notes: issuesAsJson(outcome.notes),
        },
        null,
        2,
      ),
    );
  } else {
    const { aoRowsAdded, aoRowsRemoved, aoValuesJournalled } = outcome.report;
    console.out(
      texts.generate.regenerated(written.file, written.backup, outcome.notes.map(renderIssueMessage), {
        added: aoRowsAdded.length,
        removed: aoRowsRemoved.length,
        journalled: aoValuesJournalled,
      }),
    );
  }
  return EXIT_DONE;
}
