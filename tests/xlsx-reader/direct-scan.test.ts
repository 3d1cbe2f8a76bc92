/**
 * The direct scanner (src/xlsx/reader/xml-scan.ts) against saxes's path, which it replaces for the parts it
 * understands: random sheets read the same grids (or the same error) both ways, any XML it accepts gives saxes's
 * events exactly and saxes accepts it too, and the workbooks of tests/fixtures read the same.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { isSkipped, UNREAD_FORMULA, type PartialWorkbookGrids, type SheetGrid } from '../../src/domain/grid';
import { readXlsx, type XlsxReadResult } from '../../src/xlsx/reader';
import { MAX_SCANNED_PART_BYTES, parseXmlChunks, xmlReading, type XmlHandlers } from '../../src/xlsx/reader/xml-part';
import { scanXml as scanBytes, type ScanHandlers } from '../../src/xlsx/reader/xml-scan';
import { readZipDirectory } from '../../src/xlsx/reader/zip-directory';
import { buildXlsx, worksheetXml } from './support/package-builder';

type XmlEvent = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

function recorder(): XmlHandlers & { events: XmlEvent[] } {
  const events: XmlEvent[] = [];
  return {
    events,
    open: (name, attributes) => events.push(['open', name, { ...attributes }]),
    close: (name) => events.push(['close', name]),
    text(text) {
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else if (text !== '') events.push(['text', text]);
    },
  };
}

/** The scanner over a text's UTF-8 bytes. */
function scanXml(xml: string | Uint8Array, handlers: ScanHandlers): boolean {
  return scanBytes(typeof xml === 'string' ? strToU8(xml) : xml, handlers);
}

/** Rows and cells as the scanner reads them in `<sheetData>`, dropped. */
const ignoredCells = {
  startRow() {},
  endRow() {},
  startCell() {},
  startCellAt() {},
  emptyCellAt() {},
  formulaTexts: true,
  cellFormulaBytes() {},
  cellValue() {},
  cellInteger() {},
  cellFormula() {},
  endCell() {},
};

function saxesEvents(xml: string): XmlEvent[] | 'refused' {
  const handlers = recorder();
  try {
    parseXmlChunks('part.xml', (onChunk) => onChunk(strToU8(xml)), handlers);
    return handlers.events;
  } catch {
    return 'refused';
  }
}

function withoutScanning<T>(read: () => T): T {
  xmlReading.directScan = false;
  try {
    return read();
  } finally {
    xmlReading.directScan = true;
  }
}

function expectSameReads(bytes: Uint8Array, sheets?: (name: string) => boolean): void {
  const read = () => (sheets ? readXlsx(bytes, { sheets }) : readXlsx(bytes));
  const whole = read();
  expect(whole).toEqual(withoutScanning(read));
  // A read leaving formula texts: the same both ways, and the whole read but for texts of formulas with a plain result.
  const leaving = () => readXlsx(bytes, { sheets: sheets ?? (() => true), formulaTexts: false });
  const left = leaving();
  expect(left).toEqual(withoutScanning(leaving));
  expect(left).toEqual(whole.ok ? { ok: true, grids: formulasAsLeft(whole.grids, left) } : whole);
  // The consolidation's read, which also stops at the end of each sheet's cells: the same both ways.
  const consolidating = () =>
    readXlsx(bytes, { sheets: sheets ?? (() => true), formulaTexts: false, sheetTails: false });
  expect(consolidating()).toEqual(withoutScanning(consolidating));
}

/**
 * `whole`'s grids with the formulas `left` did not read given as such, after checking each may be left: a formula
 * whose cell holds a number or a text (no result, a truth value or an error keep their text).
 */
function formulasAsLeft(whole: PartialWorkbookGrids, left: XlsxReadResult<PartialWorkbookGrids>): PartialWorkbookGrids {
  if (!left.ok) return whole;
  return {
    sheets: whole.sheets.map((sheet, s) => {
      if (isSkipped(sheet)) return sheet;
      const leftSheet = left.grids.sheets[s] as SheetGrid;
      return {
        ...sheet,
        rows: sheet.rows.map((row, r) =>
          row.map((cell, c) => {
            if (leftSheet.rows[r]?.[c]?.formula !== UNREAD_FORMULA || !cell) return cell;
            expect(cell.formula).toBeDefined();
            expect(cell.uncalculated || cell.isError || typeof cell.value === 'boolean').toBeFalsy();
            return { ...cell, formula: UNREAD_FORMULA };
          }),
        ),
      };
    }),
  };
}

// ---- random sheets, written as Excel and LibreOffice write them ------------------------------------------------

const textChar = fc.constantFrom(
  'a',
  'Z',
  'é',
  'Œ',
  ' ',
  '  ',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\n',
  '\t',
  '\r\n',
  '\r',
  '_x000D_',
  '€',
  '1',
  ';',
  '=',
);
const text = fc.array(textChar, { maxLength: 12 }).map((chars) => chars.join(''));

