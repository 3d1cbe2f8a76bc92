import type { GridCell, SheetGrid, WorkbookGrids } from '../domain/grid';
import type { Plan } from '../domain/plan';
import { differsByErasureOnly } from '../domain/personal-data-erasure';
import { cellAddress } from '../layout/a1';
import { sameFormula } from '../layout/formula-references';
import type { KeptCell } from '../layout/kept-cells';
import { sameWords } from '../layout/same-words';
import { moduleOfSheet, type KeptCellsRule } from '../layout/sheet-registry';
import { trackingSheets } from '../layout/sheets/tracking-registry';
import { DATE_FORMAT, FORMER_FORMATS, GENERAL_FORMAT, TEXT_FORMAT } from '../layout/styles';
import type { CellContent, CellSpec, SheetSpec, WorkbookSpec } from '../layout/workbook-spec';
import type { CellChange, FormatChange, RangeChange, WorkbookChanges } from './port';

/**
 * A rewrite that keeps the workbook's shape needs to change only some cells: the cached results, the cells whose
 * value the use case changed, the records appended to the record sheets (Journal, Historique…), the autofilters that
 * grow with them, and the number format of the layout's cells still in one it wrote before (the rates' `0%`). Then a
 * back end can write those cells only, and everything a person set around them (hidden columns, filters, widths,
 * formats, their own validations and conditional formats) stays as it was (docs/WORKBOOK.md, « Rewriting a
 * workbook »).
 *
 * The shape is kept when the spec has the same sheets (names, order, visibility) as the grids, and in every sheet:
 * the same title and header rows, the same row keys, records only appended (or the last ones removed: an undone
 * merge's Contributions; or a value's personal data erased in place), every person's kept cell at the
 * address where it was read. Everything else the spec holds beside cells (merges, validations, conditional
 * formats, tables, defined names, print setup) is derived by the layout from those and from the format version:
 * a workbook read from an older format is migrated, which may change them, so it is never patched.
 *
 * What a sheet's shape is comes from its module's `kept` rule (src/layout/sheets/tracking-registry.ts): a table's
 * header row and identity columns, whether its rows are keyed or appended records; a fixed sheet's labels.
 */

/** What the loaded state tells about the workbook as read, beyond its grids. */
export interface ReadShape {
  /** A person's cells in the rebuilt sheets (src/layout/kept-cells.ts), where they were read. */
  kept: readonly KeptCell[];
  /** The format version the workbook was read from, when older than the current one (null: current). */
  migratedFrom: number | null;
  /** The plan as read: what the texts an earlier version wrote in a sheet of fixed shape were (`earlierTexts`). */
  plan: Plan;
}

type Content = CellContent | undefined;

function specContent(sheet: SheetSpec, row: number, column: number): CellSpec | null {
  return sheet.rows[row - 1]?.cells[column - 1] ?? null;
}

