/**
 * Inflates one zip entry chunk by chunk with fflate, counting every byte produced: the entry stops as soon as it
 * passes its declared size (a header that lies) or the reader's limits (a zip bomb), whatever the headers say.
 */
import { Inflate, inflateSync } from 'fflate';
import type { XlsxReadLimits } from './limits';
import { EnoughRead, fail, XlsxReadFailure } from './read-error';
import { LOCAL_FILE_HEADER, u16, u32, type ZipEntry } from './zip-directory';

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one push yields ≤ 9 MB. */
const INPUT_CHUNK_BYTES = 8 * 1024;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 1;

/** What the parts read so far have cost, shared by every part of one read. */
export interface InflateBudget {
  limits: XlsxReadLimits;
  declaredBytes: number;
  inflatedBytes: number;
}

export function newInflateBudget(limits: XlsxReadLimits): InflateBudget {
  return { limits, declaredBytes: 0, inflatedBytes: 0 };
}

/** The entry's bytes as stored (compressed), after its local header. */
export function compressedDataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) fail('truncated', { part: entry.name });
  if (u32(bytes, at) !== LOCAL_FILE_HEADER) fail('damaged', { part: entry.name });
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail('truncated', { part: entry.name });
  return bytes.subarray(start, end);
}

/** Feeds the entry's inflated bytes to `onChunk`, in order. */
export function streamZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Uint8Array) => void,
): void {
  const part = entry.name;
  const { limits } = budget;
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) fail('encrypted', { part });
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    fail('unsupported-compression', { part, method: entry.method });
  }
  budget.declaredBytes += entry.declaredSize;
  if (entry.declaredSize > limits.maxPartBytes || budget.declaredBytes > limits.maxTotalUncompressedBytes) {
    fail('zip-bomb', { part });
  }
  const data = compressedDataOf(bytes, entry);

  let produced = 0;
  const count = (chunk: Uint8Array): void => {
    produced += chunk.length;
    budget.inflatedBytes += chunk.length;
    // The declared size is itself within the limits (checked above), so this also bounds the expansion.
    if (produced > entry.declaredSize) fail('zip-bomb', { part });
    if (chunk.length > 0) onChunk(chunk);
  };

  if (entry.method === METHOD_STORED) {
    for (let at = 0; at < data.length; at += INPUT_CHUNK_BYTES) count(data.subarray(at, at + INPUT_CHUNK_BYTES));
  } else {
    const inflater = new Inflate((chunk) => count(chunk));
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length; at += INPUT_CHUNK_BYTES) {
        inflater.push(data.subarray(at, at + INPUT_CHUNK_BYTES), at + INPUT_CHUNK_BYTES >= data.length);
      }
    } catch (error) {
      if (error instanceof XlsxReadFailure || error instanceof EnoughRead) throw error;
      // fflate's code 0 is "unexpected EOF": the deflate stream stops before its end.
      const code = (error as { code?: number }).code;
      fail(code === 0 ? 'truncated' : 'damaged', { part });
    }
  }
  if (produced !== entry.declaredSize) fail('damaged', { part, detail: 'size' });
}

/**
 * Inflating in one call, into a buffer one byte larger than declared, is much cheaper than by chunks (no copies
 * of fflate's window, no garbage): done for parts whose compressed data is small enough that even a hostile
 * stream costs little (deflate expands at most ~1032×: 64 KB give at most 66 MB of work, written nowhere past
 * the buffer). Anything unusual — another method, sizes that do not agree, a stream that fails — gives null,
 * and the part is inflated by `streamZipEntry`, which reports it as it always did; the budget is charged only on
 * success.
 */
const WHOLE_MAX_COMPRESSED_BYTES = 64 * 1024;
const DEFLATE_MAX_RATIO = 1032;

/**
 * Inflates a raw deflate stream whole into at most `maxBytes` bytes; throws when the stream is damaged, cut or
 * gives more. fflate's by default; the command line sets Node's zlib (src/cli/node-inflater.ts), native and about
 * three times faster on a workbook's sheets. Only a success counts: whatever fails goes to `streamZipEntry`, fflate's
 * chunk by chunk, which names the failure — so that the inflater changes the time of a read, never its outcome.
 */
export type RawInflater = (data: Uint8Array, maxBytes: number) => Uint8Array;

const fflateInflater: RawInflater = (data, maxBytes) => inflateSync(data, { out: new Uint8Array(maxBytes) });
let rawInflater = fflateInflater;

/** Sets the inflater of whole parts; null sets fflate's again. */
export function setRawInflater(inflater: RawInflater | null): void {
  rawInflater = inflater ?? fflateInflater;
}

export function inflateWhole(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array | null {
  const { limits } = budget;
  if (entry.method !== METHOD_DEFLATE || (entry.flags & FLAG_ENCRYPTED) !== 0) return null;
  if (entry.compressedSize > WHOLE_MAX_COMPRESSED_BYTES) return null;
  if (entry.declaredSize > DEFLATE_MAX_RATIO * entry.compressedSize + 1024) return null;
  const declared = budget.declaredBytes + entry.declaredSize;
  if (entry.declaredSize > limits.maxPartBytes || declared > limits.maxTotalUncompressedBytes) return null;
  let inflated: Uint8Array;
  try {
    inflated = rawInflater(compressedDataOf(bytes, entry), entry.declaredSize + 1);
  } catch {
    return null;
  }
  // One byte more than declared: the stream goes on past its declared size.
  if (inflated.length !== entry.declaredSize) return null;
  budget.declaredBytes = declared;
  budget.inflatedBytes += inflated.length;
  return inflated;
}
