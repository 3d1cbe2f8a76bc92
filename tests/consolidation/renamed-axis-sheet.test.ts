/** @jest-environment jsdom */
// An axis sheet a person renamed (« Axe 1 » → « Axe 1 (RPE) »): the consolidation reads the figures' sheets only, so
// the renamed sheet was not read and the file was left out with « supprimée ou renommée : rétablissez-la (à partir
// d'une copie de sauvegarde) », while `validate` finds it by its keys and says to give it its name back. The
// consolidation now reads the sheets it skipped when an axis sheet is missing, and says what validation says; a
// workbook whose axis sheets are all in place is read as before, its other sheets skipped.
// « Compétences AO » renamed is read again and recognised the same way, but only its AO part is left out.
import '../taskpane/support/jsdom-globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidationRead, measureTerritory, type MeasureOutcome } from '../../src/app/consolidate';
import { measureFile } from '../../src/cli/consolidate/measure-file';
import { isSkipped, type AnyWorkbookGrids } from '../../src/domain/grid';
import { consolidatePicked } from '../../src/taskpane/consolidation/consolidate-picked';
import { readXlsx } from '../../src/xlsx/reader';
import { BY_THE_TERRITORY, editedBytes, pilat, territoryBytes } from './helpers/territories';

const today = new Date('2027-06-01T10:00:00Z');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NBSP = '\u00a0';
const advice =
  `La feuille «${NBSP}Axe 1${NBSP}» manque. La feuille «${NBSP}Axe 1 (RPE)${NBSP}» semble être «${NBSP}Axe 1${NBSP}» ` +
  `renommée${NBSP}: rendez-lui son nom.${BY_THE_TERRITORY}`;

let renamed: Uint8Array;
let withNotes: Uint8Array;

beforeAll(async () => {
  const sound = await territoryBytes(pilat);
  renamed = await editedBytes(sound, (workbook) => void (workbook.getWorksheet('Axe 1')!.name = 'Axe 1 (RPE)'));
  withNotes = await editedBytes(sound, (workbook) => void workbook.addWorksheet('Notes').addRow(['Clé', 'G1']));
}, 60_000);

/** The measure of `bytes` read as a consolidation reads them, with the sheet names each read selected. */
async function measured(bytes: Uint8Array): Promise<{ outcome: MeasureOutcome; reads: string[][] }> {
  const reads: string[][] = [];
  const read = (sheets = consolidationRead.sheets): AnyWorkbookGrids => {
    const result = readXlsx(bytes, { ...consolidationRead, sheets });
    if (!result.ok) throw new Error(result.error.code);
    reads.push(result.grids.sheets.filter((sheet) => !isSkipped(sheet)).map((sheet) => sheet.name));
    return result.grids;
  };
  const outcome = await measureTerritory('classeur.xlsx', read(), {
    today,
    reread: async (sheets) => read(sheets),
  });
  return { outcome, reads };
}

it('is left out with validation’s advice, on the command line and in the pane', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ctg-renamed-axis-'));
  const path = join(folder, 'pilat-maj.xlsx');
  writeFileSync(path, renamed);
  expect(await measureFile(path, { today, origin: { kind: 'given' } })).toEqual({
    ok: false,
    rejected: { file: path, code: 'missing-sheet', reason: advice, territory: 'Monts du Pilat' },
    identity: expect.objectContaining({ territory: 'Monts du Pilat' }),
  });
  const inPane = await consolidatePicked([new File([renamed as BlobPart], 'pilat-maj.xlsx', { type: XLSX_TYPE })], {
    quarter: null,
    today,
    onRead: () => {},
  });
  expect(inPane.rejected).toEqual([
    { file: 'pilat-maj.xlsx', code: 'missing-sheet', reason: advice, territory: 'Monts du Pilat' },
  ]);
}, 60_000);

it('reads the sheets it skipped only when an axis sheet is missing', async () => {
  const lost = await measured(renamed);
  expect(lost.outcome).toMatchObject({ ok: false, rejected: { reason: advice } });
  expect(lost.reads).toHaveLength(2);
  expect(lost.reads[0]).not.toContain('Axe 1 (RPE)');
  expect(lost.reads[1]).toContain('Axe 1 (RPE)');

  // Every axis sheet in its place: one read, a person's own sheet not read.
  const sound = await measured(withNotes);
  expect(sound.outcome.ok).toBe(true);
  expect(sound.reads).toHaveLength(1);
  expect(sound.reads[0]).not.toContain('Notes');
}, 60_000);

it('keeps a territory whose « Compétences AO » was renamed, in the pane too, telling its AO part not read', async () => {
  const renamedAo = await editedBytes(
    await territoryBytes(pilat),
    (workbook) => void (workbook.getWorksheet('Compétences AO')!.name = 'AO'),
  );
  const inPane = await consolidatePicked([new File([renamedAo as BlobPart], 'pilat-ao.xlsx', { type: XLSX_TYPE })], {
    quarter: null,
    today,
    onRead: () => {},
  });
  expect(inPane.rejected).toEqual([]);
  expect(inPane.territories.map((territory) => territory.aoUnread)).toEqual([
    {
      code: 'missing-sheet',
      reason:
        `La feuille «${NBSP}Compétences AO${NBSP}» manque. La feuille «${NBSP}AO${NBSP}» semble être ` +
        `«${NBSP}Compétences AO${NBSP}» renommée${NBSP}: rendez-lui son nom.${BY_THE_TERRITORY}`,
    },
  ]);
}, 60_000);
