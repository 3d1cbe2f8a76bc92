/**
 * Streams one XML part of the package through saxes: inflated bytes → TextDecoder (streaming) → SAX events with
 * local element names (prefixes dropped: some writers prefix SpreadsheetML elements, `<x:c>`). Nothing of the
 * part is kept but what the handlers keep.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EnoughRead, fail, XlsxReadFailure } from './read-error';
import type { ZipDirectory, ZipEntry } from './zip-directory';
import { partText, type PartText } from './part-text';
import { scanXml, type ScanHandlers } from './xml-scan';
import { inflateWhole, streamZipEntry, type InflateBudget } from './zip-entry-stream';
import { concatenated } from '../bytes';

export type XmlAttributes = Record<string, string>;

/**
 * SpreadsheetML nests a dozen levels and puts a few attributes on an element; saxes keeps every open element
 * and every attribute of the element being read, so a file nesting a million levels or piling a million
 * attributes on one element would cost memory the part-size limit alone does not bound well.
 */
const MAX_XML_DEPTH = 256;
const MAX_ATTRIBUTES_PER_ELEMENT = 256;

export interface XmlHandlers {
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /** Character data (text and CDATA), entities already decoded. */
  text(text: string): void;
}

/** What one read shares between its parts: the file, its directory and what inflating has cost so far. */
export interface PackageSource {
  bytes: Uint8Array;
  directory: ZipDirectory;
  budget: InflateBudget;
}

export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

export function findPart(source: PackageSource, name: string): ZipEntry | undefined {
  return source.directory.entries.get(name.toLowerCase());
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="windows-1252"?>`), if any. */
function declaredEncoding(firstBytes: Uint8Array): string | null {
  const head = String.fromCharCode(...firstBytes.subarray(0, 200));
  return /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? null;
}

/**
 * A byte-order mark decides (UTF-16); otherwise the XML declaration's encoding, UTF-8 by default. Every OOXML
 * writer we know writes UTF-8; a few old ones declared and wrote Latin-1 or Windows-1252.
 */
function decoderFor(part: string, firstBytes: Uint8Array): TextDecoder {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  const encoding = declaredEncoding(firstBytes);
  if (encoding === null || /^utf-?(8|16)$/i.test(encoding)) return new TextDecoder('utf-8', { fatal: true });
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    return fail('invalid-xml', { part, detail: `encoding ${encoding}` });
  }
}

/**
 * Parts up to this size (as inflated) are held whole and scanned directly (xml-scan.ts); larger ones, which no
 * workbook of ours comes near, stream through saxes without being held.
 */
export const MAX_SCANNED_PART_BYTES = 16 * 1024 * 1024;

/** Off only in the tests and the bench that compare the direct scanner with saxes's path on the same files. */
export const xmlReading = { directScan: true };

/**
 * Reads one part into handlers made by `makeHandlers` and returns those that saw the whole part, or those that
 * threw `EnoughRead` (what they saw is all they need, and both paths give the same events up to it). The part is
 * inflated once; the direct scanner reads it when it can, else saxes reads the same bytes into fresh handlers
 * (the first ones are dropped with whatever they kept). Errors come in the order saxes meets them, a damaged
 * deflate stream after what its good bytes gave.
 */
export function parseXmlPart<Handlers extends ScanHandlers>(
  source: PackageSource,
  entry: ZipEntry,
  makeHandlers: () => Handlers,
): Handlers {
  let last: Handlers | undefined;
  try {
    return readPart(source, entry, () => (last = makeHandlers()));
  } catch (error) {
    if (error instanceof EnoughRead && last !== undefined) return last;
    throw error;
  }
}

function readPart<Handlers extends ScanHandlers>(
  source: PackageSource,
  entry: ZipEntry,
  makeHandlers: () => Handlers,
): Handlers {
  if (entry.declaredSize > MAX_SCANNED_PART_BYTES || !xmlReading.directScan) {
    const handlers = makeHandlers();
    parseXmlChunks(entry.name, (onChunk) => streamZipEntry(source.bytes, entry, source.budget, onChunk), handlers);
    return handlers;
  }
  const whole = inflateWhole(source.bytes, entry, source.budget);
  const chunks: Uint8Array[] = whole ? [whole] : [];
  let inflateFailure: XlsxReadFailure | null = null;
  if (!whole) {
    try {
      streamZipEntry(source.bytes, entry, source.budget, (chunk) => chunks.push(chunk));
    } catch (error) {
      if (!(error instanceof XlsxReadFailure)) throw error;
      inflateFailure = error;
    }
  }
  if (inflateFailure === null) {
    const handlers = makeHandlers();
    if (scanXml(wholeOf(chunks), handlers)) return handlers;
  }
  const handlers = makeHandlers();
  parseXmlChunks(
    entry.name,
    (onChunk) => {
      for (const chunk of chunks) onChunk(chunk);
      if (inflateFailure) throw inflateFailure;
    },
    handlers,
  );
  return handlers;
}

/** The part's bytes in one piece. */
function wholeOf(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0] : concatenated(chunks);
}

/** Saxes over the chunks `feed` produces, in order: the reader's path for what the scanner leaves. */
export function parseXmlChunks(
  part: string,
  feed: (onChunk: (chunk: Uint8Array) => void) => void,
  handlers: XmlHandlers,
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let sawRoot = false;
  parser.on('error', (error) => {
    throw new XlsxReadFailure('invalid-xml', { part, detail: error.message });
  });
  let attributes = 0;
  parser.on('opentagstart', () => {
    attributes = 0;
  });
  parser.on('attribute', () => {
    if (++attributes > MAX_ATTRIBUTES_PER_ELEMENT) fail('invalid-xml', { part, detail: 'attributes' });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_XML_DEPTH) fail('invalid-xml', { part, detail: 'depth' });
    sawRoot = true;
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));

  let text: PartText | undefined;
  const write = (decoded: string) => void parser.write(decoded);
  feed((chunk) => {
    text ??= partText(decoderFor(part, chunk), () => fail('invalid-xml', { part, detail: 'encoding' }));
    text.next(chunk, write);
  });
  text?.end(write);
  // A part whose root element never closes was cut in the middle, whatever the zip says.
  if (!sawRoot || depth > 0) fail(sawRoot ? 'truncated' : 'invalid-xml', { part });
  parser.close();
}
