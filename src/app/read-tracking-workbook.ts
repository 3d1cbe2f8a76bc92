import { isSkipped, readSheet, sheetNamesOf, type AnyWorkbookGrids, type SheetGrid } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { quartersOfPeriod, type Quarter } from '../domain/periods';
import { periodSchema, type Period } from '../domain/plan';
import type { AxisSheetReading, StoredKey } from '../domain/tracking';
import type { AoSheetInput } from '../domain/validation';
import type { SheetKeys } from '../domain/validation/sheets';
import { readSheetModules, type ReadingsOf } from '../layout/sheet-registry';
import {
  checkCtgFingerprint,
  migrateCtgMeta,
  readCtgMetaSettled,
  type CtgMeta,
  type CtgMetaReading,
} from '../layout/sheets/ctg-meta/ctg-meta-read';
import { findClearedKeys, findKeysEmptiedAtEnd } from '../layout/sheets/ctg-meta/cleared-keys';
import { rowKeysOfSheet } from '../layout/sheets/axis/read-axis-sheet';
import { checkSettingsTerritory, withDatesToPutBack, type Settings } from '../layout/sheets/settings/settings-read';
import { checkSettingsLists } from '../layout/sheets/settings/settings-lists-read';
import { trackingSheets, type TrackingReadings } from '../layout/sheets/tracking-registry';
import type { TrackingHeader, TrackingSheetRegistry } from '../layout/tracking-build';
import { sheetNames } from '../layout/texts';
import { isToolSheetName } from '../layout/tool-sheets';
import { lostItsMetaSheet } from './lost-meta-sheet';
import { toolOutputKind } from './tool-output-kind';

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

/**
 * The readings of a registry holding the tracking workbook's modules (`trackingSheets`, or a list of more), by
 * module id: `readings.journal`, `readings.history`… each read when first asked for (`readSheetModules`).
 */
export type TrackingReadingsOf<Registry extends TrackingSheetRegistry> = TrackingReadings & ReadingsOf<Registry>;

export interface TrackingWorkbookReading<
  Registry extends TrackingSheetRegistry = typeof trackingSheets,
