/** `xl/workbook.xml`: the sheets in order, with their names, visibility and relationship ids; the date system. */
import type { SheetVisibility } from '../../app/port';
import type { XlsxReadLimits } from './limits';
import { fail } from './read-error';
import { parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';
import type { ZipEntry } from './zip-directory';

export interface WorkbookSheet {
  name: string;
  visibility: SheetVisibility;
  relationshipId: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  /** True when serial numbers count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

/** `r:id`, whatever prefix the file bound the relationships namespace to. */
function relationshipIdOf(attributes: Record<string, string>): string {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.endsWith(':id')) return value;
  }
  return '';
}

export function readWorkbookPart(source: PackageSource, entry: ZipEntry, limits: XlsxReadLimits): WorkbookInfo {
  const { info, sawWorkbook } = parseXmlPart(source, entry, () => workbookReader(limits));
  if (!sawWorkbook) fail('not-xlsx', { part: entry.name });
  return info;
}

function workbookReader(limits: XlsxReadLimits): XmlHandlers & { info: WorkbookInfo; sawWorkbook: boolean } {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  return {
    info,
    sawWorkbook: false,
    open(name, attributes) {
      if (name === 'workbook') this.sawWorkbook = true;
      else if (name === 'workbookPr') info.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      else if (name === 'sheet') {
        if (info.sheets.length >= limits.maxSheets) fail('too-many-sheets', { limit: limits.maxSheets });
        info.sheets.push({
          name: attributes.name ?? '',
          visibility: visibilityOf(attributes.state),
          relationshipId: relationshipIdOf(attributes),
        });
      }
    },
    close() {},
    text() {},
  };
}
