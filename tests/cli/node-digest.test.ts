import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateGrids } from '../../src/app';
import { setSha256 } from '../../src/domain/sha256';
import { readXlsx } from '../../src/xlsx/reader';
import { runCli } from './run-cli';

// Node's crypto, counted: the command line must hash `_ctg`'s key list with it (Web Crypto is the task pane's).
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, createHash: jest.fn(actual.createHash) };
});
const hashCalls = createHash as jest.MockedFunction<typeof createHash>;

const workbook = join(mkdtempSync(join(tmpdir(), 'ctg-digest-')), 'suivi.xlsx');

afterEach(() => setSha256(null));

test('the command line fingerprints with Node’s crypto, and its fingerprints are Web Crypto’s', async () => {
  expect((await runCli(['generate', '-o', workbook])).code).toBe(0);
  hashCalls.mockClear();
  const run = await runCli(['validate', workbook, '--json']);
  expect(JSON.parse(run.stdout).errors).toBe(0);
  expect(hashCalls).toHaveBeenCalledWith('sha256');
  // Read back with Web Crypto's hash (the task pane's), the fingerprint written by the command line still matches.
  setSha256(null);
  const read = readXlsx(new Uint8Array(readFileSync(workbook)));
  if (!read.ok) throw new Error(read.error.code);
  const report = await validateGrids(read.grids, { today: new Date('2026-12-04') });
  expect(report.issues.filter((issue) => issue.code === 'ctg-fingerprint-mismatch')).toEqual([]);
  expect(report.errors).toBe(0);
});
