import { aoTableFromPlan, type AoTable } from '../domain/ao-requirements';
import { quartersOfPeriod, type Quarter } from '../domain/periods';
import type { Plan } from '../domain/plan';
import { completionSummary, rateWindow, type CompletionSummary, type RateAxis, type RateWindow } from '../domain/rates';
import { aoSheetFigures, type AoSheetFigures } from './sheets/ao/ao-sheet';
import type { EnteredValues } from './entered-values';
import { rateAxisOf } from './rate-inputs';

/**
 * The figures of a workbook, computed once from the plan and the entered values (by row key, as the state keeps
 * them): the rates' inputs of every axis, the completion summary, and the assessment of `Compétences AO`. The
 * cached results written with the formulas (axis rows, Annexe 4, Compétences AO) and the figures `compute`
 * prints and the task pane shows are all read from one such object, so they cannot differ.
 */
export interface WorkbookFigures {
  window: RateWindow;
  /** The rates' inputs of each axis, in the plan's order. */
  axes: RateAxis[];
  summary: CompletionSummary;
  ao: AoSheetFigures;
}

/** What the figures read of a workbook's contents (see `WorkbookContents`). */
export interface FigureInputs {
  currentQuarter: Quarter;
  /** Entered values of the axis sheets, by row key (rows absent here hold what generation writes). */
  entered?: EnteredValues;
  /** `Compétences AO` as entered; absent: the table of the plan. */
  ao?: AoTable;
}

export function workbookFigures(plan: Plan, { currentQuarter, entered, ao }: FigureInputs): WorkbookFigures {
  const quarters = quartersOfPeriod(plan.period);
  const window = rateWindow(plan.period, currentQuarter);
  const axes = plan.axes.map((axis) => rateAxisOf(axis, quarters, entered));
  return {
    window,
    axes,
    summary: completionSummary(axes, window),
    ao: aoSheetFigures(ao ?? aoTableFromPlan(plan), currentQuarter),
  };
}
