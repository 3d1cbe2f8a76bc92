import ExcelJS from 'exceljs';

/**
 * A value typed at a key's row under a header of its axis sheet, or at a sheet's cell; with `numFmt`, the cell given
 * that format too (« 0% »: a person shows the cell as a percentage).
 */
export type ExcelEdit = {
  key?: string;
  header?: string;
  sheet?: string;
  cell?: string;
  value: ExcelJS.CellValue;
  numFmt?: string;
};

function typeIn(cell: ExcelJS.Cell, { value, numFmt }: ExcelEdit): void {
  cell.value = value;
  // A new style object: ExcelJS shares one among the cells of the same style, which `cell.numFmt =` would all change.
  if (numFmt !== undefined) cell.style = { ...cell.style, numFmt };
}

/**
 * Types values into a workbook file with ExcelJS (a library that reads and writes .xlsx files, not Excel), as a
 * person editing the file would. A key or a header not found throws: a test never types at a wrong place unseen.
 */
export async function typeWithExcel(file: string, edits: readonly ExcelEdit[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const edit of edits) {
    if (edit.sheet && edit.cell) {
      typeIn(workbook.getWorksheet(edit.sheet)!.getCell(edit.cell), edit);
      continue;
    }
    let typed = false;
    workbook.eachSheet((sheet) => {
      if (!sheet.name.startsWith('Axe ')) return;
      sheet.eachRow((row) => {
        if (row.getCell(1).value !== edit.key) return;
        let column = 0;
        sheet.getRow(3).eachCell((cell, index) => {
          if (cell.value === edit.header) column = index;
        });
        if (column === 0) throw new Error(`No header « ${edit.header} » in ${sheet.name}`);
        typeIn(row.getCell(column), edit);
        typed = true;
      });
    });
    if (!typed) throw new Error(`No row of key ${edit.key} in an axis sheet`);
  }
  await workbook.xlsx.writeFile(file);
}
