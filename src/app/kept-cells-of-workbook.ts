import type { SheetGrid } from '../domain/grid';
import { createIssue, type Issue, type IssueParams } from '../domain/issues';
import { shownCellValue } from '../domain/messages/shown-cell-value';
import type { Quarter } from '../domain/periods';
import type { Plan } from '../domain/plan';
import {
  keptCellsOfFixedSheet,
  keptCellsOfTableSheet,
  placeKeptCells,
  rowsByIdentity,
  renamedIdentity,
  type KeptCell,
  type PlacedCell,
  type SpecTable,
  valuesOverFormulas,
} from '../layout/kept-cells';
import {
  addedHeadersOf,
  placeOnMovedRow,
  refersToItsSheet,
  sameColumnThere,
  valuesAllFollowed,
} from './kept-cells-on-moved-rows';
import { toolTextsTypedOver, type TypedOverText } from '../layout/typed-over-texts';
import { sheetKey } from '../layout/followed-references';
import { tableAsRead, type CellMoves, type TableAsRead } from '../layout/moved-cells';
import { axisNumberOfSheetName } from '../layout/sheets/axis/read-axis-sheet';
import { moduleOfSheet } from '../layout/sheet-registry';
import { trackingSheets } from '../layout/sheets/tracking-registry';
import type { TrackingSheetRegistry } from '../layout/tracking-build';
import type { SheetSpec, WorkbookSpec } from '../layout/workbook-spec';

/**
 * A person's cells in the sheets the tools rebuild (kept-cells.ts says which they are), found when a workbook is
 * read and written back when it is rewritten, on both back ends (they are part of the spec). Which sheets are
 * tables, and how their rows are told apart, is each sheet module's `kept` rule (the registry of
 * src/layout/sheets/tracking-registry.ts): axis sheets (rows by key), Journal, Historique and Archives (rows by
 * record); the other rebuilt sheets have a fixed shape. `_ctg` is the tools' alone.
 */

/** The modules of the sheets of fixed shape (Guide, Paramètres, Annexe 4, Compétences AO), in workbook order. */
export const fixedSheets: TrackingSheetRegistry = trackingSheets.filter((module) => module.kept?.kind === 'fixed');

/** The table of a built sheet, for sheets that have one. */
export function specTableOf(sheet: SheetSpec): SpecTable | undefined {
  const rule = moduleOfSheet(trackingSheets, sheet.name)?.kept;
  return rule?.kind === 'table' ? rule.specTable(sheet) : undefined;
}

/** A person's cells in a sheet the tools rebuild; and where its table was read, when it is rebuilt by row key. */
function keptCellsOfSheet(
  grid: SheetGrid,
  baseline: SheetSpec,
  quarters: readonly Quarter[],
): { kept: KeptCell[]; table?: TableAsRead } {
  const rule = moduleOfSheet(trackingSheets, grid.name)?.kept;
  if (!rule) return { kept: [] };
  if (rule.kind === 'fixed') return { kept: keptCellsOfFixedSheet(grid, baseline, rule.rowPlaces?.(grid)) };
  const built = rule.specTable(baseline);
  const gridTable = rule.gridTable(grid, { quarters, built });
  if (!gridTable) return { kept: [] };
  const kept = keptCellsOfTableSheet(grid, gridTable, {
    sheet: baseline,
    headerRow: built.headerRow,
    formerTexts: built.formerTexts,
  });
  return rule.rows === 'keyed' ? { kept, table: tableAsRead(grid, gridTable) } : { kept };
}

/**
 * A table sheet the tools rebuild (axis sheets by row key, Journal, Historique, Archives… by record) as read: where
 * its rows and columns were, for what follows them into the rebuilt sheet; undefined for the other sheets.
 */
export function tableAsReadOfSheet(
  grid: SheetGrid,
  baseline: SheetSpec,
  quarters: readonly Quarter[],
): TableAsRead | undefined {
  const rule = moduleOfSheet(trackingSheets, grid.name)?.kept;
  if (rule?.kind !== 'table') return undefined;
  const gridTable = rule.gridTable(grid, { quarters, built: rule.specTable(baseline) });
  return gridTable ? tableAsRead(grid, gridTable) : undefined;
}

/**
 * The kept cells of the grids' sheets that `baseline` (the layout of the workbook as read) rebuilds; sheets it
 * does not build are copied whole elsewhere, and those without a `kept` rule (`_ctg`) are left out. And the
 * tables whose rows the rewrite places by key (the axis sheets) as read, which a person's formulas may name
 * (src/app/kept-formulas.ts).
 */
export function keptCellsOfWorkbook(
  grids: readonly SheetGrid[],
  baseline: WorkbookSpec,
  quarters: readonly Quarter[],
): { kept: KeptCell[]; tables: TableAsRead[] } {
  const built = new Map(baseline.sheets.map((sheet) => [sheet.name, sheet]));
  const kept: KeptCell[] = [];
  const tables: TableAsRead[] = [];
  for (const grid of grids) {
    const sheet = built.get(grid.name);
    if (!sheet) continue;
    const found = keptCellsOfSheet(grid, sheet, quarters);
    kept.push(...found.kept);
    if (found.table) tables.push(found.table);
  }
  return { kept, tables };
}

