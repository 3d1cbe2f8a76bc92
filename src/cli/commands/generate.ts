import { defaultWorkbookFileName, generateWorkbook, type GenerateSummary } from '../../app';
import { createXlsxWriterPort } from '../../xlsx/writer';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { reportError } from '../failure';
import { backupJson, outputNameError, outputPathError, writeOutputFile } from '../output-file';
import { outputExample, texts } from '../texts';

/** The workbook a message about -o suggests. */
const EXAMPLE = outputExample('generate');
import { extractGiven } from '../extract-given';
import { existingWorkbook, generateOver, trackingWorkbookUnreadable } from './generate-over';
import { loadPlanArgument } from './plan';

export async function generateCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs('generate', args, {
    plan: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { json } = parsed;
  const force = Boolean(parsed.values.force);
  if (parsed.positionals.length > 0) {
    return reportError(console, json, { code: 'unexpected-argument', message: texts.generate.noPositional });
  }
  const output = parsed.values.output as string | undefined;
  const badName = output === undefined ? null : outputNameError(output, EXAMPLE);
  if (badName) return reportError(console, json, badName);
  const planFile = parsed.values.plan as string | undefined;
  const loaded = await loadPlanArgument(planFile);
  if (!loaded.ok) return reportError(console, json, loaded.error);
  const { plan, warnings } = loaded.reading;
  const path = output ?? defaultWorkbookFileName(plan);
  // Over an existing tracking workbook, --force regenerates it and keeps what people entered; never over an extract,
  // nor over a file it cannot read (a person's filled workbook, maybe, damaged or over a limit).
  const existing = await existingWorkbook(path);
  if (typeof existing === 'object' && 'extractFor' in existing)
    return reportError(console, json, extractGiven('generate', path, existing.extractFor));
  // With or without --force: --force would not replace it either, so the refusal says why and what to do instead.
  if (typeof existing === 'object') return reportError(console, json, existing.unreadable);
  if (existing === 'tracking') {
    if (force) return generateOver(path, loaded.reading, json, console);
    // --force is offered only where it would regenerate the workbook.
    const unreadable = await trackingWorkbookUnreadable(path);
    if (unreadable) return reportError(console, json, unreadable);
    const message = texts.generate.trackingWorkbookExists(path);
    return reportError(console, json, { code: 'tracking-workbook-exists', message, file: path });
  }
  const unwritable = await outputPathError(path, force, EXAMPLE);
  if (unwritable) return reportError(console, json, unwritable);

  console.progress(texts.generate.progress);
  let bytes: Uint8Array | null = null;
  const summary: GenerateSummary = await generateWorkbook(
    plan,
    createXlsxWriterPort((written) => void (bytes = written)),
    { today: new Date() },
  );
  const written = await writeOutputFile(path, bytes as unknown as Uint8Array, force, EXAMPLE);
  if (!written.ok) return reportError(console, json, written.error, written.exitCode);
  if (json) {
    console.out(
      JSON.stringify({ file: path, ...backupJson(written.backup), ...summary, planWarnings: warnings.length }, null, 2),
    );
  } else {
    console.out(
      texts.generate.done(path, summary, plan.axes.length, warnings.length, written.backup, planFile ?? null),
    );
  }
  return EXIT_DONE;
}
