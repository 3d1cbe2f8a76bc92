/**
 * Files made to hurt a reader. Each must give an error value (or a small grid), quickly and without a huge
 * allocation: what is asserted is the result and the size of what was kept, not wall time.
 */
import { strToU8, zipSync } from 'fflate';
import { deflateRawSync } from 'zlib';
import { nodeRawInflater } from '../../src/cli/node-inflater';
import { readXlsx, setRawInflater } from '../../src/xlsx/reader';
import { buildXlsx, packageParts, worksheetXml, zipParts } from './support/package-builder';
import { honestEntry, rawZip, repetitiveDeflateStream, type RawZipEntry } from './support/raw-zip';
import { cellAt, readError, readGrids, valuesOf } from './support/read';
import { renderMessage } from '../../src/domain/messages';
import { compoundFile } from '../helpers/compound-file';

const ONE_CELL = '<row r="1"><c r="A1"><v>1</v></c></row>';

/** The honest parts of a one-sheet package, as raw entries, with the sheet part replaced. */
function packageWithSheet(sheet: RawZipEntry): Uint8Array {
  const parts = packageParts({ sheets: [{ name: 'Feuille', xml: ONE_CELL }] });
  const entries = Object.entries(parts)
    .filter(([name]) => name !== 'xl/worksheets/sheet1.xml')
    .map(([name, content]) => honestEntry(name, content as string));
  return rawZip([...entries, { ...sheet, name: 'xl/worksheets/sheet1.xml' }]);
}

describe('declared ranges cost nothing', () => {
  test('whole-column validations, as Excel writes them and in the x14 extension, are ignored', () => {
    const validations =
      '<dataValidations count="2">' +
      '<dataValidation type="list" allowBlank="1" sqref="A1:A1048576 C:C"><formula1>"Oui,Non"</formula1></dataValidation>' +
      '<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation>' +
      '</dataValidations>';
    const ext =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list">' +
      '<x14:formula1><xm:f>Paramètres!$B$2:$B$6</xm:f></x14:formula1><xm:sqref>B1:B1048576</xm:sqref></x14:dataValidation>' +
      '</x14:dataValidations></ext></extLst>';
    const xml = worksheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Clé</t></is></c><c r="B1"><v>2</v></c></row>',
      '',
      validations + ext,
    );
    const sheet = readGrids(buildXlsx({ sheets: [{ name: 'V', xml }] })).sheets[0];
    expect(valuesOf(sheet)).toEqual([['Clé', 2]]);
  });

  test('a dimension of A1:XFD1048576 and a row at 1 048 576 without cells allocate nothing', () => {
    const xml = worksheetXml(
      `${ONE_CELL}<row r="1048576" spans="1:16384" customHeight="1" ht="30"><c r="XFD1048576" s="2"/></row>`,
      '<dimension ref="A1:XFD1048576"/>',
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
    );
    const sheet = readGrids(buildXlsx({ sheets: [{ name: 'D', xml }] })).sheets[0];
    expect(sheet.rows).toEqual([[{ value: 1 }]]);
  });

  test('one value at XFD1048576 is read with a grid bounded by the slot limit', () => {
    const xml = `${ONE_CELL}<row r="1048576"><c r="XFD1048576"><v>9</v></c></row>`;
    const sheet = readGrids(buildXlsx({ sheets: [{ name: 'Loin', xml }] })).sheets[0];
    expect(sheet.rows).toHaveLength(1_048_576);
    expect(sheet.rows[1_048_575]).toHaveLength(16_384);
    expect(cellAt(sheet, 'XFD1048576')).toEqual({ value: 9 });
    expect(sheet.rows.slice(1, -1).every((row) => row.length === 0)).toBe(true);
  });

  test('values scattered far apart in many rows are refused before the grid is laid out', () => {
    let xml = '';
    for (let row = 1; row <= 1_048_576; row += 2_000) xml += `<row r="${row}"><c r="XFD${row}"><v>1</v></c></row>`;
    expect(readError(buildXlsx({ sheets: [{ name: 'Loin', xml }] }))).toEqual({
      code: 'grid-too-large',
      params: { sheet: 'Loin', cell: 'XFD1048001' },
    });
  });

  test('the slot limit counts the slots of every sheet read, once each, whichever reader read them', () => {
    const cells =
      '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row><row r="2"><c r="D2"><v>8</v></c></row>';
    // 2 rows of 4 cells: 10 slots a sheet. A comment after the cells sends the sheet to saxes, which reads it again.
    const reRead = buildXlsx({ sheets: [{ name: 'Relu', xml: worksheetXml(cells, '', '<!-- relu -->') }] });
    expect(valuesOf(readGrids(reRead, { limits: { maxGridSlots: 10 } }).sheets[0])).toEqual([
      [1, null, null, 4],
      [null, null, null, 8],
    ]);
    expect(readError(reRead, { limits: { maxGridSlots: 9 } })).toEqual({
      code: 'grid-too-large',
      params: { sheet: 'Relu', cell: 'D2' },
    });
    const twoSheets = buildXlsx({
      sheets: [
        { name: 'Un', xml: cells },
        { name: 'Deux', xml: cells },
      ],
    });
    expect(readGrids(twoSheets, { limits: { maxGridSlots: 20 } }).sheets).toHaveLength(2);
    expect(readError(twoSheets, { limits: { maxGridSlots: 15 } })).toEqual({
      code: 'grid-too-large',
      params: { sheet: 'Deux', cell: 'D2' },
    });
  });

  test("references past Excel's sheet are refused", () => {
    for (const xml of [
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      '<row r="1048577"><c><v>1</v></c></row>',
      '<row r="1"><c r="A1048577"><v>1</v></c></row>',
      '<row r="1"><c r="1A"><v>1</v></c></row>',
    ]) {
      expect(readError(buildXlsx({ sheets: [{ name: 'R', xml }] })).code).toBe('bad-cell-reference');
    }
  });
});

