import { isSkipped, type AnyWorkbookGrids, type ListedSheet, type WorkbookGrids } from '../domain/grid';
import { sortIssues, type Issue } from '../domain/issues';
import { cellKey, validateTracking, type CurrentQuarterCell } from '../domain/validation';
import { holdsAoTable } from '../layout/sheets/ao/ao-sheet-read';
import { rowKeysOfSheet } from '../layout/sheets/axis/read-axis-sheet';
import { mergedRangeIssues } from '../layout/sheets/axis/merged-ranges';
import { settingsValueCell } from '../layout/sheets/settings/settings-layout';
import { expectedSheetsOf } from '../layout/sheet-registry';
import { readExtractMeta } from '../layout/sheets/ctg-meta/extract-meta';
import type { ClearedKeyRow } from '../layout/sheets/ctg-meta/ctg-meta-read';
import { KEY_COLUMNS } from '../layout/sheets/ctg-meta/ctg-meta-layout';
import { cellAddress } from '../layout/a1';
import { extractSheets } from '../layout/sheets/extract-registry';
import { trackingSheets } from '../layout/sheets/tracking-registry';
import { axisSheetName, sheetNames } from '../layout/texts';
import { asMergeTreats, keysRepeatedAsMergeRefuses, sentCellsChanged } from './extract-issues';
import { withoutGreyCellsOfKeysTypedOver } from './key-typed-over';
import { lostCriterionTitles, lostCriterionTitleWarnings } from './lost-criterion-titles';
import { personalDataInRecords } from './personal-data-in-records';
import { renamedSheetsMergeReads, underFileNames, withNamesBack } from './renamed-extract-sheets';
import { typedOverTextWarnings } from './restored-texts';
import { unreadNotesIssues } from './unread-notes';
import { namesOutsideVocabulary } from './names-outside-vocabulary';
import { withRenamedColumns } from './renamed-columns';
import { refusesRewrite } from './row-order';
import { fixedSheetFindingsOf, recordSheetIssues } from './workbook-state';
import { generatedInOlderFormat, lastClosingJournalled, withClosingJournalled } from './history-expected';
import type { WorkbookReader } from './port';
import {
  readTrackingWorkbook,
  type TrackingWorkbookReading,
  type UnreadableTrackingWorkbook,
} from './read-tracking-workbook';

/** What `ctg-suivi validate` prints and the task pane shows (docs/WORKBOOK.md, « Issues »). */
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

/** Grids of a whole read: every sheet's cells (a consolidation reads some sheets only). */
const isWhole = (grids: AnyWorkbookGrids): grids is WorkbookGrids => !grids.sheets.some(isSkipped);

function report(readable: boolean, issues: readonly Issue[], sheetOrder: readonly string[]): ValidationReport {
  const sorted = sortIssues(issues, sheetOrder);
  return {
    readable,
    errors: sorted.filter((issue) => issue.severity === 'error').length,
    warnings: sorted.filter((issue) => issue.severity === 'warning').length,
    issues: sorted,
  };
}

// readSettings reports the current quarter's shape and range against Paramètres' own dates; the validation rule
// `current-quarter-invalid` says both in one message against the convention's period, so those are not repeated.
const QUARTER_ISSUES_OF_SETTINGS_READER = new Set(['settings-quarter-invalid', 'settings-quarter-outside-period']);

/**
 * Validates grids read from a workbook (by either back end): `validateReading`, and, for a workbook a rewrite would
 * take, what that rewrite would write back over a person's typing or refuse for, found as the rewrite finds it (from
 * the state it builds: the tools' texts typed over, restored-texts.ts; values typed over the tools' formulas).
 */
export async function validateGrids(grids: WorkbookGrids, options: ValidateOptions): Promise<ValidationReport> {
  const reading = await readTrackingWorkbook(grids);
  if (readExtractMeta(grids) !== null) return validateReturnedExtract(grids, reading, options);
  const validated = await validateMaster(grids, reading, options);
  // A sheet whose notes could not be read refuses a whole rewrite only (unread-notes.ts): said whatever else is.
  const unread = validated.readable ? unreadNotesIssues(grids) : [];
  return unread.length === 0 ? validated : report(true, [...validated.issues, ...unread], reading.sheetOrder);
}

