import type { Issue } from '../../app';

/**
 * Where clicking an issue goes in Excel: its cell (A1 when it concerns a sheet as a whole), on a sheet the
 * workbook has. A missing sheet has nothing to show, unless it seems renamed: then the renamed sheet. Null: the
 * issue is shown as text, not as a link.
 */
export function issueTarget(issue: Issue, presentSheets: ReadonlySet<string>): { sheet: string; cell: string } | null {
  if (issue.sheet && presentSheets.has(issue.sheet)) return { sheet: issue.sheet, cell: issue.cell ?? 'A1' };
  const renamed = issue.params.renamedAs;
  if (typeof renamed === 'string' && presentSheets.has(renamed)) return { sheet: renamed, cell: 'A1' };
  return null;
}
