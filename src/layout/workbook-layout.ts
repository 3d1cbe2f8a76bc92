import { isoTimestamp } from '../domain/excel-dates';
import { initialCurrentQuarter, quartersOfPeriod, type Quarter } from '../domain/periods';
import { keyListFingerprint, planKeyList } from '../domain/plan-keys';
import type { Plan } from '../domain/plan';
import type { JournalEntry } from './sheets/journal/journal-columns';
import { buildSheets } from './sheet-registry';
import { trackingSheets } from './sheets/tracking-registry';
import { extractSheets } from './sheets/extract-registry';
import { workbookProperties } from './texts';
import type { TrackingSheetRegistry, WorkbookContents } from './tracking-build';
import { formatUpdated, workbookGenerated } from '../domain/journal';
import { workbookFigures, type WorkbookFigures } from './workbook-figures';
import type { WorkbookSpec } from './workbook-spec';

export interface NewWorkbookOptions {
  /** The moment of generation: sets the current quarter (clamped to the convention) and the dates in `_ctg`. */
  today: Date;
}

export interface NewWorkbookLayout {
  spec: WorkbookSpec;
  currentQuarter: Quarter;
  fingerprint: string;
}

export interface WorkbookLayout {
  spec: WorkbookSpec;
  fingerprint: string;
  /** The figures whose values the formulas' cached results are. */
  figures: WorkbookFigures;
}

/**
 * The whole tracking workbook of a plan with its contents: the sheets of `registry` in its order — for a tracking
 * workbook Guide, Paramètres, one sheet per axis (with its live rates), Annexe 4 – Suivi, Compétences AO, Journal,
 * Historique, Archives and Contributions when needed, sheets a person added, and the hidden `_ctg` (docs/WORKBOOK.md, « Sheets »).
 */
export async function buildWorkbook(
  plan: Plan,
  contents: WorkbookContents,
  registry: TrackingSheetRegistry = trackingSheets,
): Promise<WorkbookLayout> {
  const quarters = quartersOfPeriod(plan.period);
  const keys = planKeyList(plan);
  const fingerprint = await keyListFingerprint(keys);
  const figures = workbookFigures(plan, contents);
  const { sheets, definedNames } = buildSheets(registry, { plan, contents, quarters, keys, fingerprint, figures });
  const spec: WorkbookSpec = {
    sheets,
    definedNames,
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
    // Historique from the start, empty: the first closing then appends to it and the file is patched, not rewritten.
    history: { entries: [], keepSheet: true },
    // Contributions likewise: the first merge appends to it.
    contributions: { entries: [], keepSheet: true },
  });
  return { spec, currentQuarter, fingerprint };
}

/**
 * A partner's extract (docs/WORKBOOK.md, « Extracts »): `plan` holds only the recipient's fiches (each with all its
 * criteria) and `contents.extract` says for whom, of which master and up to which quarter (also Q).
 */
export function buildExtractWorkbook(plan: Plan, contents: WorkbookContents): Promise<WorkbookLayout> {
  return buildWorkbook(plan, contents, extractSheets);
}
