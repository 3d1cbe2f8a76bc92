import { frenchDay, frenchDayAndTime } from '../messages/numbers';
import { nameKey } from '../name-key';
import type { DuplicateChoice } from './consolidation';
import { copiesDifference } from './copies-differences';
import { orderReason, type FileOrigins } from './file-order';
import { readableDate, type TerritoryIdentity, type TerritoryMeasure } from './territory';

/**
 * Two copies of one territory (the same SIREN when both have a valid one, nine digits; else the same territory name,
 * whatever their plans): the newer is kept. A file's date is the later of `_ctg`'s last write and its latest
 * « Dernière mise à jour »; two files of the same date are told apart by the earlier of the two, then by when the file
 * was last saved (`savedAt`: copies filled in a spreadsheet without the tools have the same two dates; saves less than
 * a day apart do not tell, `SAVES_APART_MS`), then the file read first is kept, the reason saying in which order
 * (file-order.ts). The reason says which dates decided, to the minute when they fall on the same day (save dates to
 * the day), names both territories when one SIREN stands for two names (a SIREN typed in the wrong workbook, to
 * check), and says which figures the copies do not share (copies-differences.ts).
 */

/** One of a file's two dates: when the tool last wrote it (`_ctg`), or its fiches' latest « Dernière mise à jour ». */
interface FileDate {
  iso: string;
  kind: 'write' | 'update';
}

/** A file's dates, latest first (a date sorts before any instant of the same day). */
function datesOf(measure: Pick<TerritoryMeasure, 'lastWrite' | 'latestUpdate'>): FileDate[] {
  const dates: FileDate[] = [
    { iso: readableDate(measure.lastWrite) ?? '', kind: 'write' },
    { iso: readableDate(measure.latestUpdate) ?? '', kind: 'update' },
  ];
  return dates.filter((date) => date.iso !== '').sort((a, b) => (a.iso < b.iso ? 1 : a.iso > b.iso ? -1 : 0));
}

/** When the file was last saved, `''` when unknown (so that any date is later). */
const savedOf = (measure: Pick<TerritoryMeasure, 'savedAt'>) => readableDate(measure.savedAt) ?? '';

/**
 * Saves closer than this tell nothing: LibreOffice records its local time as if it were UTC, so a copy saved by
 * LibreOffice in France seems one or two hours later than it was, and more overseas.
 */
const SAVES_APART_MS = 24 * 60 * 60 * 1000;

/** Later save first; 0 when neither is known, or both are and fall less than a day apart. */
function laterSaveFirst(savedA: string, savedB: string): number {
  if (savedA === savedB) return 0;
  if (savedA === '' || savedB === '') return savedA === '' ? 1 : -1;
  const apart = Date.parse(savedA) - Date.parse(savedB);
  return Math.abs(apart) < SAVES_APART_MS ? 0 : apart > 0 ? -1 : 1;
}

/** Newer first: by the later date, then the earlier one, then the later save; 0 when none tells. */
function newerFirst(a: TerritoryIdentity, b: TerritoryIdentity): number {
  const datesA = datesOf(a);
  const datesB = datesOf(b);
  for (let i = 0; i < 2; i += 1) {
    const dateA = datesA[i]?.iso ?? '';
    const dateB = datesB[i]?.iso ?? '';
    if (dateA !== dateB) return dateA > dateB ? -1 : 1;
  }
  return laterSaveFirst(savedOf(a), savedOf(b));
}

/** `03/12/2026`, or `03/12/2026 à 05:07 (UTC)` when the day alone does not tell two dates apart. */
function frenchDate(iso: string, withTime: boolean): string {
  return withTime ? frenchDayAndTime(iso) : frenchDay(iso);
}

/** A date with what it is, so that a reason says which dates decided: `classeur écrit le 03/12/2026`. */
function describedDate(date: FileDate, withTime: boolean): string {
  return `${date.kind === 'write' ? 'classeur écrit' : 'fiche mise à jour'} le ${frenchDate(date.iso, withTime)}`;
}

/**
 * What the save dates said once the recorded ones tied: which was saved later (days only: the times may be local),
 * else whether both were saved, less than a day apart (`close`).
 */
function savedReason(kept: string, dropped: string): { decided: string } | { close: boolean } {
  if (laterSaveFirst(kept, dropped) === 0) return { close: kept !== '' };
  if (dropped === '')
    return { decided: `seul le fichier gardé a une date d’enregistrement valable\u00a0: le ${frenchDay(kept)}.` };
  return { decided: `fichier enregistré plus tard\u00a0: le ${frenchDay(kept)}, contre le ${frenchDay(dropped)}.` };
}

