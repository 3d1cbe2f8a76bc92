/**
 * Packages written by hand, the way Excel and other writers shape them, each stating exactly the XML the reader
 * meets: every cell type, strings in all their forms, dates by style, formulas, sheets and their visibility.
 */
import { MAIN_NS, REL_NS, buildXlsx, packageParts, worksheetXml } from './support/package-builder';
import { honestEntry, rawZip } from './support/raw-zip';
import { cellAt, readError, readGrids, sheetNamed, valuesOf } from './support/read';
import { readXlsx } from '../../src/xlsx/reader';
import { xmlReading } from '../../src/xlsx/reader/xml-part';

describe('cell types', () => {
  const bytes = buildXlsx({
    sheets: [
      {
        name: 'Types',
        xml:
          '<row r="1">' +
          '<c r="A1" t="s"><v>0</v></c>' + // shared string
          '<c r="B1"><v>42</v></c>' + // number, no t
          '<c r="C1" t="n"><v>-1.5E-3</v></c>' +
          '<c r="D1" t="b"><v>1</v></c>' +
          '<c r="E1" t="b"><v>0</v></c>' +
          '<c r="F1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="G1" t="inlineStr"><is><t>en ligne</t></is></c>' +
          '<c r="H1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
          '<c r="I1"><f>SUM(B1:C1)</f><v>41.9985</v></c>' +
          '<c r="J1" s="1"/>' + // styled but empty: not a cell
          '<c r="K1"><f>1/0</f></c>' + // formula without cached value
          '</row>',
      },
    ],
    sharedStrings: ['<si><t>Texte partagé</t></si>'],
  });
  const sheet = sheetNamed(readGrids(bytes), 'Types');

  test('each type gives its value', () => {
    expect(sheet.rows[0]).toEqual([
      { value: 'Texte partagé' },
      { value: 42 },
      { value: -0.0015 },
      { value: true },
      { value: false },
      { value: '#DIV/0!', isError: true },
      { value: 'en ligne' },
      { value: 'ab', formula: '"a"&"b"' },
      { value: 41.9985, formula: 'SUM(B1:C1)' },
      null,
      // A formula saved without its result is not an empty cell.
      { value: null, formula: '1/0', uncalculated: true },
    ]);
  });
});

describe('strings', () => {
  const bytes = buildXlsx({
    sheets: [
      {
        name: 'S',
        xml:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
          '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>' +
          '<c r="F1" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space="preserve"> line</t></r><rPh sb="0" eb="1"><t>ｲﾝ</t></rPh></is></c>' +
          '<c r="G1" t="s"><v>5</v></c></row>',
      },
    ],
    sharedStrings: [
      // Rich text: runs concatenated, phonetic runs left out.
      '<si><r><t>Axe </t></r><r><rPr><b/><sz val="11"/></rPr><t>1</t></r><rPh sb="0" eb="3"><t>アクス</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t xml:space="preserve">  espaces gardés  </t></si>',
      '<si><t>ligne 1_x000D_\nligne 2 _x005F_x0041_</t></si>',
      '<si><t>&lt;b&gt; &amp; &quot;guillemets&quot; &#233;t&#xE9;</t></si>',
      '<si><t>=HYPERLINK("http://exemple.fr","lien")</t></si>',
      '<si><t/></si>',
    ],
  });
  const sheet = sheetNamed(readGrids(bytes), 'S');

  test('rich text runs are joined and phonetic runs dropped', () => {
    expect(cellAt(sheet, 'A1')).toEqual({ value: 'Axe 1' });
    expect(cellAt(sheet, 'F1')).toEqual({ value: 'in line' });
  });

  test('spaces, _xHHHH_ escapes and XML entities are decoded', () => {
    expect(cellAt(sheet, 'B1')?.value).toBe('  espaces gardés  ');
    expect(cellAt(sheet, 'C1')?.value).toBe('ligne 1\r\nligne 2 _x0041_');
    expect(cellAt(sheet, 'D1')?.value).toBe('<b> & "guillemets" été');
  });

  test('a text that looks like a formula stays a text', () => {
    expect(cellAt(sheet, 'E1')).toEqual({ value: '=HYPERLINK("http://exemple.fr","lien")' });
  });

  test('an empty shared string is an empty text', () => {
    expect(cellAt(sheet, 'G1')).toEqual({ value: '' });
  });
});

