/**
 * `xl/sharedStrings.xml`: one string per `<si>`, rich text runs (`<r><t>`) concatenated, phonetic runs
 * (`<rPh>`, furigana) left out.
 */
import type { XlsxReadLimits } from './limits';
import { fail } from './read-error';
import { decodeOoxmlEscapes } from './text-escapes';
import { parseXmlPart, type PackageSource } from './xml-part';
import type { ZipEntry } from './zip-directory';

/** Collects the text of `<t>` elements outside `<rPh>`; shared by shared strings and inline strings. */
export class RichTextCollector {
  private phoneticDepth = 0;
  private inText = false;
  private buffer = '';

  constructor(
    private readonly maxChars: number,
    private readonly where: Record<string, string>,
  ) {}

  reset(): void {
    this.phoneticDepth = 0;
    this.inText = false;
    this.buffer = '';
  }

  open(name: string): void {
    if (name === 'rPh') this.phoneticDepth++;
    else if (name === 't' && this.phoneticDepth === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phoneticDepth--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (!this.inText) return;
    this.buffer += text;
    // Each escape is 7 characters for one: the decoded text is checked exactly in `value`.
    if (this.buffer.length > this.maxChars * 7) fail('text-too-long', { ...this.where, limit: this.maxChars });
  }

  value(): string {
    const decoded = decodeOoxmlEscapes(this.buffer);
    if (decoded.length > this.maxChars) fail('text-too-long', { ...this.where, limit: this.maxChars });
    return decoded;
  }
}

export function readSharedStrings(source: PackageSource, entry: ZipEntry, limits: XlsxReadLimits): string[] {
  const strings: string[] = [];
  const collector = new RichTextCollector(limits.maxCellTextChars, { part: entry.name });
  let inItem = false;
  parseXmlPart(source, entry, {
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
  });
  return strings;
}
