import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { gridText } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { readXlsx } from '../../src/xlsx/reader';
import { consolidationRead } from '../../src/app/consolidate/consolidation-read';
import { samplePlan, samplePlanWithFicheBeforeG2, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { filledWorkbook, gridsOf, NOTE, recordingPort, withCellNotes, type CellNotesOptions } from './helpers';

/**
 * A note (a comment) a person attached to a cell in Excel or LibreOffice is typed text too. A rewrite that patches
 * the file keeps it where it is; one that writes the workbook whole writes it back on the cell where that cell's
 * content goes (row by key, column by header), and says so at each cell whose place is gone, with the note's text,
 * rather than dropping it unsaid.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

/** The workbook with a note on `address` of `sheetName`, as a spreadsheet saves one: a comments part of the sheet. */
function withNote(bytes: Uint8Array, sheetName: string, address: string, options: CellNotesOptions = {}): Uint8Array {
  return withCellNotes(bytes, sheetName, [address], options);
}

describe('a note a person attached to a cell', () => {
  it('is not read by a consolidation, which writes nothing back: a damaged notes part does not leave the file out', async () => {
    const bytes = withNote(await filledWorkbook(samplePlan(), [], today), 'Axe 1', 'X6', { damage: 'cut' });
    const read = readXlsx(bytes, consolidationRead);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.grids.sheets.find((sheet) => sheet.name === 'Axe 1')).not.toHaveProperty('notes');
  }, 60_000);

  it('too long to be read (past the limit of a cell’s text) is read as such, its place kept', async () => {
    const long = 'Une note bien trop longue. '.repeat(1300); // 35 100 characters: more than a cell holds
    const bytes = withNote(await filledWorkbook(samplePlan(), [], today), 'Axe 1', 'X6', { text: long });
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.error.code);
    const axis = read.grids.sheets.find((sheet) => sheet.name === 'Axe 1');
    expect(axis?.notes).toEqual([{ address: 'X6', text: '', unread: true }]);
  }, 60_000);

  it('is read with its sheet and cell', async () => {
    const bytes = withNote(await filledWorkbook(samplePlan(), [], today), 'Axe 1', 'X6');
    const axis = gridsOf(bytes).sheets.find((sheet) => sheet.name === 'Axe 1');
    expect(axis?.notes).toEqual([{ address: 'X6', text: `Agent CTG:\n${NOTE}` }]);
  }, 60_000);

  it('stays in the file through a compute that patches it, and nothing is said', async () => {
    const start = withNote(await filledWorkbook(samplePlan(), [], today), 'Axe 1', 'X6');
    const recorded = recordingPort(start);
    const outcome = await computeAndWrite(recorded.port, { now: later });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.notes.map((note) => note.code)).not.toContain('cell-note-not-kept');
    expect(gridsOf(recorded.last()).sheets.find((sheet) => sheet.name === 'Axe 1')?.notes).toHaveLength(1);
  }, 60_000);

  it('is named with its text, sheet and cell by a regeneration that removes its row', async () => {
    // X7: G1-QL1's figure of 2026-T2, a criterion the amended plan removes.
    const start = withNote(await filledWorkbook(samplePlan(), [], today), 'Axe 1', 'X7');
    const recorded = recordingPort(start);

    const outcome = await regenerateAndWrite(recorded.port, samplePlanWithoutG1QL1(), { now: later });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(recorded.contexts[0]?.changes).toBeUndefined();
    const said = outcome.notes.filter((note) => note.code === 'cell-note-not-kept');
    expect(said).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Axe 1', cell: 'X7' })]);
    const message = renderIssueMessage(said[0]);
    expect(message).toContain('Axe 1, cellule X7');
    expect(message).toContain(NOTE);
    expect(message).toMatch(/ancien fichier/);
    expect(gridsOf(recorded.last()).sheets.find((sheet) => sheet.name === 'Axe 1')).not.toHaveProperty('notes');
  }, 60_000);

  it('follows its cell to its row and column in a regeneration that moves the rows', async () => {
    // O10: « Difficultés » of G2-QN2; X7: a figure of G1-QL1, which the amended plan removes.
    const start = withCellNotes(await filledWorkbook(samplePlan(), [], today), 'Axe 1', ['O10', 'X7']);
    const recorded = recordingPort(start);

    const outcome = await regenerateAndWrite(recorded.port, samplePlanWithFicheBeforeG2(samplePlanWithoutG1QL1()), {
      now: later,
    });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(recorded.contexts[0]?.changes).toBeUndefined();
    const said = outcome.notes.filter((note) => note.code === 'cell-note-not-kept');
    expect(said).toEqual([expect.objectContaining({ sheet: 'Axe 1', cell: 'X7' })]);
    const axis = gridsOf(recorded.last()).sheets.find((sheet) => sheet.name === 'Axe 1')!;
    // G1 keeps two criteria (rows 4-6), the new fiche and its criterion take rows 7-8: G2-QN2 is now row 11.
    expect(axis.notes).toEqual([{ address: 'O11', text: `Agent CTG:\n${NOTE}` }]);
    expect(gridText(axis, 11, 1)).toBe('G2-QN2');
    expect(gridText(axis, 3, 15)).toBe('Difficultés');
  }, 60_000);

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'written back by a regeneration, is opened and saved by LibreOffice at its new cell',
    async () => {
      const start = withCellNotes(await filledWorkbook(samplePlan(), [], today), 'Axe 1', ['O10']);
      const recorded = recordingPort(start);
      const outcome = await regenerateAndWrite(recorded.port, samplePlanWithFicheBeforeG2(samplePlan()), {
        now: later,
      });
      expect(outcome.status).toBe('done');

      const saved = saveOneThroughLibreOffice(recorded.last(), 'notes', { scratch: 'cell-notes', recalculate: false });

      const axis = gridsOf(saved).sheets.find((sheet) => sheet.name === 'Axe 1')!;
      expect(axis.notes).toEqual([{ address: 'O12', text: expect.stringContaining(NOTE) }]);
      expect(gridText(axis, 12, 1)).toBe('G2-QN2');
    },
    120_000,
  );
});
