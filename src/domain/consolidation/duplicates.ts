import { frenchDay } from '../messages/numbers';
import { quotedShort } from '../messages/shown-cell-value';
import { frenchDatesApart, frenchDayAndTime, isDay, parisDay, type TimePrecision } from '../messages/paris-time';
import { nameKey } from '../name-key';
import type { DuplicateChoice } from './consolidation';
import {
  conventionsOverlap,
  conventionsReason,
  inForceFirst,
  otherConventionNote,
  sameConvention,
  type QuarterInForce,
} from './copies-conventions';
import { copiesDifference, olderHasMoreFilled } from './copies-differences';
import { identityWarning, plansApart, type CopyChain } from './copies-identity';
import { orderReason, type FileOrigins } from './file-order';
import { readableDate, type TerritoryIdentity, type TerritoryMeasure } from './territory';
import { chainsFrom, copiesOfTerritories, sirenOf } from './territory-copies';

/**
 * Two copies of one territory (territory-copies.ts: a SIREN or a name in common): the workbook of the convention in
 * force is kept when their conventions differ (copies-conventions.ts), else the newer. A file's date is
 * the later of `_ctg`'s last write and its latest « Dernière mise à jour » (an instant's day is its day in French
 * time, and an instant is later than the day it falls on); two files of the same date are told apart by the earlier
 * of the two, then by when the file was last saved (`savedAt`: copies filled in a spreadsheet without the tools have
 * the same two dates; saves less than a day apart do not tell, `SAVES_APART_MS`), then the one with more values
 * filled, then the one whose name was not typed over (`tieFirst`), then the file read first is kept, the reason
 * saying in which order (file-order.ts). The reason says which dates decided, in French time, to the
 * precision that tells them apart (the day, else the minute, else the second; save dates to the day), what the two
 * files do not share of the territory's SIREN and name (copies-identity.ts), and which figures the copies do not
 * share (copies-differences.ts).
 */

/** One of a file's two dates: when the tool last wrote it (`_ctg`), or its fiches' latest « Dernière mise à jour ». */
interface FileDate {
  iso: string;
  kind: 'write' | 'update';
}

/**
 * The later date first, `''` (none) last: two instants by their time; else by their days, an instant's in French
 * time (as it is shown), and an instant after the day it falls on (a fiche updated on the 4th, a workbook written at
 * 00:30 on the 4th in Paris, still the 3rd in UTC: the write is the later). 0 when neither is later.
 */
function laterFirst(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  if (!isDay(a) && !isDay(b)) return Math.sign(Date.parse(b) - Date.parse(a));
  const [dayA, dayB] = [parisDay(a), parisDay(b)];
  if (dayA !== dayB) return dayA > dayB ? -1 : 1;
  return isDay(a) === isDay(b) ? 0 : isDay(a) ? 1 : -1;
}

/** A file's dates, latest first. */
function datesOf(measure: Pick<TerritoryMeasure, 'lastWrite' | 'latestUpdate'>): FileDate[] {
  const dates: FileDate[] = [
    { iso: readableDate(measure.lastWrite) ?? '', kind: 'write' },
    { iso: readableDate(measure.latestUpdate) ?? '', kind: 'update' },
  ];
  return dates.filter((date) => date.iso !== '').sort((a, b) => laterFirst(a.iso, b.iso));
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
    const later = laterFirst(datesA[i]?.iso ?? '', datesB[i]?.iso ?? '');
    if (later !== 0) return later;
  }
  return laterSaveFirst(savedOf(a), savedOf(b));
}

/** Whether Paramètres shows another name than the one the workbook was created for (`_ctg`'s): typed over by hand. */
function nameTypedOver(copy: Pick<TerritoryMeasure, 'territory' | 'recordedTerritory'>): boolean {
  const recorded = nameKey(copy.recordedTerritory);
  return recorded !== '' && recorded !== nameKey(copy.territory);
}

/**
 * What a copy lost in its axis sheets: columns missing that no figure reads (Commentaire…), and champs or publics
 * emptied in a whole sheet, which its figures by champ or by public miss; each as `Axe 1 : colonne « Commentaire »
 * supprimée`.
 */
function columnsLost(copy: TerritoryMeasure): string[] {
  const missing = (copy.missingColumns ?? []).map(({ sheet, column }) => `${sheet} : colonne « ${column} » supprimée`);
  return [...missing, ...columnsEmptied(copy)];
}

