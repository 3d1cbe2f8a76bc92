import { axisField, criterionTextsOfPlan, ficheTextsOfPlan, type TrackingField } from '../../domain/axis-fields';
import { generatedCriterionValues } from '../../domain/criterion-defaults';
import type { CriterionKind } from '../../domain/plan';
import { allFiches } from '../../domain/plan';
import { quarterCellEntries, type AxisSheetReading } from '../../domain/tracking';
import { aggregationRules, matchListValue, type AggregationRule } from '../../domain/vocabulary';
import type { EnteredValues } from '../../layout/entered-values';
import { writtenRowPlaces } from '../../layout/sheets/axis/written-addresses';
import { quartersOfPeriod } from '../../domain/periods';
import { fieldHeader } from '../../layout/sheets/axis/axis-columns';
import type { WorkbookState } from '../workbook-state';

/** What a merge knows of one row of the master: its type, where its cells are, its plan texts, its rule. */
export interface MasterRow {
  key: string;
  /** The axis sheet that holds it, and its cells' addresses by field id or quarter label. */
  sheet: string;
  addresses: ReadonlyMap<string, string>;
  type: 'fiche' | 'criterion';
  /** A criterion's kind; null for a fiche. */
  kind: CriterionKind | null;
  /** The plan's texts as the sheet shows them, by field. */
  planTexts: ReadonlyMap<TrackingField, string>;
  /** A criterion's Règle d'agrégation as entered, else the one generation gives. */
  rule: AggregationRule;
}

function ruleOf(entered: EnteredValues, key: string, fallback: AggregationRule): AggregationRule {
  const raw = entered.get(key)?.get('aggregation')?.value;
  return (typeof raw === 'string' && matchListValue(aggregationRules, raw)) || fallback;
}

function addressesOf(
  axisSheets: readonly AxisSheetReading[],
): Map<string, { sheet: string; cells: Map<string, string> }> {
  const byKey = new Map<string, { sheet: string; cells: Map<string, string> }>();
  for (const sheet of axisSheets) {
    for (const row of sheet.rows) {
      if (row.key === '' || byKey.has(row.key) || (row.type !== 'fiche' && row.type !== 'criterion')) continue;
      const cells = new Map<string, string>();
      for (const [field, cell] of Object.entries(row.cells)) if (cell) cells.set(field, cell.address);
      if (row.type === 'criterion') {
        for (const [label, cell] of quarterCellEntries(row.quarterCells)) cells.set(label, cell.address);
      }
      byKey.set(row.key, { sheet: sheet.sheet, cells });
    }
  }
  return byKey;
}

/** Every row of the master by key, from its state and the axis sheets as read. */
export function masterRowsOf(state: WorkbookState, axisSheets: readonly AxisSheetReading[]): Map<string, MasterRow> {
  const places = addressesOf(axisSheets);
  const rows = new Map<string, MasterRow>();
  const add = (key: string, row: Omit<MasterRow, 'key' | 'sheet' | 'addresses'>) => {
    const place = places.get(key);
    rows.set(key, { key, sheet: place?.sheet ?? '', addresses: place?.cells ?? new Map<string, string>(), ...row });
  };
  for (const fiche of allFiches(state.plan)) {
    add(fiche.key, { type: 'fiche', kind: null, planTexts: new Map(ficheTextsOfPlan(fiche)), rule: 'Somme' });
    for (const criterion of fiche.criteria) {
      add(criterion.key, {
        type: 'criterion',
        kind: criterion.kind,
        planTexts: new Map(criterionTextsOfPlan(criterion)),
        rule: ruleOf(state.entered, criterion.key, generatedCriterionValues(criterion).aggregation),
      });
    }
  }
  return rows;
}

/** The column's words for a field id or a quarter label (`2026-T3` is its own header). */
export function columnWords(field: string): string {
  return isQuarterField(field) ? field : fieldHeader(field as TrackingField);
}

/** Whether a field id names a field a partner reports (the field table's `reported`); quarters always are. */
export function isReportedField(field: string): boolean {
  if (isQuarterField(field)) return true;
  return (axisField(field as TrackingField) as ReturnType<typeof axisField> | undefined)?.reported === true;
}

/** Whether a field id names a field the plan gives (an Intitulé, the porteurs…). */
export function isPlanField(field: string): boolean {
  if (isQuarterField(field)) return false;
  return (axisField(field as TrackingField) as ReturnType<typeof axisField> | undefined)?.source === 'plan';
}

export const isQuarterField = (field: string): boolean => /^\d{4}-T[1-4]$/.test(field);

/**
 * Report lines moved to where the rewrite wrote their cells: a table sorted by a person is put back in the plan's
 * order when written (docs/WORKBOOK.md, « Rows out of order »), so the cells read are not the cells written.
 */
export function placedAsWritten<T extends { key: string; field: string; sheet: string | null; cell: string | null }>(
  lines: readonly T[],
  state: WorkbookState,
): T[] {
  const places = writtenRowPlaces(state.plan, quartersOfPeriod(state.plan.period));
  return lines.map((line) => {
    const place = places.get(line.key);
    const cell = place?.cells.get(line.field);
    return place && cell ? { ...line, sheet: place.sheet, cell } : line;
  });
}
