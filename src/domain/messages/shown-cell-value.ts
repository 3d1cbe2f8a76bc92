import { serialToIsoDate } from '../excel-dates';
import type { GridCell } from '../grid';
import type { JournalValue } from '../journal';
import { frenchDay, frenchNumber, frenchPercent } from './numbers';
import { countOf } from './plural';

/**
 * A cell's value as a person sees it in French Excel, for a message: « 15 431 », « 01/01/2026 », « 30 % », « VRAI »,
 * a text as it is.
 */
export function shownCellValue(cell: Pick<GridCell, 'value' | 'isDate' | 'isPercent'>): string {
  const value = cell.value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value !== 'number') return value;
  const day = cell.isDate ? serialToIsoDate(value) : null;
  if (day !== null) return frenchDay(day);
  return cell.isPercent ? frenchPercent(value) : frenchNumber(value);
}

/**
 * What a refused value was typed as (a message's `typed`): a text may hold invisible characters the message shows, a
 * number or a date is quoted as French Excel shows it (its thousands' no-break space the formatter's, not the person's).
 */
export function typedAs(value: GridCell['value']): 'text' | 'number' | 'boolean' {
  return typeof value === 'string' ? 'text' : typeof value === 'boolean' ? 'boolean' : 'number';
}

/**
 * A value as the Journal keeps it (a merge's, an undo's), as a person sees it in French Excel: « 1 234 567,5 »,
 * « 01/01/2026 », « VRAI », a text as it is; '' when empty.
 */
export function shownJournalValue(value: JournalValue): string {
  return shownCellValue({ value: value.value, isDate: value.type === 'date' });
}

/**
 * A value in a merge's or an undo's report, on the command line as in the task pane: « vide », else quoted as French
 * Excel shows it (a long text by its start; the workbook and --json have it whole).
 */
export function quotedJournalValue(value: JournalValue): string {
  return value.type === 'empty' ? 'vide' : quotedShort(shownJournalValue(value));
}

/** What a person typed in a cell, for a message: a formula as its text (its result alone would hide it), else the value as shown. */
export function shownCellContent(cell: Pick<GridCell, 'value' | 'isDate' | 'isPercent' | 'formula'>): string {
  return cell.formula === undefined ? shownCellValue(cell) : `=${cell.formula}`;
}

/** How much of a long text a message shows: a merge's report, a validation's or a consolidation's reasons. */
const SHOWN_TEXT_CHARS = 120;

/**
 * A value quoted on a line of a report or in a message: « Locaux trop petits », or a long text by its start and its
 * length, « Locaux… » sur 300 caractères, so that a 32 767-character text does not fill the screen, nor a message
 * written into a cell pass Excel's limit; the workbook keeps the value whole. The length is in no parenthesis: many
 * messages quote a value inside their own, « (valeur lue : … ) », which would then close twice.
 */
export function quotedShort(text: string): string {
  if (text.length <= SHOWN_TEXT_CHARS) return `«\u00a0${text}\u00a0»`;
  return `«\u00a0${text.slice(0, SHOWN_TEXT_CHARS)}…\u00a0» sur ${countOf(text.length, 'caractère', 'caractères')}`;
}

/**
 * A name a report shows unquoted (a territory's, typed in « Paramètres »): as it is, or when far too long quoted by
 * its start and its length (`quotedShort`), so that a line stays a line.
 */
export function shownName(name: string): string {
  return name.length <= SHOWN_TEXT_CHARS ? name : quotedShort(name);
}
