import type { PlanFailureCode } from '../domain/messages/plan';

/**
 * The bytes of a file the user picked, as text: a BOM is stripped, UTF-8 is read, then UTF-16 (with its BOM) and
 * Windows-1252 (an export from an old Word). A PDF, a Word or Excel file (zip or OLE), an image or any file with
 * NUL bytes or control characters is refused with a failure the user can act on.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; error: { code: PlanFailureCode; params: Record<string, string> } };

const MAGIC: { kind: string; bytes: number[] }[] = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] }, // docx, xlsx, odt, zip
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty zip
  { kind: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // doc, xls
  { kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47] }, // png
  { kind: 'image', bytes: [0xff, 0xd8, 0xff] }, // jpeg
  { kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] }, // gif
  { kind: 'rtf', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] }, // {\rtf
];

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1: byte = code point). Written out because Node's TextDecoder
 * reads 'windows-1252' as Latin-1 when built without full ICU, which would turn ’ (0x92) and œ (0x9C) into
 * control characters. \u0000 marks the five bytes with no character.
 */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

function decodeWindows1252(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) {
      const char = CP1252_HIGH[byte - 0x80];
      if (char === '\u0000') return null;
      text += char;
    } else text += String.fromCharCode(byte);
  }
  return text;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Control characters other than tab, line feed, form feed and carriage return: a text never has them. */
function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/.test(text);
}

export function decodeConventionBytes(bytes: Uint8Array, fileName = ''): DecodeResult {
  const refuse = (kind: string): DecodeResult => ({
    ok: false,
    error: { code: 'not-text-file', params: { kind, ...(fileName ? { fileName } : {}) } },
  });
  if (bytes.length === 0)
    return { ok: false, error: { code: 'text-file-empty', params: fileName ? { fileName } : {} } };
  for (const magic of MAGIC) if (startsWith(bytes, magic.bytes)) return refuse(magic.kind);

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return hasControlCharacters(text) ? refuse('binary') : { ok: true, text, encoding };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return refuse('binary');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return hasControlCharacters(text) ? refuse('binary') : { ok: true, text, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: plausible Windows-1252 text, or binary.
  }
  const text = decodeWindows1252(body);
  return text === null || hasControlCharacters(text) ? refuse('binary') : { ok: true, text, encoding: 'windows-1252' };
}
