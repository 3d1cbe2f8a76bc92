import { generatedCriterionValues } from '../domain/criterion-defaults';
import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { isBlank } from '../domain/tracking-values';
import { cellJournalValue, planTextRestored } from '../domain/journal';
import type { Criterion, Plan } from '../domain/plan';
import { keyListFingerprint, planKeyList } from '../domain/plan-keys';
import type { CriterionRow, CriterionField } from '../domain/tracking';
import type { EnteredValues } from '../layout/entered-values';
import { embeddedPlan } from './plan-source';
import type { TrackingWorkbookReading } from './read-tracking-workbook';

/**
 * A criterion row found without its Intitulé: its cells cleared (or the row deleted), its key and Type typed back by
 * hand. The workbook keeps a plan's texts nowhere but in the rows, so the tools never write the key there as if it
 * were the plan's text (docs/WORKBOOK.md, « A criterion row without its Intitulé »). When the workbook is made from the
 * embedded plan — its key list has that plan's fingerprint and every other Intitulé read is that plan's — a rewrite
 * puts back the plan's Intitulé, and in the row's empty cells what generation writes there (Fréquence, Règle
 * d'agrégation, the plan's Unité, Référence, Cible), journalled; otherwise the Intitulé stays empty, and validation
 * and the rewrite say how to bring the plan's texts back: a regeneration, which does the same from the plan it is
 * given (`restoredByPlan`). A value typed in the row is never replaced.
 */
export interface LostCriterionTitle {
  sheet: string;
  key: string;
  /** The Intitulé cell, as read. */
  cell: string;
  /** The row's cells that generation fills (RESTORED_FIELDS) found empty: what a restoring rewrite may fill. */
  emptyCells: EmptyCell[];
  /** The embedded plan's Intitulé and what generation writes in the row's empty cells; null when not the plan's. */
  restored: { text: string; values: RestoredValue[] } | null;
}

/** The cells generation fills in a criterion row that a person may change: restored only where left empty. */
const RESTORED_FIELDS = ['frequency', 'aggregation', 'unit', 'baseline', 'target'] as const;
type RestoredField = (typeof RESTORED_FIELDS)[number];

interface EmptyCell {
  field: RestoredField;
  header: string;
  cell: string;
}

export interface RestoredValue extends EmptyCell {
  value: string | number;
}

const isEmptyCell = (row: CriterionRow, field: CriterionField) => isBlank(row.cells[field]?.raw ?? null);

const untitled = (row: CriterionRow) => row.key !== '' && (row.title ?? '').trim() === '';

/**
 * The embedded plan's criteria by key when the workbook's texts are that plan's: its key list's fingerprint is the
 * stored one, and every Intitulé read (fiches' and criteria's) is the plan's. A plan amended in its wordings alone keeps
 * its keys and fingerprint: one text of another plan is enough to take none of the embedded plan's.
 */
async function embeddedCriteriaOf(reading: TrackingWorkbookReading): Promise<Map<string, Criterion> | null> {
  const plan: Plan = embeddedPlan().plan;
  if ((await keyListFingerprint(planKeyList(plan))) !== reading.meta.planFingerprint) return null;
  const texts = new Map<string, string>();
  const criteria = new Map<string, Criterion>();
  for (const fiche of plan.axes.flatMap((axis) => axis.fiches)) {
    texts.set(fiche.key, fiche.title);
    for (const criterion of fiche.criteria) {
      texts.set(criterion.key, criterion.text);
      criteria.set(criterion.key, criterion);
    }
  }
  for (const row of reading.axisSheets.flatMap((sheet) => sheet.rows)) {
    if (row.type !== 'fiche' && row.type !== 'criterion') continue;
    const title = (row.title ?? '').trim();
    if (title !== '' && title !== texts.get(row.key)?.trim()) return null;
  }
  return criteria;
}

/** The criterion rows of the axis sheets without an Intitulé, each with what the embedded plan gives it, if it may. */
export async function lostCriterionTitles(reading: TrackingWorkbookReading): Promise<LostCriterionTitle[]> {
  const rows = reading.axisSheets.flatMap((sheet) =>
    sheet.rows.filter((row): row is CriterionRow => row.type === 'criterion' && untitled(row)),
  );
  if (rows.length === 0) return [];
  const embedded = await embeddedCriteriaOf(reading);
  return rows.map((row) => {
    const emptyCells = RESTORED_FIELDS.flatMap((field): EmptyCell[] => {
      const cell = row.cells[field];
      return cell && isEmptyCell(row, field) ? [{ field, header: cell.header, cell: cell.address }] : [];
    });
    const criterion = embedded?.get(row.key);
    return {
      sheet: row.sheet,
      key: row.key,
      cell: row.cells.title?.address ?? `C${row.row}`,
      emptyCells,
      restored: criterion && criterion.kind === row.kind ? restoredOf(emptyCells, criterion) : null,
    };
  });
}

