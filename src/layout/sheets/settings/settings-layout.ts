import { aggregationRules, ficheStatuses, frequencies, qualitativeScale } from '../../../domain/vocabulary';
import { quarterLabel, quartersOfPeriod } from '../../../domain/periods';
import type { Period } from '../../../domain/plan';
import { absoluteRangeRef, cellAddress } from '../../a1';
import type { ListId } from '../axis/axis-columns';
import { aoTexts, settingsTexts, sheetNames } from '../../texts';

/**
 * Where each value of `Paramètres` lives. The builder writes there and `readSettings` reads there: other layers
 * use these constants (or the defined names) and never type an address.
 */

export const SETTINGS_LABEL_COLUMN = 1;
export const SETTINGS_VALUE_COLUMN = 2;

export type SettingsField = 'territory' | 'epci' | 'epciSiren' | 'caf' | 'periodStart' | 'periodEnd' | 'currentQuarter';

/** Row of each value (label in column A, value in column B). */
export const settingsRows: Record<SettingsField, number> = {
  territory: 3,
  epci: 4,
  epciSiren: 5,
  caf: 6,
  periodStart: 7,
  periodEnd: 8,
  currentQuarter: 9,
};

export const settingsLabels: Record<SettingsField, string> = {
  territory: settingsTexts.territory,
  epci: settingsTexts.epci,
  epciSiren: settingsTexts.epciSiren,
  caf: settingsTexts.caf,
  periodStart: settingsTexts.periodStart,
  periodEnd: settingsTexts.periodEnd,
  currentQuarter: settingsTexts.currentQuarter,
};

/** `B9` for the current quarter. */
export function settingsValueCell(field: SettingsField): string {
  return cellAddress(settingsRows[field], SETTINGS_VALUE_COLUMN);
}

/** The lists: a header in LISTS_HEADER_ROW, values from the row below, one list per column. */
export const LISTS_TITLE_ROW = 11;
export const LISTS_HEADER_ROW = 12;
export const LISTS_FIRST_ROW = 13;

export type SettingsListId = ListId | 'quarters' | 'aoHolders' | 'yesNo';

export interface SettingsList {
  id: SettingsListId;
  column: number;
  header: string;
  /** Workbook-level name of the list's range, used by list validations and formulas. */
  definedName: string;
}

export const settingsLists: readonly SettingsList[] = [
  { id: 'statuses', column: 1, header: settingsTexts.statuses, definedName: 'ctg_statuts' },
  { id: 'qualitativeScale', column: 2, header: settingsTexts.qualitativeScale, definedName: 'ctg_echelle' },
  { id: 'frequencies', column: 3, header: settingsTexts.frequencies, definedName: 'ctg_frequences' },
  { id: 'aggregationRules', column: 4, header: settingsTexts.aggregationRules, definedName: 'ctg_regles' },
  { id: 'quarters', column: 5, header: settingsTexts.quarters, definedName: 'ctg_trimestres' },
  { id: 'aoHolders', column: 6, header: aoTexts.holdersListHeader, definedName: 'ctg_ao_exercice' },
  { id: 'yesNo', column: 7, header: aoTexts.yesNoListHeader, definedName: 'ctg_oui_non' },
];

/** The defined name of the current quarter's cell (formulas of issue 4 read Q through it). */
export const CURRENT_QUARTER_NAME = 'ctg_trimestre_en_cours';

export function settingsList(id: SettingsListId): SettingsList {
  const list = settingsLists.find((candidate) => candidate.id === id);
  if (!list) throw new Error(`unknown settings list ${id}`);
  return list;
}

/** The values of a list for a convention (only the quarters depend on it). */
export function settingsListValues(id: SettingsListId, period: Period): readonly string[] {
  switch (id) {
    case 'statuses':
      return ficheStatuses;
    case 'qualitativeScale':
      return qualitativeScale;
    case 'frequencies':
      return frequencies;
    case 'aggregationRules':
      return aggregationRules;
    case 'quarters':
      return quartersOfPeriod(period).map(quarterLabel);
    case 'aoHolders':
      return Object.values(aoTexts.holders);
    case 'yesNo':
      return [aoTexts.yes, aoTexts.no];
  }
}

/** `'Paramètres'!$A$13:$A$17`: the absolute range of a list for a convention. */
export function settingsListRef(id: SettingsListId, period: Period): string {
  const list = settingsList(id);
  const count = settingsListValues(id, period).length;
  return absoluteRangeRef(sheetNames.settings, LISTS_FIRST_ROW, list.column, LISTS_FIRST_ROW + count - 1, list.column);
}
