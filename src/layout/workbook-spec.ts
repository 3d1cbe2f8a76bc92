/**
 * A workbook to write, described as data. Both back ends consume it: the ExcelJS writer (src/xlsx, files) and the
 * Office.js writer (src/excel, the open workbook). So it holds only what both can do (a sheet's `notes` too, which
 * Excel writes only where its version has the notes and comments API); addresses are A1 strings, colours RRGGBB hex, formulas invariant
 * (English, comma) text without the leading `=`.
 */
import type { CellNote } from '../domain/grid';

export type ScalarValue = string | number | boolean | null;

/** A formula and the result src/domain computed for it, written as the cached value. */
export interface FormulaValue {
  formula: string;
  result: ScalarValue;
}

export type CellContent = ScalarValue | FormulaValue;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** RRGGBB. */
  fontColor?: string;
  /** Solid fill, RRGGBB. */
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Number format; `@` for text (set before the value, so that a text is never read as a formula). */
  numFmt?: string;
  /** Excel's default is locked; only inputs say `false`. Takes effect when the sheet is protected. */
  locked?: boolean;
  /** A thin border on all four sides. */
  border?: boolean;
}

export interface CellSpec {
  value: CellContent;
  style?: CellStyle;
}

export interface RowSpec {
  /** `cells[c]` is column c+1; null or missing cells are not written. */
  cells: (CellSpec | null)[];
  /** Points; the back end's default when absent. */
  height?: number;
}

export interface ColumnSpec {
  /** Excel character units. */
  width: number;
  /** Format of the whole column, set before any value (cells may override). */
  numFmt?: string;
  hidden?: boolean;
}

export type ValidationSpec =
  | {
      kind: 'list';
      /** A1 ranges (`K4:K9`) of this sheet. */
      ranges: string[];
      /** A defined name (`ctg_statuts`) or an absolute reference (`'Paramètres'!$A$13:$A$17`), without `=`. */
      source: string;
      errorTitle: string;
      error: string;
    }
  | {
      kind: 'whole' | 'decimal';
      ranges: string[];
      min: number;
      max: number;
      errorTitle: string;
      error: string;
    }
  | {
      kind: 'date';
      ranges: string[];
      /** `AAAA-MM-JJ`. */
      min: string;
      max: string;
      errorTitle: string;
      error: string;
    };

export interface ProtectionSpec {
  /** No password: protection guards against slips, not people. */
  allowAutoFilter: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /**
   * Pages across, as many pages tall as needed: `true` one page wide (sheets that fit), a number that many pages
   * wide (wide sheets, so that the scale stays readable: see print-width.ts). `pagesWideOf` reads it.
   */
  fitToWidth: true | number;
  /**
   * An explicit print scale in whole percent, written instead of fit-to-width (which leaves the scale to the
   * application): the layout then knows how much of the sheet a page holds, for its page breaks (the bilan).
   */
  scale?: number;
  /**
   * A page header and footer, centred and the same on every page, in the codes of ECMA-376 §18.3.1.46 (`&P` the page
   * number, `&N` the number of pages, `&&` an ampersand), which Office.js's headers and footers take too.
   */
  headerFooter?: { header: string; footer: string };
  /** Rows repeated at the top of every printed page, e.g. `{first: 1, last: 3}`. */
  titleRows?: { first: number; last: number };
  /** Columns (1-based) repeated at the left of every printed page, e.g. `{first: 1, last: 3}` for A:C. */
  titleColumns?: { first: number; last: number };
}

export type ConditionalFormatSpec =
  | {
      kind: 'cellValue';
      range: string;
      operator: 'equal' | 'greaterThan' | 'lessThan' | 'between';
      /** Formula texts (a number or a quoted text), one or two for `between`. */
      formulas: string[];
      style: { fill?: string; fontColor?: string; bold?: boolean };
    }
  | {
      kind: 'expression';
      range: string;
      /** Relative to the range's top-left cell. */
      formula: string;
      style: { fill?: string; fontColor?: string; bold?: boolean };
    }
  | {
      kind: 'colorScale';
      range: string;
      /** Two or three colours from the lowest value to the highest. */
      colors: string[];
      /**
       * The value of each colour (rates: 0, 0.5, 1), so that a colour means the same figure on every sheet; absent:
       * the range's lowest value, its 50th percentile (three colours) and its highest.
       */
      thresholds?: number[];
    };

export interface SheetSpec {
  name: string;
  visibility: 'visible' | 'hidden';
  columns: ColumnSpec[];
  /** Dense from row 1. */
  rows: RowSpec[];
  merges: string[];
  /** Rows and columns kept in view (frozen panes); absent when nothing is frozen. */
  freeze?: { rows: number; columns: number };
  validations: ValidationSpec[];
  protection?: ProtectionSpec;
  /**
   * A sheet-level autofilter over the header row and the data rows, e.g. `A3:AS40`. Never an Excel table: the
   * sheets are protected, and Excel lets people use the arrows of a sheet's filter on a protected sheet, not a
   * table's (docs/WORKBOOK.md, « Protection »).
   */
  autoFilter?: string;
  print?: PrintSpec;
  /**
   * Manual page breaks: the rows (1-based, ascending) that start a new printed page, e.g. before a block of rows
   * that would otherwise be cut by the page's end (the bilan's fiches).
   */
  rowBreaks?: number[];
  /**
   * Manual page breaks across: the columns (1-based, ascending) that start a new printed page, so that columns that
   * belong together print on one page (a name's two figures side by side). Applications honour them only at an
   * explicit `print.scale`.
   */
  columnBreaks?: number[];
  conditionalFormats: ConditionalFormatSpec[];
  tabColor?: string;
  /**
   * The notes (comments) a person attached to cells, written back where their cell's content goes (a rewrite:
   * src/app/cell-notes-of-workbook.ts); absent when there are none. The .xlsx writer writes each as a note (a
   * thread's replies after its first message); the Office.js writer a note as a note (ExcelApi 1.18) and a thread as a
   * comment with its replies (ExcelApi 1.10; src/excel/cell-notes.ts).
   */
  notes?: CellNote[];
}

export interface DefinedNameSpec {
  name: string;
  /** An absolute reference with its sheet: `'Paramètres'!$A$13:$A$17`. */
  ref: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  definedNames: DefinedNameSpec[];
  properties: { title: string; creator: string };
}
