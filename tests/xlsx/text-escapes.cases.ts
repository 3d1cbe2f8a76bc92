import { decodeOoxmlEscapes, encodeOoxmlEscapes } from '../../src/xlsx/reader/text-escapes';

/**
 * What the writer and the patch write is read back by Excel, openpyxl and our reader through the `_xHHHH_` escapes:
 * every text must come back as the person typed it, including one that ends like an escape before a character XML
 * cannot carry.
 */
describe('a text written with OOXML escapes', () => {
  const texts = [
    'Atelier parents\u000bAtelier enfants',
    'Saisi tel quel : _x000B_',
    '_x005F_x0041_',
    'Réf_x0041\u000b',
    'Code _x00e9\u0001 suivant',
    '_x1234\ud800',
    '_x0041\ud83d\ude00 émoji',
    '_x1234\u007f_',
    'Tab\tet saut\nde ligne\r',
  ];

  it.each(texts)('reads back as typed: %j', (text) => {
    expect(decodeOoxmlEscapes(encodeOoxmlEscapes(text))).toBe(text);
  });
});
