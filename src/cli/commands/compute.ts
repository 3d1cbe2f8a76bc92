import { renderIssueMessage } from '../../app';
import { computeAndWrite } from '../../app/rewrite-use-cases';
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

/** `ctg-suivi compute suivi.xlsx [-o out.xlsx] [--force] [--json]`: refreshes the rates and prints the figures. */
export async function computeCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseInPlaceArgs('compute', args, console);
  if (!parsed.ok) return parsed.code;
  const { options } = parsed;
  const read = await readWorkbookFile(options.path, console);
  if (!read.ok) return read.code;
  console.progress(texts.compute.progress);
  const { port, bytes } = bytesPort(read.grids);
  const outcome = await computeAndWrite(port, { now: new Date() });
  if (outcome.status !== 'done') return reportNotRewritten(options, outcome, console);
  const written = await writeWorkbookFile(options, bytes()!, console);
  if (!written.ok) return written.code;
  if (options.json) {
    console.out(
      JSON.stringify(
        { file: written.file, backup: written.backup, ...outcome.figures, notes: issuesAsJson(outcome.notes) },
        null,
        2,
      ),
    );
  } else {
    console.out(
      texts.compute.done(written.file, written.backup, outcome.figures, outcome.notes.map(renderIssueMessage)),
    );
  }
  return EXIT_DONE;
}
