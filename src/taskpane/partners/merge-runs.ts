import type { MergeConflict, MergeReport, ReturnedFile } from '../../app';

/**
 * How the pane's choices become calls of `mergeAndWrite`. A call takes one partner for the files that do not say
 * whose they are (and for a pasted sheet), so the sources are grouped by the partner typed for them: one call when
 * every file is an extract or they all come from one partner, one more per other partner.
 */

/** A returned file as picked: its grids, and the partner its `_ctg` names or the one typed for it. */
export interface PickedSource {
  file: ReturnedFile;
  /** The partner its extract's `_ctg` names; null when it is no extract. */
  extractPartner: string | null;
  /** What the officer typed for a file that is no extract. */
  typedPartner: string;
}

export interface MergeRun {
  files: ReturnedFile[];
  sheet?: string;
  partner?: string;
}

/** The calls to make for these sources; a source without a partner (none typed) is left out by the caller first. */
export function mergeRuns(
  sources: readonly PickedSource[],
  sheet: { name: string; partner: string } | null,
): MergeRun[] {
  const runs = new Map<string, MergeRun>();
  const runOf = (partner: string) => {
    const found = runs.get(partner);
    if (found) return found;
    const run: MergeRun = partner === '' ? { files: [] } : { files: [], partner };
    runs.set(partner, run);
    return run;
  };
  for (const source of sources) {
    runOf(source.extractPartner ? '' : source.typedPartner.trim()).files.push(source.file);
  }
  if (sheet) runOf(sheet.partner.trim()).sheet = sheet.name;
  // The extracts need no partner: they go with the first partner's files rather than in a call of their own.
  const extracts = runs.get('');
  const partnered = [...runs].filter(([partner]) => partner !== '').map(([, run]) => run);
  if (extracts && partnered.length > 0) {
    partnered[0].files.unshift(...extracts.files);
    return partnered;
  }
  return [...runs.values()];
}

/** One report for several calls, in their order. */
export function joinReports(reports: readonly MergeReport[]): MergeReport {
  return {
    applied: reports.flatMap((report) => report.applied),
    contributed: reports.flatMap((report) => report.contributed),
    unchanged: reports.reduce((sum, report) => sum + report.unchanged, 0),
    confirmed: reports.reduce((sum, report) => sum + report.confirmed, 0),
    conflicts: reports.flatMap((report) => report.conflicts),
    rejected: reports.flatMap((report) => report.rejected),
    notes: reports.flatMap((report) => report.notes),
    sources: reports.flatMap((report) => report.sources),
    written: reports.some((report) => report.written),
    changes: reports.some((report) => report.changes),
  };
}

/** A conflict's identity across the preview and the choices. */
export const conflictId = (conflict: Pick<MergeConflict, 'source' | 'key' | 'field'>) =>
  `${conflict.source}\u0000${conflict.key}\u0000${conflict.field}`;

/** The `take` of a call: the conflicts of its sources that the officer chose to take (`KEY:field`). */
export function takeOf(
  run: MergeRun,
  conflicts: readonly MergeConflict[],
  chosen: ReadonlyMap<string, 'master' | 'incoming'>,
): string[] {
  const sources = new Set([...run.files.map((file) => file.file), ...(run.sheet ? [run.sheet] : [])]);
  return conflicts
    .filter((conflict) => sources.has(conflict.source) && chosen.get(conflictId(conflict)) === 'incoming')
    .map((conflict) => `${conflict.key}:${conflict.field}`);
}
