import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file the way docs/WORKBOOK.md, « Command line », asks: never over an existing file without `force`; through a temporary
 * file renamed into place, so that an interrupted run leaves the old file whole; the replaced file kept as
 * `<name>.bak`.
 */
export type WriteOutcome = { ok: true; backup: string | null } | { ok: false; reason: 'exists' | 'io'; detail: string };

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeOutputFile(path: string, bytes: Uint8Array, force: boolean): Promise<WriteOutcome> {
  const replacing = await exists(path);
  if (replacing && !force) return { ok: false, reason: 'exists', detail: path };
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, bytes);
    let backup: string | null = null;
    if (replacing) {
      backup = `${path}.bak`;
      await fs.copyFile(path, backup);
    }
    await fs.rename(temporary, path);
    return { ok: true, backup };
  } catch (error) {
    await fs.rm(temporary, { force: true });
    return { ok: false, reason: 'io', detail: (error as Error).message };
  }
}
