import { computeAndWrite } from '../../app/rewrite-use-cases';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { backupJson } from '../output-file';
import { texts } from '../texts';
import { issuesAsJson, rewriteWorkbookFile } from './workbook-in-place';

/**
 * `ctg-suivi compute suivi.xlsx [--quarter AAAA-Tn] [-o out.xlsx] [--force] [--json]`: refreshes the rates and
 * prints the figures; `--quarter` makes that quarter the current one first (a quarter the convention does not
 * have is wrong usage, exit 2, nothing written).
 */
export async function computeCommand(args: string[], console: Console): Promise<number> {
  const run = await rewriteWorkbookFile(
    'compute',
    args,
    console,
    texts.compute.progress,
    (port, options) => computeAndWrite(port, { now: new Date(), quarter: options.quarter }),
    { quarter: true },
  );
  if (!run.ok) return run.code;
  const { outcome, file, backup } = run;
  if (run.options.json) {
    const { quarterChange } = outcome;
    console.out(
      JSON.stringify(
        { file, ...backupJson(backup), ...outcome.figures, quarterChange, notes: issuesAsJson(outcome.notes) },
        null,
        2,
      ),
    );
  } else {
    console.out(texts.compute.done(file, backup, outcome.figures, outcome.notes, outcome.quarterChange));
  }
  return EXIT_DONE;
}
