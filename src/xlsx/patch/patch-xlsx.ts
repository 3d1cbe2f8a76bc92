/**
 * Changes cells of an existing .xlsx package, and nothing else (docs/WORKBOOK.md, « Rewriting a workbook »): the
 * sheets whose cells change are parsed and written back with those cells changed; every other part keeps its
 * content. A loaded workbook is never re-saved with ExcelJS, which would drop what it does not know (cached
 * results, a person's filters and formats, LibreOffice's extras: docs/TOOLING.md). The package is untrusted
 * input as for the reader: only the parts the patch opens are inflated, within the reader's limits, and the others
 * are copied as stored (zip-package.ts).
 */
import type { CellChange, FormatChange, WorkbookChanges } from '../../app/port';
import { XlsxReadFailure } from '../reader/read-error';
import { XlsxUnreadableError } from '../reader/xlsx-reader-port';
import { packageLayout, relationshipsOf } from './package-parts';
import { SheetPatch } from './sheet-patch';
import { StylesPatch } from './styles-patch';
import { removeCalcChain, setFilterDatabaseName } from './workbook-patch';
import { parsePart, serializePart } from './xml-dom';
import { ZipPackage } from './zip-package';

function byPosition(a: CellChange, b: CellChange): number {
  return a.row - b.row || a.column - b.column;
}

/**
 * The package with the changes made. A package whose parts the reader would refuse to inflate (a zip bomb in a part
 * the patch opens, a cut zip) rejects with the reader's error, XlsxUnreadableError; one this patch cannot take
 * apart otherwise (XML that is not well-formed, a sheet its workbook does not point to) throws an Error.
 */
export function patchXlsx(original: Uint8Array, changes: WorkbookChanges): Uint8Array {
  try {
    return patched(new ZipPackage(original), changes);
  } catch (error) {
    if (error instanceof XlsxReadFailure) throw new XlsxUnreadableError({ code: error.code, params: error.params });
    throw error;
  }
}

/**
 * The format changes that may apply, each with the cell formats (by index) in one of its former formats; none when
 * no cell format of the package has one, so that an up-to-date workbook's sheets are not even parsed for them.
 */
function formatsToUpdate(
  styles: StylesPatch,
  changes: readonly FormatChange[],
): { change: FormatChange; former: ReadonlySet<number> }[] {
  const byFormer = new Map<string, ReadonlySet<number>>();
  return changes.flatMap((change) => {
    const key = change.former.join('\u0000');
    let former = byFormer.get(key);
    if (!former) byFormer.set(key, (former = styles.stylesWithNumberFormat(change.former)));
    return former.size > 0 ? [{ change, former }] : [];
  });
}

function patched(files: ZipPackage, changes: WorkbookChanges): Uint8Array {
  const layout = packageLayout(files);
  const stylesPart = relationshipsOf(files, layout.workbookEntry)?.list.find((one) => one.type.endsWith('/styles'));
  const stylesEntry = stylesPart ? files.entryName(stylesPart.part) : null;
  const styles = stylesEntry ? new StylesPatch(parsePart(files.read(stylesEntry))) : null;
  const withFormat = (base: number, numFmt: string) => styles?.withNumberFormat(base, numFmt) ?? base;

  const formats = styles ? formatsToUpdate(styles, changes.formats ?? []) : [];
  const written = new Set(changes.cells.map((one) => one.sheet));
  const sheetNames = new Set([
    ...written,
    ...changes.ranges.map((one) => one.sheet),
    ...formats.map(({ change }) => change.sheet),
  ]);
  let formulasChanged = false;
  let workbookChanged = false;
  for (const name of sheetNames) {
    const sheet = layout.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`patchXlsx: no sheet ${name}`);
    const document = parsePart(files.read(sheet.entry));
    const patch = new SheetPatch(document, withFormat);
    changes.cells
      .filter((change) => change.sheet === name)
      .sort(byPosition)
      .forEach((change) => patch.apply(change));
    let filtered = false;
    for (const range of changes.ranges.filter((one) => one.sheet === name)) {
      if (!patch.setAutoFilter(range.autoFilter)) continue;
      setFilterDatabaseName(layout.workbook, sheet, range.autoFilter);
      workbookChanged = filtered = true;
    }
    let restyled = false;
    for (const { change, former } of formats.filter((one) => one.change.sheet === name))
      restyled =
        patch.restyle(change, (style) => (former.has(style) ? withFormat(style, change.numFmt) : null)) || restyled;
    // A sheet opened only for its filter or formats, none of which needed setting, is left as it was.
    if (!written.has(name) && !filtered && !restyled) continue;
    patch.finish();
    formulasChanged ||= patch.formulasChanged;
    files.write(sheet.entry, serializePart(document));
  }
  if (styles?.changed && stylesEntry) files.write(stylesEntry, serializePart(styles.document));
  if (workbookChanged) files.write(layout.workbookEntry, serializePart(layout.workbook));
  if (formulasChanged) removeCalcChain(files, layout.workbookEntry);
  return files.toBytes();
}
