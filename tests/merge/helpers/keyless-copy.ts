import ExcelJS from 'exceljs';

/** A sheet `name` added to `workbook`, a copy of the values of `source` (each cell as shown, formulas' results). */
export function copyOfSheet(workbook: ExcelJS.Workbook, source: string, name: string): ExcelJS.Worksheet {
  const copy = workbook.addWorksheet(name);
  workbook.getWorksheet(source)!.eachRow((row, number) => {
    row.eachCell((cell, column) => {
      const value = cell.value;
      copy.getRow(number).getCell(column).value =
        value !== null && typeof value === 'object' && 'formula' in value ? (value.result ?? null) : value;
    });
  });
  return copy;
}

/**
 * The file with a sheet `name` the partner added: a copy of `source`, its first column (`Clé`) deleted, as one
 * copies a sheet to print it without the codes.
 */
export async function withKeylessCopy(bytes: Uint8Array, source: string, name: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  copyOfSheet(workbook, source, name).spliceColumns(1, 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
