import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { frenchNameOrder, isConsolidationWorkbook, type FileOrigin, type RejectedFile } from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { missingFileMessage, readInputFile, realPathOf } from '../files';
import type { CliError } from '../failure';
import { texts } from '../texts';
import { MAX_DIRECTORY_MEGABYTES, zipFound, type ZipFound } from './zip-archives';

/**
 * The files a consolidation reads, from the paths given: a file as given (whatever its name: the reader says what
 * it is), a folder as every spreadsheet under it (`isWorkbookName`, and a workbook renamed .zip, read as given by
 * name), sub-folders included, in name order, symbolic links followed (a folder reached twice is read once, a file
 * reached twice is one file). Excel's lock files (`~$…`)
 * and hidden files are not workbooks. The file being written (`-o`) is left out of a folder when it is an earlier consolidation, so that a
 * consolidation written into the territories' folder is not read as a territory next time, and so is a link to it
 * before it is first written (nothing there to read, and no broken link: the run writes it); any other file the
 * consolidation would both read and replace, given by name, found in a folder or reached through a link, is refused
 * (`output-is-input`). Paths that do not exist stop the command before any work, all named at once. A folder given by
 * name where no workbook is found is left out with its reason when other paths give some. A folder that cannot be listed
 * (no right to it, a share gone) is left out with its reason, like a file that cannot be read: one bad folder never
 * stops the others; only when nothing else is found does it stop the command. A zip archive found in a folder whose
 * directory lists workbooks is left out with its reason too (`not-xlsx`, as given by name), unless every workbook it
 * lists is read already, by its name, extracted in the folders given: its territories would be missing unnoticed; so
 * is one that holds other archives only, until they are found extracted, one that cannot be read or is too large to
 * be, and a file named .zip that is no zip at all (`zipsLeftOut`). A broken link named as a workbook or a .zip is
 * read as a file, whose reading says where it pointed.
 */
export type InputFiles =
  | { ok: true; files: string[]; origins: Map<string, FileOrigin>; leftOut: RejectedFile[] }
  | { ok: false; error: CliError };

interface Listing {
  visited: Set<string>;
  unread: { folder: string; code: string | undefined }[];
  /** The zip archives found in the folders, with what each lists: territories are often sent zipped. */
  zips: { file: string; found: ZipFound }[];
}

/**
 * Excel's lock file, `~$` and the workbook's name, there while the workbook is open: no workbook. Given by name too
 * (`territoires/*.xlsx` lists it), it is left out as in a folder, rather than told to be saved again as .xlsx.
 */
const isLockFile = (path: string) => basename(path).startsWith('~$');

/**
 * A spreadsheet a territory's workbook may have been saved as: .xlsx, and the formats a person may have chosen in
 * Excel or LibreOffice (.xlsm, .xlsb, .xls, .ods), listed so that such a territory is converted or left out with its
 * reason, never skipped without a word.
 */
const isWorkbookName = (name: string) =>
  /\.(xlsx|xlsm|xlsb|xls|ods)$/i.test(name) && !isLockFile(name) && !name.startsWith('.');

const isZipName = (name: string) => /\.zip$/i.test(name) && !isLockFile(name) && !name.startsWith('.');

async function workbooksUnder(folder: string, listing: Listing): Promise<string[]> {
  const real = await realPathOf(folder);
  if (listing.visited.has(real)) return [];
  listing.visited.add(real);
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    listing.unread.push({ folder, code: (error as NodeJS.ErrnoException).code });
    return [];
  }
  const sorted = entries.sort((a, b) => frenchNameOrder(a.name, b.name));
  const files: string[] = [];
  for (const entry of sorted) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    // A link is what it points to; a broken one named as a workbook or an archive is listed, so that its reading
    // says what became of it (a territory on a disconnected share is left out with a reason, never silently), and
    // so is one of these names that is no ordinary file (a named pipe): its reading says so.
    const target = entry.isSymbolicLink() ? await fs.stat(path).catch(() => null) : entry;
    if (target?.isDirectory()) files.push(...(await workbooksUnder(path, listing)));
    else if (isWorkbookName(entry.name) || (isZipName(entry.name) && !target?.isFile())) files.push(path);
    else if (isZipName(entry.name)) {
      // A workbook renamed .zip is read as the workbook it is, as when given by name, in its place among the others.
      const found = zipFound(path);
      listing.zips.push({ file: path, found });
      if (found.kind === 'workbook') files.push(path);
    }
  }
  return files;
}

