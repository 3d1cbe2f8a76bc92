/**
 * Properties: whatever the bytes, the reader answers with a grid or an error value, never an exception; and any
 * text, number or boolean written in a cell (escaped as OOXML requires) reads back unchanged.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readXlsx, XLSX_READ_ERROR_CODES } from '../../src/xlsx/reader';
import type { XlsxReadErrorCode } from '../../src/xlsx/reader';
import { buildXlsx, packageParts } from './support/package-builder';
import { readGrids } from './support/read';

const KNOWN_CODES: readonly XlsxReadErrorCode[] = XLSX_READ_ERROR_CODES;

function expectAnAnswer(bytes: Uint8Array): void {
  const result = readXlsx(bytes);
  if (!result.ok) {
    expect(KNOWN_CODES).toContain(result.error.code);
    // Set only when an exception escaped the reader's own checks.
    expect(result.error.params).not.toHaveProperty('unexpected');
  } else {
    expect(Array.isArray(result.grids.sheets)).toBe(true);
  }
}

/** A small valid workbook stored without compression, so that changed bytes land in the XML itself. */
const stored = zipSync(
  Object.fromEntries(
    Object.entries(
      packageParts({
        sheets: [
          {
            name: 'A',
            xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46023</v></c><c r="C1"><f>B1+1</f><v>46024</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>',
          },
        ],
        sharedStrings: ['<si><r><t>a</t></r><rPh><t>b</t></rPh></si>'],
        styles:
          '<numFmts><numFmt numFmtId="164" formatCode="d/m/yy"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs>',
      }),
    ).map(([name, content]) => [name, strToU8(content as string)]),
  ),
  { level: 0 },
);

describe('never an exception', () => {
  test('the stored reference workbook reads', () => {
    expect(readXlsx(stored).ok).toBe(true);
  });

  test('arbitrary bytes, bare or behind a zip signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.boolean(), (bytes, asZip) => {
        const input = asZip ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        expectAnAnswer(input);
      }),
      { numRuns: 300 },
    );
  });

  test('a valid workbook with bytes changed anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(stored.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (changes) => {
          const bytes = stored.slice();
          for (const [at, byte] of changes) bytes[at] = byte;
          expectAnAnswer(bytes);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a valid workbook cut anywhere', () => {
    fc.assert(
      fc.property(fc.nat(stored.length - 1), (length) => {
        const result = readXlsx(stored.subarray(0, length));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.params).not.toHaveProperty('unexpected');
      }),
      { numRuns: 200 },
    );
  });
});

/** Escapes a text the way OOXML writers do: `_xHHHH_` for what XML cannot carry, then XML entities. */
function ooxmlText(text: string): string {
  // A literal `_xHHHH_` in the text is protected first, by escaping its underscore.
  const protectedText = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  let escaped = '';
  for (const char of protectedText) {
    const code = char.codePointAt(0)!;
    const unsafe = (code < 0x20 && char !== '\t' && char !== '\n') || code === 0xfffe || code === 0xffff;
    escaped += unsafe ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : char;
  }
  return escaped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('values read back as written', () => {
  const cellValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('_', 'x', '0', 'D', '\r', '\n', ' ', '&', '<'), maxLength: 20 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
  );

  test('shared strings, inline strings, numbers and booleans', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 6 }), fc.boolean(), (rows, shared) => {
        const strings: string[] = [];
        const xml = rows
          .map(
            (row) =>
              `<row>${row
                .map((value) => {
                  if (typeof value === 'number') return `<c><v>${value}</v></c>`;
                  if (typeof value === 'boolean') return `<c t="b"><v>${value ? 1 : 0}</v></c>`;
                  const t = `<t xml:space="preserve">${ooxmlText(value)}</t>`;
                  if (!shared) return `<c t="inlineStr"><is>${t}</is></c>`;
                  strings.push(`<si>${t}</si>`);
                  return `<c t="s"><v>${strings.length - 1}</v></c>`;
                })
                .join('')}</row>`,
          )
          .join('');
        const sheet = readGrids(buildXlsx({ sheets: [{ name: 'P', xml }], sharedStrings: strings })).sheets[0];
        const expected = rows.map((row) => row.map((value) => ({ value })));
        // Trailing empty rows are not kept.
        while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
        expect(sheet.rows).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