describe('dates by cell style', () => {
  const styles =
    '<numFmts count="4">' +
    '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
    '<numFmt numFmtId="165" formatCode="&quot;day&quot; 0.00"/>' + // quoted "day": a number
    '<numFmt numFmtId="166" formatCode="[Red][&lt;0]0;0"/>' + // brackets only: a number
    '<numFmt numFmtId="167" formatCode="[h]:mm"/>' +
    '</numFmts>' +
    '<cellXfs count="8">' +
    '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>' +
    '<xf numFmtId="167"/><xf numFmtId="22"/><xf numFmtId="49"/>' +
    '</cellXfs>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>';
  const row =
    '<row r="1"><c r="A1"><v>46023</v></c><c r="B1" s="1"><v>46023</v></c><c r="C1" s="2"><v>46023</v></c>' +
    '<c r="D1" s="3"><v>46023</v></c><c r="E1" s="4"><v>46023</v></c><c r="F1" s="5"><v>0.5</v></c>' +
    '<c r="G1" s="6"><v>46023.25</v></c><c r="H1" s="7"><v>46023</v></c><c r="I1" s="1" t="s"><v>0</v></c></row>';

  test('built-in and custom date formats flag the cell; the value stays the serial number', () => {
    const sheet = readGrids(
      buildXlsx({ sheets: [{ name: 'D', xml: row }], styles, sharedStrings: ['<si><t>x</t></si>'] }),
    ).sheets[0];
    expect(sheet.rows[0]).toEqual([
      { value: 46023 },
      { value: 46023, isDate: true },
      { value: 46023, isDate: true },
      { value: 46023 },
      { value: 46023 },
      { value: 0.5, isDate: true },
      { value: 46023.25, isDate: true },
      { value: 46023 },
      { value: 'x' },
    ]);
  });

  test('a 1904-system workbook gives 1900-system serial numbers for dates, times unchanged', () => {
    const sheet = readGrids(
      buildXlsx({ sheets: [{ name: 'D', xml: row }], styles, date1904: true, sharedStrings: ['<si><t>x</t></si>'] }),
    ).sheets[0];
    expect(cellAt(sheet, 'B1')).toEqual({ value: 46023 + 1462, isDate: true });
    expect(cellAt(sheet, 'A1')).toEqual({ value: 46023 });
    // Times and durations are not dates: they do not move.
    expect(cellAt(sheet, 'F1')).toEqual({ value: 0.5, isDate: true });
  });

  test('an ISO date cell (t="d") becomes a serial number flagged as a date', () => {
    const sheet = readGrids(
      buildXlsx({ sheets: [{ name: 'D', xml: '<row r="1"><c r="A1" t="d"><v>2026-01-01T12:00:00</v></c></row>' }] }),
    ).sheets[0];
    expect(cellAt(sheet, 'A1')).toEqual({ value: 46023.5, isDate: true });
  });
});

describe('positions', () => {
  test('cells and rows without `r` are placed one after the other', () => {
    const xml =
      '<row><c><v>1</v></c><c><v>2</v></c></row>' +
      '<row><c t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row r="5"><c><v>5</v></c><c r="D5"><v>6</v></c><c><v>7</v></c></row>' +
      '<row><c><v>8</v></c></row>';
    expect(valuesOf(readGrids(buildXlsx({ sheets: [{ name: 'P', xml }] })).sheets[0])).toEqual([
      [1, 2],
      ['b'],
      [],
      [],
      [5, null, null, 6, 7],
      [8],
    ]);
  });

  test('rows end at their last kept cell; empty styled cells and empty rows cost nothing', () => {
    const xml =
      '<row r="1" spans="1:200"><c r="A1"><v>1</v></c><c r="GR1" s="3"/></row>' +
      '<row r="2"><c r="C2" s="1"/></row><row r="3"><c r="B3"><v>3</v></c></row><row r="900000" ht="20"/>';
    const sheet = readGrids(buildXlsx({ sheets: [{ name: 'P', xml }] })).sheets[0];
    expect(valuesOf(sheet)).toEqual([[1], [], [null, 3]]);
  });

  test('a cell given twice keeps the last one', () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>';
    expect(valuesOf(readGrids(buildXlsx({ sheets: [{ name: 'P', xml }] })).sheets[0])).toEqual([[2]]);
  });

  test('rows and cells out of order, and a row given twice, are laid where their references say', () => {
    const xml =
      '<row r="3"><c r="C3"><v>33</v></c><c r="A3"><v>31</v></c></row>' +
      '<row r="1"><c r="B1"><v>12</v></c></row>' +
      '<row r="3"><c r="E3"><v>35</v></c><c r="C3"><v>99</v></c></row>';
    expect(valuesOf(readGrids(buildXlsx({ sheets: [{ name: 'P', xml }] })).sheets[0])).toEqual([
      [null, 12],
      [],
      [31, null, 99, null, 35],
    ]);
  });
});