/** XML-escapes a text, sometimes with character references rather than entities (both are read alike). */
function escapeText(value: string, numeric: boolean): string {
  return value.replace(/[&<>"']/g, (char) =>
    numeric
      ? `&#${char.charCodeAt(0)};`
      : { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[char]!,
  );
}

/**
 * How a writer opens a `<t>`: with or without `xml:space`, which the shared strings' shortcut reads (Excel,
 * LibreOffice), or in a way it leaves to the events.
 */
const textTag = fc.constantFrom(
  '<t>',
  '<t xml:space="preserve">',
  '<t xml:space="preserve" >',
  "<t xml:space='preserve'>",
);

const stringItem = fc
  .record({
    runs: fc.array(text, { minLength: 1, maxLength: 3 }),
    rich: fc.boolean(),
    phonetic: fc.boolean(),
    numeric: fc.boolean(),
    tag: textTag,
  })
  .map(({ runs, rich, phonetic, numeric, tag }) => {
    const t = (value: string) => `${tag}${escapeText(value, numeric)}</t>`;
    const body = rich
      ? runs.map((run, i) => `<r>${i % 2 ? '<rPr><b/><sz val="11"/></rPr>' : ''}${t(run)}</r>`).join('')
      : t(runs.join(''));
    return body + (phonetic ? '<rPh sb="0" eb="1"><t>ふ</t></rPh>' : '');
  });

const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
  fc.constantFrom('46023', '0.85', '1E-3', ' 7 ', '', 'abc'),
  // Integers the scanner reads from their bytes, and texts that only look like them.
  fc.constantFrom('0', '-12', '007', '-0', '+5', '123456789012345', '1234567890123456', '-'),
);

type CellSpec = { kind: string; xml: (ref: string) => string };

function cellKind(sharedCount: number): fc.Arbitrary<CellSpec> {
  const attrs = (ref: string, more: string) => `${ref ? ` r="${ref}"` : ''}${more}`;
  return fc.oneof(
    fc.record({ n: number, s: fc.constantFrom('', ' s="0"', ' s="1"', ' s="2"') }).map(({ n, s }) => ({
      kind: 'number',
      xml: (ref: string) => `<c${attrs(ref, s)}><v>${n}</v></c>`,
    })),
    fc.oneof(fc.nat(sharedCount + 1).map(String), fc.constantFrom('00', '-0', ' 0', '0.0', '-1')).map((index) => ({
      kind: 'shared',
      xml: (ref: string) => `<c${attrs(ref, ' t="s"')}><v>${index}</v></c>`,
    })),
    fc.constantFrom(' t="str"', ' t="b"', ' t="d"', ' t="e"', ' t="x"').chain((type) =>
      fc.constantFrom('007', '12', '-3', '0', '1', '2026').map((v) => ({
        kind: 'digits of a text type',
        xml: (ref: string) => `<c${attrs(ref, type)}><f>A1</f><v>${v}</v></c>`,
      })),
    ),
    stringItem.map((item) => ({
      kind: 'inline',
      xml: (ref: string) => `<c${attrs(ref, ' t="inlineStr"')}><is>${item}</is></c>`,
    })),
    fc.record({ formula: text, value: text }).map(({ formula, value }) => ({
      kind: 'str',
      xml: (ref: string) =>
        `<c${attrs(ref, ' t="str"')}><f>${escapeText(formula, false)}</f><v>${escapeText(value, false)}</v></c>`,
    })),
    fc
      .constantFrom('0', '1', 'true')
      .map((v) => ({ kind: 'bool', xml: (ref: string) => `<c${attrs(ref, ' t="b"')}><v>${v}</v></c>` })),
    fc.constantFrom('0', '1', 'true').map((v) => ({
      kind: 'libreoffice bool',
      xml: (ref: string) => `<c${attrs(ref, ' t="b"')}><f>TRUE()</f><v>${v}</v></c>`,
    })),
    fc.constantFrom('#DIV/0!', '#N/A', '#REF!').map((v) => ({
      kind: 'error',
      xml: (ref: string) => `<c${attrs(ref, ' t="e"')}><f>${v === '#N/A' ? '#N/A' : '1/0'}</f><v>${v}</v></c>`,
    })),
    fc.constantFrom('2026-03-31', '2026-03-31T12:00:00', 'bad').map((v) => ({
      kind: 'iso date',
      xml: (ref: string) => `<c${attrs(ref, ' t="d"')}><v>${v}</v></c>`,
    })),
    fc
      .record({
        formula: fc.constantFrom('A1+1', 'SUM($A$1:B2)', 'IF(B3>0,"a&b",C$4)'),
        cached: fc.boolean(),
        n: number,
      })
      .map(({ formula, cached, n }) => ({
        kind: 'formula',
        xml: (ref: string) =>
          `<c${attrs(ref, '')}><f>${escapeText(formula, false)}</f>${cached ? `<v>${n}</v>` : ''}</c>`,
      })),
    fc.constantFrom('0', '1').map((si) => ({
      kind: 'shared formula',
      xml: (ref: string) => `<c${attrs(ref, '')}><f t="shared" si="${si}"/><v>3</v></c>`,
    })),
    fc.constantFrom('0', '1').map((si) => ({
      kind: 'shared master',
      xml: (ref: string) => `<c${attrs(ref, '')}><f t="shared" ref="A1:D9" si="${si}">B${si}*2+$C$1</f><v>2</v></c>`,
    })),
    fc
      .constantFrom(' s="1"', '', ' t="s"', ' t="inlineStr" s="2"', ' s="&amp;"', ' s="x"')
      .map((s) => ({ kind: 'empty', xml: (ref: string) => `<c${attrs(ref, s)}/>` })),
    fc.constantFrom(' s="01"', ' s="&amp;"', ' s="9999999999"').map((s) => ({
      kind: 'odd style',
      xml: (ref: string) => `<c${attrs(ref, s)}><v>46023</v></c>`,
    })),
    fc.constant({ kind: 'empty value', xml: (ref: string) => `<c${attrs(ref, '')}><v></v></c>` }),
  );
}

const columnLetters = (col: number): string =>
  (col > 26 ? columnLetters(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

interface RandomSheet {
  sheetData: string;
  sharedStrings: string[];
}

const sheet: fc.Arbitrary<RandomSheet> = fc.array(stringItem, { maxLength: 6 }).chain((sharedStrings) =>
  fc
    .array(
      fc.record({
        gap: fc.nat(3),
        numbered: fc.boolean(),
        spans: fc.boolean(),
        cells: fc.array(fc.record({ gap: fc.nat(2), numbered: fc.boolean(), cell: cellKind(sharedStrings.length) }), {
          maxLength: 6,
        }),
      }),
      { maxLength: 8 },
    )
    .map((rows) => {
      let rowNumber = 0;
      const xml = rows.map((row) => {
        rowNumber += row.numbered ? 1 + row.gap : 1;
        let col = 0;
        const cells = row.cells.map(({ gap, numbered, cell }) => {
          col += numbered ? 1 + gap : 1;
          return cell.xml(numbered ? `${columnLetters(col)}${rowNumber}` : '');
        });
        const attributes = `${row.numbered ? ` r="${rowNumber}"` : ''}${row.spans ? ` spans="1:${Math.max(col, 1)}" x14ac:dyDescent="0.25"` : ''}`;
        return cells.length === 0 ? `<row${attributes}/>` : `<row${attributes}>${cells.join('')}</row>`;
      });
      return { sheetData: xml.join(''), sharedStrings: sharedStrings.map((item) => `<si>${item}</si>`) };
    }),
);

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9"/></cellXfs>';

/**
 * Around `<sheetData>`: what Excel puts before and after it, which costs nothing but must stay well-formed, and the
 * merged ranges, read after it.
 */
const BEFORE =
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:Z99"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="2" width="12.5" customWidth="1"/></cols>';
const AFTER =
  '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="$C$2:D3"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="B2:B9"><formula1>"Réalisée,En cours"</formula1></dataValidation></dataValidations><conditionalFormatting sqref="A1:A9"><cfRule type="expression" priority="1"><formula>$A1&lt;&gt;""</formula></cfRule></conditionalFormatting><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst>';

type Layout = 'compact' | 'indented' | 'prefixed' | 'excel';

/**
 * One of the ways writers lay a worksheet out: compact, indented, with every element prefixed, or as Excel does
 * (a carriage return and line feed after the declaration, and here between rows too).
 */
function worksheet(sheetData: string, layout: Layout): string {
  const xml = worksheetXml(sheetData, BEFORE, AFTER).replace(
    '<worksheet ',
    '<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ',
  );
  if (layout === 'indented') return xml.replace(/<(row|c|sheetData|\/sheetData|\/row)\b/g, '\n  <$1');
  if (layout === 'excel') return xml.replace('?>\n', '?>\r\n').replace(/<row\b/g, '\r\n<row');
  if (layout === 'prefixed') {
    return xml
      .replace(/<(\/?)(?!\?|x14)([A-Za-z]+[ />])/g, '<$1x:$2')
      .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
  }
  return xml;
}

describe('the direct scanner reads what saxes reads', () => {
  test('random sheets: the same grids, or the same error, both ways; the scanner read them itself', () => {
    fc.assert(
      fc.property(
        sheet,
        fc.constantFrom<Layout>('compact', 'indented', 'prefixed', 'excel'),
        ({ sheetData, sharedStrings }, layout) => {
          const xml = worksheet(sheetData, layout);
          expect(scanXml(xml, recorder())).toBe(true);
          expect(scanXml(xml, { ...recorder(), sheetData: ignoredCells })).toBe(true);
          expect(saxesEvents(xml)).not.toBe('refused');
          const bytes = buildXlsx({ sheets: [{ name: 'Axe 1', xml }], sharedStrings, styles: STYLES });
          expectSameReads(bytes);
          const read = readXlsx(bytes);
          if (read.ok) expect(read.grids.sheets[0].mergedRanges).toEqual(['A1:B1', 'C2:D3']);
        },
      ),
      // A zip and two reads each (≈ 8 ms); every run draws a new seed, so the cases add up across runs.
      { numRuns: 150 },
    );
  });

  test('shared strings: an item written plainly comes whole, any other through the events, each as saxes reads it', () => {
    const items = [
      '<si><t>Réalisée</t></si>',
      '<si><t xml:space="preserve"> deux  espaces &amp; &#233;\r\n_x000D_</t></si>',
      '<si><t></t></si>',
      '<si><t/></si>',
      '<si><r><t>Gras</t></r><r><rPr><b/></rPr><t> et non</t></r></si>',
      '<si><t>ふ</t><rPh sb="0" eb="1"><t>フ</t></rPh></si>',
      '<si><t xml:space="preserve" >espace avant ></t></si>',
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join('')}</sst>`;
    const whole: string[] = [];
    const events = recorder();
    expect(scanXml(xml, { ...events, plainStringItem: (text) => whole.push(text) })).toBe(true);
    expect(whole).toEqual(['Réalisée', ' deux  espaces & é\n_x000D_', '']);
    // The other items came as events, in their place among the items given whole.
    expect(events.events.filter((event) => event[0] === 'open' && event[1] === 'si')).toHaveLength(4);
    const sheet = worksheet(
      '<row r="1">' + items.map((_, i) => `<c r="${columnLetters(i + 1)}1" t="s"><v>${i}</v></c>`).join('') + '</row>',
      'compact',
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: sheet }], sharedStrings: items, styles: STYLES });
    expectSameReads(bytes);
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.error.code);
    expect((read.grids.sheets[0] as SheetGrid).rows[0].map((cell) => cell?.value)).toEqual([
      'Réalisée',
      ' deux  espaces & é\n\r',
      '',
      '',
      'Gras et non',
      'ふ',
      'espace avant >',
    ]);
  });

  test('a grid as the scanner reads it, by hand', () => {
    const xml = worksheet(
      '<row r="2"><c r="B2" t="inlineStr"><is><r><t xml:space="preserve"> a &lt;b&gt; </t></r><r><rPr><b/></rPr><t>&#233;t&#xE9;_x000D_</t></r><rPh><t>x</t></rPh></is></c><c s="1"><v>46023</v></c><c t="s"><v>0</v></c></row><row><c r="A3"><f t="shared" ref="A3:A4" si="0">B2&amp;"x"</f><v>1</v></c></row><row><c><f t="shared" si="0"/></c></row>',
      'compact',
    );
    const bytes = buildXlsx({
      sheets: [{ name: 'S', xml }],
      sharedStrings: ['<si><t>&quot;x&apos;</t></si>'],
      styles: STYLES,
    });
    const result = readXlsx(bytes);
    expect(result.ok && result.grids.sheets[0].rows).toEqual([
      [],
      [null, { value: ' a <b> ét\u00e9\r' }, { value: 46023, isDate: true }, { value: '"x\'' }],
      [{ value: 1, formula: 'B2&"x"' }],
      [{ value: null, formula: 'B3&"x"', uncalculated: true }],
    ]);
    expectSameReads(bytes);
  });
});

describe('rows as long as their last cell', () => {
  // A row is made with the room of the row before it, then cut to its last cell: a narrow row after a wide one, a
  // row whose cells come out of order, a cell of another row inside a <row>.
  test('whatever room each row was given, both ways', () => {
    const wide = Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}1"><v>${c}</v></c>`);
    const xml = worksheet(
      `<row r="1">${wide.join('')}</row><row r="2"><c r="B2"><v>2</v></c></row>` +
        '<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>30</v></c></row>' +
        '<row r="4"><c r="B5"><v>5</v></c><c r="A4"><v>4</v></c></row>',
      'compact',
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: [], styles: STYLES });
    const result = readXlsx(bytes);
    expect(result.ok && result.grids.sheets[0].rows).toEqual([
      Array.from({ length: 10 }, (_, c) => ({ value: c })),
      [null, { value: 2 }],
      [{ value: 30 }, null, { value: 3 }],
      [{ value: 4 }],
      [null, { value: 5 }],
    ]);
    expectSameReads(bytes);
  });

  test('a row wider than the room a row is given, then a narrow one', () => {
    const wide = `<row r="1"><c r="A1"><v>1</v></c><c r="KN1"><v>300</v></c></row>`; // KN: column 300
    const xml = worksheet(
      `${wide}<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="KP3"><v>302</v></c></row>`,
      'compact',
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: [], styles: STYLES });
    const result = readXlsx(bytes);
    const rows = result.ok ? result.grids.sheets[0].rows : [];
    expect(rows.map((row) => row.length)).toEqual([300, 1, 302]);
    expect([rows[0][299], rows[1][0], rows[2][301]]).toEqual([{ value: 300 }, { value: 2 }, { value: 302 }]);
    // Nothing but the cells and nulls between them: no hole, no leftover room.
    expect(rows.map((row) => Array.from(row).filter((cell) => cell !== null).length)).toEqual([2, 1, 1]);
    expect(rows.every((row) => Array.from(row).every((cell) => cell !== undefined))).toBe(true);
    expectSameReads(bytes);
  });
});

