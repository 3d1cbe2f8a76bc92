// CPU time of reading a tracking-size workbook (15 sheets × 60 rows × 50 columns, every cell filled: texts,
// numbers, dates, formulas with results) with our streaming reader, beside ExcelJS's full read for scale.
// Run after `npm run build:cli`:  node scripts/bench-xlsx-reader.js [sheets] [rows] [columns]
const ExcelJS = require('exceljs');
const { readXlsx } = require('../dist/node/xlsx/reader');

async function workbookBytes(sheets, rows, columns) {
  const workbook = new ExcelJS.Workbook();
  for (let s = 1; s <= sheets; s++) {
    const sheet = workbook.addWorksheet(`Axe ${s}`);
    for (let r = 1; r <= rows; r++) {
      const values = [];
      for (let c = 1; c <= columns; c++) {
        if (c % 4 === 1) values.push(`Texte ${s}.${r}.${c}`);
        else if (c % 4 === 2) values.push(r * c + 0.5);
        else if (c % 4 === 3) values.push(new Date(Date.UTC(2026, 0, r)));
        else values.push({ formula: `B${r}*2`, result: (r * (c - 2) + 0.5) * 2 });
      }
      sheet.addRow(values);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cpuMilliseconds(run, times) {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

async function main() {
  const [sheets = 15, rows = 60, columns = 50] = process.argv.slice(2).map(Number);
  const bytes = await workbookBytes(sheets, rows, columns);
  const result = readXlsx(bytes);
  if (!result.ok) throw new Error(`unreadable: ${result.error.code}`);
  for (let i = 0; i < 5; i++) readXlsx(bytes);
  const ours = cpuMilliseconds(() => readXlsx(bytes), 20);

  const exceljsStart = process.cpuUsage();
  for (let i = 0; i < 5; i++) await new ExcelJS.Workbook().xlsx.load(bytes);
  const exceljsUsed = process.cpuUsage(exceljsStart);
  const exceljs = (exceljsUsed.user + exceljsUsed.system) / 1000 / 5;

  const cells = sheets * rows * columns;
  console.log(`${sheets} feuilles × ${rows} lignes × ${columns} colonnes (${cells} cellules, ${bytes.length} octets)`);
  console.log(`lecteur maison : ${ours.toFixed(1)} ms de processeur par lecture`);
  console.log(`ExcelJS (pour comparer) : ${exceljs.toFixed(1)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
