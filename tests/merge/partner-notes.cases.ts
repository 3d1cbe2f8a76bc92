import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { runCli } from '../cli/run-cli';
import { gridsOf } from '../xlsx-patch/helpers';
import { masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A partner who explains a figure often does it in a note attached to its cell (Excel's « Nouvelle note »), not in
 * « Commentaire »: a merge takes cell values only, so each note of the returned file is named at its cell with its
 * text, for the officer to read, rather than dropped without a word.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-notes-'));
const path = (name: string) => join(folder, name);

let extractPath: string;

beforeAll(async () => {
  extractPath = path('extrait.xlsx');
  await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), extractPath);
}, 60_000);

/** A report as read, its typography's no-break spaces as spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/**
 * The extract as the partner saves it: 12 typed in G1-QN1's 2026-T3, and notes attached to cells of `Axe 1` (`value`:
 * that cell).
 */
async function returnedWithNotes(name: string, notes: Record<string, string>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(extractPath) as unknown as ExcelJS.Buffer);
  const axis = workbook.getWorksheet('Axe 1')!;
  const headerRow = [...Array(10).keys()]
    .map((index) => index + 1)
    .find((row) => axis.getCell(row, 1).value === 'Clé')!;
  const header = axis.getRow(headerRow).values as unknown[];
  const quarter = header.indexOf('2026-T3');
  const row = [...Array(60).keys()].map((index) => index + 1).find((at) => axis.getCell(at, 1).value === 'G1-QN1')!;
  axis.getCell(row, quarter).value = 12;
  for (const [address, text] of Object.entries(notes))
    (address === 'value' ? axis.getCell(row, quarter) : axis.getCell(address)).note = text;
  const file = path(name);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

describe('a note the partner attached to a cell of the returned file', () => {
  it('is named at its cell with its text, and the values are taken all the same', async () => {
    const returned = await returnedWithNotes('retour-notes.xlsx', {
      value: 'Chiffre provisoire : le premier mois seulement',
    });
    const master = path('suivi.xlsx');
    const before = readFileSync(master);
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(plain(run.stdout)).toContain('Axe 1!Y5     G1-QN1, 2026-T3 : vide → « 12 » (retour-notes.xlsx)');
    expect(plain(run.stdout)).toContain(
      'Note (retour-notes.xlsx) : Axe 1, cellule Y5 : une note est attachée à cette cellule (' +
        '« Chiffre provisoire : le premier mois seulement ») ; les notes ne sont pas reprises. ' +
        'Si elle compte, reportez-la dans la colonne du suivi qui convient (« Commentaire », « Difficultés »…) ' +
        'du classeur de suivi.',
    );
    expect(readFileSync(master).equals(before)).toBe(true);
  });

  it('is given in --json with its sheet, cell and text', async () => {
    const returned = await returnedWithNotes('retour-note-json.xlsx', { B2: 'Relu par la directrice' });
    const run = await runCli(['merge', path('suivi.xlsx'), returned, '--dry-run', '--json']);
    const notes = (JSON.parse(run.stdout) as { notes: { code: string; sheet: string; cell: string }[] }).notes;
    expect(notes.filter((note) => note.code === 'merge-cell-note')).toEqual([
      expect.objectContaining({
        sheet: 'Axe 1',
        cell: 'B2',
        message: expect.stringContaining('Relu par la directrice'),
      }),
    ]);
  });

  it('quotes a threaded comment by its messages, not the text Excel keeps for older versions', async () => {
    // Excel 365's « Nouveau commentaire » is a thread; beside it, the file keeps this note for programs without threads.
    const shim =
      '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to ' +
      'it will get removed if the file is opened in a newer version of Excel. Learn more: ' +
      'https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Chiffre provisoire\nReply:\n    Confirmé en octobre';
    const returned = await returnedWithNotes('retour-fil.xlsx', { value: shim });
    const run = await runCli(['merge', path('suivi.xlsx'), returned, '--dry-run']);
    expect(plain(run.stdout)).toContain(
      'Axe 1, cellule Y5 : une note est attachée à cette cellule (« Chiffre provisoire \u2014 Confirmé en octobre »)',
    );
  });

  it('says nothing of a returned file without notes', async () => {
    const returned = await returnedWithNotes('retour-sans-note.xlsx', {});
    expect(gridsOf(new Uint8Array(readFileSync(returned))).sheets.some((grid) => grid.notes?.length)).toBe(false);
    const run = await runCli(['merge', path('suivi.xlsx'), returned, '--dry-run']);
    expect(plain(run.stdout)).not.toContain('une note est attachée');
  });
});
