import { undoLastMerge, type UndoReport } from '../../app';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS } from '../exit-codes';
import { reportError } from '../failure';
import { backupJson } from '../output-file';
import { texts } from '../texts';
import { namingWorkbook } from '../workbook-named';
import {
  bytesPort,
  issuesAsJson,
  outputError,
  parseInPlaceArgs,
  readWorkbookFile,
  reportNotRewritten,
  writeWhenWritten,
  plainValue,
} from './workbook-in-place';

/**
 * `ctg-suivi undo suivi.xlsx [-o sortie.xlsx] [--force] [--json]`: « Annuler la dernière fusion ». The cells the
 * last merge changed get their value back, unless changed since (reported, left as they are: exit 1), a row that
 * left the plan since or a quarter's column that left the workbook among them. One set back since to its value
 * before the merge has nothing to give back: reported, no failure.
 */

/**
 * A cell the undo left as it is: what the merge had put there, what it holds now, and whether it left the workbook
 * since (`leftPlan`).
 */
function cellLeftAsJson(cell: UndoReport['changedSince'][number]) {
  const { key, column, merged, now } = cell;
  return { key, column, merged: plainValue(merged), now: plainValue(now), leftPlan: leftPlanAsJson(cell) };
}

/**
 * A cell removed from the workbook since the merge, with its row or its quarter's column: whether Archives keeps its
 * value, which, and whether it came back.
 */
function leftPlanAsJson({ leftPlan }: UndoReport['changedSince'][number]) {
  if (leftPlan === null) return null;
  const { removed, archived, backInPlan } = leftPlan;
  return { removed, archived: archived !== null, value: archived === null ? null : plainValue(archived), backInPlan };
}

function asJson(report: UndoReport) {
  return {
    mergeAt: report.mergeAt,
    files: report.files,
    restored: report.restored.map((cell) => ({
      key: cell.key,
      column: cell.column,
      merged: plainValue(cell.merged),
      restored: plainValue(cell.restored),
      source: cell.file,
      partner: cell.partner,
    })),
    changedSince: report.changedSince.map(cellLeftAsJson),
    alreadyBefore: report.alreadyBefore.map(cellLeftAsJson),
    contributionsRemoved: report.contributionsRemoved,
    written: report.written,
  };
}

export async function undoCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseInPlaceArgs('undo', args, console);
  if (!parsed.ok) return parsed.code;
  const { options } = parsed;
  const read = await readWorkbookFile(options.path);
  if (!read.ok) return reportError(console, options.json, read.error);
  const unwritable = await outputError(options);
  if (unwritable) return reportError(console, options.json, unwritable);
  console.progress(texts.undo.progress);
  const { port, bytes } = bytesPort(read);
  const outcome = await undoLastMerge(port, { now: new Date() });
  if (outcome.status !== 'done') return reportNotRewritten(options, outcome, console);
  const { report } = outcome;
  const wrote = await writeWhenWritten(options, report.written, bytes, read.bytes, console);
  if (!wrote.ok) return wrote.code;
  const { written } = wrote;
  const notes = outcome.notes.map((issue) => namingWorkbook(issue, written?.file ?? options.path));
  if (options.json) {
    const document = {
      file: written?.file ?? options.path,
      ...backupJson(written?.backup ?? null),
      ...asJson(report),
      notes: issuesAsJson(notes),
    };
    console.out(JSON.stringify(document, null, 2));
  } else {
    console.out(texts.undo.done(report, written));
    for (const note of notes) console.out(texts.undo.note(note));
  }
  return report.changedSince.length > 0 ? EXIT_DONE_WITH_ERRORS : EXIT_DONE;
}
