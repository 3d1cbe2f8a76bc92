import type { AoTable, AoTableRow } from '../../../domain/ao-requirements';
import { gridCell, gridText, gridValue, type CellValue, type GridCell, type SheetGrid } from '../../../domain/grid';
import { createIssue, type Issue } from '../../../domain/issues';
import type { AoCompetence, AoHolder } from '../../../domain/plan';
import type { AoRowCells, AoSheetInput } from '../../../domain/validation';
import { matchListValue } from '../../../domain/vocabulary';
import { cellAddress } from '../../a1';
import { sameWords } from '../../same-words';
import { formulaInInputCell } from '../../formula-in-input-cell';
import { shownCellValue, typedAs } from '../../../domain/messages/shown-cell-value';
import { NUMBER_BOUND } from '../../../domain/tracking-values';
import {
  AO_CHECK_ROW,
  AO_DECLARED_ROW,
  AO_NAME_HEADER,
  aoColumnNumber,
  aoColumns,
  aoCompetenceOrder,
  type AoColumnId,
} from './ao-layout';
import { settingsListValues } from '../settings/settings-layout';
import { aoTexts } from '../../texts';

/**
 * `Compétences AO` → the AO table (what people entered: populations, holders, RPE and schéma) and where its cells
 * are, with the issues of reading it: a lost header row, a missing column, a population that is not a whole
 * number ≥ 0, a value outside its list. The derived formulas are not read: src/domain recomputes them.
 */

export interface AoSheetReading {
  /** Null when the header row is missing. */
  input: AoSheetInput | null;
  issues: Issue[];
}

// The list values do not depend on the convention: any period will do.
const NO_PERIOD = { start: '2000-01-01', end: '2000-12-31' };
const holderValues = settingsListValues('aoHolders', NO_PERIOD);
const yesNoValues = settingsListValues('yesNo', NO_PERIOD);

const holderOfText: Record<string, AoHolder> = Object.fromEntries(
  (Object.entries(aoTexts.holders) as [AoHolder, string][]).map(([holder, text]) => [text, holder]),
);

function findHeaderRow(grid: SheetGrid): number | null {
  const index = grid.rows.findIndex((row) => row?.[0]?.value === AO_NAME_HEADER);
  return index < 0 ? null : index + 1;
}

/**
 * Whether a sheet holds an AO table: its header row (« Nom » in column A) with the « Type » header beside it. Told
 * of a sheet under another name, so that a `Compétences AO` renamed is recognised (validation, `missing-sheet`).
 */
export function holdsAoTable(grid: SheetGrid): boolean {
  const headerRow = findHeaderRow(grid);
  return headerRow !== null && (grid.rows[headerRow - 1] ?? []).some((cell) => headerWords(cell?.value) === typeWords);
}

const isBlank = (value: CellValue) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A population: a whole number ≥ 0 stored as a number, within what a number cell takes (±10¹²), not formatted as a
 * date (« 01/01/2026 » would count 46 023 inhabitants); null when empty or invalid (then `invalid` is set).
 */
function readPopulation(cell: GridCell | null | undefined): { population: number | null; invalid: boolean } {
  const value = cell?.value ?? null;
  if (isBlank(value)) return { population: null, invalid: false };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= NUMBER_BOUND && !cell?.isDate)
    return { population: value, invalid: false };
  return { population: null, invalid: true };
}

/** A header's words (an earlier version's spacing is the same header). */
const headerWords = (value: CellValue | undefined): string | null =>
  typeof value === 'string' ? sameWords(value) : null;

const typeWords = sameWords(aoColumns.find((column) => column.id === 'type')!.header);

const derivedHeaders = new Set(
  aoColumns.filter((column) => column.kind === 'derived').map((column) => sameWords(column.header)),
);

/** The 1-based columns under a derived column's header: the tools' formulas, recomputed on every rewrite. */
function derivedColumnsOf(grid: SheetGrid, headerRow: number): ReadonlySet<number> {
  const columns = new Set<number>();
  (grid.rows[headerRow - 1] ?? []).forEach((cell, index) => {
    const words = headerWords(cell?.value);
    if (words !== null && derivedHeaders.has(words)) columns.add(index + 1);
  });
  return columns;
}

