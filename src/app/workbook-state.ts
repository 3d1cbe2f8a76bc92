import { gridText, readSheet, type AnyWorkbookGrids, type SheetGrid, type WorkbookGrids } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import type { Quarter } from '../domain/periods';
import { planSchema, refOfFicheKey, type Axis, type Criterion, type Fiche, type Plan } from '../domain/plan';
import type { KeyEntry } from '../domain/plan-keys';
import { ficheOfPlanTexts } from '../domain/axis-fields';
import { inStoredOrder } from '../domain/row-placement';
import {
  parentKeyOf,
  quarterCellEntries,
  type AxisSheetReading,
  type CriterionRow,
  type FicheRow,
  type TrackingCell,
  type TrackingRow,
} from '../domain/tracking';
import type { AoTable } from '../domain/ao-requirements';
import type { ContributionEntry } from '../domain/contributions';
import type { ArchiveEntry } from '../layout/sheets/archives/archive-sheet';
import type { CtgMeta } from '../layout/sheets/ctg-meta/ctg-meta-read';
import type { EnteredCell, EnteredValues } from '../layout/entered-values';
import type { Settings } from '../layout/sheets/settings/settings-read';
import type { HistoryEntry } from '../layout/sheets/history/history-sheet';
import type { JournalEntry } from '../layout/sheets/journal/journal-columns';
import type { SettingsInputs } from '../layout/sheets/settings/settings-sheet';
import { isCarriedSheet } from '../layout/sheet-registry';
import { aoModule } from '../layout/sheets/ao/module';
import { trackingSheets } from '../layout/sheets/tracking-registry';
import { axisSheetName, sheetNames } from '../layout/texts';
import { quartersOfPeriod } from '../domain/periods';
import type { KeptCell } from '../layout/kept-cells';
import type { TableAsRead } from '../layout/moved-cells';
import type { TypedOverText } from '../layout/typed-over-texts';
import { cellNotesOfWorkbook, type SheetNotesAsRead } from './cell-notes-of-workbook';
import { lostCriterionTitles, withRestoredCriteria, type LostCriterionTitle } from './lost-criterion-titles';
import {
  fixedSheets,
  keptCellsOfWorkbook,
  toolTextsTypedOverOfWorkbook,
  valuesOverFormulasOfWorkbook,
} from './kept-cells-of-workbook';
import {
  readTrackingWorkbook,
  type TrackingWorkbookReading,
  type UnreadableTrackingWorkbook,
} from './read-tracking-workbook';
import { layoutOfState } from './state-layout';

/**
 * A tracking workbook read whole into what the tools rewrite it from (docs/ARCHITECTURE.md, « Rules of the house »): the plan
 * as the sheets hold it, every value a person entered (by row key and column, exactly as read, invalid ones
 * too), Paramètres' inputs, the Journal, Historique, Archives and Contributions, and the sheets the tools do not
 * build.
 */
export interface WorkbookState {
  /** The plan as stored in the sheets: axes from `Axe N` (title from A1), fiches and criteria from their rows. */
  plan: Plan;
  meta: CtgMeta;
  /** Q as read in Paramètres (use cases refuse a workbook whose Q cannot be read). */
  currentQuarter: Quarter;
  settingsInputs: SettingsInputs;
  /** By row key, then by column id or quarter label: the one copy of what was entered, figures included. */
  entered: EnteredValues;
  journal: JournalEntry[];
  history: { entries: HistoryEntry[]; keepSheet: boolean };
  archives: { entries: ArchiveEntry[]; keepSheet: boolean };
  /** What partners sent back, one line per value, old ones first (`Contributions`). */
  contributions: { entries: ContributionEntry[]; keepSheet: boolean };
  /** `Compétences AO` as entered; null when the sheet is missing or its header row is lost (then it is copied). */
  ao: AoTable | null;
  /** Keys never to give again: `_ctg`'s retired list. */
  retiredKeys: KeyEntry[];
  /** Sheets the tools did not read (a person's own sheets, and the ones this version does not carry over). */
  otherSheets: SheetGrid[];
  sheetOrder: string[];
  /** A person's cells in the sheets the tools rebuild (added columns, notes beside the tables): written back. */
  kept: KeptCell[];
  /**
   * The axis tables as read, row by key and column by header: a person's formulas that name their cells follow
   * them when the rewrite moves them (src/app/kept-formulas.ts).
   */
  tablesAsRead: TableAsRead[];
  /** The axis sheets whose rows were read out of the plan's order, which a rewrite puts back (`planOfReading`). */
  reordered: ReorderedSheet[];
  /**
   * The tools' texts found typed over in the sheets of fixed shape, and the copies there of the axis sheets' texts
   * found differing (Annexe 4's titles): a rewrite writes them as the layout does, journalling what it found.
   */
  typedOverTexts: TypedOverText[];
  /**
   * The criterion rows found without their Intitulé (cleared by hand), with what the embedded plan gives them when the
   * workbook is made from it (src/app/lost-criterion-titles.ts): the plan and entered values hold it already.
   */
  lostCriterionTitles: LostCriterionTitle[];
  /**
   * The notes (comments) on the cells of the sheets the tools rebuild, with the table they move with: a rewrite
   * writes each back where its cell goes (src/app/cell-notes-of-workbook.ts). Those of `otherSheets` are theirs.
   */
  cellNotes: SheetNotesAsRead[];
}

