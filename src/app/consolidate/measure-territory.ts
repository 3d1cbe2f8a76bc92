import { assessAoTable } from '../../domain/ao-requirements';
import { axisDigest } from '../../domain/consolidation/axis-digest';
import { countsOf, sumCounts, type ConsolidationCounts } from '../../domain/consolidation/counts';
import type { MeasureOutcome } from '../../domain/consolidation/consolidate';
import { cellVocabularies, namesCellText, namesOfFiches } from '../../domain/consolidation/convention-vocabulary';
import { validationErrorKinds, type ValidationErrorCode } from '../../domain/consolidation/file-errors';
import {
  aoRequirementsRows,
  readableDate,
  type GroupCounts,
  type MissingColumn,
  type QuarterLag,
  type RejectedFile,
  type TerritoryIdentity,
  type TerritoryMeasure,
} from '../../domain/consolidation/territory';
import type { FileOrigin } from '../../domain/consolidation/file-order';
import { sirenOf as validSiren } from '../../domain/consolidation/territory-copies';
import type { AnyWorkbookGrids } from '../../domain/grid';
import { createIssue, renderIssueMessageFor, type Issue } from '../../domain/issues';
import type { MessageSurface } from '../../domain/messages';
import { otherStructureErrors, territoryCorrects } from '../../domain/messages/consolidation';
import { nameKey } from '../../domain/name-key';
import { isDayAfterToday } from '../../domain/tracking-values';
import {
  endedQuartersAfter,
  hasBegun,
  initialCurrentQuarter,
  quarterIndex,
  quarterLabel,
  quarterOfDate,
  type Quarter,
} from '../../domain/periods';
import { begunWindow, rateFichesOf, rateWindow, type RateWindow } from '../../domain/rates';
import type { FicheRow, TrackingRow } from '../../domain/tracking';
import { vocabularySuggestions } from '../../plan-text/vocabulary-check';
import { toolOutputKind } from '../tool-output-kind';
import { checkedExtractOf } from '../checked-extract';
import { lostCriterionTitles } from '../lost-criterion-titles';
import { sheetNames } from '../../layout/texts';
import { consolidationReadsColumn } from '../../layout/sheets/axis/axis-columns';
import { ctgMetaValueCell } from '../../layout/sheets/ctg-meta/ctg-meta-layout';
import { settingsValueCell } from '../../layout/sheets/settings/settings-layout';
import type { SheetSelection } from '../port';
import { readTrackingWorkbook, type TrackingWorkbookReading } from '../read-tracking-workbook';
import { renamedSheetSearch } from '../renamed-sheet-search';
import { consolidationSheets } from '../sheet-selections';
import { validateReading } from '../validate';

/**
 * One territory's workbook → what the consolidation keeps of it (docs/WORKBOOK.md, « Consolidation »), from the
 * sheets the figures need and the Journal when Historique is missing (`consolidationSheets`). A workbook that cannot be read as a tracking workbook, an extract, or one
 * whose structure is broken (`validationErrorKinds`) is left out with the first such problem as its reason (and how
 * many more it has); data errors are counted and the file kept, its wrong cells counting as empty as in its own
 * figures.
 */

export interface MeasureOptions {
  /** The quarter to measure every file at (`--quarter`); absent: each file's own current quarter. */
  quarter?: Quarter;
  /** Today: the quarters begun by then are the ones counted, and validation judges Q against it. */
  today: Date;
  /** How the file was given (found in a folder, given by name, picked), for the advice of its reason. */
  origin?: FileOrigin;
  /**
   * Reads the workbook again, the sheets selected only (`consolidationRead`'s options otherwise); null when it cannot.
   * Called only when an axis sheet is missing, to look into the sheets the first read skipped for it renamed
   * (`renamedSheetSearch`).
   */
  reread?: (sheets: SheetSelection) => Promise<AnyWorkbookGrids | null>;
  /** Who reads why a file is left out (`renderMessage`); the command line when absent. */
  surface?: MessageSurface;
}

/**
 * Why a file is left out, as the Caf reads it: the problem's message, for the Caf (`consolidator`: no undo of a change
 * it did not make, in a file it has closed), which names its sheet; then the cell where a person can look, in a
 * sentence of its own, unless the message says it, never a cell of the hidden sheet `_ctg`, which no one sees; then
 * that the territory is to correct it (`territoryCorrects`).
 */
