import { isSkipped, readSheet, readSheets, sheetNamesOf, type AnyWorkbookGrids, type SheetGrid } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { quartersOfPeriod, type Quarter } from '../domain/periods';
import { periodSchema, type Period } from '../domain/plan';
import type { AxisSheetReading, StoredKey } from '../domain/tracking';
import type { AoSheetInput } from '../domain/validation';
import type { SheetKeys } from '../domain/validation/sheets';
import { readAoSheet } from '../layout/sheets/ao/ao-sheet-read';
import {
  checkCtgFingerprint,
  migrateCtgMeta,
  readCtgMeta,
  type CtgMeta,
} from '../layout/sheets/ctg-meta/ctg-meta-read';
import { checkConventionDates, isQuarterColumnWarning } from '../layout/convention-dates';
import {
  axisNumberOfSheetName,
  headerTexts,
  readAxisSheet,
  rowKeysOfSheet,
} from '../layout/sheets/axis/read-axis-sheet';
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

/** What `_ctg` and Paramètres alone tell: a tracking workbook, its convention and current quarter. */
export interface TrackingWorkbookHeader extends ReadingBase {
  ok: true;
  /** `_ctg` as stored (not yet migrated: that needs the axis sheets). */
  storedMeta: CtgMeta;
  /** Null when the sheet is missing. */
  settings: Settings | null;
  period: Period;
  ctgGrid: SheetGrid;
  settingsGrid: SheetGrid | null;
}

/**
 * The first step of `readTrackingWorkbook`, from `_ctg` and Paramètres only (`statusSheets`): the task pane's
 * status on open reads no other sheet. Unreadable as `readTrackingWorkbook` is, with the same issues.
 */
export async function readTrackingHeader(
  grids: AnyWorkbookGrids,
): Promise<TrackingWorkbookHeader | UnreadableTrackingWorkbook> {
  const sheetOrder = sheetNamesOf(grids);
  const ctgGrid = readSheet(grids, sheetNames.meta);
  if (!ctgGrid) {
    const issue = createIssue('not-a-tracking-workbook', { sheet: null, cell: null, rowKey: null });
    return { ok: false, sheetOrder, issues: [issue] };
  }
  const ctg = readCtgMeta(ctgGrid);
  if (!ctg.meta) return { ok: false, sheetOrder, issues: ctg.issues };
  // The fingerprint is checked on the key list as stored, in its own format's form.
  const storedMeta = ctg.meta;
  const issues: Issue[] = [...ctg.issues, ...(await checkCtgFingerprint(storedMeta, ctgGrid.name))];

  const settingsGrid = readSheet(grids, sheetNames.settings);
  const settingsReading = settingsGrid ? readSettings(settingsGrid) : null;
  if (settingsReading) issues.push(...settingsReading.issues);
  const settings = settingsReading?.settings ?? null;

  const period = conventionPeriod(storedMeta, settings);
  if (!period) {
    issues.push(createIssue('period-unreadable', { sheet: ctgGrid.name, cell: null, rowKey: null }));
    return { ok: false, sheetOrder, issues };
  }
  return { ok: true, sheetOrder, issues, storedMeta, settings, period, ctgGrid, settingsGrid };
}

/**
 * Reads `_ctg`, Paramètres, the axis sheets and Compétences AO (`figureSheets`): grids of a whole read, or of a read
 * of those sheets. Another sheet the read skipped is not looked at; one of these skipped throws (a caller's bug).
 */
export async function readTrackingWorkbook(
  grids: AnyWorkbookGrids,
): Promise<TrackingWorkbookReading | UnreadableTrackingWorkbook> {
  const header = await readTrackingHeader(grids);
  if (!header.ok) return header;
  const { sheetOrder, storedMeta, settings, period, ctgGrid, settingsGrid } = header;
  const issues = [...header.issues];

  const quarters = quartersOfPeriod(period);
  const axisGrids = readSheets(grids, (name) => axisNumberOfSheetName(name) !== null);
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
  const meta = migrateCtgMeta(storedMeta, { axisSheets, otherSheets: keysOfOtherSheets(grids) });
  const aoGrid = readSheet(grids, sheetNames.ao);
  const aoReading = aoGrid ? readAoSheet(aoGrid) : null;
  if (aoReading) issues.push(...aoReading.issues);
  const ao = aoReading?.input ?? null;
  return { ok: true, sheetOrder, issues, meta, settings, period, quarters, axisSheets, storedKeys: meta.keys, ao };
}

/**
 * The keys held by each read sheet that is neither an axis sheet nor one of the tool's: an axis sheet a person
 * renamed is told by them. A sheet a selective read skipped is not looked at.
 */
function keysOfOtherSheets(grids: AnyWorkbookGrids): SheetKeys[] {
  const toolSheets = new Set<string>(Object.values(sheetNames));
  return grids.sheets
    .filter((sheet) => !isSkipped(sheet) && !toolSheets.has(sheet.name) && axisNumberOfSheetName(sheet.name) === null)
    .map((sheet) => ({ sheet: sheet.name, keys: rowKeysOfSheet(sheet as SheetGrid) }));
}
