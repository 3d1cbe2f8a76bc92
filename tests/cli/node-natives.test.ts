import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { validateGrids } from '../../src/app';
import { useNodeInflater } from '../../src/cli/node-inflater';
import { setSha256 } from '../../src/domain/sha256';
import { readXlsx, setRawInflater } from '../../src/xlsx/reader';
import { runCli } from './run-cli';

// Node's zlib and crypto, counted: the command line must inflate and hash with them (the reader's default is
// fflate's, the fingerprint's Web Crypto: the task pane's).
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  return { ...actual, inflateRawSync: jest.fn(actual.inflateRawSync) };
});
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, createHash: jest.fn(actual.createHash) };
});
const zlibCalls = inflateRawSync as jest.MockedFunction<typeof inflateRawSync>;
const hashCalls = createHash as jest.MockedFunction<typeof createHash>;

const workbook = join(mkdtempSync(join(tmpdir(), 'ctg-natives-')), 'suivi.xlsx');

beforeAll(async () => {
  expect((await runCli(['generate', '-o', workbook])).code).toBe(0);
});
afterEach(() => {
  setRawInflater(null);
  setSha256(null);
});

test('a command reads the workbook’s parts through Node’s zlib', async () => {
  zlibCalls.mockClear();
  const run = await runCli(['validate', workbook, '--json']);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).errors).toBe(0);
  // Every sheet, the shared strings, the styles…: each whole part once.
  expect(zlibCalls.mock.calls.length).toBeGreaterThan(10);
});

test('the grids read through zlib are the grids read through fflate', () => {
  const bytes = new Uint8Array(readFileSync(workbook));
  setRawInflater(null);
  zlibCalls.mockClear();
  const viaFflate = readXlsx(bytes);
  expect(zlibCalls).not.toHaveBeenCalled();
  useNodeInflater();
  const viaZlib = readXlsx(bytes);
  expect(zlibCalls).toHaveBeenCalled();
  expect(viaZlib.ok).toBe(true);
  expect(viaZlib).toEqual(viaFflate);
});

test('a command fingerprints with Node’s crypto, and its fingerprints are Web Crypto’s', async () => {
  hashCalls.mockClear();
  const run = await runCli(['validate', workbook, '--json']);
  expect(JSON.parse(run.stdout).errors).toBe(0);
  expect(hashCalls).toHaveBeenCalledWith('sha256');
  // Read back with Web Crypto's hash (the task pane's), the fingerprint the command line wrote still matches.
  setSha256(null);
  const read = readXlsx(new Uint8Array(readFileSync(workbook)));
  if (!read.ok) throw new Error(read.error.code);
  const report = await validateGrids(read.grids, { today: new Date('2026-12-04') });
  expect(report.issues.filter((issue) => issue.code === 'ctg-fingerprint-mismatch')).toEqual([]);
  expect(report.errors).toBe(0);
});
