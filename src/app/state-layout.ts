import { buildWorkbook, type WorkbookLayout } from '../layout/workbook-layout';
import type { WorkbookState } from './workbook-state';

/** The layout of a workbook state: every sheet the tools build, with the state's values in place. */
export function layoutOfState(state: WorkbookState, now: Date): Promise<WorkbookLayout> {
  return buildWorkbook(state.plan, {
    currentQuarter: state.currentQuarter,
    now,
    generatedAt: state.meta.generatedAt,
    entered: state.entered,
    settingsInputs: state.settingsInputs,
    journal: state.journal,
    history: state.history,
    archives: state.archives,
    retiredKeys: state.retiredKeys,
    ...(state.ao ? { ao: state.ao } : {}),
    extract: state.meta.extractPartner
      ? { partner: state.meta.extractPartner, masterFingerprint: state.meta.masterFingerprint }
      : undefined,
  });
}
