/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): plain (`<t>`) or rich
 * (runs `<r><t>`, joined), phonetic runs (`<rPh>`, furigana) left out, `_xHHHH_` escapes decoded.
 */
import { fail } from './read-error';
import { decodeOoxmlEscapes } from './text-escapes';

/** Collects the text of `<t>` elements outside `<rPh>`; shared by shared strings and inline strings. */
export class RichTextCollector {
  private phoneticDepth = 0;
  private inText = false;
  private buffer = '';

  /** `where`: where a text too long is, asked only then (an inline string's cell is known as it is read). */
  constructor(
    private readonly maxChars: number,
    private readonly where: () => Record<string, string>,
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
    if (this.buffer.length > this.maxChars * 7) fail('text-too-long', { ...this.where(), limit: this.maxChars });
  }

  value(): string {
    const decoded = decodeOoxmlEscapes(this.buffer);
    if (decoded.length > this.maxChars) fail('text-too-long', { ...this.where(), limit: this.maxChars });
    return decoded;
  }
}
