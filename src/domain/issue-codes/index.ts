import type { IssueSeverity } from '../issues';
import { mergeIssueCodes } from './merge';
import { bilanIssueCodes } from './bilan';
import { consolidationIssueCodes } from './consolidation';
import { extractIssueCodes } from './extract';
import { rewriteIssueCodes } from './rewrite';
import { validationIssueCodes } from './validation';

/**
 * The one table of the codes an `Issue` can carry (docs/WORKBOOK.md, « Issues »): each with its severity and the
 * French description docs/CODES.md shows. An issue is made only with `createIssue`
 * (src/domain/issues.ts), so a code not in this table does not compile, and its severity is the table's. Each
 * area keeps its codes in its own file (validation, rewrites, merges, extracts, consolidation, bilans).
 */

export interface IssueCodeEntry {
  severity: IssueSeverity;
  description: string;
}

export const issueCodes = {
  ...validationIssueCodes,
  ...rewriteIssueCodes,
  ...mergeIssueCodes,
  ...extractIssueCodes,
  ...consolidationIssueCodes,
  ...bilanIssueCodes,
} as const satisfies Record<string, IssueCodeEntry>;

export type IssueCode = keyof typeof issueCodes;

/** The severity of each code, as a type: `IssueSeverityOf<'missing-sheet'>` is `'error'`. */
export type IssueSeverityOf<C extends IssueCode> = (typeof issueCodes)[C]['severity'];

/** Every code, for a schema's enum. */
export const ISSUE_CODES = Object.keys(issueCodes) as [IssueCode, ...IssueCode[]];
