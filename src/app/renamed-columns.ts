import type { Issue } from '../domain/issues';
import { closestName } from '../plan-text/closest-name';

/**
 * A column of an axis table whose header was retyped a letter or two off (« Commentaires ») reads as missing, and
 * the retyped header as a person's column (`unknown-column`). Said as one error at the retyped header's cell, naming
 * the header to put back there (`renamedAs`), rather than a missing column without a cell and a column said kept:
 * the one guess offered when a single retyped header of the sheet is that close (closest-name.ts).
 */
export function withRenamedColumns(issues: readonly Issue[]): Issue[] {
  const unknownBySheet = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.code !== 'unknown-column' || issue.sheet === null) continue;
    const list = unknownBySheet.get(issue.sheet) ?? [];
    list.push(issue);
    unknownBySheet.set(issue.sheet, list);
  }
  if (unknownBySheet.size === 0) return [...issues];
  const taken = new Set<Issue>();
  const renamed = new Map<Issue, Issue>();
  for (const issue of issues) {
    if (issue.code !== 'missing-column' || issue.sheet === null) continue;
    const unknown = (unknownBySheet.get(issue.sheet) ?? []).filter((one) => !taken.has(one));
    const guess = closestName(
      String(issue.params.header),
      unknown.map((one) => String(one.params.header)),
    );
    const retyped = guess === null ? undefined : unknown.find((one) => String(one.params.header) === guess);
    if (!retyped) continue;
    taken.add(retyped);
    renamed.set(issue, { ...issue, cell: retyped.cell, params: { ...issue.params, renamedAs: guess } });
  }
  return issues.filter((issue) => !taken.has(issue)).map((issue) => renamed.get(issue) ?? issue);
}
