import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { zipContents, type ZipBytes, type ZipContents } from '../../xlsx/reader';

/**
 * The most of a zip's central directory read, in megabytes (some 40 000 entries): an archive listing more is left
 * out (`too-large`), its listing not read.
 */
export const MAX_DIRECTORY_MEGABYTES = 4;
const MAX_DIRECTORY_BYTES = MAX_DIRECTORY_MEGABYTES * 1024 * 1024;

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
 * What a .zip found in a folder lists (zip-archive.ts, `zipContents`), from its end and its central directory only,
 * so that an archive of any size is told at once; or the system's code when the file itself cannot be read (no right
 * to it, a share gone meanwhile).
 */
export type ZipFound = ZipContents | { kind: 'file-unreadable'; systemCode: string | undefined };

export function zipFound(path: string): ZipFound {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { kind: 'file-unreadable', systemCode: (error as NodeJS.ErrnoException).code };
  }
  try {
    const zip: ZipBytes = { size: fstatSync(fd).size, read: (position, length) => readAt(fd, position, length) };
    return zipContents(zip, MAX_DIRECTORY_BYTES);
  } catch (error) {
    return { kind: 'file-unreadable', systemCode: (error as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}
