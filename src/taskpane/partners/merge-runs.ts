import { takeEntry, valueSlot, type MergeConflict, type MergeReport, type ReturnedFile } from '../../app';

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
    ambiguousTakes: reports.flatMap((report) => report.ambiguousTakes),
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

/**
 * The `take` of a call: the conflicts of its sources that the officer chose to take, each by its file (`KEY:field:FILE`),
 * so that a conflict kept is never taken with another file's on the same cell.
 */
export function takeOf(
  run: MergeRun,
  conflicts: readonly MergeConflict[],
  chosen: ReadonlyMap<string, 'master' | 'incoming'>,
): string[] {
  const sources = new Set([...run.files.map((file) => file.file), ...(run.sheet ? [run.sheet] : [])]);
  return conflicts
    .filter((conflict) => sources.has(conflict.source) && chosen.get(conflictId(conflict)) === 'incoming')
    .map((conflict) => takeEntry(conflict, true));
}

/**
 * The choices once `ids` are chosen so: a conflict taken leaves the others that would put their value in its cell
 * kept (several files' values for one Statut), since only the last taken would stay there.
 */
export function chosenAs(
  current: ReadonlyMap<string, 'master' | 'incoming'>,
  conflicts: readonly MergeConflict[],
  ids: readonly string[],
  choice: 'master' | 'incoming',
): Map<string, 'master' | 'incoming'> {
  const next = new Map([...current, ...ids.map((id) => [id, choice] as const)]);
  if (choice === 'master') return next;
  const taken = new Set(ids);
  const slots = new Set(conflicts.filter((conflict) => taken.has(conflictId(conflict))).map(valueSlot));
  for (const conflict of conflicts) {
    if (!taken.has(conflictId(conflict)) && slots.has(valueSlot(conflict))) next.set(conflictId(conflict), 'master');
  }
  return next;
}

/** The other conflicts whose value would go in the same cell as this one's (in other files): one of them only is taken. */
export const sameCellConflicts = (conflict: MergeConflict, conflicts: readonly MergeConflict[]): MergeConflict[] =>
  conflicts.filter((other) => other !== conflict && valueSlot(other) === valueSlot(conflict));
