import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { useNodeInflater } from '../../src/cli/node-inflater';
import { readXlsx, setRawInflater } from '../../src/xlsx/reader';
import { runCli } from './run-cli';

// Node's zlib, counted: the command line must inflate with it (the reader's default is fflate's, the task pane's).
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  return { ...actual, inflateRawSync: jest.fn(actual.inflateRawSync) };
});
const zlibCalls = inflateRawSync as jest.MockedFunction<typeof inflateRawSync>;

const workbook = join(mkdtempSync(join(tmpdir(), 'ctg-inflater-')), 'suivi.xlsx');

beforeAll(async () => {
  expect((await runCli(['generate', '-o', workbook])).code).toBe(0);
});
afterEach(() => setRawInflater(null));

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
