import { DEFAULT_FONT_SIZE, LINE_HEIGHT } from './sheet-building';
import type { SheetSpec } from './workbook-spec';

/**
 * Row heights from the lines a wrapped text takes, laid out word by word as a spreadsheet wraps it, for sheets whose
 * printed pages are laid out from the heights (the bilan): `wrappedRowHeight`'s one character per width unit and no
 * word wrapping gives a text of a line and a half three lines. A width unit is Calibri 11's digit; a letter's width
 * is its Calibri advance in those units (rounded up a little: Carlito, and a bold letter, are a little wider); a
 * line of a smaller font is lower.
 */

/** Calibri's advances over its digit's, by class of character, rounded up. */
const NARROW = new Set([..."iljíìïîI.,:;'’!|\u00a0 "]);
const SMALL = new Set([...'ftr()-/«»"J']);
const MID = new Set([...'szcçk']);
const WIDE = new Set([...'mwMW%@']);

function unitsOf(char: string): number {
  if (NARROW.has(char)) return 0.5;
  if (SMALL.has(char)) return 0.7;
  if (MID.has(char)) return 0.85;
  if (WIDE.has(char)) return 1.7;
  if (char !== char.toLowerCase()) return 1.2;
  return 1.02;
}

const widthOf = (text: string) => [...text].reduce((sum, char) => sum + unitsOf(char), 0);
/** The cell's padding and grid line, in width units. */
const PADDING_UNITS = 0.6;
const BOLD_WIDENING = 1.06;

/** The lines `text` takes wrapped on lines of `capacity` units, a word longer than a line cut where the line ends. */
export function wrappedLineCount(text: string, capacity: number): number {
  const space = unitsOf(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      const width = widthOf(word);
      const needed = used === 0 ? width : used + space + width;
      if (needed <= capacity) used = needed;
      else if (width <= capacity) {
        lines += 1;
        used = width;
      } else {
        // A word longer than a line: it fills lines of its own, from a new line when something stands before it.
        if (used > 0) lines += 1;
        lines += Math.ceil(width / capacity) - 1;
        used = width % capacity || capacity;
      }
    }
  }
  return lines;
}

/**
 * The height of a row showing `text` wrapped over `width` units at `fontSize` points, bold or not, in the lines it
 * takes at Excel's 15 points a line of 11-point text (scaled for another size).
 */
export function wrappedTextHeight(text: string, width: number, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  const scale = (fontSize / DEFAULT_FONT_SIZE) * (bold ? BOLD_WIDENING : 1);
  const capacity = (width - PADDING_UNITS) / scale;
  return wrappedLineCount(text, capacity) * LINE_HEIGHT * (fontSize / DEFAULT_FONT_SIZE);
}

/** Sets the height of each row with no height yet to its highest wrapped text's, up to `maxHeight`; else one line. */
export function fitWrappedLines(sheet: SheetSpec, maxHeight: number): void {
  for (const row of sheet.rows) {
    if (!row || row.height !== undefined) continue;
    let height = LINE_HEIGHT;
    row.cells.forEach((spec, column) => {
      if (!spec?.style?.wrap || typeof spec.value !== 'string') return;
      const width = sheet.columns[column]?.width ?? 10;
      height = Math.max(height, wrappedTextHeight(spec.value, width, spec.style.fontSize, spec.style.bold === true));
    });
    row.height = Math.min(height, maxHeight);
  }
}

/**
 * `text` cut between words into parts that each take at most `maxHeight` wrapped over `width` units, joined by a space
 * they read as the text: a row shows no more than Excel's highest (409 points), so a longer text goes on over the rows
 * below. A part holds at least one word (one longer than a row is cut there, as a row would cut it). A line break is a
 * place to cut too, dropped there (the next row is the next line): a list of one word a line has no space to cut at.
 */
export function partsWithinHeight(text: string, width: number, maxHeight: number): string[] {
  // The words, each with what stood before it (a space or a line break; nothing for the first).
  const pieces = text.split(/([ \n])/);
  const words = [{ before: '', word: pieces[0] }];
  for (let index = 1; index < pieces.length; index += 2) words.push({ before: pieces[index], word: pieces[index + 1] });
  const partOf = (from: number, to: number) =>
    words
      .slice(from, to)
      .map(({ before, word }, index) => (index === 0 ? word : before + word))
      .join('');
  const parts: string[] = [];
  let start = 0;
  while (start < words.length) {
    // The most words from `start` that fit, found by halving: a part's height only grows with its words.
    let low = start + 1;
    let high = words.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (wrappedTextHeight(partOf(start, middle), width) <= maxHeight) low = middle;
      else high = middle - 1;
    }
    parts.push(partOf(start, low));
    start = low;
  }
  return parts;
}
