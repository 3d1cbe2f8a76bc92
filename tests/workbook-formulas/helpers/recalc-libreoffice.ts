/**
 * Recalculates several .xlsx files in one LibreOffice headless call with the "always recalculate" profile of
 * ../shared/libreoffice; HOME, TMPDIR and the profile live under .scratch (git-ignored).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sharedDir } from '../../helpers/external-tools';

export function recalcWithLibreOffice(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const root = path.resolve(__dirname, '..', '..', '..', '.scratch', 'workbook-formulas');
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, 'recalc-'));
  const [home, profile, input, output] = ['home', 'profile', 'in', 'out'].map((name) => path.join(work, name));
  for (const folder of [home, path.join(profile, 'user'), input, output]) fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(
    path.join(sharedDir(), 'libreoffice', 'registrymodifications.xcu'),
    path.join(profile, 'user', 'registrymodifications.xcu'),
  );
  const sources = Object.entries(files).map(([name, bytes]) => {
    const source = path.join(input, `${name}.xlsx`);
    fs.writeFileSync(source, bytes);
    return source;
  });
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', output, ...sources],
      { env: { ...process.env, HOME: home, TMPDIR: home }, stdio: 'pipe', timeout: 300_000 },
    );
    const result: Record<string, Uint8Array> = {};
    for (const name of Object.keys(files)) {
      const saved = fs.readFileSync(path.join(output, `${name}.xlsx`));
      result[name] = new Uint8Array(saved.buffer, saved.byteOffset, saved.byteLength);
    }
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
