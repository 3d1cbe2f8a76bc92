/** Every refusal of the reader reaches the user as a French sentence that says what happened and what to do. */
import { hasMessage, renderMessage } from '../../src/domain/messages';
import { XLSX_READ_ERROR_CODES } from '../../src/xlsx/reader';
import { buildXlsx } from './support/package-builder';
import { readError } from './support/read';

describe('French messages of the reader', () => {
  test.each(XLSX_READ_ERROR_CODES)('%s has a message', (code) => {
    expect(hasMessage(code)).toBe(true);
    const message = renderMessage(code, {
      sheet: 'Axe 1',
      cell: 'B7',
      limit: 2_000_000,
      size: 60 * 2 ** 20,
      ref: 'XFE1',
    });
    expect(message).toMatch(/^[A-ZÀ-Ý].*[.!]$/s);
    expect(message).not.toMatch(/undefined|null|NaN/);
  });

  test('a password-protected file tells how to remove the password', () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(
      Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]),
      1152,
    );
    const error = readError(cfb);
    expect(renderMessage(error.code, error.params)).toBe(
      'Le fichier est protégé par un mot de passe\u00a0: enregistrez-le sans mot de passe dans Excel (Fichier › Informations › Protéger le classeur) puis réessayez.',
    );
  });

  test('a bad shared string names the sheet and the cell; a large file gives its size in Mo', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Axe 2', xml: '<row r="3"><c r="D3" t="s"><v>7</v></c></row>' }] });
    const error = readError(bytes);
    expect(renderMessage(error.code, error.params)).toContain('(feuille «\u00a0Axe 2\u00a0», cellule D3)');
    const large = readError(new Uint8Array(50 * 2 ** 20 + 200_000));
    expect(renderMessage(large.code, large.params)).toContain('(50,2\u00a0Mo, au plus 50\u00a0Mo)');
  });
});