// ---- any XML: what the scanner accepts, saxes gives the same events for ------------------------------------------

const fragment = fc.constantFrom(
  '<c r="A1">',
  '</c>',
  '<v>',
  '</v>',
  '<x:c>',
  '</x:c>',
  '<c/>',
  '<c r="A1" r="B1"/>',
  '<c a=\'1\' b = "2" />',
  '<c a="1"b="2"/>',
  '<c a="x&#10;y"/>',
  '<c a="x\ty"/>',
  '<c a="<"/>',
  '<c a="&amp;&lt;"/>',
  '< c>',
  '</c >',
  '<c\u00e9/>',
  'text',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '<c a="x\ry"/>',
  '&amp;',
  '&lt;&gt;&quot;&apos;',
  '&#233;',
  '&#x1F600;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '&',
  '&#;',
  '>',
  ']]>',
  '<!-- comment -->',
  '<![CDATA[<x>]]>',
  '<?pi x?>',
  '<!DOCTYPE x>',
  '\u0001',
  '\uFFFE',
  '😀',
  '<',
  '<:c/>',
  '<c:/>',
);

/** Balanced pieces, so that a fair share of the documents are well-formed. */
const wellFormed = fc.constantFrom(
  '<c r="A1"><v>1</v></c>',
  '<c t="inlineStr"><is><r><t xml:space="preserve"> a </t></r></is></c>',
  '<row r="2" spans="1:3"/>',
  '<x:f t="shared" si="0">A1&amp;B1</x:f>',
  '<d a="&lt;&#x41;&quot;"></d >',
  'é &gt; 1',
  '\n  ',
);

