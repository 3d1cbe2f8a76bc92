import { nameKey } from '../name-key';
import type { DuplicateChoice } from './consolidation';
import type { TerritoryMeasure } from './territory';

/**
 * Two copies of one territory (the same SIREN when both have one, else the same territory name, whatever their
 * plans): the newer is kept. A
 * file's date is the later of `_ctg`'s last write and its latest « Dernière mise à jour »; on a tie, or when
 * neither file has a date, the file given first is kept. The reason says which dates decided.
 */

/** The file's date as an ISO text (a date sorts before any instant of the same day). */
export function recencyOf(measure: Pick<TerritoryMeasure, 'lastWrite' | 'latestUpdate'>): string | null {
  const dates = [measure.lastWrite, measure.latestUpdate].filter((date): date is string => date !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a >= b ? a : b));
}

function frenchDate(iso: string | null): string {
  if (iso === null) return 'sans date';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function choiceReason(kept: TerritoryMeasure, dropped: TerritoryMeasure): string {
  const keptDate = recencyOf(kept);
  const droppedDate = recencyOf(dropped);
  if (keptDate !== null && droppedDate !== null && keptDate > droppedDate)
    return `Plus récent : ${frenchDate(keptDate)} contre ${frenchDate(droppedDate)}.`;
  if (keptDate !== null && droppedDate === null) return `Seul daté : ${frenchDate(keptDate)}.`;
  return `Même date (${frenchDate(keptDate)}) : le premier fichier donné est gardé.`;
}

const sirenOf = (measure: TerritoryMeasure) => measure.siren?.replace(/\D/g, '') || null;

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
    const [newest, ...older] = [...copies].sort((a, b) => {
      const dateA = recencyOf(a) ?? '';
      const dateB = recencyOf(b) ?? '';
      return dateA === dateB ? 0 : dateA > dateB ? -1 : 1;
    });
    kept.push(newest);
    for (const dropped of older) {
      const siren = sirenOf(newest);
      duplicates.push({
        territory: newest.territory,
        siren: siren !== null && siren === sirenOf(dropped) ? siren : null,
        kept: newest.file,
        dropped: dropped.file,
        reason: choiceReason(newest, dropped),
      });
    }
  }
  return { kept, duplicates };
}
