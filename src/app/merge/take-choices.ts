import { sameValue } from '../../domain/merge/cell-decision';
import type { JournalValue } from '../../domain/journal';
import { recipientKey } from '../../domain/recipients';
import { headerKey } from '../../layout/sheets/axis/read-axis-sheet';
import { columnWords, isQuarterField } from './master-rows';

/**
 * The conflicts a merge is told to take (`--take`, the pane's choices), docs/WORKBOOK.md « Merging returned rows »:
 * `CLÉ:COLONNE`, or `CLÉ:COLONNE:FICHIER` when several returned files conflict on one cell, so that the value taken
 * is the one chosen; and the takes that would put two values in one cell, the last replacing the first, which a
 * merge refuses rather than keep one silently.
 */

export interface TakeEntry {
  key: string;
  column: string;
  /** The returned file (or pasted sheet) named, null when the entry names none. */
  file: string | null;
}

/**
 * `G1:Statut`, or `G1:Statut:retour.xlsx`: the key before the first colon, the column up to the next (no column of
 * the tracking has one), the file after it, a path's folders aside. Null when the key or the column is missing, or the
 * file after a second colon.
 */
export function parseTake(entry: string): TakeEntry | null {
  const [key, column, ...rest] = entry.split(':');
  const file = rest.length === 0 ? null : lastPathPart(rest.join(':')).trim();
  if (column === undefined || key.trim() === '' || column.trim() === '' || file === '') return null;
  return { key: key.trim().toUpperCase(), column, file };
}

const lastPathPart = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Whether the entry names this cell (its column by header, field id or quarter label), whatever file it names. */
function namesCell(take: TakeEntry, place: { key: string; field: string; header: string }): boolean {
  // Keys are read without case (`g1` finds `G1`), in the file and here alike.
  if (take.key !== place.key) return false;
  const column = headerKey(take.column);
  return (
    column === headerKey(place.field) ||
    column === headerKey(columnWords(place.field)) ||
    column === headerKey(place.header)
  );
}

/** A file's name as Windows and macOS read it, where case tells no two files apart. */
const nameButForCase = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * The merge's sources (its returned files', or the pasted sheet's, names) a take's file may name but for case, when
 * no source has its exact name: the officer typing « Retour-Mairie.xlsx » for `retour-mairie.xlsx`.
 */
function sourcesButForCase(file: string, sources: readonly string[]): string[] {
  if (sources.includes(file)) return [];
  return [...new Set(sources.filter((source) => nameButForCase(source) === nameButForCase(file)))];
}

/**
 * The source a take's file names: the one of its exact name, else the only one of its name but for case; null when
 * several names differ from it only by case (`retour.xlsx`, `Retour.xlsx`), which case alone tells apart.
 */
function namedSource(file: string, sources: readonly string[]): string | null {
  const loose = sourcesButForCase(file, sources);
  if (loose.length === 0) return file;
  return loose.length === 1 ? loose[0] : null;
}

/**
 * The sources whose names differ from the entry's file only by case when there are several of them, and none of its
 * exact name: the entry takes none of them (`merge-take-unused` names them, to type the one meant as it is spelled).
 */
export function sourcesOnlyCaseTellsApart(entry: string, sources: readonly string[]): string[] {
  const file = parseTake(entry)?.file ?? null;
  const loose = file === null ? [] : sourcesButForCase(file, sources);
  return loose.length > 1 ? loose : [];
}

/** Whether the take names this source: no file, or the file this one is among the merge's `sources`. */
function namesSource(take: TakeEntry, source: string, sources: readonly string[]): boolean {
  return take.file === null || namedSource(take.file, sources) === source;
}

/**
 * Whether the entry names this cell of this source (its column by header, field id or quarter label); `sources`:
 * every source's name of the merge, against which the entry's file is read.
 */
export function takeNames(
  entry: string,
  place: { key: string; field: string; header: string; source: string },
  sources: readonly string[],
) {
  const take = parseTake(entry);
  return take !== null && namesSource(take, place.source, sources) && namesCell(take, place);
}

/**
 * Whether an entry takes another file's value for this cell: then this one is not taken, the value chosen by its
 * file being the one the cell is to hold. A quarter cell holds each partner's value: not there.
 */
export function takenFromOtherFile(
  entries: readonly string[],
  place: { key: string; field: string; header: string; source: string },
  sources: readonly string[],
): boolean {
  if (isQuarterField(place.field)) return false;
  return entries.some((entry) => {
    const take = parseTake(entry);
    if (take === null || take.file === null || !namesCell(take, place)) return false;
    // A file the take names for certain: not one that only case would tell apart from another, which it takes not.
    const named = namedSource(take.file, sources);
    return named !== null && named !== place.source && sources.includes(named);
  });
}

/** The `--take` of a conflict: its file named when the merge has several (another's conflict could share its cell). */
export function takeEntry(conflict: { key: string; column: string; source: string }, withFile: boolean): string {
  return `${conflict.key}:${conflict.column}${withFile ? `:${conflict.source}` : ''}`;
}

/**
 * Where a value taken stays until another replaces it: a cell, or in a quarter cell, which holds the partners' values
 * aggregated, a partner's own value there (two partners' values taken into one such cell both count).
 */
export function valueSlot(conflict: { key: string; field: string; partner: string }): string {
  const cell = `${conflict.key}\u0000${conflict.field}`;
  return isQuarterField(conflict.field) ? `${cell}\u0000${recipientKey(conflict.partner)}` : cell;
}

interface TakenConflict {
  key: string;
  field: string;
  column: string;
  source: string;
  partner: string;
  incoming: JournalValue;
  resolution: 'master' | 'incoming' | null;
  /** The entries that took it (none when `prefer: 'incoming'` did). */
  takenBy: readonly string[];
}

/** A cell into which the takes would put several values: which takes, and each value with its file. */
export interface AmbiguousTake {
  key: string;
  column: string;
  /** The entries that took them, as typed. */
  takes: string[];
  /** Whether `prefer: 'incoming'` took some of them (no entry naming the cell). */
  preferIncoming: boolean;
  candidates: { source: string; partner: string; value: JournalValue; take: string }[];
  /** The names of files that several candidates share: no --take can tell them apart. */
  sameNames: string[];
}

/**
 * The cells where the takes (or `prefer: 'incoming'`) took different values one after the other: only the last would
 * stay.
 */
export function ambiguousTakes(conflicts: readonly TakenConflict[], preferIncoming: boolean): AmbiguousTake[] {
  const bySlot = new Map<string, TakenConflict[]>();
  for (const conflict of conflicts.filter((taken) => taken.resolution === 'incoming')) {
    const slot = valueSlot(conflict);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), conflict]);
  }
  return [...bySlot.values()]
    .filter((taken) => taken.some((conflict) => !sameValue(conflict.incoming, taken[0].incoming)))
    .map((taken) => {
      const sources = taken.map((conflict) => conflict.source);
      return {
        key: taken[0].key,
        column: taken[0].column,
        takes: [...new Set(taken.flatMap((conflict) => conflict.takenBy))],
        // Taken by no entry of its own: by `prefer`, when given; else with the same value another entry named.
        preferIncoming: preferIncoming && taken.some((conflict) => conflict.takenBy.length === 0),
        candidates: taken.map((conflict) => ({
          source: conflict.source,
          partner: conflict.partner,
          value: conflict.incoming,
          take: takeEntry(conflict, true),
        })),
        sameNames: [...new Set(sources.filter((source, at) => sources.indexOf(source) !== at))],
      };
    });
}