/** The criterion's Intitulé, and what generation writes from it in the cells found empty. */
function restoredOf(
  emptyCells: readonly EmptyCell[],
  criterion: Criterion,
): NonNullable<LostCriterionTitle['restored']> {
  const generated: Partial<Record<RestoredField, string | number>> = generatedCriterionValues(criterion);
  const values = emptyCells.flatMap((empty): RestoredValue[] => {
    const value = generated[empty.field];
    return value === undefined ? [] : [{ ...empty, value }];
  });
  return { text: criterion.text, values };
}

/**
 * A regeneration's rows found without their Intitulé that the embedded plan did not give back (`restored` null), as
 * `plan` (the plan regenerated from) restores them: its Intitulé, and what generation writes in the cells left empty.
 * A row the plan does not have is left out (the regeneration removes it). The plan has the last word on the row's
 * Type too, so its criterion is taken whatever Type was typed back.
 */
export function restoredByPlan(lost: readonly LostCriterionTitle[], plan: Plan): LostCriterionTitle[] {
  const criteria = new Map(
    plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria.map((c) => [c.key, c] as const))),
  );
  return lost.flatMap((one) => {
    const criterion = criteria.get(one.key);
    if (one.restored !== null || !criterion || criterion.text.trim() === '') return [];
    return [{ ...one, restored: restoredOf(one.emptyCells, criterion) }];
  });
}

/**
 * The plan and entered values as a rewrite writes them: the restored Intitulé in the plan as read, and the restored
 * values in the row's empty cells.
 */
export function withRestoredCriteria(
  plan: Plan,
  entered: EnteredValues,
  lost: readonly LostCriterionTitle[],
): { plan: Plan; entered: EnteredValues } {
  const restored = new Map(lost.flatMap((one) => (one.restored ? [[one.key, one.restored] as const] : [])));
  if (restored.size === 0) return { plan, entered };
  const axes = plan.axes.map((axis) => ({
    ...axis,
    fiches: axis.fiches.map((fiche) => ({
      ...fiche,
      criteria: fiche.criteria.map((criterion) => {
        const found = restored.get(criterion.key);
        return found ? { ...criterion, text: found.text } : criterion;
      }),
    })),
  }));
  const withValues = new Map(entered);
  for (const [key, { values }] of restored) {
    const row = new Map(withValues.get(key) ?? []);
    for (const { field, value } of values) row.set(field, { value, isDate: false });
    withValues.set(key, row);
  }
  return { plan: { ...plan, axes }, entered: withValues };
}

/** One Journal line per cell a rewrite fills in a row found without its Intitulé, the Intitulé first. */
export function restoredCriterionLines(lost: readonly LostCriterionTitle[], now: Date) {
  const at = isoTimestamp(now);
  return lost.flatMap(({ key, restored }) =>
    restored
      ? [
          planTextRestored(at, { key, field: 'title', header: 'Intitulé', after: cellJournalValue(restored.text) }),
          ...restored.values.map(({ field, header, value }) =>
            planTextRestored(at, { key, field, header, after: cellJournalValue(value) }),
          ),
        ]
      : [],
  );
}

/** The params a message names the row's cells by. */
function cellParams(lost: LostCriterionTitle) {
  const cellOf = (field: RestoredField) => lost.emptyCells.find((empty) => empty.field === field)?.cell ?? '';
  return { frequencyCell: cellOf('frequency'), aggregationCell: cellOf('aggregation') };
}

/** What a restoring rewrite puts in the cells besides the Intitulé, as `Header=value` pairs for its message. */
const restoredValuesParam = (values: readonly RestoredValue[]) =>
  values.map(({ header, value }) => `${header}=${String(value)}`);

/** Validation's warning at the Intitulé of each row found without it: what the next rewrite does, or what to do. */
export function lostCriterionTitleWarnings(lost: readonly LostCriterionTitle[]): Issue[] {
  return lost.map((one) =>
    createIssue(
      'criterion-title-empty',
      { sheet: one.sheet, cell: one.cell, rowKey: one.key },
      {
        key: one.key,
        ...cellParams(one),
        ...(one.restored ? { text: one.restored.text, restores: restoredValuesParam(one.restored.values) } : {}),
      },
    ),
  );
}

/**
 * A rewrite's notes on the rows found without their Intitulé, as `plan` (the one it writes) has them: the Intitulé
 * put back (`criterion-title-restored`), or left empty (`criterion-title-empty`, the plan it writes has none either).
 */
export function lostCriterionTitleNotes(lost: readonly LostCriterionTitle[], plan: Plan): Issue[] {
  const texts = new Map(
    plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria.map((c) => [c.key, c.text] as const))),
  );
  return lost.flatMap((one): Issue[] => {
    const written = texts.get(one.key);
    if (one.restored && written === one.restored.text)
      return [
        createIssue(
          'criterion-title-restored',
          { sheet: one.sheet, cell: one.cell, rowKey: one.key },
          { key: one.key, text: one.restored.text, restores: restoredValuesParam(one.restored.values) },
        ),
      ];
    if (written !== '') return [];
    return [
      createIssue(
        'criterion-title-empty',
        { sheet: one.sheet, cell: one.cell, rowKey: one.key },
        {
          key: one.key,
          ...cellParams(one),
          written: 1,
        },
      ),
    ];
  });
}
