/**
 * A direct scanner of the XML that spreadsheet writers produce: one pass over a part's inflated bytes (UTF-8), no
 * decoding of the whole text, giving the same events as saxes (element names without prefix, attributes and text
 * with references decoded) to the same handlers. Inside `<sheetData>` it reads rows and cells itself — `<row>`,
 * `<c r t s>`, `<v>`, `<f t si>` — and hands them to the sheet reader's own steps (`SheetDataSink`), with no
 * event, attribute object or text it does not need; an `<is>` inline string goes through the events as elsewhere.
 *
 * It understands a strict subset of XML 1.0 — elements, attributes, text, the five predefined entities and
 * character references, an XML declaration — and checks that subset is well-formed as it goes (a carriage return
 * reads as a line feed, as in XML). On anything else (a comment, CDATA, a DOCTYPE, a processing instruction, a
 * control character, a character outside the Basic Multilingual Plane, `]]>`, bytes that are not UTF-8, a
 * non-ASCII name, unbalanced tags, a cut part, another element among the cells, …) it stops and answers
 * `false`: the handlers may then have seen only what saxes would have given them first, and the caller reads the
 * part again with saxes (xml-part.ts), which decides. An error a handler throws (a limit, a bad reference) passes through: saxes would have met it there too.
 */
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW } from './limits';
import type { XmlAttributes, XmlHandlers } from './xml-part';

/** The sheet reader's steps, in document order: what the events of a row or a cell amount to. */
export interface SheetDataSink {
  startRow(ref: string | undefined): void;
  endRow(): void;
  startCell(ref: string | undefined, type: string | undefined, style: string | undefined): void;
  /** `startCell` for a cell whose `r` the scanner read itself: a reference inside the sheet's bounds. */
  startCellAt(row: number, col: number, type: string | undefined, style: number): void;
  /**
   * A self-closing cell at a reference the scanner read (`<c r="F4" s="7"/>`, most cells of a styled sheet): it
   * holds nothing, whatever its type and style; only its place counts (a cell without `r` after it is its next).
   */
  emptyCellAt(row: number, col: number): void;
  cellValue(text: string): void;
  /** `cellValue` for a text that is an integer written as `String(value)` writes it (`12`, `-3`, not `012`). */
  cellInteger(value: number): void;
  cellFormula(text: string, kind: string | undefined, sharedIndex: string | undefined): void;
  /** False when the reader may not need a formula's text: a plain `<f>` then comes as `cellFormulaBytes`. */
  readonly formulaTexts: boolean;
  /** A plain `<f>` (no `t`) whose text, `bytes` from `from` to `to`, is checked: `decodeCheckedText` gives it. */
  cellFormulaBytes(bytes: Uint8Array, from: number, to: number): void;
  endCell(): void;
}

export interface ScanHandlers extends XmlHandlers {
  /** Given by a worksheet's reader: `<sheetData>`'s rows and cells go to it rather than through the events. */
  readonly sheetData?: SheetDataSink;
  /**
   * True when the handlers use no attribute and no text but an inline string's (a worksheet's reader, given
   * `sheetData`): the scanner then still checks them but makes none (a sheet's conditional formats and validations
   * after its cells were a good part of a reading's allocations), but for the elements `attributesOutsideCells` names.
   */
  readonly onlyNamesOutsideCells?: boolean;
  /**
   * With `onlyNamesOutsideCells`: the elements whose attributes the handlers do use (a worksheet's `mergeCell`), asked
   * at each element, as the handlers may want fewer as they read.
   */
  readonly attributesOutsideCells?: ReadonlySet<string>;
  /**
   * Given by the shared strings' reader: a string item written `<si><t>text</t></si>` (or with
   * `<t xml:space="preserve">`), nearly every one, comes whole, its text decoded, rather than as five events.
   */
  readonly plainStringItem?: (text: string) => void;
}

/** What an element's attributes are given as when the handlers use none, or when it has none. */
const NO_ATTRIBUTES: XmlAttributes = Object.freeze(Object.create(null) as XmlAttributes);

/** As in xml-part.ts: past these the part goes to saxes, which refuses it with the reader's own error. */
const MAX_DEPTH = 256;
const MAX_ATTRIBUTES = 256;
/** The deepest `<sheetData>` goes below itself: row, c, is, r, rPr and one of its children. */
const SHEET_DATA_DEPTH = 6;

const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>/;
/** Encodings the reader decodes as UTF-8 (xml-part.ts's `decoderFor`): the scanner reads those only. */
const UTF8_DECLARED = /^utf-?(8|16)$/i;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const BRACKET = 93;
const AMPERSAND = 38;
const HASH = 35;
const SEMICOLON = 59;

/** What follows `<t` in a string item whose spaces are kept as written. */
const PRESERVED_TEXT_TAG_END = ' xml:space="preserve">';

