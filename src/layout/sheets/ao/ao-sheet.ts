import {
  aoTableFromPlan,
  assessAoTable,
  type AoAssessment,
  type AoTable,
  type AoTableRow,
} from '../../../domain/ao-requirements';
import type { Quarter } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { rangeAddress } from '../../a1';
import {
  communeBasisFormula,
  epciBasisFormula,
  filledSumFormula,
  metFormula,
  populationCheckFormula,
  requiredFormula,
  transferredPopulationFormula,
  type AoFormulaFrame,
} from './ao-formulas';
import {
  AO_CHECK_ROW,
  AO_DECLARED_ROW,
  AO_FILLED_SUM_ROW,
  AO_FIRST_DATA_ROW,
  AO_HEADER_ROW,
  AO_LAW_NOTE_ROW,
  AO_POPULATION_NOTE_ROW,
  AO_TITLE_ROW,
  aoColumnNumber,
  aoColumns,
  aoCompetenceOrder,
  aoObligationOrder,
  aoRequirementOrder,
  aoTransferredRow,
  holderText,
  type AoColumn,
} from './ao-layout';
import { settingsList } from '../settings/settings-layout';
import { cell, emptySheet, setCell, setRow, standardProtection, textEqualsFormat } from '../../sheet-building';
import { colors, headerStyle, hintStyle, INTEGER_FORMAT, labelStyle, TEXT_FORMAT, titleStyle } from '../../styles';
import { aoTexts, sheetNames } from '../../texts';
import type { CellSpec, CellStyle, SheetSpec } from '../../workbook-spec';

/**
 * `Compétences AO` (docs/WORKBOOK.md, « Compétences AO »; docs/DOMAIN.md, « AO competence table »): a row per EPCI and per commune, populations and holders to
 * enter, what the law requires of each row and whether it is met as live formulas, each with the cached result
 * src/domain/ao-requirements.ts computes.
 */

/** How the sheet shows the domain's true / false / null. */
export function requirementText(value: boolean | null): string {
  return value === null ? aoTexts.unknown : value ? aoTexts.yes : aoTexts.no;
}

/** An obligation not required is "Sans objet"; required, it is met, not met, or unknown. */
export function metText(required: boolean | null, met: boolean | null): string {
  if (required === false) return aoTexts.notApplicable;
  return requirementText(required === null ? null : met);
}

export function populationText(population: number | null): number | string {
  return population ?? aoTexts.unknown;
}

/** The check cell: "Sans objet" when there is nothing to compare, "À renseigner" while populations are missing. */
export function populationCheckText(table: AoTable, assessment: AoAssessment): string {
  if (assessment.populationsMatchDeclared !== null) return requirementText(assessment.populationsMatchDeclared);
  const transferring = table.rows.some(
    (row) =>
      !row.isEpci && Object.values(row.competences).some((h) => h === 'transferredByAll' || h === 'transferredBySome'),
  );
  return table.declaredTransferredPopulation === null || !transferring ? aoTexts.notApplicable : aoTexts.unknown;
}

const yesNoText = (value: boolean | null) => (value === null ? null : value ? aoTexts.yes : aoTexts.no);

/** EPCI rows first (the formulas read the communes as one block), each group in the table's order. */
export function aoSheetRowOrder(table: AoTable): AoTableRow[] {
  return [...table.rows.filter((row) => row.isEpci), ...table.rows.filter((row) => !row.isEpci)];
}

const inputStyle = (numFmt: string): CellStyle => ({ numFmt, locked: false, border: true, vertical: 'top' });
const derivedStyle = (numFmt: string): CellStyle => ({ numFmt, locked: true, border: true, vertical: 'top' });

