import { embeddedPlan } from '../../src/app/plan-source';
import { quarterLabel, quarterOfDate } from '../../src/domain/periods';
import { generateXlsx, gridsOfXlsx } from '../excel-backend/helpers/xlsx-side';
import { axisCell, computeFile, editWorkbook, gridValueOf, sheetOf, validateFile } from './file-side';

/**
 * A formula with no stored result in a cell a person fills (a file written by a script: ExcelJS, openpyxl) is
 * not an empty cell: it is an error at that cell, and compute refuses rather than erase it. The tool's own
 * formulas without a stored result are simply computed again.
 */
const now = new Date('2026-11-28T10:00:00Z');
const quarter = quarterLabel(quarterOfDate(now));
const MESSAGE_END =
  'formule sans valeur calculée («\u00a0=A1+1\u00a0»)\u00a0: ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ' +
  'ou saisissez la valeur.';

let generated: Uint8Array;
beforeAll(async () => {
  generated = await generateXlsx(embeddedPlan().plan, now);
});

test('in a quarter cell, Avancement, a population of « Compétences AO » and the SIREN: an error at each cell, nothing written', async () => {
  let quarterAddress = '';
  let progressAddress = '';
  const bytes = await editWorkbook(generated, (workbook) => {
    const value = axisCell(workbook, 'G1-QN1', quarter);
    value.value = { formula: 'A1+1' } as never;
    quarterAddress = value.address;
    const progress = axisCell(workbook, 'G1', 'Avancement (%)');
    progress.value = { formula: 'A1+1' } as never;
    progressAddress = progress.address;
    workbook.getWorksheet('Compétences AO')!.getCell('C10').value = { formula: 'A1+1' } as never;
    workbook.getWorksheet('Paramètres')!.getCell('B5').value = { formula: 'A1+1' } as never;
  });
  const { report, messages } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.code === 'formula-without-value');
  expect(errors.map((issue) => `${issue.sheet}!${issue.cell}`).sort()).toEqual(
    [`Axe 1!${quarterAddress}`, `Axe 1!${progressAddress}`, 'Compétences AO!C10', 'Paramètres!B5'].sort(),
  );
  expect(messages).toContain(`Axe 1, cellule ${quarterAddress}\u00a0: ${MESSAGE_END}`);
  expect(messages).toContain(`Compétences AO, cellule C10\u00a0: ${MESSAGE_END}`);
  // Not also told that the quarter's value is missing: it is there, only not calculated.
  const incomplete = report.issues.find(
    (issue) => issue.code === 'incomplete-current-quarter' && issue.rowKey === 'G1',
  );
  expect(incomplete?.params.cells).not.toContain(quarterAddress);

  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('refused');
  expect(computed.written).toBeNull();
});

test('the tool’s own formulas saved without their results are computed again, not errors', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    axisCell(workbook, 'G1-QN1', quarter).value = 3;
    // A script's save: every formula of the axis sheets and of Annexe 4 kept, their results dropped.
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula } as never;
        }),
      );
    }
  });
  const grids = gridsOfXlsx(bytes);
  const uncalculated = grids.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row) => row.filter((cell) => cell?.formula && cell.value === null)),
  );
  expect(uncalculated.length).toBeGreaterThan(100);
  const { report } = await validateFile(bytes, now);
  expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);

  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('done');
  expect(gridValueOf(computed.after!, 'G1-QN1', quarter)).toBe(3);
  expect(typeof gridValueOf(computed.after!, 'G1-QN1', 'Renseignement cumulé')).toBe('number');
  const annexe = sheetOf(computed.after!, 'Annexe 4 \u2013 Suivi');
  expect(annexe.rows.flat().filter((cell) => cell?.formula && cell.value === null)).toEqual([]);
});

test('in a cell the plan wrote (a fiche’s champs d’intervention): an error too, not a fiche of no champ', async () => {
  // A hostile-input review: `=HYPERLINK("http://…","Familles")` without result there took the fiche out of every
  // champ of the consolidation, with no error.
  let fieldsAddress = '';
  const bytes = await editWorkbook(generated, (workbook) => {
    const fields = axisCell(workbook, 'G1', "Champ(s) d'intervention");
    fields.value = { formula: 'A1+1' } as never;
    fieldsAddress = fields.address;
  });
  const { report, messages } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.code === 'formula-without-value');
  expect(errors.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual([`Axe 1!${fieldsAddress}`]);
  expect(messages).toContain(`Axe 1, cellule ${fieldsAddress}\u00a0: ${MESSAGE_END}`);
});

test('in « Paramètres » B9, the current quarter: that error, not « le trimestre en cours est vide »', async () => {
  // A script's file with `="2027-T2"` saved without its result: the quarter is there, only not calculated.
  const bytes = await editWorkbook(generated, (workbook) => {
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = { formula: 'A1+1' } as never;
  });
  const { report, messages } = await validateFile(bytes, now);
  const atQuarter = report.issues.filter((issue) => issue.sheet === 'Paramètres' && issue.cell === 'B9');
  expect(atQuarter.map((issue) => issue.code)).toEqual(['formula-without-value']);
  expect(messages).toContain(`Paramètres, cellule B9\u00a0: ${MESSAGE_END}`);
  expect(messages).not.toContain('trimestre en cours est vide');
});

test('in « Paramètres » B3, B4 and B6, texts a rewrite writes back: an error each, not cells erased (a review)', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    for (const address of ['B3', 'B4', 'B6'])
      workbook.getWorksheet('Paramètres')!.getCell(address).value = { formula: 'UPPER("x")' } as never;
  });
  const { report } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.code === 'formula-without-value');
  expect(errors.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual([
    'Paramètres!B3',
    'Paramètres!B4',
    'Paramètres!B6',
  ]);
});
