import { defaultWorkbookFileName, generateWorkbook, type GenerateSummary } from '../../app';
import { createXlsxWriterPort } from '../../xlsx/writer';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_UNUSABLE } from '../exit-codes';
import { writeOutputFile } from '../output-file';
import { texts } from '../texts';
import { generateOver, isTrackingWorkbookFile } from './generate-over';
import { loadPlanArgument } from './plan';

export async function generateCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs(args, {
    plan: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!parsed.ok) {
    console.err(texts.badUsage('generate', parsed.detail));
    return EXIT_UNUSABLE;
  }
  if (parsed.positionals.length > 0) {
    console.err(texts.generate.noPositional);
    return EXIT_UNUSABLE;
  }
  const loaded = await loadPlanArgument(parsed.values.plan as string | undefined, console);
  if (!loaded.ok) return EXIT_UNUSABLE;
  const { plan, warnings } = loaded.reading;
  const path = (parsed.values.output as string | undefined) ?? defaultWorkbookFileName(plan);
  // Over an existing tracking workbook, --force regenerates it and keeps what people entered.
  if (await isTrackingWorkbookFile(path)) {
    if (parsed.values.force) return generateOver(path, loaded.reading, Boolean(parsed.values.json), console);
    console.err(texts.generate.trackingWorkbookExists(path));
    return EXIT_UNUSABLE;
  }

  console.progress(texts.generate.progress);
  let bytes: Uint8Array | null = null;
  const summary: GenerateSummary = await generateWorkbook(
    plan,
    createXlsxWriterPort((written) => void (bytes = written)),
    { today: new Date() },
  );
  const written = await writeOutputFile(path, bytes as unknown as Uint8Array, Boolean(parsed.values.force));
  if (!written.ok) {
    console.err(written.reason === 'exists' ? texts.fileExists(path) : texts.fileUnwritable(path, written.detail));
    return EXIT_UNUSABLE;
  }
  if (parsed.values.json) {
    console.out(
      JSON.stringify({ file: path, backup: written.backup, ...summary, planWarnings: warnings.length }, null, 2),
    );
  } else {
    console.out(texts.generate.done(path, summary, plan.axes.length, warnings.length, written.backup));
  }
  return EXIT_DONE;
}
