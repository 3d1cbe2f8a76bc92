import { embeddedPlan } from '../../src/app/plan-source';
import { validateWorkbook } from '../../src/app/validate';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, gridValue, type SheetGrid } from '../../src/domain/grid';
import { generateOnFake } from '../excel-backend/helpers/run-on-fake';
import { generateXlsx, gridsOfXlsx } from '../excel-backend/helpers/xlsx-side';
import { computeFile, editWorkbook, sheetOf, validateFile } from './file-side';

/**
 * A blank row inserted inside « Compétences AO », or a row a person adds there (« Sous-total »): the reader reads
 * past blank rows, keeping every commune and what was typed in it, and refuses any other row with an error at it.
 */
const now = new Date('2026-11-28T10:00:00Z');
const AO = 'Compétences AO';
const POPULATION = 3; // column C

/** Population by commune name, as the sheet shows it after the header row. */
function populations(grid: SheetGrid): Map<string, unknown> {
  const header = grid.rows.findIndex((row) => row?.[0]?.value === 'Nom') + 1;
  const found = new Map<string, unknown>();
  for (let row = header + 1; row <= grid.rows.length; row += 1) {
    const type = gridText(grid, row, 2);
    if (type === 'Commune') found.set(gridText(grid, row, 1), gridValue(grid, row, POPULATION));
  }
  return found;
}

describe('a gap inside « Compétences AO » (file back end)', () => {
  let generated: Uint8Array;
  let names: { at10: string; at20: string; last: string };
  beforeAll(async () => {
    generated = await generateXlsx(embeddedPlan().plan, now);
    const grid = sheetOf(gridsOfXlsx(generated), AO);
    names = { at10: gridText(grid, 10, 1), at20: gridText(grid, 20, 1), last: '' };
    const communes = [...populations(grid).keys()];
    names.last = communes[communes.length - 1];
    expect(gridText(grid, 20, 2)).toBe('Commune');
  });

  test('a blank row inserted at 15: compute keeps every commune below it and what was typed in them', async () => {
    const bytes = await editWorkbook(generated, (workbook) => {
      const sheet = workbook.getWorksheet(AO)!;
      sheet.getCell('C10').value = 420;
      sheet.getCell('C20').value = 900;
      sheet.spliceRows(15, 0, []);
    });
    const validation = await validateFile(bytes, now);
    expect(validation.report.errors).toBe(0);

    const computed = await computeFile(bytes, now);
    expect(computed.outcome.status).toBe('done');
    const after = populations(sheetOf(computed.after!, AO));
    expect(after.get(names.at10)).toBe(420);
    expect(after.get(names.at20)).toBe(900);
    expect(after.has(names.last)).toBe(true);
    expect(after.size).toBe(populations(sheetOf(gridsOfXlsx(generated), AO)).size);
  });

  test('under the headers an earlier version wrote (plain spaces), a blank row with our formulas filled down is read past', async () => {
    const bytes = await editWorkbook(generated, (workbook) => {
      const sheet = workbook.getWorksheet(AO)!;
      const headers = sheet.getRow(8);
      // The derived columns' headers as versions before this one wrote them: « Requis : recenser »…
      headers.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = cell.value.replace(/\u00a0:/g, ' :');
      });
      sheet.getCell('C20').value = 900;
      sheet.spliceRows(15, 0, []);
      // The tools' formulas of row 14 filled down into the blank row, derived columns only.
      sheet.getRow(14).eachCell((above, column) => {
        if (column >= 10 && above.formula) sheet.getRow(15).getCell(column).value = { formula: above.formula };
      });
    });
    expect(gridText(sheetOf(gridsOfXlsx(bytes), AO), 8, 11)).toBe('Requis : recenser');
    const validation = await validateFile(bytes, now);
    expect(validation.report.issues.filter((issue) => issue.severity === 'error').map(renderIssueMessage)).toEqual([]);
    const computed = await computeFile(bytes, now);
    expect(computed.outcome.status).toBe('done');
    expect(populations(sheetOf(computed.after!, AO)).get(names.at20)).toBe(900);
    // The headers written as they are now, with no Journal line: the same words, not a text typed over.
    expect(gridText(sheetOf(computed.after!, AO), 8, 11)).toBe('Requis\u00a0: recenser');
    expect(computed.issues.map((issue) => issue.code)).not.toContain('tool-text-restored');
  });

  test('a commune’s « Type » typed over, and the last one’s emptied: read as communes, their types put back, the text journalled', async () => {
    const grid = sheetOf(gridsOfXlsx(generated), AO);
    const last = grid.rows.findIndex((row) => row?.[0]?.value === names.last) + 1;
    const bytes = await editWorkbook(generated, (workbook) => {
      const sheet = workbook.getWorksheet(AO)!;
      sheet.getCell('B20').value = 'Commune nouvelle';
      sheet.getCell('C20').value = 900;
      sheet.getCell(`B${last}`).value = null;
      sheet.getCell(`C${last}`).value = 1200;
    });
    const validation = await validateFile(bytes, now);
    expect(validation.report.issues.filter((issue) => issue.severity === 'error').map(renderIssueMessage)).toEqual([]);
    expect(
      validation.report.issues.filter((issue) => issue.code === 'tool-text-typed-over').map((i) => i.cell),
    ).toEqual(['B20']);

    const computed = await computeFile(bytes, now);

    expect(computed.outcome.status).toBe('done');
    const after = sheetOf(computed.after!, AO);
    expect([gridText(after, 20, 2), gridText(after, last, 2)]).toEqual(['Commune', 'Commune']);
    const populationsAfter = populations(after);
    expect([populationsAfter.get(names.at20), populationsAfter.get(names.last)]).toEqual([900, 1200]);
    expect(computed.issues.filter((issue) => issue.code === 'tool-text-restored').map((issue) => issue.cell)).toEqual([
      'B20',
    ]);
    const journal = sheetOf(computed.after!, 'Journal').rows.map((row) => (row ?? []).map((cell) => cell?.value));
    expect(journal.filter((row) => row[1] === 'Texte de l’outil rétabli').map((row) => row.slice(3, 6))).toEqual([
      [`${AO}, cellule B20`, 'Commune nouvelle', 'Commune'],
    ]);
  });

  test('a « Sous-total » row inside the table is an error at its cell, and compute writes nothing', async () => {
    const bytes = await editWorkbook(generated, (workbook) => {
      const sheet = workbook.getWorksheet(AO)!;
      sheet.getCell('C20').value = 900;
      sheet.spliceRows(15, 0, ['Sous-total', '', { formula: 'SUM(C9:C14)' }]);
    });
    const validation = await validateFile(bytes, now);
    expect(validation.report.errors).toBe(1);
    const issue = validation.report.issues.find((candidate) => candidate.severity === 'error')!;
    expect(issue).toMatchObject({ code: 'ao-row-unrecognised', sheet: AO, cell: 'A15' });
    expect(renderIssueMessage(issue)).toBe(
      'Compétences AO, cellule A15\u00a0: la ligne 15 («\u00a0Sous-total\u00a0») n’est ni une commune ni l’EPCI, au milieu du ' +
        'tableau des compétences\u00a0: elle serait perdue à la prochaine réécriture. Déplacez son contenu sur une ' +
        'autre feuille, puis supprimez la ligne.',
    );
    const computed = await computeFile(bytes, now);
    expect(computed.outcome.status).toBe('refused');
    expect(computed.written).toBeNull();
  });

  test('an inserted row holding only a formula a person typed is not taken for blank: an error at its row', async () => {
    const bytes = await editWorkbook(generated, (workbook) => {
      const sheet = workbook.getWorksheet(AO)!;
      sheet.spliceRows(15, 0, []);
      sheet.getCell('C15').value = { formula: 'SUM(C9:C14)', result: 0 };
    });
    const validation = await validateFile(bytes, now);
    const errors = validation.report.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toMatchObject([{ code: 'ao-row-unrecognised', sheet: AO, cell: 'A15' }]);
    const computed = await computeFile(bytes, now);
    expect(computed.outcome.status).toBe('refused');
    expect(computed.written).toBeNull();
  });
});

