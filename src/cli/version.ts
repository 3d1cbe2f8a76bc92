import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package whose version the command line says (package.json's `name`). */
const PACKAGE_NAME = 'ctg-suivi';

/**
 * The command line's version, from the package.json of the package it runs from: the first one above this module
 * that is ctg-suivi's, found the same way from the sources (src/cli), the build (dist/node/cli) and an installed
 * copy. Null when there is none (a copy of dist/ alone).
 */
export function cliVersion(): string | null {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const { name, version } = manifest as { name?: unknown; version?: unknown };
      if (name === PACKAGE_NAME && typeof version === 'string') return version;
    } catch {
      // No package.json here, or not one to read: the folder above.
    }
    if (dirname(folder) === folder) return null;
  }
}
