import { jsonBytes, utf8Length } from '../../src/excel/request-size';

const texts = [
  '',
  'Clé',
  'Égalité « Parentalité » – 85 %',
  '\u00a0:\u202f;',
  '€ ≥ 😀 familles 👨‍👩‍👧',
  'lone \ud800 high, lone \udc00 low, \ud83d at the end \ud83d',
  'quotes " and \\ backslashes, controls \b\t\n\f\r \u0000 \u0001 \u001f, \u007f \u2028 \u2029',
  '=IF(\'Axe 1\'!$B$4="";"";"+ de 10 ateliers")',
  JSON.stringify([['+ de 10 ateliers', 3.5, null, true]]),
];

/** The request measure counts UTF-8 bytes without encoding: it must agree with an encoder on every kind of text. */
test('utf8Length agrees with TextEncoder on ASCII, accents, symbols, emoji and lone surrogates', () => {
  const encoder = new TextEncoder();
  for (const text of texts)
    expect({ text, bytes: utf8Length(text) }).toEqual({ text, bytes: encoder.encode(text).length });
});

/** jsonBytes measures a value's JSON without writing it: the same number as the bytes of JSON.stringify's text. */
test('jsonBytes is the UTF-8 length of JSON.stringify on texts, numbers, arrays, objects and what JSON leaves out', () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  const nested: unknown[] = [];
  let deepest = nested;
  for (let depth = 0; depth < 100; depth += 1) deepest = (deepest[0] = ['é']) as unknown[];
  const values: unknown[] = [
    ...texts,
    texts,
    texts.map((text) => [text, text.length]),
    0,
    -0,
    7,
    -12.5,
    1e21,
    1.5e-7,
    Number.MAX_VALUE,
    NaN,
    Infinity,
    -Infinity,
    true,
    false,
    null,
    [],
    {},
    [[]],
    [[1, 'a', null, true, false, undefined, () => 1, Symbol('s'), NaN]],
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3],
    {
      a: 1,
      'clé « x »': 'é',
      skipped: undefined,
      f: () => 1,
      s: Symbol('s'),
      n: null,
      nested: { b: [1, { c: '😀' }] },
    },
    { only: undefined },
    Object.assign(Object.create(null) as object, { a: 'x', b: [1] }),
    { date: new Date('2026-11-28T10:00:00Z'), dates: [new Date(0)] },
    { toJSON: () => ({ made: 'by toJSON', é: 1 }) },
    [{ toJSON: () => undefined }, new Point(1, 2), new Map([['a', 1]]), new String('boxed'), new Number(3)],
    { [Symbol('key')]: 1, visible: 2 },
    nested,
    {
      values: [
        ['Clé', 'Type', 'Intitulé'],
        ['F1', 'Fiche', 'Égalité'],
      ],
      formats: [['@', 'General', '0,0 %']],
    },
  ];
  for (const value of values) {
    const text = JSON.stringify(value);
    expect({ text, bytes: jsonBytes(value) }).toEqual({ text, bytes: Buffer.byteLength(text) });
  }
  expect(jsonBytes(undefined)).toBe(0);
});

test('jsonBytes throws on a cycle, as JSON.stringify does', () => {
  const cycle: unknown[] = [];
  cycle.push({ again: cycle });
  expect(() => jsonBytes(cycle)).toThrow(TypeError);
});

test('utf8Length and jsonBytes agree with Buffer on texts of any UTF-16 code units', () => {
  // A fixed pseudo-random sequence: the same texts every run, of ASCII, controls, accents, symbols and surrogates.
  let seed = 42;
  const next = (bound: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % bound;
  };
  // Controls, ASCII, two-byte, three-byte, high and low surrogates (paired or lone), above the surrogates.
  const ranges = [0, 0x20, 0x80, 0x800, 0xd800, 0xdc00, 0xe000, 0x10000];
  for (let round = 0; round < 1000; round += 1) {
    const units = Array.from({ length: next(12) }, () => {
      const range = next(ranges.length - 1);
      return ranges[range] + next(ranges[range + 1] - ranges[range]);
    });
    const text = String.fromCharCode(...units);
    expect({ text, bytes: utf8Length(text) }).toEqual({ text, bytes: Buffer.byteLength(text) });
    const json = JSON.stringify([text, { [text]: text }]);
    expect({ json, bytes: jsonBytes([text, { [text]: text }]) }).toEqual({ json, bytes: Buffer.byteLength(json) });
  }
});
