import {
  consolidate,
  consolidationRead,
  measureTerritory,
  type Consolidation,
  type FileOrigin,
  type MeasureOutcome,
  type SheetSelection,
} from '../../app/consolidate';
import { quarterLabel, type Quarter } from '../../app';
import { readPickedSheets } from '../files/read-picked-xlsx';
import { texts } from '../texts';

/** Every file of the pane's consolidation is picked. */
const PICKED: FileOrigin = { kind: 'picked' };

/** Lets the browser handle events and paint (the progress line) before the next file. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One picked file read (`consolidationRead`) and measured, as the command line's `measureFile` does: read again, the
 * sheets it skipped too, when an axis sheet is missing.
 */
async function measurePicked(file: File, quarter: Quarter | null, today: Date): Promise<MeasureOutcome> {
  const read = await readPickedSheets(file, consolidationRead);
  if (!read.ok) return { ok: false, rejected: { file: read.name, code: read.code, reason: read.message } };
  const reread = async (sheets: SheetSelection) => {
    const again = await readPickedSheets(file, { ...consolidationRead, sheets });
    return again.ok ? again.grids : null;
  };
  return measureTerritory(read.name, read.grids, {
    ...(quarter ? { quarter } : {}),
    today,
    origin: PICKED,
    reread,
    surface: 'task-pane',
  });
}

/** A failure no check foresaw (a defect) leaves this file out, as the command line does, and the others go on. */
function unexpected(file: File, error: unknown): MeasureOutcome {
  // Logged for whoever opens the developer tools; the user reads the French line.
  console.error(error);
  return {
    ok: false,
    rejected: { file: file.name, code: 'unexpected-error', reason: texts.consolidation.unexpected(String(error)) },
  };
}

/**
 * The consolidation of picked files (`ctg-suivi consolidate` in the pane). One file at a time: its grids are
 * dropped once measured, so that only the measures of many territories are held; a file that cannot be read is
 * left out with its reason and the others go on. `onRead` is told after each file.
 */
export async function consolidatePicked(
  files: readonly File[],
  options: { quarter: Quarter | null; today: Date; onRead: (done: number, total: number) => void },
): Promise<Consolidation> {
  const outcomes: MeasureOutcome[] = [];
  for (const file of files) {
    outcomes.push(
      await measurePicked(file, options.quarter, options.today).catch((error: unknown) => unexpected(file, error)),
    );
    options.onRead(outcomes.length, files.length);
    await nextTask();
  }
  return consolidate(outcomes, options.quarter ? quarterLabel(options.quarter) : null, () => PICKED, options.today);
}
