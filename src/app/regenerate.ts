import { generatedCriterionValues } from '../domain/criterion-defaults';
import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { matchPlanKeys } from '../domain/keys-matching';
import { quarterIndex, quarterLabel, quartersOfPeriod, type Quarter } from '../domain/periods';
import { isGeneratedRef, type Plan } from '../domain/plan';
import type { KeyEntry } from '../domain/plan-keys';
import type { ArchiveEntry } from '../layout/sheets/archives/archive-sheet';
import { axisFields, criterionTextsOfPlan, ficheTextsOfPlan, type TrackingField } from '../domain/axis-fields';
import { fieldHeader } from '../layout/sheets/axis/axis-columns';
import type { EnteredCell } from '../layout/entered-values';
import type { JournalEntry } from '../layout/sheets/journal/journal-columns';
import { axisSheetName, sheetNames } from '../layout/texts';
import { settingsLabels } from '../layout/sheets/settings/settings-layout';
import { frenchDay } from '../domain/messages/numbers';
import {
  cellJournalValue,
  currentQuarterMoved,
  periodChanged,
  planRowAdded,
  planRowRemoved,
  axisTitleReplaced,
  ficheMoved,
  alikeCriteriaCountChanged,
  partyReplaced,
  planTextChanged,
  planTextRestored,
  quarterValueArchived,
} from '../domain/journal';
import { aoJournalEntries, regenerateAoTable } from './regenerate-ao';
import { planFigureLines } from './plan-figure-changes';
import { restoredByPlan, restoredCriterionLines, withRestoredCriteria } from './lost-criterion-titles';
import { addedColumnValuesOfRow, withoutRows } from './kept-cells-of-workbook';
import type { WorkbookState } from './workbook-state';

/**
 * Regenerating a tracking workbook from an amended plan (docs/WORKBOOK.md, « Keys »; docs/ARCHITECTURE.md, « Rules of the house »):
 * rows keep their keys (src/domain/keys-matching.ts) and so every value entered in them; the plan's texts are the
 * new plan's. A removed row's entered values go to `Archives` (created when first needed) and its key to
 * `_ctg`'s retired keys, so that its index is never given again; values in quarters that a changed period no
 * longer has are archived too. `Compétences AO` gets the new plan's communes, each keeping what was entered for it
 * (src/app/regenerate-ao.ts); a removed commune's entered values go to the Journal. Every change is written to the
 * Journal: when, source, key, column, old → new.
 */

export interface RegenerateReport {
  added: string[];
  /** Removed keys, with or without entered values. */
  removed: string[];
  /** Removed keys whose entered values were archived. */
  archived: string[];
  /** Kept keys whose plan texts changed. */
  changed: string[];
  /**
   * Rows whose plan cells were found empty and given the plan's texts: criterion rows found without their Intitulé
   * (and their empty cells filled from the plan), and kept rows with a plan cell emptied (a fiche's Public(s)…).
   */
  restored: string[];
  /** Fiches kept that the new plan puts in another axis (by axis number). */
  moved: { key: string; from: number; to: number }[];
  /** Values archived in all (removed rows and quarters outside a changed period). */
  archivedValues: number;
  /** `Compétences AO`: rows of communes (or EPCI) the new plan adds, by name; empty when the sheet was unreadable. */
  aoRowsAdded: string[];
  /** `Compétences AO`: rows of communes the new plan no longer has, by name. */
  aoRowsRemoved: string[];
  /** Values entered in those removed rows, each written to the Journal. */
  aoValuesJournalled: number;
}

export interface RegenerateResult {
  state: WorkbookState;
  report: RegenerateReport;
  notes: Issue[];
}

const isBlank = (cell: EnteredCell) =>
  cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');

function rowTexts(plan: Plan): Map<string, { type: string; texts: [TrackingField, string][] }> {
  const rows = new Map<string, { type: string; texts: [TrackingField, string][] }>();
  for (const fiche of plan.axes.flatMap((axis) => axis.fiches)) {
    rows.set(fiche.key, { type: 'Fiche', texts: ficheTextsOfPlan(fiche) });
    for (const criterion of fiche.criteria) {
      const type = criterion.kind === 'quantitative' ? 'Quantitatif' : 'Qualitatif';
      rows.set(criterion.key, { type, texts: criterionTextsOfPlan(criterion) });
    }
  }
  return rows;
}