export function rejectionReason(issue: Issue, surface: MessageSurface = 'command-line'): string {
  const message = renderIssueMessageFor(surface, issue, 'consolidator');
  const correction = territoryCorrects(issue.code);
  // Most messages of a cell begin with it (« Axe 1, cellule A6 : »): said once.
  if (!issue.sheet || !issue.cell || issue.sheet === sheetNames.meta || new RegExp(`\\b${issue.cell}\\b`).test(message))
    return message + correction;
  return `${message} Cellule ${issue.cell} de la feuille «\u00a0${issue.sheet}\u00a0».${correction}`;
}

/** Named when its Paramètres (or `_ctg`) could be read: the Caf knows whom to ask. */
const named = (rejected: RejectedFile, territory: string): RejectedFile =>
  territory === '' ? rejected : { ...rejected, territory };

function rejection(
  file: string,
  issue: Issue,
  surface: MessageSurface | undefined,
  identity?: TerritoryIdentity,
  otherErrors = 0,
): MeasureOutcome {
  const reason = rejectionReason(issue, surface) + otherStructureErrors(otherErrors, surface ?? 'command-line', file);
  const rejected: RejectedFile = { file, code: issue.code, reason };
  if (!identity) return { ok: false, rejected };
  return { ok: false, rejected: named(rejected, identity.territory), identity };
}

/**
 * An issue of `Compétences AO` (the sheet missing, renamed, its header lost): the rates never read that sheet, so it
 * leaves out the territory's AO table only (`aoUnread`), never its figures.
 */
const isAoSheetIssue = (issue: Issue) => issue.sheet === sheetNames.ao;

/**
 * The Journal or Historique missing (Historique is expected once the Journal records a closing): no figure reads them,
 * so they refuse the workbook's rewrites (and Historique its bilans), never its place here.
 */
const isRecordSheetIssue = (issue: Issue) => issue.sheet === sheetNames.journal || issue.sheet === sheetNames.history;

/** A column of one of `reading`'s axis sheets missing (deleted, or its header retyped). */
function axisColumnMissing(reading: TrackingWorkbookReading): (issue: Issue) => boolean {
  const axisSheets = new Set(reading.axisSheets.map((sheet) => sheet.sheet));
  return (issue) => issue.code === 'missing-column' && issue.sheet !== null && axisSheets.has(issue.sheet);
}

/**
 * An axis sheet's column missing that no consolidated figure reads (`consolidationReadsColumn`): the territory is
 * counted, and asked to put it back (`missingColumns`).
 */
function unreadColumnMissing(reading: TrackingWorkbookReading): (issue: Issue) => boolean {
  const isAxisColumnMissing = axisColumnMissing(reading);
  return (issue) => isAxisColumnMissing(issue) && !consolidationReadsColumn(String(issue.params.header));
}

/**
 * The reason a file is left out for, an axis sheet's column missing that a figure reads (`figuresRead`): its message
 * then says so, the file being left out for it rather than counted without it.
 */
function toldLeftOut(issue: Issue, reading: TrackingWorkbookReading): Issue {
  return axisColumnMissing(reading)(issue) ? { ...issue, params: { ...issue.params, figuresRead: 1 } } : issue;
}

const isStructural = (issue: Issue) =>
  issue.severity === 'error' &&
  !isAoSheetIssue(issue) &&
  !isRecordSheetIssue(issue) &&
  issue.code in validationErrorKinds &&
  validationErrorKinds[issue.code as ValidationErrorCode] === 'structure';

/**
 * The counts of each champ (or public), keyed by the vocabulary's name, in the plan's order of first use: the sum of
 * its fiches' counts (counts add; each fiche is counted once, however many champs it names). A fiche's names are
 * its cell's, as the plan reader splits them (`cellNames`). A name outside the vocabulary keeps its first fiche's cell
 * and the names it may stand for: the Caf tells the territory where to correct it, and how.
 */
