/**
 * Opens an .xlsx in LibreOffice headless with the "always recalculate" profile of ../shared/libreoffice and saves
 * it as .xlsx again. HOME, TMPDIR and the profile live under .scratch (git-ignored).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sharedDir } from '../../helpers/external-tools';

export function recalcProfileSource(): string {
  return path.join(sharedDir(), 'libreoffice', 'registrymodifications.xcu');
}

export function roundTripThroughLibreOffice(bytes: Uint8Array, baseName: string): Uint8Array {
  const root = path.resolve(__dirname, '..', '..', '..', '.scratch', 'xlsx-writer-libreoffice');
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `${baseName}-`));
  const [home, profile, input, output] = ['home', 'profile', 'in', 'out'].map((name) => path.join(work, name));
  for (const folder of [home, path.join(profile, 'user'), input, output]) fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(recalcProfileSource(), path.join(profile, 'user', 'registrymodifications.xcu'));
  const source = path.join(input, `${baseName}.xlsx`);
  fs.writeFileSync(source, bytes);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', output, source],
    { env: { ...process.env, HOME: home, TMPDIR: home }, stdio: 'pipe', timeout: 120_000 },
  );
  const saved = fs.readFileSync(path.join(output, `${baseName}.xlsx`));
  fs.rmSync(work, { recursive: true, force: true });
  return new Uint8Array(saved.buffer, saved.byteOffset, saved.byteLength);
}