/**
 * Whether a cell still holds what generation wrote there (Fréquence and Règle d'agrégation are inferred from the
 * criterion's wording): such a value is not something a person entered, so a removed row with only these is not
 * archived. The plan's Unité, Référence and Cible are not known here (the sheets do not keep what the plan gave): a
 * removed row's are archived, as a person's would be.
 */
function isGeneratedDefault(plan: Plan, key: string, field: string, cell: EnteredCell): boolean {
  const criterion = plan.axes
    .flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria))
    .find((c) => c.key === key);
  if (!criterion) return false;
  const generated: Readonly<Record<string, string | number>> = generatedCriterionValues(criterion);
  return field in generated && cell.value === generated[field];
}

/** A period as the Journal and the messages show it: `01/01/2026 – 31/12/2030`. */
const periodText = (period: Plan['period']) => `${frenchDay(period.start)} – ${frenchDay(period.end)}`;

/** An entered field's column header: a column id's header, or the quarter label itself. */
function headerOfEntered(field: string): string {
  return axisFields.some((known) => known.id === field) ? fieldHeader(field as TrackingField) : field;
}

function clamp(quarter: Quarter, quarters: readonly Quarter[]): Quarter {
  const index = quarterIndex(quarter);
  if (index < quarterIndex(quarters[0])) return quarters[0];
  if (index > quarterIndex(quarters[quarters.length - 1])) return quarters[quarters.length - 1];
  return quarter;
}

