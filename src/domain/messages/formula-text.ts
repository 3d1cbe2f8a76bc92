import type { MessageParams } from './types';

/**
 * Whether a text is a formula (« =10+2 », « +10+2 », « +SOMME(A1:A3) »): typed into a cell formatted as text, or
 * after an apostrophe, it is never computed, and its result is what belongs in the cell.
 */
export function isFormulaText(value: MessageParams[string]): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.startsWith('=') || isSignedFormula(text);
}

// The pieces of a formula, each tried at one position (sticky).
/** A number, either decimal mark, spaces between thousands. */
const NUMBER = /\d+(?:[\s.,]\d+)*/y;
/** A cell reference or a range of them (`A1`, `$B$2:C3`). */
const REFERENCE = /\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/y;
/**
 * A function's name, English or French (`SUM`, `SOMME.SI`, `ÉCARTYPE.STANDARD`, `LOG10`), its bracket right after: in
 * capitals, as Excel writes it. A word in small letters glued to a bracket (« -Atelier(2) ») is a remark's.
 */
const FUNCTION_NAME = /[\p{Lu}_][\p{Lu}\d._]*\(/uy;
/** A text in double quotes, a quote inside doubled (`">0"`). */
const STRING = /"(?:[^"]|"")*"/y;
const BINARY_OPERATOR = /\s*(?:<=|>=|<>|[-+*/^&=<>])\s*/y;
const SIGNS = /[-+\s]*/y;
const PERCENTS = /(?:\s*%)*/y;
const ARGUMENT_SEPARATOR = /\s*[;,]\s*/y;
const SPACES = /\s*/y;
/** What follows an argument left empty: a separator or the closing bracket. */
const EMPTY_ARGUMENT_END = [';', ',', ')'];
/** Brackets nested deeper are no one's formula: the text is then not read as one, rather than the stack overflowing. */
const MAX_DEPTH = 50;

/**
 * What Excel reads as a formula though it starts with « + » or « - », as Lotus 1-2-3 did (a number-keypad habit:
 * « +10+2 » becomes =+10+2): operands (numbers, references, function calls with their arguments, nested) joined by
 * operators, or a function call alone. A plain number (« -5 », « -10 % ») or a remark after a dash (« - 5 familles »,
 * « - Atelier (2 séances) ») is none.
 */
function isSignedFormula(text: string): boolean {
  if (!text.startsWith('+') && !text.startsWith('-')) return false;
  const reading = new FormulaReading(text);
  return reading.expression(0) && reading.at === text.length && reading.isComputation;
}

/** A formula read from its start: each step reads one piece at `at` and moves past it, or says it is not there. */
class FormulaReading {
  at = 0;
  /** Whether what was read computes something (an operator or a function call), not a number with a sign alone. */
  isComputation = false;

  constructor(private readonly text: string) {}

  /** Operands joined by binary operators. */
  expression(depth: number): boolean {
    if (depth > MAX_DEPTH || !this.operand(depth)) return false;
    while (this.take(BINARY_OPERATOR)) {
      this.isComputation = true;
      if (!this.operand(depth)) return false;
    }
    return true;
  }

  /** Signs, then a number, a reference, a text, a call or a bracketed expression, then percent signs. */
  private operand(depth: number): boolean {
    this.take(SIGNS);
    const read =
      this.call(depth) ||
      this.take(NUMBER) ||
      this.take(REFERENCE) ||
      this.take(STRING) ||
      (this.takeText('(') && this.inBrackets(depth));
    if (read) this.take(PERCENTS);
    return read;
  }

  /**
   * `NAME(argument; argument…)`, an argument possibly empty (`MAINTENANT()`, `SI(A1;;0)`). When it is none, reading
   * goes back to where it started, for the other operands to be tried there, not in the middle of the call.
   */
  private call(depth: number): boolean {
    const start = this.at;
    if (this.callFrom(depth)) return true;
    this.at = start;
    return false;
  }

  private callFrom(depth: number): boolean {
    if (!this.take(FUNCTION_NAME)) return false;
    do {
      this.take(SPACES);
      if (!EMPTY_ARGUMENT_END.includes(this.text[this.at]) && !this.expression(depth + 1)) return false;
    } while (this.take(ARGUMENT_SEPARATOR));
    this.take(SPACES);
    if (!this.takeText(')')) return false;
    this.isComputation = true;
    return true;
  }

  /** What follows an opening bracket: an expression and its closing bracket. */
  private inBrackets(depth: number): boolean {
    this.take(SPACES);
    if (!this.expression(depth + 1)) return false;
    this.take(SPACES);
    return this.takeText(')');
  }

  /** Moves past what `pattern` matches at `at` (sticky); whether it matched something. */
  private take(pattern: RegExp): boolean {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (match === null || match[0] === '') return false;
    this.at += match[0].length;
    return true;
  }

  private takeText(text: string): boolean {
    if (!this.text.startsWith(text, this.at)) return false;
    this.at += text.length;
    return true;
  }
}
