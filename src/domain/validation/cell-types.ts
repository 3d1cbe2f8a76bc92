import type { FieldKind } from '../axis-fields';
import type { Issue } from '../issues';
import { dateExists, writtenDate } from '../date-text';
import { serialToIsoDate } from '../excel-dates';
import { quarterLabel, type Quarter } from '../periods';
import type { RawValue, TrackingCell, TrackingField, TrackingRow } from '../tracking';
import {
  abandonmentQuarterValue,
  dashedNumberText,
  dateValue,
  isBlank,
  isNumberAsText,
  listValue,
  NUMBER_BOUND,
  numberValue,
  wholePercentValue,
} from '../tracking-values';
import { isFilled, listValues } from '../tracking';
import { createIssue } from '../issues';
import { typedAs } from '../messages/shown-cell-value';
import { at, shown } from './row-cells';

/**
 * Wrong types and values outside lists: a non-empty cell whose value is not of its column's kind. Empty input
 * cells are allowed (completeness is a warning of its own).
 */

/**
 * A number cell whose format says it is no plain number: a date (« 15/03 » taken for 15 March, value 46096) is
 * an error; a percentage (« 85 % », value 0.85) is read as stored, with a warning saying so. A number past ±10¹²
 * is an error.
 */
function numberFormatIssue(row: TrackingRow, cell: TrackingCell, raw: RawValue, quarter?: string): Issue | null {
  if (typeof raw !== 'number') return null;
  const params = { header: cell.header, value: raw, ...(quarter ? { quarter } : {}) };
  if (cell.isDate) return createIssue('number-is-date', at(row, cell), { ...params, date: serialToIsoDate(raw) });
  // Past what the column's data validation takes (pasted, or typed in another spreadsheet): a slip, as merge says.
  if (Math.abs(raw) > NUMBER_BOUND) return createIssue('number-out-of-bounds', at(row, cell), params);
  if (cell.isPercent) return createIssue('percent-read-as-fraction', at(row, cell), params);
  return null;
}

/** How a wrong Avancement was read, so that the message can say it: text, a percentage, or another value. */
function progressIssue(row: TrackingRow, cell: TrackingCell, raw: RawValue): Issue | null {
  if (cell.isDate) return numberFormatIssue(row, cell, raw);
  if (wholePercentValue(raw) !== null) return cell.isPercent ? numberFormatIssue(row, cell, raw) : null;
  const read =
    typeof raw === 'string'
      ? isNumberAsText(raw)
        ? 'numberAsText'
        : 'text'
      : typeof raw === 'number' && cell.isPercent
        ? 'percent'
        : typeof raw === 'number' && raw > 0 && raw < 1 && wholePercentValue(Math.round(raw * 100 * 1e9) / 1e9) !== null
          ? 'fraction' // « 50 % » typed in a cell that kept its Nombre format
          : 'value';
  const number = typeof raw === 'number' ? raw : null;
  return createIssue('progress-invalid', at(row, cell), { header: cell.header, value: shown(cell), read, number });
}

/** What a check of a non-empty cell knows beside the cell: the convention's quarters. */
interface KindContext {
  quarters: readonly Quarter[];
}

/** `raw` is the cell's value, read once (`cell.raw` reads it from its sheet each time). */
type KindCheck = (row: TrackingRow, cell: TrackingCell, raw: RawValue, context: KindContext) => Issue | null;

/**
 * The check of each field kind (src/domain/axis-fields.ts): a field is validated by its kind, and a new kind does
 * not compile until it has its check (and the check its message in the catalogue).
 */
const kindChecks: Record<FieldKind, KindCheck> = {
  // An error value (#N/A of a formula typed by hand) is no text: a rewrite would turn it into one silently.
  text: (row, cell) => (cell.isError ? createIssue('text-is-error', at(row, cell), paramsOf(cell)) : null),
  integer0to100: (row, cell, raw) => progressIssue(row, cell, raw),
  number: (row, cell, raw) => {
    if (numberValue(raw) !== null) return numberFormatIssue(row, cell, raw);
    const read = isNumberAsText(raw) ? 'numberAsText' : 'value';
    return createIssue('number-invalid', at(row, cell), { header: cell.header, value: shown(cell), read });
  },
  date: (row, cell, raw) =>
    dateValue(raw) === null ? createIssue('date-invalid', at(row, cell), dateParams(cell, raw)) : null,
  list: (row, cell, raw) => {
    const list = cell.list;
    if (!list || listValue(list, raw) !== null) return null;
    return createIssue('value-not-in-list', at(row, cell), {
      header: cell.header,
      value: shown(cell),
      typed: typedAs(raw),
      allowed: [...listValues[list]],
    });
  },
  // « Abandonnée en » (docs/WORKBOOK.md, « Abandoned fiches »): empty, or a quarter of the convention `AAAA-Tn`;
  // anything else, the formulas and the figures would read the fiche as not abandoned.
  quarterLabel: (row, cell, raw, { quarters }) =>
    abandonmentQuarterValue(raw, quarters) !== null
      ? null
      : createIssue('abandoned-in-invalid', at(row, cell), {
          ...paramsOf(cell),
          first: quarterLabel(quarters[0]),
          last: quarterLabel(quarters[quarters.length - 1]),
        }),
  // The tools' formulas: what they give is theirs, never a person's error.
  rate: () => null,
};

