import { z } from 'zod';
import { ISSUE_CODES, issueCodes, type IssueCode, type IssueSeverityOf } from './issue-codes';
import { renderMessage, type MessageReader, type MessageSurface } from './messages';

/**
 * A problem found in a workbook, or met while rewriting it (validation, rewrites, next merge and consolidation):
 * docs/WORKBOOK.md, « Issues ». Issues are values, made by `createIssue` from the one table of codes
 * (src/domain/issue-codes); the French message is rendered from `code` and `params` by the one catalogue
 * (src/domain/messages).
 */

export const issueSeveritySchema = z.enum(['error', 'warning']);
export type IssueSeverity = z.infer<typeof issueSeveritySchema>;

export const issueParamValueSchema = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(z.number()),
  z.null(),
]);
export type IssueParamValue = z.infer<typeof issueParamValueSchema>;

/** The shape of an issue, to check one from outside (a test, a JSON document). */
export const issueSchema = z.object({
  severity: issueSeveritySchema,
  /** One of `issueCodes` (src/domain/issue-codes). */
  code: z.enum(ISSUE_CODES),
  /** The sheet the problem is in; null for the workbook as a whole (a missing `_ctg`). */
  sheet: z.string().nullable(),
  /** A1 address without the sheet, or null when the problem is not in one cell. */
  cell: z.string().nullable(),
  /** The `Clé` of the row concerned, when there is one. */
  rowKey: z.string().nullable(),
  params: z.record(z.string(), issueParamValueSchema),
});

/** An issue of one code (of each code, for a union), whose severity is the table's. */
export type IssueOf<C extends IssueCode> = C extends IssueCode
  ? Omit<z.infer<typeof issueSchema>, 'code' | 'severity'> & { severity: IssueSeverityOf<C>; code: C }
  : never;

/** An issue of any code: `Issue['code']` is the union of the table's codes, each with its own severity. */
export type Issue = IssueOf<IssueCode>;
export type IssueParams = Issue['params'];

/** Where an issue points. */
export interface IssueLocation {
  sheet: string | null;
  cell: string | null;
  rowKey: string | null;
}

/** An issue of the table's code, with the table's severity: the one way an issue is made. */
export function createIssue<C extends IssueCode>(
  code: C,
  location: Omit<IssueLocation, 'rowKey'> & { rowKey?: string | null },
  params: IssueParams = {},
): IssueOf<C> {
  const { sheet, cell, rowKey = null } = location;
  // The severity read from the table for `code` is the one IssueOf<C> names; the compiler cannot follow it.
  return { severity: issueCodes[code].severity, code, sheet, cell, rowKey, params } as IssueOf<C>;
}

/** The name the sheet readers of src/layout use for an issue. */
export type WorkbookIssue = Issue;

/** Row and column (1-based) of an A1 address; null when it is not one. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/**
 * Issues in the order a person reads a workbook: by sheet in workbook order (issues about the workbook as a
 * whole, then sheets that are missing, first), then row, then column; issues without a cell come first in
 * their sheet. The sort is stable, so rules keep their own order for ties.
 */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const sheetRank = (sheet: string | null): number => {
    if (sheet === null) return -2;
    const index = sheetOrder.indexOf(sheet);
    return index < 0 ? -1 : index;
  };
  // Each issue's place worked out once, as two numbers, not in every comparison: a workbook typed in by hand can
  // hold hundreds, and a consolidation sorts those of every file.
  const ranks = new Map<string | null, number>();
  const placed = issues.map((issue, index) => {
    let rank = ranks.get(issue.sheet);
    if (rank === undefined) ranks.set(issue.sheet, (rank = sheetRank(issue.sheet)));
    return { issue, index, rank, place: issue.cell === null ? 0 : cellPlace(issue.cell) };
  });
  return placed.sort((a, b) => a.rank - b.rank || a.place - b.place || a.index - b.index).map(({ issue }) => issue);
}

/** Columns fit below this factor (`ZZZ` is 18 278): a cell's row × it + its column orders by row, then column. */
const ROW_FACTOR = 32_768;

/**
 * `parseA1`'s row and column as one number that sorts alike (0 when the text is no address), read without a
 * regular expression: validation sorts every issue it finds.
 */
function cellPlace(address: string): number {
  let at = address.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  const lettersFrom = at;
  for (let code = address.charCodeAt(at); code >= 65 && code <= 90; code = address.charCodeAt(++at)) {
    column = column * 26 + (code - 64);
  }
  const letters = at - lettersFrom;
  if (letters < 1 || letters > 3) return 0;
  if (address.charCodeAt(at) === 36) at++;
  const digitsFrom = at;
  let row = 0;
  for (let code = address.charCodeAt(at); code >= 48 && code <= 57; code = address.charCodeAt(++at)) {
    row = row * 10 + (code - 48);
  }
  if (at === digitsFrom || at !== address.length) return 0;
  return row * ROW_FACTOR + column;
}

/** The French message of an issue for whoever reads it (`renderMessage`): its template, told where the issue is. */
export function renderIssueMessageFor(surface: MessageSurface, issue: Issue, reader: MessageReader = 'editor'): string {
  const params = { ...issue.params, sheet: issue.sheet, cell: issue.cell, rowKey: issue.rowKey };
  return renderMessage(issue.code, params, surface, reader);
}

/** The message of an issue as the command line says it (`renderMessage`'s default); one argument, to map a list. */
export function renderIssueMessage(issue: Issue): string {
  return renderIssueMessageFor('command-line', issue);
}