function rowCells(
  row: AoTableRow,
  rowNumber: number,
  assessment: AoAssessment,
  index: number,
  frame: AoFormulaFrame,
): CellSpec[] {
  const assessed = assessment.rows[index];
  return aoColumns.map((column: AoColumn): CellSpec => {
    const id = column.id;
    if (id === 'name')
      return cell(row.name, { numFmt: TEXT_FORMAT, bold: row.isEpci, border: true, wrap: true, vertical: 'top' });
    if (id === 'type')
      return cell(row.isEpci ? aoTexts.epciType : aoTexts.communeType, {
        numFmt: TEXT_FORMAT,
        border: true,
        vertical: 'top',
      });
    if (id === 'population') {
      if (row.isEpci)
        return cell(null, { numFmt: INTEGER_FORMAT, fill: colors.unusedFill, border: true, vertical: 'top' });
      return cell(row.population, inputStyle(INTEGER_FORMAT));
    }
    if (id === 'rpeExists') return cell(yesNoText(row.rpeExists), inputStyle(TEXT_FORMAT));
    if (id === 'schemaExists') return cell(yesNoText(row.schemaExists), inputStyle(TEXT_FORMAT));
    if (id === 'basis') {
      const formula = row.isEpci ? epciBasisFormula(frame) : communeBasisFormula(rowNumber);
      return cell({ formula, result: populationText(assessed.population) }, derivedStyle(INTEGER_FORMAT));
    }
    const [kind, what] = id.split(':');
    if (kind === 'holder') {
      const competence = aoCompetenceOrder.find((c) => c === what)!;
      return cell(holderText(row.competences[competence]), { ...inputStyle(TEXT_FORMAT), wrap: true });
    }
    if (kind === 'required') {
      const requirement = aoRequirementOrder.find((r) => r === what)!;
      const formula = requiredFormula(rowNumber, row.isEpci, requirement, frame);
      return cell({ formula, result: requirementText(assessed.required[requirement]) }, derivedStyle(TEXT_FORMAT));
    }
    const obligation = aoObligationOrder.find((o) => o === what)!;
    const result = metText(assessed.required[obligation], assessed.met[obligation]);
    return cell({ formula: metFormula(rowNumber, obligation), result }, derivedStyle(TEXT_FORMAT));
  });
}

/** The table as the sheet lays it out (rows in `aoSheetRowOrder`) and its assessment at quarter `current`. */
export interface AoSheetFigures {
  table: AoTable;
  assessment: AoAssessment;
}

export function aoSheetFigures(table: AoTable, current: Quarter): AoSheetFigures {
  const ordered: AoTable = { ...table, rows: aoSheetRowOrder(table) };
  return { table: ordered, assessment: assessAoTable(ordered, current) };
}

/** The sheet for a table (rows in `aoSheetRowOrder`), its formulas' cached results taken at quarter `current`. */
export function buildAoSheet(table: AoTable, current: Quarter): SheetSpec {
  return aoSheetOf(aoSheetFigures(table, current));
}

/** The sheet of a table laid out and assessed (`aoSheetFigures`): the assessment gives the cached results. */
export function aoSheetOf({ table, assessment }: AoSheetFigures): SheetSpec {
  const rows = table.rows;
  const epciCount = rows.filter((row) => row.isEpci).length;
  const lastDataRow = AO_FIRST_DATA_ROW + rows.length - 1;
  const transferredRow = aoTransferredRow(rows.length);
  const frame: AoFormulaFrame = {
    communes: epciCount < rows.length ? { first: AO_FIRST_DATA_ROW + epciCount, last: lastDataRow } : null,
    transferredRow,
  };
  const populationColumn = aoColumnNumber('population');

  const sheet = emptySheet(sheetNames.ao);
  sheet.columns = aoColumns.map((column) => ({ width: column.width }));
  setCell(sheet, AO_TITLE_ROW, 1, cell(aoTexts.title, titleStyle));
  setCell(sheet, AO_POPULATION_NOTE_ROW, 1, cell(aoTexts.populationNote, hintStyle));
  setRow(sheet, AO_LAW_NOTE_ROW, {
    cells: [cell(aoTexts.lawNote, { ...hintStyle, wrap: true, vertical: 'top' })],
    height: 45,
  });
  sheet.merges.push(rangeAddress(AO_LAW_NOTE_ROW, 1, AO_LAW_NOTE_ROW, aoColumns.length));

  const summaryLabel = (row: number, text: string) => {
    setCell(sheet, row, 1, cell(text, { ...labelStyle, wrap: true, vertical: 'top' }));
    sheet.merges.push(rangeAddress(row, 1, row, populationColumn - 1));
    sheet.rows[row - 1].height = 30;
  };
  summaryLabel(AO_DECLARED_ROW, aoTexts.declaredLabel);
  setCell(
    sheet,
    AO_DECLARED_ROW,
    populationColumn,
    cell(table.declaredTransferredPopulation, inputStyle(INTEGER_FORMAT)),
  );
  summaryLabel(AO_FILLED_SUM_ROW, aoTexts.filledSumLabel);
  setCell(
    sheet,
    AO_FILLED_SUM_ROW,
    populationColumn,
    cell(
      { formula: filledSumFormula(frame), result: assessment.filledTransferredPopulation },
      derivedStyle(INTEGER_FORMAT),
    ),
  );
  summaryLabel(AO_CHECK_ROW, aoTexts.checkLabel);
  const checkCell = cell(
    { formula: populationCheckFormula(frame), result: populationCheckText(table, assessment) },
    { ...derivedStyle(TEXT_FORMAT), bold: true },
  );
  setCell(sheet, AO_CHECK_ROW, populationColumn, checkCell);

  setRow(sheet, AO_HEADER_ROW, { cells: aoColumns.map((column) => cell(column.header, headerStyle)), height: 60 });
  rows.forEach((row, index) => {
    const rowNumber = AO_FIRST_DATA_ROW + index;
    // Two lines: a holder's text ("Transférée à l'EPCI par certaines communes") wraps in its column.
    setRow(sheet, rowNumber, { cells: rowCells(row, rowNumber, assessment, index, frame), height: 30 });
  });

  setCell(sheet, transferredRow, 1, cell(aoTexts.transferredRowLabel, { ...labelStyle, wrap: true, vertical: 'top' }));
  sheet.merges.push(rangeAddress(transferredRow, 1, transferredRow, populationColumn));
  sheet.rows[transferredRow - 1].height = 30;
  for (const competence of aoCompetenceOrder) {
    const result = populationText(assessment.transferredPopulation[competence]);
    const formula = transferredPopulationFormula(frame, competence);
    setCell(
      sheet,
      transferredRow,
      aoColumnNumber(`holder:${competence}`),
      cell({ formula, result }, derivedStyle(INTEGER_FORMAT)),
    );
  }

  addValidations(sheet, rows, lastDataRow);
  addHighlights(sheet, lastDataRow);
  sheet.freeze = { rows: AO_HEADER_ROW, columns: 1 };
  sheet.protection = standardProtection;
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows: { first: AO_HEADER_ROW, last: AO_HEADER_ROW },
  };
  return sheet;
}