const paramsOf = (cell: TrackingCell) => ({ header: cell.header, value: shown(cell) });

/**
 * A text written like a date (`15/06/2026`): the spreadsheet kept it as text, which the message says; a day that does
 * not exist (« 31/02/2026 ») is kept so whatever the cell's format, and the message says which day or month is wrong.
 */
function dateParams(cell: TrackingCell, raw: RawValue) {
  const written = writtenDate(raw);
  if (written === null) return paramsOf(cell);
  return dateExists(written)
    ? { ...paramsOf(cell), read: 'dateText' }
    : { ...paramsOf(cell), read: 'impossibleDate', ...written };
}

function cellIssue(row: TrackingRow, cell: TrackingCell, context: KindContext): Issue | null {
  const raw = cell.raw;
  const kind = cell.kind;
  // A formula without result reads as empty (so only an empty cell may be one): in a cell a person fills or the plan
  // wrote (a fiche's champs), the figures would miss what it stands for. The tools' own formulas (rates) are simply
  // computed again.
  if (raw === null && kind !== 'rate' && cell.uncalculatedFormula !== undefined) return formulaWithoutValue(row, cell);
  if (isBlank(raw) || kind === 'quarterValue') return null;
  return kindChecks[kind](row, cell, raw, context);
}

/** Read as empty, it would be erased by a rewrite: the person must calculate it or type the value. */
function formulaWithoutValue(row: TrackingRow, cell: TrackingCell): Issue {
  return createIssue('formula-without-value', at(row, cell), {
    header: cell.header,
    formula: cell.uncalculatedFormula ?? '',
  });
}

function quarterCellIssue(row: TrackingRow & { type: 'criterion' }, quarter: string, cell: TrackingCell): Issue | null {
  const raw = cell.raw;
  if (raw === null && cell.uncalculatedFormula !== undefined) return formulaWithoutValue(row, cell);
  if (isBlank(raw)) return null;
  if (row.kind === 'quantitative') {
    const formatIssue = numberFormatIssue(row, cell, raw, quarter);
    if (formatIssue) return formatIssue;
  }
  if (isFilled(row.kind, raw)) return null;
  const value = shown(cell);
  if (row.kind === 'qualitative') {
    const allowed = [...listValues.qualitativeScale];
    return createIssue('quarter-value-not-in-scale', at(row, cell), {
      header: cell.header,
      quarter,
      value,
      typed: typedAs(raw),
      allowed,
    });
  }
  if (typeof raw === 'boolean')
    return createIssue('quarter-value-not-number', at(row, cell), {
      header: cell.header,
      quarter,
      value,
      typed: 'boolean',
    });
  if (isNumberAsText(raw))
    return createIssue('quarter-value-number-as-text', at(row, cell), { header: cell.header, quarter, value });
  // « – 5 »: a dash apart from its number, which the message tells how to type as -5, or as 5.
  const negative = dashedNumberText(raw);
  return createIssue('quarter-value-not-number', at(row, cell), {
    header: cell.header,
    quarter,
    value,
    ...(negative === null ? {} : { negative }),
  });
}

/**
 * Every cell of the rows checked by its kind (quarter cells by the row's criterion kind): not the quarter cells of a
 * row read by a key of another type than its own (`anotherType`, see `rowsOfAnotherType`).
 */
export function checkCellTypes(
  rows: readonly TrackingRow[],
  quarters: readonly Quarter[],
  anotherType: ReadonlySet<TrackingRow> = new Set(),
): Issue[] {
  const context = { quarters };
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.type === 'unknown') continue;
    // for…in rather than Object.values or Object.entries: every row of every file passes here, with no array or
    // pair made per row or cell.
    // The record in a local: V8 then reads each key's value straight from the record's layout.
    const cells = row.cells;
    for (const field in cells) {
      const cell = cells[field as TrackingField];
      const issue = cell ? cellIssue(row, cell, context) : null;
      if (issue) issues.push(issue);
    }
    if (row.type !== 'criterion' || anotherType.has(row)) continue;
    // An empty quarter cell is never of a wrong type: only the cells holding something are made and checked.
    row.quarterCells.forEachHeld((cell, quarter) => {
      const issue = quarterCellIssue(row, quarter, cell);
      if (issue) issues.push(issue);
    });
  }
  return issues;
}
