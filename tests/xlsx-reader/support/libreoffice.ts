/** Saves an .xlsx through LibreOffice headless (open, save as .xlsx), with HOME, TMPDIR and profile in .scratch. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function resaveWithLibreOffice(bytes: Uint8Array, baseName: string): Uint8Array {
  const root = path.resolve(__dirname, '..', '..', '..', '.scratch', 'xlsx-reader-libreoffice');
  const work = fs.mkdtempSync(path.join(fs.mkdirSync(root, { recursive: true }) ?? root, `${baseName}-`));
  const [home, profile, input, output] = ['home', 'profile', 'in', 'out'].map((name) => path.join(work, name));
  for (const folder of [home, profile, input, output]) fs.mkdirSync(folder, { recursive: true });
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
