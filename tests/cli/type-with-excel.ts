import ExcelJS from 'exceljs';

/** A value typed at a key's row under a header of its axis sheet, or at a sheet's cell. */
export type ExcelEdit = { key?: string; header?: string; sheet?: string; cell?: string; value: ExcelJS.CellValue };

/** Types values into a workbook file with Excel's own file format library, as a person editing the file would. */
export async function typeWithExcel(file: string, edits: readonly ExcelEdit[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const edit of edits) {
    if (edit.sheet && edit.cell) {
      workbook.getWorksheet(edit.sheet)!.getCell(edit.cell).value = edit.value;
      continue;
    }
    workbook.eachSheet((sheet) => {
      if (!sheet.name.startsWith('Axe ')) return;
      let column = 0;
      sheet.getRow(3).eachCell((cell, index) => {
        if (cell.value === edit.header) column = index;
      });
      sheet.eachRow((row) => {
        if (row.getCell(1).value === edit.key) row.getCell(column).value = edit.value;
      });
    });
  }
  await workbook.xlsx.writeFile(file);
}
