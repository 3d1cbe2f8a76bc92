import { createIssue, type Issue } from '../issues';
import type { AxisSheetReading, FicheRow } from '../tracking';
import { isBlank } from '../tracking-values';
import { at } from './row-cells';

/** The plan columns the consolidation counts fiches by (docs/WORKBOOK.md, « Consolidation »). */
const COUNTED_BY = ['fields', 'publics'] as const;

const fichesOf = (sheet: AxisSheetReading) => sheet.rows.filter((row): row is FicheRow => row.type === 'fiche');

const isEmpty = (fiche: FicheRow, field: (typeof COUNTED_BY)[number]) => {
  const cell = fiche.cells[field];
  return cell === undefined || (isBlank(cell.raw) && cell.formula === undefined && !cell.isError);
};

/**
 * A column of `COUNTED_BY` empty for every fiche of an axis sheet while another axis sheet fills it for some fiche:
 * deleted, then put back empty with its header (`missing-column` no longer sees it). The consolidation would count
 * those fiches in no champ or public, without a word: one warning per sheet and column, at its first fiche's cell. A
 * plan that gives the column to no fiche is not warned of; a fiche left empty among others is the plan's own.
 */
export function checkPlanColumnsEmptied(sheets: readonly AxisSheetReading[]): Issue[] {
  const issues: Issue[] = [];
  for (const field of COUNTED_BY) {
    const filledSomewhere = sheets.some((sheet) => fichesOf(sheet).some((fiche) => !isEmpty(fiche, field)));
    if (!filledSomewhere) continue;
    for (const sheet of sheets) {
      const fiches = fichesOf(sheet).filter((fiche) => fiche.cells[field] !== undefined);
      if (fiches.length === 0 || !fiches.every((fiche) => isEmpty(fiche, field))) continue;
      const first = fiches[0];
      const cell = first.cells[field]!;
      issues.push(
        createIssue('plan-column-emptied', at(first, cell), { header: cell.header, field, fiches: fiches.length }),
      );
    }
  }
  return issues;
}
