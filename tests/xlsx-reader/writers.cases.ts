/**
 * The same grids whoever wrote the file: a workbook written by ExcelJS reads as what was put in it, and reads
 * the same after LibreOffice has opened and saved it (different XML: styles, string tables, no spans…).
 */
import ExcelJS from 'exceljs';
import type { GridCell, WorkbookGrids } from '../../src/app/port';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { saveThroughLibreOffice } from '../helpers/libreoffice';
import { buildXlsx } from './support/package-builder';
import { cellAt, readGrids, sheetNamed } from './support/read';

const JANUARY_15_2026 = 46037; // serial number of 2026-01-15

async function exceljsWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const axis = workbook.addWorksheet('Axe 1 – Enfance');
  axis.getColumn(3).numFmt = '@';
  axis.addRow(['Clé', 'Type', 'Intitulé', 'Budget', 'Actif', 'Date', 'Total', 'Libellé', 'Erreur']);
  axis.addRow([
    'G1',
    'Fiche',
    '=HYPERLINK("http://exemple.fr","lien")',
    1500.25,
    true,
    new Date(Date.UTC(2026, 0, 15)),
    { formula: 'D2*2', result: 3000.5 },
    { formula: 'A2&" – "&B2', result: 'G1 – Fiche' },
    { error: '#N/A' },
  ]);
  axis.addRow([
    'G1-QN1',
    'Quantitatif',
    'Nombre de « familles » accueillies\nen 2026 & plus',
    -3,
    false,
    null,
    { formula: 'SUM(D2:D3)', result: 1497.25 },
    { richText: [{ text: 'gras ', font: { bold: true } }, { text: 'et normal' }] },
  ]);
  axis.getCell('F2').numFmt = 'dd/mm/yyyy';
  axis.getCell('A6').value = 'loin';
  // A whole-column list, as a careless partner file has them (ExcelJS's typings omit `dataValidations`).
  (axis as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(
    'B2:B1048576',
    {
      type: 'list',
      allowBlank: true,
      formulae: ['"Fiche,Quantitatif,Qualitatif"'],
    },
  );
  const meta = workbook.addWorksheet('_ctg', { state: 'hidden' });
  meta.getCell('A1').value = 'version';
  meta.getCell('B1').value = 1;
  workbook.addWorksheet('Vide');
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The ExcelJS workbook, written once for the suite. */
let writtenOnce: Promise<Uint8Array> | undefined;
const writtenByExcelJs = () => (writtenOnce ??= exceljsWorkbook());

/** Shared strings with rich text and phonetic runs, shared formulas, date styles, rows and cells without `r`. */
const handMade = buildXlsx({
  sheets: [
    {
      name: 'Suivi',
      xml:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
        '<row r="2"><c r="A2"><v>10</v></c><c r="B2" s="1"><v>46023</v></c><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*2+$A$2</f><v>30</v></c>' +
        '<c r="D2"><f t="shared" si="0"/><v>92056</v></c></row>' +
        '<row r="3"><c r="A3"><v>20</v></c><c r="B3" s="1"><v>46024</v></c><c r="C3"><f t="shared" si="0"/><v>50</v></c>' +
        '<c r="D3"><f t="shared" si="0"/><v>92058</v></c></row>' +
        '<row><c><v>30</v></c><c s="1"><v>46025</v></c><c><f t="shared" si="0"/><v>70</v></c>' +
        '<c><f t="shared" si="0"/><v>92060</v></c></row>' +
        '<row><c t="inlineStr"><is><t>fin</t></is></c><c t="b"><v>1</v></c></row>',
    },
  ],
  sharedStrings: [
    '<si><r><t>Clé </t></r><r><rPr><b/></rPr><t>fiche</t></r><rPh sb="0" eb="1"><t>ｷ</t></rPh></si>',
    '<si><t>Date</t></si>',
    '<si><t>Calcul</t></si>',
    '<si><t xml:space="preserve">Deux_x000A_lignes _x005F_x0041_</t></si>',
  ],
  styles:
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>',
});

/**
 * Both files re-saved by LibreOffice in one start (a start costs seconds), once for the suite: a plain re-save, no
 * recalculation, what a partner's LibreOffice does to a file.
 */
let resaved: Promise<Record<'writers' | 'handMade', Uint8Array>> | undefined;
const resavedWithLibreOffice = async () =>
  (resaved ??= writtenByExcelJs().then(
    (writers) =>
      saveThroughLibreOffice(
        { writers, handMade },
        { scratch: 'xlsx-reader-libreoffice', recalculate: false },
      ) as Record<'writers' | 'handMade', Uint8Array>,
  ));

const c = (value: GridCell['value'], extra: Omit<GridCell, 'value'> = {}): GridCell => ({ value, ...extra });

/** What was put in, as the reader must give it back. */
const expectedAxisRows: (GridCell | null)[][] = [
  ['Clé', 'Type', 'Intitulé', 'Budget', 'Actif', 'Date', 'Total', 'Libellé', 'Erreur'].map((v) => c(v)),
  [
    c('G1'),
    c('Fiche'),
    c('=HYPERLINK("http://exemple.fr","lien")'),
    c(1500.25),
    c(true),
    c(JANUARY_15_2026, { isDate: true }),
    c(3000.5, { formula: 'D2*2' }),
    c('G1 – Fiche', { formula: 'A2&" – "&B2' }),
    c('#N/A', { isError: true }),
  ],
  [
    c('G1-QN1'),
    c('Quantitatif'),
    c('Nombre de « familles » accueillies\nen 2026 & plus'),
    c(-3),
    c(false),
    null,
    c(1497.25, { formula: 'SUM(D2:D3)' }),
    c('gras et normal'),
  ],
  [],
  [],
  [c('loin')],
];

function expectTheWrittenContent(grids: WorkbookGrids): void {
  expect(grids.sheets.map((s) => s.name)).toEqual(['Axe 1 – Enfance', '_ctg', 'Vide']);
  expect(sheetNamed(grids, 'Axe 1 – Enfance').rows).toEqual(expectedAxisRows);
  const meta = sheetNamed(grids, '_ctg');
  expect(meta.visibility).toBe('hidden');
  expect(meta.rows).toEqual([[c('version'), c(1)]]);
  expect(sheetNamed(grids, 'Vide').rows).toEqual([]);
}

describe('files from other writers', () => {
  let written: Uint8Array;
  beforeAll(async () => {
    written = await writtenByExcelJs();
  });

  test('a workbook written by ExcelJS reads as what was put in it', () => {
    const grids = readGrids(written);
    expectTheWrittenContent(grids);
    expect(cellAt(sheetNamed(grids, 'Axe 1 – Enfance'), 'C2')?.formula).toBeUndefined();
  });

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'the same workbook saved by LibreOffice reads the same',
    async () => {
      const { writers } = await resavedWithLibreOffice();
      expect(Buffer.from(writers).equals(Buffer.from(written))).toBe(false);
      expect(readGrids(writers)).toEqual(readGrids(written));
    },
    120_000,
  );
});

describe('a hand-made Excel-like file through LibreOffice', () => {
  test('reads as written', () => {
    const rows = readGrids(handMade).sheets[0].rows;
    expect(rows[0].map((cell) => cell?.value)).toEqual(['Clé fiche', 'Date', 'Calcul', 'Deux\nlignes _x0041_']);
    expect(rows[3]).toEqual([
      c(30),
      c(46025, { isDate: true }),
      c(70, { formula: 'A4*2+$A$2' }),
      c(92060, { formula: 'B4*2+$A$2' }),
    ]);
    expect(rows[4]).toEqual([c('fin'), c(true)]);
  });

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'and reads the same once LibreOffice has saved it (its own string table, formulas written one by one)',
    async () => {
      expect(readGrids((await resavedWithLibreOffice()).handMade)).toEqual(readGrids(handMade));
    },
    120_000,
  );
});
