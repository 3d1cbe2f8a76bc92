/**
 * The central directory of a zip: where each part is and how it claims to be stored. Read by hand because
 * fflate's `unzipSync` allocates each entry's output from its *declared* size and inflates it whole, which a
 * hostile file turns into a huge allocation or an unchecked expansion; the inflating itself is fflate's
 * (see zip-entry-stream.ts), chunk by chunk, with the bytes counted.
 */
import { notAPackageKind } from './not-a-package';
import { fail } from './read-error';

export interface ZipEntry {
  /** The part name as stored, with `\` turned into `/` and no leading `/`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the central directory claims; checked while inflating, never trusted. */
  declaredSize: number;
  localHeaderOffset: number;
  /** The CRC-32 of the uncompressed bytes, as the central directory records it. */
  crc32: number;
}

export interface ZipDirectory {
  /** Entries by lower-cased part name (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
export const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_ZIP_COMMENT = 65_535;
const UINT32_MAX = 0xffffffff;

export const u16 = (bytes: Uint8Array, at: number): number => bytes[at] | (bytes[at + 1] << 8);
export const u32 = (bytes: Uint8Array, at: number): number =>
  (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
const u64 = (bytes: Uint8Array, at: number): number => u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;

const nameDecoder = new TextDecoder('utf-8');

export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_ZIP_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** Reads the central directory; a file that is not a zip, or a cut or inconsistent one, is an error value. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const startsLikeZip = bytes.length >= 4 && u32(bytes, 0) === LOCAL_FILE_HEADER;
  const end = bytes.length >= 22 ? findEndOfCentralDirectory(bytes) : -1;
  if (end < 0) {
    const found = startsLikeZip ? null : notAPackageKind(bytes);
    fail(startsLikeZip ? 'truncated' : 'not-xlsx', found ? { found } : {});
  }

  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_END_LOCATOR) {
    const zip64End = u64(bytes, locator + 8);
    if (zip64End + 56 > bytes.length || u32(bytes, zip64End) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
      fail('damaged', { detail: 'zip64' });
    }
    count = u64(bytes, zip64End + 32);
    size = u64(bytes, zip64End + 40);
    offset = u64(bytes, zip64End + 48);
  }
  if (offset + size > bytes.length) fail(startsLikeZip ? 'truncated' : 'not-xlsx');

  const entries = new Map<string, ZipEntry>();
  let at = offset;
  const directoryEnd = offset + size;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(bytes, at) !== CENTRAL_DIRECTORY_HEADER) fail('damaged', { detail: 'directory' });
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) fail('damaged', { detail: 'directory' });
    const entry: ZipEntry = {
      name: normalisePartName(nameDecoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
      crc32: u32(bytes, at + 16),
    };
    applyZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
    const key = entry.name.toLowerCase();
    if (!entries.has(key)) entries.set(key, entry);
    at = next;
  }
  return { entries };
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order, only when maxed out. */
function applyZip64Extra(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  const needed = [entry.declaredSize, entry.compressedSize, entry.localHeaderOffset].some((v) => v === UINT32_MAX);
  if (!needed) return;
  for (let at = start; at + 4 <= start + length; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 1) continue;
    let field = at + 4;
    const fieldEnd = field + u16(bytes, at + 2);
    const take = (): number => {
      if (field + 8 > fieldEnd) fail('damaged', { detail: 'zip64' });
      const value = u64(bytes, field);
      field += 8;
      return value;
    };
    if (entry.declaredSize === UINT32_MAX) entry.declaredSize = take();
    if (entry.compressedSize === UINT32_MAX) entry.compressedSize = take();
    if (entry.localHeaderOffset === UINT32_MAX) entry.localHeaderOffset = take();
    return;
  }
  fail('damaged', { detail: 'zip64' });
}
