/** @jest-environment jsdom */
// A value a person typed in `_ctg` outside what the tools write refuses every rewrite of that workbook (it would be
// lost), but the consolidation writes no territory's file: the territory is kept, the cell counted as a data error.
import '../taskpane/support/jsdom-globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFile } from '../../src/cli/consolidate/measure-file';
import { consolidatePicked } from '../../src/taskpane/consolidation/consolidate-picked';
import { editedBytes, pilat, territoryBytes } from './helpers/territories';

const today = new Date('2027-06-01T10:00:00Z');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('keeps a territory whose _ctg holds a typed value, counting it as an error beside its figures', async () => {
  const sound = await territoryBytes(pilat);
  const typed = await editedBytes(
    sound,
    (workbook) => void (workbook.getWorksheet('_ctg')!.getCell('H2').value = 'à garder'),
  );
  const folder = mkdtempSync(join(tmpdir(), 'ctg-typed-meta-'));
  const soundPath = join(folder, 'pilat.xlsx');
  const typedPath = join(folder, 'pilat-note.xlsx');
  writeFileSync(soundPath, sound);
  writeFileSync(typedPath, typed);

  const measuredSound = await measureFile(soundPath, { today, origin: { kind: 'given' } });
  const measuredTyped = await measureFile(typedPath, { today, origin: { kind: 'given' } });
  if (!measuredSound.ok || !measuredTyped.ok) throw new Error('a territory was left out');
  expect(measuredTyped.measure.errors).toBe(measuredSound.measure.errors + 1);
  expect(measuredTyped.measure.counts).toEqual(measuredSound.measure.counts);

  const inPane = await consolidatePicked([new File([typed as BlobPart], 'pilat-note.xlsx', { type: XLSX_TYPE })], {
    quarter: null,
    today,
    onRead: () => {},
  });
  expect(inPane.rejected).toEqual([]);
}, 60_000);
