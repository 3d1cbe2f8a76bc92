import { closeQuarterAndWrite } from '../../app/rewrite-use-cases';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { backupJson } from '../output-file';
import { texts } from '../texts';
import { namingWorkbook } from '../workbook-named';
import { issuesAsJson, rewriteWorkbookFile } from './workbook-in-place';

/** `ctg-suivi close-quarter suivi.xlsx [-o out.xlsx] [--force] [--json]`: closes the current quarter. */
export async function closeQuarterCommand(args: string[], console: Console): Promise<number> {
  const run = await rewriteWorkbookFile('close-quarter', args, console, texts.closeQuarter.progress, (port) =>
    closeQuarterAndWrite(port, { now: new Date() }),
  );
  if (!run.ok) return run.code;
  const { outcome } = run;
  // A note that gives a command (`quarter-closed-before-end`) names the workbook written, to copy as it is.
  const notes = outcome.notes.map((issue) => namingWorkbook(issue, run.file));
  const summary = {
    file: run.file,
    backup: run.backup,
    closed: outcome.closed,
    next: outcome.next,
    nextIsLast: outcome.nextIsLast,
    historyRows: outcome.historyRows,
    replacedRows: outcome.replacedRows,
  };
  if (run.options.json) {
    console.out(JSON.stringify({ ...summary, ...backupJson(run.backup), notes: issuesAsJson(notes) }, null, 2));
  } else {
    console.out(texts.closeQuarter.done(summary, notes));
  }
  return EXIT_DONE;
}
