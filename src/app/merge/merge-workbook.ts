import { isoTimestamp } from '../../domain/excel-dates';
import { createIssue, type Issue } from '../../domain/issues';
import type { JournalRecord } from '../../domain/journal';
import { recipientKey, rowsOfRecipient } from '../../domain/recipients';
import { partiesOfState, recipientFichesOfState } from '../extract-values';
import { findWorkbookRecipient, recipientsOfWorkbook } from '../extract';
import type { WorkbookGrids } from '../../domain/grid';
import type { EnteredCell } from '../../layout/entered-values';
import { readIncomingRows } from '../../layout/incoming/read-incoming-rows';
import { computeWorkbook } from '../compute';
import type { WorkbookPort } from '../port';
import { hasErrors, loadValidState, refusedBy, writeRewrite, type RewriteOutcome } from '../rewrite-use-cases';
import type { WorkbookState } from '../workbook-state';
import { ContributionIndex } from '../contribution-index';
import { lateReturnNote } from './closed-quarter-note';
import { conventionOf, extractFactsOf, territoryNamesOf } from './extract-facts';
import { masterRowsOf, placedAsWritten } from './master-rows';
import {
  mergeSource,
  type AppliedChange,
  type ContributionKept,
  type MergeChoices,
  type SourceChoices,
  type MergeConflict,
  type MergeRejection,
  type MergeSource,
  type MasterFacts,
  type SourceOutcome,
  type WorkingCopy,
} from './merge-source';
import { ReturnedClaims } from './returned-claims';
import { copiesOf } from './same-content';
import {
  ambiguousTakes,
  parseTake,
  sourcesOnlyCaseTellsApart,
  takeEntry,
  valueSlot,
  type AmbiguousTake,
} from './take-choices';

/**
 * `merge`: rows returned by partners (their extracts, files without `_ctg`, a table pasted into a sheet of the
 * master) taken into the master by key, every change journalled, every contribution kept (docs/WORKBOOK.md,
 * « Merging returned rows »). Nothing is written on a dry run, nor when nothing changes (merging a file twice).
 */

export interface ReturnedFile {
  /** The file's name as shown (no folder). */
  file: string;
  grids: WorkbookGrids;
  /** The file as given, before any conversion: a copy of another returned file is merged once (`copiesOf`). */
  bytes?: Uint8Array;
}

export interface MergeOptions extends MergeChoices {
  now: Date;
  dryRun?: boolean;
  /** A sheet of the master holding a table pasted from an e-mail, merged like a file. */
  sheet?: string;
}

export interface MergeReport {
  applied: AppliedChange[];
  /** Values taken into a cell's aggregate that keeps its value. */
  contributed: ContributionKept[];
  /**
   * Returned values that leave the master as it was: equal to what the extract held, or the partner's own earlier
   * value, or confirming the master's value (`confirmed`).
   */
  unchanged: number;
  /** Of `unchanged`, the values taken as the partner's contributions all the same (one Contributions row each). */
  confirmed: number;
  conflicts: MergeConflict[];
  rejected: MergeRejection[];
  notes: MergeRejection[];
  /** Each source, with the partner it was merged for (null when it was refused whole). */
  sources: { source: string; partner: string | null }[];
  /** Whether the master was written (false on a dry run, or when nothing changed). */
  written: boolean;
  /**
   * The cells into which the `take` asked for would put several values, the last replacing the others: then nothing
   * is written, and the officer is told which values and how to choose one (empty otherwise).
   */
  ambiguousTakes: AmbiguousTake[];
  /**
   * Whether the merge, with the conflicts taken as asked, changes the master (a cell, or a contribution noted): on a
   * dry run, whether applying it would write anything; a conflict kept writes nothing.
   */
  changes: boolean;
}

function workingCopyOf(state: WorkbookState): WorkingCopy {
  const entered = new Map<string, Map<string, EnteredCell>>();
  for (const [key, row] of state.entered) entered.set(key, new Map(row));
  return { entered, contributions: new ContributionIndex(state.contributions.entries), journal: [] };
}

/** The fiches of each partner, as the extracts give them (computed once per partner named). */
function fichesOfPartners(state: WorkbookState): (partner: string) => ReadonlySet<string> {
  const fiches = recipientFichesOfState(state);
  const parties = partiesOfState(state);
  const known = new Map<string, ReadonlySet<string>>();
  return (partner) => {
    const key = recipientKey(partner);
    if (!known.has(key)) known.set(key, new Set(rowsOfRecipient(fiches, { name: partner }, parties)));
    return known.get(key)!;
  };
}

