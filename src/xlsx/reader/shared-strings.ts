/**
 * `xl/sharedStrings.xml`: one string per `<si>`, rich text runs (`<r><t>`) concatenated, phonetic runs
 * (`<rPh>`, furigana) left out.
 */
import type { XlsxReadLimits } from './limits';
import { fail } from './read-error';
import { RichTextCollector } from './rich-text';
import { parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';
import type { ZipEntry } from './zip-directory';

/** The strings in order; null for one over `maxCellTextChars`, refused at the first cell that shows it. */
export function readSharedStrings(source: PackageSource, entry: ZipEntry, limits: XlsxReadLimits): (string | null)[] {
  return parseXmlPart(source, entry, () => stringsReader(limits)).strings;
}

function stringsReader(
  limits: XlsxReadLimits,
): XmlHandlers & { strings: (string | null)[]; plainStringItem: (text: string) => void } {
  const strings: (string | null)[] = [];
  const collector = new RichTextCollector(limits.maxCellTextChars);
  let inItem = false;
  const startItem = () => {
    if (strings.length >= limits.maxSharedStrings) fail('too-many-strings', { limit: limits.maxSharedStrings });
    inItem = true;
    collector.reset();
  };
  const endItem = () => {
    strings.push(collector.value());
    inItem = false;
  };
  return {
    strings,
    // The scanner's shortcut for `<si><t>text</t></si>`: the steps of its events, `<si>`, `<t>`, text, `</t>`, `</si>`.
    plainStringItem: (text) => {
      startItem();
      collector.open('t');
      collector.text(text);
      collector.close('t');
      endItem();
    },
    open(name) {
      if (name === 'si') startItem();
      else if (inItem) collector.open(name);
    },
    close(name) {
      if (name === 'si') endItem();
      else if (inItem) collector.close(name);
    },
    text(text) {
      if (inItem) collector.text(text);
    },
  };
}