/** An axis sheet read out of the plan's order; `misplaced`: its criteria that were not under their fiche. */
export interface ReorderedSheet {
  sheet: string;
  misplaced: number;
}

export type WorkbookStateReading =
  { ok: true; state: WorkbookState; issues: Issue[] } | { ok: false; issues: Issue[]; sheetOrder: string[] };

/** An input cell as read: its value, and whether it showed a date or a percentage. */
function enteredOf(cell: TrackingCell): EnteredCell {
  return { value: cell.raw, isDate: cell.isDate, ...(cell.isPercent ? { isPercent: true } : {}) };
}

/** Every input cell of a row, exactly as read, by column id or quarter label. */
function enteredOfRow(row: FicheRow | CriterionRow): Map<string, EnteredCell> {
  const cells = new Map<string, EnteredCell>();
  for (const [field, cell] of Object.entries(row.cells)) {
    if (cell?.input) cells.set(field, enteredOf(cell));
  }
  if (row.type === 'criterion') {
    for (const [label, cell] of quarterCellEntries(row.quarterCells)) cells.set(label, enteredOf(cell));
  }
  return cells;
}

/** `Axe 3 – Titre` → `Titre`; the whole cell when it does not start so; the sheet name when empty. */
function axisTitleOf(grid: SheetGrid | undefined, axis: number): string {
  const text = grid ? gridText(grid, 1, 1) : '';
  const title = text.replace(/^Axe\s+\d+\s*[\u2013-]\s*/, '').trim();
  return title || text || axisSheetName(axis);
}

function ficheOf(row: FicheRow): Fiche {
  return {
    ref: refOfFicheKey(row.key),
    key: row.key,
    title: '',
    interest: '',
    methodology: '',
    publics: [],
    budget: '',
    carriers: [],
    territories: [],
    fields: [],
    context: '',
    objectives: [],
    criteria: [],
    line: 0,
    // What the sheet shows of the plan, read back as the field table says (the rest is not in the sheet).
    ...ficheOfPlanTexts(row),
  };
}

/**
 * The axis's fiches, each with the criterion rows whose key names it, in `_ctg`'s key order (the plan's): a table
 * sorted or a row dragged is written back in order by the next rewrite (docs/WORKBOOK.md, « Rows out of order »).
 */
function axisOf(rows: readonly TrackingRow[], reading: AxisSheetReading, grid: SheetGrid | undefined): Axis {
  const fiches: Fiche[] = [];
  const byKey = new Map<string, Fiche>();
  for (const row of rows) {
    if (row.type === 'fiche') {
      const fiche = ficheOf(row);
      fiches.push(fiche);
      byKey.set(fiche.key, fiche);
    } else if (row.type === 'criterion') {
      const parent = byKey.get(parentKeyOf(row.key) ?? '');
      // The schema asks a text: an Intitulé cleared by hand is given the key here, and made empty again once parsed
      // (`withoutStandInTitles`): written as the plan's, the key would pass for its text.
      const criterion: Criterion = { key: row.key, kind: row.kind, text: row.title || row.key, line: 0 };
      parent?.criteria.push(criterion);
    }
  }
  return { number: reading.axis, title: axisTitleOf(grid, reading.axis), objectives: [], fiches, line: 0 };
}

