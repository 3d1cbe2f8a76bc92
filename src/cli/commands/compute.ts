import { renderIssueMessage } from '../../app';
import { computeAndWrite } from '../../app/rewrite-use-cases';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { texts } from '../texts';
import { issuesAsJson, rewriteWorkbookFile } from './workbook-in-place';

/** `ctg-suivi compute suivi.xlsx [-o out.xlsx] [--force] [--json]`: refreshes the rates and prints the figures. */
export async function computeCommand(args: string[], console: Console): Promise<number> {
  const run = await rewriteWorkbookFile('compute', args, console, texts.compute.progress, (port) =>
    computeAndWrite(port, { now: new Date() }),
  );
  if (!run.ok) return run.code;
  const { outcome, file, backup } = run;
  if (run.options.json) {
    console.out(JSON.stringify({ file, backup, ...outcome.figures, notes: issuesAsJson(outcome.notes) }, null, 2));
  } else {
    console.out(texts.compute.done(file, backup, outcome.figures, outcome.notes.map(renderIssueMessage)));
  }
  return EXIT_DONE;
}
