/** @jest-environment jsdom */
// A territory's workbook damaged only after its sheets' cells (a byte that is no UTF-8 at the end of each
// worksheet, where Excel keeps validation lists and page setup): a consolidation reads no further than the cells,
// so the file is consolidated with the figures of the undamaged file, on the command line and in the pane alike.
// A read that may write the workbook back (validate, merge…) reads whole sheets and refuses it.
import './support/jsdom-globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { consolidationJson } from '../../src/app/consolidate';
import { measureFile } from '../../src/cli/consolidate/measure-file';
import { consolidatePicked } from '../../src/taskpane/consolidation/consolidate-picked';
import { readXlsx } from '../../src/xlsx/reader';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';

const today = new Date('2027-06-01T10:00:00Z');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook with a 0xFF byte in a tag after each worksheet's `</sheetData>`. */
function damagedAfterCells(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  let damaged = 0;
  for (const [name, content] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const [before, after] = strFromU8(content).split('</worksheet>');
    parts[name] = Uint8Array.from([...strToU8(`${before}<extLst a="`), 0xff, ...strToU8(`"/></worksheet>${after}`)]);
    damaged++;
  }
  expect(damaged).toBeGreaterThan(3);
  return zipSync(parts);
}

const pick = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name, { type: XLSX_TYPE });

it('is consolidated with the undamaged file’s figures, on the command line and in the pane; a whole read refuses it', async () => {
  const sound = await territoryBytes(pilat);
  const damaged = damagedAfterCells(sound);
  expect(readXlsx(damaged)).toMatchObject({ ok: false, error: { code: 'invalid-xml' } });

  const folder = mkdtempSync(join(tmpdir(), 'ctg-damaged-tail-'));
  const [soundPath, damagedPath] = [join(folder, 'sain.xlsx'), join(folder, 'abime-apres.xlsx')];
  writeFileSync(soundPath, sound);
  writeFileSync(damagedPath, damaged);
  const onCommandLine = await measureFile(damagedPath, { today });
  const expected = await measureFile(soundPath, { today });
  if (!onCommandLine.ok || !expected.ok) throw new Error('left out');
  expect({ ...onCommandLine.measure, file: '' }).toEqual({ ...expected.measure, file: '' });

  const inPane = await consolidatePicked([pick('abime-apres.xlsx', damaged), pick('sain.xlsx', sound)], {
    quarter: null,
    today,
    onRead: () => {},
  });
  const json = consolidationJson(inPane);
  expect(json.rejected).toEqual([]);
  // The same territory twice: one copy kept, with the figures of the sound file.
  expect(json.territories).toHaveLength(1);
  // The JSON's counts are the measure's, with « Sans statut » beside the statuses.
  expect(json.territories[0].counts).toMatchObject(expected.measure.counts);
});