/** A tracking workbook (not an extract) as the rewrites would take it: see `validateGrids`. */
async function validateMaster(
  grids: WorkbookGrids,
  reading: TrackingWorkbookReading | UnreadableTrackingWorkbook,
  options: ValidateOptions,
): Promise<ValidationReport> {
  const read = validateReading(grids, reading, options);
  // A record line the tools cannot read back refuses every rewrite (workbook-state.ts): said before one is tried. A
  // champ or public a consolidation will list as outside the vocabulary is the territory's to mend: said here, not
  // in a partner's extract, whose plan cells are not theirs, nor in the consolidation's own reading, which lists and
  // counts it (measure-territory.ts). A criterion row without its Intitulé (cleared by hand): what the next rewrite
  // writes there, or what to do (counted by the consolidation too).
  const ofReading =
    read.readable && reading.ok
      ? [
          ...recordSheetIssues(reading),
          ...namesOutsideVocabulary(reading.axisSheets),
          ...lostCriterionTitleWarnings(await lostCriterionTitles(reading)),
        ]
      : [];
  const validated = ofReading.length === 0 ? read : report(true, [...read.issues, ...ofReading], reading.sheetOrder);
  if (!validated.readable || validated.issues.some(refusesRewrite)) return validated;
  const found = await fixedSheetFindingsOf(grids, reading);
  // A cell validation already names (a Paramètres label edited, `settings-label-edited`) is not named twice.
  const named = new Set(validated.issues.map((issue) => `${issue.sheet}!${issue.cell}`));
  const typedOver = typedOverTextWarnings(found.typedOver).filter(
    (issue) => !named.has(`${issue.sheet}!${issue.cell}`),
  );
  const more = [...found.valuesOverFormulas, ...typedOver];
  return more.length === 0 ? validated : report(true, [...validated.issues, ...more], reading.sheetOrder);
}

/**
 * A partner's extract, which is never rewritten, checked as the merge will read it: an axis sheet its recipient
 * renamed, which the merge reads by its `Clé` table, is checked as the `Axe N` it is, each issue under the name the
 * file gives the sheet, with a warning in place of `missing-sheet` (renamed-extract-sheets.ts).
 */
async function validateReturnedExtract(
  grids: WorkbookGrids,
  reading: TrackingWorkbookReading | UnreadableTrackingWorkbook,
  options: ValidateOptions,
): Promise<ValidationReport> {
  const validated = validateReading(grids, reading, options);
  const renamed = validated.readable ? renamedSheetsMergeReads(validated.issues, grids) : [];
  if (renamed.length === 0) return validated;
  const named = withNamesBack(grids, renamed);
  const again = validateReading(named, await readTrackingWorkbook(named), options);
  return again.readable ? report(true, underFileNames(again.issues, renamed), reading.sheetOrder) : validated;
}

/**
 * Validates grids already read by `readTrackingWorkbook` (`reading`, of these same grids), so that a use case that
 * goes on with the reading does not parse the sheets again. Grids of some sheets only (the consolidation reads the
 * figures' sheets) are validated on those: a sheet the read skipped is not looked into for a renamed axis sheet's keys.
 */
