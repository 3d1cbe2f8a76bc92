import { quoteSheetName } from './a1';

/** An unquoted sheet name and its `!`, matched where the scan stands (sticky: no copy of the formula's tail). */
const BARE_SHEET_REFERENCE = /[\p{L}_][\p{L}\p{N}_.]*!/uy;
/** A character a bare reference cannot follow: it would be the middle of a word (or of `$A$1`). */
const NAME_CHARACTER = /[\p{L}\p{N}_.$]/u;

/**
 * Rewrites the sheet references of a formula after a rename, as Excel does (`='Axe 1'!A1` follows the sheet to its
 * new name). String literals are left alone. Case-insensitive, like Excel's sheet names.
 */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  // A rename rewrites every formula of the workbook: most hold no reference to the old name (bare, or quoted with
  // its apostrophes doubled), and are left as they are without being scanned. A reference ends in `!`; a plain
  // name is looked for without lowercasing the formula (a copy of every formula, each time).
  if (!formula.includes('!') || !mayMention(formula, oldName)) return formula;
  const oldLower = oldName.toLowerCase();
  const lower = formula.toLowerCase();
  if (!lower.includes(oldLower) && !lower.includes(oldLower.replace(/'/g, "''"))) return formula;
  const replacement = `${quoteSheetName(newName)}!`;
  // The text between references is copied in slices, not a character at a time; a bare name is looked for only
  // where one can start (not inside a word), which is where the character before is no part of a name.
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i = endOfString(formula, i);
      continue;
    }
    if (ch === "'") {
      const end = endOfQuotedName(formula, i);
      const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      if (formula[end] === '!' && name.toLowerCase() === oldLower) {
        // The fake keeps a formula as written: a quoted reference stays quoted (Excel may drop quotes not needed).
        out += `${formula.slice(copied, i)}'${newName.replace(/'/g, "''")}'!`;
        i = end + 1;
        copied = i;
        continue;
      }
      i = end;
      continue;
    }
    if (i === 0 || !NAME_CHARACTER.test(formula[i - 1])) {
      BARE_SHEET_REFERENCE.lastIndex = i;
      const bare = BARE_SHEET_REFERENCE.exec(formula);
      if (bare) {
        if (bare[0].slice(0, -1).toLowerCase() === oldLower) {
          out += formula.slice(copied, i) + replacement;
          copied = i + bare[0].length;
        }
        i += bare[0].length;
        continue;
      }
    }
    i++;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/**
 * A formula as Excel gives it back (`Range.formulas`): Excel keeps a formula parsed, not as typed, and writes a sheet's
 * name in quotes only where its name needs them (`='Paramètres'!B9` reads back `=Paramètres!B9`, `'Axe 1'!A1` stays
 * quoted: the rule of `quoteSheetName`). String literals are left alone.
 */
export function asExcelQuotes(formula: string): string {
  if (!formula.includes("'")) return formula;
  // Every cell's formula goes through here at every read: the text between quoted names is copied in slices, not
  // a character at a time, and a formula whose names keep their quotes is given back as it is.
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    const code = formula.charCodeAt(i);
    if (code !== DOUBLE_QUOTE && code !== APOSTROPHE) {
      i++;
      continue;
    }
    const end = code === DOUBLE_QUOTE ? endOfString(formula, i) : endOfQuotedName(formula, i);
    if (code === APOSTROPHE && formula[end] === '!') {
      const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      const written = name.includes('[') ? null : quoteSheetName(name);
      if (written !== null && written !== formula.slice(i, end)) {
        out += formula.slice(copied, i) + written;
        copied = end;
      }
    }
    i = end;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

const DOUBLE_QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * A character of an unquoted sheet's name, or of the word before an error's `!` (`#REF!`): HyperFormula, whose
 * grammar stands for Excel's, takes every character from U+00C0 to U+02AF in a bare name, `×` and `÷` included.
 */
const WORD_CHARACTER = /[\p{L}\p{N}_.\u00D7\u00F7]/u;

/**
 * The sheets a formula refers to, by their names in lower case (each `Name!` and `'Name'!` outside its strings), or
 * null when it may refer to sheets in a way not read here: a `!` after anything but a sheet's name or an error
 * (`#REF!`), or a bracket outside strings and quoted names (another workbook's `[Livre.xlsx]Feuil1!A1`, a table's
 * column). Over-reading is harmless (sheet-groups.ts then evaluates more sheets together), missing one is not.
 */
export function referencedSheets(formula: string): string[] | null {
  const sheets: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const code = formula.charCodeAt(i);
    if (code === DOUBLE_QUOTE) i = endOfString(formula, i);
    else if (code === APOSTROPHE) {
      const end = endOfQuotedName(formula, i);
      if (formula[end] === '!')
        sheets.push(
          formula
            .slice(i + 1, end - 1)
            .replace(/''/g, "'")
            .toLowerCase(),
        );
      i = formula[end] === '!' ? end + 1 : end;
    } else if (code === EXCLAMATION) {
      let start = i;
      while (start > 0 && WORD_CHARACTER.test(formula[start - 1])) start--;
      if (formula[start - 1] !== '#') {
        if (start === i) return null;
        sheets.push(formula.slice(start, i).toLowerCase());
      }
      i++;
    } else if (code === OPENING_BRACKET) return null;
    else i++;
  }
  return sheets;
}

const EXCLAMATION = 0x21;
const OPENING_BRACKET = 0x5b;

/**
 * A lowercase name of characters that nothing but themselves and their capital lowercases to: ASCII letters but `k`
 * (the Kelvin sign lowercases to it), digits, space, `-`, `_`, `.` (sheet-references.cases.ts checks it over every
 * code point).
 */
export const PLAIN_NAME = /^[a-jl-z0-9 _.-]*$/;

let lastName: string | undefined;
let lastNeedle: RegExp | null = null;

/**
 * False only when the formula cannot hold the name in any case: for a name of plain characters, any text lowercasing
 * to it is the name in some mix of capitals, which a case-insensitive search finds. True for any other name.
 */
function mayMention(formula: string, name: string): boolean {
  if (name !== lastName) {
    const lower = name.toLowerCase();
    lastName = name;
    lastNeedle = PLAIN_NAME.test(lower) ? new RegExp(lower.replace(/\./g, '\\.'), 'i') : null;
  }
  return lastNeedle === null || lastNeedle.test(formula);
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function endOfQuotedName(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
