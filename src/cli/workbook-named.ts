import { shellWord, type Issue } from '../app';

/**
 * An issue as the command line says it (of a rewrite, or of `validate`): a message that gives a command to type on the workbook
 * (`merge-closed-quarter`: « npx ctg-suivi compute … --quarter … ») names the workbook the command wrote, `path`,
 * so that the command can be copied as it is.
 */
export function namingWorkbook(issue: Issue, path: string): Issue {
  return { ...issue, params: { ...issue.params, workbook: shellWord(path) } };
}
