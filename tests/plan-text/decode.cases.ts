import { renderMessage } from '../../src/domain/messages';
import { decodeConventionBytes, parseConvention } from '../../src/plan-text';
import { seedText } from './seed-helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeConventionBytes', () => {
  test('reads UTF-8 and strips a BOM', () => {
    expect(decodeConventionBytes(utf8('Réf de la fiche action'))).toEqual({
      ok: true,
      text: 'Réf de la fiche action',
      encoding: 'utf-8',
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Intérêt')]);
    expect(decodeConventionBytes(withBom)).toEqual({ ok: true, text: 'Intérêt', encoding: 'utf-8' });
  });

  test('the seed file decodes to the text the reader reads', () => {
    const decoded = decodeConventionBytes(utf8(seedText));
    expect(decoded.ok && parseConvention(decoded.text).ok).toBe(true);
  });

  test('reads Windows-1252 text (an old Word export) and UTF-16 with its BOM', () => {
    // "Intérêt : fort" in Windows-1252: é = 0xE9, ê = 0xEA; "œuvre": œ = 0x9C.
    const cp1252 = new Uint8Array([0x49, 0x6e, 0x74, 0xe9, 0x72, 0xea, 0x74, 0x20, 0x9c, 0x75, 0x76, 0x72, 0x65]);
    expect(decodeConventionBytes(cp1252)).toEqual({ ok: true, text: 'Intérêt œuvre', encoding: 'windows-1252' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x52, 0x00, 0xe9, 0x00, 0x66, 0x00]);
    expect(decodeConventionBytes(utf16)).toEqual({ ok: true, text: 'Réf', encoding: 'utf-16le' });
  });

  test.each([
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'pdf'],
    ['a .docx or .xlsx (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'zip'],
    ['an old .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00], 'ole'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'image'],
    ['bytes with NUL', [0x41, 0x00, 0x42], 'binary'],
    ['bytes neither UTF-8 nor Windows-1252', [0x41, 0x81, 0x8d, 0x42], 'binary'],
    ['control characters', [0x41, 0x01, 0x02, 0x42], 'binary'],
  ])('refuses %s with a message the user can act on', (_, bytes, kind) => {
    const result = decodeConventionBytes(new Uint8Array(bytes), 'convention.pdf');
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-text-file', params: { kind, fileName: 'convention.pdf' } },
    });
    if (!result.ok) {
      const message = renderMessage(result.error.code, result.error.params);
      expect(message).toMatch(/^Le fichier «\u00a0convention\.pdf\u00a0» n’est pas un texte \(/);
      expect(message).toMatch(/exportez la convention au format texte \(\.txt\) puis réessayez\.$/);
    }
  });

  test('an empty file is a failure of its own', () => {
    const result = decodeConventionBytes(new Uint8Array(0));
    expect(result).toEqual({ ok: false, error: { code: 'text-file-empty', params: {} } });
    expect(renderMessage('text-file-empty', {})).toBe('Le fichier est vide.');
  });
});
