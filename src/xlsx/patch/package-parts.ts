/**
 * Where a package keeps its parts, found as the reader finds them (src/xlsx/reader): the main document through
 * `_rels/.rels`, the sheets through `workbook.xml` and its relationships.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { relationshipsPartName, resolveTarget } from '../reader/relationships';
import { childrenNamed, firstChildNamed, parsePart } from './xml-dom';
import type { ZipPackage } from './zip-package';

export interface PartRelationship {
  id: string;
  type: string;
  /** The target part's name in the zip, resolved against the source part. */
  part: string;
  element: Element;
}

export function relationshipsOf(
  files: ZipPackage,
  sourcePart: string,
): { document: Document; list: PartRelationship[] } | null {
  const name = files.entryName(relationshipsPartName(sourcePart));
  if (!name) return null;
  const document = parsePart(files.read(name));
  const list = childrenNamed(document.documentElement!, 'Relationship')
    .filter((element) => element.getAttribute('TargetMode') !== 'External')
    .map((element) => ({
      id: element.getAttribute('Id') ?? '',
      type: element.getAttribute('Type') ?? '',
      part: resolveTarget(sourcePart, element.getAttribute('Target') ?? ''),
      element,
    }));
  return { document, list };
}

export interface WorkbookSheetPart {
  name: string;
  /** The sheet's zip entry. */
  entry: string;
  /** Its position in `<sheets>`, the `localSheetId` of its names. */
  index: number;
}

export interface PackageLayout {
  workbookEntry: string;
  workbook: Document;
  sheets: WorkbookSheetPart[];
}

function relationshipIdOf(sheet: Element): string {
  for (let index = 0; index < sheet.attributes.length; index += 1) {
    const attribute = sheet.attributes.item(index)!;
    if (attribute.localName === 'id' && attribute.name.includes(':')) return attribute.value;
  }
  return '';
}

export function packageLayout(files: ZipPackage): PackageLayout {
  const main = relationshipsOf(files, '')?.list.find((one) => one.type.endsWith('/officeDocument'));
  const workbookEntry = files.entryName(main?.part ?? 'xl/workbook.xml');
  if (!workbookEntry) throw new Error('patchXlsx: no workbook part');
  const workbook = parsePart(files.read(workbookEntry));
  const relationships = relationshipsOf(files, workbookEntry)?.list ?? [];
  const sheetsElement = firstChildNamed(workbook.documentElement!, 'sheets');
  const sheets = (sheetsElement ? childrenNamed(sheetsElement, 'sheet') : []).map((sheet, index) => {
    const id = relationshipIdOf(sheet);
    const part = relationships.find((one) => one.id === id)?.part;
    const entry = part === undefined ? null : files.entryName(part);
    if (!entry) throw new Error(`patchXlsx: no part for sheet ${sheet.getAttribute('name')}`);
    return { name: sheet.getAttribute('name') ?? '', entry, index };
  });
  return { workbookEntry, workbook, sheets };
}