/** Signals a construct outside the subset; caught by `scanXml` only. */
const UNSUPPORTED = new (class Unsupported {})();

function isSpace(code: number): boolean {
  return code === SPACE || code === LF || code === TAB || code === CR;
}

/** XML reads a carriage return, alone or before a line feed, as a line feed (Excel ends its declaration so). */
function newlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 58) || code === 45 || code === 46; // digits and ':', '-', '.'
}

/** A character XML 1.0 allows, from a reference (surrogates and non-characters are left to saxes). */
function isXmlChar(code: number): boolean {
  return (
    code === 9 || code === 10 || code === 13 || (code >= 32 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd)
  );
}

/** The bytes after `&` of the references a formula holds by the tens of thousands, as little-endian words. */
const QUOT = 0x746f7571; // `quot`, then `;`
const APOS = 0x736f7061; // `apos`, then `;`
const LT_ENTITY = 0x3b746c; // `lt;`
const GT_ENTITY = 0x3b7467; // `gt;`

/**
 * The length of the `&quot;`, `&apos;`, `&lt;` or `&gt;` whose four bytes after `&` are `word` and fifth is `fifth`;
 * 0 for anything else, which `predefinedAt` reads.
 */
function commonEntityLength(word: number, fifth: number): number {
  if ((word === QUOT || word === APOS) && fifth === SEMICOLON) return 6;
  const three = word & 0xffffff;
  return three === LT_ENTITY || three === GT_ENTITY ? 4 : 0;
}

/**
 * Where the XML starts (after a UTF-8 byte-order mark), once every byte is known to be in the subset: UTF-8 with
 * no control character but tab, line feed and carriage return, nothing outside the BMP, no U+FFFE or U+FFFF, no `]]>`,
 * every `&` the start of a predefined entity or of a reference to a valid character. Texts are then checked
 * without a second look at their bytes (a formula left unread is most of a sheet's).
 */
function checkedStart(bytes: Uint8Array): number {
  const length = bytes.length;
  // Four bytes at a time where they are plain ASCII from space on, no `]` and no `&` (nearly all of a part): read
  // as one 32-bit word, with the classic bit tests for a byte ≥ 0x80, < 0x20, equal to `]` or to `&`. Words are read
  // wherever the last byte looked at leaves off (a DataView reads them unaligned), so that the scan goes back to
  // words right after each reference of a formula's text.
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  const lastWord = length - 4;
  let i = 0;
  while (i < length) {
    for (; i <= lastWord; i += 4) {
      const word = view.getInt32(i, true);
      const notBracket = word ^ 0x5d5d5d5d;
      const notAmpersand = word ^ 0x26262626;
      const flags =
        word |
        ((word - 0x20202020) & ~word) |
        ((notBracket - 0x01010101) & ~notBracket) |
        ((notAmpersand - 0x01010101) & ~notAmpersand);
      const special = flags & 0x80808080;
      if (special !== 0) {
        // Straight to the first byte flagged: the lowest flag is always a true one (a borrow only climbs).
        i += (31 - Math.clz32(special & -special)) >> 3;
        break;
      }
    }
    if (i >= length) break;
    const b = bytes[i];
    if (b < 0x20) {
      if (b !== TAB && b !== LF && b !== CR) throw UNSUPPORTED;
    } else if (b === BRACKET) {
      if (bytes[i + 1] === BRACKET && bytes[i + 2] === GT) throw UNSUPPORTED;
    } else if (b === AMPERSAND) {
      const entity = i + 5 < length ? commonEntityLength(view.getInt32(i + 1, true), bytes[i + 5]) : 0;
      if (entity > 0) {
        i += entity;
        continue;
      }
      const predefined = predefinedAt(bytes, i);
      i = predefined >= 0 ? i + (predefined >> 8) - 1 : characterReferenceEnd(bytes, i, length, false);
    } else if (b >= 0x80) {
      // Two bytes (C2–DF), or three (E0–EF) that are neither overlong, a surrogate nor U+FFFE/U+FFFF.
      const c1 = bytes[i + 1];
      if ((c1 & 0xc0) !== 0x80) throw UNSUPPORTED;
      if (b >= 0xc2 && b <= 0xdf) i += 1;
      else if (b >= 0xe0 && b <= 0xef) {
        const c2 = bytes[i + 2];
        if ((c2 & 0xc0) !== 0x80) throw UNSUPPORTED;
        if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 >= 0xa0)) throw UNSUPPORTED;
        if (b === 0xef && c1 === 0xbf && c2 >= 0xbe) throw UNSUPPORTED;
        i += 2;
      } else throw UNSUPPORTED;
    }
    i++;
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Short ASCII texts (`s`, `t`, `r` attributes, small numbers, shared string indexes) recur across cells, sheets
 * and files: made once and looked up by their bytes, packed with their length in a small integer (7 bits each).
 */
