import { matchLabel } from './labels';
import { bulletText, type SourceLine } from './text-lines';

/**
 * The furniture of a PDF-to-text export: page numbers and the lines repeated at every page break (running headers
 * and footers). It is no part of the convention: it is taken out before anything is read, and said once.
 *
 * - A page number is a line holding only one: « 12 », « - 12 - », « 12/40 », « Page 14 / 42 ». « Page … » is
 *   always one; the others only next to a form feed (blank lines between), so that numbers alone on their lines
 *   in the fiches (refs, budgets), even rising, stay values, and never above the pages the text can have begun by
 *   then (a year, 2026, alone on its line is a value too).
 * - A page break is a form feed or a page number. A running header or footer is a short line (digits aside) found
 *   within two lines of at least three page breaks and of a third of them, and elsewhere at most once: a value
 *   that recurs in the fiches is found far from page breaks too. Labels, bullets and table rows never are. Such a
 *   line within two lines of the text's start or end is page 1's header or the last page's footer.
 */

export interface PageFurniture {
  /** How many page-number lines were taken out. */
  pageNumbers: number;
  /** Each repeated line taken out (as first written) with how many times. */
  repeated: { text: string; count: number }[];
  /** The number of the first line taken out, 0 when none. */
  firstLine: number;
}

const ALWAYS_PAGE = /^page\s*(\d{1,4})(?:\s*(?:\/|sur|of)\s*(\d{1,4}))?$/i;
const PAGE_SHAPES = [/^(\d{1,4})$/, /^[-–—]\s*(\d{1,4})\s*[-–—]$/, /^(\d{1,4})\s*\/\s*(\d{1,4})$/];
/** A page holds at least this many lines. */
const MIN_PAGE_LINES = 8;
/** Lines around a page break looked at, on each side. */
const WINDOW = 2;
const MIN_BREAKS = 3;
const MAX_REPEATED_LENGTH = 150;

/** The page number a line holds alone, with whether its wording says so ("Page 3"), or null. */
function pageNumberShape(text: string): { page: number; explicit: boolean } | null {
  const explicit = ALWAYS_PAGE.exec(text);
  if (explicit) return validPage(explicit, true);
  for (const shape of PAGE_SHAPES) {
    const match = shape.exec(text);
    if (match) return validPage(match, false);
  }
  return null;
}

function validPage(match: RegExpExecArray, explicit: boolean): { page: number; explicit: boolean } | null {
  const page = Number(match[1]);
  const of = match[2] === undefined ? null : Number(match[2]);
  return page >= 1 && (of === null || page <= of) ? { page, explicit } : null;
}

/** A form feed just before this line, or before the next non-blank line, or on the blank lines between. */
function nextToFormFeed(lines: SourceLine[], index: number): boolean {
  if (lines[index].pageBreak) return true;
  for (let j = index + 1; j < lines.length; j++) {
    if (lines[j].pageBreak) return true;
    if (lines[j].text) break;
  }
  for (let j = index - 1; j >= 0 && !lines[j].text; j--) if (lines[j].pageBreak) return true;
  return false;
}

/**
 * The most pages a text can have begun before its line `index`: a page holds at least MIN_PAGE_LINES lines, unless
 * form feeds say otherwise. A bare number above it is a value (a year under « Échéance »), not a page number.
 */
const mostPagesBefore = (index: number, pageBreaks: number): number =>
  Math.max(Math.floor(index / MIN_PAGE_LINES), pageBreaks);

/**
 * The lines holding only a page number: « Page … » anywhere, the other shapes next to a form feed only. A rising run
 * of bare numbers without form feeds is not enough: fiche refs 1, 2, 3…, numbered paragraphs, years or budgets alone
 * on their lines make such runs, and every PDF-to-text export writes a form feed between pages.
 */
function findPageNumbers(lines: SourceLine[]): Set<number> {
  const found = new Set<number>();
  let pageBreaks = 0;
  lines.forEach((line, index) => {
    if (line.pageBreak) pageBreaks += 1;
    const shape = line.text ? pageNumberShape(line.text) : null;
    if (!shape) return;
    if (shape.explicit) found.add(index);
    else if (shape.page <= mostPagesBefore(index, pageBreaks) + 1 && nextToFormFeed(lines, index)) found.add(index);
  });
  return found;
}

/** The key two occurrences of a running header share: digits (a page, a date) aside. */
const repeatedKey = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

function mayRepeat(line: SourceLine): boolean {
  return (
    line.text.length > 0 &&
    line.text.length <= MAX_REPEATED_LENGTH &&
    !line.raw.includes('\t') &&
    bulletText(line.text) === null &&
    matchLabel(line.text) === null
  );
}

