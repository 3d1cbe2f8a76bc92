/**
 * A cell's content as SpreadsheetML: a text inline (`t="inlineStr"`, so that the shared strings part is left
 * alone), a number, a boolean, or a formula with its cached result (`t="str"` for a text result, `t="b"` for a
 * boolean). The cell element keeps its other attributes (`r`, its style `s`).
 */
import type { Element } from '@xmldom/xmldom';
import type { CellContent } from '../../layout/workbook-spec';
import { encodeOoxmlEscapes } from '../reader/text-escapes';
import { createLike, removeChildren, XML_NS } from './xml-dom';

/** Attributes that describe the old value (its type, rich value or dynamic-array metadata). */
const VALUE_ATTRIBUTES = ['t', 'cm', 'vm'];

function appendText(parent: Element, local: string, text: string): Element {
  const element = createLike(parent, local);
  element.appendChild(parent.ownerDocument!.createTextNode(text));
  parent.appendChild(element);
  return element;
}

function setScalar(cell: Element, value: string | number | boolean): void {
  if (typeof value === 'string') {
    cell.setAttribute('t', 'inlineStr');
    const inline = createLike(cell, 'is');
    cell.appendChild(inline);
    const text = appendText(inline, 't', encodeOoxmlEscapes(value));
    if (/^\s|\s$|\n/.test(value)) text.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  } else if (typeof value === 'boolean') {
    cell.setAttribute('t', 'b');
    appendText(cell, 'v', value ? '1' : '0');
  } else if (Number.isFinite(value)) appendText(cell, 'v', String(value));
  else setScalar(cell, String(value));
}

/** Replaces what the cell holds by `content` (null: empty, its format kept). */
export function setCellContent(cell: Element, content: CellContent): void {
  removeChildren(cell);
  for (const name of VALUE_ATTRIBUTES) cell.removeAttribute(name);
  if (content === null || content === '') return;
  if (typeof content !== 'object') {
    setScalar(cell, content);
    return;
  }
  appendText(cell, 'f', content.formula);
  const result = content.result;
  if (result === null) return;
  if (typeof result === 'string') cell.setAttribute('t', 'str');
  else if (typeof result === 'boolean') cell.setAttribute('t', 'b');
  const shown = typeof result === 'boolean' ? (result ? '1' : '0') : String(result);
  appendText(cell, 'v', typeof result === 'string' ? encodeOoxmlEscapes(shown) : shown);
}
