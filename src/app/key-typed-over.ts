import { parseA1, type Issue } from '../domain/issues';
import { rowTypeOfKey } from '../domain/tracking';

/** The sheet and row of an issue's cell (`Axe 1!5`), to tell the issues of one row. */
export function rowOfIssue(issue: Issue): string {
  return `${issue.sheet ?? ''}!${parseA1(issue.cell ?? '')?.row ?? ''}`;
}

/**
 * The read greys a row's cells by the type its key says: a fiche's row whose key was typed over with a criterion's
 * has its plan cells (Intérêt, Porteur(s)…) taken for grey ones, which the person would be told to erase. Its
 * `key-changed` says what to do; once its key is typed back, its cells are its type's again: not said on top.
 */
export function withoutGreyCellsOfKeysTypedOver(issues: readonly Issue[]): Issue[] {
  const otherType = new Set(
    issues
      .filter((issue) => issue.code === 'key-changed')
      .filter(({ params }) => {
        const shown = rowTypeOfKey(String(params.found ?? ''));
        return shown !== null && shown !== rowTypeOfKey(String(params.expected ?? ''));
      })
      .map(rowOfIssue),
  );
  if (otherType.size === 0) return [...issues];
  return issues.filter((issue) => issue.code !== 'grey-cell-value' || !otherType.has(rowOfIssue(issue)));
}
