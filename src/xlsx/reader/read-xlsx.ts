/**
 * Reads an .xlsx file into grids of values, in node and in a browser alike (bytes in, values out: no file
 * system, no Buffer). Bad or hostile input is an error value, never an exception: see read-error.ts for the
 * codes and limits.ts for the bounds.
 */
import type { ListedSheet, PartialWorkbookGrids, SheetSelection, WorkbookGrids } from '../../app/port';
import { skippedSheet } from '../../domain/grid';
import { compoundFileKind } from './compound-file';
import { readSavedAt } from './core-properties';
import { DEFAULT_XLSX_READ_LIMITS, type XlsxReadLimits } from './limits';
import { isOpenDocumentSpreadsheet } from './open-document';
import { archiveContents } from './zip-archive';
import { fail, XlsxReadFailure, type XlsxReadError } from './read-error';
import { readCellNotes } from './cell-notes';
import { readRelationships, relationshipOfKind } from './relationships';
import { readSharedStrings } from './shared-strings';
import { readSheetPart, type SheetContext } from './sheet-part';
import { readDateStyles } from './styles';
import { readWorkbookPart } from './workbook-part';
import { findPart, type PackageSource } from './xml-part';
import { readZipDirectory } from './zip-directory';
import { newInflateBudget } from './zip-entry-stream';

export interface XlsxReadOptions {
  /** Overrides of DEFAULT_XLSX_READ_LIMITS. */
  limits?: Partial<XlsxReadLimits>;
}

export interface XlsxSelectiveReadOptions extends XlsxReadOptions {
  /**
   * The sheets whose cells are read; the others are listed as skipped and their parts neither inflated nor parsed
   * (a damaged or oversized part there does not stop the read).
   */
  sheets: SheetSelection;
  /**
   * False: a formula's text is read only where its cell has no result, or holds a truth value or an error; other
   * formulas are `UNREAD_FORMULA` (src/domain/grid.ts). The figures need to know a cell holds a formula, not its
   * text, and a large plan's rate formulas are a good part of its sheets' bytes. Default true.
   */
  formulaTexts?: boolean;
  /**
   * False: a worksheet is read up to the end of its `<sheetData>`; what follows (validations, conditional formats,
   * page setup: a good part of a styled sheet's tags) is neither read nor checked, so a sheet damaged only there
   * still reads, and the sheet's notes (comments) are not read either. For reads that never write a workbook back
   * (the consolidation's). Default true.
   */
  sheetTails?: boolean;
  /**
   * True: the grids also give `savedAt`, when the file was last saved as its application recorded it
   * (core-properties.ts). Default false.
   */
  savedAt?: boolean;
}

/** How the sheets' parts are read: see `XlsxSelectiveReadOptions`. */
type SheetReading = Required<Pick<XlsxSelectiveReadOptions, 'formulaTexts' | 'sheetTails'>>;

export type XlsxReadResult<Grids = WorkbookGrids> = { ok: true; grids: Grids } | { ok: false; error: XlsxReadError };

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

/** The package opened down to its workbook part: its zip directory, relationships and list of sheets, no sheet read. */
function openWorkbook(bytes: Uint8Array, limits: XlsxReadLimits) {
  if (bytes.length === 0) fail('empty-file');
  if (bytes.length > limits.maxFileBytes) fail('too-large', { size: bytes.length, limit: limits.maxFileBytes });
  const compoundFile = compoundFileKind(bytes);
  if (compoundFile) fail(compoundFile);
  const source: PackageSource = { bytes, directory: readZipDirectory(bytes), budget: newInflateBudget(limits) };

  // A Word or PowerPoint file's relationships name its own main part, which no workbook reader would make sense of;
  // an OpenDocument spreadsheet has none.
  const other = otherOfficeDocument(source);
  if (other.found) fail('not-xlsx', other);
  const packageRelationships = readRelationships(source, '');
  const mainDocument = relationshipOfKind(packageRelationships, 'officeDocument');
  const workbookName =
    mainDocument && findPart(source, mainDocument.target) ? mainDocument.target : DEFAULT_WORKBOOK_PART;
  const workbookEntry = findPart(source, workbookName);
  if (!workbookEntry) {
    const contents = archiveContents(source);
    if (contents !== null) fail('not-xlsx', { found: 'zip', ...contents });
  }
  // A binary workbook (.xlsb) is a zip too, but its parts are not XML.
  if (!workbookEntry || !workbookEntry.name.toLowerCase().endsWith('.xml')) fail('not-xlsx');
  return { source, packageRelationships, workbookEntry, workbook: readWorkbookPart(source, workbookEntry, limits) };
}

