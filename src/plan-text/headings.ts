import { bulletText, stripBold, type SourceLine } from './text-lines';
import { matchLabel } from './labels';

/**
 * Headings of the export: ARTICLE n, ANNEXE n, and axis headings "n) Title". Axis numbers come with OCR noise:
 * "I", "l" and "|" stand for 1 and spaces are noise ("I 1)" is 11, "I)" is 1). Axes may also be numbered in Roman
 * numerals (I to XX): a list of headings all written so is read so ("II)" is 2 there, 11 among digits). A heading
 * may be wrapped in `**` and run over two lines; an article or annexe heading may be cut right after its first word.
 */

const ARTICLE = /^\**\s*ARTICLE\s+(\d+|[IVX]+)\s*(?:[-–—:.]|$)/i;
const ANNEXE = /^\**\s*ANNEXE\s+(\d+|[IVX]+)\s*(?:[-–—:.]|$)/i;
const AXIS = /^([0-9Il|VX][0-9Il|VX ]*?)\s*\)\s*(\S.*)$/;
/**
 * "Axe 3 : Title", "ENJEU 3 – Title", "Axe n°3. Title", "AXE STRATÉGIQUE 3 : Title", "Orientation 3 – Title": the
 * other ways exports number axes.
 */
const NAMED_AXIS =
  /^(?:axe|enjeu|orientation)(?:\s+(?:strat[eé]gique|th[eé]matique|prioritaire))?\s*(?:n\s*[°ºo]\s*)?([0-9Il|VX][0-9Il|VX ]*?)\s*[:.)–—-]\s*(\S.*)$/i;
/** "AXE 2", "Axe n° 2 :" alone on its line: the axis's title is on the line below. */
const NAMED_AXIS_ALONE =
  /^(?:axe|enjeu|orientation)(?:\s+(?:strat[eé]gique|th[eé]matique|prioritaire))?\s*(?:n\s*[°ºo]\s*)?([0-9Il|VX][0-9Il|VX ]*?)\s*[:.)–—-]?$/i;
/**
 * "1. Title" (or "1 – Title", "II. Title", "II – Title"): axes numbered as a list's items are. Such a line is an axis heading only where its reader says so
 * (`readAxisHeading`'s `dotted`): among the fiches and in Article 4, where numbered items are written so too.
 */
const DOTTED_AXIS = /^(\d{1,2}|[IVX]{1,5})(?:\.|\s*[-–—])\s+(\p{Lu}.*)$/u;
/** A Roman numeral from I to XX. */
const ROMAN_NUMERAL = /^(?:XX|X?(?:IX|IV|V?I{0,3}))$/;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
function headingNumber(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  let total = 0;
  const letters = written.toUpperCase().split('');
  letters.forEach((letter, i) => {
    const value = ROMAN[letter];
    const next = ROMAN[letters[i + 1]] ?? 0;
    total += value < next ? -value : value;
  });
  return total;
}

/** The value of a Roman numeral from I to XX written in capitals ("XIV" is 14), or null when it is not one. */
export function romanNumeral(written: string): number | null {
  return written !== '' && ROMAN_NUMERAL.test(written) ? headingNumber(written) : null;
}

export function articleNumber(text: string): number | null {
  const match = ARTICLE.exec(text);
  return match ? headingNumber(match[1]) : null;
}

export function annexeNumber(text: string): number | null {
  const match = ANNEXE.exec(text);
  return match ? headingNumber(match[1]) : null;
}

/**
 * "ARTICLE" or "ANNEXE" alone on its line, bold or not, written as a heading is (in capitals, or with its capital
 * initial): a heading the export may have wrapped before its number. « annexe » in lower case is a sentence's word.
 */
const HEADING_WORD_ALONE = /^\**\s*(?:ARTICLE|ANNEXE|Article|Annexe)\s*$/;

/** A heading stands apart: the text or a page begins with it, or a blank line comes before it. */
export const standsApart = (lines: SourceLine[], index: number): boolean =>
  index === 0 || lines[index].pageBreak === true || lines[index - 1].text === '';

/** A line numbered as a list's item is, « 1. » (bold aside): its number. */
const NUMBERED_ITEM = /^\**\s*(\d{1,2})\./;

/**
 * Whether a heading numbered « 1. » could be a list's item where it stands: written « 1 – » it is no item, else it
 * must stand apart (`standsApart`), items following one another.
 */
export const mayBeListItem = (lines: SourceLine[], index: number): boolean =>
  NUMBERED_ITEM.test(lines[index].text) && !standsApart(lines, index);

/**
 * Whether lines[index], numbered `number`, follows its list's item « number-1. »: the nearest line numbered « n. »
 * above it, up to a line `ends` says ends the list (a label), is numbered one less.
 */
export function followsListItem(
  lines: SourceLine[],
  index: number,
  number: number,
  ends: (index: number) => boolean = () => false,
): boolean {
  for (let j = index - 1; j >= 0 && !ends(j); j--) {
    const item = NUMBERED_ITEM.exec(lines[j].text);
    if (item) return Number(item[1]) === number - 1;
  }
  return false;
}

/**
 * The lines with each article or annexe heading wrapped after its first word ("ANNEXE" / "2 – LISTE DES …") made
 * one line again, numbered as its first line. Only a line holding that word alone, apart from the text above it (a
 * blank line or a page break between), followed right below by a line that begins with the heading's number and a
 * separator, is such a heading: a sentence's word never is, though the export leave it alone on a line (« … figure
 * en » / « annexe » / « 2 : elle est tenue à jour »), nor « Annexe » above « 2 et 3 ci-après ».
 */