function columnsEmptied(copy: TerritoryMeasure): string[] {
  return (copy.planColumnsEmptied ?? []).map(
    ({ sheet, field }) => `${sheet} : colonne des ${field === 'fields' ? 'champs d’intervention' : 'publics'} vidée`,
  );
}

/** 0: nothing lost; 1: only columns no figure reads; 2: champs or publics emptied, which figures read. */
function lossRank(copy: TerritoryMeasure): number {
  if (columnsEmptied(copy).length > 0) return 2;
  return columnsLost(copy).length > 0 ? 1 : 0;
}

/**
 * Of two copies no date tells apart, the one to keep first: the one with more values filled (the work typed in:
 * keeping the other would take it out of the totals, and either may be the one up to date, which the reason asks to
 * check), then the one that lost less of its axis sheets (`lossRank`: nothing, before columns no figure reads, before
 * champs or publics emptied), then the one whose Paramètres shows the name its workbook was created for (the other's
 * name, typed over, is a data error to correct); 0 when none tells, and the order of the files decides.
 */
function tieFirst(a: TerritoryMeasure, b: TerritoryMeasure): number {
  const filled = b.counts.cumulative.filled - a.counts.cumulative.filled;
  if (filled !== 0) return Math.sign(filled);
  const lost = lossRank(a) - lossRank(b);
  return lost !== 0 ? lost : Number(nameTypedOver(a)) - Number(nameTypedOver(b));
}

/** The reason of a copy kept for losing less of its axis sheets than the other (`lossRank`). */
function lossReason(keptFile: string, kept: TerritoryMeasure, droppedFile: string, dropped: TerritoryMeasure): string {
  const [keptLost, droppedLost] = [kept, dropped].map((copy) => columnsLost(copy).join(' ; '));
  const head = `${keptFile} est gardé parce que ${droppedFile}, aux valeurs renseignées aussi nombreuses, `;
  if (lossRank(kept) === 0) return `${head}a perdu des données de ses feuilles d’axe (${droppedLost}).`;
  return (
    `${head}a vidé des colonnes que ses chiffres lisent (${droppedLost}), alors que ${keptFile} n’a perdu que ` +
    `des colonnes qu’aucun chiffre ne lit (${keptLost}).`
  );
}

/** Why `kept` was kept on a tie of dates: `tieFirst`'s reason, else the order of the files (`orderReason`). */
function tieReason(kept: TerritoryMeasure, dropped: TerritoryMeasure, originOf: FileOrigins): string {
  const [keptFile, droppedFile] = [kept.file, dropped.file].map((file) => `«\u00a0${file}\u00a0»`);
  if (kept.counts.cumulative.filled > dropped.counts.cumulative.filled)
    return `${keptFile} est gardé parce qu’il a plus de valeurs renseignées que ${droppedFile}.`;
  const sameFilled = kept.counts.cumulative.filled === dropped.counts.cumulative.filled;
  if (sameFilled && lossRank(dropped) > lossRank(kept)) return lossReason(keptFile, kept, droppedFile, dropped);
  if (sameFilled && nameTypedOver(dropped) && !nameTypedOver(kept))
    return (
      `${keptFile} est gardé parce que «\u00a0Paramètres\u00a0» y nomme le territoire pour lequel il a été créé, et ` +
      `non ${droppedFile}, où un autre nom a été tapé.`
    );
  return orderReason(kept.file, dropped.file, originOf);
}

// The tools' last write, not the file's last save (which a spreadsheet program records apart: `savedReason`).
const what = (date: FileDate) => (date.kind === 'write' ? 'classeur écrit par l’outil' : 'fiche mise à jour');

/** A date with what it is, so that a reason says which dates decided: `classeur écrit par l’outil le 03/12/2026`. */
function describedDate(date: FileDate, precision: TimePrecision): string {
  return `${what(date)} le ${frenchDayAndTime(date.iso, precision)}`;
}

