import { HyperFormula, DetailedCellError, RawCellContent } from 'hyperformula';
import type { WorkbookModel } from './model';

/** A computed cell as Excel reports it in `range.values`: errors come back as their text (`#DIV/0!`). */
export interface ComputedValue {
  value: string | number | boolean;
  isError: boolean;
}

const CONFIG = { licenseKey: 'gpl-v3', smartRounding: false, useArrayArithmetic: true, useColumnIndex: true };

/**
 * HyperFormula instances by what they were built from (cells and names). Tests build the same workbook in many
 * fakes (the generated plan, before any change): those share one evaluation rather than each building its own.
 * Only read once built, so sharing is safe; the few latest are kept.
 */
const builtByContent = new Map<string, HyperFormula>();
const BUILT_KEPT = 3;

/**
 * Evaluates the model's formulas with HyperFormula: one HyperFormula sheet per worksheet (same names, so quoted
 * references such as `'Axe 1'!A1` work), workbook names as named expressions. Rebuilt lazily after any change:
 * simpler than mirroring each write, and a batch that fails halfway needs no rollback.
 */
export class FormulaEngine {
  private hf: HyperFormula | null = null;

  constructor(private readonly workbook: WorkbookModel) {}

  invalidate(): void {
    this.hf = null;
  }

  valueAt(sheetName: string, row: number, column: number): ComputedValue {
    const hf = this.build();
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) return { value: '#REF!', isError: true };
    const raw = hf.getCellValue({ sheet, row, col: column });
    if (raw instanceof DetailedCellError) return { value: raw.value, isError: true };
    // An empty result (a reference to an empty cell) shows as 0 in Excel.
    if (raw === null || raw === undefined) return { value: 0, isError: false };
    return { value: raw, isError: false };
  }

  private build(): HyperFormula {
    if (this.hf) return this.hf;
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of this.workbook.sheets) {
      const rows: RawCellContent[][] = [];
      for (const [r, c, cell] of sheet.storedCells()) {
        const row = rows[r] ?? (rows[r] = []);
        // A leading apostrophe keeps text as text in HyperFormula (a text "12" must not become a number).
        row[c] = cell.formula ?? (typeof cell.value === 'string' ? `'${cell.value}` : cell.value);
      }
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] ?? (rows[r] = []);
        for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      }
      sheets[sheet.name] = rows;
    }
    const names = this.workbook.names.filter((n) => n.sheetId === undefined).map((n) => [n.name, n.formula]);
    // JSON writes NaN and ±Infinity as null: spelt out, they cannot pass for an empty cell.
    const content = JSON.stringify([sheets, names], (_, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v,
    );
    const built = builtByContent.get(content);
    if (built) {
      // Most recently used last, so that it is evicted last.
      builtByContent.delete(content);
      builtByContent.set(content, built);
      return (this.hf = built);
    }
    const hf = HyperFormula.buildFromSheets(sheets, CONFIG);
    // Excel reads bare TRUE and FALSE as the booleans; HyperFormula knows only TRUE() and FALSE() (bare: #NAME?).
    for (const constant of ['TRUE', 'FALSE']) hf.addNamedExpression(constant, `=${constant}()`);
    for (const n of this.workbook.names) {
      if (n.sheetId !== undefined) continue;
      // A name HyperFormula cannot parse simply stays unknown to formulas (#NAME?), as a broken name would in Excel.
      if (hf.isItPossibleToAddNamedExpression(n.name, n.formula)) hf.addNamedExpression(n.name, n.formula);
    }
    builtByContent.set(content, hf);
    if (builtByContent.size > BUILT_KEPT) builtByContent.delete(builtByContent.keys().next().value as string);
    this.hf = hf;
    return hf;
  }
}
