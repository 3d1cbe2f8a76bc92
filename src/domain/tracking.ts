import type { CriterionValues, FicheValues, FieldKind, TrackingField } from './axis-fields';
import type { CriterionKind } from './plan';
import { isRowKey } from './plan';
import type { KeyEntry } from './plan-keys';
import { memoizeText } from './memo-text';
import { quarterIndex, type Quarter } from './periods';
import {
  aggregationRules,
  ficheStatuses,
  frequencies,
  matchListValue,
  qualitativeScale,
  type Frequency,
  type QualitativeLevel,
  type RowType,
} from './vocabulary';

/**
 * An axis sheet read back (docs/WORKBOOK.md, « Axis sheets »): fiche rows and criterion rows with their values, and for
 * each value the cell it came from, so that every issue points at a cell. Rows are built by
 * src/layout/sheets/axis/read-axis-sheet.ts from a grid; everything here is pure.
 */

/** A cell's value as read, before any interpretation. */
export type RawValue = string | number | boolean | null;

/** What a column holds: a field's kind (src/domain/axis-fields.ts), or a quarter's value. */
export type CellKind = FieldKind | 'quarterValue';

/** The Paramètres lists, by the layout's list id. */
export type ListName = 'statuses' | 'qualitativeScale' | 'frequencies' | 'aggregationRules';

export const listValues: Record<ListName, readonly string[]> = {
  statuses: ficheStatuses,
  qualitativeScale,
  frequencies,
  aggregationRules,
};

/** Where a value came from and what it was. */
export interface TrackingCell {
  /** A1 address without the sheet. */
  address: string;
  /** The header of its column, as found in the sheet. */
  header: string;
  kind: CellKind;
  /** Whether a person types into it (free text there may hold personal data). */
  input: boolean;
  list?: ListName;
  raw: RawValue;
  /** The cell has a date number format (then `raw` is a serial number). */
  isDate: boolean;
  /** A number with a percentage format (« 85 % » is then `raw` 0.85). */
  isPercent?: boolean;
  /** The cell holds an error value (`#N/A`…), whose text is in `raw`. */
  isError: boolean;
  /** The formula the cell holds, when it has no stored result (then `raw` is null: see `GridCell.uncalculated`). */
  uncalculatedFormula?: string;
  /** The formula the cell holds, stored result or not (`UNREAD_FORMULA` when the read left its text out). */
  formula?: string;
}

export type { CriterionField, FicheField, TrackingField } from './axis-fields';

interface RowBase {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** The `Clé` cell's text, trimmed ('' when empty). */
  key: string;
  /** The `Type` cell's text, trimmed. */
  typeText: string;
  /** The cells of the columns this row type uses (docs/WORKBOOK.md, « Columns »), by field. */
  cells: Partial<Record<TrackingField, TrackingCell>>;
}

/**
 * A fiche row: one value per fiche field of the field table (src/domain/axis-fields.ts), each read by its kind —
 * `status` a Statut of the list, `abandonedIn` the quarter of « Abandonnée en » when it names one of the convention
 * (from it on, its criteria expect no value: see `isAbandonedBy`), `progress` a whole number 0–100, `updatedOn` an
 * ISO date; null when the cell holds no value of the kind.
 */
export interface FicheRow extends RowBase, FicheValues {
  type: 'fiche';
}

/** A criterion row: one value per criterion field of the field table (its text is `title`), and its quarters. */
export interface CriterionRow extends RowBase, CriterionValues {
  type: 'criterion';
  kind: CriterionKind;
  /** Filled values only (see `isFilled`), by quarter label `AAAA-Tn`; null when the cell is not filled. */
  values: Record<string, number | QualitativeLevel | null>;
  /** The quarter cells, by quarter label. */
  quarterCells: QuarterCells;
}

/**
 * A criterion row's quarter cells, each made when asked: a large plan's rows have tens of thousands, most of them
 * empty, and a reading that made them all spent a third of its memory on them. Each call makes a new cell (compare
 * addresses, not cells); the reading keeps its grid for them, which is never changed once read.
 */
export interface QuarterCells {
  /** The labels (`AAAA-Tn`) of the quarters the sheet has a column for, in the layout's order. */
  readonly labels: readonly string[];
  /** The cell of quarter `label`, empty or not; undefined when the sheet has no column for it. */
  cell(label: string): TrackingCell | undefined;
  /**
   * Each cell where the file holds something (a value, blank text, a formula), with its quarter's label, in `labels`
   * order: what a check of the values typed needs, without a cell made or a label looked up per empty one.
   */
  forEachHeld(visit: (cell: TrackingCell, label: string) => void): void;
}

