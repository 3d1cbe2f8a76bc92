import { isoTimestamp } from '../domain/excel-dates';
import { initialCurrentQuarter, quartersOfPeriod, type Quarter } from '../domain/periods';
import { keyListFingerprint, planKeyList } from '../domain/plan-keys';
import type { Plan } from '../domain/plan';
import { buildAxisSheet } from './axis-sheet';
import { buildCtgMetaSheet } from './ctg-meta-sheet';
import { buildGuideSheet } from './guide-sheet';
import { buildJournalSheet } from './journal-sheet';
import { buildSettingsSheet, settingsDefinedNames } from './settings-sheet';
import { journalTexts, workbookProperties } from './texts';
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

/**
 * The whole tracking workbook of a plan as first generated: Guide, Paramètres, one sheet per axis, Journal and the
 * hidden `_ctg`, in that order (WORKBOOK.md).
 */
export async function buildNewWorkbook(plan: Plan, { today }: NewWorkbookOptions): Promise<NewWorkbookLayout> {
  const quarters = quartersOfPeriod(plan.period);
  const currentQuarter = initialCurrentQuarter(plan.period, today);
  const keys = planKeyList(plan);
  const fingerprint = await keyListFingerprint(keys);
  const spec: WorkbookSpec = {
    sheets: [
      buildGuideSheet(),
      buildSettingsSheet(plan, currentQuarter),
      ...plan.axes.map((axis) => buildAxisSheet(axis, quarters)),
      buildJournalSheet([
        {
          date: isoTimestamp(today),
          source: journalTexts.generatedSource,
          key: '',
          column: '',
          oldValue: '',
          newValue: journalTexts.generated,
        },
      ]),
      buildCtgMetaSheet({ plan, keys, fingerprint, now: today }),
    ],
    definedNames: settingsDefinedNames(plan),
    properties: { title: workbookProperties.title(plan.territory), creator: workbookProperties.creator },
  };
  return { spec, currentQuarter, fingerprint };
}