describe('one content, two ways of writing it', () => {
  test('Excel-like (shared strings, `r` everywhere) and minimal (inline strings, no `r`) give the same grid', () => {
    const excelLike = buildXlsx({
      sheets: [
        {
          name: 'A',
          xml:
            '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>3</v></c></row>' +
            '<row r="2" spans="1:3"><c r="A2" t="s"><v>1</v></c><c r="C2" s="1"><v>46023</v></c></row>',
        },
      ],
      sharedStrings: ['<si><t>Clé</t></si>', '<si><t>G1</t></si>'],
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>',
    });
    const minimal = buildXlsx({
      sheets: [
        {
          name: 'A',
          xml:
            '<row><c t="inlineStr"><is><t>Clé</t></is></c><c t="inlineStr"><is><t>G1</t></is></c><c><v>3</v></c></row>' +
            '<row><c t="inlineStr"><is><t>G1</t></is></c><c/><c s="1"><v>46023</v></c></row>',
        },
      ],
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
    });
    expect(readGrids(minimal)).toEqual(readGrids(excelLike));
    expect(readGrids(minimal).sheets[0].rows[1]).toEqual([{ value: 'G1' }, null, { value: 46023, isDate: true }]);
  });
});

describe('merged ranges', () => {
  // As Excel writes them: after the cells, the covered cells saved empty (styled or absent).
  const sheetXml = worksheetXml(
    '<row r="5"><c r="D5"><v>7</v></c><c r="E5" s="1"/><c r="F5" s="1"/></row>',
    '',
    '<mergeCells count="9"><mergeCell ref="D5:F5"/><mergeCell ref="$A$7:$A$9"/><mergeCell ref="C2:B1"/>' +
      '<mergeCell ref="H3"/><mergeCell ref="tout"/><mergeCell ref="XFD1:XFE1"/><mergeCell ref="A0:B1"/>' +
      '<mergeCell ref="A1:B1:C1"/><mergeCell/></mergeCells>',
  );
  const bytes = buildXlsx({
    sheets: [
      { name: 'M', xml: sheetXml },
      { name: 'Sans', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ],
  });

  test('are given with the sheet, corners in order, without `$`; a single cell, no range or one past the sheet left out', () => {
    const grids = readGrids(bytes);
    expect(sheetNamed(grids, 'M').mergedRanges).toEqual(['D5:F5', 'A7:A9', 'B1:C2']);
    expect(valuesOf(sheetNamed(grids, 'M'))[4]).toEqual([null, null, null, 7]);
    expect('mergedRanges' in sheetNamed(grids, 'Sans')).toBe(false);
  });

  test('are read the same through saxes, and not by a read that stops at the end of the cells', () => {
    xmlReading.directScan = false;
    try {
      expect(sheetNamed(readGrids(bytes), 'M').mergedRanges).toEqual(['D5:F5', 'A7:A9', 'B1:C2']);
    } finally {
      xmlReading.directScan = true;
    }
    const read = readXlsx(bytes, { sheets: () => true, sheetTails: false });
    expect(read.ok && read.grids.sheets.some((sheet) => 'mergedRanges' in sheet)).toBe(false);
  });

  test('written before the cells, are read by a whole read only, on both paths', () => {
    const before = buildXlsx({
      sheets: [
        {
          name: 'M',
          xml: worksheetXml(
            '<row r="1"><c r="A1"><v>1</v></c></row>',
            '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>',
          ),
        },
      ],
    });
    const mergedOf = (grids: ReturnType<typeof readGrids>) => sheetNamed(grids, 'M').mergedRanges;
    expect(mergedOf(readGrids(before))).toEqual(['A1:B1']);
    xmlReading.directScan = false;
    try {
      expect(mergedOf(readGrids(before))).toEqual(['A1:B1']);
    } finally {
      xmlReading.directScan = true;
    }
    const read = readXlsx(before, { sheets: () => true, sheetTails: false });
    expect(read.ok && 'mergedRanges' in read.grids.sheets[0]).toBe(false);
  });

  test('only the first 10 000 `<mergeCell>` of a sheet are looked at, whatever they hold; the sheet is read', () => {
    const many = (refs: string[]) =>
      readGrids(
        buildXlsx({
          sheets: [
            {
              name: 'M',
              xml: worksheetXml(
                '<row r="1"><c r="A1"><v>1</v></c></row>',
                '',
                `<mergeCells>${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`,
              ),
            },
          ],
        }),
      );
    const rows = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `A${from + i}:B${from + i}`);
    const kept = sheetNamed(many(rows(10_001)), 'M');
    expect(kept.mergedRanges).toEqual(rows(10_000));
    expect(valuesOf(kept)).toEqual([[1]]);
    // Ranges that are none (single cells) count as looked at: what follows them is not read.
    expect('mergedRanges' in sheetNamed(many([...Array(10_000).fill('C3'), 'A1:B1']), 'M')).toBe(false);
  });
});

