import type { WorkbookGrids, SheetGrid } from '../domain/grid';
import { sortIssues, type Issue } from '../domain/issues';
import { quartersOfPeriod } from '../domain/periods';
import { periodSchema, type Period } from '../domain/plan';
import { createIssue, validateTracking, type CurrentQuarterCell } from '../domain/validation';
import type { AxisSheetReading, StoredKey } from '../domain/tracking';
import { checkCtgFingerprint, readCtgMeta, type CtgMeta } from '../layout/ctg-meta-read';
import { axisNumberOfSheetName, readAxisSheet } from '../layout/read-axis-sheet';
import { settingsValueCell } from '../layout/settings-layout';
import { readSettings, type Settings } from '../layout/settings-read';
import { axisSheetName, sheetNames } from '../layout/texts';
import type { WorkbookReader } from './port';

/** What `ctg-suivi validate` prints and the task pane shows (WORKBOOK.md, "Issues"). */
export interface ValidationReport {
  /**
   * False when the workbook could not be read as a tracking workbook at all (no `_ctg`, a format it cannot
   * read, no convention dates): the command line then exits 2.
   */
  readable: boolean;
  errors: number;
  warnings: number;
  /** Sorted by sheet in workbook order, then row, then column. */
  issues: Issue[];
}

export interface ValidateOptions {
  /** Today, for the "current quarter lags behind" warning; the caller reads the clock. */
  today: Date;
}

/** Validates the workbook a port holds. */
export async function validateWorkbook(port: WorkbookReader, options: ValidateOptions): Promise<ValidationReport> {
  return validateGrids(await port.read(), options);
}

function report(readable: boolean, issues: readonly Issue[], sheetOrder: readonly string[]): ValidationReport {
  const sorted = sortIssues(issues, sheetOrder);
  return {
    readable,
    errors: sorted.filter((issue) => issue.severity === 'error').length,
    warnings: sorted.filter((issue) => issue.severity === 'warning').length,
    issues: sorted,
  };
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

// readSettings reports the current quarter's shape and range against Paramètres' own dates; the validation rule
// `current-quarter-invalid` says both in one message against the convention's period, so those are not repeated.
const QUARTER_ISSUES_OF_SETTINGS_READER = new Set(['settings-quarter-invalid', 'settings-quarter-outside-period']);

/** Validates grids read from a workbook; exported for the back ends' tests and for the task pane. */
export async function validateGrids(grids: WorkbookGrids, { today }: ValidateOptions): Promise<ValidationReport> {
  const sheetOrder = grids.sheets.map((sheet) => sheet.name);
  const byName = new Map<string, SheetGrid>(grids.sheets.map((sheet) => [sheet.name, sheet]));
  const ctgGrid = byName.get(sheetNames.meta);
  if (!ctgGrid) {
    return report(
      false,
      [createIssue('not-a-tracking-workbook', { sheet: null, cell: null, rowKey: null })],
      sheetOrder,
    );
  }
  const ctg = readCtgMeta(ctgGrid);
  if (!ctg.meta) return report(false, ctg.issues, sheetOrder);
  const meta = ctg.meta;
  const issues: Issue[] = [...ctg.issues, ...(await checkCtgFingerprint(meta, ctgGrid.name))];

  const settingsGrid = byName.get(sheetNames.settings);
  const settingsReading = settingsGrid ? readSettings(settingsGrid) : null;
  if (settingsReading) {
    issues.push(...settingsReading.issues.filter((issue) => !QUARTER_ISSUES_OF_SETTINGS_READER.has(issue.code)));
  }

  const period = conventionPeriod(meta, settingsReading?.settings ?? null);
  if (!period) {
    issues.push(createIssue('period-unreadable', { sheet: ctgGrid.name, cell: null, rowKey: null }));
    return report(false, issues, sheetOrder);
  }

  const quarters = quartersOfPeriod(period);
  const axisSheets: AxisSheetReading[] = [];
  for (const grid of grids.sheets) {
    const axis = axisNumberOfSheetName(grid.name);
    if (axis === null) continue;
    const read = readAxisSheet(grid, axis, quarters);
    axisSheets.push(read.reading);
    issues.push(...read.issues);
  }

  const storedKeys: StoredKey[] = meta.keys;
  // An `Axe N` is expected for every axis the key list names (when the list records axes).
  const axesOfKeys = [...new Set(storedKeys.flatMap((entry) => (entry.axis === undefined ? [] : [entry.axis])))];
  const currentQuarter: CurrentQuarterCell | null =
    settingsGrid && settingsReading
      ? {
          raw: settingsReading.settings.currentQuarterText,
          sheet: settingsGrid.name,
          cell: settingsValueCell('currentQuarter'),
        }
      : null;
  issues.push(
    ...validateTracking({
      sheetNames: sheetOrder,
      expectedSheets: [sheetNames.settings, sheetNames.meta, ...axesOfKeys.map(axisSheetName)],
      axisSheets,
      storedKeys,
      period,
      currentQuarter,
      today,
    }),
  );
  return report(true, issues, sheetOrder);
}
