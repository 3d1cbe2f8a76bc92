import { assessAoTable } from '../../domain/ao-requirements';
import type { Bilan, BilanKind } from '../../domain/bilan/bilan';
import { bilanOf } from '../../domain/bilan/bilan-of';
import {
  bilanPeriod,
  notClosedParams,
  periodNotOver,
  saysNotClosed,
  withStatesFrom,
} from '../../domain/bilan/bilan-period';
import { aoRequirementsRows } from '../../domain/consolidation/territory';
import type { AnyWorkbookGrids } from '../../domain/grid';
import { createIssue, type Issue } from '../../domain/issues';
import { parseQuarterLabel, quarterLabel, quartersOfPeriod } from '../../domain/periods';
import { readExtractMeta } from '../../layout/sheets/ctg-meta/extract-meta';
import { isClosedValue } from '../../layout/sheets/history/history-sheet';
import { settingsValueCell } from '../../layout/sheets/settings/settings-layout';
import { sheetNames } from '../../layout/texts';
import { closingsJournalled } from '../history-expected';
import type { SheetSelection } from '../port';
import { readTrackingWorkbook } from '../read-tracking-workbook';
import { renamedSheetSearch } from '../renamed-sheet-search';
import { bilanSheets } from '../sheet-selections';
import { validateReading } from '../validate';
import { planOfReading } from '../workbook-state';
import {
  closedStatesOf,
  duplicateClosedRows,
  misnamedClosedRows,
  unknownQuarterRows,
  unplacedClosedRows,
  unreadableClosedValues,
} from './closed-states';

/**
 * A bilan of a tracking workbook (docs/WORKBOOK.md, « Bilans »), from grids holding at least `bilanSheets`: the
 * workbook is validated first, as `compute` does, and its errors refuse the bilan. The bilan is a value; the layout
 * (src/layout/bilan) writes it.
 */

export interface BilanOptions {
  kind: BilanKind;
  /** An annual bilan's year; absent: the current quarter's. */
  year?: number;
  /** The petite-enfance part only, for the CDSF. */
  cdsf: boolean;
  /**
   * Today, for validation's « current quarter lags behind » warning, and for the period's state: a period whose last
   * quarter has not ended yet is not over, however far the current quarter has moved.
   */
  today: Date;
  /**
   * Reads the workbook again, the sheets selected only; null when it cannot. Called only when an axis sheet or
   * `Compétences AO` is missing, to look into the sheets the first read (`bilanSheets`) skipped for it renamed, so
   * that the refusal says which sheet to give its name back to, as `validate` says (`renamedSheetSearch`).
   */
  reread?: (sheets: SheetSelection) => Promise<AnyWorkbookGrids | null>;
}

/**
 * Why no bilan: `unreadable`, not a tracking workbook one can measure (a partner's extract, a missing sheet);
 * `refused`, its errors to correct first, as `compute` refuses; `usage`, a year that does not fit the kind asked.
 */
export type BilanRefusal = 'unreadable' | 'refused' | 'usage';

export type BilanOutcome =
  { ok: true; bilan: Bilan; warnings: Issue[] } | { ok: false; refusal: BilanRefusal; issues: Issue[] };

const errorsOf = (issues: readonly Issue[]) => issues.filter((issue) => issue.severity === 'error');

export async function buildBilan(grids: AnyWorkbookGrids, options: BilanOptions): Promise<BilanOutcome> {
  // A partner's extract holds some fiches only: its bilan would not be the territory's.
  const extract = readExtractMeta(grids);
  if (extract)
    return {
      ok: false,
      refusal: 'unreadable',
      issues: [createIssue('workbook-is-extract', { sheet: null, cell: null }, { partner: extract.partner })],
    };
  const reading = await readTrackingWorkbook(grids);
  const report = validateReading(grids, reading, { today: options.today });
  const { reread, ...once } = options;
  const search = reread ? renamedSheetSearch(report.issues, grids, bilanSheets) : null;
  const wider = reread && search ? await reread(search) : null;
  // Once: the second read has every sheet that could be the missing one.
  if (wider) return buildBilan(wider, once);
  if (!report.readable || !reading.ok) return { ok: false, refusal: 'unreadable', issues: report.issues };
  const history = reading.readings.history;
  const errors = errorsOf([...report.issues, ...history.issues]);
  if (errors.length > 0) return { ok: false, refusal: 'refused', issues: errors };
  const settings = reading.settings;
  const current = settings?.currentQuarter ?? null;
  // Validation reports a missing Paramètres or an unreadable current quarter as errors: this is a safety net.
  if (!settings || !current) return { ok: false, refusal: 'unreadable', issues: report.issues };
  const plan = planOfReading(reading, settings, grids);
  if (!plan.ok) return { ok: false, refusal: 'unreadable', issues: [plan.issue] };

  const asked = bilanPeriod(options.kind, options.year ?? null, reading.period, current, options.today);
  if (!asked.ok) return { ok: false, refusal: 'usage', issues: [asked.issue] };
  const warnings: Issue[] = [];
  let period = asked.period;
  const quarterCell = { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter') };
  const notOver = periodNotOver(period, quarterLabel(current));
  const closedRows = history.entries.filter((entry) => entry.quarter === period.last);
  const historyWhere = { sheet: sheetNames.history, cell: null };
  if (notOver) {
    warnings.push(createIssue(notOver.code, quarterCell, notOver.params));
  } else if (closedRows.length === 0) {
    // Closed all the same when the Journal says so: Historique lost its rows (or the sheet, a blank one put back).
    const closingJournalled = closingsJournalled(grids, reading).includes(period.last);
    period = withStatesFrom(period, 'sheets', { closingJournalled });
    if (saysNotClosed(period, quarterLabel(current)))
      warnings.push(createIssue('bilan-quarter-not-closed', historyWhere, notClosedParams(period)));
  } else if (!closedRows.some(isClosedValue)) {
    // Closed with nothing entered: Historique holds only the row saying so.
    warnings.push(createIssue('bilan-quarter-closed-empty', historyWhere, { quarter: period.last }));
    period = withStatesFrom(period, 'empty-closing');
  }
  if (period.statesFrom === 'history')
    warnings.push(
      ...unplacedClosedRows(history, period.last),
      ...unreadableClosedValues(history, period.last),
      ...duplicateClosedRows(history, period.last),
    );
  if (!notOver)
    warnings.push(
      ...misnamedClosedRows(history, period.last, new Set(reading.storedKeys.map(({ key }) => key))),
      ...unknownQuarterRows(history, quartersOfPeriod(reading.period).map(quarterLabel)),
    );

  const titles = new Map(plan.plan.axes.map((axis) => [axis.number, axis.title]));
  const ao = reading.ao?.table ?? null;
  const bilan = bilanOf({
    period,
    convention: reading.period,
    cdsf: options.cdsf,
    territory: settings.territory || reading.meta.territory,
    epci: settings.epci,
    caf: settings.caf,
    currentQuarter: current,
    axes: reading.axisSheets.map((sheet) => ({
      number: sheet.axis,
      title: titles.get(sheet.axis) ?? sheet.sheet,
      rows: sheet.rows,
    })),
    closedStates: closedStatesOf(history.entries, period.last),
    ao: ao ? aoRequirementsRows(assessAoTable(ao, parseQuarterLabel(period.measuredTo)!)) : [],
  });
  if (options.cdsf && bilan.fiches.length === 0)
    warnings.push(createIssue('bilan-cdsf-empty', { sheet: null, cell: null }));
  return { ok: true, bilan, warnings };
}
