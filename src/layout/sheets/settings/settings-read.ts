import { serialToIsoDate } from '../../../domain/excel-dates';
import { createIssue } from '../../../domain/issues';
import { frenchDay } from '../../../domain/messages/numbers';
import { shownCellContent } from '../../../domain/messages/shown-cell-value';
import { gridCell, gridText, type SheetGrid } from '../../../domain/grid';
import { type WorkbookIssue } from '../../../domain/issues';
import {
  parseTypedQuarter,
  quarterIndex,
  quarterLabel,
  quarterMeant,
  quarterOfIsoDate,
  type Quarter,
} from '../../../domain/periods';
import { isoDateSchema } from '../../../domain/plan';
import { sirenOf } from '../../../domain/consolidation/territory-copies';
import { cellAddress } from '../../a1';
import { sheetNames } from '../../texts';
import { formulaInInputCell } from '../../formula-in-input-cell';
import { isFilled } from '../../kept-cells';
import { sameWords } from '../../same-words';
import {
  SETTINGS_LABEL_COLUMN,
  SETTINGS_VALUE_COLUMN,
  settingsLabels,
  settingsRows,
  settingsValueCell,
  type SettingsField,
} from './settings-layout';
import type { SettingsInputs } from './settings-sheet';

/** The values of `Paramètres` as the tools use them. */
export interface Settings {
  territory: string;
  epci: string;
  /** Empty when not given. */
  epciSiren: string;
  caf: string;
  /** `AAAA-MM-JJ`, null when the cell holds no date. */
  periodStart: string | null;
  periodEnd: string | null;
  /** The text as written (`2026-T3`). */
  currentQuarterText: string;
  /** Null when the text is not `AAAA-Tn`. */
  currentQuarter: Quarter | null;
  /**
   * The quarter a text `AAAA-Tn` refuses most likely means (« T3 2027 », « 2027T3 », a date typed there): to be
   * suggested, never taken (`quarterMeant`). Null when the text is a quarter, or when none is clear.
   */
  currentQuarterMeant: Quarter | null;
  /**
   * The formula of the current quarter's cell when the file stores no result for it (a script's file): the text is
   * then empty, though the cell is not. Null otherwise.
   */
  currentQuarterFormula: string | null;
}

export interface SettingsReading {
  settings: Settings;
  issues: WorkbookIssue[];
}

/** The text fields of Paramètres. */
const TEXT_FIELDS = ['territory', 'epci', 'epciSiren', 'caf'] as const satisfies readonly SettingsField[];

/**
 * Where each field's label is: its own row, else the row where it now is in column A (a row inserted or deleted
 * above it moved it), else nowhere (`found` false, its own row kept). A label is matched by its words, spacing and
 * the kind of apostrophe ignored.
 */
function fieldRows(grid: SheetGrid): { rows: Record<SettingsField, number>; found: Record<SettingsField, boolean> } {
  const rows = { ...settingsRows };
  const found = {} as Record<SettingsField, boolean>;
  for (const field of Object.keys(settingsRows) as SettingsField[]) {
    const label = sameWords(settingsLabels[field]);
    const at = (row: number) => sameWords(gridText(grid, row, SETTINGS_LABEL_COLUMN)) === label;
    let row = at(settingsRows[field]) ? settingsRows[field] : 0;
    for (let candidate = 1; row === 0 && candidate <= grid.rows.length; candidate += 1)
      if (at(candidate)) row = candidate;
    found[field] = row > 0;
    if (row > 0) rows[field] = row;
  }
  return { rows, found };
}

const labelWords = new Set(Object.values(settingsLabels).map(sameWords));

/**
 * The labels typed over: found nowhere, their cell holding something else than a label, while every label found is
 * at its own row (at least one is). The rows have not moved then, so each value is still beside its place, and a
 * rewrite puts the label back as it does every text of the tools (src/layout/typed-over-texts.ts). An emptied cell,
 * another label's text (a row copied over) or an error value is not told apart from a row gone: those stay
 * `settings-label-missing`.
 */
function labelsTypedOver(grid: SheetGrid, { rows, found }: ReturnType<typeof fieldRows>): SettingsField[] {
  const fields = Object.keys(settingsRows) as SettingsField[];
  const inPlace = fields.filter((field) => found[field]);
  if (inPlace.length === 0 || inPlace.some((field) => rows[field] !== settingsRows[field])) return [];
  return fields.filter((field) => {
    if (found[field]) return false;
    const cell = gridCell(grid, settingsRows[field], SETTINGS_LABEL_COLUMN);
    if (!isFilled(cell) || cell.isError) return false;
    return cell.formula !== undefined || !labelWords.has(sameWords(String(cell.value)));
  });
}

/**
 * Each label's own cell (`A4`), and whether it is typed over (`labelsTypedOver`): the one decision behind both the
 * reader's warning (`settings-label-edited`, which promises a Journal line) and the rewrite that puts the label back
 * and journals what it found there (the module's `typedOverCells`, src/layout/typed-over-texts.ts). A text the
 * sheet shows elsewhere (the EPCI's name, a list's value) typed over a label is typed over all the same.
 */
