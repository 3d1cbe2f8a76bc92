import type { Issue } from '../../app';
import type { WorkbookGrids } from '../../app/port';
import { readTrackingWorkbook } from '../../app/read-tracking-workbook';

/** What the open workbook is, for the start view and before generating over it. */
export type WorkbookStatus =
  | { kind: 'none' }
  /** A `_ctg` sheet is there but the workbook cannot be read as a tracking workbook (newer format, no dates…). */
  | { kind: 'unreadable'; issues: Issue[] }
  | {
      kind: 'tracking';
      territory: string;
      periodStart: string;
      periodEnd: string;
      /** As written in Paramètres; empty when the sheet is missing. */
      currentQuarter: string;
      /** `_ctg`'s plan fingerprint: the key the last validation is remembered under. */
      fingerprint: string;
      /** The sheets a person reads, in workbook order (`_ctg` left out). */
      sheets: string[];
    };

export async function workbookStatusOf(grids: WorkbookGrids): Promise<WorkbookStatus> {
  const reading = await readTrackingWorkbook(grids);
  if (!reading.ok) {
    const notTracking = reading.issues.some((issue) => issue.code === 'not-a-tracking-workbook');
    return notTracking ? { kind: 'none' } : { kind: 'unreadable', issues: reading.issues };
  }
  return {
    kind: 'tracking',
    territory: reading.meta.territory || reading.settings?.territory || '',
    periodStart: reading.period.start,
    periodEnd: reading.period.end,
    currentQuarter: reading.settings?.currentQuarterText ?? '',
    fingerprint: reading.meta.planFingerprint,
    sheets: reading.sheetOrder.filter((name) => name !== '_ctg'),
  };
}