> extends ReadingBase {
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
  /** Every module's reading, those above included; the others are read when asked for (the state's). */
  readings: TrackingReadingsOf<Registry>;
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
export interface TrackingWorkbookHeader<
  Registry extends TrackingSheetRegistry = typeof trackingSheets,
> extends ReadingBase {
  ok: true;
  /** `_ctg` as stored (not yet migrated: that needs the axis sheets). */
  storedMeta: CtgMeta;
  /** Null when the sheet is missing. */
  settings: Settings | null;
  period: Period;
  /** Every module's reading, read when asked for: the other modules' are read against this header. */
  readings: TrackingReadingsOf<Registry>;
  /**
   * `_ctg` read with its key list ending at empty rows under it, which its fingerprint alone did not settle
   * (`readCtgMetaSettled`): the reading it is, in place of the issues it `replaces`, when the axis sheets tell so.
   */
  keyListUnderGap?: { reading: CtgMetaReading; byCount: boolean; replaces: readonly Issue[] };
}

/**
 * The first step of `readTrackingWorkbook`, from `_ctg` and Paramètres only (`statusSheets`): the task pane's
 * status on open reads no other sheet. Unreadable as `readTrackingWorkbook` is, with the same issues. `registry`:
 * the tracking workbook's modules, and maybe more.
 */
export async function readTrackingHeader<Registry extends TrackingSheetRegistry = typeof trackingSheets>(
  grids: AnyWorkbookGrids,
  registry?: Registry,
): Promise<TrackingWorkbookHeader<Registry> | UnreadableTrackingWorkbook> {
  const sheetOrder = sheetNamesOf(grids);
  // Set below once `_ctg` and Paramètres tell a readable workbook; the axis sheets are read against it.
  let header: TrackingHeader | null = null;
  // A registry given here holds the tracking workbook's modules (and more): their readings are there by id.
  const modules: TrackingSheetRegistry = registry ?? trackingSheets;
  const readings = readSheetModules(modules, grids, {
    header: () => {
      if (!header) throw new Error('A sheet was read before `_ctg` and Paramètres, or in a workbook not readable.');
      return header;
    },
  }) as TrackingReadingsOf<Registry>;

  const asRead = readings['ctg-meta'];
  const ctgGrid = readSheet(grids, sheetNames.meta);
  // Empty rows under rows of the key list read as its fingerprint tells (inside the list, or the retired keys' title).
  const settled = asRead && ctgGrid ? await readCtgMetaSettled(ctgGrid, asRead) : null;
  const ctg = settled ? settled.reading : asRead;
  if (!ctg) {
    const madeAs = toolOutputKind(grids);
    const issue = createIssue(
      'not-a-tracking-workbook',
      { sheet: null, cell: null, rowKey: null },
      madeAs ? { madeAs } : lostItsMetaSheet(grids) ? { lostMeta: 'copied' } : {},
    );
    return { ok: false, sheetOrder, issues: [issue] };
  }
  if (!ctg.meta) return { ok: false, sheetOrder, issues: ctg.issues };
  // The fingerprint is checked on the key list as stored, in its own format's form; with a key cleared there, by
  // finding the key in the axis sheets (`findClearedKeys`): the key's error says the list was changed.
  const storedMeta = ctg.meta;
  const fingerprint = storedMeta.clearedKeys ? [] : await checkCtgFingerprint(storedMeta, sheetNames.meta);
  const issues: Issue[] = [...ctg.issues, ...fingerprint];
  if (readings.settings) issues.push(...withDatesToPutBack(readings.settings, storedMeta));
  const settings = readings.settings?.settings ?? null;
  const territoryTypedOver = readings.settings ? checkSettingsTerritory(readings.settings, storedMeta.territory) : null;
  if (territoryTypedOver) issues.push(territoryTypedOver);

  const period = conventionPeriod(storedMeta, settings);
  if (!period) {
    issues.push(createIssue('period-unreadable', { sheet: sheetNames.meta, cell: null, rowKey: null }));
    return { ok: false, sheetOrder, issues };
  }
  // The lists a rewrite writes back are the convention's (its quarters): a value changed by hand there is refused.
  const settingsGrid = readings.settings ? readSheet(grids, sheetNames.settings) : null;
  if (readings.settings && settingsGrid) issues.push(...checkSettingsLists(settingsGrid, readings.settings, period));
  header = {
    ctgSheet: sheetNames.meta,
    storedMeta,
    settingsSheet: readings.settings ? sheetNames.settings : null,
    settings,
    quarters: quartersOfPeriod(period),
  };
  const underList = settled?.underList;
  const byCount = settled?.byCount === true;
  const keyListUnderGap = underList?.meta
    ? { keyListUnderGap: { reading: underList, byCount, replaces: ctg.issues } }
    : {};
  return { ok: true, sheetOrder, issues, storedMeta, settings, period, readings, ...keyListUnderGap };
}

/**
 * The header's `_ctg`, or, when empty rows under the key list were left unsettled (`readCtgMetaSettled`), the list read
 * as ending there: when a key cleared above them, found in the axis sheets, makes it whole (its fingerprint the stored
 * one); or, the list changed otherwise too, when their count reads them so (the title cleared: `byCount`, as before
 * the fingerprint told them) and the axis sheets hold none of the keys under them: those are the retired keys, not
 * live keys whose rows are gone (a key added by hand under one empty row is in no axis sheet either).
 */
async function settledWithAxisSheets(
  header: TrackingWorkbookHeader<TrackingSheetRegistry>,
  axisSheets: readonly AxisSheetReading[],
): Promise<{ storedMeta: CtgMeta; issues: Issue[] }> {
  const pending = header.keyListUnderGap;
  const asHeader = { storedMeta: header.storedMeta, issues: header.issues };
  const underList = pending?.reading.meta;
  if (!pending || !underList) return asHeader;
  const whole =
    underList.clearedKeys !== undefined &&
    !(await findClearedKeys(underList, axisSheets, sheetNames.meta)).meta.clearedKeys;
  const retiredUnderGap = pending.byCount && keysUnderGapOutsideAxisSheets(header.storedMeta, underList, axisSheets);
  if (!whole && !retiredUnderGap) return asHeader;
  const fingerprint = underList.clearedKeys ? [] : await checkCtgFingerprint(underList, sheetNames.meta);
  const replaced = new Set(pending.replaces);
  const others = header.issues.filter((issue) => !replaced.has(issue));
  return { storedMeta: underList, issues: [...pending.reading.issues, ...fingerprint, ...others] };
}

/** Whether the keys the list read on past the empty rows holds, and the list ending there does not, are in no axis sheet. */
function keysUnderGapOutsideAxisSheets(
  inList: CtgMeta,
  underList: CtgMeta,
  axisSheets: readonly AxisSheetReading[],
): boolean {
  const above = new Set(underList.keys.map((entry) => entry.key));
  const underGap = inList.keys.filter((entry) => !above.has(entry.key));
  const inAxisSheets = new Set(axisSheets.flatMap((sheet) => sheet.rows.map((row) => row.key)));
  return underGap.length > 0 && underGap.every((entry) => !inAxisSheets.has(entry.key));
}

/**
 * Reads `_ctg`, Paramètres, the axis sheets and Compétences AO (`figureSheets`): grids of a whole read, or of a read
 * of those sheets. Another sheet the read skipped is not looked at; one of these skipped throws (a caller's bug).
 * The other modules' readings are read from `readings` when asked for.
 */
export async function readTrackingWorkbook<Registry extends TrackingSheetRegistry = typeof trackingSheets>(
  grids: AnyWorkbookGrids,
  registry?: Registry,
): Promise<TrackingWorkbookReading<Registry> | UnreadableTrackingWorkbook> {
  const header = await readTrackingHeader(grids, registry);
  if (!header.ok) return header;
  const { sheetOrder, settings, period, readings } = header;
  const axis = readings.axis;
  const { storedMeta, issues: headerRead } = await settledWithAxisSheets(header, axis.sheets);
  // A key cleared in the key list, found at its place in the axis sheets, is read there (its error says to type it
  // back, and what is found makes the list the tools fingerprinted).
  // The list's last rows emptied, found so, are said in place of the fingerprint's error.
  const fingerprintChanged = headerRead.some((issue) => issue.code === 'ctg-fingerprint-mismatch');
  const emptiedAtEnd = fingerprintChanged ? await findKeysEmptiedAtEnd(storedMeta, axis.sheets, sheetNames.meta) : null;
  const cleared = emptiedAtEnd ?? (await findClearedKeys(storedMeta, axis.sheets, sheetNames.meta));
  const headerIssues = emptiedAtEnd
    ? headerRead.filter((issue) => issue.code !== 'ctg-fingerprint-mismatch')
    : headerRead;
  const meta = migrateCtgMeta(cleared.meta, { axisSheets: axis.sheets, otherSheets: keysOfOtherSheets(grids) });
  const ao = readings.ao;
  const issues = [...headerIssues, ...cleared.issues, ...axis.issues, ...(ao?.issues ?? [])];
  return {
    ok: true,
    sheetOrder,
    issues,
    meta,
    settings,
    period,
    quarters: quartersOfPeriod(period),
    axisSheets: axis.sheets,
    storedKeys: meta.keys,
    ao: ao?.input ?? null,
    readings,
  };
}

/**
 * The keys held by each read sheet that is neither an axis sheet nor one of the tool's: an axis sheet a person
 * renamed is told by them. A sheet a selective read skipped is not looked at.
 */
function keysOfOtherSheets(grids: AnyWorkbookGrids): SheetKeys[] {
  return grids.sheets
    .filter((sheet) => !isSkipped(sheet) && !isToolSheetName(sheet.name))
    .map((sheet) => ({ sheet: sheet.name, keys: rowKeysOfSheet(sheet as SheetGrid) }));
}