export function labelCellsTypedOver(grid: SheetGrid): ReadonlyMap<string, boolean> {
  const typedOver = new Set(labelsTypedOver(grid, fieldRows(grid)));
  const fields = Object.keys(settingsRows) as SettingsField[];
  return new Map(
    fields.map((field) => [cellAddress(settingsRows[field], SETTINGS_LABEL_COLUMN), typedOver.has(field)] as const),
  );
}

/** A date cell (serial number) or an ISO text; null for anything else. */
function readDate(grid: SheetGrid, row: number): string | null {
  const value = gridCell(grid, row, SETTINGS_VALUE_COLUMN)?.value ?? null;
  if (typeof value === 'number') return serialToIsoDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return null;
}

/**
 * Reads `Paramètres` at the positions of settings-layout.ts. Each value is read beside its label, so that a row
 * inserted or deleted above a label gives one error where the first moved label now is (`settings-label-moved`),
 * not false warnings about the values now at its place. A label gone, a date or a quarter that cannot be read, or
 * a current quarter outside the convention are errors; a label typed over (`settings-label-edited`, its value still
 * read beside it) and a malformed SIREN are warnings.
 */
export function readSettings(grid: SheetGrid): SettingsReading {
  const issues: WorkbookIssue[] = [];
  const sheet = grid.name;
  const labels = fieldRows(grid);
  const { rows } = labels;
  const typedOver = new Set(labelsTypedOver(grid, labels));
  // A field is read where its label is, or beside its label typed over.
  const found = (field: SettingsField) => labels.found[field] || typedOver.has(field);
  const text = (field: SettingsField) => gridText(grid, rows[field], SETTINGS_VALUE_COLUMN);
  const valueCell = (field: SettingsField) =>
    rows[field] === settingsRows[field] ? settingsValueCell(field) : cellAddress(rows[field], SETTINGS_VALUE_COLUMN);

  const fields = Object.keys(settingsRows) as SettingsField[];
  for (const field of fields.filter((candidate) => !found(candidate))) {
    const cell = cellAddress(settingsRows[field], SETTINGS_LABEL_COLUMN);
    issues.push(createIssue('settings-label-missing', { sheet, cell }, { label: settingsLabels[field] }));
  }
  for (const field of typedOver) {
    const labelCell = gridCell(grid, settingsRows[field], SETTINGS_LABEL_COLUMN)!;
    issues.push(
      createIssue(
        'settings-label-edited',
        { sheet, cell: cellAddress(settingsRows[field], SETTINGS_LABEL_COLUMN) },
        { label: settingsLabels[field], value: shownCellContent(labelCell), valueCell: settingsValueCell(field) },
      ),
    );
  }
  const moved = fields.filter((field) => labels.found[field] && rows[field] !== settingsRows[field]);
  if (moved.length > 0) {
    const first = moved[0];
    const cell = cellAddress(rows[first], SETTINGS_LABEL_COLUMN);
    issues.push(
      createIssue(
        'settings-label-moved',
        { sheet, cell },
        { label: settingsLabels[first], from: settingsRows[first], to: rows[first], count: moved.length },
      ),
    );
  }

  const periodStart = readDate(grid, rows.periodStart);
  const periodEnd = readDate(grid, rows.periodEnd);
  for (const [field, date] of [
    ['periodStart', periodStart],
    ['periodEnd', periodEnd],
  ] as const) {
    if (date === null) {
      const cell = valueCell(field);
      const read = gridCell(grid, rows[field], SETTINGS_VALUE_COLUMN);
      const value = read ? shownCellContent(read) : '';
      // A text (a date typed into a cell formatted as text) asks for the Date format back; a number, a truth value
      // or a formula does not.
      const isText = typeof read?.value === 'string' && read.formula === undefined;
      const params = { label: settingsLabels[field], field, value, isText: isText ? 'yes' : 'no' };
      issues.push(createIssue('settings-date-invalid', { sheet, cell }, params));
    }
  }

  // A date typed there reads as Excel shows it, not as its serial number, in every message that quotes it.
  const quarterCellRead = gridCell(grid, rows.currentQuarter, SETTINGS_VALUE_COLUMN);
  const typedDate =
    quarterCellRead?.isDate && typeof quarterCellRead.value === 'number'
      ? serialToIsoDate(quarterCellRead.value)
      : null;
  const currentQuarterText = typedDate !== null ? frenchDay(typedDate) : text('currentQuarter');
  const currentQuarter = parseTypedQuarter(currentQuarterText);
  const quarterCell = valueCell('currentQuarter');
  const meant = currentQuarter
    ? null
    : typedDate !== null
      ? quarterOfIsoDate(typedDate)
      : quarterMeant(currentQuarterText);
  if (!currentQuarter) {
    const params = { value: currentQuarterText, meant: meant === null ? '' : quarterLabel(meant) };
    issues.push(createIssue('settings-quarter-invalid', { sheet, cell: quarterCell }, params));
  } else if (periodStart && periodEnd) {
    const index = quarterIndex(currentQuarter);
    if (index < quarterIndex(quarterOfIsoDate(periodStart)) || index > quarterIndex(quarterOfIsoDate(periodEnd))) {
      issues.push(
        createIssue(
          'settings-quarter-outside-period',
          { sheet, cell: quarterCell },
          { value: currentQuarterText, start: periodStart, end: periodEnd },
        ),
      );
    }
  }

  // A text a rewrite carries (the SIREN, the EPCI, the Caf) or compares with `_ctg` (the territory): a formula
  // without its result reads as empty, and the rewrite would erase it. (The dates' is settings-date-invalid, the
  // current quarter's its own.)
  for (const field of TEXT_FIELDS) {
    const cell = found(field) ? gridCell(grid, rows[field], SETTINGS_VALUE_COLUMN) : null;
    if (!cell?.uncalculated) continue;
    issues.push(
      createIssue('formula-without-value', { sheet, cell: valueCell(field) }, { formula: cell.formula ?? '' }),
    );
  }
  // A rewrite writes values here, never a person's formula: one with its result would be flattened (or, in a cell
  // the tools fill from the plan, replaced).
  for (const field of fields.filter(found)) {
    const cell = gridCell(grid, rows[field], SETTINGS_VALUE_COLUMN);
    const issue = formulaInInputCell(sheet, valueCell(field), cell, { label: settingsLabels[field] });
    if (issue) issues.push(issue);
  }

  const epciSiren = text('epciSiren');
  if (epciSiren !== '' && !/^\d{9}$/.test(epciSiren.replace(/\s/g, ''))) {
    const cell = valueCell('epciSiren');
    issues.push(createIssue('settings-siren-invalid', { sheet, cell }, { value: epciSiren }));
  }

  return {
    settings: {
      territory: text('territory'),
      epci: text('epci'),
      epciSiren,
      caf: text('caf'),
      periodStart,
      periodEnd,
      currentQuarterText,
      currentQuarter,
      currentQuarterMeant: meant,
      currentQuarterFormula: quarterCellRead?.uncalculated ? (quarterCellRead.formula ?? '') : null,
    },
    issues,
  };
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether a label of Paramètres moved or is gone: the sheet's cells are then not where the layout puts them. */
export const labelsOutOfPlace = (reading: SettingsReading): boolean =>
  reading.issues.some((issue) => issue.code === 'settings-label-moved' || issue.code === 'settings-label-missing');

/**
 * Paramètres' issues, a convention date that cannot be read given the date `_ctg` records (`stored`, when it is
 * one): the one the workbook was made with, to put back.
 */
export function withDatesToPutBack(
  reading: SettingsReading,
  stored: Record<'periodStart' | 'periodEnd', string>,
): WorkbookIssue[] {
  return reading.issues.map((issue) => {
    if (issue.code !== 'settings-date-invalid') return issue;
    const date = stored[issue.params.field as 'periodStart' | 'periodEnd'];
    return isoDateSchema.safeParse(date).success ? { ...issue, params: { ...issue.params, stored: date } } : issue;
  });
}

/**
 * The territory typed over in Paramètres: a rewrite writes back the name `_ctg` records (`stored`), so a name
 * changed by hand would be lost without a word. Not told when the cell is empty (nothing to lose), when `_ctg`
 * records none (an older format), or when Paramètres' labels moved (that is its own error, and the cell unknown).
 * With a valid SIREN (`siren`, at `sirenCell`), a consolidation counts the workbook apart from the one whose name it
 * records, unless that one has the same SIREN (territory-copies.ts): the message says which.
 */
export function checkSettingsTerritory(reading: SettingsReading, stored: string): WorkbookIssue | null {
  const shown = tidy(reading.settings.territory);
  if (shown === '' || tidy(stored) === '' || shown === tidy(stored) || labelsOutOfPlace(reading)) return null;
  const siren = reading.settings.epciSiren.trim();
  return createIssue(
    'settings-territory-mismatch',
    { sheet: sheetNames.settings, cell: settingsValueCell('territory') },
    {
      value: reading.settings.territory,
      stored,
      ...(sirenOf({ siren }) === null ? {} : { siren, sirenCell: settingsValueCell('epciSiren') }),
    },
  );
}

/** `Paramètres` as read, and what a person entered there that a rewrite carries over as found. */
export interface SettingsSheetReading extends SettingsReading {
  inputs: SettingsInputs;
}

export function readSettingsSheet(grid: SheetGrid): SettingsSheetReading {
  const siren = gridCell(grid, settingsRows.epciSiren, SETTINGS_VALUE_COLUMN);
  return { ...readSettings(grid), inputs: { epciSiren: siren?.value ?? null } };
}
