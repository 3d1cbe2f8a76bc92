import { spawn } from 'node:child_process';
import { constants, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BroadcastChannel, isMainThread } from 'node:worker_threads';

/**
 * LibreOffice headless, when it is installed, converts a file: a partner's .ods or .xls to .xlsx (docs/WORKBOOK.md,
 * « Merging returned rows »; what comes out is read by our own reader with its limits, as any returned file), a
 * bilan's .xlsx to .pdf (« The bilan workbook »). Each conversion is one `soffice --convert-to` call in a temporary
 * folder of its own, with a fresh profile (never the user's, which a running LibreOffice would hold), killed after
 * 60 s; the folder removed whatever happens.
 */

export const LIBREOFFICE_TIMEOUT_MS = 60_000;

/** Names the program can have on the PATH. */
const programNames = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** Where the installers put it when the PATH does not name it (Windows and macOS rarely do). */
const installedPlaces =
  process.platform === 'win32'
    ? [
        join(process.env.ProgramFiles ?? 'C:\\Program Files', 'LibreOffice', 'program', 'soffice.exe'),
        join(process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'LibreOffice', 'program', 'soffice.exe'),
      ]
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : [];

/**
 * The profile's settings: the last version run, so that the first start of a fresh profile skips what LibreOffice
 * does after an install or an upgrade (a graphics self-test, seconds of each call); and the French locale, so that a
 * PDF shows « 92 % » and « 2,80 » whatever the machine's own (a server's is often C).
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
`;

async function isProgram(path: string): Promise<boolean> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return false;
    await fs.access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * LibreOffice's program: `CTG_LIBREOFFICE` when set (and then nothing else, so that it can also say « none »), else
 * `soffice` or `libreoffice` on the PATH, else where the installers put it. Null when it is not installed.
 */
export async function findLibreOffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const chosen = env.CTG_LIBREOFFICE;
  if (chosen !== undefined) return chosen !== '' && (await isProgram(chosen)) ? chosen : null;
  const folders = (env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  for (const folder of folders) {
    for (const name of programNames) if (await isProgram(join(folder, name))) return join(folder, name);
  }
  for (const place of installedPlaces) if (await isProgram(place)) return place;
  return null;
}

export type Conversion =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'timeout' | 'failed' | 'no-output' | 'too-large'; detail: string };

/**
 * The conversions under way: each one's folder, and its program's process group once started. LibreOffice runs in a
 * group of its own, which a terminal's Ctrl-C does not reach: a command ended meanwhile (`process.exit`, as
 * consolidate's progress bar does on Ctrl-C) kills them and removes their folders, which hold the file converted.
 * A measuring worker's `exit` does not run when the command ends: it tells the main thread of its conversions.
 */
const underWay = new Map<string, number | undefined>();
const conversionsChannel = new BroadcastChannel('ctg-suivi-libreoffice-conversions');
conversionsChannel.unref();

interface ConversionNews {
  work: string;
  pid: number | undefined;
  ended: boolean;
}

function stopConversionsUnderWay(): void {
  for (const [work, pid] of underWay) {
    try {
      if (pid !== undefined) process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    rmSync(work, { recursive: true, force: true });
  }
  underWay.clear();
}

/** A conversion started (its program's `pid` once known) or ended, kept where the command's `exit` sees it. */
function recordConversion({ work, pid, ended }: ConversionNews): void {
  if (!isMainThread) {
    conversionsChannel.postMessage({ work, pid, ended });
    return;
  }
  if (ended) underWay.delete(work);
  else {
    if (underWay.size === 0) process.once('exit', stopConversionsUnderWay);
    underWay.set(work, pid);
  }
  if (underWay.size === 0) process.off('exit', stopConversionsUnderWay);
}

if (isMainThread) conversionsChannel.onmessage = (event) => recordConversion((event as { data: ConversionNews }).data);

/** Runs the program; resolves with its exit and error output, the whole process group killed at the deadline. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, work: string) {
  return new Promise<{ code: number | null; timedOut: boolean; stderr: string; error: string | null }>((resolve) => {
    // Its own process group on POSIX: `soffice` is a script that starts `soffice.bin`, which must die with it.
    const child = spawn(program, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
    });
    recordConversion({ work, pid: child.pid, ended: false });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4_000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, stderr, error: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr, error: null });
    });
  });
}

/** The file's name in the temporary folder (its extension says its kind). */
const BASE_NAME = 'retour';

/** What to convert: the input's kind and the output's (LibreOffice's extension, its default filter). */
export interface ConversionRequest {
  from: string;
  to: 'xlsx' | 'pdf';
  /** An output larger than this is not read. */
  maxBytes: number;
  timeoutMs?: number;
}

/**
 * `bytes` (a file whose kind `from` names: `ods`, `xls`, `xlsx`) converted by `program` to `to`. Nothing is left in
 * the temporary folder.
 */
export async function convertWithLibreOffice(
  program: string,
  bytes: Uint8Array,
  { from, to, maxBytes, timeoutMs = LIBREOFFICE_TIMEOUT_MS }: ConversionRequest,
): Promise<Conversion> {
  const work = await fs.mkdtemp(join(tmpdir(), 'ctg-suivi-libreoffice-'));
  recordConversion({ work, pid: undefined, ended: false });
  try {
    const [profile, input, output] = ['profile', 'in', 'out'].map((name) => join(work, name));
    for (const folder of [join(profile, 'user'), input, output]) await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    // A name of ours: the user's file name never reaches the command line.
    const source = join(input, `${BASE_NAME}.${from}`);
    await fs.writeFile(source, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      output,
      source,
    ];
    // Its caches and temporary files in the folder too (it writes ~/.cache), so that nothing is left behind.
    const env = { ...process.env, HOME: work, TMPDIR: work, TMP: work, TEMP: work };
    const result = await run(program, args, env, timeoutMs, work);
    if (result.timedOut) return { ok: false, reason: 'timeout', detail: '' };
    if (result.error !== null || result.code !== 0) {
      return { ok: false, reason: 'failed', detail: result.error ?? result.stderr.trim() };
    }
    const converted = join(output, `${BASE_NAME}.${to}`);
    let size: number;
    try {
      size = (await fs.stat(converted)).size;
    } catch {
      return { ok: false, reason: 'no-output', detail: result.stderr.trim() };
    }
    if (size > maxBytes) return { ok: false, reason: 'too-large', detail: String(size) };
    return { ok: true, bytes: new Uint8Array(await fs.readFile(converted)) };
  } finally {
    recordConversion({ work, pid: undefined, ended: true });
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** A partner's .ods or .xls (`extension`) as .xlsx bytes, for merge. */
export function convertToXlsx(
  program: string,
  bytes: Uint8Array,
  extension: string,
  { maxBytes, timeoutMs }: { maxBytes: number; timeoutMs?: number },
): Promise<Conversion> {
  return convertWithLibreOffice(program, bytes, { from: extension, to: 'xlsx', maxBytes, timeoutMs });
}

/** A PDF is written, not read back: no reader's limit applies, only the disk's. */
const PDF_MAX_BYTES = 2 ** 31;

/**
 * The .xlsx at `xlsxPath` printed to a PDF, as its print setup says: its bytes, which the caller writes where it
 * wants (no file of ours beside the person's, which an interruption could leave behind).
 */
export async function convertToPdf(
  program: string,
  xlsxPath: string,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<Conversion> {
  const bytes = new Uint8Array(await fs.readFile(xlsxPath));
  return convertWithLibreOffice(program, bytes, { from: 'xlsx', to: 'pdf', maxBytes: PDF_MAX_BYTES, timeoutMs });
}
