import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import { aoTableFromPlan } from '../../src/domain/ao-requirements';
import type { CellValue, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { AoHolder, Plan } from '../../src/domain/plan';
import { buildAoSheet } from '../../src/layout/sheets/ao/ao-sheet';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { buildSettingsSheet, settingsDefinedNames } from '../../src/layout/sheets/settings/settings-sheet';
import type { SheetSpec, WorkbookSpec } from '../../src/layout/workbook-spec';
import { gridOfSpec } from '../layout/helpers/spec-grid';
import type { AoCase } from './ao-cases';
import { HOLDER_HEADERS } from './ao-cases';
import { aoColumnIndex, aoHeaderIndex, aoLabelRowIndex, HOLDER } from './ao-grid';

/** Workbooks for the engine tests: Paramètres (Q and the lists) and `Compétences AO` as generated, then filled. */

const holderText = (holder: AoHolder): string | null =>
  holder === 'unknown'
    ? null
    : holder === 'commune'
      ? HOLDER.commune
      : holder === 'transferredByAll'
        ? HOLDER.all
        : HOLDER.some;

/** Types a value into a generated cell, keeping its style (locking, format), as a person would. */
function typeInto(sheet: SheetSpec, row: number, column: number, value: CellValue): void {
  const cells = sheet.rows[row].cells;
  const existing = cells[column];
  cells[column] = { ...(existing ?? {}), value };
}

/** Applies a case's inputs to the generated AO sheet (positions found by header and label text). */
export function fillAoSheet(sheet: SheetSpec, testCase: AoCase): void {
  const grid = gridOfSpec(sheet);
  const header = aoHeaderIndex(grid);
  const column = (title: string) => aoColumnIndex(grid, title);
  for (const [index, input] of Object.entries(testCase.rows)) {
    const row = header + 1 + Number(index);
    if (input.population !== undefined) typeInto(sheet, row, column('Population (INSEE)'), input.population);
    for (const [competence, holder] of Object.entries(input.holders ?? {})) {
      const title = HOLDER_HEADERS[['identify', 'inform', 'plan', 'quality'].indexOf(competence)];
      typeInto(sheet, row, column(title), holderText(holder as AoHolder));
    }
    if (input.rpe !== undefined) typeInto(sheet, row, column('RPE existant'), input.rpe);
    if (input.schema !== undefined)
      typeInto(sheet, row, column('Schéma pluriannuel (ou CTG en tenant lieu)'), input.schema);
  }
  if (testCase.declared !== undefined) {
    typeInto(
      sheet,
      aoLabelRowIndex(grid, 'Population totale déclarée'),
      column('Population (INSEE)'),
      testCase.declared,
    );
  }
}

export function casePlan(plan: Plan, testCase: AoCase): Plan {
  return { ...plan, period: testCase.period };
}

/** The generated (empty) AO sheet of the case's plan, filled with the case's inputs; Q typed in Paramètres. */
export function filledWorkbook(plan: Plan, testCase: AoCase): WorkbookSpec {
  const thePlan = casePlan(plan, testCase);
  const ao = buildAoSheet(aoTableFromPlan(thePlan), testCase.quarter);
  fillAoSheet(ao, testCase);
  const settings = buildSettingsSheet(thePlan, testCase.quarter);
  const q = /^([A-Z]+)(\d+)$/.exec(settingsValueCell('currentQuarter'))!;
  const qColumn = q[1].charCodeAt(0) - 65;
  typeInto(settings, Number(q[2]) - 1, qColumn, testCase.quarterText);
  return {
    sheets: [settings, ao],
    definedNames: settingsDefinedNames(thePlan),
    properties: { title: 'AO', creator: 'test' },
  };
}

/** Recalculates grids read back from a file with HyperFormula; returns the grids with computed values. */
export function recalcWithHyperFormula(grids: WorkbookGrids, names: WorkbookSpec['definedNames']): WorkbookGrids {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of grids.sheets) {
    sheets[sheet.name] = sheet.rows.map((row) =>
      (row ?? []).map((cell): RawCellContent => {
        if (!cell) return null;
        if (cell.formula) return `=${cell.formula}`;
        return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
      }),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    smartRounding: false,
    useArrayArithmetic: true,
  });
  for (const name of names) hf.addNamedExpression(name.name, `=${name.ref}`);
  const computed = grids.sheets.map((sheet): SheetGrid => {
    const id = hf.getSheetId(sheet.name)!;
    return {
      ...sheet,
      rows: sheet.rows.map((row, r) =>
        (row ?? []).map((cell, c) => {
          if (!cell?.formula) return cell;
          const value = hf.getCellValue({ sheet: id, row: r, col: c });
          return {
            value: value instanceof DetailedCellError ? value.value : (value as CellValue),
            formula: cell.formula,
          };
        }),
      ),
    };
  });
  hf.destroy();
  return { sheets: computed };
}