function addValidations(sheet: SheetSpec, rows: readonly AoTableRow[], lastDataRow: number): void {
  if (rows.length > 0) {
    const firstHolder = aoColumnNumber(`holder:${aoCompetenceOrder[0]}`);
    const lastHolder = aoColumnNumber(`holder:${aoCompetenceOrder[aoCompetenceOrder.length - 1]}`);
    sheet.validations.push({
      kind: 'list',
      ranges: [rangeAddress(AO_FIRST_DATA_ROW, firstHolder, lastDataRow, lastHolder)],
      source: settingsList('aoHolders').definedName,
      errorTitle: aoTexts.holdersListHeader,
      error: aoTexts.holderError,
    });
    sheet.validations.push({
      kind: 'list',
      ranges: [
        rangeAddress(AO_FIRST_DATA_ROW, aoColumnNumber('rpeExists'), lastDataRow, aoColumnNumber('schemaExists')),
      ],
      source: settingsList('yesNo').definedName,
      errorTitle: aoTexts.yesNoListHeader,
      error: aoTexts.yesNoError,
    });
  }
  const population = aoColumnNumber('population');
  const communeRows = rows.flatMap((row, index) => (row.isEpci ? [] : [AO_FIRST_DATA_ROW + index]));
  const communeRanges = communeRows.length
    ? [rangeAddress(communeRows[0], population, communeRows[communeRows.length - 1], population)]
    : [];
  sheet.validations.push({
    kind: 'whole',
    ranges: [rangeAddress(AO_DECLARED_ROW, population, AO_DECLARED_ROW, population), ...communeRanges],
    min: 0,
    max: 100_000_000,
    errorTitle: aoTexts.populationTitle,
    error: aoTexts.populationError,
  });
}

/** "Non" in red and "À renseigner" in yellow on the derived columns and the check cell. */
function addHighlights(sheet: SheetSpec, lastDataRow: number): void {
  const first = aoColumnNumber('required:identify');
  const last = aoColumns.length;
  const derived = rangeAddress(AO_FIRST_DATA_ROW, first, lastDataRow, last);
  const check = rangeAddress(AO_CHECK_ROW, aoColumnNumber('population'), AO_CHECK_ROW, aoColumnNumber('population'));
  const metRange = rangeAddress(AO_FIRST_DATA_ROW, aoColumnNumber('met:schema'), lastDataRow, last);
  if (lastDataRow >= AO_FIRST_DATA_ROW) {
    sheet.conditionalFormats.push(textEqualsFormat(metRange, aoTexts.no, colors.rateLow));
    sheet.conditionalFormats.push(textEqualsFormat(derived, aoTexts.unknown, colors.rateMid));
  }
  sheet.conditionalFormats.push(textEqualsFormat(check, aoTexts.no, colors.rateLow));
  sheet.conditionalFormats.push(textEqualsFormat(check, aoTexts.unknown, colors.rateMid));
}

/** The sheet as first generated from a plan: the table of `aoTableFromPlan`. */
export function buildAoSheetFromPlan(plan: Plan, current: Quarter): SheetSpec {
  return buildAoSheet(aoTableFromPlan(plan), current);
}
