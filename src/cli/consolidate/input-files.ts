import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliError } from '../failure';
import { texts } from '../texts';

/**
 * The files a consolidation reads, from the paths given: a file as given (whatever its name: the reader says what
 * it is), a folder as every .xlsx under it, sub-folders included, in name order. Excel's lock files (`~$…`) and
 * hidden files are not workbooks; the file being written (`-o`) is left out of a folder, so that a consolidation
 * written into the territories' folder is not read as a territory next time, and refused when given by name. A path
 * that does not exist stops the command before any work.
 */
export type InputFiles = { ok: true; files: string[] } | { ok: false; error: CliError };

const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');

async function workbooksUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const sorted = entries.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const files: string[] = [];
  for (const entry of sorted) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) files.push(...(await workbooksUnder(path)));
    else if (entry.isFile() && isWorkbookName(entry.name)) files.push(path);
  }
  return files;
}

export async function inputFiles(paths: readonly string[], output: string): Promise<InputFiles> {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(path)).isDirectory();
    } catch {
      return { ok: false, error: { code: 'file-not-found', message: texts.fileNotFound(path), file: path } };
    }
    // A workbook given by name as -o too would be read, then replaced by the consolidation.
    if (!isFolder && resolve(path) === resolve(output))
      return {
        ok: false,
        error: { code: 'output-is-input', message: texts.consolidate.outputIsInput(path), file: path },
      };
    files.push(...(isFolder ? await workbooksUnder(path) : [path]));
  }
  const seen = new Set<string>([resolve(output)]);
  const kept = files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (kept.length === 0)
    return { ok: false, error: { code: 'no-workbooks-found', message: texts.consolidate.noFiles([...paths]) } };
  return { ok: true, files: kept };
}