/** Every value entered in the axis sheets, by row key then column id or quarter label (the first row of a key). */
export function enteredOfReading(reading: TrackingWorkbookReading): EnteredValues {
  const entered = new Map<string, Map<string, EnteredCell>>();
  for (const sheet of reading.axisSheets) {
    for (const row of sheet.rows) {
      if ((row.type === 'fiche' || row.type === 'criterion') && row.key !== '' && !entered.has(row.key))
        entered.set(row.key, enteredOfRow(row));
    }
  }
  return entered;
}

/** The plan as the sheets hold it: axes and their rows from `Axe N`, parties from Paramètres. */
export function planOfReading(
  reading: TrackingWorkbookReading,
  settings: Settings,
  grids: AnyWorkbookGrids,
): { ok: true; plan: Plan; reordered: ReorderedSheet[] } | { ok: false; issue: Issue } {
  const rank = new Map(reading.meta.keys.map((entry, index) => [entry.key, index]));
  const reordered: ReorderedSheet[] = [];
  const axes = reading.axisSheets.map((sheet) => {
    const order = inStoredOrder(sheet.rows as TrackingRow[], rank);
    if (order.changed) reordered.push({ sheet: sheet.sheet, misplaced: order.misplaced });
    return axisOf(order.rows, sheet, readSheet(grids, sheet.sheet) ?? undefined);
  });
  const parsed = planSchema.safeParse({
    formatVersion: 1,
    territory: reading.meta.territory || settings.territory || '—',
    parties: { caf: settings.caf, epci: settings.epci, epciShortName: '', communes: [] },
    period: reading.period,
    axes,
    aoTable: [],
    facilities: [],
  });
  if (parsed.success) return { ok: true, plan: withoutStandInTitles(parsed.data, reading), reordered };
  const detail = parsed.error.issues[0]?.path.join('.') ?? '';
  return { ok: false, issue: createIssue('workbook-plan-unreadable', { sheet: null, cell: null }, { detail }) };
}

/** The plan parsed with the criteria whose Intitulé was read empty given an empty text again (see `axisOf`). */
function withoutStandInTitles(plan: Plan, reading: TrackingWorkbookReading): Plan {
  const untitled = new Set(
    reading.axisSheets.flatMap((sheet) =>
      sheet.rows.flatMap((row) => (row.type === 'criterion' && !row.title ? [row.key] : [])),
    ),
  );
  if (untitled.size === 0) return plan;
  for (const criterion of plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria))) {
    if (untitled.has(criterion.key)) criterion.text = '';
  }
  return plan;
}

/**
 * Whether the grids are those of a tracking workbook, master or partner's extract: told by its hidden `_ctg` sheet,
 * which no other workbook has (a consolidation never does). Generating over one must go through
 * `regenerateAndWrite`, which keeps every entered value, and the add-in asks first; a consolidation never writes
 * over one (docs/WORKBOOK.md, « Consolidation »).
 */
export function isTrackingWorkbook(grids: AnyWorkbookGrids): boolean {
  return grids.sheets.some((sheet) => sheet.name === sheetNames.meta);
}

/**
 * Reads a tracking workbook whole. Not readable (no `_ctg`, newer format, no period, no current quarter): `ok`
 * false with the issues. The issues returned are the reading's own; use cases validate before rewriting.
 */
export async function readWorkbookState(grids: WorkbookGrids): Promise<WorkbookStateReading> {
  return workbookStateOf(grids, await readTrackingWorkbook(grids));
}

/** The state as read, before what a person keeps in the sheets the tools rebuild is told apart from the tools'. */
type StateAsRead =
  | { ok: true; state: WorkbookState; issues: Issue[]; carried: SheetGrid[] }
  | { ok: false; issues: Issue[]; sheetOrder: string[] };

/**
 * The state of grids already read by `readTrackingWorkbook` (`reading`, of these same grids): a use case reads
 * the sheets once and hands that reading to validation and here.
 */
