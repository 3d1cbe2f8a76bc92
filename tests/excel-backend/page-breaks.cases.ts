import { degradationNotes } from '../../src/excel/excel-texts';
import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { sampleBilan, WRITTEN_AT } from '../bilan-layout/helpers/sample-bilan';
import { portOnFake } from './helpers/run-on-fake';
import { columnLetters } from '../../src/layout/a1';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { consolidation, writtenAt } from '../consolidation-workbook/fixture';

/**
 * A sheet's manual page breaks written by Office.js (`Worksheet.horizontalPageBreaks.add`, ExcelApi 1.9 as the page
 * setup): each before its row, across the sheet's columns; left out, with the page setup's note, where 1.9 is missing.
 */

const spec = buildBilanWorkbook(sampleBilan(), { writtenAt: WRITTEN_AT });
const fiches = spec.sheets.find((sheet) => sheet.name === 'Fiches')!;

test('each break is added before its row, over the sheet’s columns', async () => {
  expect(fiches.rowBreaks!.length).toBeGreaterThan(0);
  const { fake, port } = portOnFake({ apiVersion: '1.12' });
  await port.write(spec);
  expect(fake.inspect.horizontalPageBreaks('Fiches')).toEqual(fiches.rowBreaks!.map((row) => `A${row}:J${row}`));
  expect(fake.inspect.horizontalPageBreaks('Compétences AO')).toEqual([]);
  expect(port.notes()).toEqual([]);
}, 60_000);

test('ExcelApi 1.8: no break, and the note on the page setup says so', async () => {
  const { fake, port } = portOnFake({ apiVersion: '1.8' });
  await port.write(spec);
  expect(fake.inspect.horizontalPageBreaks('Fiches')).toEqual([]);
  expect(port.notes()).toContain(degradationNotes.pageLayout);
}, 60_000);

test('each break across is added before its column, down the sheet’s rows (the consolidation’s names side by side)', async () => {
  const publics = Array.from({ length: 40 }, (_, index) => ({
    ...consolidation.publics[0],
    name: `Public ${index + 1}`,
  }));
  const wide = buildConsolidationWorkbook({ ...consolidation, publics }, { writtenAt });
  const sheet = wide.sheets.find((candidate) => candidate.name === 'Publics par territoire')!;
  expect(sheet.columnBreaks!.length).toBeGreaterThan(1);
  const { fake, port } = portOnFake({ apiVersion: '1.12' });
  await port.write(wide);
  const last = sheet.rows.length;
  expect(fake.inspect.verticalPageBreaks('Publics par territoire')).toEqual(
    sheet.columnBreaks!.map((column) => `${columnLetters(column)}1:${columnLetters(column)}${last}`),
  );
  expect(fake.inspect.verticalPageBreaks('Territoires')).toEqual([]);
}, 60_000);
