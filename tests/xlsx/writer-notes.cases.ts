import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { streamXlsx } from '../../src/xlsx/writer/stream-xlsx';
import { samplePlan } from '../layout/helpers/sample-plan';

/**
 * The notes (comments) a spec carries on a sheet are written on their cells by both writers, the in-memory one and
 * the command line's streamed one: a filled cell, an empty one inside the rows, and one past the sheet's last row;
 * a text that reads like an `_xHHHH_` escape comes back as typed; a thread read in Excel is one note in a file.
 */

const notes = [
  { address: 'C4', text: 'Agent CTG:\nTitre repris du plan de 2025' },
  // A text that reads like an escape stays as typed, as a cell's does.
  { address: 'D5', text: 'Dossier _x0041_ de la Caf' },
  { address: 'O10', text: 'À revoir avec la ludothèque' },
  { address: 'B60', text: 'Sous le tableau, loin de tout' },
];

async function specWithNotes(): Promise<WorkbookSpec> {
  const spec = (await buildNewWorkbook(samplePlan(), { today: new Date('2026-05-10T09:00:00Z') })).spec;
  const axis = spec.sheets.find((sheet) => sheet.name === 'Axe 1')!;
  axis.notes = notes.map((note) => ({ ...note }));
  return spec;
}

describe.each([
  ['writeXlsx', writeXlsx],
  ['streamXlsx', streamXlsx],
])('notes written by %s', (_, write) => {
  it('are read back on their cells, with their text, and only on their sheet', async () => {
    const read = readXlsx(await write(await specWithNotes()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.grids.sheets.find((sheet) => sheet.name === 'Axe 1')?.notes).toEqual(notes);
    expect(read.grids.sheets.filter((sheet) => sheet.notes !== undefined).map((sheet) => sheet.name)).toEqual([
      'Axe 1',
    ]);
  }, 60_000);

  it('write a thread read in Excel as one note, its replies after its first message', async () => {
    const spec = await specWithNotes();
    spec.sheets.find((sheet) => sheet.name === 'Axe 1')!.notes = [
      { address: 'O10', text: 'À revoir', thread: { replies: ['Vu en comité', 'Chiffre confirmé'] } },
    ];
    const read = readXlsx(await write(spec));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.grids.sheets.find((sheet) => sheet.name === 'Axe 1')?.notes).toEqual([
      { address: 'O10', text: 'À revoir — Vu en comité — Chiffre confirmé' },
    ]);
  }, 60_000);
});
