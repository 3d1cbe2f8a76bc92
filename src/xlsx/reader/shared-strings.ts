/**
 * `xl/sharedStrings.xml`: one string per `<si>`, rich text runs (`<r><t>`) concatenated, phonetic runs
 * (`<rPh>`, furigana) left out.
 */
import type { XlsxReadLimits } from './limits';
import { fail } from './read-error';
import { RichTextCollector } from './rich-text';
import { parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';
import type { ZipEntry } from './zip-directory';

export function readSharedStrings(source: PackageSource, entry: ZipEntry, limits: XlsxReadLimits): string[] {
  return parseXmlPart(source, entry, () => stringsReader(entry.name, limits)).strings;
}

function stringsReader(part: string, limits: XlsxReadLimits): XmlHandlers & { strings: string[] } {
  const strings: string[] = [];
  const collector = new RichTextCollector(limits.maxCellTextChars, { part });
  let inItem = false;
  return {
    strings,
    open(name) {
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) fail('too-many-strings', { limit: limits.maxSharedStrings });
        inItem = true;
        collector.reset();
      } else if (inItem) collector.open(name);
    },
    close(name) {
      if (name === 'si') {
        strings.push(collector.value());
        inItem = false;
      } else if (inItem) collector.close(name);
    },
    text(text) {
      if (inItem) collector.text(text);
    },
  };
}