function groupCounts(fiches: readonly MeasuredFiche[], field: 'fields' | 'publics'): GroupCounts[] {
  const { vocabulary, kind } = cellVocabularies[field];
  return namesOfFiches(vocabulary, fiches, (fiche) => namesCellText(fiche.row, field)).map(
    ({ name, matched, fiches: named }) => {
      const counts = sumCounts(named.map((fiche) => fiche.counts));
      if (matched) return { name, matched, counts };
      const first = named[0].row;
      const cell = first.cells[field]?.address ?? '';
      return {
        name,
        matched,
        counts,
        unmatched: { sheet: first.sheet, cell, suggestions: vocabularySuggestions(name, kind) },
      };
    },
  );
}

/**
 * The latest « Dernière mise à jour » of the fiches, `AAAA-MM-JJ`; a date after `today` is a typo (validation warns
 * of it, `update-date-in-future`) and would make its copy of the territory the newest: it does not count.
 */
function latestUpdateOf(reading: TrackingWorkbookReading, today: Date): string | null {
  let latest: string | null = null;
  for (const sheet of reading.axisSheets) {
    for (const row of sheet.rows) {
      if (row.type !== 'fiche' || row.updatedOn === null || isDayAfterToday(row.updatedOn, today)) continue;
      if (latest === null || row.updatedOn > latest) latest = row.updatedOn;
    }
  }
  return latest;
}

/** A consolidation left among the territories' files (a previous run's): told by its sheets, without `_ctg`. */
export function isConsolidationWorkbook(grids: AnyWorkbookGrids): boolean {
  return toolOutputKind(grids) === 'consolidation';
}

function outsideOf(quarter: Quarter, quarters: readonly Quarter[]): 'before' | 'after' | null {
  if (quarterIndex(quarter) < quarterIndex(quarters[0])) return 'before';
  if (quarterIndex(quarter) > quarterIndex(quarters[quarters.length - 1])) return 'after';
  return null;
}

const tidyName = (name: string) => name.replace(/\s+/g, ' ').trim();

/**
 * A SIREN typed with spaces as its nine digits; anything else as typed (trimmed), so that the Caf finds in the
 * territory's Paramètres what the consolidation shows, rather than its characters run together.
 */
function sirenOf(text: string): string | null {
  const typed = text.trim();
  return typed === '' ? null : (validSiren({ siren: typed }) ?? typed);
}

/**
 * `_ctg`'s last write, unless it is after today: the tools write it from the machine's clock, and a clock ahead would
 * make its copy of the territory the newest (as a « Dernière mise à jour » typed in the future would).
 */
function lastWriteOf(reading: TrackingWorkbookReading, today: Date): string | null {
  const lastWrite = readableDate(reading.meta.lastWrittenAt);
  return lastWrite === null || isDayAfterToday(lastWrite.slice(0, 10), today) ? null : lastWrite;
}

/** When the file was last saved, unless after today (a clock ahead, as for `lastWriteOf`). */
function savedAtOf(grids: AnyWorkbookGrids, today: Date): string | null {
  const savedAt = grids.savedAt ?? null;
  return savedAt === null || isDayAfterToday(savedAt.slice(0, 10), today) ? null : savedAt;
}

/**
 * How far a territory's own Q is behind today's quarter (clamped to its convention, as validation's
 * `current-quarter-lagging` counts it), and whether its convention ended; null when neither. The quarter just ended
 * is no lag: its values are collected before it is closed (`endedQuartersAfter`, as the extracts judge it).
 */
function quarterLagOf(quarter: Quarter, reading: TrackingWorkbookReading, today: Date): QuarterLag | null {
  const todays = initialCurrentQuarter(reading.period, today);
  const last = reading.quarters[reading.quarters.length - 1];
  const ended = quarterIndex(quarterOfDate(today)) > quarterIndex(last) ? quarterLabel(last) : null;
  const lagging = endedQuartersAfter(quarter, reading.period, today).length > 0;
  const behind = lagging ? quarterIndex(todays) - quarterIndex(quarter) : 0;
  return behind === 0 && ended === null ? null : { behind, todays: quarterLabel(todays), ended };
}

/** The convention's first and last quarters, `AAAA-Tn`. */
function conventionQuartersOf(reading: TrackingWorkbookReading): TerritoryMeasure['conventionQuarters'] {
  return {
    first: quarterLabel(reading.quarters[0]),
    last: quarterLabel(reading.quarters[reading.quarters.length - 1]),
  };
}

