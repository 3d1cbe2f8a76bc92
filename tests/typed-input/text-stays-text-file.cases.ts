import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { embeddedPlan } from '../../src/app/plan-source';
import type { WorkbookGrids } from '../../src/domain/grid';
import type { Plan } from '../../src/domain/plan';
import { fileGrids } from '../cli/file-grids';
import { generatedWorkbook } from '../cli/generated-workbook';
import { runCli } from '../cli/run-cli';

/**
 * The file back end writes texts as strings (shared or inline), which a spreadsheet never types again: a person's
 * texts that Excel would take for a formula, a number or a percentage come back as the same texts after
 * `compute`, a regeneration (`generate --force` with another plan: every axis sheet written whole) and
 * `close-quarter`, read with the project's reader, and the cells keep their number formats.
 */
const TEXTS = ['+ de 10 ateliers', '-5 familles', '=pas une formule', '@équipe', '7', '5%'];
const ADDED = 'Notes internes';
const workDir = mkdtempSync(join(tmpdir(), 'ctg-text-stays-text-'));
const workbook = join(workDir, 'suivi.xlsx');

interface Placed {
  key: string;
  header: string;
  text: string;
}

/** Each axis sheet with its header row (found by « Clé ») and the column of each header. */
function axisSheets(workbookFile: ExcelJS.Workbook) {
  return workbookFile.worksheets
    .filter((sheet) => sheet.name.startsWith('Axe '))
    .map((sheet) => {
      let headerRow = 0;
      sheet.eachRow((row, number) => {
        if (headerRow === 0 && row.getCell(1).value === 'Clé') headerRow = number;
      });
      const columns = new Map<string, number>();
      sheet.getRow(headerRow).eachCell((cell, column) => columns.set(String(cell.value), column));
      return { sheet, headerRow, columns };
    });
}

function cellOf(file: ExcelJS.Workbook, key: string, header: string): ExcelJS.Cell {
  for (const { sheet, columns } of axisSheets(file)) {
    let found: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === key && columns.has(header)) found = row.getCell(columns.get(header)!);
    });
    if (found) return found;
  }
  throw new Error(`no cell for ${key} under ${header}`);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const opened = new ExcelJS.Workbook();
  await opened.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return opened;
}

/** The value the project's reader gives under `header` in `key`'s row. */
function readValue(grids: WorkbookGrids, key: string, header: string): unknown {
  for (const sheet of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    const headerRow = sheet.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const column = sheet.rows[headerRow].findIndex((cell) => cell?.value === header);
    const row = sheet.rows.find((cells) => cells?.[0]?.value === key);
    if (row && column >= 0) return row[column]?.value ?? null;
  }
  return undefined;
}

/** What each placed cell holds, as read by the project's reader, and its number format. */
async function seen(placed: Placed[]) {
  const file = await load(workbook);
  const grids = fileGrids(workbook);
  return placed.map(({ key, header }) => ({
    key,
    header,
    value: readValue(grids, key, header),
    numberFormat: cellOf(file, key, header).numFmt ?? 'General',
  }));
}

/** The embedded plan without the last fiche's last criterion: rows move, each axis sheet is written whole. */
function planWithoutLastCriterion(): Plan {
  const plan: Plan = structuredClone(embeddedPlan().plan);
  const fiche = plan.axes.at(-1)!.fiches.at(-1)!;
  fiche.criteria = fiche.criteria.slice(0, -1);
  return plan;
}

describe('entered texts stay texts in a file, through the command line', () => {
  let placed: Placed[];
  let comments: Placed[];
  let before: Awaited<ReturnType<typeof seen>>;

  beforeAll(async () => {
    await generatedWorkbook(workbook);
    // A person types the texts as texts (strings in the file), and heads a column of their own after Commentaire.
    const file = await load(workbook);
    const keys = (type: string) =>
      axisSheets(file).flatMap(({ sheet }) => {
        const found: string[] = [];
        sheet.eachRow((row) => {
          if (row.getCell(2).value === type) found.push(String(row.getCell(1).value));
        });
        return found;
      });
    const [fiches, criteria] = [keys('Fiche'), keys('Quantitatif')];
    placed = TEXTS.flatMap((text, i) => [
      { key: fiches[i], header: 'Partenaires', text },
      { key: criteria[i], header: 'Unité', text },
      { key: fiches[i], header: ADDED, text },
      { key: criteria[i], header: ADDED, text },
    ]);
    for (const { sheet, headerRow, columns } of axisSheets(file))
      sheet.getRow(headerRow).getCell(columns.get('Commentaire')! + 1).value = ADDED;
    for (const { key, header, text } of placed) cellOf(file, key, header).value = text;
    // The same texts as criteria's comments, which close-quarter copies into Historique.
    comments = TEXTS.map((text, i) => ({ key: criteria[i], header: 'Commentaire', text }));
    for (const { key, header, text } of comments) cellOf(file, key, header).value = text;
    writeFileSync(workbook, new Uint8Array(await file.xlsx.writeBuffer()));
    before = await seen(placed);
    expect(before.map((cell) => cell.value)).toEqual(placed.map((one) => one.text));
  }, 60_000);

  const lastKey = embeddedPlan().plan.axes.at(-1)!.fiches.at(-1)!.criteria.at(-1)!.key;
  test.each([
    ['compute', () => ['compute', workbook], lastKey],
    ['a regeneration that moves rows', () => ['generate', '--plan', planFile(), '-o', workbook, '--force'], null],
    ['close-quarter', () => ['close-quarter', workbook], null],
  ])(
    '%s: every text is read back as typed, a string, its cell’s number format unchanged',
    async (_name, args, lastCriterion) => {
      const run = await runCli(args());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // The regeneration did rewrite the axis sheets: the removed criterion's row is gone.
      expect(readValue(fileGrids(workbook), lastKey, 'Clé') ?? null).toBe(lastCriterion);
      const after = await seen(placed);
      expect(after.map((cell) => cell.value)).toEqual(placed.map((one) => one.text));
      // The layout's columns keep their formats; a kept text of the added column is given `@` by the layout
      // when its sheet is written whole, General where it was not written.
      const layoutColumns = (cells: typeof before) => cells.filter((cell) => cell.header !== ADDED);
      expect(layoutColumns(after)).toEqual(layoutColumns(before));
      for (const cell of after.filter((one) => one.header === ADDED))
        expect(['General', '@']).toContain(cell.numberFormat);
    },
    60_000,
  );

  test('close-quarter copied each criterion’s Commentaire into Historique as the same text', () => {
    const history = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Historique')!.rows;
    const values = history.map((cells) => cells.map((cell) => cell?.value));
    const copied = comments.map(({ key }) => values.find((row) => row[1] === key && row[2] === 'Commentaire')?.[3]);
    expect(copied).toEqual(TEXTS);
  });
});

function planFile(): string {
  const file = join(workDir, 'plan.json');
  writeFileSync(file, JSON.stringify(planWithoutLastCriterion()));
  return file;
}
