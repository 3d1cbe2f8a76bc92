import { embeddedPlan } from '../../src/app/plan-source';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { quarterLabel, quarterOfDate } from '../../src/domain/periods';
import type { Plan } from '../../src/domain/plan';
import { cellAddress } from '../../src/layout/a1';
import type { CellChange } from '../../src/app/port';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import type { FakeExcel } from '../fake-excel';
import { generateOnFake, measured, portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';

/**
 * A person's texts that Excel would type as something else when written through `range.values` (a formula, an
 * error, a number, a percentage) stay the same texts through Calculer, a regeneration and Clôturer on the Office.js
 * back end, in text columns (`@`) and in a quantitative quarter column (General), and the cells keep their number
 * formats. The fake types `values` as Excel does, so a text written without `@` first would come back changed.
 */
const now = new Date('2026-11-28T10:00:00Z');
const quarter = quarterLabel(quarterOfDate(now));
export const TRICKY_TEXTS = ['+ de 10 ateliers', '-5 familles', '=pas une formule', '@équipe', '7', '5%'];

interface Placed {
  key: string;
  header: string;
  text: string;
}

/** The texts as criteria's comments, which Clôturer copies into Historique. */
const comments = (fake: FakeExcel): Placed[] =>
  TRICKY_TEXTS.map((text, i) => ({ key: keysOf(fake).quantitative[i], header: 'Commentaire', text }));

/** Rows' keys of each type, over the axis sheets. */
function keysOf(fake: FakeExcel) {
  const rowsOfType = (type: string) =>
    axisSheets(fake).flatMap((name) =>
      fake.inspect
        .snapshotGrid(name)
        .rows.filter((cells) => cells?.[1]?.value === type)
        .map((cells) => String(cells[0]!.value)),
    );
  const keys = { fiches: rowsOfType('Fiche'), quantitative: rowsOfType('Quantitatif') };
  expect(Math.min(keys.fiches.length, keys.quantitative.length)).toBeGreaterThanOrEqual(TRICKY_TEXTS.length);
  return keys;
}

/** A column a person added after the last one, kept as found by every rewrite. */
const ADDED = 'Notes internes';

/**
 * Where each text goes in a workbook the use cases accept: a fiche's Partenaires, a criterion's Unité (text
 * columns, `@`), and the column a person added (General).
 */
function placements(fake: FakeExcel): Placed[] {
  const { fiches, quantitative } = keysOf(fake);
  return TRICKY_TEXTS.flatMap((text, i) => [
    { key: fiches[i], header: 'Partenaires', text },
    { key: quantitative[i], header: 'Unité', text },
    { key: fiches[i], header: ADDED, text },
    { key: quantitative[i], header: ADDED, text },
  ]);
}

const axisSheets = (fake: FakeExcel) => fake.inspect.sheetNames().filter((name) => name.startsWith('Axe '));

/** The sheet and A1 address of `key`'s cell under `header`. */
function locate(fake: FakeExcel, key: string, header: string): { sheet: string; address: string } {
  for (const sheet of axisSheets(fake)) {
    const rows = fake.inspect.snapshotGrid(sheet).rows;
    const headerRow = rows.findIndex((cells) => cells?.[0]?.value === 'Clé');
    const column = rows[headerRow]?.findIndex((cell) => cell?.value === header) ?? -1;
    const row = rows.findIndex((cells) => cells?.[0]?.value === key);
    if (headerRow >= 0 && column >= 0 && row >= 0) return { sheet, address: cellAddress(row + 1, column + 1) };
  }
  throw new Error(`no cell for ${key} under ${header}`);
}

/** What a person sees in each placed cell: its content and its number format. */
function seen(fake: FakeExcel, placed: Placed[]) {
  return placed.map(({ key, header }) => {
    const { sheet, address } = locate(fake, key, header);
    const [[formula]] = fake.inspect.formulas(sheet, address);
    return { key, header, content: formula, numberFormat: fake.inspect.format(sheet, address).numberFormat };
  });
}

/** A person unprotects each axis sheet, heads a column after Commentaire, and protects the sheet again. */
async function addColumn(fake: FakeExcel): Promise<void> {
  const headers = axisSheets(fake).map((sheet) => {
    const rows = fake.inspect.snapshotGrid(sheet).rows;
    const headerRow = rows.findIndex((cells) => cells?.[0]?.value === 'Clé');
    const last = rows[headerRow].findIndex((cell) => cell?.value === 'Commentaire');
    return { sheet, address: cellAddress(headerRow + 1, last + 2), options: fake.inspect.protection(sheet).options };
  });
  await fake.officeJs.Excel.run(async (context) => {
    for (const { sheet, address, options } of headers) {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.protection.unprotect();
      worksheet.getRange(address).values = [[ADDED]];
      worksheet.protection.protect(options as Excel.WorksheetProtectionOptions);
    }
    await context.sync();
  });
}

/** The texts typed as a person keeps them text: as is in an `@` cell, behind `'` elsewhere (the format stays). */
async function typeTexts(fake: FakeExcel, placed: Placed[]): Promise<void> {
  const options = axisSheets(fake).map((sheet) => [sheet, fake.inspect.protection(sheet).options] as const);
  await fake.officeJs.Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    for (const [sheet] of options) worksheets.getItem(sheet).protection.unprotect();
    for (const { key, header, text } of placed) {
      const { sheet, address } = locate(fake, key, header);
      const asText = fake.inspect.format(sheet, address).numberFormat === '@';
      worksheets.getItem(sheet).getRange(address).values = [[asText ? text : `'${text}`]];
    }
    for (const [sheet, kept] of options)
      worksheets.getItem(sheet).protection.protect(kept as Excel.WorksheetProtectionOptions);
    await context.sync();
  });
}