const CLOSE_SAVES = 'enregistrés à moins d’un jour d’intervalle';

/**
 * Why `kept` was kept rather than `dropped`, in the order `newerFirst` compares them; on a tie, the order of the
 * files (`order`, which says nothing of which copy is up to date).
 */
function datesReason(kept: TerritoryMeasure, dropped: TerritoryMeasure, order: string): string {
  const [keptDates, droppedDates] = [datesOf(kept), datesOf(dropped)];
  const saved = savedReason(savedOf(kept), savedOf(dropped));
  const undecided = `\u00a0: rien ne dit lequel est le plus récent. ${order}`;
  if (keptDates.length === 0) {
    if ('decided' in saved)
      return `Aucun des deux fichiers n’a de date d’écriture ni de mise à jour\u00a0; ${saved.decided}`;
    return saved.close
      ? `Aucun des deux fichiers n’a de date d’écriture ni de mise à jour, et ils ont été ${CLOSE_SAVES}${undecided}`
      : `Aucun des deux fichiers n’est daté${undecided}`;
  }
  if (droppedDates.length === 0) return `Seul daté\u00a0: ${describedDate(keptDates[0], false)}.`;
  const latest = describedDate(keptDates[0], true);
  if (keptDates[0].iso !== droppedDates[0].iso) {
    const [a, b] = [keptDates[0], droppedDates[0]];
    const sameDay = a.iso.slice(0, 10) === b.iso.slice(0, 10);
    return `Plus récent\u00a0: ${describedDate(a, sameDay)}, contre ${describedDate(b, sameDay)}.`;
  }
  const [a, b] = [keptDates[1], droppedDates[1]];
  if (a === undefined || a.iso === b?.iso) {
    return 'decided' in saved
      ? `Mêmes dates (${latest})\u00a0; ${saved.decided}`
      : `Mêmes dates (${latest})${saved.close ? `, et ${CLOSE_SAVES}` : ''}${undecided}`;
  }
  if (b === undefined)
    return `Même date la plus récente (${latest})\u00a0; lui seul a aussi une autre date\u00a0: ${describedDate(a, false)}.`;
  const sameDay = a.iso.slice(0, 10) === b.iso.slice(0, 10);
  return `Même date la plus récente (${latest}), puis ${describedDate(a, sameDay)}, contre ${describedDate(b, sameDay)}.`;
}

function choiceReason(
  kept: TerritoryMeasure,
  dropped: TerritoryMeasure,
  { sirenTaken, originOf }: { sirenTaken: boolean; originOf: FileOrigins },
): string {
  const taken = sirenTaken
    ? ' Le fichier gardé n’a pas de SIREN valide\u00a0: celui du fichier non retenu est repris.'
    : '';
  const names =
    nameKey(kept.territory) === nameKey(dropped.territory)
      ? ''
      : ` Attention\u00a0: le même SIREN porte deux noms («\u00a0${kept.territory}\u00a0» et «\u00a0${dropped.territory}\u00a0»). ` +
        // Either file may hold the SIREN typed wrong.
        `S’il s’agit de deux territoires, l’un des deux SIREN est faux\u00a0: corrigez-le dans «\u00a0Paramètres\u00a0» de ` +
        `${kept.file} ou de ${dropped.file}, puis relancez la consolidation\u00a0; les chiffres de ${dropped.file} n’y ` +
        'sont pas. S’il s’agit du même territoire renommé, rien à faire.';
  const tie = newerFirst(kept, dropped) === 0;
  const figures = copiesDifference(kept, dropped, tie);
  const reason = datesReason(kept, dropped, orderReason(kept.file, dropped.file, originOf));
  return reason + taken + names + (figures === '' ? '' : ` ${figures}`);
}

/** A SIREN is nine digits (spaces ignored); anything else names no one. */
const sirenOf = (measure: Pick<TerritoryMeasure, 'siren'>) => {
  const digits = measure.siren?.replace(/\s/g, '') ?? '';
  return /^\d{9}$/.test(digits) ? digits : null;
};

/**
 * The copies of each territory, groups in the order of their first file given. Files with a valid SIREN are one
 * territory per SIREN; a file without one joins by name (case, accents, spacing ignored) the one territory of that
 * name, with or without a SIREN. When two SIRENs share its name, it could be either: the copies without SIREN of
 * that name make a territory of their own (shown, never dropped). An empty name matches no one. The same groups
 * whatever the order of the files.
 */
