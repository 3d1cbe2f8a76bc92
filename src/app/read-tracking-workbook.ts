import type { SheetGrid, WorkbookGrids } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { quartersOfPeriod, type Quarter } from '../domain/periods';
import { periodSchema, type Period } from '../domain/plan';
import type { AxisSheetReading, StoredKey } from '../domain/tracking';
import type { AoSheetInput } from '../domain/validation';
import { readAoSheet } from '../layout/sheets/ao/ao-sheet-read';
import { checkCtgFingerprint, migrateCtgMeta, readCtgMeta, type CtgMeta } from '../layout/sheets/ctg-meta/ctg-meta-read';
import { checkConventionDates, isQuarterColumnWarning } from '../layout/convention-dates';
import { axisNumberOfSheetName, headerTexts, readAxisSheet } from '../layout/sheets/axis/read-axis-sheet';
import { readSettings, type Settings } from '../layout/sheets/settings/settings-read';
import { sheetNames } from '../layout/texts';

/**
 * A tracking workbook's grids → what the use cases work on: `_ctg`, Paramètres and the axis sheets' rows, with
 * the issues of reading them. Validation, computing, extracting and merging all start here.
 */

interface ReadingBase {
  /** Sheet names in workbook order. */
  sheetOrder: string[];
  /** The issues met while reading (not yet the validation rules'). */
  issues: Issue[];
}

export interface UnreadableTrackingWorkbook extends ReadingBase {
  ok: false;
}

export interface TrackingWorkbookReading extends ReadingBase {
  ok: true;
  /** `_ctg` brought to the current format (`meta.migratedFrom` tells an older one). */
  meta: CtgMeta;
  /** Null when the sheet is missing (a `missing-sheet` error of validation). */
  settings: Settings | null;
  /** The convention's period: `_ctg`'s, else Paramètres'. */
  period: Period;
  quarters: Quarter[];
  /** Every `Axe N` sheet, in workbook order. */
  axisSheets: AxisSheetReading[];
  storedKeys: StoredKey[];
  /** `Compétences AO` as read; null when the sheet is missing (a `missing-sheet` error) or has no header row. */
  ao: AoSheetInput | null;
}

/** The convention's period: `_ctg` first (the tools wrote it), else Paramètres. */
function conventionPeriod(meta: CtgMeta, settings: Settings | null): Period | null {
  const candidates = [
    { start: meta.periodStart, end: meta.periodEnd },
    { start: settings?.periodStart, end: settings?.periodEnd },
  ];
  for (const candidate of candidates) {
    const parsed = periodSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

export async function readTrackingWorkbook(
  grids: WorkbookGrids,
): Promise<TrackingWorkbookReading | UnreadableTrackingWorkbook> {
  const sheetOrder = grids.sheets.map((sheet) => sheet.name);
  const byName = new Map<string, SheetGrid>(grids.sheets.map((sheet) => [sheet.name, sheet]));
  const ctgGrid = byName.get(sheetNames.meta);
  if (!ctgGrid) {
    const issue = createIssue('not-a-tracking-workbook', { sheet: null, cell: null, rowKey: null });
    return { ok: false, sheetOrder, issues: [issue] };
  }
  const ctg = readCtgMeta(ctgGrid);
  if (!ctg.meta) return { ok: false, sheetOrder, issues: ctg.issues };
  // The fingerprint is checked on the key list as stored, in its own format's form.
  const storedMeta = ctg.meta;
  const issues: Issue[] = [...ctg.issues, ...(await checkCtgFingerprint(storedMeta, ctgGrid.name))];

  const settingsGrid = byName.get(sheetNames.settings);
  const settingsReading = settingsGrid ? readSettings(settingsGrid) : null;
  if (settingsReading) issues.push(...settingsReading.issues);
  const settings = settingsReading?.settings ?? null;

  const period = conventionPeriod(storedMeta, settings);
  if (!period) {
    issues.push(createIssue('period-unreadable', { sheet: ctgGrid.name, cell: null, rowKey: null }));
    return { ok: false, sheetOrder, issues };
  }

  const quarters = quartersOfPeriod(period);
  const axisGrids = grids.sheets.filter((grid) => axisNumberOfSheetName(grid.name) !== null);
  const dateIssues = checkConventionDates({
    ctgSheet: ctgGrid.name,
    meta: storedMeta,
    settingsSheet: settingsGrid?.name ?? null,
    settings,
    axisHeaders: axisGrids.flatMap(headerTexts),
  });
  issues.push(...dateIssues);
  const axisSheets: AxisSheetReading[] = [];
  for (const grid of axisGrids) {
    const read = readAxisSheet(grid, axisNumberOfSheetName(grid.name)!, quarters, storedMeta.formatVersion);
    axisSheets.push(read.reading);
    const datesChanged = dateIssues.some((issue) => issue.code === 'ctg-period-changed');
    issues.push(...read.issues.filter((issue) => !(datesChanged && isQuarterColumnWarning(issue))));
  }
  const meta = migrateCtgMeta(storedMeta, { axisSheets });
  const aoGrid = byName.get(sheetNames.ao);
  const aoReading = aoGrid ? readAoSheet(aoGrid) : null;
  if (aoReading) issues.push(...aoReading.issues);
  const ao = aoReading?.input ?? null;
  return { ok: true, sheetOrder, issues, meta, settings, period, quarters, axisSheets, storedKeys: meta.keys, ao };
}
