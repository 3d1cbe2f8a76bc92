/**
 * A message of the catalogue stands alone, a capital first. Printed after a label (the command line's « Usage
 * incorrect : », « Note : », a file's name, the pane's or a workbook's own), its sentence goes on after « : », where French writes a
 * lower-case letter — unless the message starts with a name: the sheet it is about (« Axe 1, cellule L12 : »), a
 * proper noun (« LibreOffice », « Excel »), a code (« G1-C2 », « CCMP »).
 */

/** Proper nouns written as a capital and lower-case letters, which no rule can tell from a sentence's first word. */
const PROPER_NOUNS = new Set(['Excel', 'Caf']);

/** A first word of a capital and lower-case letters only (« Le », « L’… », « En-tête »); not « LibreOffice », « G1 ». */
const SENTENCE_START = /^(\p{Lu})(\p{Ll}*)(?![\p{L}\d])/u;

/** `message` as it goes on after « : »; `sheet`, the sheet it may start with (an issue's), keeps its capital. */
export function afterColon(message: string, sheet: string | null = null): string {
  if (sheet && message.startsWith(sheet)) return message;
  const start = SENTENCE_START.exec(message);
  if (!start || PROPER_NOUNS.has(start[0])) return message;
  return start[1].toLowerCase() + message.slice(1);
}