export function regenerateWorkbook(state: WorkbookState, newPlan: Plan, { now }: { now: Date }): RegenerateResult {
  const date = isoTimestamp(now);
  const matching = matchPlanKeys(state.plan, newPlan, state.retiredKeys);
  const before = rowTexts(state.plan);
  const after = rowTexts(matching.plan);
  const journal: JournalEntry[] = [];
  const archives: ArchiveEntry[] = [];
  const archiveOf = (key: string) => ({
    archivedAt: date,
    key,
    type: before.get(key)?.type ?? '',
    title: before.get(key)?.texts[0][1] ?? '',
  });
  const archive = (key: string, field: string, value: EnteredCell) =>
    archives.push({ ...archiveOf(key), column: headerOfEntered(field), value });

  // Removed rows: their values archived, their keys retired.
  const archived: string[] = [];
  for (const entry of matching.removed) {
    const values = [...(state.entered.get(entry.key) ?? new Map<string, EnteredCell>())].filter(
      ([field, cell]) => !isBlank(cell) && !isGeneratedDefault(state.plan, entry.key, field, cell),
    );
    values.forEach(([field, cell]) => archive(entry.key, field, cell));
    // A column a person added to the axis sheet: its values of the row go to Archives too, under its header.
    const added = addedColumnValuesOfRow(state.kept, entry.key);
    for (const { header, cell } of added)
      archives.push({ ...archiveOf(entry.key), column: header, value: { value: cell.value, isDate: !!cell.isDate } });
    const kept = values.length + added.length > 0;
    if (kept) archived.push(entry.key);
    journal.push(planRowRemoved(date, entry.key, before.get(entry.key)?.texts[0][1] ?? '', kept));
  }
  for (const key of matching.added) journal.push(planRowAdded(date, key));
  // A criterion row found without its Intitulé (its cells cleared): the plan did not change, the cell was emptied.
  // Its Intitulé and the cells generation writes, left empty, are put back from the plan, as restored texts.
  const restoredRows = restoredByPlan(state.lostCriterionTitles, matching.plan);
  const restored = restoredRows.map((row) => row.key);
  journal.push(...restoredCriterionLines(restoredRows, now));
  const { entered } = withRestoredCriteria(matching.plan, state.entered, restoredRows);
  // A kept row's plan cell found empty and given the plan's text: the workbook keeps no other copy of the plan's texts,
  // so a cell a person emptied is not the plan's text changed; it is journalled and said as the tool's text restored.
  const rewritten = new Set<string>();
  const filled: { key: string; header: string }[] = [];
  for (const key of matching.changed.filter((one) => !restored.includes(one))) {
    const old = new Map(before.get(key)?.texts ?? []);
    for (const [column, text] of after.get(key)?.texts ?? []) {
      const [was, header] = [old.get(column) ?? '', fieldHeader(column)];
      if (was === text) continue;
      if (was.trim() === '') {
        filled.push({ key, header });
        journal.push(planTextRestored(date, { key, field: column, header, after: cellJournalValue(text) }));
      } else {
        rewritten.add(key);
        journal.push(planTextChanged(date, { key, field: column, header, before: was, after: text }));
      }
    }
  }
  const changed = matching.changed.filter((key) => rewritten.has(key));
  const filledRows = [...new Set(filled.map(({ key }) => key))];

  // A kept criterion's Unité, Référence or Cible the plan now gives otherwise than its cell: the cell kept, said.
  const kept = new Set([...after.keys()].filter((key) => !matching.added.includes(key)));
  journal.push(...planFigureLines(date, matching.plan, kept, entered, state.journal));

  // A fiche kept in another axis: its values follow its key, and the move is said.
  const moves = matching.moved.map(({ key, from, to }) => ({ key, from: axisSheetName(from), to: axisSheetName(to) }));
  for (const move of moves) journal.push(ficheMoved(date, move));
  // Criteria worded alike whose number changed in a fiche: paired in order, a guess that is said and journalled.
  for (const change of matching.alikeCountChanged) journal.push(alikeCriteriaCountChanged(date, change));

  // An axis's title is read back from its sheet's title: one changed there and replaced by the plan's is journalled.
  const titlesReplaced: Issue[] = [];
  for (const axis of state.plan.axes) {
    const title = matching.plan.axes.find((candidate) => candidate.number === axis.number)?.title;
    // A title row left empty reads as the sheet's name: nothing typed there to keep.
    const typed = axis.title.trim() !== '' && axis.title !== axisSheetName(axis.number);
    if (title !== undefined && typed && axis.title !== title) {
      const change = { sheet: axisSheetName(axis.number), before: axis.title, after: title };
      journal.push(axisTitleReplaced(date, change));
      titlesReplaced.push(createIssue('axis-title-replaced', { sheet: change.sheet, cell: null }, change));
    }
  }
  // The EPCI and the Caf are carried as Paramètres holds them by the other rewrites: one typed there and replaced by
  // the plan's is journalled.
  for (const field of ['epci', 'caf'] as const) {
    const [old, text] = [state.plan.parties[field], matching.plan.parties[field]];
    if (old.trim() !== '' && old !== text)
      journal.push(partyReplaced(date, { field, label: settingsLabels[field], before: old, after: text }));
  }

  // Quarters the new period no longer has: their values are archived (the columns go).
  const quarters = quartersOfPeriod(matching.plan.period);
  const labels = new Set(quarters.map(quarterLabel));
  const notes: Issue[] = [];
  const periodDiffers =
    state.plan.period.start !== matching.plan.period.start || state.plan.period.end !== matching.plan.period.end;
  const currentQuarter = clamp(state.currentQuarter, quarters);
  let quarterValues = 0;
  if (periodDiffers) {
    const [oldPeriod, newPeriod] = [periodText(state.plan.period), periodText(matching.plan.period)];
    journal.push(periodChanged(date, oldPeriod, newPeriod));
    const [from, to] = [quarterLabel(state.currentQuarter), quarterLabel(currentQuarter)];
    if (from !== to) journal.push(currentQuarterMoved(date, from, to));
    const removedKeys = new Set(matching.removed.map((entry) => entry.key));
    for (const [key, row] of state.entered) {
      if (removedKeys.has(key)) continue;
      for (const [field, cell] of row) {
        if (/^\d{4}-T[1-4]$/.test(field) && !labels.has(field) && !isBlank(cell)) {
          archive(key, field, cell);
          journal.push(quarterValueArchived(date, key, field, cellJournalValue(cell.value, cell.isDate)));
          quarterValues += 1;
        }
      }
    }
    notes.push(
      issueOf('period-changed', {
        oldPeriod,
        newPeriod,
        archived: quarterValues,
        ...(from !== to ? { quarterFrom: from, quarterTo: to } : {}),
      }),
    );
  }

  const ao = regenerateAoTable(state.ao, matching.plan);
  journal.push(...aoJournalEntries(ao, date));
  const aoValuesJournalled = ao.removed.reduce((sum, row) => sum + row.values.length, 0);

  const retired: KeyEntry[] = [...state.retiredKeys];
  for (const entry of matching.removed) if (!retired.some((r) => r.key === entry.key)) retired.push(entry);
  if (archived.length > 0) notes.push(issueOf('rows-archived', { count: archived.length, keys: archived }));
  const removedOnly = matching.removed.map((entry) => entry.key).filter((key) => !archived.includes(key));
  if (removedOnly.length > 0) notes.push(issueOf('rows-removed', { keys: removedOnly }));
  if (matching.added.length > 0) notes.push(issueOf('rows-added', { keys: matching.added }));
  if (changed.length > 0) notes.push(issueOf('rows-changed', { keys: changed }));
  if (restored.length > 0) notes.push(issueOf('rows-restored', { keys: restored }));
  if (filled.length > 0)
    notes.push(issueOf('plan-cells-restored', { cells: filled.map(({ key, header }) => `${key} (${header})`) }));
  // A fiche without a ref is found by its title alone: one whose title left the plan is named, not silently replaced.
  // Its criteria left with it: the removed rows whose parent it is.
  const parentOfRemoved = new Map(matching.removed.map((entry) => [entry.key, entry.parentKey]));
  for (const entry of matching.removed)
    if (entry.type === 'Fiche' && isGeneratedRef(entry.key))
      notes.push(
        issueOf('unreferenced-fiche-not-found', {
          key: entry.key,
          title: before.get(entry.key)?.texts[0][1] ?? '',
          archived: archived.filter((key) => key === entry.key || parentOfRemoved.get(key) === entry.key),
        }),
      );
  if (moves.length > 0)
    notes.push(issueOf('fiches-moved', { moves: moves.map(({ key, from, to }) => `${key} (${from} → ${to})`) }));
  for (const change of matching.alikeCountChanged) notes.push(issueOf('alike-criteria-count-changed', { ...change }));
  notes.push(...titlesReplaced);
  if (ao.removed.length > 0) {
    const names = ao.removed.map((row) => row.name);
    notes.push(
      createIssue('ao-rows-removed', { sheet: sheetNames.ao, cell: null }, { names, values: aoValuesJournalled }),
    );
  }

  return {
    notes,
    report: {
      added: matching.added,
      removed: matching.removed.map((entry) => entry.key),
      archived,
      changed,
      restored: [...restored, ...filledRows],
      moved: matching.moved,
      archivedValues: archives.length,
      aoRowsAdded: ao.added,
      aoRowsRemoved: ao.removed.map((row) => row.name),
      aoValuesJournalled,
    },
    state: {
      ...state,
      plan: matching.plan,
      currentQuarter,
      journal: [...state.journal, ...journal],
      archives: { entries: [...state.archives.entries, ...archives], keepSheet: state.archives.keepSheet },
      retiredKeys: retired,
      // Entered values stay by key: the layout puts back those of the rows and quarters the new plan has.
      entered,
      kept: withoutRows(state.kept, new Set(matching.removed.map((entry) => entry.key))),
      ao: ao.table,
    },
  };

  function issueOf(
    code:
      | 'period-changed'
      | 'rows-archived'
      | 'rows-removed'
      | 'rows-added'
      | 'rows-changed'
      | 'rows-restored'
      | 'plan-cells-restored'
      | 'fiches-moved'
      | 'alike-criteria-count-changed'
      | 'unreferenced-fiche-not-found',
    params: Issue['params'],
  ): Issue {
    return createIssue(code, { sheet: null, cell: null }, params);
  }
}