/**
 * Values typed over the tools' formulas in the fixed sheets the tools rebuild (Annexe 4, Compétences AO…): each an
 * error at its cell, so that the rewrite is refused rather than the value replaced. (In an axis table the same is
 * validation's `value-in-computed-cell`.)
 */
export function valuesOverFormulasOfWorkbook(grids: readonly SheetGrid[], baseline: WorkbookSpec): Issue[] {
  const built = new Map(baseline.sheets.map((sheet) => [sheet.name, sheet]));
  return grids.flatMap((grid) => {
    const rule = moduleOfSheet(trackingSheets, grid.name)?.kept;
    const sheet = built.get(grid.name);
    if (rule?.kind !== 'fixed' || !sheet) return [];
    return valuesOverFormulas(grid, sheet, rule.rowPlaces?.(grid)).map(({ address, cell }) =>
      createIssue(
        'value-in-computed-cell',
        { sheet: grid.name, cell: address },
        { header: '', value: shownCellValue(cell) },
      ),
    );
  });
}

/**
 * The tools' texts typed over in the fixed sheets the tools rebuild (Paramètres, the Guide, Annexe 4, Compétences
 * AO), and the copies of the axis sheets' texts there that differ from `plan` (the plan as read, from the axis
 * sheets): a rewrite writes them back and journals what it found (typed-over-texts.ts).
 */
export function toolTextsTypedOverOfWorkbook(
  grids: readonly SheetGrid[],
  baseline: WorkbookSpec,
  plan: Plan,
): TypedOverText[] {
  const built = new Map(baseline.sheets.map((sheet) => [sheet.name, sheet]));
  return grids.flatMap((grid) => {
    const rule = moduleOfSheet(trackingSheets, grid.name)?.kept;
    const sheet = built.get(grid.name);
    if (rule?.kind !== 'fixed' || !sheet) return [];
    return toolTextsTypedOver(grid, sheet, {
      placeRow: rule.rowPlaces?.(grid),
      formerTexts: rule.formerTexts,
      verdicts: rule.typedOverCells?.(grid),
      copies: rule.axisTextCopies?.(plan),
      earlierTexts: rule.earlierTexts?.(plan),
    });
  });
}

/**
 * Writes the kept cells into the rebuilt workbook (changed in place), and says where each went; the notes under an
 * axis table go under their column where `moves` (by `sheetKey`, kept-formulas.ts's `movesOfTables`) puts it. A
 * kept cell that cannot go back is an error at its cell, and the rewrite is refused: never overwritten.
 */
