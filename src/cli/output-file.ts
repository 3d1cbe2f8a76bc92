import { constants as fsConstants, promises as fs, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CliError } from './failure';
import { holdingSignals } from './interruption';
import { texts } from './texts';

/**
 * Writes a file the way docs/WORKBOOK.md, « Command line », asks: never over an existing file without `force`; through a temporary
 * file renamed into place, so that an interrupted run leaves the old file whole; the replaced file kept as
 * `<name>.bak`, an earlier `.bak` kept as `<name>.N.bak` (both said to the user: `Backup`); a file rewritten in place
 * that another program saved since it was read is left as saved (`input-changed`). Every refusal is a French message naming the path the user gave (never the temporary file), and
 * nothing is left behind.
 */
export type WriteOutcome =
  /** `signalledAfter`: the signal's exit code when Ctrl-C or SIGTERM came once the temporary file was whole. */
  | { ok: true; backup: Backup | null; signalledAfter?: number }
  /** `exitCode`: the signal's (130, 143) when Ctrl-C or SIGTERM stopped the write. */
  | { ok: false; error: CliError; exitCode?: number };

/** The copy of the replaced file (`<name>.bak`), and where a different `.bak` already there was renamed, if it was. */
export interface Backup {
  file: string;
  earlier: string | null;
}

