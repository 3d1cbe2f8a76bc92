import type { CellChange, FormatChange, RangeChange, WorkbookChanges } from '../app/port';
import { sameFormula } from '../layout/formula-references';
import { excelNameKey, type SheetProtection } from './workbook-facts';

/**
 * Which sheets a list of cell changes must unprotect, and so whether Excel's « Annuler » can undo it. Pure: it
 * decides from what is known of the workbook (what the read just before learnt, or what the change asked).
 *
 * On a protected sheet Excel refuses a value in a locked cell and any format (our sheets do not allow formatting
 * cells), so the sheet is unprotected, written and protected again with the same options when a change writes a
 * locked cell, sets a format (a text gets `@` before its value; a new cell gets its style; a cell still in a former
 * format of the layout gets the current one) or re-applies the autofilter. Unprotecting and protecting are not
 * undoable: they clear Excel's undo stack (learn.microsoft.com, « Undo support with the Excel JavaScript API »),
 * which is kept at all only where ExcelUndoApiAll is supported.
 */

/** What is known of the open workbook before a change; undefined wherever it is not known. */
export interface ChangeKnowledge {
  /** A sheet's protection, by sheet name (any case). */
  protectionOf(sheet: string): SheetProtection | undefined;
  /** Whether a cell (1-based) is locked. */
  lockedAt(sheet: string, row: number, column: number): boolean | undefined;
  /** The formula a cell holds (without `=`), null when it holds none. */
  formulaAt(sheet: string, row: number, column: number): string | null | undefined;
  /** A cell's number format (`General`, `@`, `0`…). */
  numberFormatAt(sheet: string, row: number, column: number): string | undefined;
  /** A sheet's autofilter range (A1; null: none). */
  autoFilterOf(sheet: string): string | null | undefined;
}

/**
 * A sheet's autofilter is applied only where the sheet is known to have one over another range, as the .xlsx patch
 * does: a filter a person removed stays removed, and one not known (Excel without ExcelApi 1.9) is left alone.
 */
export function filterApplied(range: RangeChange, known: ChangeKnowledge): boolean {
  const current = known.autoFilterOf(range.sheet);
  return typeof current === 'string' && current !== range.autoFilter;
}

/** A formula change writes only when the cell does not already hold that formula (Excel computes the result). */
export function isWritten(change: CellChange, known: ChangeKnowledge): boolean {
  const content = change.content;
  if (change.style || content === null || typeof content !== 'object') return true;
  const formula = known.formulaAt(change.sheet, change.row, change.column);
  return typeof formula !== 'string' || !sameFormula(formula, content.formula);
}

/** A change sets a number format or a style: a text (`@` before it) or a new cell (its style). */
export function setsFormat(change: CellChange): boolean {
  return change.style !== undefined || typeof change.content === 'string';
}

/**
 * Whether a format change (the layout's format on a cell still in a former one) sets the cell's format: true where
 * its format is a former one, false where it is another (a person's, or already the current one), undefined when
 * the cell's format is not known.
 */
export function formatReplaced(change: FormatChange, known: ChangeKnowledge): boolean | undefined {
  const current = known.numberFormatAt(change.sheet, change.row, change.column);
  if (current === undefined) return undefined;
  return change.former.some((format) => format.toLowerCase() === current.toLowerCase());
}

/**
 * For each protected sheet the changes write (by sheet key): `lift` when it must be unprotected, `keep` when
 * every write is allowed as it is, `unknown` when that depends on cells whose lock is not known. A sheet whose
 * protection is not known counts as protected.
 */
export function protectionNeeds(
  changes: WorkbookChanges,
  known: ChangeKnowledge,
): Map<string, { sheet: string; need: 'lift' | 'keep' | 'unknown' }> {
  const needs = new Map<string, { sheet: string; need: 'lift' | 'keep' | 'unknown' }>();
  const raise = (sheet: string, need: 'lift' | 'keep' | 'unknown') => {
    const protection = known.protectionOf(sheet);
    if (protection && !protection.protected) return;
    const key = excelNameKey(sheet);
    const current = needs.get(key)?.need ?? 'keep';
    const rank = { keep: 0, unknown: 1, lift: 2 };
    needs.set(key, { sheet, need: rank[need] > rank[current] ? need : current });
  };
  for (const range of changes.ranges) if (filterApplied(range, known)) raise(range.sheet, 'lift');
  for (const format of changes.formats ?? []) {
    const replaced = formatReplaced(format, known);
    if (replaced !== false) raise(format.sheet, replaced ? 'lift' : 'unknown');
  }
  for (const change of changes.cells) {
    if (!isWritten(change, known)) continue;
    if (setsFormat(change)) raise(change.sheet, 'lift');
    else {
      const locked = known.lockedAt(change.sheet, change.row, change.column);
      raise(change.sheet, locked === undefined ? 'unknown' : locked ? 'lift' : 'keep');
    }
  }
  return needs;
}

/** What a port knows when asked whether Excel's undo survives a change. */
export interface UndoOutlook {
  /** ExcelUndoApiAll is supported (requirements.ts). */
  undoSupported: boolean;
  known: ChangeKnowledge;
}

/**
 * Whether Excel's « Annuler » will undo these changes: only where ExcelUndoApiAll is supported, when the changes
 * keep the workbook's shape (null: the workbook is rebuilt, sheets replaced) and when no protected sheet has to be
 * unprotected (a cell whose lock is not known counts as locked).
 */
export function excelUndoKept(changes: WorkbookChanges | null, outlook: UndoOutlook): boolean {
  if (!outlook.undoSupported || changes === null) return false;
  for (const { need } of protectionNeeds(changes, outlook.known).values()) if (need !== 'keep') return false;
  return true;
}