/**
 * Whose copy a workbook read as a tracking workbook is: its territory, SIREN, dates and convention; no convention when
 * its dates in `_ctg`, the ones read, were changed by hand (`ctg-period-changed`): they may be anything.
 */
function identityOf(
  file: string,
  grids: AnyWorkbookGrids,
  reading: TrackingWorkbookReading,
  today: Date,
): TerritoryIdentity {
  return {
    file,
    // Spacing tidied: the name is shown in rows, duplicates' lines and the matrices' headers.
    territory: tidyName(reading.settings?.territory || reading.meta.territory),
    recordedTerritory: tidyName(reading.meta.territory),
    siren: sirenOf(reading.settings?.epciSiren ?? ''),
    conventionQuarters: reading.issues.some((issue) => issue.code === 'ctg-period-changed')
      ? null
      : conventionQuartersOf(reading),
    lastWrite: lastWriteOf(reading, today),
    latestUpdate: latestUpdateOf(reading, today),
    savedAt: savedAtOf(grids, today),
  };
}

/** A fiche row and its counts (of its criteria under it, as the sheet's rows give them). */
interface MeasuredFiche {
  row: FicheRow;
  counts: ConsolidationCounts;
}

/**
 * The fiches of an axis sheet's rows, each with its criteria: the rates read the rows as the sheet holds them, the
 * same values the workbook's own figures read (a row's cells by its field's kind).
 */
function fichesOfSheet(rows: readonly TrackingRow[], window: RateWindow): MeasuredFiche[] {
  const ficheRows = rows.filter((row): row is FicheRow => row.type === 'fiche');
  return rateFichesOf(rows).map((rates, index) => ({ row: ficheRows[index], counts: countsOf([rates], window) }));
}

