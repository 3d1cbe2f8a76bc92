/**
 * Changes cells of one worksheet part in place, leaving every other element as it was: columns, widths, hidden
 * columns, merges, validations, conditional formats, views, extensions. Rows and cells stay in order; a new row
 * copies the attributes of the row above (style, height, outline level), a new cell the style of the cell above,
 * else its column's. A changed cell that belongs to a shared formula group is written with an explicit formula,
 * and so are the other cells of the group when it was the group's master (src/xlsx/reader/shared-formula.ts).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { cellAddress, rangeAddress } from '../../layout/a1';
import type { CellChange, FormatChange } from '../../app/port';
import { parseCellRef } from '../reader/cell-ref';
import { shiftFormula } from '../reader/shared-formula';
import { setCellContent } from './cell-content';
import { childrenNamed, createLike, firstChildNamed } from './xml-dom';

/** Gives a new cell the style a layout number format asks for, from a base style (styles-patch.ts). */
export type StyleWithFormat = (base: number, numFmt: string) => number;

/** Row attributes not copied to a new row: where it is, which cells it spans, whether a person hid it. */
const ROW_OWN_ATTRIBUTES = ['r', 'spans', 'hidden', 'collapsed'];

interface RowEntry {
  element: Element;
  cells: Map<number, Element>;
}

export class SheetPatch {
  private readonly sheetData: Element;
  private readonly rows = new Map<number, RowEntry>();
  /** Whether a formula was written or removed (then Excel's calculation chain must be rebuilt). */
  formulasChanged = false;

  constructor(
    private readonly document: Document,
    private readonly styleWithFormat: StyleWithFormat,
  ) {
    const sheetData = firstChildNamed(document.documentElement!, 'sheetData');
    if (!sheetData) throw new Error('patchXlsx: a worksheet without sheetData');
    this.sheetData = sheetData;
    let rowNumber = 0;
    for (const row of childrenNamed(sheetData, 'row')) {
      rowNumber = Number(row.getAttribute('r') ?? rowNumber + 1);
      // Explicit numbers, so that a row or a cell put before another never renumbers it.
      row.setAttribute('r', String(rowNumber));
      const cells = new Map<number, Element>();
      let column = 0;
      for (const cell of childrenNamed(row, 'c')) {
        const ref = cell.getAttribute('r');
        column = (ref === null ? null : parseCellRef(ref)?.col) ?? column + 1;
        cell.setAttribute('r', cellAddress(rowNumber, column));
        cells.set(column, cell);
      }
      this.rows.set(rowNumber, { element: row, cells });
    }
  }

  apply(change: CellChange): void {
    const existing = this.rows.get(change.row)?.cells.get(change.column);
    if (existing) {
      const formula = firstChildNamed(existing, 'f');
      if (formula) {
        this.formulasChanged = true;
        if (formula.getAttribute('t') === 'shared') this.expandSharedGroup(formula);
      }
    } else if (change.content === null) return;
    const cell = existing ?? this.newCell(change);
    if (change.content !== null && typeof change.content === 'object') this.formulasChanged = true;
    setCellContent(cell, change.content);
  }

  /**
   * Gives an existing cell the style `styleFor` returns for its own (null: it keeps it), as a format change asks
   * (src/app/port.ts, FormatChange); true when its style changed. A cell that does not exist holds nothing to show.
   */
  restyle(change: FormatChange, styleFor: (style: number) => number | null): boolean {
    const cell = this.rows.get(change.row)?.cells.get(change.column);
    if (!cell) return false;
    const style = Number(cell.getAttribute('s') ?? 0);
    const next = styleFor(style);
    if (next === null || next === style) return false;
    cell.setAttribute('s', String(next));
    return true;
  }

  /**
   * Sets the sheet's autofilter range, when it has one that differs (its criteria, a person's, stay): whether it
   * changed.
   */
  setAutoFilter(ref: string): boolean {
    const filter = firstChildNamed(this.document.documentElement!, 'autoFilter');
    if (!filter || filter.getAttribute('ref') === ref) return false;
    filter.setAttribute('ref', ref);
    return true;
  }