function gridCellAt(grid: SheetGrid, row: number, column: number): GridCell | null {
  const cells = grid.rows[row - 1];
  return (Array.isArray(cells) ? cells[column - 1] : null) ?? null;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

function isEmptyContent(content: Content): boolean {
  return content === null || content === undefined || content === '';
}

function isEmptyCell(cell: GridCell | null): boolean {
  return cell === null || (!cell.formula && isBlank(cell.value));
}

/**
 * Whether the cell as read already holds what the spec writes there: the same value (12 ≠ "12"), or the same
 * formula with the same cached result. A formula whose result the spec does not know (null: a copied cell that
 * showed an error, or a person's formula saved without its result) keeps the error it had, or stays without one.
 */
export function sameContent(cell: GridCell | null, content: Content): boolean {
  if (isEmptyContent(content)) return isEmptyCell(cell);
  if (cell === null) return false;
  if (content !== null && typeof content === 'object') {
    if (cell.formula === undefined || !sameFormula(cell.formula, content.formula)) return false;
    // Read without a result: the tools' own formulas get theirs; a person's, whose result no one knows, is unchanged.
    if (cell.uncalculated) return content.result === null;
    if (content.result === null && cell.isError) return true;
    return isBlank(content.result) ? isBlank(cell.value) : cell.value === content.result;
  }
  return !cell.formula && cell.value === content;
}

function rowCount(grid: SheetGrid, sheet: SheetSpec): number {
  return Math.max(grid.rows.length, sheet.rows.length);
}

function columnCount(grid: SheetGrid, sheet: SheetSpec, row: number): number {
  const cells = grid.rows[row - 1];
  return Math.max(Array.isArray(cells) ? cells.length : 0, sheet.rows[row - 1]?.cells.length ?? 0);
}

/** The last row of the grid that holds anything (0 for an empty grid). */
function lastFilledRow(grid: SheetGrid): number {
  for (let row = grid.rows.length; row >= 1; row -= 1) {
    const cells = grid.rows[row - 1];
    if (Array.isArray(cells) && cells.some((cell) => !isEmptyCell(cell ?? null))) return row;
  }
  return 0;
}

/** Every address of the sheet whose content differs between the grid and the spec. */
function cellChangesOfSheet(grid: SheetGrid, sheet: SheetSpec): CellChange[] {
  const changes: CellChange[] = [];
  const rows = rowCount(grid, sheet);
  for (let row = 1; row <= rows; row += 1) {
    const columns = columnCount(grid, sheet, row);
    for (let column = 1; column <= columns; column += 1) {
      const spec = specContent(sheet, row, column);
      const content = spec?.value;
      if (sameContent(gridCellAt(grid, row, column), content)) continue;
      changes.push({
        sheet: sheet.name,
        row,
        column,
        content: isEmptyContent(content) ? null : content!,
        ...(spec?.style ? { style: spec.style } : {}),
      });
    }
  }
  return changes;
}

type SheetShape =
  /** A table: rows keyed by their identity columns, or records only appended; its header rows fixed. */
  | { kind: 'table'; rows: 'keyed' | 'appended'; headerRow: number; identityColumns: readonly number[] }
  /**
   * A sheet of fixed shape (or one no module rebuilds): its labels, locked texts the tools write, are fixed; but for
   * a text an earlier version wrote at a cell (`earlierTexts`, by A1 address), written again in place.
   */
  | { kind: 'fixed'; earlierTexts: ReadonlyMap<string, string> }
  /** The tools' alone (`_ctg`): any of its cells may change. */
  | { kind: 'tools' };

function shapeOf(sheet: SheetSpec, plan: Plan): SheetShape {
  const module = moduleOfSheet(trackingSheets, sheet.name);
  const rule: KeptCellsRule | undefined = module?.kept;
  if (!module) return { kind: 'fixed', earlierTexts: new Map() };
  if (rule?.kind === 'fixed') return { kind: 'fixed', earlierTexts: rule.earlierTexts?.(plan) ?? new Map() };
  if (!rule) return { kind: 'tools' };
  const { headerRow, identityColumns } = rule.specTable(sheet);
  return { kind: 'table', rows: rule.rows, headerRow, identityColumns };
}

/**
 * Whether a change moves the sheet's shape: a title or header cell of a table, a keyed table's key (an axis
 * sheet's column A), a record changed or removed (records are only appended to), a label of a sheet of fixed
 * shape (a locked text the tools write: Paramètres' labels and lists, Annexe 4's and Compétences AO's rows). A title,
 * header or label written again with its words unchanged (an earlier version's spacing), or over the text an earlier
 * version wrote at that cell (Annexe 4's steering calendar), moves nothing.
 */
function movesShape(
  change: CellChange,
  grid: SheetGrid,
  sheet: SheetSpec,
  shape: SheetShape,
  lastRecord: number,
): boolean {
  if (shape.kind === 'tools') return false;
  if (shape.kind === 'table') {
    if (change.row <= shape.headerRow) return !sameWordsAgain(change, grid);
    if (shape.rows === 'keyed') return shape.identityColumns.includes(change.column);
    // Records are appended; the last ones may also go (an undone merge's Contributions): emptied, not rewritten.
    const removedAtEnd = change.content === null && change.row > sheet.rows.length;
    return change.row <= lastRecord && !removedAtEnd && !personalDataErasedIn(change, grid);
  }
  const specCell = specContent(sheet, change.row, change.column);
  if (specCell?.style?.locked === false || sameWordsAgain(change, grid)) return false;
  const before = gridCellAt(grid, change.row, change.column);
  if (holdsText(before, shape.earlierTexts.get(cellAddress(change.row, change.column)))) return false;
  const wasText = before !== null && !before.formula && typeof before.value === 'string' && before.value.trim() !== '';
  const isText = typeof change.content === 'string' && change.content.trim() !== '';
  return wasText || isText;
}

/** Whether the cell as read holds `text` (an earlier version's, when there is one), spacing and apostrophes aside. */
function holdsText(cell: GridCell | null, text: string | undefined): boolean {
  if (text === undefined || typeof cell?.value !== 'string' || cell.formula) return false;
  return sameWords(cell.value) === sameWords(text);
}

/**
 * Whether a text of the cell as read is written again with the same words, only its spacing or apostrophes changed
 * (`sameWords`): an earlier version's typography brought up to date in place.
 */
function sameWordsAgain(change: CellChange, grid: SheetGrid): boolean {
  const before = gridCellAt(grid, change.row, change.column);
  if (typeof change.content !== 'string' || typeof before?.value !== 'string' || before.formula) return false;
  return sameWords(before.value) === sameWords(change.content);
}

/**
 * Whether a record's cell changes only by personal data erased (src/app/erase-personal-data.ts): its text rewritten
 * in place, the record where it was.
 */
function personalDataErasedIn(change: CellChange, grid: SheetGrid): boolean {
  const before = gridCellAt(grid, change.row, change.column);
  if (typeof change.content !== 'string' || typeof before?.value !== 'string' || before.formula) return false;
  return differsByErasureOnly(before.value, change.content);
}

/** The kept cells each still at the address where it was read, holding what was read there. */
function keptCellsInPlace(kept: readonly KeptCell[], spec: WorkbookSpec): boolean {
  const sheets = new Map(spec.sheets.map((sheet) => [sheet.name, sheet]));
  return kept.every((one) => {
    const sheet = sheets.get(one.sheet);
    const at = addressOf(one.address);
    return sheet !== undefined && at !== null && sameContent(one.cell, specContent(sheet, at.row, at.column)?.value);
  });
}

function addressOf(address: string): { row: number; column: number } | null {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return null;
  const column = [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function sameSheets(grids: WorkbookGrids, spec: WorkbookSpec): boolean {
  return (
    grids.sheets.length === spec.sheets.length &&
    grids.sheets.every((grid, index) => {
      const sheet = spec.sheets[index];
      return grid.name === sheet.name && grid.visibility === sheet.visibility;
    })
  );
}

/**
 * The autofilter of a table as written, when it may differ from the one the workbook has: a table of records grows
 * with the records appended (or shrinks with the last removed); a keyed table's rows stay (a new key is a new shape),
 * but its filter covers the columns a person added after it (kept-cells.ts), which a filter the tools wrote before
 * they were added does not. The grids do not tell the workbook's filter: a back end sets the range where it differs.
 */
function rangeChangeOf(
  sheet: SheetSpec,
  shape: SheetShape,
  grid: SheetGrid,
  kept: readonly KeptCell[],
): RangeChange | null {
  if (shape.kind !== 'table' || !sheet.autoFilter) return null;
  const change = { sheet: sheet.name, autoFilter: sheet.autoFilter };
  if (shape.rows === 'appended') return sheet.rows.length !== lastFilledRow(grid) ? change : null;
  const added = kept.some((one) => one.sheet === sheet.name && one.place.kind === 'tableRow');
  return added ? change : null;
}

/** The layout's cells of the sheet whose format it wrote otherwise before: a back end updates those still so. */
function formatChangesOfSheet(sheet: SheetSpec): FormatChange[] {
  const changes: FormatChange[] = [];
  sheet.rows.forEach((row, r) =>
    row?.cells.forEach((cell, c) => {
      const numFmt = cell?.style?.numFmt;
      const former = numFmt === undefined ? undefined : FORMER_FORMATS.get(numFmt);
      if (former) changes.push({ sheet: sheet.name, row: r + 1, column: c + 1, numFmt: numFmt!, former });
    }),
  );
  return changes;
}

/**
 * A date written where the cell as read shows none (a partner's date merged into a Commentaire): the cell gets the
 * date format, as a rebuilt sheet gives it (axis-sheet.ts, `keptFormat`), so that it never shows its serial number
 * (46341) in a text or General cell; a person's own format stays.
 */
function dateFormatChanges(grid: SheetGrid, changes: readonly CellChange[]): FormatChange[] {
  return changes.flatMap((change) =>
    change.style?.numFmt === DATE_FORMAT &&
    typeof change.content === 'number' &&
    !gridCellAt(grid, change.row, change.column)?.isDate
      ? [
          {
            sheet: change.sheet,
            row: change.row,
            column: change.column,
            numFmt: DATE_FORMAT,
            former: [TEXT_FORMAT, GENERAL_FORMAT],
          },
        ]
      : [],
  );
}

/**
 * The changes that turn the workbook as read (`grids`) into `spec`, or null when the spec does not keep the
 * workbook's shape (then the whole workbook is written).
 */
export function shapeKeepingChanges(grids: WorkbookGrids, spec: WorkbookSpec, read: ReadShape): WorkbookChanges | null {
  if (read.migratedFrom !== null || !sameSheets(grids, spec) || !keptCellsInPlace(read.kept, spec)) return null;
  const cells: CellChange[] = [];
  const ranges: RangeChange[] = [];
  const formats: FormatChange[] = [];
  for (const [index, grid] of grids.sheets.entries()) {
    const sheet = spec.sheets[index];
    const lastRecord = lastFilledRow(grid);
    const changes = cellChangesOfSheet(grid, sheet);
    const shape = shapeOf(sheet, read.plan);
    if (changes.some((change) => movesShape(change, grid, sheet, shape, lastRecord))) return null;
    cells.push(...changes);
    const range = rangeChangeOf(sheet, shape, grid, read.kept);
    if (range) ranges.push(range);
    formats.push(...formatChangesOfSheet(sheet), ...dateFormatChanges(grid, changes));
  }
  return { cells, ranges, formats };
}