describe('shared formulas', () => {
  test('dependents get the master formula moved by their distance; absolute parts stay', () => {
    const xml =
      '<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*$B$1+SUM(A$1:A2)+\'Axe 1\'!B2&amp;"A1"</f><v>1</v></c>' +
      '<c r="D2"><f t="shared" si="0"/><v>2</v></c></row>' +
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c></row>' +
      '<row r="4"><c r="D4"><f t="shared" si="0"/><v>4</v></c></row>';
    const sheet = readGrids(buildXlsx({ sheets: [{ name: 'F', xml }] })).sheets[0];
    expect(cellAt(sheet, 'C2')?.formula).toBe('A2*$B$1+SUM(A$1:A2)+\'Axe 1\'!B2&"A1"');
    expect(cellAt(sheet, 'D2')?.formula).toBe('B2*$B$1+SUM(B$1:B2)+\'Axe 1\'!C2&"A1"');
    expect(cellAt(sheet, 'C3')?.formula).toBe('A3*$B$1+SUM(A$1:A3)+\'Axe 1\'!B3&"A1"');
    expect(cellAt(sheet, 'D4')).toEqual({ value: 4, formula: 'B4*$B$1+SUM(B$1:B4)+\'Axe 1\'!C4&"A1"' });
  });
});

describe('workbook and package', () => {
  test('sheets come in workbook order with their names and visibility, wherever their parts are', () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Guide', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', target: 'worksheets/zeta.xml' },
        {
          name: '_ctg',
          xml: '<row r="1"><c r="A1"><v>2</v></c></row>',
          state: 'hidden',
          target: '/xl/worksheets/a.xml',
        },
        { name: 'Secret', xml: '', state: 'veryHidden', target: '../xl/worksheets/./b.xml' },
        { name: 'Axe 1 – Enfance', xml: '<row r="1"><c r="A1"><v>3</v></c></row>' },
      ],
    });
    const grids = readGrids(bytes);
    expect(grids.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Guide', 'visible'],
      ['_ctg', 'hidden'],
      ['Secret', 'veryHidden'],
      ['Axe 1 – Enfance', 'visible'],
    ]);
    expect(grids.sheets.map(valuesOf)).toEqual([[[1]], [[2]], [], [[3]]]);
  });

  test('prefixed SpreadsheetML elements read like unprefixed ones', () => {
    const sheetXml =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>préfixe</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const workbook =
      `<?xml version="1.0"?><x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${REL_NS}"><x:sheets>` +
      '<x:sheet name="P" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>';
    const bytes = buildXlsx({ sheets: [{ name: 'P', xml: sheetXml }], parts: { 'xl/workbook.xml': workbook } });
    expect(valuesOf(readGrids(bytes).sheets[0])).toEqual([['préfixe']]);
  });

  test('a UTF-16 part with a byte-order mark is read', () => {
    const text = worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>été</t></is></c></row>').replace(
      'UTF-8',
      'UTF-16',
    );
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const bytes = buildXlsx({ sheets: [{ name: 'U', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': utf16 } });
    expect(valuesOf(readGrids(bytes).sheets[0])).toEqual([['été']]);
  });

  test('a part declared and written in Windows-1252 is read; an unknown encoding is invalid', () => {
    const xml = worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>\u00e9t\u00e9 \u20ac</t></is></c></row>');
    const windows1252 = Uint8Array.from(
      xml.replace('encoding="UTF-8"', 'encoding="windows-1252"'),
      (char) => ({ '\u00e9': 0xe9, '\u20ac': 0x80 })[char] ?? char.charCodeAt(0),
    );
    const bytes = buildXlsx({ sheets: [{ name: 'W', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': windows1252 } });
    expect(valuesOf(readGrids(bytes).sheets[0])).toEqual([['\u00e9t\u00e9 \u20ac']]);
    const unknown = buildXlsx({
      sheets: [{ name: 'W', xml: xml.replace('encoding="UTF-8"', 'encoding="x-inconnu"') }],
    });
    expect(readError(unknown)).toEqual({
      code: 'invalid-xml',
      params: { part: 'xl/worksheets/sheet1.xml', detail: 'encoding x-inconnu', sheet: 'W' },
    });
  });

  test('a workbook whose main part is named elsewhere is found through the package relationships', () => {
    const base = buildXlsx({ sheets: [{ name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect(readGrids(base).sheets).toHaveLength(1);
    const moved = buildXlsx({
      sheets: [{ name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', target: '/xl/worksheets/sheet1.xml' }],
      parts: {
        '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL_NS}/officeDocument" Target="/book/main.xml"/></Relationships>`,
        'book/main.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Déplacé" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'book/_rels/main.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="../xl/worksheets/sheet1.xml"/></Relationships>`,
        'xl/workbook.xml': null,
      },
    });
    expect(readGrids(moved).sheets.map((s) => [s.name, valuesOf(s)])).toEqual([['Déplacé', [[1]]]]);
  });

  test('without package relationships, the workbook is found at its usual place', () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
      parts: { '_rels/.rels': null },
    });
    expect(readGrids(bytes).sheets.map(valuesOf)).toEqual([[[1]]]);
  });

  test('a chart sheet among the sheets keeps its place, with no cells', () => {
    const chartsheet = `<?xml version="1.0"?><chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><drawing r:id="rId1"/></chartsheet>`;
    const bytes = buildXlsx({
      sheets: [
        { name: 'Graphique', xml: chartsheet, target: 'chartsheets/sheet1.xml' },
        { name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    expect(readGrids(bytes).sheets.map((sheet) => [sheet.name, valuesOf(sheet)])).toEqual([
      ['Graphique', []],
      ['A', [[1]]],
    ]);
  });

  test('a zip64 package (sizes and offsets in the zip64 fields) reads like a plain one', () => {
    const parts = packageParts({ sheets: [{ name: 'Z', xml: '<row r="1"><c r="A1"><v>64</v></c></row>' }] });
    const entries = Object.entries(parts).map(([name, content]) => honestEntry(name, content as string));
    expect(readGrids(rawZip(entries, { zip64: true }))).toEqual(readGrids(rawZip(entries)));
    expect(valuesOf(readGrids(rawZip(entries, { zip64: true })).sheets[0])).toEqual([[64]]);
  });

  test('a sheet whose part is missing makes the file damaged', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': null } });
    expect(readError(bytes)).toEqual({ code: 'damaged', params: { sheet: 'A' } });
  });
});
