import { isoDateToSerial } from '../../../domain/excel-dates';
import { quarterLabel, type Quarter } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { absoluteRangeRef, cellAddress, rangeAddress } from '../../a1';
import {
  CURRENT_QUARTER_NAME,
  LISTS_FIRST_ROW,
  LISTS_HEADER_ROW,
  LISTS_TITLE_ROW,
  SETTINGS_LABEL_COLUMN,
  SETTINGS_VALUE_COLUMN,
  settingsLabels,
  settingsList,
  settingsListRef,
  settingsLists,
  settingsListValues,
  settingsRows,
  type SettingsField,
} from './settings-layout';
import { cell, emptySheet, setCell, standardProtection } from '../../sheet-building';
import { DATE_FORMAT, headerStyle, labelStyle, TEXT_FORMAT, titleStyle } from '../../styles';
import { settingsTexts, sheetNames, validationTexts } from '../../texts';
import type { CellSpec, DefinedNameSpec, SheetSpec } from '../../workbook-spec';

const textValue = (text: string, locked = true): CellSpec =>
  cell(text === '' ? null : text, { numFmt: TEXT_FORMAT, locked, wrap: true, vertical: 'top' });

const dateValue = (isoDate: string): CellSpec =>
  cell(isoDateToSerial(isoDate), { numFmt: DATE_FORMAT, horizontal: 'left' });

/** What a person entered in `Paramètres` besides the current quarter, carried over when the workbook is rewritten. */
export interface SettingsInputs {
  /** Kept exactly as read (a SIREN typed as a number stays a number). */
  epciSiren: string | number | boolean | null;
}

/** `Paramètres`: the convention's facts, the current quarter (an input) and the locked lists. */
export function buildSettingsSheet(plan: Plan, currentQuarter: Quarter, inputs?: SettingsInputs): SheetSpec {
  const sheet = emptySheet(sheetNames.settings);
  sheet.columns = [
    { width: 26 },
    { width: 44 },
    { width: 16 },
    { width: 18 },
    { width: 12 },
    { width: 40 },
    { width: 10 },
  ];
  setCell(sheet, 1, 1, cell(settingsTexts.title, titleStyle));
  sheet.merges.push(rangeAddress(1, 1, 1, 2));

  const values: Record<SettingsField, CellSpec> = {
    territory: textValue(plan.territory),
    epci: textValue(plan.parties.epci),
    epciSiren:
      inputs?.epciSiren === undefined || inputs.epciSiren === null || typeof inputs.epciSiren === 'string'
        ? textValue(inputs?.epciSiren ?? '', false)
        : cell(inputs.epciSiren, { locked: false, vertical: 'top' }),
    caf: textValue(plan.parties.caf),
    periodStart: dateValue(plan.period.start),
    periodEnd: dateValue(plan.period.end),
    currentQuarter: textValue(quarterLabel(currentQuarter), false),
  };
  for (const field of Object.keys(settingsRows) as SettingsField[]) {
    setCell(sheet, settingsRows[field], SETTINGS_LABEL_COLUMN, cell(settingsLabels[field], labelStyle));
    setCell(sheet, settingsRows[field], SETTINGS_VALUE_COLUMN, values[field]);
  }
  setCell(
    sheet,
    settingsRows.currentQuarter,
    3,
    cell(settingsTexts.currentQuarterHint, { italic: true, numFmt: TEXT_FORMAT }),
  );

  setCell(sheet, LISTS_TITLE_ROW, 1, cell(settingsTexts.listsTitle, labelStyle));
  for (const list of settingsLists) {
    setCell(sheet, LISTS_HEADER_ROW, list.column, cell(list.header, headerStyle));
    settingsListValues(list.id, plan.period).forEach((value, index) => {
      setCell(sheet, LISTS_FIRST_ROW + index, list.column, cell(value, { numFmt: TEXT_FORMAT, border: true }));
    });
  }

  sheet.validations.push({
    kind: 'list',
    ranges: [cellAddress(settingsRows.currentQuarter, SETTINGS_VALUE_COLUMN)],
    source: settingsList('quarters').definedName,
    errorTitle: validationTexts.listTitle,
    error: validationTexts.quarterError,
  });
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'portrait', paper: 'A4', fitToWidth: true };
  return sheet;
}

/** Workbook-level names: one per list, and the current quarter's cell. */
export function settingsDefinedNames(plan: Plan): DefinedNameSpec[] {
  const row = settingsRows.currentQuarter;
  return [
    ...settingsLists.map((list) => ({ name: list.definedName, ref: settingsListRef(list.id, plan.period) })),
    {
      name: CURRENT_QUARTER_NAME,
      ref: absoluteRangeRef(sheetNames.settings, row, SETTINGS_VALUE_COLUMN, row, SETTINGS_VALUE_COLUMN),
    },
  ];
}
