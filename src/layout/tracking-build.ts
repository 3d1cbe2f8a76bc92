import type { AoTable } from '../domain/ao-requirements';
import type { ContributionEntry } from '../domain/contributions';
import type { Quarter } from '../domain/periods';
import type { Plan } from '../domain/plan';
import type { KeyEntry } from '../domain/plan-keys';
import type { ArchiveEntry } from './sheets/archives/archive-sheet';
import type { CtgMeta } from './sheets/ctg-meta/ctg-meta-read';
import type { ExtractMetaInput } from './sheets/ctg-meta/ctg-meta-sheet';
import type { Settings } from './sheets/settings/settings-read';
import type { EnteredValues } from './entered-values';
import type { HistoryEntry } from './sheets/history/history-sheet';
import type { JournalEntry } from './sheets/journal/journal-columns';
import type { SettingsInputs } from './sheets/settings/settings-sheet';
import type { SheetModule, SheetReader, SheetRegistry } from './sheet-registry';
import type { WorkbookFigures } from './workbook-figures';
import type { SheetSpec } from './workbook-spec';

/**
 * Everything of a tracking workbook that is not the plan: what people entered and what the tools recorded. A new
 * workbook has none of it but its first Journal line; a rewritten one (compute, close-quarter, regenerate) carries
 * all of it over, because the writers write whole workbooks.
 */
export interface WorkbookContents {
  currentQuarter: Quarter;
  /** The moment of this write: `_ctg`'s last write date. */
  now: Date;
  /** `_ctg`'s generation date as stored; absent for a new workbook (then `now`). */
  generatedAt?: string;
  /** Entered values of the axis sheets, by row key (rows absent here get the generated defaults). */
  entered?: EnteredValues;
  settingsInputs?: SettingsInputs;
  /** Every Journal line, old ones first. */
  journal: readonly JournalEntry[];
  /** `Historique` is written when it has entries or existed already (a new workbook has it from the start). */
  history?: { entries: readonly HistoryEntry[]; keepSheet: boolean };
  /** `Archives` likewise. */
  archives?: { entries: readonly ArchiveEntry[]; keepSheet: boolean };
  /** `Contributions` likewise (a new workbook has it from the start). */
  contributions?: { entries: readonly ContributionEntry[]; keepSheet: boolean };
  retiredKeys?: readonly KeyEntry[];
  /** For an extract (docs/WORKBOOK.md, « Extracts »): whom it is for, of which master, up to which quarter. */
  extract?: ExtractMetaInput;
  /** `Compétences AO` as entered (see `readAoSheet`); absent: the table of the plan. */
  ao?: AoTable;
  /** Sheets the tools do not build (added by a person), copied in before `_ctg`. */
  extraSheets?: readonly SheetSpec[];
}

/** What the tracking workbook's builder hands each sheet module: the plan, the contents, and what is derived once. */
export interface TrackingBuild {
  plan: Plan;
  contents: WorkbookContents;
  quarters: readonly Quarter[];
  keys: readonly KeyEntry[];
  fingerprint: string;
  figures: WorkbookFigures;
}

/** What validation knows when it lists the sheets a tracking workbook must have. */
export interface TrackingExpect {
  /** The axes `_ctg`'s key list names (each needs its `Axe N`). */
  axesOfKeys: readonly number[];
  /**
   * The last quarter whose closing the Journal records (each closing writes Historique, which is then expected);
   * null when it records none, or when the Journal was not read.
   */
  closingJournalled: string | null;
}

/** What `_ctg` and Paramètres tell, against which the other sheets are read (the axis sheets' quarter columns). */
export interface TrackingHeader {
  ctgSheet: string;
  /** `_ctg` as stored (not yet migrated: that needs the axis sheets). */
  storedMeta: CtgMeta;
  /** Null when the sheet is missing. */
  settingsSheet: string | null;
  settings: Settings | null;
  /** The convention's quarters. */
  quarters: readonly Quarter[];
}

/** What the tracking workbook's reader hands each module's reader. */
export interface TrackingRead {
  /**
   * The header, known once `_ctg` and Paramètres are read and the workbook found readable: their own readers never
   * ask for it, and no other module is read before.
   */
  header: () => TrackingHeader;
}

export type TrackingSheetModule<Reading = unknown> = SheetModule<TrackingBuild, TrackingExpect, TrackingRead, Reading>;
export type TrackingSheetRegistry = SheetRegistry<TrackingBuild, TrackingExpect, TrackingRead>;

/** A module of the tracking workbook, its id and its reading's type kept: `readings.<id>` is typed by its reader. */
export function trackingModule<const Id extends string, Reading = never>(
  module: TrackingSheetModule<Reading> & { id: Id; read?: SheetReader<TrackingRead, Reading> },
): TrackingSheetModule<Reading> & { id: Id } {
  return module;
}
