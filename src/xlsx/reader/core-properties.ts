/**
 * `docProps/core.xml`: when the file was last saved, as the application that saved it recorded it
 * (`dcterms:modified`). Excel and LibreOffice write it on every save; a consolidation uses it only to tell apart two
 * copies of a territory whose own dates are the same.
 */
import { XlsxReadFailure } from './read-error';
import { relationshipOfKind, type Relationship } from './relationships';
import { findPart, parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';

const DEFAULT_CORE_PART = 'docProps/core.xml';

/** A real core properties part is a few hundred bytes: a larger one is not inflated. */
const MAX_CORE_PROPERTIES_BYTES = 64 * 1024;

/** A W3CDTF instant as Office writes it: `2026-12-03T10:15:00Z`, seconds and fraction optional, or an offset. */
const W3CDTF_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** No time zone is further than 14 hours from UTC. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** The years a save date is believed in. */
const YEARS = { first: 1990, last: 2100 };

/**
 * The instant in UTC to the second (`2026-12-03T10:15:00Z`); null when the text is no valid instant (a 31 February,
 * an hour 25, an offset past 14 hours) or its year is not believable.
 */
export function savedInstant(text: string): string | null {
  const match = W3CDTF_INSTANT.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second;
  if (!valid || year < YEARS.first || year > YEARS.last) return null;
  const [offsetHours, offsetRest] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  if (offsetRest > 59 || offsetHours * 60 + offsetRest > MAX_OFFSET_MINUTES) return null;
  const offsetMinutes = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  return `${new Date(local.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 19)}Z`;
}

function modifiedReader(): XmlHandlers & { modified: string | null } {
  let depth = 0;
  let inModified = false;
  let text = '';
  return {
    modified: null,
    open(name) {
      depth += 1;
      // `dcterms:modified`, a child of the root; its prefix is the file's choice.
      inModified = depth === 2 && name === 'modified';
      text = '';
    },
    close(name) {
      if (inModified && name === 'modified' && this.modified === null) this.modified = text;
      inModified = false;
      depth -= 1;
    },
    text(chunk) {
      if (inModified) text += chunk;
    },
  };
}

/**
 * When the file was last saved (an ISO instant in UTC), from the part the package's relationships name as its core
 * properties, else (none named, or missing) `docProps/core.xml`; null when there is none, or it is damaged, too
 * large or holds no valid date. Never fails the read: the date only breaks ties, so losing it never loses the file.
 */
export function readSavedAt(source: PackageSource, packageRelationships: Map<string, Relationship>): string | null {
  const named = relationshipOfKind(packageRelationships, 'core-properties');
  const entry = (named && findPart(source, named.target)) ?? findPart(source, DEFAULT_CORE_PART);
  if (!entry || entry.declaredSize > MAX_CORE_PROPERTIES_BYTES) return null;
  try {
    const { modified } = parseXmlPart(source, entry, modifiedReader);
    return modified === null ? null : savedInstant(modified);
  } catch (error) {
    if (error instanceof XlsxReadFailure) return null;
    throw error;
  }
}
