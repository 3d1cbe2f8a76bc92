import { criterionTextsOfPlan, ficheTextsOfPlan } from '../../../domain/axis-fields';
import { FIRST_DATE, LAST_DATE, NUMBER_BOUND } from '../../../domain/tracking-values';
import { generatedCriterionValues } from '../../../domain/criterion-defaults';
import { rowTypeOfCriterion } from '../../../domain/plan-keys';
import type { Axis, Criterion, Fiche } from '../../../domain/plan';
import type { Quarter } from '../../../domain/periods';
import type { RowType } from '../../../domain/vocabulary';
import { rangeAddress, rowRuns } from '../../a1';
import { axisColumns, type AxisColumn, type ColumnId, type ListId } from './axis-columns';
import { enteredFieldName, type EnteredRow, type EnteredValues } from '../../entered-values';
import { pagesWideAtScale } from '../../print-width';
import { settingsList } from '../settings/settings-layout';
import { cell, emptySheet, setCell, setRow, standardProtection, wrappedRowHeight } from '../../sheet-building';
import {
  colors,
  DATE_FORMAT,
  GENERAL_FORMAT,
  headerStyle,
  hintStyle,
  INTEGER_FORMAT,
  PERCENT_FORMAT,
  RATE_FORMAT,
  rateColorScale,
  TEXT_FORMAT,
  titleStyle,
} from '../../styles';
import { axisSheetName, axisSheetTitle, axisTexts, validationTexts } from '../../texts';
import type {
  CellSpec,
  CellStyle,
  ColumnSpec,
  RowSpec,
  ScalarValue,
  SheetSpec,
  ValidationSpec,
} from '../../workbook-spec';

/** Row of the headers (the readers find it by its `Clé` cell, never by this number). */
export const AXIS_HEADER_ROW = 3;
export const AXIS_FIRST_DATA_ROW = AXIS_HEADER_ROW + 1;
/** Clé, Type and Intitulé: a row's identity, kept in view when scrolling right and repeated on printed pages. */
function identityColumnCount(columns: readonly AxisColumn[]): number {
  return columns.findIndex((column) => column.id === 'title') + 1;
}

/** The number format of a column, from what it holds. */
export function columnNumberFormat(column: AxisColumn): string {
  switch (column.kind) {
    case 'text':
    case 'list':
    case 'quarterLabel':
      return TEXT_FORMAT;
    case 'integer0to100':
      return INTEGER_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'rate':
      return RATE_FORMAT;
    case 'number':
    case 'quarterValue':
      return GENERAL_FORMAT;
  }
}

/** Long text columns wrap so that a row shows its text whole. */
function wraps(column: AxisColumn): boolean {
  return column.kind === 'text' && column.width >= 18;
}

/** One row of the sheet as the builder sees it: its type and the values of the columns it fills. */
interface AxisRow {
  key: string;
  type: RowType;
  values: Partial<Record<ColumnId, ScalarValue>>;
  /** What a person entered in this row (a rewritten workbook): then every input cell comes from here. */
  entered?: EnteredRow;
}

function ficheRow(fiche: Fiche): AxisRow {
  return { key: fiche.key, type: 'Fiche', values: Object.fromEntries(ficheTextsOfPlan(fiche)) };
}

function criterionRow(criterion: Criterion): AxisRow {
  return {
    key: criterion.key,
    type: rowTypeOfCriterion(criterion.kind),
    values: {
      ...Object.fromEntries(criterionTextsOfPlan(criterion)),
      // What generation enters for a person to change: inferred from the criterion's wording.
      ...generatedCriterionValues(criterion),
    },
  };
}

/** The rows of an axis in sheet order: each fiche, then its criteria; with the values entered in them, if any. */
export function axisRows(axis: Axis, entered?: EnteredValues): AxisRow[] {
  const withEntered = (row: AxisRow): AxisRow => {
    const kept = entered?.get(row.key);
    return kept ? { ...row, entered: kept } : row;
  };
  return axis.fiches.flatMap((fiche) => [ficheRow(fiche), ...fiche.criteria.map(criterionRow)].map(withEntered));
}

