import type { AoAssessment, AoObligation, AoRequirement } from '../ao-requirements';
import type { ConsolidationCounts } from './counts';

/**
 * What the consolidation keeps of one territory's tracking workbook: its identity, the quarter it was measured at,
 * its counts (whole plan, by champ d'intervention, by public) and its AO table's requirements. Nothing else of the
 * file is kept, so that a thousand territories fit in memory (docs/WORKBOOK.md, « Consolidation »).
 */

/** The fiches of one champ or public of a territory. */
export interface GroupCounts {
  /** The convention vocabulary's spelling when it matched, else the name as first written in the plan. */
  name: string;
  /** Whether the name is one of the convention vocabulary's (`conventionVocabulary`). */
  matched: boolean;
  counts: ConsolidationCounts;
  /** For a name outside the vocabulary: where the territory finds it, and what it may have meant. */
  unmatched?: UnmatchedUse;
}

/** How far behind today a territory's own quarter is (`TerritoryMeasure.quarterLag`). */
export interface QuarterLag {
  /**
   * How many quarters Q is behind `todays`; 0 when Q is today's or the one just ended (collected before it is closed)
   * in a convention that ended.
   */
  behind: number;
  /** Today's quarter clamped to the convention (its last one once it ended), `AAAA-Tn`. */
  todays: string;
  /** The convention's last quarter when today is after it, else null. */
  ended: string | null;
}

/** Where a territory's plan names a champ or public outside the vocabulary (`GroupCounts.unmatched`). */
export interface UnmatchedUse {
  /** The cell of the first fiche that names it, in the plan's order: its sheet and A1 address. */
  sheet: string;
  cell: string;
  /** The vocabulary's names it may stand for (a letter or two away, or words shared), none when no name is near. */
  suggestions: string[];
}

/** One row of a territory's `Compétences AO`, as assessed at its quarter. */
export interface AoRequirementsRow {
  name: string;
  isEpci: boolean;
  population: number | null;
  /** true: required of this row; false: not; null: unknown (« À renseigner »). */
  required: Record<AoRequirement, boolean | null>;
  /** For a required schéma or RPE, whether it exists; null when not required or unknown. */
  met: Record<AoObligation, boolean | null>;
}

/** What a territory's table keeps of each row's assessment (the consolidation's and the bilan's AO table). */
export function aoRequirementsRows(assessment: AoAssessment): AoRequirementsRow[] {
  return assessment.rows.map(({ name, isEpci, population, required, met }) => ({
    name,
    isEpci,
    population,
    required,
    met,
  }));
}

export interface TerritoryMeasure {
  /** The file as given (a path on the command line, a name in the task pane). */
  file: string;
  /** The plan's territory (`Paramètres`, « Territoire »). */
  territory: string;
  /**
   * The territory the workbook was created for, as `_ctg` records it (empty in an older format): the same as
   * `territory` unless someone typed another name over Paramètres' (`settings-territory-mismatch`). It joins copies of
   * one territory as `territory` does (duplicates.ts).
   */
  recordedTerritory: string;
  epci: string;
  /** SIREN de l'EPCI: its nine digits (spaces dropped), else as typed, trimmed; null when empty. */
  siren: string | null;
  /** The quarter measured, `AAAA-Tn`. */
  quarter: string;
  /**
   * Where a quarter given to all (`--quarter`) falls against this convention: `before` its first quarter (nothing is
   * expected yet), `after` its last (every quarter counts, the period's rate is undefined), null within it.
   */
  quarterOutside: 'before' | 'after' | null;
  /**
   * Whether the quarter measured begins after the day of the consolidation (a convention still to come, whose Q is
   * its first quarter; a Q chosen ahead; a `--quarter` to come): nothing is expected of it, nor of any quarter not
   * begun, so its period's rate is undefined and its cumul counts the quarters begun only.
   */
  quarterNotBegun: boolean;
  /**
   * Measured at its own Q (no `--quarter`) behind the quarter just ended (today's clamped to its convention, and the
   * one before), or after its convention ended: how far, for the Caf to know its figures are not today's; null when
   * neither.
   */
  quarterLag: QuarterLag | null;
  /** The convention's first and last quarters, `AAAA-Tn`. */
  conventionQuarters: { first: string; last: string };
  /**
   * `_ctg`'s « Dernière écriture », an ISO instant; null when absent, not a date the tools wrote (`readableDate`), or
   * after the day of the consolidation (a clock ahead: it would make its copy the newest).
   */
  lastWrite: string | null;
  /** The latest « Dernière mise à jour » of a fiche, ISO date `AAAA-MM-JJ`; null when none is filled. */
  latestUpdate: string | null;
  /**
   * When the file was last saved, as the application that saved it recorded it (`docProps/core.xml`, an ISO instant
   * in UTC): it tells apart only copies whose two dates above are the same (both filled in a spreadsheet without the
   * tools). Null when absent, unreadable or after the day of the consolidation.
   */
  savedAt: string | null;
  /** Validation's data errors and warnings (a file with structural errors is left out, not measured). */
  errors: number;
  warnings: number;
  counts: ConsolidationCounts;
  /**
   * Each axis sheet's counts and the fingerprint of its values (`axisDigest`), in workbook order: not consolidated
   * (axes are local to each CTG), but what says where two copies of one territory differ (copies-differences.ts).
   */
  axes: { axis: number; counts: ConsolidationCounts; digest: string }[];
  /**
   * Its fiches' titles (`nameKey`), in plan order: what tells one territory's plan from another's when two workbooks
   * bear one SIREN under two names (copies-identity.ts, `plansApart`).
   */
  planFiches: string[];
  /** One entry per champ d'intervention its fiches name, with the counts of those fiches. */
  fields: GroupCounts[];
  /** One entry per public its fiches name. */
  publics: GroupCounts[];
  ao: AoRequirementsRow[];
  /**
   * Why its `Compétences AO` table was not read (the sheet missing, renamed, its header row lost: validation's issue
   * code and French message), null when it was. Its figures stand: they never read that sheet.
   */
  aoUnread: { code: string; reason: string } | null;
  /**
   * A text that the conversion of the territory's .ods or .xls by LibreOffice cut at Excel's limit, where it is (the
   * command line only: the task pane converts nothing); absent when none. The territory is measured all the same: its
   * counts do not read a text that long (docs/WORKBOOK.md, « Consolidation »).
   */
  textCut?: TextCut;
  /**
   * The plan columns (champs, publics) emptied in every fiche of an axis sheet (validate's `plan-column-emptied`): its
   * figures by champ or by public miss that sheet's fiches, which the Caf asks the territory to restore; the reason as
   * the Caf reads it. Absent or empty when none.
   */
  planColumnsEmptied?: PlanColumnEmptied[];
  /**
   * The columns of its axis sheets found missing (deleted, or their header retyped) that no consolidated figure reads
   * (`consolidated` in src/domain/axis-fields.ts): it is counted all the same, and the territory is asked to put them
   * back; absent when none. A missing column a figure reads leaves the file out.
   */
  missingColumns?: MissingColumn[];
}

