import { frenchNameOrder, nameKey } from '../name-key';
import type { Consolidation, DuplicateChoice, GroupConsolidation, UnmatchedName } from './consolidation';
import { conventionFields, conventionPublics, type Vocabulary } from './convention-vocabulary';
import { quarterLabel, quarterOfDate } from '../periods';
import type { QuarterInForce } from './copies-conventions';
import { sumCounts } from './counts';
import { clonesNote } from './copies-identity';
import { keepNewest, keptCopyNote } from './duplicates';
import type { FileOrigins } from './file-order';
import type { RejectedFile, TerritoryIdentity, TerritoryMeasure } from './territory';
import { clonesOfOneWorkbook } from './territory-copies';

/**
 * One file's outcome: measured, or left out with its reason (and, when its workbook could be read that far, whose
 * copy it is: the reason then names the copy of the same territory that was measured, if any).
 */
export type MeasureOutcome =
  { ok: true; measure: TerritoryMeasure } | { ok: false; rejected: RejectedFile; identity?: TerritoryIdentity };

/** How well a name is written: not in capitals only, then with its accents; `nameKey` already made them one. */
function writing(name: string): number {
  const letters = name.replace(/[^\p{L}]/gu, '');
  const notShouting = letters !== letters.toLocaleUpperCase('fr') ? 1000 : 0;
  return notShouting + (name.normalize('NFD').match(/\p{M}/gu)?.length ?? 0);
}

/**
 * The spelling a name outside the vocabulary is shown with, across territories that write it differently: the
 * better written (« Parents isolés » over « PARENTS ISOLES »), else the first met (territories in name order).
 */
function betterWritten(current: string, other: string): string {
  return writing(other) > writing(current) ? other : current;
}

/** The groups (champs or publics) across territories: the vocabulary's order first, then the others by name. */
function groupsAcross(
  territories: readonly TerritoryMeasure[],
  groupsOf: (territory: TerritoryMeasure) => TerritoryMeasure['fields'],
  vocabulary: Vocabulary,
): GroupConsolidation[] {
  const groups = new Map<string, Omit<GroupConsolidation, 'counts'>>();
  for (const territory of territories) {
    for (const group of groupsOf(territory)) {
      const key = nameKey(group.name);
      const entry = groups.get(key) ?? { name: group.name, matched: group.matched, territories: [] };
      if (!entry.matched) entry.name = betterWritten(entry.name, group.name);
      const { territory: name, file } = territory;
      entry.territories.push(
        group.unmatched
          ? { territory: name, file, counts: group.counts, unmatched: group.unmatched }
          : { territory: name, file, counts: group.counts },
      );
      groups.set(key, entry);
    }
  }
  const rank = (group: Omit<GroupConsolidation, 'counts'>) => {
    const index = vocabulary.findIndex((entry) => nameKey(entry) === nameKey(group.name));
    return index === -1 ? vocabulary.length : index;
  };
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b) || frenchNameOrder(a.name, b.name))
    .map((group) => ({ ...group, counts: sumCounts(group.territories.map((territory) => territory.counts)) }));
}

function unmatchedOf(kind: UnmatchedName['kind'], groups: readonly GroupConsolidation[]): UnmatchedName[] {
  return groups
    .filter((group) => !group.matched)
    .map((group) => {
      const places = group.territories.flatMap(({ territory, file, counts, unmatched }) =>
        unmatched ? [{ territory, file, sheet: unmatched.sheet, cell: unmatched.cell, fiches: counts.fiches }] : [],
      );
      return {
        kind,
        name: group.name,
        territories: group.territories.map((entry) => entry.territory),
        fiches: group.counts.fiches,
        places,
        suggestions: group.territories.find((entry) => entry.unmatched)?.unmatched?.suggestions ?? [],
      };
    });
}

/**
 * Of `files`, those taken for copies of one territory (a duplicate's kept and dropped files), each such set in the
 * order of `files`: what counts once among workbooks otherwise kept apart.
 */
function countedOnce(files: readonly { file: string }[], duplicates: readonly DuplicateChoice[]): string[][] {
  const keptOf = new Map(duplicates.map((duplicate) => [duplicate.dropped, duplicate.kept]));
  const territories = new Map<string, string[]>();
  for (const { file } of files) {
    const territory = keptOf.get(file) ?? file;
    const together = territories.get(territory);
    if (together) together.push(file);
    else territories.set(territory, [file]);
  }
  return [...territories.values()].filter((together) => together.length > 1);
}

/**
 * The quarter whose convention is in force (copies-conventions.ts): the one asked for, else today's; none when
 * neither is known (the later convention is then kept).
 */
function quarterInForce(quarter: string | null, today: Date | undefined): QuarterInForce | null {
  if (quarter !== null) return { quarter, asked: true };
  return today ? { quarter: quarterLabel(quarterOfDate(today)), asked: false } : null;
}

/**
 * The consolidation of the files' outcomes: the files left out with their reasons, one territory kept per SIREN
 * (else per territory name), the totals and the champs and publics across territories, all from counts. `originOf`
 * tells where each file came from, so that a tie between two copies says in which order the first was kept; `today`,
 * when no quarter is given, which of two conventions of a territory is in force.
 */
export function consolidate(
  outcomes: readonly MeasureOutcome[],
  quarter: string | null,
  originOf?: FileOrigins,
  today?: Date,
): Consolidation {
  const measured = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.measure] : []));
  const inForce = quarterInForce(quarter, today);
  const { kept, duplicates } = keepNewest(measured, originOf, inForce);
  const rejected = outcomes.flatMap((outcome): RejectedFile[] => {
    if (outcome.ok) return [];
    const note = outcome.identity ? keptCopyNote(outcome.identity, kept, inForce) : '';
    return [note === '' ? outcome.rejected : { ...outcome.rejected, reason: `${outcome.rejected.reason} ${note}` }];
  });
  const territories = [...kept].sort(
    (a, b) => frenchNameOrder(a.territory, b.territory) || frenchNameOrder(a.file, b.file),
  );
  const fields = groupsAcross(territories, (territory) => territory.fields, conventionFields);
  const publics = groupsAcross(territories, (territory) => territory.publics, conventionPublics);
  return {
    territories,
    total: sumCounts(territories.map((territory) => territory.counts)),
    fields,
    publics,
    unmatched: [...unmatchedOf('field', fields), ...unmatchedOf('public', publics)],
    rejected,
    duplicates: duplicates satisfies DuplicateChoice[],
    copiesApart: clonesOfOneWorkbook(measured).map((family) => {
      const files = [...family].sort((a, b) => frenchNameOrder(a.file, b.file));
      return { files: files.map((copy) => copy.file), reason: clonesNote(files, countedOnce(files, duplicates)) };
    }),
    quarter,
  };
}
