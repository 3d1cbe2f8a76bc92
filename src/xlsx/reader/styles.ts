/**
 * `xl/styles.xml`, only as far as number formats go: which cell style (`<c s="…">`) has a date, time or percentage
 * number format.
 */
import { builtInNumberFormatKind, numberFormatKind, type NumberFormatKind } from './date-formats';
import { parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';
import type { ZipEntry } from './zip-directory';

/** `result[s]` says whether cell style s shows a date, a time, a percentage, or none of them (null). */
export function readDateStyles(source: PackageSource, entry: ZipEntry): (NumberFormatKind | null)[] {
  const { customFormats, styleFormatIds } = parseXmlPart(source, entry, formatsReader);
  return styleFormatIds.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? numberFormatKind(custom) : builtInNumberFormatKind(id);
  });
}

function formatsReader(): XmlHandlers & { customFormats: Map<number, string>; styleFormatIds: number[] } {
  const customFormats = new Map<number, string>();
  const styleFormatIds: number[] = [];
  let inCellXfs = false;
  return {
    customFormats,
    styleFormatIds,
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
}