function copiesOfTerritories<T extends Pick<TerritoryMeasure, 'siren' | 'territory'>>(measures: readonly T[]): T[][] {
  const bySiren = new Map<string, T[]>();
  const sirensByName = new Map<string, Set<string>>();
  const withoutSiren: T[] = [];
  for (const measure of measures) {
    const siren = sirenOf(measure);
    if (siren === null) {
      withoutSiren.push(measure);
      continue;
    }
    const group = bySiren.get(siren);
    if (group) group.push(measure);
    else bySiren.set(siren, [measure]);
    const name = nameKey(measure.territory);
    if (name !== '') sirensByName.set(name, (sirensByName.get(name) ?? new Set()).add(siren));
  }
  const groups = [...bySiren.values()];
  // The copies without SIREN of a name: one territory (of its own when two SIRENs share the name).
  const byName = new Map<string, T[]>();
  for (const measure of withoutSiren) {
    const name = nameKey(measure.territory);
    const sirens = name === '' ? undefined : sirensByName.get(name);
    if (sirens?.size === 1) {
      bySiren.get([...sirens][0])!.push(measure);
      continue;
    }
    const group = name === '' ? undefined : byName.get(name);
    if (group) group.push(measure);
    else {
      const created = [measure];
      groups.push(created);
      if (name !== '') byName.set(name, created);
    }
  }
  // Each group, and the groups, in the order the files were given: on a tie the file given first is kept.
  const given = new Map(measures.map((measure, index) => [measure, index]));
  const byGiven = (a: T, b: T) => given.get(a)! - given.get(b)!;
  for (const group of groups) group.sort(byGiven);
  return groups.sort((a, b) => byGiven(a[0], b[0]));
}

export function keepNewest(
  measures: readonly TerritoryMeasure[],
  originOf: FileOrigins = () => undefined,
): {
  kept: TerritoryMeasure[];
  duplicates: DuplicateChoice[];
} {
  const kept: TerritoryMeasure[] = [];
  const duplicates: DuplicateChoice[] = [];
  for (const copies of copiesOfTerritories(measures)) {
    // Newest first; the sort is stable, so on a tie the file given first stays first.
    const [newestCopy, ...older] = [...copies].sort(newerFirst);
    // A copy without SIREN joined its territory by name: the territory keeps its SIREN, taken from a copy that has it.
    const groupSiren = copies.map(sirenOf).find((siren) => siren !== null) ?? null;
    const sirenTaken = sirenOf(newestCopy) === null && groupSiren !== null;
    const newest = sirenTaken ? { ...newestCopy, siren: groupSiren } : newestCopy;
    kept.push(newest);
    for (const dropped of older) {
      const siren = sirenOf(newest);
      duplicates.push({
        territory: newest.territory,
        siren: siren !== null && siren === sirenOf(dropped) ? siren : null,
        kept: newest.file,
        dropped: dropped.file,
        droppedTerritory: dropped.territory,
        namesDiffer: nameKey(newest.territory) !== nameKey(dropped.territory),
        reason: choiceReason(newest, dropped, { sirenTaken: sirenTaken && sirenOf(dropped) !== null, originOf }),
      });
    }
  }
  return { kept, duplicates };
}

/**
 * The territory kept (`keepNewest`'s, one per group) that `left` would have joined as a copy: grouped with the kept
 * ones by the duplicates' own rule (`copiesOfTerritories`); none when it would be a territory of its own.
 */
function keptTerritoryOf(left: TerritoryIdentity, kept: readonly TerritoryMeasure[]): TerritoryMeasure | undefined {
  const group = copiesOfTerritories<TerritoryIdentity>([...kept, left]).find((copies) => copies.includes(left));
  return group?.find((copy) => copy !== left) as TerritoryMeasure | undefined;
}

/**
 * For a workbook left out: the sentence naming the copy of its territory that was measured (`keptTerritoryOf`),
 * warning when the file left out is the newer one; empty when there is none. A Caf would otherwise take an older
 * copy's figures for the territory's current ones.
 */
export function keptCopyNote(left: TerritoryIdentity, kept: readonly TerritoryMeasure[]): string {
  const copy = keptTerritoryOf(left, kept);
  if (!copy) return '';
  const where = `«\u00a0${copy.file}\u00a0»`;
  return newerFirst(left, copy) < 0
    ? `Attention\u00a0: les chiffres de «\u00a0${copy.territory}\u00a0» viennent d’une copie plus ancienne, ${where}\u00a0; ` +
        'corrigez ce fichier-ci et consolidez à nouveau.'
    : `Les chiffres de «\u00a0${copy.territory}\u00a0» viennent d’une autre copie, ${where}.`;
}
