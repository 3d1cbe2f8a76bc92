import type { WorkbookStatus } from '../status/workbook-status';

/** The pane's tasks, one tab each (their labels in texts.tasks). */
export type TaskId = 'quarter' | 'partners' | 'check' | 'bilan' | 'create' | 'consolidate';

/**
 * The tasks offered and their order for what is open: with a tracking workbook, this quarter's work first (figures,
 * checking, closing), the partners' extracts and returns, the bilans of the convention's periods, then creating from
 * a plan (a rebuild); without one, creating comes first and there is no quarter to work on, no partner to write to
 * and no bilan to make. The consolidation reads other
 * files, never the open workbook: it is offered whatever is open, last, so that a territory's own tasks keep their
 * places and the Caf finds it at the same place in every case. `null` while the open workbook has not been read yet.
 */
export function taskOrder(open: WorkbookStatus | 'outside-excel' | 'unknown' | null): TaskId[] | null {
  if (open === null) return null;
  if (open !== 'outside-excel' && open !== 'unknown' && open.kind === 'tracking')
    return ['quarter', 'partners', 'check', 'bilan', 'create', 'consolidate'];
  return ['create', 'check', 'consolidate'];
}
