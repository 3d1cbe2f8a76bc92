import type { Issue } from '../../app';
import type { AnyWorkbookGrids, ReadOptions, WorkbookReader } from '../../app/port';
import { readTrackingHeader } from '../../app/read-tracking-workbook';
import { statusSheets } from '../../app/sheet-selections';

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

/** The status from `_ctg` and Paramètres (grids that hold at least `statusSheets`). */
export async function workbookStatusOf(grids: AnyWorkbookGrids): Promise<WorkbookStatus> {
  const reading = await readTrackingHeader(grids);
  if (!reading.ok) {
    const notTracking = reading.issues.some((issue) => issue.code === 'not-a-tracking-workbook');
    return notTracking ? { kind: 'none' } : { kind: 'unreadable', issues: reading.issues };
  }
  return {
    kind: 'tracking',
    territory: reading.storedMeta.territory || reading.settings?.territory || '',
    periodStart: reading.period.start,
    periodEnd: reading.period.end,
    currentQuarter: reading.settings?.currentQuarterText ?? '',
    fingerprint: reading.storedMeta.planFingerprint,
    sheets: reading.sheetOrder.filter((name) => name !== '_ctg'),
  };
}

const statusRead: ReadOptions = { sheets: statusSheets };

/** Reads the status of a workbook: `_ctg` and Paramètres only (the pane on open, and before generating over). */
export async function readWorkbookStatus(workbook: WorkbookReader): Promise<WorkbookStatus> {
  return workbookStatusOf(await workbook.read(statusRead));
}
