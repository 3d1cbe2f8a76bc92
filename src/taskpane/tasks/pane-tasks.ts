import type { WorkbookStatus } from '../status/workbook-status';

/**
 * The pane's tasks, one tab each. The consolidation and bilan tasks (they read and produce other workbooks) come
 * here as further ids, each with its label in texts.tasks and its place in `taskOrder`.
 */
export type TaskId = 'quarter' | 'partners' | 'check' | 'create';

/**
 * The tasks offered and their order for what is open: with a tracking workbook, this quarter's work first (figures,
 * checking, closing), the partners' extracts and returns, then creating from a plan (a rebuild); without one,
 * creating comes first and there is no quarter to work on nor partners to write to. `null` while the open workbook has not been read yet.
 */
export function taskOrder(open: WorkbookStatus | 'outside-excel' | 'unknown' | null): TaskId[] | null {
  if (open === null) return null;
  if (open !== 'outside-excel' && open !== 'unknown' && open.kind === 'tracking')
    return ['quarter', 'partners', 'check', 'create'];
  return ['create', 'check'];
}
