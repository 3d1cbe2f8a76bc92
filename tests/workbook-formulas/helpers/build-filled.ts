import { quartersOfPeriod, type Quarter } from '../../../src/domain/periods';
import type { Plan } from '../../../src/domain/plan';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { SETTINGS_VALUE_COLUMN, settingsRows } from '../../../src/layout/sheets/settings/settings-layout';
import { sheetNames } from '../../../src/layout/texts';
import { buildWorkbook, generationJournalEntry } from '../../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../../src/layout/workbook-spec';
import { readXlsx } from '../../../src/xlsx/reader';
import { writeXlsx } from '../../../src/xlsx/writer';
import { randomEnteredValues, type EnteredOptions } from './entered-values';

/** A workbook of `plan` with values entered (seeded), written by the ExcelJS writer; Q given. */
export async function filledWorkbookSpec(plan: Plan, current: Quarter, options: EnteredOptions): Promise<WorkbookSpec> {
  const quarters = quartersOfPeriod(plan.period);
  const now = new Date('2027-05-10T10:00:00Z');
  const { spec } = await buildWorkbook(plan, {
    currentQuarter: current,
    now,
    journal: [generationJournalEntry(now)],
    entered: randomEnteredValues(plan, quarters, options),
  });
  return spec;
}

/** Sets Paramètres' current quarter text in a spec, leaving every cached result as it was (stale on purpose). */
export function withCurrentQuarterText(spec: WorkbookSpec, text: string): WorkbookSpec {
  const copy: WorkbookSpec = structuredClone(spec);
  const settings = copy.sheets.find((sheet) => sheet.name === sheetNames.settings)!;
  settings.rows[settingsRows.currentQuarter - 1].cells[SETTINGS_VALUE_COLUMN - 1]!.value = text;
  return copy;
}

/**
 * Sets one input cell of an axis sheet in a spec — row found by its key, column by its header, as a person finds
 * them — leaving every cached result as it was (stale on purpose, as an edit in another tool).
 */
export function withAxisValue(
  spec: WorkbookSpec,
  sheet: string,
  key: string,
  header: string,
  value: string | number | null,
): WorkbookSpec {
  const copy: WorkbookSpec = structuredClone(spec);
  const rows = copy.sheets.find((candidate) => candidate.name === sheet)!.rows;
  const headerRow = rows.findIndex((row) => row?.cells[0]?.value === 'Clé');
  const column = rows[headerRow].cells.findIndex((cell) => cell?.value === header);
  const row = rows.findIndex((candidate, index) => index > headerRow && candidate?.cells[0]?.value === key);
  if (column < 0 || row < 0) throw new Error(`no cell ${key} / ${header} in ${sheet}`);
  rows[row].cells[column] = { ...(rows[row].cells[column] ?? {}), value };
  return copy;
}

/** The fiche `key` of `sheet` set « Abandonnée » in `quarter` (its Statut and « Abandonnée en »). */
export function withAbandonedFiche(spec: WorkbookSpec, sheet: string, key: string, quarter: string): WorkbookSpec {
  return withAxisValue(withAxisValue(spec, sheet, key, 'Statut', 'Abandonnée'), sheet, key, 'Abandonnée en', quarter);
}

export async function writtenBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  return writeXlsx(spec);
}

export function readGrids(bytes: Uint8Array): WorkbookGrids {
  const result = readXlsx(bytes);
  if (!result.ok) throw new Error(`unreadable: ${result.error.code}`);
  return result.grids;
}
