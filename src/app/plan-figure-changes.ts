import { cellJournalValue, planFigureKept, type JournalRecord, type JournalValue } from '../domain/journal';
import type { Plan } from '../domain/plan';
import { numberOfText } from '../domain/tracking-values';
import type { EnteredCell, EnteredValues } from '../layout/entered-values';
import { fieldHeader } from '../layout/sheets/axis/axis-columns';

/**
 * The plan figures of a kept criterion a regeneration journals (docs/WORKBOOK.md, « Journal »): a row keeps its
 * Unité, Référence and Cible cells, typed or generated, whatever the amended plan now says, and a plan JSON may change
 * one without changing the criterion's text, where a convention's table shows it. So the plan's value that its row's
 * cell does not hold is a Journal line, once: one the Journal already has is not written again.
 */

const FIGURES = ['unit', 'baseline', 'target'] as const;

/** Whether a cell holds the plan's value: the same text, or the same number, typed as a number or as its text. */
function holds(cell: EnteredCell | undefined, value: string | number): boolean {
  const held = cell?.value ?? null;
  if (typeof held === 'string')
    return typeof value === 'string' ? held.trim() === value : numberOfText(held.trim()) === value;
  return held === value;
}

const sameValue = (a: JournalValue, b: JournalValue) => a.type === b.type && a.value === b.value;

export function planFigureLines(
  at: string,
  plan: Plan,
  keptKeys: ReadonlySet<string>,
  entered: EnteredValues,
  journal: readonly JournalRecord[],
): JournalRecord[] {
  const lines: JournalRecord[] = [];
  const criteria = plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria));
  for (const criterion of criteria.filter((one) => keptKeys.has(one.key))) {
    for (const field of FIGURES) {
      const value = criterion[field];
      const cell = entered.get(criterion.key)?.get(field);
      // A plan without the figure says nothing of it: the officer's to enter.
      if (value === undefined || holds(cell, value)) continue;
      const line = planFigureKept(at, {
        key: criterion.key,
        field,
        header: fieldHeader(field),
        cell: cell ? cellJournalValue(cell.value, cell.isDate) : cellJournalValue(null),
        plan: cellJournalValue(value),
      });
      const said = journal.some(
        (old) =>
          old.operation === line.operation &&
          old.rowKey === line.rowKey &&
          old.field === line.field &&
          sameValue(old.before, line.before) &&
          sameValue(old.after, line.after),
      );
      if (!said) lines.push(line);
    }
  }
  return lines;
}
