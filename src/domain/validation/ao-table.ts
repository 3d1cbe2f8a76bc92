import { assessAoTable, UPPER_THRESHOLD, type AoTable } from '../ao-requirements';
import type { Issue } from '../issues';
import type { Quarter } from '../periods';
import { createIssue } from '../issues';

/** Where the cells of one row of `Compétences AO` are (A1 addresses), in the order of `AoSheetInput.table.rows`. */
export interface AoRowCells {
  population: string;
  rpeExists: string;
  schemaExists: string;
}

/** `Compétences AO` as read back by src/layout (ao-sheet-read.ts): the table and where its cells are. */
export interface AoSheetInput {
  sheet: string;
  table: AoTable;
  rowCells: AoRowCells[];
  /** The declared total's cell and the check cell. */
  declaredCell: string;
  checkCell: string;
}

/**
 * The AO warnings (docs/WORKBOOK.md, « Issues »: a missing AO obligation is a warning): one per schéma or RPE the law
 * requires of a row and that the row says it lacks (at the row's `Schéma` or `RPE existant` cell), and one when
 * the populations entered for the transferring communes do not add up to the declared total (at the check cell).
 */
export function checkAoRequirements(input: AoSheetInput, current: Quarter): Issue[] {
  const assessment = assessAoTable(input.table, current);
  const issues: Issue[] = [];
  assessment.rows.forEach((row, index) => {
    const cells = input.rowCells[index];
    for (const obligation of row.unmet) {
      const cell = obligation === 'schema' ? cells.schemaExists : cells.rpeExists;
      issues.push(
        createIssue(
          'ao-requirement-not-met',
          { sheet: input.sheet, cell, rowKey: null },
          { name: row.name, obligation, population: row.population, threshold: UPPER_THRESHOLD },
        ),
      );
    }
  });
  if (assessment.populationsMatchDeclared === false) {
    issues.push(
      createIssue(
        'ao-population-total-mismatch',
        { sheet: input.sheet, cell: input.checkCell, rowKey: null },
        { filled: assessment.filledTransferredPopulation, declared: input.table.declaredTransferredPopulation },
      ),
    );
  }
  return issues;
}
