/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): plain (`<t>`) or rich
 * (runs `<r><t>`, joined), phonetic runs (`<rPh>`, furigana) left out, `_xHHHH_` escapes decoded.
 */
import { decodeOoxmlEscapes } from './text-escapes';

/**
 * Collects the text of `<t>` elements outside `<rPh>`; shared by shared strings and inline strings. A text over
 * `maxChars` is not kept: its value is null, and the caller says where it is (an inline string at its cell, a shared
 * string at the first cell that shows it), so that a person finds it among a sheet's thousands.
 */
export class RichTextCollector {
  private phoneticDepth = 0;
  private inText = false;
  private buffer = '';
  private overLimit = false;

  constructor(private readonly maxChars: number) {}

  reset(): void {
    this.phoneticDepth = 0;
    this.inText = false;
    this.buffer = '';
    this.overLimit = false;
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
    if (!this.inText || this.overLimit) return;
    this.buffer += text;
    // Each escape is 7 characters for one: the decoded text is checked exactly in `value`. Past that, nothing more is
    // held, whatever the file's size.
    if (this.buffer.length > this.maxChars * 7) {
      this.overLimit = true;
      this.buffer = '';
    }
  }

  /** The text, or null when it is longer than `maxChars`. */
  value(): string | null {
    if (this.overLimit) return null;
    const decoded = decodeOoxmlEscapes(this.buffer);
    return decoded.length > this.maxChars ? null : decoded;
  }
}
