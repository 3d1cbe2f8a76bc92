import { createIssue, type Issue } from '../issues';
import type { TrackingRow } from '../tracking';
import { isDayAfterToday } from '../tracking-values';
import { frenchDay } from '../messages/numbers';
import { at } from './row-cells';

/**
 * A fiche's « Dernière mise à jour » after today: a warning at its cell. Left as it is, it would date its copy of the
 * territory (a consolidation keeps the newest copy); the consolidation does not count it (src/app/consolidate).
 */
export function checkUpdatesAfterToday(rows: readonly TrackingRow[], today: Date): Issue[] {
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.type !== 'fiche' || row.updatedOn === null || !isDayAfterToday(row.updatedOn, today)) continue;
    const cell = row.cells.updatedOn;
    issues.push(
      createIssue('update-date-in-future', at(row, cell), {
        header: cell?.header ?? '',
        date: frenchDay(row.updatedOn),
      }),
    );
  }
  return issues;
}
