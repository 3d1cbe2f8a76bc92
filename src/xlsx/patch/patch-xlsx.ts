/**
 * Changes cells of an existing .xlsx package, and nothing else (docs/WORKBOOK.md, « Rewriting a workbook »): the
 * sheets whose cells change are parsed and written back with those cells changed; every other part keeps its
 * content. A loaded workbook is never re-saved with ExcelJS, which would drop what it does not know (cached
 * results, a person's filters and formats, LibreOffice's extras: docs/TOOLING.md).
 */
import { unzipSync, zipSync } from 'fflate';
import type { CellChange, WorkbookChanges } from '../../app/port';
import { packageLayout, relationshipsOf, entryName } from './package-parts';
import { SheetPatch } from './sheet-patch';
import { StylesPatch } from './styles-patch';
import { removeCalcChain, setFilterDatabaseName } from './workbook-patch';
import { parsePart, serializePart } from './xml-dom';

function byPosition(a: CellChange, b: CellChange): number {
  return a.row - b.row || a.column - b.column;
}

export function patchXlsx(original: Uint8Array, changes: WorkbookChanges): Uint8Array {
  const files = unzipSync(original);
  const layout = packageLayout(files);
  const stylesPart = relationshipsOf(files, layout.workbookEntry)?.list.find((one) => one.type.endsWith('/styles'));
  const stylesEntry = stylesPart ? entryName(files, stylesPart.part) : null;
  const styles = stylesEntry ? new StylesPatch(parsePart(files[stylesEntry])) : null;
  const withFormat = (base: number, numFmt: string) => styles?.withNumberFormat(base, numFmt) ?? base;

  const sheetNames = new Set([...changes.cells.map((one) => one.sheet), ...changes.ranges.map((one) => one.sheet)]);
  let formulasChanged = false;
  let workbookChanged = false;
  for (const name of sheetNames) {
    const sheet = layout.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`patchXlsx: no sheet ${name}`);
    const document = parsePart(files[sheet.entry]);
    const patch = new SheetPatch(document, withFormat);
    changes.cells
      .filter((change) => change.sheet === name)
      .sort(byPosition)
      .forEach((change) => patch.apply(change));
    for (const range of changes.ranges.filter((one) => one.sheet === name)) {
      if (!patch.setAutoFilter(range.autoFilter)) continue;
      setFilterDatabaseName(layout.workbook, sheet, range.autoFilter);
      workbookChanged = true;
    }
    patch.finish();
    formulasChanged ||= patch.formulasChanged;
    files[sheet.entry] = serializePart(document);
  }
  if (styles?.changed && stylesEntry) files[stylesEntry] = serializePart(styles.document);
  if (workbookChanged) files[layout.workbookEntry] = serializePart(layout.workbook);
  if (formulasChanged) removeCalcChain(files, layout.workbookEntry);
  return zipSync(files, { level: 6 });
}