/** Whether a row of `type` uses the column (other rows get a greyed, locked cell). */
export function usedBy(column: AxisColumn, type: RowType): boolean {
  return type === 'Fiche' ? column.usedByFiche : column.usedByCriterion;
}

/** Qualitative quarter cells hold a scale value (text); quantitative ones a number. */
function cellNumberFormat(column: AxisColumn, type: RowType): string {
  if (column.kind === 'quarterValue' && type === 'Qualitatif') return TEXT_FORMAT;
  return columnNumberFormat(column);
}

function cellOf(column: AxisColumn, row: AxisRow): CellSpec {
  const numFmt = cellNumberFormat(column, row.type);
  if (!usedBy(column, row.type)) return cell(null, { numFmt, fill: colors.unusedFill, locked: true });
  const kept = column.input && row.entered ? (row.entered.get(enteredFieldName(column)) ?? null) : undefined;
  const value =
    column.id === 'key'
      ? row.key
      : column.id === 'type'
        ? row.type
        : kept !== undefined
          ? (kept?.value ?? null)
          : (row.values[column.id] ?? null);
  // A date or a percentage typed where a plain number is expected keeps its look (the value is kept as stored).
  const keptFormat = kept?.isDate ? DATE_FORMAT : kept?.isPercent ? PERCENT_FORMAT : numFmt;
  const style: CellStyle = { numFmt: keptFormat, locked: !column.input, vertical: 'top' };
  if (wraps(column)) style.wrap = true;
  if (row.type === 'Fiche' && (column.id === 'key' || column.id === 'title')) style.bold = true;
  return cell(value, style);
}

function rowSpec(columns: readonly AxisColumn[], row: AxisRow): RowSpec {
  // The texts of the wrapping columns, in column order (made for every row of every axis: no copy per column).
  const texts: { text: string; width: number }[] = [];
  for (const column of columns) {
    if (!wraps(column)) continue;
    const field = enteredFieldName(column);
    const value = row.entered?.has(field) ? row.entered.get(field)?.value : row.values[column.id];
    if (typeof value === 'string') texts.push({ text: value, width: column.width });
  }
  const height = wrappedRowHeight(texts);
  return { cells: columns.map((column) => cellOf(column, row)), ...(height ? { height } : {}) };
}

/** The data-validation rule of a column for a row type, if any. */
type ValidationRule = DistributiveOmit<ValidationSpec, 'ranges'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function validationFor(column: AxisColumn, type: RowType): ValidationRule | null {
  const list = (id: ListId, error: string) => ({
    kind: 'list' as const,
    source: settingsList(id).definedName,
    errorTitle: validationTexts.listTitle,
    error,
  });
  const decimal = {
    kind: 'decimal' as const,
    min: -NUMBER_BOUND,
    max: NUMBER_BOUND,
    errorTitle: validationTexts.numberTitle,
    error: validationTexts.numberError,
  };
  if (!usedBy(column, type) || !column.input) return null;
  switch (column.kind) {
    case 'list':
      if (column.list === 'statuses') return list('statuses', validationTexts.statusError);
      if (column.list === 'frequencies') return list('frequencies', validationTexts.frequencyError);
      if (column.list === 'aggregationRules') return list('aggregationRules', validationTexts.aggregationError);
      return list('qualitativeScale', validationTexts.scaleError);
    case 'integer0to100':
      return {
        kind: 'whole',
        min: 0,
        max: 100,
        errorTitle: validationTexts.progressTitle,
        error: validationTexts.progressError,
      };
    case 'number':
      return decimal;
    case 'date':
      return {
        kind: 'date',
        min: FIRST_DATE,
        max: LAST_DATE,
        errorTitle: validationTexts.dateTitle,
        error: validationTexts.dateError,
      };
    case 'quarterValue':
      return type === 'Qualitatif' ? list('qualitativeScale', validationTexts.scaleError) : decimal;
    default:
      return null;
  }
}

/**
 * Validations grouped into few ranges: per column and rule, the runs of consecutive rows; quarter columns side by
 * side with the same rule become one rectangle per run.
 */