  /** `<dimension>` and the rows' `spans` brought in line with the cells. */
  finish(): void {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [row, entry] of this.rows) {
      const columns = [...entry.cells.keys()];
      if (columns.length === 0) continue;
      const first = Math.min(...columns);
      const last = Math.max(...columns);
      if (entry.element.hasAttribute('spans')) entry.element.setAttribute('spans', `${first}:${last}`);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    const dimension = firstChildNamed(this.document.documentElement!, 'dimension');
    if (dimension && bottom > 0) dimension.setAttribute('ref', rangeAddress(top, left, bottom, right));
  }

  /**
   * A cell about to change is part of a shared formula: when it is the master (the one with the text), every
   * other cell of the group gets its own formula first; the cell itself is then overwritten.
   */
  private expandSharedGroup(formula: Element): void {
    const text = formula.textContent ?? '';
    const group = formula.getAttribute('si');
    if (text === '' || group === null) return;
    const master = parseCellRef((formula.parentNode as Element).getAttribute('r') ?? '');
    if (!master) return;
    for (const [row, entry] of this.rows) {
      for (const [column, cell] of entry.cells) {
        const other = firstChildNamed(cell, 'f');
        if (!other || other === formula || other.getAttribute('t') !== 'shared') continue;
        if (other.getAttribute('si') !== group || (other.textContent ?? '') !== '') continue;
        for (const name of ['t', 'si', 'ref']) other.removeAttribute(name);
        other.appendChild(this.document.createTextNode(shiftFormula(text, row - master.row, column - master.col)));
      }
    }
  }

  private newCell(change: CellChange): Element {
    const entry = this.rows.get(change.row) ?? this.newRow(change.row);
    const cell = createLike(entry.element, 'c');
    cell.setAttribute('r', cellAddress(change.row, change.column));
    const style = this.styleOfNewCell(change);
    if (style !== null && style !== 0) cell.setAttribute('s', String(style));
    const next = [...entry.cells.keys()].filter((column) => column > change.column).sort((a, b) => a - b)[0];
    entry.element.insertBefore(cell, next === undefined ? null : entry.cells.get(next)!);
    entry.cells.set(change.column, cell);
    return cell;
  }

  /** The style of the cell above, else the column's, else none; with the layout's number format when it differs. */
  private styleOfNewCell(change: CellChange): number | null {
    const above = this.rows
      .get(change.row - 1)
      ?.cells.get(change.column)
      ?.getAttribute('s');
    const base = above !== undefined && above !== null ? Number(above) : this.columnStyle(change.column);
    const numFmt = change.style?.numFmt;
    return numFmt === undefined ? base : this.styleWithFormat(base ?? 0, numFmt);
  }

  private columnStyle(column: number): number | null {
    const cols = firstChildNamed(this.document.documentElement!, 'cols');
    for (const col of cols ? childrenNamed(cols, 'col') : []) {
      const min = Number(col.getAttribute('min'));
      const max = Number(col.getAttribute('max'));
      if (column >= min && column <= max && col.hasAttribute('style')) return Number(col.getAttribute('style'));
    }
    return null;
  }

  private newRow(rowNumber: number): RowEntry {
    const element = createLike(this.sheetData, 'row');
    element.setAttribute('r', String(rowNumber));
    const above = this.rows.get(rowNumber - 1)?.element;
    for (let index = 0; above && index < above.attributes.length; index += 1) {
      const attribute = above.attributes.item(index)!;
      if (!ROW_OWN_ATTRIBUTES.includes(attribute.name)) element.setAttribute(attribute.name, attribute.value);
    }
    const next = [...this.rows.keys()].filter((row) => row > rowNumber).sort((a, b) => a - b)[0];
    this.sheetData.insertBefore(element, next === undefined ? null : this.rows.get(next)!.element);
    const entry = { element, cells: new Map<number, Element>() };
    this.rows.set(rowNumber, entry);
    return entry;
  }
}
