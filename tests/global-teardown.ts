/** Removes the run's shared folder made by global-setup.ts. */
import * as fs from 'fs';

export default function globalTeardown(): void {
  const dir = process.env.CTG_TEST_RUN_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