/** The embedded plan without one criterion of the last fiche: rows move, so every axis sheet is written whole. */
function planWithoutLastCriterion(): Plan {
  const plan: Plan = structuredClone(embeddedPlan().plan);
  const fiche = plan.axes.at(-1)!.fiches.at(-1)!;
  fiche.criteria = fiche.criteria.slice(0, -1);
  return plan;
}

describe('entered texts stay texts on the Office.js back end', () => {
  let fake: FakeExcel;
  let port: Awaited<ReturnType<typeof generateOnFake>>['port'];
  let placed: Placed[];
  let before: ReturnType<typeof seen>;

  beforeAll(async () => {
    ({ fake, port } = await generateOnFake(embeddedPlan().plan, now, WITHOUT_PAYLOAD_LIMITS));
    await addColumn(fake);
    placed = placements(fake);
    await typeTexts(fake, [...placed, ...comments(fake)]);
    before = seen(fake, placed);
    // Typed as a person keeps them: each cell holds its text.
    expect(before.map((cell) => cell.content)).toEqual(placed.map((one) => one.text));
    expect(new Set(before.map((cell) => cell.numberFormat))).toEqual(new Set(['@', 'General']));
  }, 120_000);

  test.each([
    ['Calculer', () => computeAndWrite(port, { now })],
    [
      'a regeneration that moves rows (every sheet written whole)',
      () => regenerateAndWrite(port, planWithoutLastCriterion(), { now }),
    ],
    ['Clôturer le trimestre', () => closeQuarterAndWrite(port, { now })],
  ])(
    '%s: every text is read back as typed, its cell’s number format unchanged',
    async (_name, run) => {
      const outcome = await run();
      expect(outcome.status).toBe('done');
      const after = seen(fake, placed);
      expect(after.map((cell) => cell.content)).toEqual(placed.map((one) => one.text));
      // The layout's columns keep their formats; a kept text of the added column is given `@` by the layout
      // when its sheet is written whole (as in a file), General where it was not written.
      const layoutColumns = (cells: typeof before) => cells.filter((cell) => cell.header !== ADDED);
      expect(layoutColumns(after)).toEqual(layoutColumns(before));
      for (const cell of after.filter((one) => one.header === ADDED))
        expect(['General', '@']).toContain(cell.numberFormat);
    },
    120_000,
  );

  test('Clôturer copied each criterion’s Commentaire into Historique as the same text', () => {
    const history = fake.inspect.snapshotGrid('Historique').rows.map((cells) => cells.map((cell) => cell?.value));
    const copied = comments(fake).map(
      ({ key }) => history.find((row) => row[1] === key && row[2] === 'Commentaire')?.[3],
    );
    expect(copied).toEqual(TRICKY_TEXTS);
  });
});

