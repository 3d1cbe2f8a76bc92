import { combinePort } from '../../src/app/combine-port';
import { embeddedPlan } from '../../src/app/plan-source';
import { regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import type { SheetGrid } from '../../src/domain/grid';
import { quarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import type { Plan } from '../../src/domain/plan';
import { readIncomingRows } from '../../src/layout/incoming/read-incoming-rows';
import { createXlsxWriterPort } from '../../src/xlsx/writer';
import { generateXlsx, gridsOfXlsx } from '../excel-backend/helpers/xlsx-side';
import { computeFile, editWorkbook, sheetOf, validateFile } from './file-side';

/**
 * A note typed under an axis sheet's table, after an empty row (« Note : chiffres provisoires », a total), is a
 * person's note as anywhere else (docs/WORKBOOK.md, « Axis sheets »): not read as a row of the table (no key error
 * that would leave the territory out of a consolidation), even when it looks like one (`T4`), and kept by a rewrite at
 * its distance under the table, as Excel keeps what is under rows inserted. A filled row right under the table is
 * still a row added by hand.
 */
const now = new Date('2026-11-28T10:00:00Z');

let generated: Uint8Array;
let lastRow = 0;
beforeAll(async () => {
  generated = await generateXlsx(embeddedPlan().plan, now);
  await editWorkbook(generated, (workbook) => {
    lastRow = workbook.getWorksheet('Axe 1')!.actualRowCount;
  });
});

test('notes in the table’s columns under an empty row: no issue at them, computed, kept at their address', async () => {
  const notes = { [`B${lastRow + 2}`]: 'Note : chiffres provisoires', [`A${lastRow + 4}`]: 'Relu le 3 mai' };
  const total = `Z${lastRow + 3}`;
  const bytes = await editWorkbook(generated, (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    for (const [address, text] of Object.entries(notes)) sheet.getCell(address).value = text;
    sheet.getCell(total).value = { formula: `SUM(Z4:Z${lastRow})`, result: 0 };
  });
  const { report } = await validateFile(bytes, now);
  const below = report.issues.filter(
    (issue) => issue.sheet === 'Axe 1' && issue.cell !== null && Number(issue.cell.replace(/\D/g, '')) > lastRow,
  );
  expect(below).toEqual([]);
  expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);

  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('done');
  const after = sheetOf(computed.after!, 'Axe 1');
  const at = (address: string) => {
    const column = address.charCodeAt(0) - 64;
    return after.rows[Number(address.slice(1)) - 1]?.[column - 1];
  };
  for (const [address, text] of Object.entries(notes)) expect(at(address)?.value).toBe(text);
  expect(at(total)?.formula).toBe(`SUM(Z4:Z${lastRow})`);
});

test('a note shaped like a row key under an empty row stays a note: a warning says how to make it a row, kept', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    sheet.getCell(`A${lastRow + 2}`).value = 'T4';
    sheet.getCell(`B${lastRow + 2}`).value = 'chiffres provisoires';
  });
  const { report, messages } = await validateFile(bytes, now);
  expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(messages).toContain(
    `Axe 1, cellule A${lastRow + 2}\u00a0: «\u00a0T4\u00a0» a la forme d’une clé de ligne, mais une ligne vide le ` +
      'sépare du tableau\u00a0: il est lu comme une note, pas comme une ligne de suivi. Si c’est une ligne du ' +
      'tableau, supprimez la ou les lignes vides au-dessus d’elle\u00a0: elle sera lue comme une ligne ajoutée à la main.',
  );

  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('done');
  const after = sheetOf(computed.after!, 'Axe 1');
  expect(after.rows[lastRow + 1]?.slice(0, 2).map((cell) => cell?.value)).toEqual(['T4', 'chiffres provisoires']);
});

test('a filled row right under the table, with no key, is still a row added by hand', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    workbook.getWorksheet('Axe 1')!.getCell(`C${lastRow + 1}`).value = 'Nouvelle action';
  });
  const { report } = await validateFile(bytes, now);
  expect(report.issues).toContainEqual(
    expect.objectContaining({ severity: 'error', sheet: 'Axe 1', cell: `A${lastRow + 1}` }),
  );
});

test('a partner’s pasted table is read to its end: rows after an empty row are still named, never dropped', () => {
  const quarters = quartersOfPeriod({ start: '2026-01-01', end: '2030-12-31' });
  const quarterHeader = quarterLabel(quarters[2]);
  const cell = (value: string | number) => ({ value });
  const grid: SheetGrid = {
    name: 'Collage',
    visibility: 'visible',
    rows: [
      [cell('Clé'), cell(quarterHeader)],
      [cell('G1-QN1'), cell(5)],
      [],
      [null, cell(7)],
      [cell('G1 QN2'), cell(8)],
    ],
  };
  const read = readIncomingRows({ sheets: [grid] }, quarters, { sheet: 'Collage' });
  expect(read.rows.map((row) => row.key)).toEqual(['G1-QN1', 'G1 QN2']);
  expect(read.notes).toContainEqual(expect.objectContaining({ kind: 'no-key', cell: 'A4' }));
});

test('a regeneration that lengthens the table moves a note under it down as many rows, as Excel does', async () => {
  const full: Plan = structuredClone(embeddedPlan().plan);
  const smaller: Plan = structuredClone(full);
  const fiche = smaller.axes[0].fiches.at(-1)!;
  fiche.criteria = fiche.criteria.slice(0, -1);
  let last = 0;
  const bytes = await editWorkbook(await generateXlsx(smaller, now), (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    last = sheet.actualRowCount;
    sheet.getCell(`B${last + 2}`).value = 'Note : chiffres provisoires';
  });
  expect((await validateFile(bytes, now)).report.errors).toBe(0);
  let written: Uint8Array | null = null;
  const port = combinePort(
    { read: async () => gridsOfXlsx(bytes) },
    createXlsxWriterPort((out) => {
      written = out;
    }),
  );
  const outcome = await regenerateAndWrite(port, full, { now });
  // The table grows by one row: the note goes down one row, still under an empty row, so still a note.
  expect(outcome.status).toBe('done');
  const after = sheetOf(gridsOfXlsx(written!), 'Axe 1');
  expect(after.rows[last]?.[0]?.value).toBe(full.axes[0].fiches.at(-1)!.criteria.at(-1)!.key);
  expect(after.rows[last + 1]?.some((cell) => cell?.value)).toBeFalsy();
  expect(after.rows[last + 2]?.[1]?.value).toBe('Note : chiffres provisoires');
  expect(after.rows[last + 1]?.[1]).toBeFalsy();
  expect((await validateFile(written!, now)).report.errors).toBe(0);
}, 60_000);
