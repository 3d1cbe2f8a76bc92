import { ExcelWorkbookError, excelWorkbookError, toExcelWorkbookError } from './excel-errors';
import { excelFileTexts } from './excel-texts';
import { detectCapabilities, type OfficeRequirements } from './requirements';

/**
 * What the host lets the task pane do with a file it produced (.xlsx bytes): open it in Excel as a new workbook,
 * and whether a download from the pane can work at all.
 */
export interface ExcelFileActions {
  /** Whether `openInExcel` is offered: ExcelApi 1.8 (`Excel.createWorkbook`). */
  canOpenInExcel(): boolean;
  /** Opens the bytes as a new, unsaved workbook of Excel (`Excel.createWorkbook(base64)`). */
  openInExcel(bytes: Uint8Array): Promise<void>;
  /**
   * Whether a download from the pane is lost: Excel for Mac and for iPad show the pane in Apple's WKWebView, which
   * ignores a link's download (a Blob URL included), without an error (OfficeDev/office-js#2700, closed « by
   * design »; #4681). Excel on the web and for Windows download as a browser does.
   */
  downloadsBlocked(): boolean;
}

/** The part of the `Office` global read here: the requirement sets and the platform Excel runs on. */
export interface OfficeHost extends OfficeRequirements {
  context: OfficeRequirements['context'] & { platform?: unknown };
}

export interface ExcelFileActionsOptions {
  /** The Excel namespace; default the global one. */
  excel?: typeof Excel;
  /** Default the global `Office`. */
  office?: OfficeHost;
}

const REQUEST_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';

/** Platforms whose webview drops downloads (Office.PlatformType's values). */
const PLATFORMS_WITHOUT_DOWNLOADS: ReadonlySet<string> = new Set(['Mac', 'iOS']);

function globalOf<T>(name: string): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
}

/** Base64 of bytes, in slices (String.fromCharCode of a whole workbook would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  }
  return btoa(binary);
}

export function createExcelFileActions(options: ExcelFileActionsOptions = {}): ExcelFileActions {
  const office = () => options.office ?? globalOf<OfficeHost>('Office');
  const excel = () => options.excel ?? globalOf<typeof Excel>('Excel');
  const canOpenInExcel = () =>
    detectCapabilities(office()).createWorkbook && typeof excel()?.createWorkbook === 'function';
  return {
    canOpenInExcel,
    async openInExcel(bytes: Uint8Array): Promise<void> {
      const api = excel();
      if (!api) throw excelWorkbookError('ExcelUnavailable');
      if (!canOpenInExcel()) throw excelWorkbookError('ExcelApiTooOld');
      try {
        await api.createWorkbook(bytesToBase64(bytes));
      } catch (error) {
        // Excel on the web: the file is one request, above its 5 MB limit whatever is tried again.
        if ((error as { code?: unknown } | null)?.code === REQUEST_TOO_LARGE)
          throw new ExcelWorkbookError(REQUEST_TOO_LARGE, excelFileTexts.tooLargeToOpen, error);
        throw toExcelWorkbookError(error);
      }
    },
    downloadsBlocked(): boolean {
      try {
        return PLATFORMS_WITHOUT_DOWNLOADS.has(String(office()?.context?.platform ?? ''));
      } catch {
        return false;
      }
    },
  };
}
