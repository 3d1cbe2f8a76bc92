/**
 * Hand-made .xlsx packages, shaped like what Excel writes (content types, package and workbook relationships,
 * workbook, optional shared strings and styles, one part per sheet), so that a test states exactly the XML a
 * reader meets.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The `<sheetData>` content (rows and cells), or a whole worksheet document when it starts with `<?xml`. */
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** The relationship target as written in workbook.xml.rels (default `worksheets/sheetN.xml`). */
  target?: string;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** `<si>` elements of the shared string table. */
  sharedStrings?: string[];
  /** The content of styles.xml's `<styleSheet>` (numFmts, cellXfs). */
  styles?: string;
  date1904?: boolean;
  /** Extra or replacing parts, by name; a null value removes the part. */
  parts?: Record<string, string | Uint8Array | null>;
}

/** The zip entry name of a target relative to `xl/` (or absolute), `..` and `.` resolved. */
function partNameOf(target: string): string {
  const segments: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

export function worksheetXml(sheetData: string, before = '', after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function packageParts(spec: PackageSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const rels: string[] = [];
  const sheets = spec.sheets.map((sheet, i) => {
    const target = sheet.target ?? `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target}"/>`);
    const partName = partNameOf(target);
    parts[partName] = sheet.xml.startsWith('<?xml') ? sheet.xml : worksheetXml(sheet.xml);
    const state = sheet.state ? ` state="${sheet.state}"` : '';
    return `<sheet name="${sheet.name}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  if (spec.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${spec.sharedStrings.length}">${spec.sharedStrings.join('')}</sst>`;
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
    parts['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${spec.styles}</styleSheet>`;
  }
  const workbookPr = spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>';
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${workbookPr}<sheets>${sheets.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
  for (const [name, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) delete parts[name];
    else parts[name] = content;
  }
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: 6 });
}

export function buildXlsx(spec: PackageSpec): Uint8Array {
  return zipParts(packageParts(spec));
}
