import ExcelJS from 'exceljs';

/**
 * A recipient's edits of an extract: values typed by key (column A) and header (the `Clé` row), in any sheet that
 * has one, saved as a spreadsheet saves them (ExcelJS here; LibreOffice after it in the round-trip tests).
 */

export interface KeyedEdit {
  key: string;
  header: string;
  value: ExcelJS.CellValue;
  /** The one sheet to type it in (a master's axis sheet, not its Annexe 4 of the same keys); else every sheet. */
  sheet?: string;
}

export async function fillExtract(bytes: Uint8Array, edits: readonly KeyedEdit[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const edit of edits) {
    let done = false;
    workbook.eachSheet((sheet) => {
      if (edit.sheet !== undefined && sheet.name !== edit.sheet) return;
      let headerRow = 0;
      sheet.eachRow((row, number) => {
        if (headerRow === 0 && row.getCell(1).value === 'Clé') headerRow = number;
      });
      if (headerRow === 0) return;
      let column = 0;
      sheet.getRow(headerRow).eachCell((cell, index) => {
        if (cell.value === edit.header) column = index;
      });
      sheet.eachRow((row, number) => {
        if (number > headerRow && column > 0 && row.getCell(1).value === edit.key) {
          row.getCell(column).value = edit.value;
          done = true;
        }
      });
    });
    if (!done) throw new Error(`no cell for ${edit.key} under ${edit.header}`);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
