import type { WorkbookPort } from '../../../src/app/port';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { cellAddress } from '../../../src/layout/a1';
import { createXlsxFilePort } from '../../../src/xlsx/xlsx-file-port';
import { generateOnFake, portOnFake } from '../../excel-backend/helpers/run-on-fake';
import type { KeptWorkbook } from '../../fake-excel';
import { samplePlan } from '../../layout/helpers/sample-plan';
import { locate, type Entry } from '../../rewrite/helpers';
import { filledWorkbook, gridsOf } from '../../xlsx-patch/helpers';

/**
 * A master of the sample plan with values typed in, on either back end, so that the same merge tests run on files
 * and in (fake) Excel: a port over its current content, its grids as they are now, and a person's typing.
 */
export interface Master {
  port(): WorkbookPort;
  grids(): WorkbookGrids;
  /** Values typed by a person (not through the tools), by key and header. */
  type(entries: readonly Entry[]): Promise<void>;
}

export const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3

/** Where each entry goes: sheet and A1 address, found by key and header in the grids. */
function placesOf(grids: WorkbookGrids, entries: readonly Entry[]) {
  return entries.map((entry) => {
    for (const grid of grids.sheets.filter((sheet) => sheet.name.startsWith('Axe '))) {
      const at = locate(grid, entry.key, entry.header);
      if (at) return { sheet: grid.name, cell: cellAddress(at.row + 1, at.column + 1), value: entry.value };
    }
    throw new Error(`no cell for ${entry.key} ${entry.header}`);
  });
}

async function onFiles(entries: readonly Entry[]): Promise<Master> {
  let bytes = await filledWorkbook(samplePlan(), entries, generatedOn);
  const master: Master = {
    port: () => createXlsxFilePort(bytes, (written) => void (bytes = written)),
    grids: () => gridsOf(bytes),
    type: async (typed) => {
      const { editXlsx } = await import('../../excel-backend/helpers/xlsx-side');
      const edits = placesOf(master.grids(), typed).map((place) => ({ ...place, value: place.value as string }));
      bytes = await editXlsx(bytes, edits);
    },
  };
  return master;
}

/**
 * The sample plan's workbook generated in a fake Excel once per suite, then copied into each master's fake
 * (`putBack`, tests/fake-excel/checkpoint.ts): the same cells, formats and names, without generating them again.
 */
let generated: Promise<KeptWorkbook> | undefined;

async function inExcel(entries: readonly Entry[]): Promise<Master> {
  generated ??= generateOnFake(samplePlan(), generatedOn).then(({ fake }) => fake.keep());
  const { fake, port } = portOnFake();
  fake.putBack(await generated);
  const master: Master = {
    port: () => port,
    grids: () => fake.inspect.snapshotWorkbook(),
    type: async (typed) => {
      for (const place of placesOf(master.grids(), typed)) fake.seed.sheet(place.sheet, [[place.value]], place.cell);
    },
  };
  await master.type(entries);
  return master;
}

export const backEnds: [string, (entries: readonly Entry[]) => Promise<Master>][] = [
  ['on files', onFiles],
  ['in Excel (the fake)', inExcel],
];
