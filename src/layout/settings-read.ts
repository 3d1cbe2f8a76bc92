import { serialToIsoDate } from '../domain/excel-dates';
import { createIssue } from '../domain/validation/issue-codes';
import { gridCell, gridText, type SheetGrid } from '../domain/grid';
import { type WorkbookIssue } from '../domain/issues';
import { parseQuarterLabel, quarterIndex, quarterOfIsoDate, type Quarter } from '../domain/periods';
import { cellAddress } from './a1';
import {
  SETTINGS_LABEL_COLUMN,
  SETTINGS_VALUE_COLUMN,
  settingsLabels,
  settingsRows,
  settingsValueCell,
  type SettingsField,
} from './settings-layout';

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
}

export interface SettingsReading {
  settings: Settings;
  issues: WorkbookIssue[];
}

/** A date cell (serial number) or an ISO text; null for anything else. */
function readDate(grid: SheetGrid, row: number): string | null {
  const value = gridCell(grid, row, SETTINGS_VALUE_COLUMN)?.value ?? null;
  if (typeof value === 'number') return serialToIsoDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return null;
}

/**
 * Reads `Paramètres` at the positions of settings-layout.ts. A label moved away, a date or a quarter that cannot
 * be read, or a current quarter outside the convention are errors; a malformed SIREN is a warning.
 */
export function readSettings(grid: SheetGrid): SettingsReading {
  const issues: WorkbookIssue[] = [];
  const sheet = grid.name;
  const text = (field: SettingsField) => gridText(grid, settingsRows[field], SETTINGS_VALUE_COLUMN);

  for (const field of Object.keys(settingsRows) as SettingsField[]) {
    const label = gridText(grid, settingsRows[field], SETTINGS_LABEL_COLUMN);
    if (label !== settingsLabels[field]) {
      const cell = cellAddress(settingsRows[field], SETTINGS_LABEL_COLUMN);
      issues.push(createIssue('settings-label-missing', { sheet, cell }, { label: settingsLabels[field] }));
    }
  }

  const periodStart = readDate(grid, settingsRows.periodStart);
  const periodEnd = readDate(grid, settingsRows.periodEnd);
  for (const [field, date] of [
    ['periodStart', periodStart],
    ['periodEnd', periodEnd],
  ] as const) {
    if (date === null) {
      const cell = settingsValueCell(field);
      issues.push(createIssue('settings-date-invalid', { sheet, cell }, { label: settingsLabels[field] }));
    }
  }

  const currentQuarterText = text('currentQuarter');
  const currentQuarter = parseQuarterLabel(currentQuarterText);
  const quarterCell = settingsValueCell('currentQuarter');
  if (!currentQuarter) {
    issues.push(createIssue('settings-quarter-invalid', { sheet, cell: quarterCell }, { value: currentQuarterText }));
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

  const epciSiren = text('epciSiren');
  if (epciSiren !== '' && !/^\d{9}$/.test(epciSiren.replace(/\s/g, ''))) {
    const cell = settingsValueCell('epciSiren');
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
    },
    issues,
  };
}