export async function workbookStateOf(
  grids: WorkbookGrids,
  reading: TrackingWorkbookReading | UnreadableTrackingWorkbook,
): Promise<WorkbookStateReading> {
  const read = stateAsRead(grids, reading);
  if (!read.ok) return read;
  const { state, issues, carried } = read;
  state.lostCriterionTitles = reading.ok ? await lostCriterionTitles(reading) : [];
  Object.assign(state, withRestoredCriteria(state.plan, state.entered, state.lostCriterionTitles));
  // What the tools would write for the workbook as read is theirs; every other non-empty cell is a person's.
  const baseline = await layoutOfState(state, new Date());
  const found = keptCellsOfWorkbook(carried, baseline.spec, quartersOfPeriod(state.plan.period));
  state.kept = found.kept;
  state.tablesAsRead = found.tables;
  state.cellNotes = cellNotesOfWorkbook(carried, baseline.spec, quartersOfPeriod(state.plan.period));
  issues.push(...valuesOverFormulasOfWorkbook(carried, baseline.spec));
  state.typedOverTexts = toolTextsTypedOverOfWorkbook(carried, baseline.spec, state.plan);
  return { ok: true, issues, state };
}

/**
 * What a rewrite of grids already read would find in the sheets of fixed shape, found as `workbookStateOf` finds it,
 * for validation to say it beforehand: the tools' texts typed over, which the rewrite writes back (the state's
 * `typedOverTexts`), and the values typed over the tools' formulas, which refuse it (`value-in-computed-cell`). Only
 * the sheets of fixed shape are built, where both are: the axis sheets, the costliest to build, hold none.
 */
export async function fixedSheetFindingsOf(
  grids: WorkbookGrids,
  reading: TrackingWorkbookReading | UnreadableTrackingWorkbook,
): Promise<{ typedOver: TypedOverText[]; valuesOverFormulas: Issue[] }> {
  const read = stateAsRead(grids, reading);
  if (!read.ok) return { typedOver: [], valuesOverFormulas: [] };
  const baseline = await layoutOfState(read.state, new Date(), fixedSheets);
  return {
    typedOver: toolTextsTypedOverOfWorkbook(read.carried, baseline.spec, read.state.plan),
    valuesOverFormulas: valuesOverFormulasOfWorkbook(read.carried, baseline.spec),
  };
}

/**
 * The lines of the record sheets (Journal, Historique, Archives, Contributions) the tools cannot read back (a
 * person's note among them too), and their headers out of place: errors that refuse every rewrite, so that nothing
 * is lost or misread; validation says them first.
 */
export function recordSheetIssues(reading: TrackingWorkbookReading): Issue[] {
  const { journal, history, archives, contributions } = reading.readings;
  return [...journal.issues, ...history.issues, ...archives.issues, ...contributions.issues];
}

function stateAsRead(grids: WorkbookGrids, reading: TrackingWorkbookReading | UnreadableTrackingWorkbook): StateAsRead {
  if (!reading.ok) return { ok: false, issues: reading.issues, sheetOrder: reading.sheetOrder };
  const { readings } = reading;
  const issues: Issue[] = [...reading.issues];
  const currentQuarter = reading.settings?.currentQuarter ?? null;
  if (!readings.settings || !currentQuarter) return { ok: false, issues, sheetOrder: reading.sheetOrder };

  const entered = enteredOfReading(reading);

  const { history, archives, contributions } = readings;
  issues.push(...recordSheetIssues(reading));
  const ao = reading.ao?.table ?? null;
  // The sheets this module reads and the layout rebuilds; every other sheet is kept as found.
  const read = new Set(ao === null ? [] : [aoModule.id]);
  const isCarried = (name: string) => isCarriedSheet(trackingSheets, name, read);

  const parsed = planOfReading(reading, readings.settings.settings, grids);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return { ok: false, issues, sheetOrder: reading.sheetOrder };
  }
  const plan = parsed.plan;

  const state: WorkbookState = {
    plan,
    meta: reading.meta,
    currentQuarter,
    settingsInputs: readings.settings.inputs,
    entered,
    journal: readings.journal.entries,
    history: { entries: history.entries, keepSheet: history.keepSheet },
    archives: { entries: archives.entries, keepSheet: archives.keepSheet },
    contributions: { entries: contributions.entries, keepSheet: contributions.keepSheet },
    ao,
    retiredKeys: reading.meta.retiredKeys,
    otherSheets: grids.sheets.filter((sheet) => !isCarried(sheet.name)),
    sheetOrder: reading.sheetOrder,
    kept: [],
    tablesAsRead: [],
    reordered: parsed.reordered,
    typedOverTexts: [],
    lostCriterionTitles: [],
    cellNotes: [],
  };
  return { ok: true, state, issues, carried: grids.sheets.filter((sheet) => isCarried(sheet.name)) };
}