/**
 * A row with nothing in it but the derived columns' formulas (a row inserted by hand, maybe with our formulas
 * filled down). A formula anywhere else is a person's: the row is not blank, so it is not read past and lost.
 */
function isBlankRow(grid: SheetGrid, row: number, derived: ReadonlySet<number>): boolean {
  return (grid.rows[row - 1] ?? []).every(
    (cell, index) => !cell || (cell.formula !== undefined ? derived.has(index + 1) : isBlank(cell.value)),
  );
}

/** The last EPCI or commune row below the header: the table ends there, whatever gaps it has. */
function lastTableRow(grid: SheetGrid, headerRow: number, isTableRow: (row: number) => boolean): number {
  for (let row = grid.rows.length; row > headerRow; row -= 1) if (isTableRow(row)) return row;
  return headerRow;
}

/** How a row under the header is read: the EPCI's or a commune's, its type typed over, or none of the table's. */
type AoRowKind = 'epci' | 'commune' | 'typeTypedOver' | null;

/**
 * The rows of the table as written by the tools, by their « Type » (`EPCI`, `Commune`). A row whose type cell holds
 * anything else is still a row of the tools, its type typed over, when it is not blank and holds the tools' formulas
 * in every derived column: a row a person added (« Sous-total ») has none, and stays none of the table's. The one
 * definition behind the reader, where the rewrite puts each row back, and which type cells are the tools' texts
 * typed over (`aoTypeCellsTypedOver`).
 */
function aoRowKinds(grid: SheetGrid, headerRow: number) {
  const typeIndex = (grid.rows[headerRow - 1] ?? []).findIndex((cell) => headerWords(cell?.value) === typeWords);
  const typeColumn = typeIndex >= 0 ? typeIndex + 1 : aoColumnNumber('type');
  const derived = derivedColumnsOf(grid, headerRow);
  const kindOf = (row: number): AoRowKind => {
    const type = gridText(grid, row, typeColumn);
    if (type === aoTexts.epciType) return 'epci';
    if (type === aoTexts.communeType) return 'commune';
    const withFormulas =
      derived.size > 0 && [...derived].every((column) => gridCell(grid, row, column)?.formula !== undefined);
    return withFormulas && !isBlankRow(grid, row, derived) ? 'typeTypedOver' : null;
  };
  const isTableRow = (row: number) => kindOf(row) !== null;
  const lastRow = lastTableRow(grid, headerRow, isTableRow);
  return { typeColumn, derived, kindOf, isTableRow, lastRow };
}

/**
 * Whether a row whose type was typed over is the EPCI's. The tools write the EPCI rows first, then the communes
 * (`aoSheetRowOrder`): it is the EPCI's when no commune row is above it and no other row is the EPCI's.
 */
function isEpciByPlace(kindOf: (row: number) => AoRowKind, headerRow: number, lastRow: number, row: number): boolean {
  for (let other = headerRow + 1; other <= lastRow; other += 1) {
    const kind = kindOf(other);
    if (kind === 'epci' || (kind === 'commune' && other < row)) return false;
  }
  return true;
}

/**
 * The « Type » cells of the tools' rows typed over, by A1 address as read (the module's `typedOverCells`): the
 * row is read all the same (`readAoSheet`), and the rewrite writes its type back and journals what it found there,
 * even a text the sheet shows elsewhere (« Commune » over the EPCI's type is a commune, read as such).
 */
export function aoTypeCellsTypedOver(grid: SheetGrid): ReadonlyMap<string, boolean> {
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) return new Map();
  const { typeColumn, kindOf, lastRow } = aoRowKinds(grid, headerRow);
  const typedOver = new Map<string, boolean>();
  for (let row = headerRow + 1; row <= lastRow; row += 1)
    if (kindOf(row) === 'typeTypedOver') typedOver.set(cellAddress(row, typeColumn), true);
  return typedOver;
}

