// French typography of the words users read: curly apostrophes, a non-breaking space before « : ; ? ! % » and
// inside « », quarter labels that a narrow pane cannot break. Used by the typography tests of each text module.
import * as fs from 'fs';
import * as ts from 'typescript';

/** The text of every string literal and template part of a source file, with its line. */
export function wordsOf(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node))
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What is wrong in a French text, by rule; empty when nothing is. */
export function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  if (/\p{L}'\p{L}/u.test(text)) faults.push('straight apostrophe');
  if (/[ \t]+[:;?!%»]/.test(text)) faults.push('breaking space before « : ; ? ! % » »');
  if (/«[ \t]/.test(text)) faults.push('breaking space after «');
  if (/\b\d{4}-T[1-4]\b/.test(text)) faults.push('quarter label with a breaking hyphen');
  return faults;
}
