/**
 * What a file that is no zip package at all seems to be, for the advice of its refusal (`not-xlsx`'s `found`): a
 * PDF; a plan d'actions in JSON (`ctg-suivi plan --json`'s, or one the add-in exported), which generating its workbook
 * helps; another text (a CSV, notes), which no re-saving as .xlsx makes a workbook. Nothing when it may be a
 * spreadsheet of a format the advice to re-save it fits: binary, or markup (Excel's XML spreadsheet 2003, a web
 * page saved as a workbook), which Excel opens and saves as .xlsx.
 */
export type NotAPackageKind = 'pdf' | 'plan-json' | 'text';

/** How much of the file is looked at: enough for a plan's first keys, little for a large file. */
export const SNIFFED_BYTES = 64 * 1024;

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** No control character but tab, line feed, form feed and carriage return: text, in whatever 8-bit encoding. */
function isText(bytes: Uint8Array): boolean {
  for (const byte of bytes)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  return true;
}

/** A JSON object naming the plan's `axes` (src/domain/plan.ts), a byte order mark and spaces allowed before it. */
function isPlanJson(text: string): boolean {
  return /^\ufeff?\s*\{/.test(text) && /"axes"\s*:/.test(text);
}

export function notAPackageKind(bytes: Uint8Array): NotAPackageKind | null {
  if (isPdf(bytes)) return 'pdf';
  const start = bytes.subarray(0, SNIFFED_BYTES);
  if (!isText(start)) return null;
  const text = new TextDecoder('utf-8').decode(start);
  if (/^\ufeff?\s*</.test(text)) return null;
  return isPlanJson(text) ? 'plan-json' : 'text';
}