/** A zip archive found in a folder left out, with how many workbooks it lists (none: other archives, or unread). */
type ZipLeftOut = RejectedFile & { workbooks: number };

/** The files' names, case aside; an archive's entries are named with « / » on every system. */
const fileNames = (paths: readonly string[]) => new Set(paths.map((path) => basename(path).toLowerCase()));
const entryNames = (names: readonly string[]) =>
  names.map((name) => name.slice(name.lastIndexOf('/') + 1).toLowerCase());

/**
 * The zip archives found that are left out, each with its reason: one whose directory lists workbooks not read
 * (`read`, by their names, case aside) — an archive already extracted into the folders given is read through its
 * workbooks and said nothing of —; one that lists other zip archives not found among `zips`, and no workbook or only
 * workbooks read (once extracted, each of those is told by its own workbooks); one that cannot be read, damaged, cut,
 * out of reach or whose directory is larger than is read, as it may hold the territories missing; a file named .zip
 * that is no zip at all (a PDF renamed), told what it seems to be. Said nothing of: one that lists neither, a
 * spreadsheet renamed .zip (read as one), another document's package renamed .zip.
 */
function zipsLeftOut(zips: Listing['zips'], read: readonly string[]): ZipLeftOut[] {
  const readNames = fileNames(read);
  const zipNames = fileNames(zips.map(({ file }) => file));
  return zips.flatMap(({ file, found }): ZipLeftOut[] => {
    const leftOut = (code: string, reason: string, workbooks = 0) => [{ file, code, reason, workbooks }];
    if (found.kind === 'file-unreadable')
      return leftOut('file-unreadable', texts.fileUnreadable('ce fichier', texts.systemReason(found.systemCode)));
    if (found.kind === 'unreadable' && found.code === 'too-large')
      return leftOut('too-large', texts.consolidate.zipTooLargeInFolder(MAX_DIRECTORY_MEGABYTES));
    // No zip at all, the reader's code as for a file named .xlsx: no new copy of it makes it an archive.
    if (found.kind === 'unreadable' && found.code === 'not-xlsx')
      return leftOut('not-xlsx', texts.consolidate.notAZipInFolder(found.found));
    if (found.kind === 'unreadable')
      return leftOut(found.code === 'truncated' ? 'truncated' : 'damaged', texts.consolidate.zipUnreadableInFolder);
    if (found.kind === 'workbook' || found.kind === 'package') return [];
    const { workbooks, archives } = found;
    // The reader's code for the same archive given by name. Its workbooks first; once read, the archives beside them.
    if (!entryNames(workbooks).every((name) => readNames.has(name)))
      return leftOut('not-xlsx', texts.consolidate.zipInFolder(workbooks.length), workbooks.length);
    return archives.length === 0 || entryNames(archives).every((name) => zipNames.has(name))
      ? []
      : leftOut('not-xlsx', texts.consolidate.zipOfArchivesInFolder(archives.length, workbooks.length));
  });
}

/** A consolidation workbook an earlier run wrote (its sheets say so; it has no `_ctg`). */
function isEarlierConsolidation(path: string): boolean {
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return false;
  const read = readXlsx(file.bytes, { sheets: () => false });
  return read.ok && isConsolidationWorkbook(read.grids);
}

const outputIsInput = (path: string): InputFiles => ({
  ok: false,
  error: { code: 'output-is-input', message: texts.consolidate.outputIsInput(path), file: path },
});

/**
 * What tells two paths of one file apart from two files: the file itself (device and inode) when it can be read,
 * so that a hard link is one file as a symbolic link is; else where its path leads.
 */
async function identityOf(path: string): Promise<string> {
  try {
    // As bigints: Windows' file ids pass 2^53, and two neighbours would otherwise read as one file.
    const { dev, ino } = await fs.stat(path, { bigint: true });
    if (ino !== 0n) return `${dev}:${ino}`;
  } catch {
    // Not there (a broken link, an -o to come): its path is all there is.
  }
  return realPathOf(path);
}

