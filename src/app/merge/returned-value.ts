import { axisField, type TrackingField } from '../../domain/axis-fields';
import { cellJournalValue, emptyValue, textValue, type JournalValue } from '../../domain/journal';
import type { CriterionKind } from '../../domain/plan';
import { listValues } from '../../domain/tracking';
import {
  dashedNumberText,
  dateValue,
  isBlank,
  isDotAmbiguousNumberText,
  isNumberAsText,
  listValue,
  NUMBER_BOUND,
  numberOfText,
  numberValue,
  wholePercentValue,
} from '../../domain/tracking-values';
import { matchListValue, qualitativeScale } from '../../domain/vocabulary';
import { frenchNumber, frenchPercent } from '../../domain/messages/numbers';
import { NUMBER_EXPECTED } from '../../domain/messages/number-alone-advice';
import { impossibleDate, type WrittenDate } from '../../domain/date-text';
import type { RawValue } from '../../domain/tracking';
import type { EnteredCell } from '../../layout/entered-values';
import { isQuarterField } from './master-rows';

/**
 * A returned cell's value as the master would hold it, checked by its field's kind (the field table) or, for a
 * quarter cell, by its criterion's kind: list values in the list's own spelling, a date as a date. A value that is
 * not of its kind is refused with the words of what was expected.
 */

export interface ReturnedCell {
  value: RawValue;
  isDate: boolean;
  isError: boolean;
  /** A number shown as a percentage: « 85 % » typed is stored 0.85, which is not what the partner meant. */
  isPercent?: boolean;
}

const NO_PERCENT = 'sans le signe\u00a0%';

/**
 * `read: 'text'`: a text where a date goes, which the spreadsheet did not read as a date (said so, not « not
 * possible »); `percentFormat`: a number in a cell formatted as a percentage (7 shown « 700 % »), whose format is what
 * to change, the number typed again in it showing as a percentage again; `impossibleDate`: such a text writing a day that does not exist (« 31/02/2026 »), the day in `date`.
 */
export type CheckedValue =
  | { ok: true; value: JournalValue }
  | { ok: false; expected: string; read?: 'text' | 'percentFormat' }
  | { ok: false; expected: string; read: 'impossibleDate'; date: WrittenDate };

const listWords = (values: readonly string[]) => `une valeur de la liste\u00a0: ${values.join(', ')}`;

function wrong(expected: string): CheckedValue {
  return { ok: false, expected };
}

/**
 * A number, or a number typed as text (`7`, `-3,5`, `1 200`: a table pasted from an e-mail often holds numbers as
 * text), else null. A percentage text (`85 %`) is not a number here: its meaning is ambiguous.
 */
export function returnedNumber(value: RawValue): number | null {
  return typeof value === 'string' ? numberOfText(value) : numberValue(value);
}

const WITHOUT_DOT = `un nombre écrit sans point\u00a0: ${frenchNumber(1500)} pour mille cinq cents, ${frenchNumber(1.5)} pour un et demi`;

/** Past the sheets' bounds: what a data validation refuses in Excel, and a partner's program does not check. */
const BOUNDED_NUMBER = `un nombre de −${frenchNumber(NUMBER_BOUND)} à ${frenchNumber(NUMBER_BOUND)}`;

/** A checked number, or what was expected when it is outside the sheets' bounds. */
const boundedNumber = (value: number): CheckedValue =>
  Math.abs(value) > NUMBER_BOUND ? wrong(BOUNDED_NUMBER) : { ok: true, value: { type: 'number', value } };

/**
 * What a number cell expects: a number; for a dash apart from its number (« – 5 »), which may mean -5 or 5, how to
 * type each.
 */
function numberExpected(value: RawValue): string {
  const negative = dashedNumberText(value);
  return negative === null
    ? NUMBER_EXPECTED
    : `un nombre : ${frenchNumber(negative)} pour un nombre négatif, le signe moins du clavier collé au chiffre, ou ` +
        `${frenchNumber(-negative)} sans le tiret`;
}

/** A percentage, a number shown so or a text (`85%`): never the number the partner means, who is told to type 85. */
const isPercentage = (cell: ReturnedCell): boolean =>
  cell.isPercent === true || (isNumberAsText(cell.value) && String(cell.value).includes('%'));

/** A number the cell's percent format shows as a percentage: refused, `expected` said with the format to change. */
const inPercentFormat = (cell: ReturnedCell): boolean => cell.isPercent === true && typeof cell.value === 'number';

const percentFormatted = (expected: string): CheckedValue => ({ ok: false, expected, read: 'percentFormat' });