/**
 * The partner named for the files that do not say whose they are (`--partenaire`, the pane's field), in the spelling
 * the workbook knows it by when it is one of its recipients (« centre social le colibri » is `Centre social Le
 * Colibri`), so that Contributions and the Journal keep one name; a name the workbook does not know, as typed.
 */
function partnerAsKnown(state: WorkbookState, typed: string | undefined): string | undefined {
  if (typed === undefined || typed.trim() === '') return typed;
  return findWorkbookRecipient(state, typed)?.name ?? typed.trim();
}

/**
 * The instant a merge is journalled at: `now` to the second, or one second after the last merge when that one is as
 * late (two merges within a second), since « Annuler la dernière fusion » tells a merge by its instant.
 */
function mergeInstant(now: Date, journal: readonly JournalRecord[]): string {
  const latest = journal.reduce((last, line) => (line.operation === 'merge' && line.at > last ? line.at : last), '');
  const at = isoTimestamp(now);
  return latest < at ? at : isoTimestamp(new Date(Date.parse(latest) + 1000));
}

/**
 * A `--take` that took no conflict is said, so that a typing mistake does not pass for a choice made; with the files
 * whose names differ from its file only by case when several do, which only the exact name tells apart.
 */
function unusedTakes(
  outcomes: readonly SourceOutcome[],
  take: readonly string[],
  mergedAs: ReadonlyMap<string, string>,
): MergeRejection[] {
  const used = new Set(outcomes.flatMap((outcome) => outcome.takesUsed));
  const sources = outcomes.map((outcome) => outcome.source);
  return take
    .filter((entry) => !used.has(entry))
    .map((entry) => {
      const sameNames = sourcesOnlyCaseTellsApart(entry, sources);
      // A byte-identical copy is merged under another file's name, which its --take is to name.
      const file = parseTake(entry)?.file ?? null;
      const copyOf = file === null ? undefined : mergedAs.get(file);
      const params = {
        take: entry,
        ...(sameNames.length > 0 ? { filesButForCase: sameNames } : {}),
        ...(copyOf === undefined ? {} : { copy: file, mergedAs: copyOf }),
      };
      return { source: '', issue: createIssue('merge-take-unused', { sheet: null, cell: null }, params) };
    });
}

/**
 * The conflicts of every source, each with the `--take` that takes it: with several sources, its file named, since
 * another source's conflict may share its cell, or become one once it is taken.
 */