export function joinWrappedHeadings(lines: SourceLine[]): SourceLine[] {
  const joined: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    const wrapped = next && HEADING_WORD_ALONE.test(line.text) && standsApart(lines, i);
    const text = wrapped ? `${line.text} ${next.text}` : '';
    if (text && (articleNumber(text) !== null || annexeNumber(text) !== null)) {
      joined.push({ ...line, raw: `${line.raw} ${next.raw.trimStart()}`, text });
      i++;
    } else joined.push(line);
  }
  return joined;
}

/** How a list of axis headings numbers its axes: digits (with "I", "l", "|" for 1) or Roman numerals. */
export type AxisNumbering = 'digits' | 'roman';

export interface AxisHeading {
  /** The number as written ("I 2", "IV"). */
  written: string;
  /** The number read as digits, "I", "l" and "|" standing for 1 ("I 2" is 12), or null when it is not one. */
  asDigits: number | null;
  /** The number read as a Roman numeral from I to XX ("IV" is 4), or null when it is not one. */
  asRoman: number | null;
  title: string;
  /** Index (in the lines array) of the heading's last line. */
  lastIndex: number;
}

function parseAxisLine(text: string, dotted = false): Omit<AxisHeading, 'lastIndex'> | null {
  const plain = stripBold(text);
  const match = dotted
    ? DOTTED_AXIS.exec(plain)
    : (AXIS.exec(plain) ?? NAMED_AXIS.exec(plain) ?? NAMED_AXIS_ALONE.exec(plain));
  if (!match) return null;
  const written = match[1].trim();
  const digits = written.replace(/[Il|]/g, '1').replace(/ /g, '');
  const asRoman = romanNumeral(written);
  // « II. » is no « I » for 1 written twice: numbered as a list's items, a Roman numeral is its own number.
  const asDigits =
    dotted && /^[IVX]+$/.test(written)
      ? asRoman
      : /^\d{1,2}$/.test(digits) && Number(digits) >= 1
        ? Number(digits)
        : null;
  if (asDigits === null && asRoman === null) return null;
  // No title on a named heading's line: it is on the line below (`readAxisHeading`).
  const title = (match[2] ?? '').replace(/\*\*/g, '').trim();
  if (!title && match[2] !== undefined) return null;
  return { written, asDigits, asRoman, title };
}

/** Roman numerals when every heading of the list is one ("I", "II", "III"…), digits otherwise. */
export function axisNumbering(headings: readonly AxisHeading[]): AxisNumbering {
  return headings.length > 0 && headings.every((heading) => heading.asRoman !== null) ? 'roman' : 'digits';
}

/**
 * The axis number of a heading in a list numbered `numbering`; `noisy` when it is not written as read (an "I" for
 * 1 among digits, a Roman numeral among digits), to be reported.
 */
export function axisNumber(heading: AxisHeading, numbering: AxisNumbering): { number: number; noisy: boolean } {
  if (numbering === 'roman' && heading.asRoman !== null) return { number: heading.asRoman, noisy: false };
  const number = (heading.asDigits ?? heading.asRoman)!;
  return { number, noisy: heading.written !== String(number) };
}

/**
 * The axis heading starting at lines[index], with its continuation line, or null. `dotted`: a heading numbered
 * « 1. » (`DOTTED_AXIS`) instead of the other ways. `startsFiche`: whether a line below heads a fiche, so is no
 * part of the axis heading (« FICHE ACTION N° PE1 : … » right under « 1) Petite enfance »).
 */
export function readAxisHeading(
  lines: SourceLine[],
  index: number,
  dotted = false,
  startsFiche: (lineIndex: number) => boolean = () => false,
): AxisHeading | null {
  const first = lines[index].text;
  const parsed = parseAxisLine(first, dotted);
  if (!parsed) return null;
  const isContinuation = (at: number) => !startsFiche(at) && continues(lines[at].text, lines[at].raw);
  if (!parsed.title) {
    // "AXE 2" alone: the next line with text is its title, a blank line between or not.
    const below = index + 1 < lines.length && !lines[index + 1].text ? index + 2 : index + 1;
    const title = lines[below]?.text ?? '';
    if (!title || !isContinuation(below)) return null;
    return { ...parsed, title: stripBold(title).replace(/\*\*/g, '').trim(), lastIndex: below };
  }
  const parts = [parsed.title];
  let last = index;
  const opened = first.startsWith('**') && !/\*\*$/.test(first.replace(/^\*\*/, ''));
  if (opened) {
    // Bold heading: read on until the closing `**` (at most two more lines).
    for (let j = index + 1; j < lines.length && j <= index + 2; j++) {
      const text = lines[j].text;
      if (!text || startsFiche(j)) break;
      parts.push(text.replace(/\*\*/g, '').trim());
      last = j;
      if (text.endsWith('**')) break;
    }
  } else {
    const next = lines[index + 1]?.text ?? '';
    if (next && isContinuation(index + 1)) {
      parts.push(next.replace(/\*\*/g, '').trim());
      last = index + 1;
    }
  }
  return { ...parsed, title: parts.filter(Boolean).join(' '), lastIndex: last };
}

function continues(text: string, raw: string): boolean {
  return (
    !raw.includes('\t') &&
    bulletText(text) === null &&
    matchLabel(text) === null &&
    parseAxisLine(text) === null &&
    articleNumber(text) === null &&
    annexeNumber(text) === null
  );
}
