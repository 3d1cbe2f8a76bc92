import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { patchXlsx } from '../../src/xlsx/patch';
import { gridsOf } from './helpers';

/**
 * The package patch on a small package written as Excel writes one: a shared formula group, a calculation chain,
 * a styled table with an autofilter, a part the patch must not touch.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:C3"/><cols><col min="1" max="1" width="30" hidden="1" customWidth="1"/><col min="3" max="3" width="12" style="2" customWidth="1"/></cols><sheetData><row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c></row><row r="2" spans="1:3" ht="20" customHeight="1" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c><c r="B2" s="3"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>2</v></c></row><row r="3" spans="1:3" ht="20" customHeight="1" x14ac:dyDescent="0.25"><c r="A3"><v>2</v></c><c r="B3" s="3"><f t="shared" si="0"/><v>4</v></c></row></sheetData><autoFilter ref="A1:B3"/><conditionalFormatting sqref="B2:B3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>3</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="whole" sqref="A2:A9"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst></worksheet>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function smallPackage(): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Données'!$A$1:$B$3</definedName></definedNames></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': SHEET,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>Nombre</t></si><si><t>Double</t></si></sst>`,
    'xl/styles.xml': STYLES,
    'xl/calcChain.xml': `<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${MAIN}"><c r="B2" i="1"/><c r="B3"/></calcChain>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

const text = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part]);

describe('patchXlsx', () => {
  const original = smallPackage();

  it('writes out a shared group whose master changes, and drops the calculation chain', () => {
    const patched = patchXlsx(original, {
      cells: [{ sheet: 'Données', row: 2, column: 2, content: { formula: 'A2*3', result: 3 } }],
      ranges: [],
    });
    const grid = gridsOf(patched).sheets[0];
    expect(grid.rows[1][1]).toEqual({ value: 3, formula: 'A2*3' });
    expect(grid.rows[2][1]).toEqual({ value: 4, formula: 'A3*2' });
    const files = unzipSync(patched);
    expect(files['xl/calcChain.xml']).toBeUndefined();
    expect(text(patched, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(text(patched, '[Content_Types].xml')).not.toContain('calcChain');
    // The cell keeps its number format.
    expect(text(patched, 'xl/worksheets/sheet1.xml')).toContain('<c r="B2" s="3"><f>A2*3</f><v>3</v></c>');
  });

  it('appends rows like the one above, grows the filter and its name, and leaves the rest as it was', () => {
    const patched = patchXlsx(original, {
      cells: [
        { sheet: 'Données', row: 4, column: 1, content: 'trois' },
        { sheet: 'Données', row: 4, column: 2, content: { formula: 'LEN(A4)', result: 5 } },
        { sheet: 'Données', row: 4, column: 3, content: 46100, style: { numFmt: 'dd/mm/yyyy' } },
        { sheet: 'Données', row: 1, column: 1, content: null },
      ],
      ranges: [{ sheet: 'Données', autoFilter: 'A1:B4' }],
    });
    const grid = gridsOf(patched).sheets[0];
    expect(grid.rows[0][0] ?? null).toBeNull();
    expect(grid.rows[3]).toEqual([
      { value: 'trois' },
      { value: 5, formula: 'LEN(A4)' },
      { value: 46100, isDate: true },
    ]);
    const sheet = text(patched, 'xl/worksheets/sheet1.xml');
    // A1 emptied keeps its format, so it stays in the dimension.
    expect(sheet).toContain('<dimension ref="A1:C4"/>');
    expect(sheet).toContain('<c r="A1" s="1"/>');
    // The new row copies the row above but its place; the new cells take the style above (B), the column's (C).
    expect(sheet).toMatch(/<row r="4" ht="20" customHeight="1" x14ac:dyDescent="0.25"><c r="A4" t="inlineStr">/);
    expect(sheet).toContain('<c r="B4" s="3"><f>LEN(A4)</f><v>5</v></c>');
    expect(sheet).toContain('<c r="C4" s="4"><v>46100</v></c>');
    expect(text(patched, 'xl/styles.xml')).toContain('<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>');
    expect(sheet).toContain('<autoFilter ref="A1:B4"/>');
    expect(text(patched, 'xl/workbook.xml')).toContain(`>'Données'!$A$1:$B$4</definedName>`);
    // Untouched: the column settings, the formats and rules, the extensions, the shared strings.
    for (const kept of [
      '<cols><col min="1" max="1" width="30" hidden="1" customWidth="1"/>',
      '<conditionalFormatting sqref="B2:B3">',
      '<dataValidation type="whole" sqref="A2:A9">',
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst>',
      'mc:Ignorable="x14ac"',
    ])
      expect(sheet).toContain(kept);
    expect(text(patched, 'xl/sharedStrings.xml')).toBe(text(original, 'xl/sharedStrings.xml'));
  });

  it('changes nothing but the cells asked: a patch with no change reads as the original', () => {
    const patched = patchXlsx(original, { cells: [], ranges: [] });
    expect(gridsOf(patched)).toEqual(gridsOf(original));
    expect(unzipSync(patched)['xl/calcChain.xml']).toBeDefined();
  });

  it('writes a text that reads like an escape so that it is read back as written, a formula’s text result too', () => {
    // `_x0041_` in a cell's XML is « A » to Excel: a partner's returned text « _x0041_ » must not become « A ».
    const patched = patchXlsx(original, {
      cells: [
        { sheet: 'Données', row: 2, column: 1, content: 'réf. _x0041_ et _x005F_x0042_' },
        { sheet: 'Données', row: 3, column: 1, content: { formula: '"_x0043_"', result: '_x0043_' } },
      ],
      ranges: [],
    });
    const grid = gridsOf(patched).sheets[0];
    expect(grid.rows[1][0]).toEqual({ value: 'réf. _x0041_ et _x005F_x0042_' });
    expect(grid.rows[2][0]).toEqual({ value: '_x0043_', formula: '"_x0043_"' });
  });
});