const document = fc.record({
  declaration: fc.constantFrom(
    '',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<?xml version="1.1"?>',
    ' <?xml version="1.0"?>',
    '\n',
  ),
  body: fc.array(fc.oneof({ arbitrary: wellFormed, weight: 3 }, { arbitrary: fragment, weight: 1 }), { maxLength: 8 }),
  after: fc.constantFrom('', '\n', '<r/>', 'x'),
});

describe('on any XML, the scanner is saxes or gives up', () => {
  test('random documents made of fragments, well-formed or not', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, ({ declaration, body, after }) => {
        const xml = `${declaration}<root a="1">${body.join('')}</root>${after}`;
        const handlers = recorder();
        if (!scanXml(xml, handlers)) return;
        accepted++;
        expect(handlers.events).toEqual(saxesEvents(xml));
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a good share of the documents are the scanner's own.
    expect(accepted).toBeGreaterThan(200);
  });

  test('well-formed documents the scanner reads itself', () => {
    for (const xml of [
      '<a/>',
      '<?xml version="1.0"?>\n<a x:y="1" xmlns:x="u"><b>t &amp; &#233;</b>\n</a>\n',
      '<x:a xmlns:x="u"><x:b c=\'&quot;\'/></x:a>',
    ]) {
      const handlers = recorder();
      expect(scanXml(xml, handlers)).toBe(true);
      expect(handlers.events).toEqual(saxesEvents(xml));
    }
  });

  test('a byte outside the subset is found wherever it falls among the words it checks four at a time', () => {
    const text = 'abcdefgh ijklmnop';
    // The references too: every `&` is checked there, so that texts need no second look (good ones read).
    const good = ['\x7F\u0080', '&amp;', '&quot;&lt;', '&apos;&gt;', '&#233;', '&#x2019;'];
    // A refused byte right after a good reference: the words start again where the reference ends.
    const bads = ['\u0001', ']]>', '😀', '\uFFFE', '&bogus;', '&#0;', '&#xD800;', '&amp', '&amp;\u0001', 'é&lt;&#0;'];
    // Near misses of the references read from one word (`&quot;`, `&apos;`, `&lt;`, `&gt;`).
    bads.push('&quot', '&quo;', '&apos', '&apo;', '&lt', '&gt', '&ltt;', '&quotx;', '&quot;\u0001', '&gt;\u0001');
    for (const bad of [...bads, ...good]) {
      for (let at = 0; at <= text.length; at++) {
        for (let offset = 0; offset < 4; offset++) {
          const xml = strToU8(`<a>${text.slice(0, at)}${bad}${text.slice(at)}</a>`);
          const shifted = new Uint8Array(xml.length + offset);
          shifted.set(xml, offset);
          const part = shifted.subarray(offset);
          for (const handlers of [recorder(), { ...recorder(), onlyNamesOutsideCells: true }]) {
            expect(scanXml(part, handlers)).toBe(good.includes(bad));
          }
        }
      }
    }
  });

  test('bytes that are no UTF-8 are found wherever they fall among the words, the end of the part included', () => {
    const text = strToU8('abcdefgh ijklmnop');
    // A lone continuation byte, overlong forms, a surrogate, U+FFFE, a character outside the plane the scanner
    // reads, and sequences cut short (by the next byte, or by the end of the part).
    const bads = [
      [0x80],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xef, 0xbf, 0xbe],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe2, 0x82],
      [0xc3],
    ];
    for (const bad of bads) {
      for (let at = 0; at <= text.length; at++) {
        for (const whole of [
          [...strToU8('<a>'), ...text.subarray(0, at), ...bad, ...text.subarray(at), ...strToU8('</a>')],
          [...strToU8('<a>'), ...text.subarray(0, at), ...strToU8('</a>'), ...bad],
        ]) {
          for (let offset = 0; offset < 4; offset++) {
            const shifted = new Uint8Array(whole.length + offset);
            shifted.set(whole, offset);
            expect(scanXml(shifted.subarray(offset), recorder())).toBe(false);
          }
        }
      }
    }
  });

  test('what it leaves to saxes', () => {
    for (const xml of [
      '<a><!-- c --></a>',
      '<a><![CDATA[x]]></a>',
      '<!DOCTYPE a><a/>',
      '<a b="x\ty"/>',
      '<a>&nbsp;</a>',
      '<a>😀</a>',
      '<a><b></a>',
      '<a>',
      '<a/><b/>',
      '<a b="1" b="2"/>',
    ]) {
      expect(scanXml(xml, recorder())).toBe(false);
    }
    // Also where it checks texts and attributes without making them (a worksheet's, outside its cells).
    const quiet = { ...recorder(), onlyNamesOutsideCells: true };
    for (const xml of [
      '<a><x b="&bogus;"/></a>',
      '<a>x &bogus; y</a>',
      '<a>&#0;</a>',
      '<a b="&#10;"/>',
      '<a>&#xD800;</a>',
    ]) {
      expect(scanXml(xml, quiet)).toBe(false);
    }
    expect(scanXml('<a b="&amp;&quot;">x &lt; &#233;</a>', quiet)).toBe(true);
  });
});