/**
 * Where a rewrite puts back each row of the sheet as read: the table is written without the blank rows that
 * `readAoSheet` reads past, so the rows under such a row go up by one; a row read past has no place (null).
 */
export function aoRowPlaces(grid: SheetGrid): (row: number) => number | null {
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) return (row) => row;
  const { isTableRow, lastRow, derived } = aoRowKinds(grid, headerRow);
  const readPast = new Set<number>();
  for (let row = headerRow + 1; row <= lastRow; row += 1)
    if (!isTableRow(row) && isBlankRow(grid, row, derived)) readPast.add(row);
  return (row) => {
    if (readPast.has(row)) return null;
    if (row > lastRow) return row;
    let above = 0;
    for (const gap of readPast) if (gap < row) above += 1;
    return row - above;
  };
}

export function readAoSheet(grid: SheetGrid): AoSheetReading {
  const sheet = grid.name;
  const issues: Issue[] = [];
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) {
    return { input: null, issues: [createIssue('ao-header-missing', { sheet, cell: null, rowKey: null })] };
  }

  // Columns found by their header text (one definition: ao-layout.ts); the sheet is protected, so a missing one
  // means the sheet was rebuilt by hand.
  const columnOf = new Map<AoColumnId, number>();
  const headerCells = grid.rows[headerRow - 1] ?? [];
  for (const column of aoColumns) {
    const index = headerCells.findIndex((candidate) => headerWords(candidate?.value) === sameWords(column.header));
    if (index >= 0) columnOf.set(column.id, index + 1);
    else if (column.kind !== 'derived') {
      const location = { sheet, cell: cellAddress(headerRow, aoColumnNumber(column.id)), rowKey: null };
      issues.push(createIssue('missing-column', location, { header: column.header }));
    }
  }
  const address = (row: number, id: AoColumnId) => cellAddress(row, columnOf.get(id) ?? aoColumnNumber(id));
  const value = (row: number, id: AoColumnId): CellValue => {
    const column = columnOf.get(id);
    return column === undefined ? null : gridValue(grid, row, column);
  };

  const cellAt = (row: number, id: AoColumnId) => {
    const column = columnOf.get(id);
    return column === undefined ? null : gridCell(grid, row, column);
  };

  /** An input cell whose formula has no stored result: an error, not an empty cell a rewrite would erase. */
  const uncalculated = (row: number, id: AoColumnId): boolean => {
    const cell = cellAt(row, id);
    if (!cell?.uncalculated) return false;
    const location = { sheet, cell: address(row, id), rowKey: null };
    issues.push(createIssue('formula-without-value', location, { formula: cell.formula ?? '' }));
    return true;
  };

  /** An input cell holding a formula with its result, which a rewrite would flatten: an error at the cell. */
  const formulaInInput = (row: number, id: AoColumnId, place: { header: string } | { label: string }): void => {
    const column = columnOf.get(id);
    const issue =
      column === undefined ? null : formulaInInputCell(sheet, address(row, id), gridCell(grid, row, column), place);
    if (issue) issues.push(issue);
  };
  const headerOf = (id: AoColumnId) => aoColumns.find((column) => column.id === id)!.header;

  const populationCell = (row: number, id: AoColumnId, name: string): number | null => {
    if (uncalculated(row, id)) return null;
    formulaInInput(row, id, { header: headerOf(id) });
    const column = columnOf.get(id);
    const cell = column === undefined ? null : gridCell(grid, row, column);
    const read = readPopulation(cell);
    if (read.invalid) {
      const location = { sheet, cell: address(row, id), rowKey: null };
      issues.push(createIssue('ao-population-invalid', location, { name, value: cell ? shownCellValue(cell) : '' }));
    }
    return read.population;
  };

  const listCell = (row: number, id: AoColumnId, allowed: readonly string[], name: string): string | null => {
    if (uncalculated(row, id)) return null;
    formulaInInput(row, id, { header: headerOf(id) });
    const raw = value(row, id);
    if (isBlank(raw)) return null;
    const matched = typeof raw === 'string' ? matchListValue(allowed, raw) : null;
    if (matched === null) {
      const header = headerOf(id);
      const location = { sheet, cell: address(row, id), rowKey: null };
      issues.push(
        createIssue('ao-value-not-in-list', location, {
          name,
          header,
          value: shownCellValue({ value: raw, isDate: cellAt(row, id)?.isDate }),
          typed: typedAs(raw),
          allowed: [...allowed],
        }),
      );
    }
    return matched;
  };

  const yesNo = (row: number, id: AoColumnId, name: string): boolean | null => {
    const text = listCell(row, id, yesNoValues, name);
    return text === null ? null : text === aoTexts.yes;
  };

  const rows: AoTableRow[] = [];
  const rowCells: AoRowCells[] = [];
  const { typeColumn, derived, kindOf, lastRow } = aoRowKinds(grid, headerRow);
  for (let row = headerRow + 1; row <= lastRow; row += 1) {
    const kind = kindOf(row);
    if (kind === null) {
      // Inside the table, a blank row (inserted by hand) is read past; any other row would be lost by a rewrite.
      if (!isBlankRow(grid, row, derived)) {
        const text = gridText(grid, row, 1) || gridText(grid, row, typeColumn);
        const location = { sheet, cell: cellAddress(row, 1), rowKey: null };
        issues.push(createIssue('ao-row-unrecognised', location, { row, value: text }));
      }
      continue;
    }
    const isEpci = kind === 'epci' || (kind === 'typeTypedOver' && isEpciByPlace(kindOf, headerRow, lastRow, row));
    const name = String(value(row, 'name') ?? '').trim();
    const competences = Object.fromEntries(
      aoCompetenceOrder.map((competence): [AoCompetence, AoHolder] => {
        const text = listCell(row, `holder:${competence}`, holderValues, name);
        return [competence, text === null ? 'unknown' : holderOfText[text]];
      }),
    ) as Record<AoCompetence, AoHolder>;
    // The EPCI's population is that of the communes that transferred a competence: a value typed in its grey cell
    // would be written empty by the next rewrite.
    const epciPopulation =
      isEpci && columnOf.has('population') ? gridCell(grid, row, columnOf.get('population')!) : null;
    if (epciPopulation && !isBlank(epciPopulation.value) && epciPopulation.formula === undefined) {
      const location = { sheet, cell: address(row, 'population'), rowKey: null };
      const params = {
        header: headerOf('population'),
        rowType: aoTexts.epciType,
        value: shownCellValue(epciPopulation),
      };
      issues.push(createIssue('grey-cell-value', location, params));
    }
    rows.push({
      name,
      isEpci,
      // The EPCI row's population cell is not an input: its population is that of the transferring communes.
      population: isEpci ? null : populationCell(row, 'population', name),
      competences,
      rpeExists: yesNo(row, 'rpeExists', name),
      schemaExists: yesNo(row, 'schemaExists', name),
    });
    rowCells.push({
      population: address(row, 'population'),
      rpeExists: address(row, 'rpeExists'),
      schemaExists: address(row, 'schemaExists'),
    });
  }

  const populationColumn = columnOf.get('population') ?? aoColumnNumber('population');
  const declaredCell = cellAddress(AO_DECLARED_ROW, populationColumn);
  if (!uncalculated(AO_DECLARED_ROW, 'population'))
    formulaInInput(AO_DECLARED_ROW, 'population', { label: aoTexts.declaredLabel });
  const declaredInput = gridCell(grid, AO_DECLARED_ROW, populationColumn);
  const declared = readPopulation(declaredInput);
  if (declared.invalid) {
    const raw = declaredInput ? shownCellValue(declaredInput) : '';
    issues.push(
      createIssue('ao-population-invalid', { sheet, cell: declaredCell, rowKey: null }, { name: '', value: raw }),
    );
  }
  const table: AoTable = { rows, declaredTransferredPopulation: declared.population };
  return {
    input: { sheet, table, rowCells, declaredCell, checkCell: cellAddress(AO_CHECK_ROW, populationColumn) },
    issues,
  };
}