function conflictsOf(outcomes: readonly SourceOutcome[]): MergeConflict[] {
  const several = outcomes.length > 1;
  const conflicts = outcomes.flatMap((outcome) => outcome.conflicts);
  // A conflict not taken on a place another file's value was taken into: the cell holds that value, not the master's.
  // The file a --take names is said first, else the first by name: the same whatever the order of the files.
  const takenInstead = (conflict: MergeConflict) => {
    if (conflict.resolution !== 'master') return null;
    const rivals = new Set(conflict.rivals.map((rival) => rival.source));
    const taken = conflicts
      .filter((other) => other.resolution === 'incoming' && rivals.has(other.source))
      .filter((other) => valueSlot(other) === valueSlot(conflict))
      .sort((a, b) => b.takenBy.length - a.takenBy.length || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return taken[0]?.source ?? null;
  };
  return conflicts.map((conflict) => ({
    ...conflict,
    take: takeEntry(conflict, several),
    takenInstead: takenInstead(conflict),
  }));
}

function reportOf(
  outcomes: readonly SourceOutcome[],
  { written, changes }: { written: boolean; changes: boolean },
  { take = [], prefer }: Pick<MergeOptions, 'take' | 'prefer'>,
  /** Each byte-identical copy's name → the name it was merged under (`copiesOf`). */
  mergedAs: ReadonlyMap<string, string> = new Map(),
): MergeReport {
  const conflicts = conflictsOf(outcomes);
  return {
    applied: outcomes.flatMap((outcome) => outcome.applied),
    contributed: outcomes.flatMap((outcome) => outcome.contributed),
    unchanged: outcomes.reduce((sum, outcome) => sum + outcome.unchanged, 0),
    confirmed: outcomes.reduce((sum, outcome) => sum + outcome.confirmed, 0),
    conflicts,
    ambiguousTakes: ambiguousTakes(conflicts, prefer === 'incoming'),
    rejected: outcomes.flatMap((outcome) => outcome.rejected),
    notes: [...outcomes.flatMap((outcome) => outcome.notes), ...unusedTakes(outcomes, take, mergedAs)],
    sources: outcomes.map((outcome) => ({ source: outcome.source, partner: outcome.partner })),
    written,
    changes,
  };
}

/**
 * What each source says, weighed alone against the master as it was, nothing taken from its conflicts (none with
 * one source, which no other contests): so that the merge, one source after the other, never lets their order decide.
 */
function returnsOf(
  state: WorkbookState,
  master: MasterFacts,
  sources: readonly MergeSource[],
  choices: SourceChoices,
  at: string,
): ReturnedClaims | undefined {
  if (sources.length < 2) return undefined;
  const asIs: SourceChoices = { ...choices, take: [], prefer: undefined };
  const claims = sources.flatMap((source) => mergeSource(workingCopyOf(state), master, source, asIs, at).claims);
  return new ReturnedClaims(claims);
}

export async function mergeAndWrite(
  port: WorkbookPort,
  files: readonly ReturnedFile[],
  options: MergeOptions,
): Promise<RewriteOutcome<{ report: MergeReport }>> {
  const { now } = options;
  const loaded = await loadValidState(port, now);
  if (!loaded.ok) return loaded.outcome;
  const { state, tracking, grids } = loaded;
  const master = {
    rows: masterRowsOf(state, tracking.axisSheets),
    territory: state.meta.territory || state.plan.territory,
    territoryNames: [state.plan.territory, ...territoryNamesOf(grids)],
    period: state.plan.period,
    fingerprint: state.meta.planFingerprint,
    retiredKeys: new Set(state.retiredKeys.map((entry) => entry.key)),
    currentQuarter: state.currentQuarter,
    fichesOf: fichesOfPartners(state),
    recipientNamed: (name: string) => findWorkbookRecipient(state, name)?.name ?? null,
    recipients: recipientsOfWorkbook(state).map((recipient) => recipient.name),
  };
  const copies = copiesOf(files);
  const mergedAs = new Map(
    files.flatMap(({ file }, at) => (copies[at] === null ? [] : [[file, copies[at]!] as const])),
  );
  const sources: MergeSource[] = files
    .filter((_, at) => copies[at] === null)
    .map(({ file, grids: returned }) => ({
      file,
      extract: extractFactsOf(returned),
      territories: territoryNamesOf(returned),
      convention: conventionOf(returned),
      incoming: readIncomingRows(returned, tracking.quarters),
    }));
  if (options.sheet !== undefined) {
    const sheet = options.sheet;
    sources.push({
      file: sheet,
      extract: null,
      incoming: readIncomingRows(grids, tracking.quarters, { sheet }),
      pastedSheet: sheet,
    });
  }
  const working = workingCopyOf(state);
  const at = mergeInstant(now, state.journal);
  const alone: SourceChoices = {
    ...options,
    partner: partnerAsKnown(state, options.partner),
    sources: sources.map((source) => source.file),
  };
  const choices: SourceChoices = { ...alone, returns: returnsOf(state, master, sources, alone, at) };
  const outcomes = sources.map((source) => {
    const outcome = mergeSource(working, master, source, choices, at);
    const fields = outcome.applied.map((change) => change.field);
    const late = lateReturnNote(state, source.extract?.upTo ?? null, fields);
    outcome.notes.push(...late.map((issue) => ({ source: outcome.source, issue })));
    // A copy is said under the file it repeats, which the report and the pane list (the copy has no outcome).
    files.forEach(({ file }, index) => {
      if (copies[index] !== source.file) return;
      const issue = createIssue('merge-same-file', { sheet: null, cell: null }, { file, sameAs: source.file });
      outcome.notes.push({ source: source.file, issue });
    });
    return outcome;
  });
  const changed = working.contributions.lines.length > state.contributions.entries.length;
  const unwritten = reportOf(outcomes, { written: false, changes: changed }, options, mergedAs);
  // Takes that would leave one value of several in a cell: nothing is written until the officer chooses it.
  if (options.dryRun || !changed || unwritten.ambiguousTakes.length > 0) {
    return { status: 'done', notes: [], report: unwritten };
  }

  const merged: WorkbookState = {
    ...state,
    entered: working.entered,
    journal: [...state.journal, ...working.journal],
    contributions: { entries: working.contributions.lines, keepSheet: true },
  };
  const result = await computeWorkbook(merged, { now });
  if (hasErrors(result.notes)) return refusedBy(result.notes);
  const written = await writeRewrite(port, result.spec, { grids, read: state, notes: result.notes });
  if (!written.ok) return written.outcome;
  const notes: Issue[] = written.notes;
  const report = reportOf(outcomes, { written: true, changes: true }, options, mergedAs);
  const placed = {
    applied: placedAsWritten(report.applied, merged),
    conflicts: placedAsWritten(report.conflicts, merged),
  };
  return { status: 'done', notes, report: { ...report, ...placed } };
}