test('a blank row inside « Compétences AO » on the fake Excel: every commune below it is still read and kept', async () => {
  const { fake, port } = await generateOnFake(embeddedPlan().plan, now);
  // A row inserted at 15: the values of rows 15 and below move down one row, row 15 is left blank.
  const grid = sheetOf(await port.read(), AO);
  const moved = grid.rows.slice(14).map((row) => row.map((cell) => (cell?.formula ? null : (cell?.value ?? null))));
  const width = Math.max(...moved.map((row) => row.length));
  fake.seed.sheet(AO, [Array.from({ length: width }, () => '')], 'A15');
  fake.seed.sheet(AO, moved, 'A16');
  fake.seed.sheet(AO, [[420]], 'C10');
  fake.seed.sheet(AO, [[900]], 'C21');
  const expected = populations(sheetOf(await port.read(), AO));
  expect(expected.get(gridText(grid, 20, 1))).toBe(900);

  const report = await validateWorkbook(port, { today: now });
  expect(report.issues.filter((issue) => issue.severity === 'error').map(renderIssueMessage)).toEqual([]);
  const outcome = await computeAndWrite(port, { now });
  expect(outcome.status).toBe('done');
  const after = populations(sheetOf(await port.read(), AO));
  expect(after.get(gridText(grid, 10, 1))).toBe(420);
  expect(after.get(gridText(grid, 20, 1))).toBe(900);
  expect(after.size).toBe(expected.size);
});