function axisValidations(columns: readonly AxisColumn[], rows: readonly AxisRow[]): ValidationSpec[] {
  interface Group {
    rule: ValidationRule;
    first: number;
    last: number;
    /** 1 at the index of each row the rule covers (rows × columns cells: no set of row numbers to grow). */
    covered: Uint8Array;
  }
  const groups = new Map<string, Group>();
  columns.forEach((column, index) => {
    // A column's rule depends on the row's type only: each type's rule and group are found once.
    const byType = new Map<RowType, Group | null>();
    rows.forEach((row, rowIndex) => {
      let group = byType.get(row.type);
      if (group === undefined) {
        const rule = validationFor(column, row.type);
        group = null;
        if (rule) {
          const key = `${column.id === 'quarter' ? 'quarter' : index}|${JSON.stringify(rule)}`;
          group = groups.get(key) ?? { rule, first: index + 1, last: index + 1, covered: new Uint8Array(rows.length) };
          group.first = Math.min(group.first, index + 1);
          group.last = Math.max(group.last, index + 1);
          groups.set(key, group);
        }
        byType.set(row.type, group);
      }
      if (group) group.covered[rowIndex] = 1;
    });
  });
  return [...groups.values()].map(({ rule, first, last, covered }) => {
    const rowNumbers: number[] = [];
    covered.forEach((isCovered, rowIndex) => {
      if (isCovered) rowNumbers.push(AXIS_FIRST_DATA_ROW + rowIndex);
    });
    return { ...rule, ranges: rowRuns(rowNumbers).map(([top, bottom]) => rangeAddress(top, first, bottom, last)) };
  }) as ValidationSpec[];
}

/**
 * `Axe N`: title, hint, header row, then a fiche row and its criterion rows for each fiche. A sheet-level autofilter
 * over the header and data rows, no Excel table and no outline groups: on a protected sheet Excel lets people use
 * the arrows of a sheet's autofilter, not a table's, and not the outline buttons (docs/WORKBOOK.md, « Protection »).
 * The fiches alone are shown by filtering `Type` on « Fiche ».
 */
export function buildAxisSheet(axis: Axis, quarters: readonly Quarter[], entered?: EnteredValues): SheetSpec {
  const columns = axisColumns(quarters);
  const rows = axisRows(axis, entered);
  const sheet = emptySheet(axisSheetName(axis.number));
  sheet.columns = columns.map((column): ColumnSpec => ({ width: column.width, numFmt: columnNumberFormat(column) }));
  setCell(sheet, 1, 1, cell(axisSheetTitle(axis.number, axis.title), titleStyle));
  setCell(sheet, 2, 1, cell(axisTexts.hint, hintStyle));
  setRow(sheet, AXIS_HEADER_ROW, {
    cells: columns.map((column) => cell(column.header, headerStyle)),
    height: 45,
  });
  rows.forEach((row, index) => setRow(sheet, AXIS_FIRST_DATA_ROW + index, rowSpec(columns, row)));

  const lastRow = AXIS_HEADER_ROW + rows.length;
  sheet.autoFilter = rangeAddress(AXIS_HEADER_ROW, 1, lastRow, columns.length);

  sheet.validations = axisValidations(columns, rows);
  if (rows.length > 0) {
    for (const id of ['fillCumulative', 'achievement'] as const) {
      const index = columns.findIndex((column) => column.id === id) + 1;
      sheet.conditionalFormats.push({
        kind: 'colorScale',
        range: rangeAddress(AXIS_FIRST_DATA_ROW, index, lastRow, index),
        ...rateColorScale,
      });
    }
  }
  const identityColumns = identityColumnCount(columns);
  sheet.freeze = { rows: AXIS_HEADER_ROW, columns: identityColumns };
  sheet.protection = standardProtection;
  // Far too wide for one page: several pages across, each starting with the row's identity.
  const titleColumns = { first: 1, last: identityColumns };
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: pagesWideAtScale(sheet.columns, 'landscape', titleColumns),
    titleRows: { first: 1, last: AXIS_HEADER_ROW },
    titleColumns,
  };
  return sheet;
}
