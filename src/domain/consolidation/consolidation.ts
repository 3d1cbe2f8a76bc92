import type { ConsolidationCounts } from './counts';
import type { RejectedFile, TerritoryMeasure, UnmatchedUse } from './territory';

/** What the consolidation of many territories' workbooks gives (docs/WORKBOOK.md, « Consolidation »). */

/** One champ or public across territories. */
export interface GroupConsolidation {
  name: string;
  matched: boolean;
  /** Pooled over the territories that have it. */
  counts: ConsolidationCounts;
  /** Each territory that has it, in the territories' order; where it names it, when outside the vocabulary. */
  territories: { territory: string; file: string; counts: ConsolidationCounts; unmatched?: UnmatchedUse }[];
}

/** Two files of one territory: the convention in force, then the newer, is kept. */
export interface DuplicateChoice {
  territory: string;
  /** The SIREN that made them one, or null when their territory names did. */
  siren: string | null;
  kept: string;
  dropped: string;
  /** The territory as the dropped file names it. */
  droppedTerritory: string;
  /** The dropped file's SIREN as typed, null when it has none. */
  droppedSiren: string | null;
  /**
   * The two files name the territory differently (one SIREN, or a name typed over in Paramètres): kept as one, but to
   * check (a SIREN typed in the wrong workbook, a workbook copied for another territory).
   */
  namesDiffer: boolean;
  /**
   * One territory name, two valid SIRENs (the dropped file's and the kept one's, or another copy's when the kept one
   * has none): kept as one, but to check (a SIREN typed wrong, or two territories of one name).
   */
  sirensDiffer: boolean;
  /**
   * The two files are two conventions of the territory (their periods differ), not two copies of one workbook: the
   * convention in force is kept (copies-conventions.ts), whatever their dates. False when their plans say they are two
   * territories under one SIREN (`namesDiffer` then says it).
   */
  conventionsDiffer: boolean;
  /**
   * The copy not kept, older (a date told them apart, one convention), has more values filled: the kept one may be
   * the wrong one, to check (the reason says so).
   */
  olderHasMore: boolean;
  /**
   * No date told the two copies apart (one convention) and their figures differ: the one with more values filled is
   * kept, but the other may be the one up to date (values removed when corrected), to check (the reason says so).
   */
  tieDiffers: boolean;
  /** Why this one, in French (its date against the other's), and what to check. */
  reason: string;
}

/**
 * Workbooks made from one and given other territories in Paramètres, no SIREN to tell them (territory-copies.ts,
 * `clonesOfOneWorkbook`): kept apart, each its own territory, and to check.
 */
export interface CopiesApart {
  /** The files, in name order. */
  files: string[];
  /** What they are, and what to fill (each territory's SIREN), in French. */
  reason: string;
}

/** A name outside the convention vocabulary, and the territories whose plans use it. */
export interface UnmatchedName {
  kind: 'field' | 'public';
  name: string;
  territories: string[];
  /** How many fiches name it, in all territories. */
  fiches: number;
  /** Where each territory names it: its first fiche's cell, and how many of its fiches do. */
  places: UnmatchedPlace[];
  /** The vocabulary's names it may stand for (the first territory's spelling's), none when no name is near. */
  suggestions: string[];
}

/** Where one territory names a name outside the vocabulary. */
export interface UnmatchedPlace {
  territory: string;
  file: string;
  sheet: string;
  cell: string;
  fiches: number;
}

export interface Consolidation {
  /** The territories kept, by territory name. */
  territories: TerritoryMeasure[];
  /** Pooled over every territory kept. */
  total: ConsolidationCounts;
  /** The convention vocabulary's champs first (those some territory has), in its order, then unmatched ones by name. */
  fields: GroupConsolidation[];
  publics: GroupConsolidation[];
  unmatched: UnmatchedName[];
  rejected: RejectedFile[];
  duplicates: DuplicateChoice[];
  copiesApart: CopiesApart[];
  /** The quarter every file was measured at (`--quarter`), or null: each at its own current quarter. */
  quarter: string | null;
}