const SHORT_TEXT_BYTES = 4;
const MAX_SHORT_TEXTS = 100_000;
const shortTexts = new Map<number, string>();

function shortText(bytes: Uint8Array, from: number, to: number): string | null {
  let key = to - from - 1;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x80) return null;
    key = (key << 7) | b;
  }
  let text = shortTexts.get(key);
  if (text === undefined) {
    text = String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
    if (shortTexts.size >= MAX_SHORT_TEXTS) shortTexts.clear();
    shortTexts.set(key, text);
  }
  return text;
}

/** The text of bytes already checked as UTF-8. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= SHORT_TEXT_BYTES && to > from) {
    const text = shortText(bytes, from, to);
    if (text !== null) return text;
  }
  if (to - from <= 32) {
    let text = '';
    for (let i = from; i < to; i++) {
      const b = bytes[i];
      if (b >= 0x80) return utf8.decode(bytes.subarray(from, to));
      text += String.fromCharCode(b);
    }
    return text;
  }
  return utf8.decode(bytes.subarray(from, to));
}

/** Whether `word` is written at `at`. */
function bytesAre(bytes: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The predefined entity at `amp` (`&lt;`…) as the byte it stands for plus its length × 256 (no array made: a
 * formula holds dozens), or -1 when it is none.
 */
function predefinedAt(bytes: Uint8Array, amp: number): number {
  switch (bytes[amp + 1]) {
    case 108 /* l */:
      return bytesAre(bytes, amp + 2, 't;') ? LT + 4 * 256 : -1;
    case 103 /* g */:
      return bytesAre(bytes, amp + 2, 't;') ? GT + 4 * 256 : -1;
    case 97 /* a */:
      if (bytesAre(bytes, amp + 2, 'mp;')) return AMPERSAND + 5 * 256;
      return bytesAre(bytes, amp + 2, 'pos;') ? APOSTROPHE + 6 * 256 : -1;
    case 113 /* q */:
      return bytesAre(bytes, amp + 2, 'uot;') ? QUOTE + 6 * 256 : -1;
    default:
      return -1;
  }
}

/** Where decoded texts are put together before one decoding: grown as needed, kept for the next text. */
let scratch = new Uint8Array(4096);

/** Writes `code` (a BMP character) as UTF-8 into `scratch` at `at`; the position after it. */
function putUtf8(code: number, at: number): number {
  if (code < 0x80) scratch[at++] = code;
  else if (code < 0x800) {
    scratch[at++] = 0xc0 | (code >> 6);
    scratch[at++] = 0x80 | (code & 0x3f);
  } else {
    scratch[at++] = 0xe0 | (code >> 12);
    scratch[at++] = 0x80 | ((code >> 6) & 0x3f);
    scratch[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** The character `characterReferenceEnd` read last. */
let referencedCode = 0;

/**
 * The `;` of the character reference at `amp` (`&#233;`, `&#xE9;`), its character in `referencedCode`; a reference
 * that is not a valid character, or one inside an attribute, is left to saxes.
 */
function characterReferenceEnd(bytes: Uint8Array, amp: number, to: number, inAttribute: boolean): number {
  if (inAttribute || bytes[amp + 1] !== HASH) throw UNSUPPORTED;
  const semicolon = bytes.indexOf(SEMICOLON, amp);
  if (semicolon < 0 || semicolon >= to) throw UNSUPPORTED;
  const hex = bytes[amp + 2] === 120; /* x */
  const digits = textOf(bytes, amp + (hex ? 3 : 2), semicolon);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw UNSUPPORTED;
  referencedCode = parseInt(digits, hex ? 16 : 10);
  if (!isXmlChar(referencedCode)) throw UNSUPPORTED;
  return semicolon;
}

/**
 * The checks of `decodedText` without its text. `checkedStart` found every reference predefined or a valid
 * character: what is left is a character reference inside an attribute, which is saxes's.
 */
function checkReferences(bytes: Uint8Array, from: number, to: number, inAttribute: boolean): void {
  if (!inAttribute) return;
  for (let i = from; i < to; i++) {
    if (bytes[i] !== AMPERSAND) continue;
    const predefined = predefinedAt(bytes, i);
    i = predefined >= 0 ? i + (predefined >> 8) - 1 : characterReferenceEnd(bytes, i, to, inAttribute);
  }
}

/**
 * The text of bytes already checked as UTF-8, with `&…;` references decoded and, in text (not in an attribute), a
 * carriage return read as a line feed: one string made, whatever the number of references (a formula holds
 * dozens of `&quot;`). A reference that is not predefined or not a valid character is left to saxes, as is one
 * giving a character inside an attribute, the one place XML keeps a tab or a line break so given.
 */
function decodedText(bytes: Uint8Array, from: number, to: number, inAttribute: boolean, make = true): string {
  if (!make) {
    checkReferences(bytes, from, to, inAttribute);
    return '';
  }
  let special = -1;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === AMPERSAND || (b === CR && !inAttribute)) {
      special = i;
      break;
    }
  }
  if (special < 0) return make ? textOf(bytes, from, to) : '';
  // Each reference is longer than the UTF-8 it stands for, and a line break is never longer: `to - from` bytes do.
  if (scratch.length < to - from) scratch = new Uint8Array(Math.max(to - from, scratch.length * 2));
  let at = 0;
  for (let i = from; i < special; i++) scratch[at++] = bytes[i];
  for (let i = special; i < to;) {
    const b = bytes[i];
    if (b === CR && !inAttribute) {
      scratch[at++] = LF;
      i += bytes[i + 1] === LF ? 2 : 1;
    } else if (b !== AMPERSAND) {
      scratch[at++] = b;
      i++;
    } else {
      const predefined = predefinedAt(bytes, i);
      if (predefined >= 0) {
        scratch[at++] = predefined & 0xff;
        i += predefined >> 8;
        continue;
      }
      const semicolon = characterReferenceEnd(bytes, i, to, inAttribute);
      at = putUtf8(referencedCode, at);
      i = semicolon + 1;
    }
  }
  return make ? utf8.decode(scratch.subarray(0, at)) : '';
}

/** The text of element content the scanner has checked (`cellFormulaBytes`). */
export function decodeCheckedText(bytes: Uint8Array, from: number, to: number): string {
  return decodedText(bytes, from, to, false);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Scans `bytes` (a whole part, inflated) into `handlers`; false when the part is outside the subset, in which
 * case the handlers may have seen a prefix of the events and must be thrown away.
 */
export function scanXml(bytes: Uint8Array, handlers: ScanHandlers): boolean {
  try {
    new Scanner(bytes, handlers).document(checkedStart(bytes));
    return true;
  } catch (error) {
    if (error === UNSUPPORTED) return false;
    throw error;
  }
}

class Scanner {
  private readonly open: string[] = [];
  // The current tag: its name, its attributes as byte ranges, where it ends and whether it closes itself.
  private tagName = '';
  private attributeCount = 0;
  private readonly nameStarts = new Int32Array(MAX_ATTRIBUTES);
  private readonly nameEnds = new Int32Array(MAX_ATTRIBUTES);
  private readonly valueStarts = new Int32Array(MAX_ATTRIBUTES);
  private readonly valueEnds = new Int32Array(MAX_ATTRIBUTES);
  private tagEnd = 0;
  private selfClosing = false;
  // Which of the current tag's attributes are `r`, `t`, `s` and `si` (-1: none), found while reading it.
  private rAt = -1;
  private tAt = -1;
  private sAt = -1;
  private siAt = -1;
  /** The style and type of the cell tag `plainCellEnd` read last. */
  private plainStyle = 0;
  private plainType: string | undefined = undefined;
  /** The cell reference `readCellRef` read last. */
  private refRow = 0;
  private refCol = 0;
  /** Open elements `open` does not hold: the row and the cell around an inline string. */
  private unlisted = 0;
  /** Inside `<sheetData>`, read by `sheetData`: an element of that name below it is only an element. */
  private inSheetData = false;
  private elementText = '';
  private textStart = 0;
  private textEnd = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly handlers: ScanHandlers,
  ) {}

  document(start: number): void {
    const { bytes } = this;
    let at = start;
    if (bytes[at] === LT && bytes[at + 1] === QUESTION) {
      const head = textOf(bytes, at, Math.min(bytes.length, at + 300));
      const declaration = XML_DECLARATION.exec(head);
      if (!declaration || (declaration[3] !== undefined && !UTF8_DECLARED.test(declaration[3]))) throw UNSUPPORTED;
      at += declaration[0].length;
    }
    // Whitespace around the root is given as text (as saxes does), except at the very start of the part.
    const lt = this.outsideRoot(at, at > start);
    if (lt < 0) throw UNSUPPORTED;
    at = this.element(lt);
    if (this.open.length > 0) at = this.content(at, 0);
    if (this.outsideRoot(at, true) >= 0) throw UNSUPPORTED; // a second root, a comment…
  }

  /** Whitespace up to the next `<` (its position, -1 at the end), given as text if `emit`. */
  private outsideRoot(from: number, emit: boolean): number {
    const { bytes } = this;
    const lt = bytes.indexOf(LT, from);
    const end = lt < 0 ? bytes.length : lt;
    for (let i = from; i < end; i++) if (!isSpace(bytes[i])) throw UNSUPPORTED;
    if (emit && end > from) this.handlers.text(newlines(textOf(bytes, from, end)));
    return lt;
  }

  /** Elements and text until the element open at depth `until` + 1 closes; the position after its end tag. */
  private content(from: number, until: number): number {
    const { bytes, handlers, open } = this;
    let at = from;
    for (;;) {
      const lt = bytes.indexOf(LT, at);
      if (lt < 0) throw UNSUPPORTED; // cut before the root closes
      if (lt > at) {
        // Checked in any case (a bad reference sends the part to saxes); made only for handlers that read it.
        const quiet = handlers.onlyNamesOutsideCells === true && this.unlisted === 0;
        const text = decodedText(bytes, at, lt, false, !quiet);
        if (!quiet) handlers.text(text);
      }
      if (bytes[lt + 1] === SLASH) {
        at = this.endTag(lt, open[open.length - 1]);
        const name = open.pop()!;
        handlers.close(localName(name));
        if (open.length === until) return at;
      } else at = this.element(lt);
    }
  }

  /**
   * A string item written exactly `<si><t>text</t></si>` or `<si><t xml:space="preserve">text</t></si>` at `lt`,
   * given to `give`; the position after it, or 0 for anything else, which the events then give. Its text is
   * decoded as `content` decodes any text.
   */
  private plainStringItem(lt: number, give: (text: string) => void): number {
    const { bytes } = this;
    if (!bytesAre(bytes, lt, '<si><t')) return 0;
    if (this.open.length + this.unlisted + 2 >= MAX_DEPTH) return 0;
    let start = lt + 6;
    if (bytes[start] === GT) start += 1;
    else if (bytesAre(bytes, start, PRESERVED_TEXT_TAG_END)) start += PRESERVED_TEXT_TAG_END.length;
    else return 0;
    const end = bytes.indexOf(LT, start);
    if (end < 0 || !bytesAre(bytes, end, '</t></si>')) return 0;
    give(decodedText(bytes, start, end, false));
    return end + 9;
  }

  /** `</name>` at `lt` (spaces allowed before `>`); the position after it. */
  private endTag(lt: number, name: string): number {
    const { bytes } = this;
    let i = lt + 2;
    for (let k = 0; k < name.length; k++, i++) if (bytes[i] !== name.charCodeAt(k)) throw UNSUPPORTED;
    while (isSpace(bytes[i])) i++;
    if (bytes[i] !== GT) throw UNSUPPORTED;
    return i + 1;
  }

  /** A start tag at `lt`, given as events (or `<sheetData>` read whole); the position after it. */
  private element(lt: number): number {
    if (this.handlers.plainStringItem) {
      const end = this.plainStringItem(lt, this.handlers.plainStringItem);
      if (end > 0) return end;
    }
    this.tag(lt);
    const { open, handlers } = this;
    if (open.length + this.unlisted >= MAX_DEPTH) throw UNSUPPORTED;
    const name = this.tagName;
    const local = localName(name);
    if (local.length === 0) throw UNSUPPORTED;
    const quiet = handlers.onlyNamesOutsideCells === true && handlers.attributesOutsideCells?.has(local) !== true;
    handlers.open(local, quiet ? this.checkedAttributes() : this.attributes());
    if (this.selfClosing) {
      handlers.close(local);
      return this.tagEnd;
    }
    open.push(name);
    if (local === 'sheetData' && handlers.sheetData && !this.inSheetData) {
      this.inSheetData = true;
      const end = this.sheetData(this.tagEnd, handlers.sheetData);
      this.inSheetData = false;
      return end;
    }
    return this.tagEnd;
  }

  /** Reads the tag at `lt`: its name, its attributes' ranges (checked), its end. */
  private tag(lt: number): void {
    const { bytes } = this;
    const length = bytes.length;
    if (!isNameStart(bytes[lt + 1])) throw UNSUPPORTED; // `<!`, `<?`, `< `…
    let i = lt + 2;
    while (i < length && isNameChar(bytes[i])) i++;
    this.tagName = textOf(bytes, lt + 1, i);
    let count = 0;
    this.rAt = this.tAt = this.sAt = this.siAt = -1;
    for (;;) {
      const afterValue = i;
      while (i < length && isSpace(bytes[i])) i++;
      const code = bytes[i];
      if (code === GT) {
        this.selfClosing = false;
        i++;
        break;
      }
      if (code === SLASH) {
        if (bytes[i + 1] !== GT) throw UNSUPPORTED;
        this.selfClosing = true;
        i += 2;
        break;
      }
      // An attribute: whitespace before it, a name, `=`, a quoted value.
      if (i === afterValue || !isNameStart(code) || count >= MAX_ATTRIBUTES) throw UNSUPPORTED;
      const nameStart = i;
      while (i < length && isNameChar(bytes[i])) i++;
      const nameEnd = i;
      while (i < length && isSpace(bytes[i])) i++;
      if (bytes[i] !== EQUALS) throw UNSUPPORTED;
      i++;
      while (i < length && isSpace(bytes[i])) i++;
      const quote = bytes[i];
      if (quote !== QUOTE && quote !== APOSTROPHE) throw UNSUPPORTED;
      // The closing quote, in the same pass that refuses `<` in a value and the tabs and line breaks XML turns into
      // spaces (both left to saxes): most values are a few bytes, shorter than a call to `indexOf`.
      let end = i + 1;
      for (; ; end++) {
        if (end >= length) throw UNSUPPORTED;
        const c = bytes[end];
        if (c === quote) break;
        if (c === LT || c === TAB || c === LF || c === CR) throw UNSUPPORTED;
      }
      for (let other = 0; other < count; other++) {
        if (this.sameBytes(this.nameStarts[other], this.nameEnds[other], nameStart, nameEnd)) throw UNSUPPORTED;
      }
      this.nameStarts[count] = nameStart;
      this.nameEnds[count] = nameEnd;
      if (nameEnd - nameStart === 1) {
        const letter = bytes[nameStart];
        if (letter === 114 /* r */) this.rAt = count;
        else if (letter === 116 /* t */) this.tAt = count;
        else if (letter === 115 /* s */) this.sAt = count;
      } else if (nameEnd - nameStart === 2 && bytes[nameStart] === 115 && bytes[nameStart + 1] === 105)
        this.siAt = count;
      this.valueStarts[count] = i + 1;
      this.valueEnds[count] = end;
      count++;
      i = end + 1;
    }
    this.attributeCount = count;
    this.tagEnd = i;
  }

  private sameBytes(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
    if (aEnd - aStart !== bEnd - bStart) return false;
    for (let k = 0; k < aEnd - aStart; k++) if (this.bytes[aStart + k] !== this.bytes[bStart + k]) return false;
    return true;
  }

  private value(index: number): string {
    return decodedText(this.bytes, this.valueStarts[index], this.valueEnds[index], true);
  }

  /** The current tag's attributes, as saxes gives them. */
  private attributes(): XmlAttributes {
    // Most tags have none (`<si>`, `<t>`): one frozen object for them all rather than a dictionary each.
    if (this.attributeCount === 0) return NO_ATTRIBUTES;
    const attributes = Object.create(null) as XmlAttributes;
    for (let index = 0; index < this.attributeCount; index++) {
      attributes[textOf(this.bytes, this.nameStarts[index], this.nameEnds[index])] = this.value(index);
    }
    return attributes;
  }

  /** The current tag's attribute values checked as `attributes` would read them, none made. */
  private checkedAttributes(): XmlAttributes {
    for (let index = 0; index < this.attributeCount; index++) {
      decodedText(this.bytes, this.valueStarts[index], this.valueEnds[index], true, false);
    }
    return NO_ATTRIBUTES;
  }

  /**
   * An `r` attribute read from its bytes into `refRow` and `refCol`, with no text made (every cell has one): true
   * for letters then digits inside the sheet's bounds, as `parseCellRef` reads them; anything else (a reference to
   * refuse, an entity) is left to `startCell` with the text.
   */
  private readCellRef(index: number): boolean {
    const { bytes } = this;
    const end = this.valueEnds[index];
    let at = this.valueStarts[index];
    let col = 0;
    for (; at < end; at++) {
      const code = bytes[at] & ~0x20; // upper-case
      if (code < 65 || code > 90) break;
      col = col * 26 + (code - 64);
      if (col > EXCEL_MAX_COLUMN) return false;
    }
    if (col === 0 || at === end) return false;
    let row = 0;
    for (; at < end; at++) {
      const code = bytes[at];
      if (code < 48 || code > 57) return false;
      row = row * 10 + (code - 48);
      if (row > EXCEL_MAX_ROW) return false;
    }
    if (row < 1) return false;
    this.refRow = row;
    this.refCol = col;
    return true;
  }

  private valueAt(index: number): string | undefined {
    return index < 0 ? undefined : this.value(index);
  }

  /** The next `<` after `from`, with only whitespace before it (which the sheet reader ignores). */
  private nextTag(from: number): number {
    const { bytes } = this;
    if (bytes[from] === LT) return from; // most tags follow the last one directly: no call to `indexOf`
    const lt = bytes.indexOf(LT, from);
    if (lt < 0) throw UNSUPPORTED;
    for (let i = from; i < lt; i++) if (!isSpace(bytes[i])) throw UNSUPPORTED;
    return lt;
  }

  /** Whether the current tag is `prefix` + `local`. */
  private tagIs(prefix: string, local: string): boolean {
    const name = this.tagName;
    return name.length === prefix.length + local.length && name.endsWith(local) && name.startsWith(prefix);
  }

  /**
   * The rows and cells of `<sheetData>` (already opened), read into the sink, up to and including `</sheetData>`;
   * the position after it. Rows, cells and their children carry the prefix `<sheetData>` has, if any.
   */
  private sheetData(from: number, sink: SheetDataSink): number {
    const { bytes, open, handlers } = this;
    if (open.length + SHEET_DATA_DEPTH > MAX_DEPTH) throw UNSUPPORTED;
    const sheetDataName = open[open.length - 1];
    const prefix = sheetDataName.slice(0, sheetDataName.length - 'sheetData'.length);
    let at = from;
    for (;;) {
      let lt = this.nextTag(at);
      if (bytes[lt + 1] === SLASH) {
        at = this.endTag(lt, sheetDataName);
        open.pop();
        handlers.close('sheetData');
        return at;
      }
      this.tag(lt);
      if (!this.tagIs(prefix, 'row')) throw UNSUPPORTED;
      sink.startRow(this.valueAt(this.rAt));
      at = this.tagEnd;
      if (this.selfClosing) {
        sink.endRow();
        continue;
      }
      for (;;) {
        lt = this.nextTag(at);
        if (bytes[lt + 1] === SLASH) {
          at = this.endTag(lt, `${prefix}row`);
          sink.endRow();
          break;
        }
        if (prefix === '') {
          const end = this.plainCellEnd(lt);
          if (end > 0) {
            if (this.selfClosing) {
              sink.emptyCellAt(this.refRow, this.refCol);
              at = end;
            } else {
              sink.startCellAt(this.refRow, this.refCol, this.plainType, this.plainStyle);
              at = this.cellContent(end, prefix, sink);
              sink.endCell();
            }
            continue;
          }
        }
        this.tag(lt);
        if (!this.tagIs(prefix, 'c')) throw UNSUPPORTED;
        at = this.tagEnd;
        if (this.rAt >= 0 && this.readCellRef(this.rAt)) {
          if (this.selfClosing && this.isPlain(this.tAt) && this.isPlain(this.sAt)) {
            sink.emptyCellAt(this.refRow, this.refCol);
            continue;
          }
          const style = this.sAt < 0 ? 0 : this.smallIntegerAt(this.sAt);
          if (style >= 0) sink.startCellAt(this.refRow, this.refCol, this.valueAt(this.tAt), style);
          else sink.startCell(this.valueAt(this.rAt), this.valueAt(this.tAt), this.valueAt(this.sAt));
        } else sink.startCell(this.valueAt(this.rAt), this.valueAt(this.tAt), this.valueAt(this.sAt));
        if (!this.selfClosing) at = this.cellContent(at, prefix, sink);
        sink.endCell();
      }
    }
  }

  /**
   * The end of a cell's tag written exactly as `<c r="F4" s="7"/>`, `<c r="F4" s="7">` or `<c r="F4" s="7" t="s">`
   * at `lt` (nearly every cell of a workbook's sheets): its reference in `refRow` and `refCol`, its style and type in
   * `plainStyle` and `plainType`, `selfClosing` set; 0 for any other tag, which `tag` then reads. The bytes are
   * already known to be in the subset, and these shapes hold no reference and no repeated attribute: this is the
   * general path's answer, sooner.
   */
  private plainCellEnd(lt: number): number {
    const { bytes } = this;
    // `<c r="`
    if (bytes[lt + 1] !== 99 || bytes[lt + 2] !== SPACE || bytes[lt + 3] !== 114 || bytes[lt + 4] !== EQUALS) return 0;
    if (bytes[lt + 5] !== QUOTE) return 0;
    let at = lt + 6;
    let col = 0;
    for (let code = bytes[at]; code >= 65 && code <= 90; code = bytes[++at]) {
      col = col * 26 + (code - 64);
      if (col > EXCEL_MAX_COLUMN) return 0;
    }
    let row = 0;
    for (let code = bytes[at]; code >= 48 && code <= 57; code = bytes[++at]) {
      row = row * 10 + (code - 48);
      if (row > EXCEL_MAX_ROW) return 0;
    }
    if (col === 0 || row === 0) return 0;
    // `" s="` digits `"`
    if (bytes[at] !== QUOTE || bytes[at + 1] !== SPACE || bytes[at + 2] !== 115 || bytes[at + 3] !== EQUALS) return 0;
    if (bytes[at + 4] !== QUOTE) return 0;
    at += 5;
    const digits = at;
    let style = 0;
    for (let code = bytes[at]; code >= 48 && code <= 57 && at - digits < 9; code = bytes[++at]) {
      style = style * 10 + (code - 48);
    }
    if (at === digits || bytes[at] !== QUOTE) return 0;
    at++;
    // Then ` t="` up to four letters `"`, or nothing.
    let type: string | undefined;
    if (bytes[at] === SPACE && bytes[at + 1] === 116 && bytes[at + 2] === EQUALS && bytes[at + 3] === QUOTE) {
      const from = at + 4;
      at = from;
      while (at - from < SHORT_TEXT_BYTES && bytes[at] >= 97 && bytes[at] <= 122) at++;
      if (at === from || bytes[at] !== QUOTE) return 0;
      type = textOf(bytes, from, at);
      at++;
    }
    if (bytes[at] === GT) this.selfClosing = false;
    else if (bytes[at] === SLASH && bytes[at + 1] === GT) {
      this.selfClosing = true;
      at++;
    } else return 0;
    this.refRow = row;
    this.refCol = col;
    this.plainStyle = style;
    this.plainType = type;
    return at + 1;
  }

  /** A cell's `<v>`, `<f>` and `<is>`, up to and including `</c>`; the position after it. */
  private cellContent(from: number, prefix: string, sink: SheetDataSink): number {
    const { bytes, open, handlers } = this;
    let at = from;
    for (;;) {
      const lt = this.nextTag(at);
      if (bytes[lt + 1] === SLASH) return this.endTag(lt, `${prefix}c`);
      const plain = prefix === '' && bytes[lt + 2] === GT ? bytes[lt + 1] : 0;
      if (plain === 118 /* <v> */ || plain === 102 /* <f> */) {
        // Without attributes, as most are written: nothing for `tag` to read.
        this.tagName = plain === 118 ? 'v' : 'f';
        this.tAt = this.siAt = -1;
        this.selfClosing = false;
        this.tagEnd = lt + 3;
      } else this.tag(lt);
      if (this.tagIs(prefix, 'v')) {
        at = this.textRange(`${prefix}v`);
        const integer = this.canonicalInteger(this.textStart, this.textEnd);
        if (Number.isNaN(integer)) sink.cellValue(decodedText(this.bytes, this.textStart, this.textEnd, false));
        else sink.cellInteger(integer);
      } else if (this.tagIs(prefix, 'f')) {
        const kind = this.valueAt(this.tAt);
        const sharedIndex = this.valueAt(this.siAt);
        if (!sink.formulaTexts && kind === undefined) {
          at = this.textRange(`${prefix}f`);
          decodedText(this.bytes, this.textStart, this.textEnd, false, false);
          sink.cellFormulaBytes(this.bytes, this.textStart, this.textEnd);
        } else {
          at = this.textElement(`${prefix}f`);
          sink.cellFormula(this.elementText, kind, sharedIndex);
        }
      } else if (this.tagIs(prefix, 'is')) {
        // Rare in a workbook: the inline string's elements go through the events, as everywhere else.
        open.push(this.tagName);
        handlers.open('is', this.attributes());
        this.unlisted = 2;
        at = this.selfClosing ? this.closeSelf() : this.content(this.tagEnd, open.length - 1);
        this.unlisted = 0;
      } else throw UNSUPPORTED;
    }
  }

  private closeSelf(): number {
    const name = this.open.pop()!;
    this.handlers.close(localName(name));
    return this.tagEnd;
  }

  /** The text of the current tag (`<v>`, `<f>`), which holds no element; the position after its end tag. */
  private textElement(name: string): number {
    const end = this.textRange(name);
    this.elementText = decodedText(this.bytes, this.textStart, this.textEnd, false);
    return end;
  }

  /** Where the text of the current tag (holding no element) starts and ends; the position after its end tag. */
  private textRange(name: string): number {
    const start = this.tagEnd;
    this.textStart = start;
    if (this.selfClosing) {
      this.textEnd = start;
      return start;
    }
    const lt = this.bytes.indexOf(LT, start);
    if (lt < 0 || this.bytes[lt + 1] !== SLASH) throw UNSUPPORTED;
    this.textEnd = lt;
    return this.endTag(lt, name);
  }

  /**
   * The integer the bytes write as `String` would (an optional `-`, digits without a leading zero, at most 15 so
   * that it is exact; not `-0`), NaN for any other text: most values of a sheet are such, and no text is made.
   */
  private canonicalInteger(from: number, to: number): number {
    const { bytes } = this;
    const negative = bytes[from] === 45; /* - */
    const start = negative ? from + 1 : from;
    const digits = to - start;
    if (digits < 1 || digits > 15 || (bytes[start] === 48 /* 0 */ && (digits > 1 || negative))) return NaN;
    let value = 0;
    for (let at = start; at < to; at++) {
      const code = bytes[at] - 48;
      if (code < 0 || code > 9) return NaN;
      value = value * 10 + code;
    }
    return negative ? -value : value;
  }

  /** Whether the attribute at `index` is absent or holds no reference (its bytes are its text). */
  private isPlain(index: number): boolean {
    if (index < 0) return true;
    const { bytes } = this;
    for (let at = this.valueStarts[index]; at < this.valueEnds[index]; at++) if (bytes[at] === AMPERSAND) return false;
    return true;
  }

  /** The attribute at `index` read as a whole number of up to 9 digits (a style index), -1 when it is not one. */
  private smallIntegerAt(index: number): number {
    const { bytes } = this;
    const [from, to] = [this.valueStarts[index], this.valueEnds[index]];
    if (to === from || to - from > 9) return -1;
    let value = 0;
    for (let at = from; at < to; at++) {
      const code = bytes[at] - 48;
      if (code < 0 || code > 9) return -1;
      value = value * 10 + code;
    }
    return value;
  }
}
