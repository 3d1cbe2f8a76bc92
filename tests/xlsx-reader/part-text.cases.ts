/**
 * A part's chunks as text (src/xlsx/reader/part-text.ts): the same text however the bytes are cut, and the text
 * before an invalid sequence given before the error.
 */
import fc from 'fast-check';
import { partText } from '../../src/xlsx/reader/part-text';

class Invalid extends Error {}

/** The texts `partText` writes for `chunks`, and whether it found them invalid. */
function textOf(encoding: string, chunks: Uint8Array[]): { text: string; invalid: boolean } {
  const texts: string[] = [];
  const reader = partText(new TextDecoder(encoding, { fatal: true }), () => {
    throw new Invalid();
  });
  try {
    for (const chunk of chunks) reader.next(chunk, (text) => texts.push(text));
    reader.end((text) => texts.push(text));
    return { text: texts.join(''), invalid: false };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { text: texts.join(''), invalid: true };
  }
}

function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

const encoders: Record<string, (text: string) => Uint8Array> = {
  'utf-8': (text) => new TextEncoder().encode(text),
  'utf-16le': (text) => utf16(text, true),
  'utf-16be': (text) => utf16(text, false),
};

// Texts with one-, two-, three- and four-byte characters, and a byte-order mark at the start or inside.
const text = fc
  .array(fc.constantFrom('a', '<', 'é', '€', '’', '😀', '\uFEFF', 'ß'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('partText', () => {
  test.each(Object.keys(encoders))('%s: the same text however the bytes are cut', (encoding) => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (content, cuts, marked) => {
        const bytes = encoders[encoding]((marked ? '\uFEFF' : '') + content);
        const expected = new TextDecoder(encoding, { fatal: true }).decode(bytes); // the mark at the start taken off
        expect(textOf(encoding, cutAt(bytes, cuts))).toEqual({ text: expected, invalid: false });
      }),
      { numRuns: 300 },
    );
  });

  test('UTF-8: the text before an invalid byte is given, then the error, wherever the chunks are cut', () => {
    const before = new TextEncoder().encode('<a>é€😀');
    const bytes = Uint8Array.from([...before, 0xff, ...new TextEncoder().encode('x</a>')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(textOf('utf-8', cutAt(bytes, [cut]))).toEqual({ text: '<a>é€😀', invalid: true });
    }
  });

  test('a character cut at the end of the part is invalid, after the text before it', () => {
    const bytes = new TextEncoder().encode('<a>€');
    expect(textOf('utf-8', [bytes.subarray(0, bytes.length - 1)])).toEqual({ text: '<a>', invalid: true });
    const surrogate = utf16('<a>😀', true);
    expect(textOf('utf-16le', [surrogate.subarray(0, surrogate.length - 2)])).toEqual({ text: '<a>', invalid: true });
  });

  test('UTF-8: an end that can never become a character is the error at once, not held for the next chunk', () => {
    for (const end of [[0xff], [0xc0], [0xc1], [0xf5], [0xe0, 0x80], [0xed, 0xa0], [0xf4, 0x90]]) {
      const reader = partText(new TextDecoder('utf-8', { fatal: true }), () => {
        throw new Invalid();
      });
      const texts: string[] = [];
      expect(() => reader.next(Uint8Array.from([0x3c, 0x61, ...end]), (text) => texts.push(text))).toThrow(Invalid);
      expect(texts).toEqual(['<a']);
    }
    // A start that may still become a character waits for the next chunk.
    for (const end of [[0xe2], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3]]) {
      const reader = partText(new TextDecoder('utf-8', { fatal: true }), () => {
        throw new Invalid();
      });
      expect(() => reader.next(Uint8Array.from([0x3c, 0x61, ...end]), () => {})).not.toThrow();
    }
  });

  test('an encoding of one byte a character: the text before a byte it does not map, wherever the chunks are cut', () => {
    const bytes = Uint8Array.from([0x3c, 0x61, 0x3e, 0xe1, 0xd2, 0x78]); // windows-1253 `<a>α`, then unmapped 0xD2
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(textOf('windows-1253', cutAt(bytes, [cut]))).toEqual({ text: '<a>α', invalid: true });
    }
  });

  test('windows-1252 as the standard reads it (0x80 is €, not U+0080), wherever the chunks are cut', () => {
    const bytes = Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x80, 0x3c]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(textOf('windows-1252', cutAt(bytes, [cut]))).toEqual({ text: '<a>é€<', invalid: false });
    }
  });

  test('an encoding of several bytes a character is decoded as a stream', () => {
    const bytes = Uint8Array.from([0x3c, 0x61, 0x3e, 0x82, 0xa0, 0x3c]); // Shift JIS `<a>あ<`
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(textOf('shift_jis', cutAt(bytes, [cut]))).toEqual({ text: '<a>あ<', invalid: false });
    }
  });
});
