import { strFromU8, unzipSync } from 'fflate';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { writeXlsx } from '../../src/xlsx/writer';
import { streamXlsx } from '../../src/xlsx/writer/stream-xlsx';
import { addColumnBreaks } from '../../src/xlsx/writer/post-process';
import { orderViolations, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';

/**
 * Manual page breaks across (`SheetSpec.columnBreaks`), which ExcelJS does not write: added to the sheet's XML where
 * CT_Worksheet puts them, by both writers, at an explicit print scale (applications ignore them when fitting).
 */

const spec: WorkbookSpec = {
  sheets: [
    {
      name: 'Sans sauts',
      columns: [{ width: 10 }],
      rows: [{ cells: [{ value: 'a' }] }],
      merges: [],
      validations: [],
      conditionalFormats: [],
    },
    {
      name: 'Côte à côte',
      columns: Array.from({ length: 9 }, () => ({ width: 12 })),
      rows: [{ cells: Array.from({ length: 9 }, (_, index) => ({ value: index + 1 })) }],
      merges: [],
      validations: [],
      conditionalFormats: [],
      rowBreaks: [3],
      columnBreaks: [4, 8],
      protection: { password: '', allow: { autoFilter: true } },
      print: {
        orientation: 'landscape',
        paper: 'A4',
        fitToWidth: 3,
        scale: 60,
        titleColumns: { first: 1, last: 1 },
        headerFooter: { header: 'Titre', footer: 'Page &P sur &N' },
      },
    },
  ],
  definedNames: [],
  properties: { title: 'T', creator: 'ctg-suivi' },
} as unknown as WorkbookSpec;

describe.each([
  ['in memory', writeXlsx],
  ['streamed', streamXlsx],
])('the %s writer', (_label, write) => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    const files = unzipSync(await write(spec));
    parts = Object.fromEntries(
      Object.entries(files)
        .filter(([path]) => path.startsWith('xl/worksheets/sheet'))
        .map(([path, bytes]) => [path, strFromU8(bytes)]),
    );
  });

  it('writes a page break after the column before each break, down every row', () => {
    const sheet = parts['xl/worksheets/sheet2.xml'];
    expect(sheet).toContain(
      '<colBreaks count="2" manualBreakCount="2"><brk id="3" max="1048575" man="1"/><brk id="7" max="1048575" man="1"/></colBreaks>',
    );
    expect(sheet).toMatch(/<pageSetup\b[^>]*\bscale="60"/);
    expect(parts['xl/worksheets/sheet1.xml']).not.toContain('colBreaks');
  });

  it('keeps every element of the sheet in schema order', () => {
    for (const [path, xml] of Object.entries(parts)) {
      const { top } = worksheetChildren(xml);
      expect({ path, violations: orderViolations(top, WORKSHEET_CHILD_ORDER) }).toEqual({ path, violations: [] });
    }
    expect(worksheetChildren(parts['xl/worksheets/sheet2.xml']).top).toEqual(
      expect.arrayContaining(['rowBreaks', 'colBreaks', 'headerFooter']),
    );
  });
});

it('goes after the page setup, never inside a data bar rule’s own <extLst> that comes before it', () => {
  const tail =
    '<conditionalFormatting sqref="B2:B9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/></dataBar>' +
    '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"><x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" scale="60"/>' +
    '<drawing r:id="rId1"/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst></worksheet>';
  expect(addColumnBreaks(tail, [4])).toBe(
    tail.replace(
      '<drawing r:id="rId1"/>',
      '<colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks><drawing r:id="rId1"/>',
    ),
  );
});
