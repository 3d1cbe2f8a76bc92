import { renderIssueMessage } from '../../app';
import { closeQuarterAndWrite } from '../../app/rewrite-use-cases';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { texts } from '../texts';
import {
  bytesPort,
  issuesAsJson,
  parseInPlaceArgs,
  readWorkbookFile,
  reportNotRewritten,
  writeWorkbookFile,
} from './workbook-in-place';

/** `ctg-suivi close-quarter suivi.xlsx [-o out.xlsx] [--force] [--json]`: closes the current quarter. */
export async function closeQuarterCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseInPlaceArgs('close-quarter', args, console);
  if (!parsed.ok) return parsed.code;
  const { options } = parsed;
  const read = await readWorkbookFile(options.path, console);
  if (!read.ok) return read.code;
  console.progress(texts.closeQuarter.progress);
  const { port, bytes } = bytesPort(read.grids);
  const outcome = await closeQuarterAndWrite(port, { now: new Date() });
  if (outcome.status !== 'done') return reportNotRewritten(options, outcome, console);
  const written = await writeWorkbookFile(options, bytes()!, console);
  if (!written.ok) return written.code;
  const summary = {
    file: written.file,
    backup: written.backup,
    closed: outcome.closed,
    next: outcome.next,
    historyRows: outcome.historyRows,
    replacedRows: outcome.replacedRows,
  };
  if (options.json) {
    console.out(JSON.stringify({ ...summary, notes: issuesAsJson(outcome.notes) }, null, 2));
  } else {
    console.out(texts.closeQuarter.done(summary, outcome.notes.map(renderIssueMessage)));
  }
  return EXIT_DONE;
}
