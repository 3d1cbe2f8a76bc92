import * as fs from 'fs';
import * as path from 'path';

/** The project's sources, for the tests that read their texts. */
export const SRC = path.join(__dirname, '..', '..', 'src');

/** Every .ts file under `folder`, its subfolders included. */
export function tsFilesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? tsFilesUnder(path.join(folder, entry.name))
        : entry.name.endsWith('.ts')
          ? [path.join(folder, entry.name)]
          : [],
    );
}