/** The spec cell of `key` under `header` in the axis sheets. */
function specCell(spec: WorkbookSpec, key: string, header: string) {
  for (const sheet of spec.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    const headerRow = sheet.rows.findIndex((row) => row.cells[0]?.value === 'Clé');
    const column = sheet.rows[headerRow]?.cells.findIndex((cell) => cell?.value === header) ?? -1;
    const row = sheet.rows.find((candidate) => candidate.cells[0]?.value === key);
    if (headerRow >= 0 && column >= 0 && row?.cells[column]) return row.cells[column];
  }
  throw new Error(`no spec cell for ${key} under ${header}`);
}

/** The change of `key`'s cell under `header` to `text`. */
function changeOf(fake: FakeExcel, { key, header, text }: Placed): CellChange {
  const { sheet, address } = locate(fake, key, header);
  const rows = fake.inspect.snapshotGrid(sheet).rows;
  const headerRow = rows.findIndex((cells) => cells?.[0]?.value === 'Clé');
  const column = rows[headerRow].findIndex((cell) => cell?.value === header) + 1;
  return { sheet, row: Number(/\d+/.exec(address)![0]), column, content: text };
}

/**
 * The writers themselves, with texts where the use cases refuse them (a quantitative criterion's quarter cell,
 * General): a merge of partners' files may write one there. Each comes back as the same text, the cell's number
 * format as the spec or the workbook had it, in as many round trips as before.
 */
describe('the Office.js writers write a text into a General cell as that text', () => {
  const quarterCells = (fake: FakeExcel): Placed[] =>
    TRICKY_TEXTS.map((text, i) => ({ key: keysOf(fake).quantitative[i], header: quarter, text }));
  const textCells = (fake: FakeExcel): Placed[] =>
    TRICKY_TEXTS.map((text, i) => ({ key: keysOf(fake).fiches[i], header: 'Partenaires', text }));

  test('the whole workbook from a spec: 3 round trips, formats as the spec says', async () => {
    const { fake: model } = await generateOnFake(embeddedPlan().plan, now, WITHOUT_PAYLOAD_LIMITS);
    const placed = [...quarterCells(model), ...textCells(model)];
    const { spec } = await buildNewWorkbook(embeddedPlan().plan, { today: now });
    for (const { key, header, text } of placed) specCell(spec, key, header).value = text;
    const { fake, port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
    const run = await measured(fake, () => port.write(spec));
    // The new sheets with the look at the new workbook's empty sheet, then the switch (src/excel/README.md).
    expect(run.roundTrips).toBe(3);
    expect(seen(fake, placed)).toEqual(
      placed.map(({ key, header, text }) => ({
        key,
        header,
        content: text,
        numberFormat: header === quarter ? 'General' : '@',
      })),
    );
  }, 120_000);

  test.each([
    ['after a read (a rewrite that keeps the shape): 1 round trip', true, 1],
    ['alone (port.change): 2 round trips', false, 2],
  ])(
    'cell changes %s, formats as the cells had them',
    async (_name, afterRead, roundTrips) => {
      const { fake, port } = await generateOnFake(embeddedPlan().plan, now, WITHOUT_PAYLOAD_LIMITS);
      const placed = [...quarterCells(fake), ...textCells(fake)];
      const formats = seen(fake, placed).map((cell) => cell.numberFormat);
      expect(new Set(formats)).toEqual(new Set(['General', '@']));
      const changes = { cells: placed.map((one) => changeOf(fake, one)), ranges: [] };
      const { spec } = await buildNewWorkbook(embeddedPlan().plan, { today: now });
      const grids = await port.read();
      const run = await measured(fake, () =>
        afterRead ? port.write(spec, { after: grids, changes }) : port.change(changes),
      );
      expect(run.roundTrips).toBe(roundTrips);
      expect(seen(fake, placed)).toEqual(
        placed.map(({ key, header, text }, i) => ({ key, header, content: text, numberFormat: formats[i] })),
      );
    },
    120_000,
  );
});
