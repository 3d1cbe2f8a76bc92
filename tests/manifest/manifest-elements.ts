/** The manifest as a flat list of elements (local name, attributes, own text), read with a real XML parser. */
import * as fs from 'fs';
import { SaxesParser } from 'saxes';

export interface ManifestElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  /** Local names from the root down to this element. */
  path: string[];
}

export function readManifestElements(file: string): ManifestElement[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: ManifestElement[] = [];
  const open: ManifestElement[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      attributes[attribute.name] = attribute.value;
    }
    const element = { name: tag.local, attributes, text: '', path: [...open.map((e) => e.name), tag.local] };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length) open[open.length - 1].text += text.trim();
  });
  parser.on('closetag', () => open.pop());
  parser.write(fs.readFileSync(file, 'utf8')).close();
  return elements;
}

/** Every absolute URL the manifest gives: DefaultValue attributes and element texts (AppDomain). */
export function manifestUrls(elements: ManifestElement[]): string[] {
  return elements
    .flatMap((e) => [e.attributes.DefaultValue, e.text])
    .filter((value): value is string => typeof value === 'string' && /^https?:\/\//.test(value));
}
