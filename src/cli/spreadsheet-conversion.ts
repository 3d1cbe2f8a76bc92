import { extname } from 'node:path';
import { renderMessage } from '../app';
import { DEFAULT_XLSX_READ_LIMITS, type XlsxReadError } from '../xlsx/reader';
import type { CliError } from './failure';
import { convertToXlsx, findLibreOffice, type Conversion } from './libreoffice';
import { texts } from './texts';

/**
 * A spreadsheet a person saved as .ods or as a legacy .xls, where an .xlsx was expected (a partner's returned file, a
 * territory's workbook): converted by LibreOffice when it is installed (src/cli/libreoffice.ts), the .xlsx that comes
 * out read by our reader with its limits as any file; left with what to do when LibreOffice is not there or cannot
 * convert it.
 */

/**
 * Who reads the file, for what the person does next: merge it again, check it again, or consolidate again (a
 * territory's workbook found in a folder given, or given by name).
 */
export type ConversionUse = 'merge' | 'validate' | 'consolidate-folder' | 'consolidate-given';

/** The .xlsx bytes, and the format they were converted from; or why not. */
export type ConvertedFile = { ok: true; bytes: Uint8Array; from: 'ods' | 'xls' } | { ok: false; error: CliError };

/**
 * The kind LibreOffice has to convert (`ods`, `xls`), or null when the reader's refusal stands. The reader tells an
 * OpenDocument spreadsheet by its `mimetype` part; a file named .ods that it cannot tell is tried too, unless the
 * reader told what else it is (a text, a PDF, a plan in JSON renamed .ods: no conversion makes it a workbook).
 */
function formatToConvert(path: string, error: XlsxReadError): 'ods' | 'xls' | null {
  if (error.code === 'legacy-format') return 'xls';
  if (error.code !== 'not-xlsx') return null;
  const untold = error.params.found === undefined && extname(path).toLowerCase() === '.ods';
  return error.params.found === 'ods' || untold ? 'ods' : null;
}

function conversionError(
  path: string,
  format: string,
  conversion: Exclude<Conversion, { ok: true }>,
  use: ConversionUse,
): CliError {
  if (conversion.reason === 'too-large') {
    const params = { size: Number(conversion.detail), limit: DEFAULT_XLSX_READ_LIMITS.maxFileBytes };
    const message = renderMessage('too-large', params);
    return { code: 'too-large', message: texts.convert.about(path, message, use), file: path };
  }
  const message =
    conversion.reason === 'timeout'
      ? texts.convert.timedOut(path, format, use)
      : // LibreOffice's own words are English and technical: the message says what to do instead.
        texts.convert.failed(path, format, use);
  return { code: 'conversion-failed', message, file: path };
}

/**
 * `bytes` (the file at `path`, which the reader refused with `error`) as .xlsx bytes, converted by LibreOffice; null
 * when the file is no spreadsheet LibreOffice would convert, so that the reader's refusal stands.
 */
export async function convertedToXlsx(
  path: string,
  bytes: Uint8Array,
  error: XlsxReadError,
  use: ConversionUse,
): Promise<ConvertedFile | null> {
  const format = formatToConvert(path, error);
  if (format === null) return null;
  const program = await findLibreOffice();
  if (program === null) {
    return {
      ok: false,
      error: { code: 'needs-libreoffice', message: texts.convert.missing(path, format, use), file: path },
    };
  }
  const maxBytes = DEFAULT_XLSX_READ_LIMITS.maxFileBytes;
  const conversion = await convertToXlsx(program, bytes, format, { maxBytes });
  return conversion.ok
    ? { ok: true, bytes: conversion.bytes, from: format }
    : { ok: false, error: conversionError(path, format, conversion, use) };
}
