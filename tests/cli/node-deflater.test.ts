import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { useNodeDeflater } from '../../src/cli/node-deflater';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { SETTINGS_VALUE_COLUMN, settingsRows } from '../../src/layout/sheets/settings/settings-layout';
import { sheetNames } from '../../src/layout/texts';
import { patchXlsx } from '../../src/xlsx/patch/patch-xlsx';
import { readXlsx } from '../../src/xlsx/reader';
import { readZipDirectory } from '../../src/xlsx/reader/zip-directory';
import { writeXlsx } from '../../src/xlsx/writer';
import { setRawDeflater, zipParts } from '../../src/xlsx/zip-writing';
import { samplePlan } from '../layout/helpers/sample-plan';
import { runCli } from './run-cli';

// Node's zlib, counted: the command line must deflate with it (the writer's default is fflate's, the task pane's).
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  return { ...actual, deflateRawSync: jest.fn(actual.deflateRawSync) };
});
const zlibCalls = deflateRawSync as jest.MockedFunction<typeof deflateRawSync>;

afterEach(() => setRawDeflater(null));

function gridsOf(bytes: Uint8Array) {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

test('a command writes its workbook’s parts through Node’s zlib, and the workbook reads back', async () => {
  const workbook = join(mkdtempSync(join(tmpdir(), 'ctg-deflater-')), 'suivi.xlsx');
  zlibCalls.mockClear();
  expect((await runCli(['generate', '-o', workbook])).code).toBe(0);
  // Every sheet, the shared strings, the styles…: each part once.
  expect(zlibCalls.mock.calls.length).toBeGreaterThan(10);
  const run = await runCli(['validate', workbook, '--json']);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).errors).toBe(0);
});

test('every part, folder and empty part unzips to its own bytes, each part deflated', () => {
  const text = new TextEncoder().encode('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(2000));
  const noise = Uint8Array.from({ length: 5000 }, (_, index) => (index * 7919) % 251);
  const files = {
    'xl/': new Uint8Array(0),
    'xl/sheet.xml': text,
    'xl/noise.bin': noise,
    'empty.txt': new Uint8Array(0),
  };
  useNodeDeflater();
  zlibCalls.mockClear();
  const zipped = zipParts(files);
  expect(zlibCalls).toHaveBeenCalledTimes(4);
  expect(unzipSync(zipped)).toEqual(files);
  const entries = readZipDirectory(zipped).entries;
  expect(entries.get('xl/sheet.xml')).toMatchObject({ method: 8, declaredSize: text.length });
  expect(entries.get('xl/sheet.xml')!.compressedSize).toBeLessThan(text.length / 20);
  // Even a folder is deflated: a streaming reader refuses a stored entry written with a data descriptor.
  expect([...entries.values()].map((entry) => entry.method)).toEqual([8, 8, 8, 8]);
});

test('a workbook written, then patched, through zlib reads as through fflate', async () => {
  const { spec } = await buildNewWorkbook(samplePlan(), { today: new Date('2026-11-28T10:00:00Z') });
  const patch = {
    cells: [
      { sheet: sheetNames.settings, row: settingsRows.territory, column: SETTINGS_VALUE_COLUMN, content: 'Pilat' },
    ],
    ranges: [],
  };
  const viaFflate = await writeXlsx(spec);
  const patchedViaFflate = patchXlsx(viaFflate, patch);
  useNodeDeflater();
  zlibCalls.mockClear();
  const viaZlib = await writeXlsx(spec);
  expect(zlibCalls).toHaveBeenCalled();
  zlibCalls.mockClear();
  const patchedViaZlib = patchXlsx(viaZlib, patch);
  // The patch deflates the parts it changed, and only those.
  expect(zlibCalls.mock.calls.length).toBeGreaterThan(0);
  expect(zlibCalls.mock.calls.length).toBeLessThan(Object.keys(unzipSync(viaZlib)).length);
  expect(gridsOf(viaZlib)).toEqual(gridsOf(viaFflate));
  expect(gridsOf(patchedViaZlib)).toEqual(gridsOf(patchedViaFflate));
  expect(gridsOf(patchedViaZlib)).not.toEqual(gridsOf(viaZlib));
});
