import { createIssue, type Issue } from '../issues';
import { quarterIndex, quarterLabel, type Quarter } from '../periods';
import type { TrackingRow } from '../tracking';
import { isBlank } from '../tracking-values';
import { at, shown } from './row-cells';

/**
 * Statut and « Abandonnée en » typed so that they disagree (docs/WORKBOOK.md, « Abandoned fiches »), a warning at
 * « Abandonnée en »: a quarter beside a Statut other than « Abandonnée », which the next compute or closing empties;
 * or, when Q is known, an abandoned fiche's quarter after Q, which compute keeps while its criteria still expect
 * values until then. A Statut « Abandonnée » with the cell empty agrees (compute writes Q there); a cell that holds
 * no quarter of the convention is an error of its own (`abandoned-in-invalid`).
 */
export function checkAbandonmentAgreement(rows: readonly TrackingRow[], current: Quarter | null): Issue[] {
  const issues: Issue[] = [];
  for (const fiche of rows) {
    if (fiche.type !== 'fiche' || fiche.abandonedIn === null) continue;
    const cell = fiche.cells.abandonedIn;
    const params = { key: fiche.key, header: cell?.header ?? '', quarter: quarterLabel(fiche.abandonedIn) };
    if (fiche.status !== 'Abandonnée') {
      const status = fiche.cells.status;
      const shownStatus = status && !isBlank(status.raw) ? shown(status) : '';
      issues.push(
        createIssue('abandoned-in-status-mismatch', at(fiche, cell), {
          ...params,
          reason: 'statusNotAbandoned',
          status: shownStatus,
        }),
      );
    } else if (current && quarterIndex(fiche.abandonedIn) > quarterIndex(current)) {
      issues.push(
        createIssue('abandoned-in-status-mismatch', at(fiche, cell), {
          ...params,
          reason: 'afterCurrent',
          current: quarterLabel(current),
        }),
      );
    }
  }
  return issues;
}