/** A row's quarter cells as pairs, in `labels` order. */
export function quarterCellEntries(cells: QuarterCells): [string, TrackingCell][] {
  const entries: [string, TrackingCell][] = [];
  for (const label of cells.labels) {
    const cell = cells.cell(label);
    if (cell) entries.push([label, cell]);
  }
  return entries;
}

/** A row whose key and Type say neither fiche nor criterion: only the key rules look at it. */
export interface UnknownRow extends RowBase {
  type: 'unknown';
  /** The cells where it holds something (a value, a formula), in any column of the table: a note is told by them. */
  heldCells?: readonly TrackingCell[];
}

export type TrackingRow = FicheRow | CriterionRow | UnknownRow;

/** One axis sheet read back. */
export interface AxisSheetReading {
  sheet: string;
  /** N of `Axe N`. */
  axis: number;
  /** 1-based row of the `Clé` header, null when none was found (then there are no rows). */
  headerRow: number | null;
  rows: TrackingRow[];
}

/**
 * A row of the key list stored in `_ctg` (src/domain/plan-keys.ts), with the axis it belongs to when the list
 * tells it (then a missing `Axe N` sheet is reported as such).
 */
export type StoredKey = KeyEntry & { axis?: number };

const CRITERION_SUFFIX = /-Q[NL]\d+$/;
const QUANTITATIVE_SUFFIX = /-QN\d+$/;

/**
 * The row type a stored key implies (docs/WORKBOOK.md, « Keys »); null when the text is not a key. Asked of the same
 * keys by the readers and the checks, thousands of times a workbook: each answer is three regular expressions, worked
 * out once per text.
 */
export const rowTypeOfKey = memoizeText((key: string): RowType | null => {
  if (!isRowKey(key)) return null;
  if (!CRITERION_SUFFIX.test(key)) return 'Fiche';
  return QUANTITATIVE_SUFFIX.test(key) ? 'Quantitatif' : 'Qualitatif';
});

/** The fiche key a criterion key belongs to (`G1-B-QN2` → `G1-B`); null for a fiche key or a non-key. */
export function parentKeyOf(key: string): string | null {
  if (rowTypeOfKey(key) === null || !CRITERION_SUFFIX.test(key)) return null;
  return key.replace(CRITERION_SUFFIX, '');
}

export function criterionKindOfRowType(type: RowType): CriterionKind | null {
  if (type === 'Quantitatif') return 'quantitative';
  if (type === 'Qualitatif') return 'qualitative';
  return null;
}

/**
 * Whether a quarter cell counts as filled (docs/WORKBOOK.md, « Filled, expected, current quarter »): a number on a quantitative row — 0 and
 * negatives count, a number stored as text does not —; exactly one of the scale's values, case ignored, on a
 * qualitative row (spaces compared as a spreadsheet's TRIM does, see `listKey`: the rate formulas agree). Nothing
 * else counts.
 */
export function isFilled(kind: CriterionKind, value: RawValue): boolean {
  if (kind === 'quantitative') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && matchListValue(qualitativeScale, value) !== null;
}

/**
 * Whether a criterion expects a value in `quarter` (docs/WORKBOOK.md, « Filled, expected, current quarter »): Trimestrielle every quarter,
 * Semestrielle T2 and T4, Annuelle T4, and the convention's last quarter always. A missing or unreadable
 * Fréquence (reported on its own) counts as Trimestrielle, the default of a generated row.
 */
export function expectsValue(frequency: Frequency | null, quarter: Quarter, lastQuarter: Quarter): boolean {
  if (quarterIndex(quarter) === quarterIndex(lastQuarter)) return true;
  switch (frequency) {
    case 'Semestrielle':
      return quarter.q === 2 || quarter.q === 4;
    case 'Annuelle':
      return quarter.q === 4;
    default:
      return true;
  }
}

/**
 * Whether a criterion whose fiche was abandoned in `abandonedIn` (null: not abandoned) is out of the counts in
 * `quarter` (docs/WORKBOOK.md, « Abandoned fiches »): from the quarter of abandonment on, its cells expect no value and
 * its réalisation is not counted; the quarters before count as for any criterion.
 */
export function isAbandonedBy(abandonedIn: Quarter | null | undefined, quarter: Quarter): boolean {
  return abandonedIn != null && quarterIndex(quarter) >= quarterIndex(abandonedIn);
}
