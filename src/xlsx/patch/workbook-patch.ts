/**
 * The workbook-level parts a patch may touch: the hidden `_xlnm._FilterDatabase` name of a sheet whose autofilter
 * grows (Excel and LibreOffice keep the filter's range there too), and Excel's calculation chain, dropped when
 * formulas change so that Excel rebuilds it (a stale chain makes Excel repair the file).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { absoluteAddress, quotedSheetName } from '../../layout/a1';
import { parseCellRef } from '../reader/cell-ref';
import { relationshipsOf } from './package-parts';
import { relationshipsPartName } from '../reader/relationships';
import { childrenNamed, createLike, firstChildNamed, parsePart, serializePart } from './xml-dom';
import type { ZipPackage } from './zip-package';

const FILTER_DATABASE = '_xlnm._FilterDatabase';

/** `A1:L5` → `'Journal'!$A$1:$L$5`. */
function filterTarget(sheet: string, ref: string): string {
  const corners = ref.split(':').map((address) => {
    const at = parseCellRef(address);
    return at ? absoluteAddress(at.row, at.col) : address;
  });
  return `${quotedSheetName(sheet)}!${corners.join(':')}`;
}

/** Sets (or adds) the filter database name of the sheet at `index` in `<sheets>`. */
export function setFilterDatabaseName(workbook: Document, sheet: { name: string; index: number }, ref: string): void {
  const root = workbook.documentElement!;
  let names = firstChildNamed(root, 'definedNames');
  const target = filterTarget(sheet.name, ref);
  const existing = names
    ? childrenNamed(names, 'definedName').find(
        (name) =>
          name.getAttribute('name') === FILTER_DATABASE && name.getAttribute('localSheetId') === String(sheet.index),
      )
    : undefined;
  if (existing) {
    while (existing.firstChild) existing.removeChild(existing.firstChild);
    existing.appendChild(workbook.createTextNode(target));
    return;
  }
  if (!names) {
    // CT_Workbook: definedNames right after sheets (or functionGroups/externalReferences, which follow sheets).
    names = createLike(root, 'definedNames');
    const after = ['externalReferences', 'functionGroups', 'sheets']
      .map((local) => firstChildNamed(root, local))
      .find((element): element is Element => element !== null);
    root.insertBefore(names, after ? after.nextSibling : null);
  }
  const name = createLike(names, 'definedName');
  name.setAttribute('name', FILTER_DATABASE);
  name.setAttribute('localSheetId', String(sheet.index));
  name.setAttribute('hidden', '1');
  name.appendChild(workbook.createTextNode(target));
  names.appendChild(name);
}

/** Removes `xl/calcChain.xml`, its relationship from the workbook and its content-type override. */
export function removeCalcChain(files: ZipPackage, workbookEntry: string): void {
  const relationships = relationshipsOf(files, workbookEntry);
  const chain = relationships?.list.find((one) => one.type.endsWith('/calcChain'));
  if (!relationships || !chain) return;
  chain.element.parentNode?.removeChild(chain.element);
  files.write(files.entryName(relationshipsPartName(workbookEntry))!, serializePart(relationships.document));
  const entry = files.entryName(chain.part);
  if (entry) files.remove(entry);
  const typesEntry = files.entryName('[Content_Types].xml');
  if (!typesEntry) return;
  const types = parsePart(files.read(typesEntry));
  for (const override of childrenNamed(types.documentElement!, 'Override')) {
    if ((override.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === chain.part.toLowerCase())
      override.parentNode?.removeChild(override);
  }
  files.write(typesEntry, serializePart(types));
}
