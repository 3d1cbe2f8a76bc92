/**
 * The DOM of one XML part of a package, to change a few elements and write the rest back as it was (attributes,
 * namespaces, `mc:Ignorable` extensions, unknown elements). @xmldom/xmldom runs in node and in a browser alike.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';

export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function parsePart(bytes: Uint8Array): Document {
  return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');
}

export function serializePart(document: Document): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(new XMLSerializer().serializeToString(document));
}

/** The element children of `parent` named `local` in SpreadsheetML (any prefix). */
export function childrenNamed(parent: Element, local: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === local) found.push(node as Element);
  }
  return found;
}

export function firstChildNamed(parent: Element, local: string): Element | null {
  return childrenNamed(parent, local)[0] ?? null;
}

/** A new element in the same namespace and with the same prefix as `like` (some writers prefix SpreadsheetML). */
export function createLike(like: Element, local: string): Element {
  const document = like.ownerDocument!;
  const qualified = like.prefix ? `${like.prefix}:${local}` : local;
  return document.createElementNS(like.namespaceURI ?? SPREADSHEET_NS, qualified);
}

export function removeChildren(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
