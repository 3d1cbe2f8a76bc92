import type { CellChange, WorkbookChanges } from '../../src/app/port';
import { embeddedPlan } from '../../src/app/plan-source';
import { excelUndoKept, type ChangeKnowledge } from '../../src/excel/change-protection';
import { generateOnFake, portOnFake } from './helpers/run-on-fake';

/**
 * Excel's « Annuler » undoes an add-in's writes only where ExcelUndoApiAll is supported, and not past a
 * protection lifted and put back (not undoable: it clears the stack). excelUndoKept says, before a change is
 * applied, whether it will be undoable, from what the read learnt.
 */

const protectedSheets = new Set(['journal', 'axe 1']);
/** Axe 1's row 5 holds input cells (unlocked); everything else is locked; « Notes » is a person's own sheet. */
const known: ChangeKnowledge = {
  protectionOf: (sheet) =>
    sheet === 'Inconnue' ? undefined : { protected: protectedSheets.has(sheet.toLowerCase()), options: {} },
  lockedAt: (sheet, row) =>
    sheet === 'Axe 1' && row === 5 ? false : sheet === 'Axe 1' && row === 9 ? undefined : true,
  formulaAt: () => null,
  numberFormatAt: () => undefined,
  autoFilterOf: () => undefined,
};
const outlook = (undoSupported: boolean) => ({ undoSupported, known });
const only = (...cells: CellChange[]): WorkbookChanges => ({ cells, ranges: [] });

describe('excelUndoKept', () => {
  test('a number in an input cell of a protected sheet, or anything on an unprotected sheet: kept', () => {
    const changes = only(
      { sheet: 'Axe 1', row: 5, column: 11, content: 12 },
      { sheet: 'Notes', row: 2, column: 1, content: 'texte' },
      { sheet: 'Notes', row: 40, column: 1, content: 'nouvelle', style: { bold: true } },
    );
    expect(excelUndoKept(changes, outlook(true))).toBe(true);
  });

  test('never where ExcelUndoApiAll is not supported, nor for a rebuild', () => {
    expect(excelUndoKept(only({ sheet: 'Notes', row: 2, column: 1, content: 1 }), outlook(false))).toBe(false);
    expect(excelUndoKept(null, outlook(true))).toBe(false);
  });

  test('not when a protected sheet must be unprotected: a locked cell, a text (@ first), a new cell, a filter', () => {
    const lifted: WorkbookChanges[] = [
      only({ sheet: 'Journal', row: 2, column: 1, content: 3 }),
      only({ sheet: 'Axe 1', row: 5, column: 11, content: 'texte' }),
      only({ sheet: 'Axe 1', row: 5, column: 11, content: 3, style: { numFmt: '0' } }),
    ];
    for (const changes of lifted) expect(excelUndoKept(changes, outlook(true))).toBe(false);
    const filtered: ChangeKnowledge = { ...known, autoFilterOf: () => 'A1:L8' };
    const filter = { cells: [], ranges: [{ sheet: 'Journal', autoFilter: 'A1:L9' }] };
    expect(excelUndoKept(filter, { undoSupported: true, known: filtered })).toBe(false);
  });

  test('a cell whose lock is not known, or a sheet whose protection is not, counts as protected', () => {
    expect(excelUndoKept(only({ sheet: 'Axe 1', row: 9, column: 11, content: 3 }), outlook(true))).toBe(false);
    expect(excelUndoKept(only({ sheet: 'Inconnue', row: 1, column: 1, content: 3 }), outlook(true))).toBe(false);
  });

  test('a filter the sheet does not have, or not known (no ExcelApi 1.9), is not applied, so it costs nothing', () => {
    const filter = { cells: [], ranges: [{ sheet: 'Axe 1', autoFilter: 'A3:AT12' }] };
    expect(excelUndoKept(filter, outlook(true))).toBe(true);
    const none: ChangeKnowledge = { ...known, autoFilterOf: () => null };
    expect(excelUndoKept(filter, { undoSupported: true, known: none })).toBe(true);
  });

  test('a filter the sheet already has is not applied again, so it costs nothing', () => {
    const filtered: ChangeKnowledge = { ...known, autoFilterOf: (sheet) => (sheet === 'Axe 1' ? 'A3:AT12' : null) };
    const same = { cells: [], ranges: [{ sheet: 'Axe 1', autoFilter: 'A3:AT12' }] };
    expect(excelUndoKept(same, { undoSupported: true, known: filtered })).toBe(true);
    const wider = { cells: [], ranges: [{ sheet: 'Axe 1', autoFilter: 'A3:AU12' }] };
    expect(excelUndoKept(wider, { undoSupported: true, known: filtered })).toBe(false);
  });

  test('a formula the cell already holds is not written, so it costs nothing', () => {
    const holding: ChangeKnowledge = { ...known, formulaAt: () => 'SUM(A1:A3)' };
    const same = only({ sheet: 'Journal', row: 2, column: 1, content: { formula: 'SUM(A1:A3)', result: 6 } });
    expect(excelUndoKept(same, { undoSupported: true, known: holding })).toBe(true);
    const other = only({ sheet: 'Journal', row: 2, column: 1, content: { formula: 'SUM(A1:A4)', result: 6 } });
    expect(excelUndoKept(other, { undoSupported: true, known: holding })).toBe(false);
  });
});

describe('the port says it from what its read learnt', () => {
  test('a rewrite of a tracking workbook writes `_ctg` (protected, a text): not undoable, even with the API', async () => {
    const { port } = await generateOnFake(embeddedPlan().plan, new Date('2026-11-28T10:00:00Z'), { undoApi: true });
    await port.read();
    expect(port.capabilities().undo).toBe(true);
    expect(port.rewriteKeepsExcelUndo()).toBe(false);
  }, 60_000);

  test('a value on a sheet the read found unprotected: undoable only where the API is', async () => {
    for (const undoApi of [true, false]) {
      const { fake, port } = portOnFake({ sheets: ['Notes'], undoApi });
      fake.seed.sheet('Notes', [['a', 1]]);
      await port.read();
      expect(port.excelUndoKept(only({ sheet: 'Notes', row: 1, column: 2, content: 2 }))).toBe(undoApi);
    }
  });
});
