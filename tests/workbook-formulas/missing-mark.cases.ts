import { readTrackingWorkbook } from '../../src/app/read-tracking-workbook';
import { parseQuarterLabel, quarterLabel } from '../../src/domain/periods';
import { isMissing, rateWindow } from '../../src/domain/rates';
import { parentKeyOf, type CriterionRow } from '../../src/domain/tracking';
import { axisGeometry, axisRefs } from '../../src/layout/formulas/axis-geometry';
import { missingInCurrentQuarterExpression } from '../../src/layout/formulas/axis-row-formulas';
import { rowAbsoluteAddress } from '../../src/layout/formulas/references';
import { cellAddress, quotedSheetName } from '../../src/layout/a1';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbookSpec, readGrids, withCurrentQuarterText, writtenBytes } from './helpers/build-filled';
import { evaluateFormulas } from './helpers/recalc-hyperformula';

/**
 * The mark on the expected, empty cells of Q: the axis sheet's expression format, evaluated for every quarter
 * cell (by HyperFormula, at the cell's own relative references), is true exactly where the domain's `isMissing`
 * says so for Q — and follows Q when Paramètres changes.
 */

describe('the mark on missing values of the current quarter', () => {
  it.each(['2027-T2', '2030-T4', '2028-T1'])('marks the cells the domain finds missing (Q %s)', async (label) => {
    const plan = samplePlan();
    const built = await filledWorkbookSpec(plan, parseQuarterLabel('2027-T2')!, { seed: 7, density: 0.5 });
    const spec = withCurrentQuarterText(built, label);
    const grids = readGrids(await writtenBytes(spec));
    const reading = await readTrackingWorkbook(grids);
    if (!reading.ok) throw new Error('unreadable');
    const window = rateWindow(reading.period, parseQuarterLabel(label)!);
    const geometry = axisGeometry(reading.quarters);
    const sheet = spec.sheets.find((candidate) => candidate.name === 'Axe 1')!;
    const mark = sheet.conditionalFormats.find((format) => format.kind === 'expression');
    const local = axisRefs(geometry, null, true);
    const axisRows = reading.axisSheets.find((candidate) => candidate.sheet === 'Axe 1')!.rows;
    const dataRows = { first: geometry.firstDataRow, last: axisRows[axisRows.length - 1].row };
    const topLeft = cellAddress(geometry.firstDataRow, geometry.firstQuarterColumn);
    expect(mark).toEqual(
      expect.objectContaining({
        formula: missingInCurrentQuarterExpression(
          local,
          topLeft,
          rowAbsoluteAddress(geometry.headerRow, geometry.firstQuarterColumn),
          geometry.firstDataRow,
          dataRows,
        ),
      }),
    );

    const prefixed = axisRefs(geometry, 'Axe 1', true);
    // The domain's inputs: each criterion with its fiche's quarter of abandonment.
    const abandonedIn = new Map(axisRows.flatMap((row) => (row.type === 'fiche' ? [[row.key, row.abandonedIn]] : [])));
    let unmarkedAsAbandoned = 0;
    const formulas: string[] = [];
    const expected: boolean[] = [];
    for (const row of axisRows) {
      reading.quarters.forEach((quarter, index) => {
        const column = geometry.firstQuarterColumn + index;
        formulas.push(
          missingInCurrentQuarterExpression(
            prefixed,
            `${quotedSheetName('Axe 1')}!${cellAddress(row.row, column)}`,
            `${quotedSheetName('Axe 1')}!${rowAbsoluteAddress(geometry.headerRow, column)}`,
            row.row,
            dataRows,
          ),
        );
        const isQ = quarterLabel(quarter) === label;
        if (!isQ || row.type !== 'criterion') return void expected.push(false);
        const criterion = { ...(row as CriterionRow), abandonedIn: abandonedIn.get(parentKeyOf(row.key) ?? '') };
        expected.push(isMissing(criterion, quarter, window));
        if (isMissing(row as CriterionRow, quarter, window) && !expected[expected.length - 1]) unmarkedAsAbandoned += 1;
      });
    }
    const marked = evaluateFormulas(grids, formulas);
    expect(marked).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    expect(unmarkedAsAbandoned).toBeGreaterThan(0);
    expect(quarterLabel(window.current)).toBe(label);
  });
});