/** Two dates that differ, each with what it is, shown to what tells them apart: `… à 16:05:50, contre … à 16:05:12`. */
function describedApart(a: FileDate, b: FileDate): string {
  const [shownA, shownB] = frenchDatesApart(a.iso, b.iso, 'day');
  return `${what(a)} le ${shownA}, contre ${what(b)} le ${shownB}`;
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
const UNDECIDED = 'rien ne dit lequel est le plus récent.';

/**
 * Why `kept` was kept rather than `dropped`, in the order `newerFirst` compares them; on a tie, what decided
 * (`order`: `tieReason`, more values filled, the name not typed over, else the order of the files).
 */
function datesReason(kept: TerritoryMeasure, dropped: TerritoryMeasure, order: string): string {
  const [keptDates, droppedDates] = [datesOf(kept), datesOf(dropped)];
  const saved = savedReason(savedOf(kept), savedOf(dropped));
  const undecided = `\u00a0: ${UNDECIDED} ${order}`;
  if (keptDates.length === 0) {
    if ('decided' in saved)
      return `Aucun des deux fichiers n’a de date d’écriture ni de mise à jour\u00a0; ${saved.decided}`;
    return saved.close
      ? `Aucun des deux fichiers n’a de date d’écriture ni de mise à jour, et ils ont été ${CLOSE_SAVES}${undecided}`
      : `Aucun des deux fichiers n’est daté${undecided}`;
  }
  if (droppedDates.length === 0) return `Seul daté\u00a0: ${describedDate(keptDates[0], 'day')}.`;
  const latest = describedDate(keptDates[0], 'minute');
  if (laterFirst(keptDates[0].iso, droppedDates[0].iso) !== 0)
    return `Plus récent\u00a0: ${describedApart(keptDates[0], droppedDates[0])}.`;
  // The dates after a colon, not in parentheses: a time shown says its zone in parentheses already.
  const [a, b] = [keptDates[1], droppedDates[1]];
  if (a === undefined || (b !== undefined && laterFirst(a.iso, b.iso) === 0)) {
    return 'decided' in saved
      ? `Mêmes dates\u00a0: ${latest}\u00a0; ${saved.decided}`
      : `Mêmes dates\u00a0: ${latest}${saved.close ? ` pour les deux fichiers, ${CLOSE_SAVES}` : ''}\u00a0; ${UNDECIDED} ${order}`;
  }
  // The latest dates tie: the other date decided, which the reason says in so many words.
  const same = `Les deux fichiers ont la même date la plus récente, ${latest}\u00a0; ils sont départagés par leur autre date`;
  if (b === undefined) return `${same}, que seul le fichier gardé a\u00a0: ${describedDate(a, 'day')}.`;
  return `${same}, plus récente dans le fichier gardé\u00a0: ${describedApart(a, b)} dans le fichier non retenu.`;
}

function choiceReason(
  kept: TerritoryMeasure,
  dropped: TerritoryMeasure,
  {
    sirenTaken,
    identity,
    originOf,
    inForce,
    twoTerritories,
  }: {
    sirenTaken: boolean;
    identity: string;
    originOf: FileOrigins;
    inForce: QuarterInForce | null;
    twoTerritories: boolean;
  },
): string {
  const taken = sirenTaken
    ? ' Le fichier gardé n’a pas de SIREN valide\u00a0: celui du fichier non retenu est repris.'
    : '';
  // Two conventions: neither their dates nor their figures are to compare. Two territories under one SIREN: that
  // leads, then why this one was kept.
  if (!sameConvention(kept, dropped)) {
    const conventions = conventionsReason(kept, dropped, inForce, twoTerritories);
    return twoTerritories ? `${identity.trimStart()} ${conventions}${taken}` : conventions + taken + identity;
  }
  const tie = newerFirst(kept, dropped) === 0;
  const figures = copiesDifference(kept, dropped, tie);
  const reason = datesReason(kept, dropped, tieReason(kept, dropped, originOf));
  return reason + taken + identity + (figures === '' ? '' : ` ${figures}`);
}

export function keepNewest(
  measures: readonly TerritoryMeasure[],
  originOf: FileOrigins = () => undefined,
  inForce: QuarterInForce | null = null,
): {
  kept: TerritoryMeasure[];
  duplicates: DuplicateChoice[];
} {
  const kept: TerritoryMeasure[] = [];
  const duplicates: DuplicateChoice[] = [];
  const inForceOrder = inForceFirst(inForce);
  for (const copies of copiesOfTerritories(measures)) {
    // The chains that join the kept copy to the others, searched once for the territory and only when a reason needs one.
    let chainTo: ((copy: TerritoryMeasure) => CopyChain) | undefined;
    // The convention in force first, then newest first, then `tieFirst`; the sort is stable, so on a tie the file
    // given first stays first.
    const [newestCopy, ...older] = [...copies].sort((a, b) => inForceOrder(a, b) || newerFirst(a, b) || tieFirst(a, b));
    // The territory's SIREN: its kept copy's, else the one its other copies agree on (none when they give two).
    const sirens = new Set(copies.map(sirenOf).filter((siren) => siren !== null));
    const groupSiren = sirenOf(newestCopy) ?? (sirens.size === 1 ? [...sirens][0] : null);
    const sirenTaken = sirenOf(newestCopy) === null && groupSiren !== null;
    const newest = sirenTaken ? { ...newestCopy, siren: groupSiren } : newestCopy;
    kept.push(newest);
    for (const dropped of older) {
      const droppedSiren = sirenOf(dropped);
      const namesDiffer = nameKey(newest.territory) !== nameKey(dropped.territory);
      // Plans are compared when the conventions share a quarter: a territory's next convention has a plan of its own.
      const plansDiffer = conventionsOverlap(newest, dropped) && plansApart(newest, dropped);
      // The copy whose SIREN contradicts this one's: the kept one's when it has one (this pair's own SIRENs), else the
      // newest other's (the territory then keeps no SIREN: the conflict is said on each copy it concerns).
      const others = sirenOf(newestCopy) === null ? older : [newestCopy];
      const contradicting =
        droppedSiren === null ? undefined : others.find((copy) => ![null, droppedSiren].includes(sirenOf(copy)));
      const twoTerritories = namesDiffer && plansDiffer;
      const tie = newerFirst(newest, dropped) === 0;
      duplicates.push({
        territory: newest.territory,
        siren: groupSiren !== null && groupSiren === droppedSiren ? groupSiren : null,
        kept: newest.file,
        dropped: dropped.file,
        droppedTerritory: dropped.territory,
        droppedSiren: dropped.siren,
        namesDiffer,
        sirensDiffer: contradicting !== undefined,
        // Two territories under one SIREN are not two conventions of one territory.
        conventionsDiffer: !sameConvention(newest, dropped) && !twoTerritories,
        olderHasMore: sameConvention(newest, dropped) && !tie && olderHasMoreFilled(newest, dropped),
        tieDiffers: sameConvention(newest, dropped) && tie && copiesDifference(newest, dropped, tie) !== '',
        reason: choiceReason(newest, dropped, {
          sirenTaken: sirenTaken && droppedSiren === groupSiren,
          // Of the files as they are: the kept one's own SIREN, not one taken from a copy.
          identity: identityWarning(newestCopy, dropped, contradicting, {
            plansDiffer,
            chain: () => (chainTo ??= chainsFrom(measures, copies, newestCopy))(dropped),
          }),
          originOf,
          inForce,
          twoTerritories,
        }),
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
 * For a workbook left out: the sentence naming the workbook of its territory that was measured (`keptTerritoryOf`);
 * empty when there is none. A Caf would otherwise take an older copy's figures for the territory's current ones. Of
 * another convention (when the one left out tells its own): which is in force, by the duplicates' rule and quarter
 * (`inForce`, copies-conventions.ts); else a copy, warning when the file left out is the newer one.
 */
export function keptCopyNote(
  left: TerritoryIdentity,
  kept: readonly TerritoryMeasure[],
  inForce: QuarterInForce | null,
): string {
  const copy = keptTerritoryOf(left, kept);
  if (!copy) return '';
  const { conventionQuarters } = left;
  if (conventionQuarters !== null && !sameConvention({ ...left, conventionQuarters }, copy))
    return otherConventionNote({ ...left, conventionQuarters }, copy, copy.territory, inForce);
  const where = `«\u00a0${copy.file}\u00a0»`;
  return newerFirst(left, copy) < 0
    ? `Attention\u00a0: les chiffres de ${quotedShort(copy.territory)} viennent d’une copie plus ancienne, ${where}\u00a0; ` +
        // The reason before it already asks the territory for the correction (`territoryCorrects`).
        'c’est ce fichier-ci que le territoire doit corriger.'
    : `Les chiffres de ${quotedShort(copy.territory)} viennent d’une autre copie, ${where}.`;
}
