import type { AnyWorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { workbookFigures } from '../layout/workbook-figures';
import { computedFiguresOf, type ComputedFigures } from './compute';
import type { WorkbookReader } from './port';
import { readTrackingWorkbook } from './read-tracking-workbook';
import { figureSheets } from './sheet-selections';
import { enteredOfReading, planOfReading } from './workbook-state';

/**
 * The figures of a workbook as it is, without rewriting it: the same computation as `compute`'s (workbook-figures.ts,
 * from the plan and the values the axis sheets hold), from the sheets the figures need only. Not a validation (that
 * reads every sheet): `issues` are the reading's own, for the caller to show or weigh.
 */
export type FiguresReading =
  { ok: true; figures: ComputedFigures; notes: Issue[]; issues: Issue[] } | { ok: false; issues: Issue[] };

/** The figures of grids that hold at least `figureSheets` (a whole read, or a read of those sheets). */
export async function figuresOfGrids(grids: AnyWorkbookGrids): Promise<FiguresReading> {
  const reading = await readTrackingWorkbook(grids);
  if (!reading.ok) return { ok: false, issues: reading.issues };
  const currentQuarter = reading.settings?.currentQuarter ?? null;
  if (!reading.settings || !currentQuarter) return { ok: false, issues: reading.issues };
  const parsed = planOfReading(reading, reading.settings, grids);
  if (!parsed.ok) return { ok: false, issues: [...reading.issues, parsed.issue] };
  const ao = reading.ao?.table ?? null;
  const figures = workbookFigures(parsed.plan, {
    currentQuarter,
    entered: enteredOfReading(reading),
    ...(ao ? { ao } : {}),
  });
  return { ok: true, ...computedFiguresOf(figures, ao !== null), issues: reading.issues };
}

/** Reads the sheets the figures need, and their figures. */
export async function readFigures(port: WorkbookReader): Promise<FiguresReading> {
  return figuresOfGrids(await port.read({ sheets: figureSheets }));
}
