/**
 * Tests that need a program outside node (xmllint, soffice, chromium…) may skip only when it is missing and
 * CTG_REQUIRE_EXTERNAL_TOOLS is not "1". CI sets it: there a missing tool makes the test fail, not vanish.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const externalToolsRequired = process.env.CTG_REQUIRE_EXTERNAL_TOOLS === '1';

/** True when `binary` is found on the PATH. */
export function hasBinary(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).status === 0;
}

/**
 * `it` when every requirement is met or external tools are required (a missing one then fails the test with
 * its name), `it.skip` otherwise. `requirements` maps a label to whether it is available.
 */
export function itWhenAvailable(requirements: Record<string, boolean>): jest.It {
  const missing = Object.entries(requirements)
    .filter(([, available]) => !available)
    .map(([label]) => label);
  if (missing.length === 0) return it;
  if (!externalToolsRequired) return it.skip;
  const failing = ((name: string) =>
    it(name, () => {
      throw new Error(`Missing while CTG_REQUIRE_EXTERNAL_TOOLS=1: ${missing.join(', ')}`);
    })) as unknown as jest.It;
  return failing;
}

/** Where the manifest schemas are (the project's copy, schemas/manifest), and whether they are there. */
export function manifestSchema(): { file: string; available: boolean } {
  const file = path.resolve(__dirname, '..', '..', 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd');
  return { file, available: fs.existsSync(file) };
}
