import { createIssue, type Issue } from '../domain/issues';
import type { CompletionFigures, StatusCounts } from '../domain/rates';
import { sheetNames } from '../layout/texts';
import type { WorkbookFigures } from '../layout/workbook-figures';
import { figuresOfState } from './state-layout';
import type { WorkbookState } from './workbook-state';
import { buildStateWorkbook, type StateWorkbook } from './write-state';

/**
 * `compute` (issue "Completion"): the workbook written again with its formulas and their cached results
 * refreshed by the layout, and the figures of the COPIL — taux de renseignement (période, cumulé) and taux de
 * réalisation for the plan, each axis and each porteur, fiches per status, and what the law requires of each AO.
 * Rates are fractions in [0, 1]; an undefined rate is null.
 */

export interface RateFigures {
  fillPeriod: number | null;
  fillCumulative: number | null;
  achievement: number | null;
}

export interface AoFigures {
  name: string;
  population: number | null;
  required: { plan: boolean | null; quality: boolean | null; schema: boolean | null; rpe: boolean | null };
  met: { schema: boolean | null; rpe: boolean | null };
}

export interface ComputedFigures {
  quarter: string;
  overall: RateFigures;
  axes: (RateFigures & { number: number; title: string; statusCounts: StatusCounts })[];
  carriers: (RateFigures & { name: string })[];
  /** Empty when the workbook has no readable `Compétences AO` (a note says so). */
  ao: AoFigures[];
}

export interface ComputeResult extends StateWorkbook {
  figures: ComputedFigures;
}

const rates = (figures: CompletionFigures): RateFigures => ({
  fillPeriod: figures.fillPeriod,
  fillCumulative: figures.fillCumulative,
  achievement: figures.achievement,
});

/**
 * The figures to print of a workbook's figures (workbook-figures.ts: the ones its cached results are written
 * from). `hasAo`: whether the workbook had a readable `Compétences AO`; without one, no AO figures and a note.
 */
export function computedFiguresOf(
  figures: WorkbookFigures,
  hasAo: boolean,
): { figures: ComputedFigures; notes: Issue[] } {
  const { summary } = figures;
  const notes: Issue[] = [];
  let ao: AoFigures[] = [];
  if (hasAo) {
    ao = figures.ao.assessment.rows.map((row) => ({
      name: row.name,
      population: row.population,
      required: {
        plan: row.required.plan,
        quality: row.required.quality,
        schema: row.required.schema,
        rpe: row.required.rpe,
      },
      met: { ...row.met },
    }));
  } else {
    notes.push(createIssue('ao-table-unavailable', { sheet: sheetNames.ao, cell: null }));
  }
  return {
    notes,
    figures: {
      quarter: summary.quarter,
      overall: rates(summary.overall),
      axes: summary.axes.map((axis) => ({
        number: axis.number,
        title: axis.title,
        ...rates(axis),
        statusCounts: axis.statusCounts,
      })),
      carriers: summary.carriers.map((carrier) => ({ name: carrier.name, ...rates(carrier) })),
      ao,
    },
  };
}

/** The figures of a workbook state: the same computation as the cached results `computeWorkbook` writes. */
export function computeFigures(state: WorkbookState): { figures: ComputedFigures; notes: Issue[] } {
  return computedFiguresOf(figuresOfState(state), state.ao !== null);
}

/** The workbook to write and the figures its cached results were written from. */
export async function computeWorkbook(state: WorkbookState, { now }: { now: Date }): Promise<ComputeResult> {
  const built = await buildStateWorkbook(state, { now });
  const { figures, notes } = computedFiguresOf(built.cachedFigures, state.ao !== null);
  return { ...built, figures, notes: [...built.notes, ...notes] };
}
