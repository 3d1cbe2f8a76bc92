/**
 * The same grids whoever wrote the file: a workbook written by ExcelJS reads as what was put in it, and reads
 * the same after LibreOffice has opened and saved it (different XML: styles, string tables, no spans…).
 */
import ExcelJS from 'exceljs';
import type { GridCell, WorkbookGrids } from '../../src/app/port';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { resaveWithLibreOffice } from './support/libreoffice';
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
    written = await exceljsWorkbook();
  });

  test('a workbook written by ExcelJS reads as what was put in it', () => {
    const grids = readGrids(written);
    expectTheWrittenContent(grids);
    expect(cellAt(sheetNamed(grids, 'Axe 1 – Enfance'), 'C2')?.formula).toBeUndefined();
  });

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'the same workbook saved by LibreOffice reads the same',
    () => {
      const resaved = resaveWithLibreOffice(written, 'writers');
      expect(Buffer.from(resaved).equals(Buffer.from(written))).toBe(false);
      expect(readGrids(resaved)).toEqual(readGrids(written));
    },
    120_000,
  );
});
