import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { WorkbookGrids } from '../../src/domain/grid';
import { readGrids } from '../xlsx-reader/support/read';

const readings = new Map<string, WorkbookGrids>();

/**
 * A file as the project's reader reads it now. The reader is a function of the bytes alone: bytes already read in
 * this suite are not read again (a test looks at several cells of one file). The grids are shared: read, never
 * change them.
 */
export function fileGrids(file: string): WorkbookGrids {
  const bytes = new Uint8Array(readFileSync(file));
  const hash = createHash('sha256').update(bytes).digest('hex');
  const known = readings.get(hash);
  if (known) return known;
  const grids = readGrids(bytes);
  readings.set(hash, grids);
  return grids;
}
