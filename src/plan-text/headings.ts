import { bulletText, stripBold, type SourceLine } from './text-lines';
import { matchLabel } from './labels';

/**
 * Headings of the export: ARTICLE n, ANNEXE n, and axis headings "n) Title". Axis numbers come with OCR noise:
 * "I", "l" and "|" stand for 1 and spaces are noise ("I 1)" is 11, "I)" is 1). A heading may be wrapped in `**`
 * and run over two lines.
 */

const ARTICLE = /^\**\s*ARTICLE\s+(\d+|[IVX]+)\s*(?:[-–—:.]|$)/i;
const ANNEXE = /^\**\s*ANNEXE\s+(\d+|[IVX]+)\s*(?:[-–—:.]|$)/i;
const AXIS = /^([0-9Il|][0-9Il| ]*?)\s*\)\s*(\S.*)$/;
/** "Axe 3 : Title", "ENJEU 3 – Title", "Axe n°3. Title": the other way exports number axes. */
const NAMED_AXIS = /^(?:axe|enjeu)\s*(?:n\s*[°o]\s*)?([0-9Il|][0-9Il| ]*?)\s*[:.)–—-]\s*(\S.*)$/i;

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

export function articleNumber(text: string): number | null {
  const match = ARTICLE.exec(text);
  return match ? headingNumber(match[1]) : null;
}

export function annexeNumber(text: string): number | null {
  const match = ANNEXE.exec(text);
  return match ? headingNumber(match[1]) : null;
}

export interface AxisHeading {
  number: number;
  /** The number as written ("I 2"). */
  written: string;
  title: string;
  /** Index (in the lines array) of the heading's last line. */
  lastIndex: number;
}

function parseAxisLine(text: string): { number: number; written: string; title: string } | null {
  const plain = stripBold(text);
  const match = AXIS.exec(plain) ?? NAMED_AXIS.exec(plain);
  if (!match) return null;
  const written = match[1].trim();
  const digits = written.replace(/[Il|]/g, '1').replace(/ /g, '');
  if (!/^\d{1,2}$/.test(digits) || Number(digits) < 1) return null;
  const title = match[2].replace(/\*\*/g, '').trim();
  if (!title) return null;
  return { number: Number(digits), written, title };
}

/** The axis heading starting at lines[index], with its continuation line, or null. */
export function readAxisHeading(lines: SourceLine[], index: number): AxisHeading | null {
  const first = lines[index].text;
  const parsed = parseAxisLine(first);
  if (!parsed) return null;
  const parts = [parsed.title];
  let last = index;
  const opened = first.startsWith('**') && !/\*\*$/.test(first.replace(/^\*\*/, ''));
  if (opened) {
    // Bold heading: read on until the closing `**` (at most two more lines).
    for (let j = index + 1; j < lines.length && j <= index + 2; j++) {
      const text = lines[j].text;
      if (!text) break;
      parts.push(text.replace(/\*\*/g, '').trim());
      last = j;
      if (text.endsWith('**')) break;
    }
  } else {
    const next = lines[index + 1]?.text ?? '';
    if (next && isContinuation(next, lines[index + 1].raw)) {
      parts.push(next.replace(/\*\*/g, '').trim());
      last = index + 1;
    }
  }
  return { ...parsed, title: parts.filter(Boolean).join(' '), lastIndex: last };
}

function isContinuation(text: string, raw: string): boolean {
  return (
    !raw.includes('\t') &&
    bulletText(text) === null &&
    matchLabel(text) === null &&
    parseAxisLine(text) === null &&
    articleNumber(text) === null &&
    annexeNumber(text) === null
  );
}
