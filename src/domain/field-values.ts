import {
  axisField,
  axisFields,
  isValueField,
  type AxisField,
  type CriterionValues,
  type FieldKind,
  type FicheValues,
  type FieldValue,
  type TrackingField,
} from './axis-fields';
import type { Quarter } from './periods';
import type { RawValue } from './tracking';
import {
  abandonmentQuarterValue,
  dateValue,
  listValue,
  numberValue,
  textValue,
  wholePercentValue,
} from './tracking-values';

/**
 * How a field's cell is read: one reader per field kind (src/domain/axis-fields.ts), so that a row's values are the
 * table's fields read each by its kind — the axis sheet's reader, the figures' inputs and « Abandonnée en » read so.
 */

type FieldReader = (raw: RawValue, field: AxisField, quarters: readonly Quarter[]) => unknown;

/** Every kind has its reader: a new kind does not compile until it has one. */
export const fieldReaders: Record<FieldKind, FieldReader> = {
  text: (raw) => textValue(raw),
  integer0to100: (raw) => wholePercentValue(raw),
  number: (raw) => numberValue(raw),
  date: (raw) => dateValue(raw),
  list: (raw, field) => (field.kind === 'list' ? listValue(field.list, raw) : null),
  quarterLabel: (raw, _field, quarters) => abandonmentQuarterValue(raw, quarters),
  rate: (raw) => numberValue(raw),
};

/** A field's value in a cell holding `raw`, read by the field's kind (a quarter label among `quarters`). */
export function fieldValue<Id extends TrackingField>(
  id: Id,
  raw: RawValue,
  quarters: readonly Quarter[] = [],
): FieldValue<Id> {
  const field = axisField(id);
  return fieldReaders[field.kind](raw, field, quarters) as FieldValue<Id>;
}

// Asked for every row read: the table's filter made once per row type.
const valueFields = {
  fiche: axisFields.filter((field) => field.fiche && isValueField(field)),
  criterion: axisFields.filter((field) => field.criterion && isValueField(field)),
};

/** The value fields of a row type (see `isValueField`), in sheet order. */
export function valueFieldsOf(row: 'fiche' | 'criterion'): readonly AxisField[] {
  return valueFields[row];
}

function valuesOf(
  row: 'fiche' | 'criterion',
  raw: (field: TrackingField) => RawValue,
  quarters: readonly Quarter[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of valueFieldsOf(row)) values[field.id] = fieldReaders[field.kind](raw(field.id), field, quarters);
  return values;
}

/** A fiche row's values: every fiche field of the table, its cell (`raw`) read by its kind. */
export function ficheValuesOf(raw: (field: TrackingField) => RawValue, quarters: readonly Quarter[]): FicheValues {
  // The loop covers exactly `FicheField` (tests/rewrite/field-table.cases.ts reads every field back).
  return valuesOf('fiche', raw, quarters) as FicheValues;
}

/** A criterion row's values: every criterion field of the table, read by its kind. */
export function criterionValuesOf(
  raw: (field: TrackingField) => RawValue,
  quarters: readonly Quarter[],
): CriterionValues {
  return valuesOf('criterion', raw, quarters) as CriterionValues;
}
