import { createIssue, type Issue } from '../domain/issues';
import { returnedNumber } from './merge/returned-value';

/**
 * A returned extract's issues as the merge will treat its cells (docs/WORKBOOK.md, « Extracts »): a number typed as
 * text is taken by the merge as that number (a warning saying so, not an error), and a formula is refused by the
 * merge whatever the file's program does with it (said with the merge's own words, not « open and save it »).
 */
export function asMergeTreats(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    const at = { sheet: issue.sheet, cell: issue.cell, rowKey: issue.rowKey };
    if (issue.code === 'formula-in-input-cell' || issue.code === 'formula-without-value')
      return createIssue('merge-formula', at, {
        formula: issue.params.formula ?? '',
        header: issue.params.header ?? '',
      });
    if (issue.code !== 'quarter-value-number-as-text') return issue;
    const number = returnedNumber(issue.params.value as string);
    return number === null ? issue : createIssue('extract-number-as-text', at, { ...issue.params, number });
  });
}