/** A backup as the `--json` outputs give it: two paths, each null when there is none. */
export function backupJson(backup: Backup | null): { backup: string | null; earlierBackup: string | null } {
  return { backup: backup?.file ?? null, earlierBackup: backup?.earlier ?? null };
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** No write permission for anyone (`chmod a-w`, Windows' read-only attribute); root's own rights do not count. */
async function isReadOnly(path: string): Promise<boolean> {
  try {
    return ((await fs.stat(path)).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | null> {
  try {
    const stat = await fs.stat(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
}

/** A name longer than the system allows (255 bytes on most): said before the work, which it would end. */
export async function isNameTooLong(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return false;
  } catch (error) {
    return errnoOf(error) === 'ENAMETOOLONG';
  }
}

/** Bytes of a file's name kept in its temporary file's, leaving room for the dot, the process id and `.tmp`. */
const TEMPORARY_NAME_BYTES = 200;

/**
 * The temporary file written beside `path`, then renamed to it: named after it (cut to `TEMPORARY_NAME_BYTES`, so
 * that a name that fits the system's limit does not make a temporary name that does not).
 */
function temporaryOf(path: string): string {
  let name = basename(path);
  while (Buffer.byteLength(name) > TEMPORARY_NAME_BYTES) name = Array.from(name).slice(0, -1).join('');
  return join(dirname(path), `.${name}.${process.pid}.tmp`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `stem` as a workbook's name: `suivi` → `suivi.xlsx`; `suivi.xlsx` (of `suivi.xlsx.bak`) as it is. */
const xlsxNameOf = (stem: string) => (extname(stem).toLowerCase() === '.xlsx' ? stem : `${stem}.xlsx`);

/**
 * A name for the workbook to write that does not end in .xlsx: its bytes are always an .xlsx package. `example`: the
 * name of the workbook the command writes (`outputExample`), for the name a message suggests.
 */
export function outputNameError(path: string, example: string): CliError | null {
  if (path.trim() === '') return { code: 'missing-option-value', option: '-o', message: texts.outputEmpty(example) };
  // `extname` ignores a trailing separator: `sortie.xlsx/` would pass, then fail to be written after the work.
  if (/[\\/]$/.test(path))
    return { code: 'output-not-xlsx', message: texts.outputIsFolderName(path, example), file: path };
  // `sortie.xlsx ` (pasted from a mail) would read as the extension `.xlsx `: the space is the slip to name.
  if (path !== path.trimEnd()) {
    const message = texts.outputEndsWithSpace(path, xlsxNameOf(path.trimEnd()));
    return { code: 'output-not-xlsx', message, file: path };
  }
  const extension = extname(path);
  if (extension.toLowerCase() === '.xlsx') return null;
  // A folder that is there: a workbook in it was meant, not a name to give an extension.
  if (isFolder(path))
    return { code: 'not-a-file', message: texts.outputIsAFolder(path, join(path, example)), file: path };
  // `.xlsx` alone is a name without extension to `extname`, which would suggest `.xlsx.xlsx`.
  if (basename(path).toLowerCase() === '.xlsx')
    return {
      code: 'output-not-xlsx',
      message: texts.outputWithoutName(path, join(dirname(path), example)),
      file: path,
    };
  const message = extension
    ? texts.outputNotXlsx(path, extension, xlsxNameOf(path.slice(0, -extension.length)))
    : texts.outputWithoutExtension(path);
  return { code: 'output-not-xlsx', message, file: path };
}

/** The nearest of `folder` and the folders above it that is there, and what it is. */
async function nearestExisting(folder: string): Promise<{ path: string; kind: 'file' | 'folder' | 'other' | null }> {
  let path = folder;
  let kind = await kindOf(path);
  while (kind === null && dirname(path) !== path) {
    path = dirname(path);
    kind = await kindOf(path);
  }
  return { path, kind };
}

/**
 * The lock file a spreadsheet keeps beside a file it has open, if there is one: LibreOffice's `.~lock.<name>#`,
 * Excel's `~$<name>`.
 */
async function lockFileOf(path: string): Promise<string | null> {
  const name = basename(path);
  const candidates = [`.~lock.${name}#`, `~$${name}`];
  for (const candidate of candidates.map((lock) => join(dirname(path), lock))) {
    if ((await kindOf(candidate)) === 'file') return candidate;
  }
  return null;
}

/**
 * Why `path` cannot be written to (missing folder, a file where a folder should be, a folder in its place, an
 * existing file without `force`, a file made read-only). `example`: the name of the workbook the command writes, for
 * the path a message suggests. `inPlace`: the workbook the command rewrites, not an -o.
 */
export async function outputPathError(
  path: string,
  force: boolean,
  example: string,
  inPlace = false,
): Promise<CliError | null> {
  const folder = dirname(path);
  if ((await kindOf(folder)) !== 'folder') {
    // A file on the way (`suivi.xlsx/x.xlsx`) is no folder to create: the workbook goes beside it.
    const found = await nearestExisting(folder);
    if (found.kind === 'file' || found.kind === 'other') {
      const message = texts.outputUnderAFile(found.path, join(dirname(found.path), example));
      return { code: 'output-folder-missing', message, file: found.path };
    }
    return { code: 'output-folder-missing', message: texts.outputFolderMissing(folder), file: folder };
  }
  // A folder the user may not write in is said now, not after the work (a consolidation of many files).
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch (error) {
    const reason = texts.systemReason(errnoOf(error));
    return { code: 'output-unwritable', message: texts.fileUnwritable(path, reason, false), file: path };
  }
  if (await isNameTooLong(path)) {
    const message = texts.fileUnwritable(path, texts.systemReason('ENAMETOOLONG'), false);
    return { code: 'output-unwritable', message, file: path };
  }
  const kind = await kindOf(path);
  if (kind === 'folder' || kind === 'other')
    return { code: 'not-a-file', message: texts.outputIsAFolder(path, join(path, example)), file: path };
  if (kind === 'file' && !force) return { code: 'output-exists', message: texts.fileExists(path), file: path };
  // Made read-only to keep it: --force says to replace a file, not to undo that (Excel would not save over it).
  if (kind === 'file' && (await isReadOnly(path)))
    return { code: 'output-unwritable', message: texts.outputReadOnly(path, inPlace), file: path };
  const lock = kind === 'file' ? await lockFileOf(path) : null;
  if (lock) return { code: 'workbook-open', message: texts.workbookOpen(path, lock), file: path };
  if (kind === 'file') {
    const backup = await backupNameTooLong(path);
    if (backup) {
      const message = texts.fileUnwritable(path, texts.backupNameTooLong(backup, inPlace), true);
      return { code: 'output-unwritable', message, file: path };
    }
  }
  return null;
}

/**
 * The name the replaced file's copy would have, when the system refuses it (a name that fits, with `.bak` added,
 * may not): said before the work, as a name too long is. Beside a `.bak` already there, the copy goes to the
 * shortest `<name>.N.bak` but for a tenth copy and after, which are not looked for.
 */
async function backupNameTooLong(path: string): Promise<string | null> {
  const backup = `${path}.bak`;
  if (await isNameTooLong(backup)) return backup;
  const earlier = `${path}.1.bak`;
  const kind = await kindOf(backup);
  if (kind === null || !(await isNameTooLong(earlier))) return null;
  // A `.bak` holding the very bytes about to be copied there stays as it is (keepEarlierBackup): nothing is renamed.
  return kind === 'file' && (await sameBytes(path, backup)) ? null : earlier;
}

/** Whether two files hold the same bytes (a size told apart first, without reading them). */
async function sameBytes(first: string, second: string): Promise<boolean> {
  const [a, b] = await Promise.all([fs.stat(first), fs.stat(second)]);
  if (a.size !== b.size) return false;
  return Buffer.from(await fs.readFile(first)).equals(await fs.readFile(second));
}

/**
 * A `.bak` already there may be the only copy of a file replaced before (a workbook written over, a person's
 * entries that could not be carried over): it is never replaced, but renamed to the first free `<name>.N.bak`,
 * unless it holds the very bytes about to be copied there.
 */
async function keepEarlierBackup(path: string, backup: string): Promise<string | null> {
  if ((await kindOf(backup)) !== 'file' || (await sameBytes(path, backup))) return null;
  let number = 1;
  while ((await kindOf(`${path}.${number}.bak`)) !== null) number += 1;
  await fs.rename(backup, `${path}.${number}.bak`);
  return `${path}.${number}.bak`;
}

/** Whether the file at `path` holds exactly `bytes` (false when it cannot be read). */
async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await fs.readFile(path));
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` to `path`. Ctrl-C or SIGTERM meanwhile is held (src/cli/interruption.ts, `holdingSignals`): received
 * while the temporary file is written, the temporary file is removed and the write refused as `interrupted`, nothing
 * else touched; received once it is whole, the backup and the rename, a few milliseconds, are done, and the command
 * says what it wrote (`signalledAfter`: one with more files to write ends there). `writtenBefore`: the files the
 * command wrote before this one (an extract's others, a bilan's .xlsx before its PDF), which the interruption's message
 * names. `readBefore`: for a file rewritten in place, the bytes the command read from it; when the file holds others
 * by the time the new ones are whole (a second command on the same file, Excel saving it), it is not replaced: what
 * was saved there meanwhile would be lost while both said they were done.
 */
export async function writeOutputFile(
  path: string,
  bytes: Uint8Array,
  force: boolean,
  example: string,
  inPlace = false,
  writtenBefore: readonly string[] = [],
  readBefore: Uint8Array | null = null,
): Promise<WriteOutcome> {
  const { value: outcome, held } = await holdingSignals((signalled) =>
    writeHoldingSignals(path, bytes, { force, example, inPlace, writtenBefore, readBefore }, signalled),
  );
  // Held while the file was made whole, the signal is not lost: a command with more files to write stops there.
  return outcome.ok && held ? { ...outcome, signalledAfter: held.exitCode } : outcome;
}

async function writeHoldingSignals(
  path: string,
  bytes: Uint8Array,
  {
    force,
    example,
    inPlace,
    writtenBefore,
    readBefore,
  }: {
    force: boolean;
    example: string;
    inPlace: boolean;
    writtenBefore: readonly string[];
    readBefore: Uint8Array | null;
  },
  signalled: () => { exitCode: number } | null,
): Promise<WriteOutcome> {
  const refused = await outputPathError(path, force, example, inPlace);
  if (refused) return { ok: false, error: refused };
  const replacing = (await kindOf(path)) === 'file';
  const temporary = temporaryOf(path);
  let step: 'write' | 'backup' = 'write';
  const backup = replacing ? `${path}.bak` : null;
  let earlier: string | null = null;
  try {
    await fs.writeFile(temporary, bytes);
    const interrupted = signalled();
    if (interrupted) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      const message = texts.writeInterrupted(path, replacing, writtenBefore);
      return { ok: false, error: { code: 'interrupted', message, file: path }, exitCode: interrupted.exitCode };
    }
    if (readBefore && replacing && !(await holdsBytes(path, readBefore))) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return { ok: false, error: { code: 'input-changed', message: texts.changedMeanwhile(path), file: path } };
    }
    if (backup) {
      step = 'backup';
      if ((await kindOf(backup)) === 'folder') throw Object.assign(new Error(backup), { code: 'EISDIR' });
      earlier = await keepEarlierBackup(path, backup);
      await fs.copyFile(path, backup);
      step = 'write';
    }
    await fs.rename(temporary, path);
    return { ok: true, backup: backup ? { file: backup, earlier } : null };
  } catch (error) {
    // Removing it must not fail in turn (its name refused too): the write's own error is the one to say.
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const code = errnoOf(error);
    const reason =
      step === 'backup'
        ? texts.backupUnwritable(backup!, code)
        : code === 'ENOENT'
          ? texts.noFileCreated
          : texts.systemReason(code);
    return {
      ok: false,
      error: { code: 'output-unwritable', message: texts.fileUnwritable(path, reason, replacing), file: path },
    };
  }
}