export function validateReading(
  grids: AnyWorkbookGrids,
  reading: TrackingWorkbookReading | UnreadableTrackingWorkbook,
  { today }: ValidateOptions,
): ValidationReport {
  if (!reading.ok) return report(false, reading.issues, reading.sheetOrder);
  const { storedKeys, settings } = reading;
  // An `Axe N` is expected for every axis the key list names (when the list records axes), in the list's order, with
  // its keys: one pass over the list (a thousand keys in a large plan, and every file of a consolidation).
  const keysByAxis = new Map<number, string[]>();
  for (const { axis, key } of storedKeys) {
    if (axis === undefined) continue;
    const keys = keysByAxis.get(axis);
    if (keys) keys.push(key);
    else keysByAxis.set(axis, [key]);
  }
  // A partner's extract has no Compétences AO (docs/WORKBOOK.md, « Extracts »): its own sheets are expected. Told as
  // the rewrites and bilans tell it (any of `_ctg`'s extract cells).
  const extract = readExtractMeta(grids);
  const isExtract = extract !== null;
  const registry = isExtract ? extractSheets : trackingSheets;
  // An extract is sent without the record sheets: only a tracking workbook's Journal tells Historique expected.
  const closingJournalled = isExtract ? null : lastClosingJournalled(grids, reading);
  const expectedSheets = expectedSheetsOf(registry, { axesOfKeys: [...keysByAxis.keys()], closingJournalled });
  const expectedKeys = [...keysByAxis].map(([axis, keys]) => ({ sheet: axisSheetName(axis), keys }));
  // A sheet of neither kind may be an expected one renamed: what keys does it hold, or whose table? An extract is sent
  // without the records: a sheet there under one of their names is a person's doing, maybe an axis sheet renamed.
  const toolSheets = new Set<string>(isExtract ? expectedSheets : [...expectedSheets, ...Object.values(sheetNames)]);
  const listed: readonly ListedSheet[] = grids.sheets;
  // A sheet left unread (a consolidation reads some sheets only) is known by its name alone, « Parametres » say.
  const unexpectedSheets = listed
    .filter((grid) => !toolSheets.has(grid.name))
    .map((grid) =>
      isSkipped(grid)
        ? { sheet: grid.name, keys: [] }
        : {
            sheet: grid.name,
            keys: rowKeysOfSheet(grid),
            ...(holdsAoTable(grid) ? { tableOf: sheetNames.ao } : {}),
          },
    );
  const currentQuarter: CurrentQuarterCell | null = settings
    ? {
        raw: settings.currentQuarterText,
        meant: settings.currentQuarterMeant,
        sheet: sheetNames.settings,
        cell: settingsValueCell('currentQuarter'),
        ...(settings.currentQuarterFormula === null ? {} : { uncalculatedFormula: settings.currentQuarterFormula }),
      }
    : null;
  const sentChanged = extract ? sentCellsChanged(extract, reading.axisSheets) : [];
  const issuesCounting = (notCounted?: ReadonlySet<string>) => [
    ...withRenamedColumns(reading.issues.filter((issue) => !QUARTER_ISSUES_OF_SETTINGS_READER.has(issue.code))),
    ...withKeyListChanged(
      withClosingJournalled(
        validateTracking({
          sheetNames: reading.sheetOrder,
          expectedSheets,
          expectedKeys,
          unexpectedSheets,
          axisSheets: reading.axisSheets,
          storedKeys,
          period: reading.period,
          currentQuarter,
          today,
          ao: reading.ao,
          ...(notCounted ? { notCounted } : {}),
        }),
        closingJournalled,
        closingJournalled !== null && generatedInOlderFormat(grids, reading),
      ),
      reading.meta.clearedKeys ?? [],
      reading.issues.some((issue) => issue.code === 'ctg-fingerprint-mismatch'),
    ),
    ...personalDataInRecords(grids),
    // An extract is never rewritten: the merge names the cells its partner merged, as it reads them.
    ...(extract ? sentChanged : mergedCellsOfAxisSheets(grids, reading)),
    ...(extract && isWhole(grids)
      ? keysRepeatedAsMergeRefuses(
          grids,
          reading.quarters,
          new Set(reading.axisSheets.map((axis) => axis.sheet)),
          sentChanged,
        )
      : []),
  ];
  const said = withoutGreyCellsOfKeysTypedOver(issuesCounting());
  if (!extract) return report(true, said, reading.sheetOrder);
  const treated = asMergeTreats(said, extract, grids);
  // A value the merge refuses (an error at its cell) does not fill it: the completeness is counted again without them.
  const refused = new Set(
    treated.flatMap(({ severity, sheet, cell }) =>
      severity === 'error' && sheet !== null && cell !== null ? [cellKey(sheet, cell)] : [],
    ),
  );
  if (refused.size === 0) return report(true, treated, reading.sheetOrder);
  const recounted = withoutGreyCellsOfKeysTypedOver(issuesCounting(refused));
  return report(true, asMergeTreats(recounted, extract, grids), reading.sheetOrder);
}

/**
 * The cells merged in the axis sheets' tables (merged-ranges.ts), where the read gave the sheets' merged ranges (a
 * whole read; not the consolidation's, which reads the cells only).
 */
function mergedCellsOfAxisSheets(grids: AnyWorkbookGrids, reading: TrackingWorkbookReading): Issue[] {
  const axisSheets = new Set(reading.axisSheets.map((axis) => axis.sheet));
  return grids.sheets.flatMap((grid) =>
    !isSkipped(grid) && axisSheets.has(grid.name) ? mergedRangeIssues(grid, reading.quarters) : [],
  );
}

/**
 * A key cleared in `_ctg`'s key list and not found in the axis sheets (cleared-keys.ts), or a list changed otherwise
 * by hand (a row deleted, rows emptied: its fingerprint no longer matches): a row of the axis sheets whose key the
 * list does not know may be one the list lost. It is not said to be deleted, which would lose its values, but to be
 * kept until the list is mended (`keyListCleared`: the cells cleared; `keyList: 'changed'`: the list changed
 * otherwise). Nor is its key said to be changed (`key-changed`, from the key at its place in the list): that place is
 * no longer known, and typing that key there would give the row another's; it is said unknown so. Nor are two keys
 * said swapped (`swappedWith`): both are in the list, and their places there no longer tell anything.
 */
function withKeyListChanged(issues: Issue[], cleared: readonly ClearedKeyRow[], listChanged: boolean): Issue[] {
  if (cleared.length === 0 && !listChanged) return issues;
  const keyListCleared = cleared.map((entry) => `${sheetNames.meta}!${cellAddress(entry.row, KEY_COLUMNS.key)}`);
  const params: Issue['params'] = cleared.length > 0 ? { keyListCleared } : { keyList: 'changed' };
  const placesUntold = issues.filter((issue) => issue.code !== 'key-changed' || issue.params.swappedWith === undefined);
  return placesUntold.map((issue) => {
    if (issue.code === 'unknown-key') return { ...issue, params: { ...issue.params, ...params } };
    if (issue.code === 'key-changed')
      return { ...issue, code: 'unknown-key', params: { key: issue.params.found, ...params } };
    return issue;
  });
}
