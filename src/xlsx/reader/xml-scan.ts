/**
 * A direct scanner of the XML that spreadsheet writers produce: one pass over the part's whole text with `indexOf`,
 * giving the same events as saxes (element names without prefix, attributes and text with entities decoded) to the
 * same handlers. It understands a strict subset of XML 1.0 — elements, attributes, text, the five predefined
 * entities and character references, an XML declaration — and checks that subset is well-formed as it goes. On
 * anything else (a comment, CDATA, a DOCTYPE, a processing instruction, a carriage return, a character XML refuses
 * or that is outside the Basic Multilingual Plane, `]]>`, a non-ASCII name, unbalanced tags, a cut part…) it stops
 * and answers `false` before the handlers can have seen anything saxes would not have given them: the caller then
 * reads the part again with saxes, which decides (see xml-part.ts).
 */
import type { XmlAttributes, XmlHandlers } from './xml-part';

/** As in xml-part.ts: past these the part goes to saxes, which refuses it with the reader's own error. */
const MAX_DEPTH = 256;
const MAX_ATTRIBUTES = 256;

/**
 * What the scanner leaves to saxes, found in one native pass: characters XML 1.0 refuses (and carriage returns,
 * which XML turns into line feeds), any surrogate (characters outside the BMP, rare in a workbook) and `]]>`.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const OUTSIDE_SUBSET = /[\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;
const XML_DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;

/** Signals a construct outside the subset; caught by `scanXml` only. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9;
}

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 58) || code === 45 || code === 46; // digits and ':', '-', '.'
}

/** A character XML 1.0 allows (the surrogates were refused before scanning). */
function isXmlChar(code: number): boolean {
  return (
    code === 9 || code === 10 || code === 13 || (code >= 32 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd)
  );
}

/** Decodes `&…;` references; a reference that is not predefined or not a valid character is left to saxes. */
function decodeReferences(text: string, inAttribute: boolean): string {
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp >= 0) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon < 0) throw UNSUPPORTED;
    const name = text.slice(amp + 1, semicolon);
    let decoded: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      // A reference giving a tab or a line break inside an attribute is the one place XML keeps them: left to saxes.
      if (inAttribute) throw UNSUPPORTED;
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw UNSUPPORTED;
      const code = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) throw UNSUPPORTED;
      decoded = String.fromCharCode(code);
    } else {
      if (!Object.hasOwn(PREDEFINED, name)) throw UNSUPPORTED;
      decoded = PREDEFINED[name];
    }
    out += text.slice(from, amp) + decoded;
    from = semicolon + 1;
    amp = text.indexOf('&', from);
  }
  return from === 0 ? text : out + text.slice(from);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Scans `xml` (a whole part, decoded) into `handlers`; false when the part is outside the subset, in which case
 * the handlers may have seen a prefix of the events and must be thrown away. An error a handler throws (a limit,
 * a bad reference) passes through: saxes would have given the same events up to that point.
 */
export function scanXml(xml: string, handlers: XmlHandlers): boolean {
  if (OUTSIDE_SUBSET.test(xml)) return false;
  try {
    scan(xml, handlers);
    return true;
  } catch (error) {
    if (error === UNSUPPORTED) return false;
    throw error;
  }
}

function scan(xml: string, handlers: XmlHandlers): void {
  const length = xml.length;
  let at = 0;
  if (xml.startsWith('<?')) {
    const declaration = XML_DECLARATION.exec(xml);
    if (!declaration) throw UNSUPPORTED;
    at = declaration[0].length;
  }
  const open: string[] = [];
  let rootClosed = false;

  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) {
      // Outside the root only whitespace, which saxes gives as text too, except at the very start of the part.
      if (open.length === 0) for (let i = at; i < textEnd; i++) if (!isSpace(xml.charCodeAt(i))) throw UNSUPPORTED;
      const raw = xml.slice(at, textEnd);
      if (at > 0) handlers.text(raw.indexOf('&') < 0 ? raw : decodeReferences(raw, false));
    }
    if (lt < 0) break;

    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0 || open.length === 0) throw UNSUPPORTED;
      let nameEnd = gt;
      while (isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = xml.slice(lt + 2, nameEnd);
      if (name !== open[open.length - 1]) throw UNSUPPORTED;
      open.pop();
      if (open.length === 0) rootClosed = true;
      handlers.close(localName(name));
      at = gt + 1;
      continue;
    }
    if (!isNameStart(next) || rootClosed) throw UNSUPPORTED; // `<!`, `<?`, a second root…

    let i = lt + 2;
    while (i < length && isNameChar(xml.charCodeAt(i))) i++;
    const name = xml.slice(lt + 1, i);
    const attributes = Object.create(null) as XmlAttributes; // as saxes gives them
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const afterValue = i;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      const code = xml.charCodeAt(i);
      if (code === GT) {
        i++;
        break;
      }
      if (code === SLASH) {
        if (xml.charCodeAt(i + 1) !== GT) throw UNSUPPORTED;
        selfClosing = true;
        i += 2;
        break;
      }
      // An attribute: whitespace before it, a name, `=`, a quoted value.
      if (i === afterValue || !isNameStart(code)) throw UNSUPPORTED;
      const nameStart = i;
      while (i < length && isNameChar(xml.charCodeAt(i))) i++;
      const attribute = xml.slice(nameStart, i);
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS) throw UNSUPPORTED;
      i++;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw UNSUPPORTED;
      const end = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (end < 0) throw UNSUPPORTED;
      let value = xml.slice(i + 1, end);
      // `<` is refused in a value; tabs and line feeds are turned into spaces by XML: both left to saxes.
      for (let k = 0; k < value.length; k++) {
        const c = value.charCodeAt(k);
        if (c === LT || c === 9 || c === 10) throw UNSUPPORTED;
      }
      if (value.indexOf('&') >= 0) value = decodeReferences(value, true);
      if (++count > MAX_ATTRIBUTES || attribute === '__proto__' || Object.hasOwn(attributes, attribute)) {
        throw UNSUPPORTED;
      }
      attributes[attribute] = value;
      i = end + 1;
    }
    if (open.length >= MAX_DEPTH) throw UNSUPPORTED;
    const local = localName(name);
    if (local.length === 0) throw UNSUPPORTED;
    handlers.open(local, attributes);
    if (selfClosing) {
      handlers.close(local);
      if (open.length === 0) rootClosed = true;
    } else open.push(name);
    at = i;
  }
  if (open.length > 0 || !rootClosed) throw UNSUPPORTED;
}