function readPackage(
  bytes: Uint8Array,
  limits: XlsxReadLimits,
  selected: SheetSelection,
  reading: SheetReading,
  withSavedAt: boolean,
): PartialWorkbookGrids {
  const { source, packageRelationships, workbookEntry, workbook } = openWorkbook(bytes, limits);
  const relationships = readRelationships(source, workbookEntry.name);

  const partOfKind = (kind: string) => {
    const relationship = relationshipOfKind(relationships, kind);
    return relationship && findPart(source, relationship.target);
  };
  const sharedStringsEntry = partOfKind('sharedStrings');
  const stylesEntry = partOfKind('styles');
  const context: SheetContext = {
    limits,
    sharedStrings: sharedStringsEntry ? readSharedStrings(source, sharedStringsEntry, limits) : [],
    dateStyles: stylesEntry ? readDateStyles(source, stylesEntry) : [],
    date1904: workbook.date1904,
    cellCount: 0,
    slotCount: 0,
    sharedFormulaChars: 0,
    ...reading,
  };

  const listed = workbook.sheets.map((sheet) => sheet.name);
  const sheets: ListedSheet[] = workbook.sheets.map(({ name, visibility, relationshipId }) => {
    const target = relationships.get(relationshipId)?.target;
    const entry = target === undefined ? undefined : findPart(source, target);
    // A part the workbook names but the package lacks is damage, read or not (found in the directory, not inflated).
    if (!entry) return fail('damaged', { sheet: name });
    if (!selected(name, listed)) return skippedSheet(name, visibility);
    return namingSheet(name, () => {
      const grid = readSheetPart(source, entry, context, name, visibility);
      // The notes serve a rewrite; a read that writes nothing back (`sheetTails: false`) neither pays nor needs them.
      const read = reading.sheetTails ? readCellNotes(source, entry.name, limits) : { notes: [] };
      if ('unread' in read) return { ...grid, notesUnread: read.unread };
      return read.notes.length === 0 ? grid : { ...grid, notes: read.notes };
    });
  });
  // Read last: whatever its part costs, it never stops the sheets' read.
  return withSavedAt ? { sheets, savedAt: readSavedAt(source, packageRelationships) } : { sheets };
}

/**
 * A failure inside a sheet's part (its XML cut or not well-formed, its compressed bytes damaged) names the sheet, by
 * its name in the workbook, as a missing part does: the person can then tell which sheet to recover.
 */
function namingSheet<T>(sheet: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof XlsxReadFailure && error.params.sheet === undefined)
      throw new XlsxReadFailure(error.code, { ...error.params, sheet });
    throw error;
  }
}

const everySheet: SheetSelection = () => true;

/**
 * A document of another kind in a zip: a Word or PowerPoint file named .xlsx, told by its main part, or an OpenDocument
 * spreadsheet (.ods), told by its `mimetype`.
 */
function otherOfficeDocument(source: PackageSource): { found?: string } {
  if (findPart(source, 'word/document.xml')) return { found: 'word' };
  if (findPart(source, 'ppt/presentation.xml')) return { found: 'powerpoint' };
  if (isOpenDocumentSpreadsheet(source)) return { found: 'ods' };
  return {};
}

/** Every sheet read: `WorkbookGrids`. With `sheets`, the others skipped: `PartialWorkbookGrids`. */
export function readXlsx(bytes: Uint8Array, options?: XlsxReadOptions & { sheets?: undefined }): XlsxReadResult;
export function readXlsx(bytes: Uint8Array, options: XlsxSelectiveReadOptions): XlsxReadResult<PartialWorkbookGrids>;
export function readXlsx(
  bytes: Uint8Array,
  options: XlsxReadOptions & Partial<XlsxSelectiveReadOptions> = {},
): XlsxReadResult<PartialWorkbookGrids> {
  const limits: XlsxReadLimits = { ...DEFAULT_XLSX_READ_LIMITS, ...options.limits };
  const reading: SheetReading = { formulaTexts: options.formulaTexts ?? true, sheetTails: options.sheetTails ?? true };
  return readingSafely(() =>
    readPackage(bytes, limits, options.sheets ?? everySheet, reading, options.savedAt === true),
  );
}

/**
 * The sheets the workbook part lists, every one skipped: only the zip directory and that part are read, so a workbook
 * whose sheets' parts are damaged or missing is still told by its sheets' names.
 */
export function readXlsxSheetList(
  bytes: Uint8Array,
  options: XlsxReadOptions = {},
): XlsxReadResult<PartialWorkbookGrids> {
  const limits: XlsxReadLimits = { ...DEFAULT_XLSX_READ_LIMITS, ...options.limits };
  return readingSafely(() => ({
    sheets: openWorkbook(bytes, limits).workbook.sheets.map(({ name, visibility }) => skippedSheet(name, visibility)),
  }));
}

function readingSafely(read: () => PartialWorkbookGrids): XlsxReadResult<PartialWorkbookGrids> {
  try {
    return { ok: true, grids: read() };
  } catch (error) {
    if (error instanceof XlsxReadFailure) return { ok: false, error: { code: error.code, params: error.params } };
    // A path no file should reach (a bug of ours): the user still gets a message, not a stack trace, and the
    // `unexpected` param lets tests tell it from a damage the reader recognised.
    return { ok: false, error: { code: 'damaged', params: { unexpected: String(error) } } };
  }
}
