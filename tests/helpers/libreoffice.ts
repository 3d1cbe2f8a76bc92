/**
 * LibreOffice headless as an independent spreadsheet engine (libreoffice-profile/README.md): files are opened
 * and saved again as .xlsx in one `soffice` call, with the "always recalculate" profile unless told otherwise.
 * HOME, TMPDIR and the profile live under .scratch (git-ignored), one folder per call. A conversion of contents
 * LibreOffice already converted the same way is read from .cache/libreoffice (libreoffice-cache.ts).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cachedConversion } from './libreoffice-cache';

export function recalcProfileSource(): string {
  return path.join(__dirname, 'libreoffice-profile', 'registrymodifications.xcu');
}

export interface LibreOfficeOptions {
  /** Folder name under .scratch for this caller's runs. */
  scratch: string;
  /** Load with the recalculation profile (default), or keep the cached values as a plain re-save does. */
  recalculate?: boolean;
}

/**
 * The profile's settings: always the last version run (which skips the graphics self-test LibreOffice runs at
 * every start after an upgrade, ~4 s a call, as a headless run never records the version), and the "always
 * recalculate" load modes only when recalculating.
 */
function profileSettings(recalculate: boolean): string {
  const settings = fs.readFileSync(recalcProfileSource(), 'utf8');
  return recalculate
    ? settings
    : settings.replace(/^<item oor:path="\/org\.openoffice\.Office\.Calc\/Formula\/Load">.*\n/gm, '');
}

/** Saves every file through LibreOffice in one call; returns the saved bytes under the same names. */
export function saveThroughLibreOffice(
  files: Record<string, Uint8Array>,
  options: LibreOfficeOptions,
): Record<string, Uint8Array> {
  return convertThroughLibreOffice(files, 'xlsx', options);
}

/**
 * Converts every .xlsx file in one `soffice --convert-to <filter>` call (`xlsx`, `pdf`…); returns the converted
 * bytes under the same names.
 */
export function convertThroughLibreOffice(
  files: Record<string, Uint8Array>,
  filter: string,
  { scratch, recalculate = true }: LibreOfficeOptions,
): Record<string, Uint8Array> {
  const settings = profileSettings(recalculate);
  return cachedConversion(files, filter, settings, () => runLibreOffice(files, filter, scratch, settings));
}

function runLibreOffice(
  files: Record<string, Uint8Array>,
  filter: string,
  scratch: string,
  settings: string,
): Record<string, Uint8Array> {
  const extension = filter.split(':')[0];
  const root = path.resolve(__dirname, '..', '..', '.scratch', scratch);
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, 'soffice-'));
  const [home, profile, input, output] = ['home', 'profile', 'in', 'out'].map((name) => path.join(work, name));
  for (const folder of [home, path.join(profile, 'user'), input, output]) fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), settings);
  const sources = Object.entries(files).map(([name, bytes]) => {
    const source = path.join(input, `${name}.xlsx`);
    fs.writeFileSync(source, bytes);
    return source;
  });
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', output, ...sources],
      { env: { ...process.env, HOME: home, TMPDIR: home }, stdio: 'pipe', timeout: 300_000 },
    );
    return Object.fromEntries(
      Object.keys(files).map((name) => {
        const saved = fs.readFileSync(path.join(output, `${name}.${extension}`));
        return [name, new Uint8Array(saved.buffer, saved.byteOffset, saved.byteLength)];
      }),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One file through LibreOffice. */
export function saveOneThroughLibreOffice(bytes: Uint8Array, name: string, options: LibreOfficeOptions): Uint8Array {
  return saveThroughLibreOffice({ [name]: bytes }, options)[name];
}
