import { promises as fs } from 'node:fs';
import { texts } from './texts';

export type InputFile = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Reads a whole input file, refusing one over `limitBytes` before reading it. */
export async function readInputFile(path: string, limitBytes: number): Promise<InputFile> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { ok: false, message: texts.fileNotFound(path) };
    if (stat.size > limitBytes) {
      return { ok: false, message: texts.fileTooLarge(path, Math.round(limitBytes / (1024 * 1024))) };
    }
    return { ok: true, bytes: new Uint8Array(await fs.readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: texts.fileNotFound(path) };
    return { ok: false, message: texts.fileUnreadable(path, (error as Error).message) };
  }
}