/** An axis sheet whose champs or publics column is empty in every fiche (`TerritoryMeasure.planColumnsEmptied`). */
export interface PlanColumnEmptied {
  sheet: string;
  /** The column's cell of the sheet's first fiche. */
  cell: string;
  field: 'fields' | 'publics';
  /** Validation's message, as the Caf reads it, then that the territory is to correct it. */
  reason: string;
}

/** A column of an axis sheet missing that no figure reads (`TerritoryMeasure.missingColumns`). */
export interface MissingColumn {
  sheet: string;
  /** Its header, as the tools write it. */
  column: string;
  /** Validation's message, as the Caf reads it, then that the territory is to correct it. */
  reason: string;
}

/** Where the conversion of a territory's .ods or .xls cut a text, and the format it was converted from. */
export interface TextCut {
  sheet: string;
  cell: string;
  from: 'ods' | 'xls';
}

/** What a territory's row says of its quarter measured: outside its convention, or not begun yet. */
export type QuarterNote = 'before' | 'notBegun' | 'after';

/**
 * The one note of a territory's quarter, if any. Outside its convention, that is what a person needs to know, begun
 * or not: before it nothing is expected; after its end (a convention over, measured at a quarter years ahead) every
 * quarter of the convention counts, and « not begun » would only hide that the convention is over.
 */
export function quarterNoteOf(
  measure: Pick<TerritoryMeasure, 'quarterOutside' | 'quarterNotBegun'>,
): QuarterNote | null {
  if (measure.quarterOutside !== null) return measure.quarterOutside;
  return measure.quarterNotBegun ? 'notBegun' : null;
}

/**
 * Who a workbook left out is a copy of, when it could be read that far: what tells two copies apart, and its
 * convention (null when its dates were changed by hand: then no convention is told from another), which tells
 * another convention's workbook of the territory from a copy (copies-conventions.ts).
 */
export type TerritoryIdentity = Pick<
  TerritoryMeasure,
  'file' | 'territory' | 'recordedTerritory' | 'siren' | 'lastWrite' | 'latestUpdate' | 'savedAt'
> & { conventionQuarters: TerritoryMeasure['conventionQuarters'] | null };

/** A file left out of the consolidation, and why (French, for the user). */
export interface RejectedFile {
  file: string;
  /** A stable code: the reader's, a workbook issue's, or `extract-not-master`. */
  code: string;
  reason: string;
  /** The territory its Paramètres name (else its `_ctg`), when it could be read that far. */
  territory?: string;
}

/** The dates the tools write: a day, or an instant in UTC (`toISOString`). */
const TOOLS_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;

/**
 * A date the tools wrote (`2026-12-03`, `2026-12-03T05:07:12.000Z`), or null for anything else: a date in `_ctg`
 * edited by hand (`pas une date`, a spreadsheet's serial number, a local time) is no date, never a later one than a
 * real date. Read in UTC, as written, so that the answer is the same in every time zone.
 */
export function readableDate(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!TOOLS_DATE.test(trimmed)) return null;
  const time = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
  // Date.parse accepts 2026-02-31; the day written back must be the day read.
  if (!Number.isFinite(time) || new Date(time).toISOString().slice(0, 10) !== trimmed.slice(0, 10)) return null;
  return trimmed;
}
