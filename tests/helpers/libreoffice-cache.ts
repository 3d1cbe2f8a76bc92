/**
 * LibreOffice's conversions kept between suites and runs (.cache/libreoffice, git-ignored), as the fake Excel keeps
 * HyperFormula's evaluations (tests/helpers/evaluation-cache.ts): a conversion is a function of what `soffice` is
 * given (the files' contents, their names, the filter and the profile's settings) and of the LibreOffice and fonts
 * installed. Each `soffice` call takes 2–6 s, ≈ a tenth of a warm run's time; a suite whose files did not change
 * reads the real conversion made the last time instead. A file whose content changed (a change to the writer, to a
 * fixture) is converted by LibreOffice again; a fresh clone (CI) converts everything.
 * A zip's key is its entries' names and inflated contents, but for the dates of writing in docProps/core.xml: those
 * and the zip's own dates change with the clock (to the second), and LibreOffice writes its own in what it saves.
 * A conversion not read for a week is removed (a file made with the time in a cell is converted again each run).
 */
import { createHash, type Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { unzipSync } from 'fflate';

const CACHE = path.resolve(__dirname, '..', '..', '.cache', 'libreoffice');
const FONT_FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts'];
const UNUSED_FOR_MS = 7 * 24 * 3600 * 1000;
/** The core properties' dates of writing, left out of a zip's key. */
const WRITING_DATES = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/** The folder of the LibreOffice program `soffice` runs (Debian's /usr/lib/libreoffice/program), or null. */
function programFolder(): string | null {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      return path.dirname(fs.realpathSync(path.join(folder, 'soffice')));
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Each file's path, size and date under `folder`, recursively: a package upgraded or a font added changes it. */
function addFilesOf(hash: Hash, folder: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // no such folder here
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) addFilesOf(hash, file);
    else {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat) hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
}

/** What a conversion depends on besides its input: LibreOffice's program and fonts, the system's fonts. */
function installationKey(): string {
  const hash = createHash('sha256');
  const program = programFolder();
  hash.update(`${program}\n`);
  if (program) {
    addFilesOf(hash, program);
    addFilesOf(hash, path.join(program, '..', 'share', 'fonts'));
  }
  for (const folder of FONT_FOLDERS) addFilesOf(hash, folder);
  return hash.digest('hex').slice(0, 16);
}

let installation: string | undefined;

/** The folder of the conversions made by the LibreOffice installed now (looked at once per suite: ≈ 30 ms). */
export function libreOfficeCacheFolder(): string {
  installation ??= installationKey();
  return path.join(CACHE, installation);
}

/**
 * Removes the conversions of another LibreOffice or other fonts, which can never be read again, and those not read
 * for a week.
 */
export function pruneLibreOfficeCache(): void {
  if (!fs.existsSync(CACHE)) return;
  const current = path.basename(libreOfficeCacheFolder());
  for (const name of fs.readdirSync(CACHE))
    if (name !== current) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  const folder = path.join(CACHE, current);
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > UNUSED_FOR_MS) fs.rmSync(file, { force: true });
  }
}

/** A file's content as LibreOffice reads it: a zip's entries (names and inflated bytes), any other file's bytes. */
function addContent(hash: Hash, bytes: Uint8Array): void {
  let entries: Record<string, Uint8Array> | null = null;
  try {
    entries = bytes[0] === 0x50 && bytes[1] === 0x4b ? unzipSync(bytes) : null;
  } catch {
    entries = null; // a damaged zip: its bytes are its content
  }
  if (!entries) {
    hash.update(`bytes ${bytes.length}\n`).update(bytes);
    return;
  }
  for (const [name, data] of Object.entries(entries)) {
    const content =
      name === 'docProps/core.xml'
        ? Buffer.from(Buffer.from(data).toString('utf8').replace(WRITING_DATES, '$1$2'))
        : data;
    hash.update(`entry ${name} ${content.length}\n`).update(content);
  }
}

/** The conversion's file in the cache: its inputs' names and contents, the filter and the profile's settings. */
function conversionFile(files: Record<string, Uint8Array>, filter: string, settings: string): string {
  const hash = createHash('sha256').update(`${filter}\n${settings}\n`);
  for (const [name, bytes] of Object.entries(files)) {
    hash.update(`file ${name}\n`);
    addContent(hash, bytes);
  }
  return path.join(libreOfficeCacheFolder(), `${hash.digest('hex')}.v8`);
}

/**
 * The files as `convert` gives them (`soffice` run on them), read from the cache when LibreOffice already converted
 * the same contents the same way.
 */
export function cachedConversion(
  files: Record<string, Uint8Array>,
  filter: string,
  settings: string,
  convert: () => Record<string, Uint8Array>,
): Record<string, Uint8Array> {
  const file = conversionFile(files, filter, settings);
  try {
    const kept = deserialize(fs.readFileSync(file)) as Record<string, Uint8Array>;
    const now = new Date();
    fs.utimesSync(file, now, now); // read now: kept another week
    return kept;
  } catch {
    // not converted yet
  }
  const converted = convert();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed: a suite reading at the same time sees the whole file or none.
  const part = `${file}.${process.pid}.part`;
  fs.writeFileSync(part, serialize(converted));
  fs.renameSync(part, file);
  return converted;
}