// The bombs, the same bytes for both inflaters: made once (each of the two streams is 26 million bits written one
// at a time), not once per inflater.
// 500 MB of "0" in a 3 MB deflate stream.
const matches = Math.ceil((500 * 2 ** 20) / 258);
const zeros = repetitiveDeflateStream('', '0', matches);
const actualSize = 1 + 258 * matches;
// A well-formed worksheet start, then 500 MB of spaces: what the XML parser would happily go on reading.
const open = worksheetXml('').replace('</sheetData></worksheet>', '');
const spaces = repetitiveDeflateStream(open, ' ', matches);
const close = '</sheetData></worksheet>';

// The command line inflates with Node's zlib, the task pane with fflate: every outcome the same with either.
describe.each([
  ['fflate', null],
  ['Node zlib', nodeRawInflater],
])('inflated with %s', (_name, inflater) => {
  beforeAll(() => setRawInflater(inflater));
  afterAll(() => setRawInflater(null));

  describe('zip bombs', () => {
    /** A worksheet of about `megabytes` MB of spaces, exactly as large as it declares. */
    const honestSpaces = (megabytes: number): RawZipEntry => {
      const count = Math.ceil((megabytes * 2 ** 20) / 258);
      const data = repetitiveDeflateStream(open, ' ', count, close);
      return { name: '', data, method: 8, declaredSize: open.length + 1 + 258 * count + close.length };
    };

    test('a part that declares its 500 MB is refused before anything is inflated', () => {
      const bytes = packageWithSheet({ name: '', data: zeros, method: 8, declaredSize: actualSize });
      expect(bytes.length).toBeLessThan(4 * 2 ** 20);
      expect(readError(bytes)).toEqual({
        code: 'zip-bomb',
        params: { part: 'xl/worksheets/sheet1.xml', sheet: 'Feuille' },
      });
    });

    test('a part that declares 2 KB and inflates to 500 MB is stopped at its first chunk', () => {
      const bytes = packageWithSheet({ name: '', data: zeros, method: 8, declaredSize: 2048 });
      expect(readError(bytes)).toEqual({
        code: 'zip-bomb',
        params: { part: 'xl/worksheets/sheet1.xml', sheet: 'Feuille' },
      });
    });

    test('a well-formed part inflating past a declared size under the limits is stopped there', () => {
      const bytes = packageWithSheet({ name: '', data: spaces, method: 8, declaredSize: 4 * 2 ** 20 });
      const limits = { maxPartBytes: 5 * 2 ** 20 };
      expect(readError(bytes, { limits })).toEqual({
        code: 'zip-bomb',
        params: { part: 'xl/worksheets/sheet1.xml', sheet: 'Feuille' },
      });
      const honest = packageWithSheet(honestSpaces(4));
      expect(readGrids(honest, { limits }).sheets[0].rows).toEqual([]);
    });

    test('parts that each fit the part limit but together pass the total limit are refused', () => {
      const parts = packageParts({
        sheets: [1, 2, 3].map((i) => ({ name: `F${i}`, xml: ONE_CELL })),
      });
      const entries = Object.entries(parts).map(([name, content]) =>
        name.startsWith('xl/worksheets/') ? { ...honestSpaces(4), name } : honestEntry(name, content as string),
      );
      const limits = { maxPartBytes: 5 * 2 ** 20, maxTotalUncompressedBytes: 10 * 2 ** 20 };
      const error = readError(rawZip(entries), { limits });
      expect(error).toEqual({ code: 'zip-bomb', params: { part: 'xl/worksheets/sheet3.xml', sheet: 'F3' } });
    });

    test('a small deflate stream (inflated in one call) going past its declared size is a bomb, cut short is truncated', () => {
      // 6 MB of spaces in about 40 KB: under the size that is inflated in one call, declaring 4 KB.
      const small = repetitiveDeflateStream(open, ' ', Math.ceil((6 * 2 ** 20) / 258));
      expect(small.length).toBeLessThan(64 * 1024);
      expect(readError(packageWithSheet({ name: '', data: small, method: 8, declaredSize: 4096 }))).toEqual({
        code: 'zip-bomb',
        params: { part: 'xl/worksheets/sheet1.xml', sheet: 'Feuille' },
      });
      // Cut after a cell over the cell limit: that cell is reported first, as when the part was read as it came.
      const rows = Array.from(
        { length: 4000 },
        (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`,
      );
      const cells = honestEntry('', worksheetXml(rows.join('')));
      expect(cells.data.length).toBeGreaterThan(8 * 1024); // more than one chunk when streamed
      const cut = { ...cells, data: cells.data.subarray(0, cells.data.length - 8) };
      expect(readError(packageWithSheet(cut)).code).toBe('truncated');
      expect(readError(packageWithSheet(cut), { limits: { maxCells: 1 } }).code).toBe('too-many-cells');
    });

    test('a part whose inflated size differs from its declaration is refused', () => {
      const content = strToU8(worksheetXml(ONE_CELL));
      const bytes = packageWithSheet({ name: '', data: content, method: 0, declaredSize: content.length - 1 });
      expect(readError(bytes).code).toBe('zip-bomb');
      const deflated = honestEntry('', worksheetXml(ONE_CELL));
      expect(readError(packageWithSheet({ ...deflated, declaredSize: deflated.declaredSize + 10 }))).toEqual({
        code: 'damaged',
        params: { part: 'xl/worksheets/sheet1.xml', detail: 'size', sheet: 'Feuille' },
      });
    });
  });

  describe('broken files', () => {
    const good = buildXlsx({ sheets: [{ name: 'A', xml: ONE_CELL }] });

    test('the reference file reads', () => {
      expect(valuesOf(readGrids(good).sheets[0])).toEqual([[1]]);
    });

    test('an empty file', () => {
      expect(readError(new Uint8Array(0))).toEqual({ code: 'empty-file', params: {} });
    });

    test('a file over the size limit is refused unread', () => {
      expect(readError(new Uint8Array(50 * 2 ** 20 + 1))).toEqual({
        code: 'too-large',
        params: { size: 50 * 2 ** 20 + 1, limit: 50 * 2 ** 20 },
      });
      expect(readError(good, { limits: { maxFileBytes: 100 } }).code).toBe('too-large');
    });

    test('a compound file: a password-protected workbook, or a legacy .xls', () => {
      const cfb = new Uint8Array(4096);
      cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(readError(cfb)).toEqual({ code: 'legacy-format', params: {} });
      // The directory entry of the stream an encrypted workbook lives in, named in UTF-16LE.
      cfb.set(
        Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]),
        1024 + 128,
      );
      expect(readError(cfb)).toEqual({ code: 'encrypted', params: {} });
    });

    test('a compound file cut short (a download or a copy interrupted) is said to be cut, not converted', () => {
      const whole = compoundFile(16);
      expect(readError(whole)).toEqual({ code: 'legacy-format', params: {} });
      // Cut in its header, in its directory, in its stream, or without its last sector.
      for (const length of [300, 2 * 512 + 100, whole.length / 2, whole.length - 512])
        expect({ length, error: readError(whole.slice(0, length)) }).toEqual({
          length,
          error: { code: 'truncated', params: {} },
        });
      // Its last sector short, as some writers leave it: whole enough.
      expect(readError(whole.slice(0, whole.length - 100))).toEqual({ code: 'legacy-format', params: {} });
      expect(renderMessage('truncated', {})).toMatch(/^Le fichier est incomplet\u00a0: il a été coupé/);
    });

    test('a whole compound file whose table marks the sectors past its end as ends of chains is not said cut', () => {
      // As the SheetJS library writes an .xls: LibreOffice converts it; only a sector a chain goes on to must be there.
      const whole = compoundFile(16, 'end-of-chain');
      expect(readError(whole)).toEqual({ code: 'legacy-format', params: {} });
      for (const length of [2 * 512 + 100, whole.length / 2, whole.length - 512])
        expect({ length, error: readError(whole.slice(0, length)) }).toEqual({
          length,
          error: { code: 'truncated', params: {} },
        });
    });

    test('a zip entry flagged as encrypted', () => {
      const entry = honestEntry('', worksheetXml(ONE_CELL));
      expect(readError(packageWithSheet({ ...entry, flags: 1 })).code).toBe('encrypted');
    });

    test('a part compressed with an unknown method', () => {
      const entry = honestEntry('', worksheetXml(ONE_CELL));
      expect(readError(packageWithSheet({ ...entry, method: 12 })).code).toBe('unsupported-compression');
    });

    test('random bytes, text, an OpenDocument or binary workbook and a zip without a workbook are not .xlsx files', () => {
      let seed = 42;
      const random = Uint8Array.from(
        { length: 10_000 },
        () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff,
      );
      expect(readError(random).code).toBe('not-xlsx');
      expect(readError(strToU8('Clé;Type\nG1;Fiche\n')).code).toBe('not-xlsx');
      // A document of another kind, named .xlsx, is said to be one: re-saving it as a workbook cannot help.
      // As Word writes one: its relationships name its main part, which is XML.
      const wordDocument = zipParts({
        '[Content_Types].xml': '<Types/>',
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
        'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      });
      expect(readError(wordDocument)).toEqual({ code: 'not-xlsx', params: { found: 'word' } });
      expect(renderMessage('not-xlsx', { found: 'word' })).toMatch(/^Ce fichier est un document Word, pas un classeur/);
      const slides = zipParts({ 'ppt/presentation.xml': '<presentation/>' });
      expect(readError(slides)).toEqual({ code: 'not-xlsx', params: { found: 'powerpoint' } });
      const pdf = strToU8('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
      expect(readError(pdf)).toEqual({ code: 'not-xlsx', params: { found: 'pdf' } });
      expect(renderMessage('not-xlsx', { found: 'pdf' })).toMatch(/^Ce fichier est un document PDF, pas un classeur/);
      // The pane's file dialog is where another file is chosen; the command line is given one.
      expect(renderMessage('not-xlsx', { found: 'pdf' }, 'task-pane')).toContain(
        'Choisissez le classeur de suivi lui-même (.xlsx), ou demandez-le à qui vous a envoyé ce document.',
      );
      // A zip archive of workbooks (how territories' files are often sent) is told to be extracted: re-saving it
      // cannot help. Excel's lock files, hidden files and macOS's resource forks are not counted as workbooks.
      const archive = zipParts({
        'loire/pilat.xlsx': buildXlsx({ sheets: [] }),
        'loire/~$pilat.xlsx': 'lock',
        '__MACOSX/loire/._pilat.xlsx': 'fork',
        'loire/forez.ods': 'ods',
        'lisez-moi.txt': 'texte',
      });
      expect(readError(archive)).toEqual({ code: 'not-xlsx', params: { found: 'zip', workbooks: 2, archives: 0 } });
      expect(readError(zipParts({ 'notes.txt': 'x' }))).toEqual({
        code: 'not-xlsx',
        params: { found: 'zip', workbooks: 0, archives: 0 },
      });
      expect(renderMessage('not-xlsx', { found: 'zip', workbooks: 1 }, 'task-pane')).toBe(
        'Ce fichier est une archive .zip, pas un classeur : extrayez-en le classeur qu’elle contient (clic droit sur ' +
          'l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis choisissez-le.',
      );
      const noWorkbook = zipParts({ '[Content_Types].xml': '<Types/>' });
      expect(readError(noWorkbook)).toEqual({ code: 'not-xlsx', params: {} });
      const openDocument = zipParts({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<x/>',
      });
      // An OpenDocument spreadsheet is told by its `mimetype` (compressed here, stored as LibreOffice writes it), so that
      // its reader is told to save it as .xlsx; an OpenDocument text is no spreadsheet.
      expect(readError(openDocument)).toEqual({ code: 'not-xlsx', params: { found: 'ods' } });
      const mimetype = strToU8('application/vnd.oasis.opendocument.spreadsheet');
      expect(readError(zipSync({ mimetype: [mimetype, { level: 0 }], 'content.xml': strToU8('<x/>') }))).toEqual({
        code: 'not-xlsx',
        params: { found: 'ods' },
      });
      expect(renderMessage('not-xlsx', { found: 'ods' })).toMatch(/^Ce fichier est un classeur OpenDocument \(\.ods\)/);
      const openDocumentText = zipParts({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' });
      expect(readError(openDocumentText)).toEqual({ code: 'not-xlsx', params: {} });
      const binaryWorkbook = zipParts({
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
        'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
      });
      expect(readError(binaryWorkbook)).toEqual({ code: 'not-xlsx', params: {} });
      const notAWorkbook = buildXlsx({ sheets: [], parts: { 'xl/workbook.xml': '<document/>' } });
      expect(readError(notAWorkbook).code).toBe('not-xlsx');
    });

    test('a zip cut anywhere is truncated', () => {
      for (const length of [10, 100, Math.floor(good.length / 2), good.length - 30]) {
        expect(readError(good.subarray(0, length)).code).toBe('truncated');
      }
    });

    test('a sheet whose XML stops in the middle is truncated', () => {
      const xml = worksheetXml(ONE_CELL + '<row r="2"><c r="A2"><v>2</v></c></row>');
      for (const cut of [xml.indexOf('<row r="2"'), xml.indexOf('<v>2') + 2, xml.length - 5]) {
        const bytes = buildXlsx({ sheets: [{ name: 'A', xml: xml.slice(0, cut) }] });
        expect(readError(bytes)).toEqual({
          code: 'truncated',
          params: { part: 'xl/worksheets/sheet1.xml', sheet: 'A' },
        });
      }
    });

    test('a deflate stream cut short is truncated', () => {
      const entry = honestEntry('', worksheetXml(ONE_CELL));
      const cut = { ...entry, data: entry.data.subarray(0, entry.data.length - 8) };
      expect(readError(packageWithSheet(cut)).code).toBe('truncated');
    });

    test('XML nested a hundred thousand levels deep, or with ten thousand attributes on a cell, is refused', () => {
      const deep = worksheetXml('<row r="1">' + '<c>'.repeat(100_000));
      const wide = worksheetXml(
        `<row r="1"><c r="A1" ${Array.from({ length: 10_000 }, (_, i) => `a${i}="1"`).join(' ')}><v>1</v></c></row>`,
      );
      for (const [xml, detail] of [
        [deep, 'depth'],
        [wide, 'attributes'],
      ]) {
        const bytes = buildXlsx({ sheets: [{ name: 'A', xml }] });
        expect(readError(bytes)).toEqual({
          code: 'invalid-xml',
          params: { part: 'xl/worksheets/sheet1.xml', detail, sheet: 'A' },
        });
      }
    });

    test('XML that is not well-formed, not UTF-8, or declares entities is invalid', () => {
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
      const latin1 = new Uint8Array([
        ...strToU8(worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>')),
        0xe9,
        ...strToU8('</t></is></c></row></sheetData></worksheet>'),
      ]);
      for (const part of [worksheetXml('<row r="1"><c r="A1"><v>1</c></row>'), laughs, latin1, 'pas du XML']) {
        const bytes = buildXlsx({ sheets: [{ name: 'A', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': part } });
        expect(readError(bytes).code).toBe('invalid-xml');
      }
    });
  });
});

describe('values that break the rules', () => {
  test('a shared string index out of range, negative or not a number', () => {
    for (const index of ['1', '-1', '1.5', 'x']) {
      const bytes = buildXlsx({
        sheets: [{ name: 'S', xml: `<row r="1"><c r="B1" t="s"><v>${index}</v></c></row>` }],
        sharedStrings: ['<si><t>seul</t></si>'],
      });
      expect(readError(bytes)).toEqual({ code: 'bad-shared-string', params: { sheet: 'S', cell: 'B1', index } });
    }
  });

  test('a text longer than Excel allows', () => {
    const long = 'x'.repeat(32_768);
    const inline = `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`;
    // Named at its cell, so that a person finds it among a sheet's thousands.
    expect(readError(buildXlsx({ sheets: [{ name: 'T', xml: inline }] }))).toEqual({
      code: 'text-too-long',
      params: { sheet: 'T', cell: 'A1', limit: 32_767 },
    });
    // A shared string too is named at the first cell that shows it; one no cell shows stops nothing.
    const shared = buildXlsx({
      sheets: [{ name: 'T', xml: '<row r="4"><c r="C4" t="s"><v>1</v></c></row>' }],
      sharedStrings: ['<si><t>court</t></si>', `<si><r><t>${long}</t></r><r><t>${long}</t></r></si>`],
    });
    expect(readError(shared)).toEqual({ code: 'text-too-long', params: { sheet: 'T', cell: 'C4', limit: 32_767 } });
    const unused = buildXlsx({
      sheets: [{ name: 'T', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      sharedStrings: ['<si><t>court</t></si>', `<si><t>${long}</t></si>`],
    });
    expect(cellAt(readGrids(unused).sheets[0], 'A1')?.value).toBe('court');
    const fits = `<row r="1"><c r="A1" t="inlineStr"><is><t>${long.slice(1)}</t></is></c></row>`;
    expect(cellAt(readGrids(buildXlsx({ sheets: [{ name: 'T', xml: fits }] })).sheets[0], 'A1')?.value).toHaveLength(
      32_767,
    );
  });

  test('too many shared strings, cells or sheets under given limits', () => {
    const strings = buildXlsx({
      sheets: [{ name: 'S', xml: '' }],
      sharedStrings: ['<si><t>a</t></si>', '<si><t>b</t></si>'],
    });
    expect(readError(strings, { limits: { maxSharedStrings: 1 } })).toEqual({
      code: 'too-many-strings',
      params: { limit: 1 },
    });
    const sheets = buildXlsx({ sheets: [1, 2, 3].map((i) => ({ name: `F${i}`, xml: '' })) });
    expect(readError(sheets, { limits: { maxSheets: 2 } }).code).toBe('too-many-sheets');
  });

  test('a long shared formula on many dependents is refused past the formula-text limit', () => {
    // 30 000 characters of formula, each dependent 25 bytes: 400 of them would make 12 million characters.
    const master = `SUM(${Array.from({ length: 500 }, (_, i) => `A${i + 1}`).join(',')})`.padEnd(30_000, ' ');
    let xml = `<row r="1"><c r="B1"><f t="shared" ref="B1:B400" si="0">${master}</f><v>0</v></c></row>`;
    for (let row = 2; row <= 400; row++)
      xml += `<row r="${row}"><c r="B${row}"><f t="shared" si="0"/><v>0</v></c></row>`;
    const bytes = buildXlsx({ sheets: [{ name: 'F', xml }] });
    expect(readError(bytes)).toEqual({
      code: 'shared-formulas-too-large',
      params: { sheet: 'F', limit: 10_000_000 },
    });
    const allowed = readGrids(bytes, { limits: { maxSharedFormulaChars: 12_000_000 } }).sheets[0];
    expect(cellAt(allowed, 'B400')?.formula?.startsWith('SUM(A400,A401,')).toBe(true);
  });

  test('2.1 million tiny cells are refused once the 2 million cell limit is passed', () => {
    // 33 MB of XML, deflated by zlib: fflate's JavaScript deflate took about a second to make the file.
    const row = `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const xml = Buffer.from(`${open}${row.repeat(2100)}${close}`);
    const parts = packageParts({ sheets: [{ name: 'Masse', xml: '' }] });
    const bytes = rawZip([
      ...Object.entries(parts)
        .filter(([name]) => name !== 'xl/worksheets/sheet1.xml')
        .map(([name, content]) => honestEntry(name, content as string)),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: deflateRawSync(xml, { level: 1 }),
        method: 8,
        declaredSize: xml.length,
      },
    ]);

    expect(readXlsx(bytes)).toEqual({
      ok: false,
      error: { code: 'too-many-cells', params: { sheet: 'Masse', limit: 2_000_000 } },
    });
  });
});
