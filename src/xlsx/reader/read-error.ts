import { xlsxMessages, type XlsxReadErrorCode } from '../../domain/messages/xlsx';

/**
 * Why a file could not be read. The codes are rendered in French by src/domain/messages/xlsx.ts.
 *
 * | code | when |
 * |---|---|
 * | `empty-file` | the file has no bytes |
 * | `too-large` | the file is larger than `maxFileBytes` |
 * | `encrypted` | a password-protected workbook (an OLE compound file holding an `EncryptedPackage`), or an encrypted zip entry |
 * | `legacy-format` | another OLE compound file: a legacy .xls (or another Office document) |
 * | `not-xlsx` | not a zip, or a zip without a workbook part (`found`: `pdf`, `word`, `powerpoint`, `ods` when told) |
 * | `truncated` | the zip is cut (no central directory, data past the end), a part's XML stops mid-way, or an OLE compound file stops before sectors its header or allocation table say are there |
 * | `damaged` | the zip or the package is inconsistent (a part the workbook names is missing, sizes that do not add up) |
 * | `unsupported-compression` | a part compressed with something other than deflate or stored |
 * | `zip-bomb` | declared or actual inflated sizes over the limits, or a part inflating past its declared size |
 * | `invalid-xml` | a part is not well-formed XML (or not UTF-8/UTF-16) |
 * | `too-many-sheets`, `too-many-cells`, `too-many-strings`, `grid-too-large` | over the corresponding limit |
 * | `text-too-long` | one text longer than `maxCellTextChars` |
 * | `shared-formulas-too-large` | shared formulas moved to their dependents make more than `maxSharedFormulaChars` |
 * | `bad-shared-string` | a cell points past the end of the shared string table |
 * | `bad-cell-reference` | a cell or row reference outside Excel's sheet (past XFD1048576) or unreadable |
 */
/** The codes, one per message of the catalogue (src/domain/messages/xlsx.ts), which types them. */
export const XLSX_READ_ERROR_CODES = Object.keys(xlsxMessages) as readonly XlsxReadErrorCode[];

export type { XlsxReadErrorCode };

export type XlsxReadErrorParams = Record<string, string | number>;

export interface XlsxReadError {
  code: XlsxReadErrorCode;
  params: XlsxReadErrorParams;
}

/**
 * Thrown inside the reader only, to leave a SAX callback or an inflate loop at once; `readXlsx` catches it and
 * returns its error as a value.
 */
export class XlsxReadFailure extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    readonly params: XlsxReadErrorParams = {},
  ) {
    super(code);
  }
}

/**
 * Thrown by the handlers of a part when they have read all they need of it (a worksheet's cells, `sheetTails`):
 * `parseXmlPart` returns those handlers as they are, the rest of the part neither read nor checked, on either path.
 */
export class EnoughRead extends Error {}

/** The one `EnoughRead` thrown, made once: an error made for each sheet would capture a stack for nothing. */
export const enoughRead = new EnoughRead();

export function fail(code: XlsxReadErrorCode, params: XlsxReadErrorParams = {}): never {
  throw new XlsxReadFailure(code, params);
}
