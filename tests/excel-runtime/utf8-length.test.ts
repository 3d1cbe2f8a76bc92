import { utf8Length } from '../../src/excel/request-size';

/** The request measure counts UTF-8 bytes without encoding: it must agree with an encoder on every kind of text. */
test('utf8Length agrees with TextEncoder on ASCII, accents, symbols, emoji and lone surrogates', () => {
  const encoder = new TextEncoder();
  const texts = [
    '',
    'Clé',
    'Égalité « Parentalité » – 85 %',
    '\u00a0:\u202f;',
    '€ ≥ 😀 familles 👨‍👩‍👧',
    'lone \ud800 high, lone \udc00 low, \ud83d at the end \ud83d',
    JSON.stringify([['+ de 10 ateliers', 3.5, null, true]]),
  ];
  for (const text of texts)
    expect({ text, bytes: utf8Length(text) }).toEqual({ text, bytes: encoder.encode(text).length });
});
