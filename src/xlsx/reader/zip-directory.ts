/**
 * The central directory of a zip: where each part is and how it claims to be stored. Read by hand because
 * fflate's `unzipSync` allocates each entry's output from its *declared* size and inflates it whole, which a
 * hostile file turns into a huge allocation or an unchecked expansion; the inflating itself is fflate's
 * (see zip-entry-stream.ts), chunk by chunk, with the bytes counted.
 */
import { notAPackageKind, SNIFFED_BYTES } from './not-a-package';
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

/**
 * A zip's bytes by position: the whole file in memory, or a file on disk read piece by piece, so that the central
 * directory of an archive found in a folder is read without the archive being loaded (`zipDirectoryOf`).
 */
export interface ZipBytes {
  size: number;
  read(position: number, length: number): Uint8Array;
}

const inMemory = (bytes: Uint8Array): ZipBytes => ({
  size: bytes.length,
  read: (position, length) => bytes.subarray(position, position + length),
});

function findEndOfCentralDirectory(zip: ZipBytes): number {
  const lowest = Math.max(0, zip.size - 22 - MAX_ZIP_COMMENT);
  const tail = zip.read(lowest, zip.size - lowest);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail[at] === 0x50 && tail[at + 1] === 0x4b && u32(tail, at) === END_OF_CENTRAL_DIRECTORY) return lowest + at;
  }
  return -1;
}

/** Reads the central directory; a file that is not a zip, or a cut or inconsistent one, is an error value. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  return zipDirectoryOf(inMemory(bytes));
}

/**
 * The central directory of `zip`, reading only its end and the directory itself (`maxDirectoryBytes`: a larger
 * directory is `too-large`, not read); errors as `readZipDirectory`'s.
 */
export function zipDirectoryOf(zip: ZipBytes, maxDirectoryBytes = Number.POSITIVE_INFINITY): ZipDirectory {
  const head = zip.read(0, Math.min(zip.size, SNIFFED_BYTES));
  const startsLikeZip = head.length >= 4 && u32(head, 0) === LOCAL_FILE_HEADER;
  const end = zip.size >= 22 ? findEndOfCentralDirectory(zip) : -1;
  if (end < 0) {
    const found = startsLikeZip ? null : notAPackageKind(head);
    fail(startsLikeZip ? 'truncated' : 'not-xlsx', found ? { found } : {});
  }

  const record = zip.read(end, 22);
  let count = u16(record, 10);
  let size = u32(record, 12);
  let offset = u32(record, 16);
  const locator = end - 20;
  if (locator >= 0 && u32(zip.read(locator, 20), 0) === ZIP64_END_LOCATOR) {
    const zip64End = u64(zip.read(locator, 20), 8);
    const zip64Record = zip64End + 56 > zip.size ? null : zip.read(zip64End, 56);
    if (zip64Record === null || u32(zip64Record, 0) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
      fail('damaged', { detail: 'zip64' });
    }
    count = u64(zip64Record, 32);
    size = u64(zip64Record, 40);
    offset = u64(zip64Record, 48);
  }
  if (offset + size > zip.size) fail(startsLikeZip ? 'truncated' : 'not-xlsx');
  if (size > maxDirectoryBytes) fail('too-large');
  return { entries: directoryEntries(zip.read(offset, size), count) };
}

/** The entries of a central directory's bytes (`directory`, from its first header), `count` of them. */
function directoryEntries(directory: Uint8Array, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  const directoryEnd = directory.length;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(directory, at) !== CENTRAL_DIRECTORY_HEADER)
      fail('damaged', { detail: 'directory' });
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) fail('damaged', { detail: 'directory' });
    const entry: ZipEntry = {
      name: normalisePartName(nameDecoder.decode(directory.subarray(at + 46, at + 46 + nameLength))),
      flags: u16(directory, at + 8),
      method: u16(directory, at + 10),
      compressedSize: u32(directory, at + 20),
      declaredSize: u32(directory, at + 24),
      localHeaderOffset: u32(directory, at + 42),
      crc32: u32(directory, at + 16),
    };
    applyZip64Extra(directory, at + 46 + nameLength, extraLength, entry);
    const key = entry.name.toLowerCase();
    if (!entries.has(key)) entries.set(key, entry);
    at = next;
  }
  return entries;
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