export function placeKeptCellsInWorkbook(
  spec: WorkbookSpec,
  kept: readonly KeptCell[],
  moves: ReadonlyMap<string, CellMoves> = new Map(),
): { issues: Issue[]; placed: PlacedCell[] } {
  const issues: Issue[] = [];
  const placed: PlacedCell[] = [];
  const onMovedRows: { one: KeptCell; movedTo: string }[] = [];
  const movedPlaced = new Set<KeptCell>();
  const goneHeaders: KeptCell[] = [];
  // Each table as the layout built it, before kept cells widen it: where the added columns start.
  const tables = new Map(spec.sheets.map((sheet) => [sheet.name, specTableOf(sheet)]));
  const bySheet = new Map<string, KeptCell[]>();
  for (const one of kept) {
    const cells = bySheet.get(one.sheet);
    if (cells) cells.push(one);
    else bySheet.set(one.sheet, [one]);
  }
  for (const [name, cells] of bySheet) {
    const sheet = spec.sheets.find((candidate) => candidate.name === name);
    const columns = moves.get(sheetKey(name));
    const columnAfter = columns ? (column: number) => columns.column(column) : undefined;
    const outcome = sheet
      ? placeKeptCells(sheet, cells, specTableOf(sheet), columnAfter)
      : { placed: [], blocked: cells };
    placed.push(...outcome.placed);
    for (const one of outcome.blocked) {
      // A row the regeneration moves to another axis sheet (its fiche moved): placed below, once every sheet has
      // its own kept cells, in that sheet's added column of the same header; else said so, never lost.
      const movedTo = one.place.kind === 'tableRow' ? sheetHoldingRow(spec, name, one.place.identity) : null;
      if (movedTo !== null) {
        onMovedRows.push({ one, movedTo });
        continue;
      }
      // The header of an added column in a sheet gone with its axis: said below, unless its values all followed.
      if (!sheet && one.place.kind === 'tableRow' && one.place.identity === null) {
        goneHeaders.push(one);
        continue;
      }
      // No place for it in a sheet the rewrite no longer writes (an axis the amended plan has no fiche in).
      const code = !sheet
        ? 'kept-cell-sheet-gone'
        : one.place.kind === 'tableRow'
          ? 'kept-cell-row-gone'
          : one.place.kind === 'underTable' && columnAfter?.(one.place.column) === null
            ? 'kept-cell-column-gone'
            : 'kept-cell-in-the-way';
      const value = one.cell.formula ? `=${one.cell.formula}` : String(one.cell.value ?? '');
      const axis = axisNumberOfSheetName(one.sheet);
      issues.push(createIssue(code, { sheet: one.sheet, cell: one.address }, { value, axis }));
    }
  }
  const headers = onMovedRows.length > 0 ? addedHeadersOf(kept) : null;
  for (const { one, movedTo } of onMovedRows) {
    const target = spec.sheets.find((candidate) => candidate.name === movedTo);
    const table = tables.get(movedTo);
    const there = headers && target && table ? placeOnMovedRow(headers, one, { sheet: target, table }) : null;
    if (there) {
      placed.push(there);
      movedPlaced.add(one);
      continue;
    }
    const value = one.cell.formula ? `=${one.cell.formula}` : String(one.cell.value ?? '');
    const params = { value, key: one.place.kind === 'tableRow' ? (one.place.identity ?? '') : '', to: movedTo };
    // A formula whose column is there too is refused for being a formula, not for a column that is not missing.
    const header = one.cell.formula && headers ? sameColumnThere(headers, one, movedTo) : null;
    // Said for its references only when it has some into this sheet: `=TODAY()` names none.
    const ownCells = one.cell.formula ? refersToItsSheet(one.cell.formula, one.sheet) : false;
    const formula: IssueParams = header === null ? {} : { isFormula: 1, header, ownCells: ownCells ? 1 : 0 };
    issues.push(createIssue('kept-cell-row-moved', { sheet: one.sheet, cell: one.address }, { ...params, ...formula }));
  }
  for (const one of goneHeaders) {
    if (valuesAllFollowed(kept, one, movedPlaced)) continue;
    const value = one.cell.formula ? `=${one.cell.formula}` : String(one.cell.value ?? '');
    const params = { value, axis: axisNumberOfSheetName(one.sheet) };
    issues.push(createIssue('kept-cell-sheet-gone', { sheet: one.sheet, cell: one.address }, params));
  }
  return { issues, placed };
}

/** The other sheet of the rebuilt workbook whose table has a row of `identity` (a fiche moved between axes); null if none. */
function sheetHoldingRow(spec: WorkbookSpec, from: string, identity: string | null): string | null {
  if (identity === null) return null;
  for (const sheet of spec.sheets) {
    if (sheet.name === from) continue;
    const table = specTableOf(sheet);
    if (table && rowsByIdentity(sheet, table).has(identity)) return sheet.name;
  }
  return null;
}

/** The values of an axis row's added columns (a row the tools remove), each with its column's header. */
export function addedColumnValuesOfRow(
  kept: readonly KeptCell[],
  key: string,
): { header: string; cell: KeptCell['cell'] }[] {
  const headerOf = (sheet: string, added: number) =>
    kept.find(
      (one) =>
        one.sheet === sheet &&
        one.place.kind === 'tableRow' &&
        one.place.identity === null &&
        one.place.added === added,
    )?.cell.value;
  return kept
    .filter((one) => axisNumberOfSheetName(one.sheet) !== null)
    .flatMap((one) =>
      one.place.kind === 'tableRow' && one.place.identity === key
        ? [{ header: String(headerOf(one.sheet, one.place.added) ?? ''), cell: one.cell }]
        : [],
    );
}

/** The kept cells without those of the axis rows of `keys` (archived instead). */
export function withoutRows(kept: readonly KeptCell[], keys: ReadonlySet<string>): KeptCell[] {
  return kept.filter(
    (one) =>
      !(
        axisNumberOfSheetName(one.sheet) !== null &&
        one.place.kind === 'tableRow' &&
        one.place.identity !== null &&
        keys.has(one.place.identity)
      ),
  );
}

/**
 * The kept cells beside the rows of the built tables, their row's identity following the texts a rewrite replaced in
 * those rows (`replace`: a sheet, a 1-based column and the text read there → the text written now), so that a
 * person's cell beside a record whose value changed still goes back beside it.
 */
export function keptFollowingRows(
  kept: readonly KeptCell[],
  spec: WorkbookSpec,
  replace: (sheet: SheetSpec, column: number, text: string) => string,
): KeptCell[] {
  const sheets = new Map(spec.sheets.map((sheet) => [sheet.name, sheet]));
  return kept.map((one) => {
    const sheet = sheets.get(one.sheet);
    const columns = sheet ? specTableOf(sheet)?.identityColumns : undefined;
    if (!sheet || !columns || one.place.kind !== 'tableRow' || one.place.identity === null) return one;
    const identity = renamedIdentity(one.place.identity, (text, index) => replace(sheet, columns[index], text));
    return identity === one.place.identity ? one : { ...one, place: { ...one.place, identity } };
  });
}