/** For each page break, the indices of the non-blank lines near it (page numbers aside). */
function breakWindows(lines: SourceLine[], pageNumbers: Set<number>): number[][] {
  // Marks a few lines apart (a page number, then the form feed) are one page break.
  const groups: { first: number; last: number }[] = [];
  lines.forEach((line, index) => {
    if (!line.pageBreak && !pageNumbers.has(index)) return;
    const group = groups[groups.length - 1];
    if (group && index - group.last <= WINDOW + 1) group.last = index;
    else groups.push({ first: index, last: index });
  });
  const near = (index: number) => lines[index].text !== '' && !pageNumbers.has(index);
  /** Up to WINDOW lines that are near, from `start` going by `step`. */
  const nearFrom = (start: number, step: 1 | -1): number[] => {
    const found: number[] = [];
    for (let j = start; j >= 0 && j < lines.length && found.length < WINDOW; j += step) if (near(j)) found.push(j);
    return found;
  };
  return groups.map(({ first, last }) => {
    const inside: number[] = [];
    for (let j = first; j <= last; j++) if (near(j)) inside.push(j);
    return [...nearFrom(first - 1, -1), ...inside, ...nearFrom(last + 1, 1)];
  });
}

/** The first and last WINDOW non-blank lines of the text, next to its first page's top and its last's bottom. */
function textEdges(lines: SourceLine[]): number[] {
  const filled = lines.flatMap((line, index) => (line.text !== '' && mayRepeat(line) ? [index] : []));
  return [...filled.slice(0, WINDOW), ...filled.slice(-WINDOW)];
}

/** The indices of the lines repeated at page breaks (running headers and footers). */
function findRepeated(lines: SourceLine[], windows: number[][]): Set<number> {
  const near = new Map<string, { breaks: Set<number>; indices: Set<number> }>();
  windows.forEach((window, b) => {
    for (const index of window) {
      if (!mayRepeat(lines[index])) continue;
      const key = repeatedKey(lines[index].text);
      const entry = near.get(key) ?? { breaks: new Set<number>(), indices: new Set<number>() };
      entry.breaks.add(b);
      entry.indices.add(index);
      near.set(key, entry);
    }
  });
  const threshold = Math.max(MIN_BREAKS, Math.ceil(windows.length / 3));
  const candidates = new Map([...near].filter(([, entry]) => entry.breaks.size >= threshold));
  if (candidates.size === 0) return new Set();
  // The text's start and end are page edges too: page 1's header, the last page's footer.
  for (const index of textEdges(lines)) candidates.get(repeatedKey(lines[index].text))?.indices.add(index);
  // Occurrences far from any page break: a header has none (one at most, the same words as a title).
  const strays = new Map<string, number>();
  lines.forEach((line, index) => {
    if (!line.text) return;
    const key = repeatedKey(line.text);
    const entry = candidates.get(key);
    if (entry && !entry.indices.has(index)) strays.set(key, (strays.get(key) ?? 0) + 1);
  });
  const repeated = new Set<number>();
  for (const [key, entry] of candidates)
    if ((strays.get(key) ?? 0) <= 1) for (const index of entry.indices) repeated.add(index);
  return repeated;
}

export function separatePageFurniture(lines: SourceLine[]): { lines: SourceLine[]; furniture: PageFurniture } {
  const pageNumbers = findPageNumbers(lines);
  const repeatedLines =
    pageNumbers.size > 0 || lines.some((line) => line.pageBreak)
      ? findRepeated(lines, breakWindows(lines, pageNumbers))
      : new Set<number>();
  const furnitureAt = (index: number) => pageNumbers.has(index) || repeatedLines.has(index);
  const repeated = new Map<string, { text: string; count: number }>();
  let firstLine = 0;
  lines.forEach((line, index) => {
    if (!furnitureAt(index)) return;
    firstLine ||= line.no;
    if (!repeatedLines.has(index)) return;
    const key = repeatedKey(line.text);
    const entry = repeated.get(key) ?? { text: line.text, count: 0 };
    entry.count += 1;
    repeated.set(key, entry);
  });
  return {
    lines: withoutFurnitureRuns(lines, furnitureAt),
    furniture: { pageNumbers: pageNumbers.size, repeated: [...repeated.values()], firstLine },
  };
}

/**
 * The lines without the furniture and the blank lines around it: an export sets the furniture apart with blank
 * lines whether or not a paragraph ends there, and a criterion cut by a page break must read as one again. The line
 * after furniture taken out begins a page (`pageBreak`), as after a form feed: a heading may stand there.
 */
function withoutFurnitureRuns(lines: SourceLine[], furnitureAt: (index: number) => boolean): SourceLine[] {
  const kept: SourceLine[] = [];
  let pageBegins = false;
  for (let i = 0; i < lines.length;) {
    if (lines[i].text && !furnitureAt(i)) {
      kept.push(pageBegins ? { ...lines[i], pageBreak: true } : lines[i]);
      pageBegins = false;
      i++;
      continue;
    }
    // A run of blank lines and furniture: kept whole when it holds no furniture.
    let end = i;
    let holdsFurniture = false;
    for (; end < lines.length && (!lines[end].text || furnitureAt(end)); end++)
      if (furnitureAt(end)) holdsFurniture = true;
    if (!holdsFurniture) kept.push(...lines.slice(i, end));
    pageBegins ||= holdsFurniture;
    i = end;
  }
  return kept;
}
