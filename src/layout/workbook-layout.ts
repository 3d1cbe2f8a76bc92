import { isoTimestamp } from '../domain/excel-dates';
import { initialCurrentQuarter, quartersOfPeriod, type Quarter } from '../domain/periods';
import { keyListFingerprint, planKeyList } from '../domain/plan-keys';
import type { Plan } from '../domain/plan';
import type { AoTable } from '../domain/ao-requirements';
import type { KeyEntry } from '../domain/plan-keys';
import { buildArchiveSheet, type ArchiveEntry } from './archive-sheet';
import { aoSheetOf } from './ao-sheet';
import { buildAnnexe4Sheet } from './annexe4-sheet';
import { buildAxisSheet } from './axis-sheet';
import { addAxisRates } from './axis-rates';
import { buildCtgMetaSheet } from './ctg-meta-sheet';
import type { EnteredValues } from './entered-values';
import { buildGuideSheet } from './guide-sheet';
import { buildHistorySheet, type HistoryEntry } from './history-sheet';
import type { JournalEntry } from './journal-columns';
import { buildJournalSheet } from './journal-sheet';
import { buildSettingsSheet, settingsDefinedNames, type SettingsInputs } from './settings-sheet';
import { workbookProperties } from './texts';
import { formatUpdated, workbookGenerated } from '../domain/journal';
import { workbookFigures, type WorkbookFigures } from './workbook-figures';
import type { SheetSpec, WorkbookSpec } from './workbook-spec';

export interface NewWorkbookOptions {
  /** The moment of generation: sets the current quarter (clamped to the convention) and the dates in `_ctg`. */
  today: Date;
}

export interface NewWorkbookLayout {
  spec: WorkbookSpec;
  currentQuarter: Quarter;
  fingerprint: string;
}

/**
 * Everything of a tracking workbook that is not the plan: what people entered and what the tools recorded. A new
 * workbook has none of it but its first Journal line; a rewritten one (compute, close-quarter, regenerate) carries
 * all of it over, because the writers write whole workbooks.
 */
export interface WorkbookContents {
  currentQuarter: Quarter;
  /** The moment of this write: `_ctg`'s last write date. */
  now: Date;
  /** `_ctg`'s generation date as stored; absent for a new workbook (then `now`). */
  generatedAt?: string;
  /** Entered values of the axis sheets, by row key (rows absent here get the generated defaults). */
  entered?: EnteredValues;
  settingsInputs?: SettingsInputs;
  /** Every Journal line, old ones first. */
  journal: readonly JournalEntry[];
  /** `Historique` is written when it has entries or existed already. */
  history?: { entries: readonly HistoryEntry[]; keepSheet: boolean };
  /** `Archives` likewise. */
  archives?: { entries: readonly ArchiveEntry[]; keepSheet: boolean };
  retiredKeys?: readonly KeyEntry[];
  extract?: { partner: string; masterFingerprint: string };
  /** `Compétences AO` as entered (see `readAoSheet`); absent: the table of the plan. */
  ao?: AoTable;
  /** Sheets the tools do not build (added by a person), copied in before `_ctg`. */
  extraSheets?: readonly SheetSpec[];
}

export interface WorkbookLayout {
  spec: WorkbookSpec;
  fingerprint: string;
  /** The figures whose values the formulas' cached results are. */
  figures: WorkbookFigures;
}

/**
 * The whole tracking workbook of a plan with its contents: Guide, Paramètres, one sheet per axis (with its live
 * rates), Annexe 4 – Suivi, Compétences AO, Journal,
 * Historique and Archives when needed, sheets a person added, and the hidden `_ctg`, in that order (docs/WORKBOOK.md, « Sheets »).
 */
export async function buildWorkbook(plan: Plan, contents: WorkbookContents): Promise<WorkbookLayout> {
  const quarters = quartersOfPeriod(plan.period);
  const keys = planKeyList(plan);
  const fingerprint = await keyListFingerprint(keys);
  const figures = workbookFigures(plan, contents);
  const optional = (part: { entries: readonly unknown[]; keepSheet: boolean } | undefined) =>
    part !== undefined && (part.keepSheet || part.entries.length > 0);
  const spec: WorkbookSpec = {
    sheets: [
      buildGuideSheet(),
      buildSettingsSheet(plan, contents.currentQuarter, contents.settingsInputs),
      ...plan.axes.map((axis, index) =>
        addAxisRates(
          buildAxisSheet(axis, quarters, contents.entered),
          axis,
          quarters,
          figures.window,
          figures.axes[index],
        ),
      ),
      buildAnnexe4Sheet(plan, { quarters, figures, entered: contents.entered }),
      aoSheetOf(figures.ao),
      buildJournalSheet(contents.journal),
      ...(optional(contents.history) ? [buildHistorySheet(contents.history!.entries)] : []),
      ...(optional(contents.archives) ? [buildArchiveSheet(contents.archives!.entries)] : []),
      ...(contents.extraSheets ?? []),
      buildCtgMetaSheet({
        plan,
        keys,
        fingerprint,
        now: contents.now,
        generatedAt: contents.generatedAt,
        retiredKeys: contents.retiredKeys,
        extract: contents.extract,
      }),
    ],
    definedNames: settingsDefinedNames(plan),
    properties: { title: workbookProperties.title(plan.territory), creator: workbookProperties.creator },
  };
  return { spec, fingerprint, figures };
}

/** The first Journal line of a new workbook. */
export function generationJournalEntry(today: Date): JournalEntry {
  return workbookGenerated(isoTimestamp(today));
}

/**
 * The one Journal line of the first rewrite of a workbook written in an older format (`from`), shared by every
 * migration step: what changed in `_ctg` and the sheets is the format's, not a person's.
 */
export function formatUpdateJournalEntry(from: number, to: number, now: Date): JournalEntry {
  return formatUpdated(isoTimestamp(now), from, to);
}

/** The tracking workbook of a plan as first generated (nothing entered yet). */
export async function buildNewWorkbook(plan: Plan, { today }: NewWorkbookOptions): Promise<NewWorkbookLayout> {
  const currentQuarter = initialCurrentQuarter(plan.period, today);
  const { spec, fingerprint } = await buildWorkbook(plan, {
    currentQuarter,
    now: today,
    journal: [generationJournalEntry(today)],
  });
  return { spec, currentQuarter, fingerprint };
}
