/**
 * The convention text as numbered lines. Exports come with CRLF or LF, non-breaking spaces, zero-width
 * characters and a BOM: they are made plain here once, so that every other reader compares clean text.
 * A form feed (a page break in a PDF-to-text export) breaks a line too: the parts keep the line's number. A text
 * table's row between « | » is read as a Word table's, with tabs.
 */

export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  /** The line with spaces made plain but tabs kept (the Annexe 2 and AO tables are tab-separated). */
  raw: string;
  /** The line trimmed, runs of spaces and tabs collapsed to one space. */
  text: string;
  /** A page begins here: a form feed, or page furniture taken out, comes just before (src/plan-text/page-furniture.ts). */
  pageBreak?: true;
}

const SPACE_LIKE = /[\u00A0\u202F\u2007\u2009\u200A]/g;
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
const UNUSUAL = /[\u00A0\u202F\u2007\u2009\u200A]|\u200B|\u200C|\u200D|\u2060|\uFEFF/;
const MANY_SPACES = /\t| {2}/;

function toSourceLine(line: string, no: number): SourceLine {
  // Most lines hold none of these: test before replacing, the seed reads several times faster.
  const cleaned = UNUSUAL.test(line) ? line.replace(SPACE_LIKE, ' ').replace(INVISIBLE, '') : line;
  const raw = cleaned.endsWith(' ') ? cleaned.replace(/ +$/, '') : cleaned;
  const text = MANY_SPACES.test(raw) ? raw.replace(/[ \t]+/g, ' ').trim() : raw.trim();
  return { no, raw, text };
}

/** A text table's row, between « | » (« | EAJE | Crèche Les Lutins | »), at least two cells. */
const PIPE_ROW = /^\s*\|(.*\|.*)\|\s*$/;
/** A text table's rule under its header (« |---|:---:| »): no cell holds anything but dashes, colons, equals. */
const PIPE_RULE = /^[-:=+|\s]*$/;

/**
 * A text table's row read as a Word table's, its cells parted by tabs (the Annexe 2 and AO tables, a fiche's label
 * and value, criteria): « | EAJE | Crèche | » is « EAJE⇥Crèche ». Its rule is no line (null).
 */
function pipeRowAsTabs(line: string): string | null {
  const row = PIPE_ROW.exec(line);
  if (!row) return line;
  if (PIPE_RULE.test(row[1])) return null;
  return row[1]
    .split('|')
    .map((cell) => cell.trim())
    .join('\t');
}

export function toSourceLines(text: string): SourceLine[] {
  const plain = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines: SourceLine[] = [];
  let pageBreak = false;
  const push = (written: string, no: number) => {
    const part = written.includes('|') ? pipeRowAsTabs(written) : written;
    if (part === null) return;
    const line = toSourceLine(part, no);
    lines.push(pageBreak ? { ...line, pageBreak: true } : line);
    pageBreak = false;
  };
  plain.split('\n').forEach((line, index) => {
    if (!line.includes('\f')) return push(line, index + 1);
    // A part left empty by a form feed is no line of its own; a line holding nothing else stays one blank line.
    const before = lines.length;
    line.split('\f').forEach((part, i) => {
      pageBreak ||= i > 0;
      if (part.trim()) push(part, index + 1);
    });
    if (lines.length === before) push('', index + 1);
  });
  return lines;
}

/** Leading and trailing `**` (bold in the export), removed. */
export function stripBold(text: string): string {
  let result = text.startsWith('**') ? text.slice(2) : text;
  if (result.endsWith('**')) result = result.slice(0, -2);
  return result.trim();
}

/**
 * Bullet marks: dashes, dots, diamonds, arrows and checks; « Ø », what a Wingdings arrow becomes in an export that
 * lost the font; and the private-use code points Word writes for the bullets of its Symbol and Wingdings fonts (\uF0B7 a dot, \uF0A7 a square, \uF0D8 and \uF0E8 arrows, \uF076 a diamond, \uF0FC a check).
 */
const BULLET = /^(?:[-–•·●○◆♦❖▪▫◦■□►▸➢➤→✓✔Ø\uF0B7\uF0A7\uF0D8\uF0E8\uF076\uF0FC]|\*(?=\s|$)|\d{1,2}\.(?=\s|$))\s*(.*)$/;

/**
 * The text of a bullet line (`- text`, `– text`, `• text`, `➢ text`, `* text`, `1. text`), '' for an empty bullet,
 * null when not a bullet. "1) text" is not a bullet: that is an axis heading.
 */
export function bulletText(text: string): string | null {
  if (text.startsWith('**')) return null;
  const match = BULLET.exec(text);
  return match ? match[1].trim() : null;
}

/**
 * The other marks an export begins a list item with: a letter, a number or a Roman numeral in lower case followed by
 * a parenthesis or a dot (`a)`, `b.`, `1)`, `i.`, `iv)`; a letter's dot before a space: « c.-à-d. » is a word), or
 * Word's sub-bullet `o` before a word.
 */
const OTHER_LIST_MARKER =
  /^(?:[a-z]\)|[a-z]\.(?=\s)|\d{1,2}\)|(?=[ivx])(?:xx|x?(?:ix|iv|v?i{0,3}))[.)]|o\s+(?=\p{L}))/u;

/** Whether a line begins a list item: a bullet (`bulletText`) or another list marker (`a)`, `ii.`, `o …`, `1)`). */
export function startsListItem(text: string): boolean {
  return bulletText(text) !== null || OTHER_LIST_MARKER.test(text);
}

/** The text of a list item after its other marker (`a) text`, `1) text`, `o text` → `text`), null without one. */
export function otherListItemText(text: string): string | null {
  const match = OTHER_LIST_MARKER.exec(text);
  return match ? text.slice(match[0].length).trim() : null;
}

/**
 * `text` parted at each of `separators` outside brackets, items trimmed, empty ones left out: « A (x, y), B » →
 * [« A (x, y) », « B »] with `;,`.
 */
export function splitOutsideBrackets(text: string, separators: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0 && separators.includes(char)) {
      items.push(item);
      item = '';
    } else item += char;
  }
  items.push(item);
  return items.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** `a; b;c` → [a, b, c], empty items left out. */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