export async function inputFiles(paths: readonly string[], output: string): Promise<InputFiles> {
  const outputReal = await identityOf(output);
  const outputExists = await fs.stat(output).then(
    () => true,
    () => false,
  );
  const listing: Listing = { visited: new Set(), unread: [], zips: [] };
  const files: string[] = [];
  // Where each came from: a tie between two copies of a territory says in which order the first was kept.
  const origins = new Map<string, FileOrigin>();
  // Every path not there, said at once: a Caf typing twenty folders' names corrects them in one go.
  const missing: string[] = [];
  const emptyFolders: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(path)).isDirectory();
    } catch {
      // A link to the -o still to be written is that -o, not a link to a file gone.
      if ((await identityOf(path)) === outputReal) return outputIsInput(path);
      missing.push(path);
      continue;
    }
    // A workbook given by name as -o too would be read, then replaced by the consolidation.
    if (!isFolder && (await identityOf(path)) === outputReal) return outputIsInput(path);
    // A folder read already (given twice, or under another folder given) is not one without workbooks.
    const readBefore = isFolder && listing.visited.has(await realPathOf(path));
    const zipsBefore = listing.zips.length;
    const unreadBefore = listing.unread.length;
    const found = isFolder ? await workbooksUnder(path, listing) : isLockFile(path) ? [] : [path];
    const nothingUnder = listing.zips.length === zipsBefore && listing.unread.length === unreadBefore;
    if (isFolder && found.length === 0 && nothingUnder && !readBefore) emptyFolders.push(path);
    for (const file of found)
      if (!origins.has(file)) origins.set(file, isFolder ? { kind: 'folder', folder: path } : { kind: 'given' });
    files.push(...found);
  }
  if (missing.length > 0) {
    const message = missing.map((path) => missingFileMessage(path, { orFolder: true })).join('\n');
    return { ok: false, error: { code: 'file-not-found', message, file: missing[0] } };
  }
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const file of files) {
    const key = await identityOf(file);
    if (seen.has(key)) continue;
    seen.add(key);
    if (key !== outputReal) kept.push(file);
    // The -o reached: an earlier consolidation, or a link to the one this run writes, is left out; any other
    // workbook would be read, then replaced.
    else if (outputExists && !isEarlierConsolidation(file)) return outputIsInput(file);
  }
  const zips = zipsLeftOut(listing.zips, kept);
  const [firstUnread] = listing.unread;
  if (kept.length === 0 && firstUnread) {
    const message = texts.consolidate.onlyUnreadableFolders(firstUnread.folder, firstUnread.code);
    return { ok: false, error: { code: 'folder-unreadable', message, file: firstUnread.folder } };
  }
  // Only Excel's lock files given by name: not « no workbook in » a file, but which workbook to give instead.
  const lockFile = paths.find(isLockFile);
  if (kept.length === 0 && lockFile !== undefined && (await fs.stat(lockFile)).isFile()) {
    const message = texts.consolidate.lockFileOnly(lockFile, basename(lockFile).slice(2));
    return { ok: false, error: { code: 'no-workbooks-found', message, file: lockFile } };
  }
  // Only archives left out: not « no workbook », but which archive to extract, or why one is left out.
  const firstZip = zips.find((zip) => zip.workbooks > 0) ?? zips[0];
  if (kept.length === 0 && firstZip)
    return {
      ok: false,
      error: {
        code: 'no-workbooks-found',
        message:
          firstZip.workbooks > 0
            ? texts.consolidate.onlyZips([...paths], firstZip.file, firstZip.workbooks)
            : texts.consolidate.onlyZipsLeftOut([...paths], firstZip.file, firstZip.reason),
        ...(paths.length === 1 ? { file: paths[0] } : {}),
      },
    };
  if (kept.length === 0)
    return {
      ok: false,
      error: {
        code: 'no-workbooks-found',
        message: texts.consolidate.noFiles([...paths]),
        // The path in question when one was given (several: none of them more than another).
        ...(paths.length === 1 ? { file: paths[0] } : {}),
      },
    };
  const leftOut: RejectedFile[] = [
    ...listing.unread.map(({ folder, code }) => ({
      file: folder,
      code: 'folder-unreadable',
      reason: texts.consolidate.unreadableFolder(code),
    })),
    ...zips.map(({ file, code, reason }) => ({ file, code, reason })),
    ...emptyFolders.map((folder) => ({
      file: folder,
      code: 'no-workbooks-found',
      reason: texts.consolidate.emptyFolder,
    })),
  ];
  return { ok: true, files: kept, origins: new Map(kept.map((file) => [file, origins.get(file)!])), leftOut };
}