export async function measureTerritory(
  file: string,
  grids: AnyWorkbookGrids,
  options: MeasureOptions,
): Promise<MeasureOutcome> {
  const reading = await readTrackingWorkbook(grids);
  if (!reading.ok) {
    const madeAs = toolOutputKind(grids);
    if (madeAs) {
      const issue = createIssue(
        madeAs === 'consolidation' ? 'consolidation-file-is-consolidation' : 'consolidation-file-is-bilan',
        { sheet: null, cell: null },
        options.origin ? { origin: options.origin.kind } : {},
      );
      return rejection(file, issue, options.surface);
    }
    const first = reading.issues.find((issue) => issue.severity === 'error') ?? reading.issues[0];
    const issue = first ?? createIssue('not-a-tracking-workbook', { sheet: null, cell: null });
    return rejection(file, issue, options.surface);
  }
  if (reading.meta.extractPartner.trim() !== '') {
    const territory = checkedExtractOf(grids)?.territory ?? '';
    const issue = createIssue(
      'consolidation-file-is-extract',
      { sheet: sheetNames.meta, cell: ctgMetaValueCell('extractPartner') },
      { partner: reading.meta.extractPartner, territory },
    );
    // No identity (an extract is no copy of its territory to weigh against its workbook), but named all the same.
    const rejected = { file, code: issue.code, reason: rejectionReason(issue, options.surface) };
    return { ok: false, rejected: named(rejected, tidyName(territory)) };
  }
  const report = validateReading(grids, reading, { today: options.today });
  const { reread } = options;
  const search = reread ? renamedSheetSearch(report.issues, grids, consolidationSheets) : null;
  const wider = reread && search ? await reread(search) : null;
  // Once: the second read has every sheet that could be the missing one.
  if (wider) return measureTerritory(file, wider, { ...options, reread: undefined });
  // The first structure error is the reason; how many more it has is said after it.
  const isUnreadColumnMissing = unreadColumnMissing(reading);
  const [structural, ...otherStructural] = report.issues.filter(
    (issue) => isStructural(issue) && !isUnreadColumnMissing(issue),
  );
  if (structural) {
    const identity = identityOf(file, grids, reading, options.today);
    return rejection(file, toldLeftOut(structural, reading), options.surface, identity, otherStructural.length);
  }
  const settings = reading.settings;
  const quarter = options.quarter ?? settings?.currentQuarter ?? null;
  if (!settings || !quarter) {
    const location = { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter') };
    return rejection(
      file,
      createIssue('consolidation-quarter-unknown', location, {
        value: settings?.currentQuarterText ?? '',
        formula: settings?.currentQuarterFormula ?? null,
        // The quarter validate suggests typing there (« saisissez 2026-T4 »), when it has one.
        meant: report.issues.find((issue) => issue.code === 'current-quarter-invalid')?.params.meant ?? '',
      }),
      options.surface,
      identityOf(file, grids, reading, options.today),
    );
  }
  // Nothing is expected of a quarter that has not begun (docs/WORKBOOK.md, « Consolidation »).
  const window = begunWindow(rateWindow(reading.period, quarter), options.today);
  const axes = reading.axisSheets.map((sheet) => ({
    axis: sheet.axis,
    fiches: fichesOfSheet(sheet.rows, window),
    digest: axisDigest(sheet.rows),
  }));
  const fiches = axes.flatMap((axis) => axis.fiches);
  const counts = sumCounts(fiches.map((fiche) => fiche.counts));
  const ao = reading.ao?.table ?? null;
  // No table read: the sheet's first error says why (missing, renamed, its header lost).
  const aoIssue = ao ? undefined : report.issues.find((issue) => issue.severity === 'error' && isAoSheetIssue(issue));
  const identity = identityOf(file, grids, reading, options.today);
  const { territory, recordedTerritory, siren, lastWrite, latestUpdate, savedAt } = identity;
  const fields = groupCounts(fiches, 'fields');
  const publics = groupCounts(fiches, 'publics');
  // Validate warns once of each name outside the vocabulary (names-outside-vocabulary.ts, from the same names): the
  // territory's count is the one validate gives, the names listed apart besides.
  const outsideNames = [...fields, ...publics].filter((group) => !group.matched).length;
  // And of each criterion row found without its Intitulé (lost-criterion-titles.ts), in an axis sheet read here too.
  const untitled = (await lostCriterionTitles(reading)).length;
  // Validate's warning, said to the Caf with the territory's correction: its figures by champ or public miss a sheet.
  const planColumnsEmptied = report.issues
    .filter((issue) => issue.code === 'plan-column-emptied')
    .map((issue) => ({
      sheet: issue.sheet ?? '',
      cell: issue.cell ?? '',
      field: issue.params.field === 'fields' ? ('fields' as const) : ('publics' as const),
      reason: rejectionReason(issue, options.surface),
    }));
  const missingColumns: MissingColumn[] = report.issues.filter(isUnreadColumnMissing).map((issue) => ({
    sheet: issue.sheet!,
    column: String(issue.params.header),
    reason: rejectionReason(issue, options.surface),
  }));
  return {
    ok: true,
    measure: {
      file,
      territory,
      recordedTerritory,
      epci: settings.epci,
      siren,
      quarter: quarterLabel(quarter),
      quarterOutside: outsideOf(quarter, reading.quarters),
      quarterNotBegun: !hasBegun(quarter, options.today),
      quarterLag: options.quarter ? null : quarterLagOf(quarter, reading, options.today),
      conventionQuarters: conventionQuartersOf(reading),
      lastWrite,
      latestUpdate,
      savedAt,
      errors: report.errors,
      warnings: report.warnings + outsideNames + untitled,
      counts,
      axes: axes.map(({ axis, fiches: ofAxis, digest }) => ({
        axis,
        counts: sumCounts(ofAxis.map((fiche) => fiche.counts)),
        digest,
      })),
      planFiches: fiches.map((fiche) => nameKey(fiche.row.title)).filter((title) => title !== ''),
      fields,
      publics,
      ao: ao ? aoRequirementsRows(assessAoTable(ao, quarter)) : [],
      aoUnread: aoIssue ? { code: aoIssue.code, reason: rejectionReason(aoIssue, options.surface) } : null,
      ...(planColumnsEmptied.length > 0 ? { planColumnsEmptied } : {}),
      ...(missingColumns.length > 0 ? { missingColumns } : {}),
    },
  };
}

export type { MeasureOutcome, RejectedFile };
