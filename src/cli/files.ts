import {
  closeSync,
  lstatSync,
  openSync,
  promises as fs,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { archiveOfTail, ARCHIVE_TAIL_BYTES } from '../xlsx/reader';
import type { CliError } from './failure';
import { texts, type InputKind, type WorkbooksTaken } from './texts';

/**
 * A file read, or why not: `error` names the file; `reason` says the same without its name, for a list that shows the
 * file beside its reason (a consolidation's files left out).
 */
export type InputFile = { ok: true; bytes: Uint8Array } | { ok: false; error: CliError; reason: string };

/**
 * Reads a whole input file (a `kind` the messages name), refusing one over `limitBytes` before reading it (a zip
 * archive of workbooks told to be extracted, its workbooks given as the command `takes` them).
 * Synchronously: a consolidation reads hundreds of files one after another, each in its turn, and an asynchronous
 * read waited for the thread pool about a millisecond a file (≈ 8 % of a file's measure) with nothing else to do.
 */
export function readInputFile(
  path: string,
  limitBytes: number,
  kind: InputKind,
  takes: WorkbooksTaken = 'one',
): InputFile {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return failed('not-a-file', path, texts.isAFolder(path, kind));
    if (!stat.isFile()) return failed('not-a-file', path, texts.notAFile(path, kind), texts.notAFileBeside(kind));
    if (stat.size > limitBytes) {
      // A zip archive of many workbooks is told to be extracted, from its directory alone, as a smaller one is.
      const archive = kind === 'workbook' ? archiveOfTail(lastBytes(path, stat.size), stat.size) : null;
      if (archive) {
        const reason = texts.readRefusal(path, archive, takes);
        return failed(archive.code, path, texts.inFile(path, reason), reason);
      }
      const message = texts.fileTooLarge(path, stat.size, limitBytes, kind);
      const reason = kind === 'workbook' ? texts.workbookTooLarge(stat.size, limitBytes) : message;
      return failed('file-too-large', path, message, reason);
    }
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // The reason stands beside the file in a consolidation's list: it does not name the file again.
      return failed(
        'file-not-found',
        path,
        missingFileMessage(path),
        missingFileMessage(path, { named: 'Ce fichier' }),
      );
    }
    const reason = texts.systemReason(code);
    return failed(
      'file-unreadable',
      path,
      texts.fileUnreadable(path, reason),
      texts.fileUnreadable('ce fichier', reason),
    );
  }
}

/** The last bytes of the file at `path` (`size` bytes), where a zip keeps its directory: never the whole of a large file. */
function lastBytes(path: string, size: number): Uint8Array {
  const tail = new Uint8Array(Math.min(size, ARCHIVE_TAIL_BYTES));
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(descriptor);
  }
  return tail;
}

/**
 * Why `path`, which cannot be found, is not there: a link to nothing is said to be one. `named` is how the link is
 * named in the sentence (its path, or « Ce fichier » beside it in a list); `orFolder` where a folder is taken too.
 */
export function missingFileMessage(
  path: string,
  { named = path, orFolder = false }: { named?: string; orFolder?: boolean } = {},
): string {
  const file = fileBeforeSeparator(path);
  if (file !== null) return texts.fileWithSeparatorAfter(path, file);
  const target = brokenLinkTarget(path);
  return target === null ? texts.fileNotFound(path, orFolder) : texts.brokenLink(named, target);
}

/** `suivi.xlsx/` (a folder's completion habit): the file before the separator when it is one; null otherwise. */
function fileBeforeSeparator(path: string): string | null {
  const file = path.replace(/[\\/]+$/, '');
  if (file === path || file === '') return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Where `path` points when it is a symbolic link to nothing (a share disconnected, a file moved); null otherwise. */
function brokenLinkTarget(path: string): string | null {
  try {
    if (!lstatSync(path).isSymbolicLink()) return null;
    const target = readlinkSync(path);
    return isAbsolute(target) ? target : join(dirname(path), target);
  } catch {
    return null;
  }
}

function failed(code: CliError['code'], file: string, message: string, reason = message): InputFile {
  return { ok: false, error: { code, message, file }, reason };
}

/** Links followed at most, as the system does before it gives up (ELOOP). */
const MAX_LINKS = 40;

/** Whether `path` names a file (a link followed), relative to the working folder as the user typed it. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The real path of `path` (links resolved), or of its folder and its name when it does not exist yet. A link to a
 * file not there is where it leads (an -o still to be written, say), not the link's own path.
 */
export async function realPathOf(path: string, links = 0): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    const target = links < MAX_LINKS ? brokenLinkTarget(path) : null;
    if (target !== null) return realPathOf(target, links + 1);
    try {
      return join(await fs.realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
