/**
 * A part's bytes, given in chunks, as text for saxes. In UTF-8 and UTF-16 (every OOXML writer's) and in the
 * legacy encodings of one byte a character, each chunk is decoded up to its last whole character, the rest going
 * with the next chunk; where a chunk holds an invalid sequence, the text before it is given first. Saxes then meets
 * a part's errors in the order of its bytes (a bad cell before a bad byte, or the end of the cells a read stops at),
 * however the part was cut into chunks: in one piece after the scanner gave up, or as it was inflated. The legacy
 * encodings of several bytes a character (Shift JIS, GBK…) are decoded as a stream, a chunk at a time.
 */

export interface PartText {
  /** The text of `chunk` (with what the last chunk left of a character), given to `write`. */
  next(chunk: Uint8Array, write: (text: string) => void): void;
  /** The end of the part: a character left cut is invalid. */
  end(write: (text: string) => void): void;
}

/** Where the bytes' last whole character ends. */
type WholeEnd = (bytes: Uint8Array) => number;

function utf8End(bytes: Uint8Array): number {
  const length = bytes.length;
  let start = length - 1;
  // The last character's first byte: at most three continuation bytes back.
  while (start > 0 && start > length - 4 && (bytes[start] & 0xc0) === 0x80) start--;
  if (start < 0) return length;
  const lead = bytes[start];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (start + size <= length) return length;
  // Held back only if it may still become a character: an invalid start is decoded now, so that its error comes
  // before whatever the next chunk brings (a damaged stream, say).
  return mayContinue(bytes.subarray(start)) ? start : length;
}

function mayContinue(start: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function utf16End(bytes: Uint8Array, littleEndian: boolean): number {
  let end = bytes.length - (bytes.length & 1);
  if (end >= 2) {
    const [first, second] = [bytes[end - 2], bytes[end - 1]];
    const unit = littleEndian ? first | (second << 8) : (first << 8) | second;
    if (unit >= 0xd800 && unit <= 0xdbff) end -= 2; // a high surrogate, its low one in the next chunk
  }
  return end;
}

const wholeEnds: Record<string, WholeEnd> = {
  'utf-8': utf8End,
  'utf-16le': (bytes) => utf16End(bytes, true),
  'utf-16be': (bytes) => utf16End(bytes, false),
};

/** The legacy encodings of more than one byte a character: decoded as a stream, where they cut is theirs to know. */
const MULTI_BYTE_LEGACY = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);

/** Any other encoding TextDecoder knows has one byte a character: every chunk ends on a whole one. */
const singleByteEnd: WholeEnd = (bytes) => bytes.length;

const NO_BYTES = new Uint8Array(0);

/** The longest start of `bytes` that holds no invalid sequence, as text (a character cut at its end left out). */
function validStart(encoding: string, bytes: Uint8Array): string {
  const decoded = (length: number): string | null => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
        stream: true,
      });
    } catch {
      return null;
    }
  };
  // decoded(low) is text, decoded(high) is not: an invalid sequence in a start stays in every longer one.
  let [low, high] = [0, bytes.length];
  const whole = decoded(high);
  if (whole !== null) return whole;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (decoded(middle) === null) high = middle;
    else low = middle;
  }
  return decoded(low) ?? '';
}

class WholeCharacters implements PartText {
  private pending = NO_BYTES;
  private atStart = true;
  private readonly decoder: TextDecoder;

  constructor(
    private readonly encoding: string,
    private readonly wholeEnd: WholeEnd,
    private readonly invalid: () => never,
  ) {
    // Each chunk is decoded on its own: the byte-order mark is taken off the part's first text only.
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  }

  next(chunk: Uint8Array, write: (text: string) => void): void {
    let bytes = chunk;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    const end = this.wholeEnd(bytes);
    this.pending = bytes.slice(end);
    this.decode(bytes.subarray(0, end), write);
  }

  end(write: (text: string) => void): void {
    if (this.pending.length > 0) this.decode(this.pending, write, true);
  }

  /** `bytes`' text; `last`: the part's last bytes, a character cut there being invalid. */
  private decode(bytes: Uint8Array, write: (text: string) => void, last = false): void {
    let text: string;
    try {
      // As a stream, though each piece ends on a whole character: Node decodes windows-1252 in one call as Latin-1
      // (0x80 as U+0080, not €), in a stream as the standard says.
      text = this.decoder.decode(bytes, { stream: true });
      if (last) text += this.decoder.decode();
    } catch {
      const valid = validStart(this.encoding, bytes);
      if (valid !== '') write(this.withoutMark(valid));
      return this.invalid();
    }
    if (text !== '') write(this.withoutMark(text));
  }

  private withoutMark(text: string): string {
    if (!this.atStart) return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

class Streamed implements PartText {
  constructor(
    private readonly decoder: TextDecoder,
    private readonly invalid: () => never,
  ) {}

  next(chunk: Uint8Array, write: (text: string) => void): void {
    write(this.decoded(() => this.decoder.decode(chunk, { stream: true })));
  }

  end(write: (text: string) => void): void {
    write(this.decoded(() => this.decoder.decode()));
  }

  private decoded(decode: () => string): string {
    try {
      return decode();
    } catch {
      return this.invalid();
    }
  }
}

/** The text of a part `decoder` (fatal, as made for its first bytes) reads; `invalid` throws the part's error. */
export function partText(decoder: TextDecoder, invalid: () => never): PartText {
  const { encoding } = decoder;
  if (MULTI_BYTE_LEGACY.has(encoding)) return new Streamed(decoder, invalid);
  return new WholeCharacters(encoding, wholeEnds[encoding] ?? singleByteEnd, invalid);
}