describe('in <sheetData>, the cells the scanner reads or leaves', () => {
  const cellFragment = fc.constantFrom(
    '<row r="1">',
    '<row>',
    '</row>',
    '<row r="3"/>',
    '<c r="B1" t="s">',
    '<c t="inlineStr">',
    '<c s="1">',
    '<c>',
    '</c>',
    '<c r="C2"/>',
    '<v>1</v>',
    '<v>&lt;x&gt;</v>',
    '<v/>',
    '<v a="1">2</v>',
    '<f>A1+1</f>',
    '<f t="shared" si="0" ref="A1:A3">B1</f>',
    '<f t="shared" si="0"/>',
    '<is><t>a &amp; b</t></is>',
    '<is><r><t xml:space="preserve"> x </t></r></is>',
    '<is/>',
    '<x/>',
    '<extLst><ext/></extLst>',
    // Attributes and text the sheet reader does not use are checked, not made: a bad reference still goes to saxes.
    '<x a="&amp;&#10;"/>',
    '<x a="&bogus;"/>',
    '<x a="&#0;"/>',
    'a &amp; b',
    'a &bogus; b',
    '&#xD800;',
    ' ',
    'text',
    '<!-- c -->',
    '<c r="A1" r="A1">',
    '<c r="ZZZZ9">',
    // References the scanner reads from their bytes, or leaves to the reader's own checks.
    '<c r="b3">',
    '<c r="XFD1048576"/>',
    '<c r="XFE1"/>',
    '<c r="A1048577"/>',
    '<c r="A0"/>',
    '<c r="1A"/>',
    '<c r="A&#49;"/>',
    // Empty cells skipped and integers read from their bytes, or their attributes and text left to the reader.
    '<c r="D1" s="&bogus;"/>',
    '<c r="D2" t="&#115;"/>',
    '<c r="D3" s="&#49;">',
    '<c r="E1" t="str">',
    '<c r="E2" t="b">',
    // The shape read before any other (`<c r="F4" s="7"/>`), and tags that only nearly have it.
    '<c r="C3" s="7"/>',
    '<c r="C4" s="17" />',
    '<c r="C5" s=""/>',
    '<c r="c6" s="3"/>',
    '<c r="A07" s="3"/>',
    '<c r="XFE2" s="1"/>',
    '<c r="A1048577" s="1"/>',
    '<c r="A0" s="2"/>',
    '<c r="B" s="2"/>',
    '<c r="C7" s="2" t="s"/>',
    '<c r="C8" s="7" t="s">',
    '<c r="C9" s="7" t="str">',
    '<c r="C10" s="7" t="inlineStr">',
    '<c r="C11" s="1234567890">',
    '<c r="C12" s="7" t="">',
    '<c r="C13" s="7" t="S">',
    '<c r="C14" s="7">',
    '<v>',
    '<f>',
    '</v>',
    '</f>',
    '<v>007</v>',
    '<v>-0</v>',
    '<v>-12</v>',
    '<sheetData>',
    '</sheetData>',
  );

  test('empty cells it skips and integers it reads from their bytes: as saxes reads them, refusals included', () => {
    for (const cells of [
      '<c r="D1" s="&bogus;"/>',
      '<c r="D1" t="&#115;"/><c><v>1</v></c>',
      '<c r="D1" s="7"/><c t="s"><v>0</v></c>',
      '<c r="D1" s="&#49;"><v>46023</v></c>',
      '<c r="E1" t="str"><f>A1</f><v>007</v></c><c r="E2" t="b"><v>1</v></c><c r="E3"><v>-0</v></c>',
      '<c r="E1" t="s"><v>-0</v></c><c r="E2" t="s"><v>00</v></c><c r="E3" s="1"><v>-12</v></c>',
      '<c r="E1" t="s"><v>1</v></c>',
      '<c r="E1"><v>1234567890123456</v></c><c r="F1"><v>123456789012345</v></c>',
      '<c r="B1" s="7"/><c r="AB1" s="12"/><c><v>1</v></c><c r="XFD1" s="3"/><c><v>2</v></c>',
      '<c r="B01" s="7"/><c><v>1</v></c>',
      '<c r="XFE1" s="7"/><c><v>1</v></c>',
      '<c r="A1048577" s="7"/>',
      '<c r="A0" s="7"/><c><v>1</v></c>',
      '<c r="7" s="7"/><c><v>1</v></c>',
      '<c r="C1" s="7" /><c><v>1</v></c><c r="E1" s="" /><c><v>2</v></c>',
      '<c r="A1" s="7" t="s"><v>0</v></c><c r="B1" s="3"><f>A1</f><v>2</v></c><c r="C1" s="123456789"><v>1</v></c>',
      '<c r="A1" s="7" t="str"><f>A1&amp;"x"</f><v>ax</v></c><c r="B1" s="7" t="e"><v>#N/A</v></c>',
      '<c r="A1" s="7" t="b"><v>1</v></c><c r="B1" s="1234567890"><v>1</v></c><c s="2" r="C1"><v>3</v></c>',
      '<c r="A1" s="7" t="d"><v>2026-01-01</v></c><c r="B1" s="7" t="n"><v>1.5</v></c><c r="C1" s="0" t="s"/>',
      '<c r="A1" s="7" t="x"><v>1</v></c>',
      '<c r="A1" s="7x><v>1</v></c>',
      '<c r="A1" s="7" t="s><v>0</v></c>',
    ]) {
      const xml = worksheet(`<row r="1">${cells}</row>`, 'compact');
      expectSameReads(
        buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: ['<si><t>s</t></si>'], styles: STYLES }),
      );
    }
  });

  test('a read leaving formula texts reads them where a cell has no result, a truth value or an error', () => {
    const xml = worksheet(
      '<row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>3</v></c><c r="B1" t="str"><f>C1&amp;"x"</f><v>ax</v></c>' +
        '<c r="C1"><f>B1&amp;"x"</f></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="E1" t="b"><f>B1=1</f><v>0</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
      'compact',
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: [], styles: STYLES });
    const read = () => readXlsx(bytes, { sheets: () => true, formulaTexts: false });
    for (const result of [read(), withoutScanning(read)]) {
      if (!result.ok) throw new Error('unread');
      expect((result.grids.sheets[0] as SheetGrid).rows[0]).toEqual([
        { value: 3, formula: UNREAD_FORMULA },
        { value: 'ax', formula: UNREAD_FORMULA },
        { value: null, formula: 'B1&"x"', uncalculated: true },
        { value: true },
        { value: false, formula: 'B1=1' },
        { value: '#DIV/0!', isError: true, formula: '1/0' },
      ]);
    }
  });

  test('LibreOffice’s TRUE() saved in a cell of another type (its result 1 or 0) is the truth value typed, in every read', () => {
    // A user trial: TRUE typed in a text or list cell, saved by LibreOffice, was taken for a formula of the person's.
    const xml = worksheet(
      '<row r="1"><c r="A1" t="n"><f>TRUE()</f><v>1</v></c><c r="B1"><f>FALSE()</f><v>0</v></c>' +
        '<c r="C1"><f>TRUE()</f><v>0</v></c><c r="D1"><f>1-1</f><v>0</v></c></row>',
      'compact',
    );
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: [], styles: STYLES });
    const whole = () => readXlsx(bytes);
    const leaving = () => readXlsx(bytes, { sheets: () => true, formulaTexts: false });
    for (const result of [whole(), withoutScanning(whole), leaving(), withoutScanning(leaving)]) {
      if (!result.ok) throw new Error('unread');
      expect((result.grids.sheets[0] as SheetGrid).rows[0]).toEqual([
        { value: true },
        { value: false },
        // A result that is not the constant's: a formula, as any other (a text this short is read in every read).
        { value: 0, formula: 'TRUE()' },
        { value: 0, formula: '1-1' },
      ]);
    }
  });

  test('a read without sheet tails stops at the end of the cells: a sheet damaged only after them reads, both ways', () => {
    const cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>';
    const expected = [{ value: 's' }, { value: 7 }];
    for (const tail of [
      '<dataValidations count="1"><dataValidation sqref="B2"></dataValidations>', // unbalanced
      '<pageMargins left="0.7" left="0.7"/>', // an attribute twice
      '<extLst>\u0001</extLst>', // a byte outside XML, which sends the scanner to saxes
      '<!-- a comment -->',
      '',
    ]) {
      const sheet = worksheetXml(cells, '<dimension ref="A1:B1"/>', tail);
      for (const xml of [sheet, sheet.replace('</worksheet>', '')]) {
        const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: ['<si><t>s</t></si>'], styles: STYLES });
        const read = () => readXlsx(bytes, { sheets: () => true, sheetTails: false });
        for (const result of [read(), withoutScanning(read)]) {
          if (!result.ok) throw new Error(`${tail}: ${result.error.code}`);
          expect((result.grids.sheets[0] as SheetGrid).rows).toEqual([expected]);
        }
        // Read whole (any other read), the same sheet is refused when its tail is damaged.
        const whole = readXlsx(bytes);
        expect(whole.ok).toBe(xml === sheet && (tail === '' || tail === '<!-- a comment -->'));
        expect(whole).toEqual(withoutScanning(() => readXlsx(bytes)));
      }
    }
  });

  test('a sheet too large to be held stops streaming at the end of its cells too', () => {
    const tail = '<x/>'.repeat((MAX_SCANNED_PART_BYTES + 1024) / 4); // then cut: no `</worksheet>`
    const xml = worksheetXml('<row r="1"><c r="A1"><v>7</v></c></row>', '', tail).replace('</worksheet>', '');
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: [], styles: STYLES });
    const read = readXlsx(bytes, { sheets: () => true, sheetTails: false });
    if (!read.ok) throw new Error(read.error.code);
    expect((read.grids.sheets[0] as SheetGrid).rows).toEqual([[{ value: 7 }]]);
  });

  describe('a part read in one piece or in chunks gives the same answer', () => {
    // A tail of tags that compresses to between 8 KB (one chunk of input when streamed, so that saxes's path
    // gets several chunks) and 64 KB (the most inflated in one piece, which the scanner reads): random values.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0).toString(16);
    const tail = Array.from({ length: 3000 }, () => `<x a="${random()}${random()}"/>`).join('');
    /** A worksheet of `cells` then `tail`, with a byte that is no UTF-8 (0xFF) in its last tag. */
    const withInvalidByte = (cells: string) => {
      const [start, end] = worksheetXml(cells, '', `${tail}<y a="`).split('<y a="');
      const part = Uint8Array.from([...strToU8(`${start}<y a="`), 0xff, ...strToU8(`"/>${end}`)]);
      const bytes = buildXlsx({ sheets: [{ name: 'S', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': part } });
      const entry = readZipDirectory(bytes).entries.get('xl/worksheets/sheet1.xml')!;
      expect(entry.compressedSize).toBeGreaterThan(8 * 1024);
      expect(entry.compressedSize).toBeLessThan(64 * 1024);
      return bytes;
    };

    test('an invalid byte after the cells: the consolidation reads up to it, any other read refuses it', () => {
      const bytes = withInvalidByte('<row r="1"><c r="A1"><v>7</v></c></row>');
      const consolidating = () => readXlsx(bytes, { sheets: () => true, sheetTails: false });
      for (const result of [consolidating(), withoutScanning(consolidating)]) {
        if (!result.ok) throw new Error(result.error.code);
        expect((result.grids.sheets[0] as SheetGrid).rows).toEqual([[{ value: 7 }]]);
      }
      const whole = readXlsx(bytes);
      expect(whole).toMatchObject({ ok: false, error: { code: 'invalid-xml' } });
      expect(withoutScanning(() => readXlsx(bytes))).toEqual(whole);
    });

    test('a bad cell before an invalid byte: the bad cell is the error, both ways', () => {
      const bytes = withInvalidByte('<row r="1"><c r="A0"><v>7</v></c></row>');
      const read = readXlsx(bytes);
      expect(read).toMatchObject({ ok: false, error: { code: 'bad-cell-reference', params: { ref: 'A0' } } });
      expect(withoutScanning(() => readXlsx(bytes))).toEqual(read);
    });
  });

  test('random cell fragments, well-formed or not: the same grid or the same error both ways', () => {
    fc.assert(
      fc.property(fc.array(cellFragment, { maxLength: 14 }), (fragments) => {
        const bytes = buildXlsx({
          sheets: [{ name: 'S', xml: fragments.join('') }],
          sharedStrings: ['<si><t>s</t></si>'],
          styles: STYLES,
        });
        expectSameReads(bytes);
      }),
      // Each file costs a zip and two reads (≈ 4 ms); every run draws a new seed, so the cases add up across runs.
      { numRuns: 500 },
    );
  });
});

// ---- the workbooks of tests/fixtures -------------------------------------------------------------------------

const fixtureFolder = join(__dirname, '..', 'fixtures');
const fixtures = readdirSync(fixtureFolder, { recursive: true, encoding: 'utf8' }).filter((name) =>
  name.endsWith('.xlsx'),
);

describe.each(fixtures)('%s', (name) => {
  const bytes = new Uint8Array(readFileSync(join(fixtureFolder, name)));

  test('reads the same grids both ways, every sheet or some', () => {
    expectSameReads(bytes);
    expectSameReads(bytes, (sheetName) => sheetName === '_ctg' || sheetName.startsWith('Axe'));
  });

  test('its XML parts are read by the scanner itself', () => {
    const parts = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/.test(file.name) });
    const refused = Object.entries(parts)
      .filter(
        ([part]) =>
          part.startsWith('xl/worksheets/') ||
          part === 'xl/sharedStrings.xml' ||
          part === 'xl/styles.xml' ||
          part === 'xl/workbook.xml',
      )
      .filter(([, content]) => !scanXml(content, recorder()))
      .map(([part]) => part);
    expect(refused).toEqual([]);
  });
});
