/** A part's relationships (`_rels/*.rels`): which part a workbook's `r:id` or the package's main document is. */
import { normalisePartName } from './zip-directory';
import { findPart, parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';

export interface Relationship {
  type: string;
  /** The target part's name, resolved against the source part. */
  target: string;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself (``) → `_rels/.rels`. */
export function relationshipsPartName(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf('/');
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target: absolute (`/xl/worksheets/sheet1.xml`) or relative to the source's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray `%` is a literal character.
  }
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of decoded.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return normalisePartName(base.join('/'));
}

/** Relationships of `sourcePart` by id; an absent rels part gives none. External targets are left out. */
export function readRelationships(source: PackageSource, sourcePart: string): Map<string, Relationship> {
  const entry = findPart(source, relationshipsPartName(sourcePart));
  if (!entry) return new Map();
  return parseXmlPart(source, entry, () => relationshipsReader(sourcePart)).relationships;
}

function relationshipsReader(sourcePart: string): XmlHandlers & { relationships: Map<string, Relationship> } {
  const relationships = new Map<string, Relationship>();
  return {
    relationships,
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const { Id: id, Type: type, Target: target } = attributes;
      if (id && type && target && !relationships.has(id)) {
        relationships.set(id, { type, target: resolveTarget(sourcePart, target) });
      }
    },
    close() {},
    text() {},
  };
}

/** The first relationship whose type ends with `/<kind>` (transitional and strict OOXML URIs alike). */
export function relationshipOfKind(relationships: Map<string, Relationship>, kind: string): Relationship | undefined {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(`/${kind}`)) return relationship;
  }
  return undefined;
}
