import { frenchDay } from '../messages/numbers';
import { nameKey } from '../name-key';
import type { DuplicateChoice } from './consolidation';
import type { TerritoryMeasure } from './territory';

/**
 * Two copies of one territory (the same SIREN when both have a valid one, nine digits; else the same territory name,
 * whatever their plans): the newer is kept. A file's date is the later of `_ctg`'s last write and its latest
 * « Dernière mise à jour »; two files of the same date are told apart by the earlier of the two, then the file given
 * first is kept. The reason says which dates decided, to the minute when they fall on the same day, and names both
 * territories when one SIREN stands for two names (a SIREN typed in the wrong workbook, to check).
 */

/** A file's dates, latest first, as ISO texts (a date sorts before any instant of the same day). */
function datesOf(measure: Pick<TerritoryMeasure, 'lastWrite' | 'latestUpdate'>): string[] {
  return [measure.lastWrite, measure.latestUpdate]
    .filter((date): date is string => date !== null && date !== '')
    .sort()
    .reverse();
}

/** Newer first: by the later date, then the earlier one; 0 when neither tells. */
function newerFirst(a: TerritoryMeasure, b: TerritoryMeasure): number {
  const datesA = datesOf(a);
  const datesB = datesOf(b);
  for (let i = 0; i < 2; i += 1) {
    const dateA = datesA[i] ?? '';
    const dateB = datesB[i] ?? '';
    if (dateA !== dateB) return dateA > dateB ? -1 : 1;
  }
  return 0;
}

/** `03/12/2026`, or `03/12/2026 à 05:07 (UTC)` when the day alone does not tell two dates apart. */
function frenchDate(iso: string, withTime: boolean): string {
  const time = iso.length > 10 ? iso.slice(11, 16) : '';
  return withTime && time !== '' ? `${frenchDay(iso)} à ${time} (UTC)` : frenchDay(iso);
}

function choiceReason(kept: TerritoryMeasure, dropped: TerritoryMeasure): string {
  const keptDates = datesOf(kept);
  const droppedDates = datesOf(dropped);
  const names =
    nameKey(kept.territory) === nameKey(dropped.territory)
      ? ''
      : ` Attention : le même SIREN porte deux noms (« ${kept.territory} » et « ${dropped.territory} ») ; ` +
        'vérifiez le SIREN saisi dans « Paramètres » du fichier écarté.';
  let why: string;
  if (keptDates.length === 0) why = 'Aucun des deux fichiers n’est daté : le premier donné est gardé.';
  else if (droppedDates.length === 0) why = `Seul daté : ${frenchDate(keptDates[0], false)}.`;
  else {
    const index = keptDates[0] !== droppedDates[0] ? 0 : 1;
    const a = keptDates[index];
    const b = droppedDates[index];
    if (a === undefined || b === undefined || a === b)
      why = `Même date (${frenchDate(keptDates[0], true)}) : le premier fichier donné est gardé.`;
    else {
      const sameDay = a.slice(0, 10) === b.slice(0, 10);
      why = `Plus récent : ${frenchDate(a, sameDay)} contre ${frenchDate(b, sameDay)}.`;
    }
  }
  return why + names;
}

/** A SIREN is nine digits (spaces ignored); anything else names no one. */
const sirenOf = (measure: TerritoryMeasure) => {
  const digits = measure.siren?.replace(/\s/g, '') ?? '';
  return /^\d{9}$/.test(digits) ? digits : null;
};

/** The copies of each territory, in the order the files were given. */
function copiesOfTerritories(measures: readonly TerritoryMeasure[]): TerritoryMeasure[][] {
  const groups: TerritoryMeasure[][] = [];
  const bySiren = new Map<string, TerritoryMeasure[]>();
  const byName = new Map<string, TerritoryMeasure[]>();
  for (const measure of measures) {
    const siren = sirenOf(measure);
    const name = nameKey(measure.territory);
    const sameName = byName.get(name)?.find((other) => siren === null || sirenOf(other) === null);
    const group = (siren !== null ? bySiren.get(siren) : undefined) ?? (sameName ? byName.get(name) : undefined);
    if (group) group.push(measure);
    else {
      const created = [measure];
      groups.push(created);
      if (siren !== null) bySiren.set(siren, created);
      if (!byName.has(name)) byName.set(name, created);
    }
  }
  return groups;
}

export function keepNewest(measures: readonly TerritoryMeasure[]): {
  kept: TerritoryMeasure[];
  duplicates: DuplicateChoice[];
} {
  const kept: TerritoryMeasure[] = [];
  const duplicates: DuplicateChoice[] = [];
  for (const copies of copiesOfTerritories(measures)) {
    // Newest first; the sort is stable, so on a tie the file given first stays first.
    const [newest, ...older] = [...copies].sort(newerFirst);
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
        reason: choiceReason(newest, dropped),
      });
    }
  }
  return { kept, duplicates };
}
