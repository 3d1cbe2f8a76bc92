import type { XlsxReadError } from './read-error';
import { archiveContentsOfZip } from './zip-archive';
import type { ZipBytes } from './zip-directory';

/** How much of a file too large to be read is read from its end: a zip directory of thousands of workbooks fits. */
export const ARCHIVE_TAIL_BYTES = 4 * 1024 * 1024;

/**
 * A file too large to be read as a workbook may be a zip archive of many territories' workbooks, to be told to be
 * extracted as a smaller one is (zip-archive.ts), not to be made smaller. A zip keeps its directory at its end:
 * `tail` is the file's last bytes (at most ARCHIVE_TAIL_BYTES), `fileSize` its whole size. The reader's error for
 * such an archive, or null: a workbook, a zip whose directory is not all in `tail`, anything else.
 */
export function archiveOfTail(tail: Uint8Array, fileSize: number): XlsxReadError | null {
  const offset = fileSize - tail.length;
  // Only the tail is at hand: bytes before it read as none, so a directory starting before it is no archive here.
  const zip: ZipBytes = {
    size: fileSize,
    read: (position, length) =>
      position < offset ? new Uint8Array(0) : tail.subarray(position - offset, position - offset + length),
  };
  const contents = archiveContentsOfZip(zip, ARCHIVE_TAIL_BYTES);
  return contents === null ? null : { code: 'not-xlsx', params: { found: 'zip', ...contents } };
}
