import { workbookFigures, type FigureInputs, type WorkbookFigures } from '../layout/workbook-figures';
import { buildWorkbook, type WorkbookLayout } from '../layout/workbook-layout';
import { trackingSheets } from '../layout/sheets/tracking-registry';
import type { TrackingSheetRegistry } from '../layout/tracking-build';
import type { WorkbookState } from './workbook-state';
import { parseQuarterLabel } from '../domain/periods';
import type { CtgMeta } from '../layout/sheets/ctg-meta/ctg-meta-read';
import type { ExtractMetaInput } from '../layout/sheets/ctg-meta/ctg-meta-sheet';

/** What `_ctg` said of an extract, written back as it was (nothing for a master). */
function extractOfMeta(meta: CtgMeta): ExtractMetaInput | undefined {
  if (!meta.extractPartner) return undefined;
  const upTo = parseQuarterLabel(meta.extractUpTo);
  return {
    partner: meta.extractPartner,
    masterFingerprint: meta.masterFingerprint,
    ...(upTo ? { upTo } : {}),
    sent: meta.sentValues,
  };
}

/** What the figures read of a state: the same values `layoutOfState` hands to the layout. */
function figureInputsOf(state: WorkbookState): FigureInputs {
  return { currentQuarter: state.currentQuarter, entered: state.entered, ...(state.ao ? { ao: state.ao } : {}) };
}

/** The figures of a state without building the workbook (the same as `layoutOfState(…).figures`). */
export function figuresOfState(state: WorkbookState): WorkbookFigures {
  return workbookFigures(state.plan, figureInputsOf(state));
}

/**
 * The layout of a workbook state: every sheet the tools build (or the sheets of `registry`'s modules only), with
 * the state's values in place.
 */
export function layoutOfState(
  state: WorkbookState,
  now: Date,
  registry: TrackingSheetRegistry = trackingSheets,
): Promise<WorkbookLayout> {
  return buildWorkbook(
    state.plan,
    {
      ...figureInputsOf(state),
      now,
      generatedAt: state.meta.generatedAt,
      settingsInputs: state.settingsInputs,
      journal: state.journal,
      history: state.history,
      archives: state.archives,
      contributions: state.contributions,
      retiredKeys: state.retiredKeys,
      extract: extractOfMeta(state.meta),
    },
    registry,
  );
}