function quarterValueOf(kind: CriterionKind, cell: ReturnedCell): CheckedValue {
  if (kind === 'quantitative') {
    if (inPercentFormat(cell)) return percentFormatted(NUMBER_EXPECTED);
    if (isPercentage(cell)) return wrong(`un nombre, ${NO_PERCENT}\u00a0: 85 et non 85\u00a0%`);
    if (isDotAmbiguousNumberText(cell.value)) return wrong(WITHOUT_DOT);
    const number = returnedNumber(cell.value);
    return number === null || cell.isDate ? wrong(numberExpected(cell.value)) : boundedNumber(number);
  }
  const level = typeof cell.value === 'string' ? matchListValue(qualitativeScale, cell.value) : null;
  return level === null ? wrong(listWords(qualitativeScale)) : { ok: true, value: textValue(level) };
}

function fieldValueOf(field: TrackingField, cell: ReturnedCell): CheckedValue {
  const shape = axisField(field);
  switch (shape.kind) {
    case 'list': {
      const value = listValue(shape.list, cell.value);
      return value === null ? wrong(listWords(listValues[shape.list])) : { ok: true, value: textValue(value) };
    }
    case 'integer0to100': {
      if (inPercentFormat(cell)) return percentFormatted('un nombre entier de 0 à 100');
      const value = cell.isDate || cell.isPercent ? null : wholePercentValue(returnedNumber(cell.value));
      return value === null
        ? wrong(`un nombre entier de 0 à 100, ${NO_PERCENT}`)
        : { ok: true, value: { type: 'number', value } };
    }
    case 'date': {
      const iso = dateValue(cell.value);
      if (typeof cell.value === 'string') {
        const impossible = impossibleDate(cell.value);
        return impossible === null
          ? { ok: false, expected: 'une date', read: 'text' }
          : { ok: false, expected: 'une date', read: 'impossibleDate', date: impossible };
      }
      return iso === null
        ? wrong('une date du 01/01/2000 au 31/12/2100')
        : { ok: true, value: { type: 'date', value: cell.value as number } };
    }
    case 'number': {
      if (inPercentFormat(cell)) return percentFormatted(NUMBER_EXPECTED);
      if (isDotAmbiguousNumberText(cell.value)) return wrong(WITHOUT_DOT);
      const value = cell.isDate || cell.isPercent ? null : returnedNumber(cell.value);
      return value === null ? wrong(`un nombre, ${NO_PERCENT}`) : boundedNumber(value);
    }
    default:
      if (cell.isError) return wrong('un texte');
      // « 85 % » typed in a text cell is 0.85 shown so: the master's text cell has no such format, and would show 0,85.
      if (cell.isPercent && typeof cell.value === 'number')
        return { ok: true, value: textValue(frenchPercent(cell.value)) };
      return { ok: true, value: cellJournalValue(lfBreaks(cell.value), cell.isDate) };
  }
}

/**
 * A text's line breaks as LF: a text pasted on Windows carries CR LF (written `_x000D_` by Excel and openpyxl), which
 * the master does not keep, so that the same text would otherwise differ from itself at the next merge.
 */
const lfBreaks = (value: RawValue): RawValue => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);

/** `field`: a field id or a quarter label; `kind`: the row's criterion kind (quarter cells only). */
export function checkReturnedValue(field: string, kind: CriterionKind | null, cell: ReturnedCell): CheckedValue {
  if (!cell.isError && isBlank(cell.value)) return { ok: true, value: emptyValue };
  if (isQuarterField(field)) return kind === null ? wrong('rien') : quarterValueOf(kind, cell);
  return fieldValueOf(field as TrackingField, cell);
}

/**
 * Whether a cell shown as a percentage holds, read without that format, a value `unchanged` accepts: a format given to
 * a cell changes how its number shows (« 500 % » for 5), not the number, which is then not a change. The percentage
 * replaced the cell's format, a date's as well (a date's serial number shown « 4 602 300 % »): read as a number, then
 * as a date.
 */
export function onlyShownAsPercent(
  field: string,
  kind: CriterionKind | null,
  cell: ReturnedCell,
  unchanged: (value: JournalValue) => boolean,
): boolean {
  if (cell.isPercent !== true) return false;
  return [false, true].some((isDate) => {
    const stored = checkReturnedValue(field, kind, { ...cell, isPercent: false, isDate });
    return stored.ok && unchanged(stored.value);
  });
}

/** Whether a number shown as a percentage may mean another (50 for « 50 % », stored 0,5): any but 0, « 0 % » is 0. */
export const percentMayMeanAnother = (value: number): boolean => value !== 0;

/** The master's own value of a cell, in the same form (a value that is not of its kind stays as it is). */
export function masterValueOf(
  field: string,
  kind: CriterionKind | null,
  entered: { value: RawValue; isDate: boolean } | undefined,
): JournalValue {
  if (!entered) return emptyValue;
  const checked = checkReturnedValue(field, kind, { ...entered, isError: false });
  return checked.ok ? checked.value : cellJournalValue(entered.value, entered.isDate);
}

/** A value as the master's entered cell holds it (a date keeps its date look). */
export function enteredCellOf(value: JournalValue): EnteredCell {
  return { value: value.value, isDate: value.type === 'date' };
}
