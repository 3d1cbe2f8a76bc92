import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { spreadsheetsInZip, type ZipBytes } from '../../xlsx/reader';

/**
 * The most of a zip's central directory read (some 40 000 entries): an archive listing more is said nothing of, as
 * one whose directory cannot be read.
 */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

/** `length` bytes of the open file from `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
}

/**
 * The workbooks a .zip found in a folder lists (their names in it), from its end and its central directory only, so
 * that an archive of any size is told at once; null when it is no archive of files, or cannot be read.
 */
export function workbooksInZip(path: string): string[] | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const zip: ZipBytes = { size: fstatSync(fd).size, read: (position, length) => readAt(fd, position, length) };
    return spreadsheetsInZip(zip, MAX_DIRECTORY_BYTES);
  } catch {
    // A read that fails (a share gone meanwhile): nothing can be said of the archive.
    return null;
  } finally {
    closeSync(fd);
  }
}
