import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { runCli } from '../cli/run-cli';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { valueAt } from '../rewrite/helpers';
import { mergeAndWrite } from '../../src/app/merge/merge-workbook';
import type { WorkbookGrids } from '../../src/domain/grid';
import { parseA1, type Issue } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import { gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { fillExtract, masterAndCcmpExtract, unexpectedDifferences, type KeyedEdit } from './helpers/returned-extract';

/**
 * A partner who merges cells of the returned extract (Excel's « Fusionner et centrer ») keeps the first cell's value
 * only: the spreadsheet saves the others empty. A value the extract held there reads as emptied, so the merge names
 * the range and says the partner merged those cells, holds or refuses what it hides, and loses nothing of the master.
 * A merged range over cells that were empty anyway says nothing.
 *
 * CCMP's extract of the sample plan, `Axe 1`: headers on row 3 (K Statut, V Règle d'agrégation, W 2026-T1, X 2026-T2,
 * Y 2026-T3), G1 on row 4 (Statut « En cours », Budget « Existant » in J), G1-QN1 on row 5 (2026-T1: 4).
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-merged-cells-'));
const path = (name: string) => join(folder, name);
const soffice = hasBinary('soffice');
const itWithLibreOffice = itWhenAvailable({ soffice });

let masterBytes: Uint8Array;
let extractBytes: Uint8Array;

/** A report as read, its typography's no-break spaces as spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** The extract with `edits` typed, then the cells of `ranges` in `Axe 1` merged, as a spreadsheet saves them. */
async function returnedWithMergedCells(ranges: string[], edits: KeyedEdit[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await fillExtract(extractBytes, edits)) as unknown as ExcelJS.Buffer);
  const axis = workbook.getWorksheet('Axe 1')!;
  for (const range of ranges) axis.mergeCells(range);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Merges `bytes`, as the file `name`, into a fresh copy of the master: the run, its --json report and the grids. */
async function merge(name: string, bytes: Uint8Array, extra: string[] = []) {
  const master = path(`suivi-${name}`);
  writeFileSync(master, masterBytes);
  writeFileSync(path(name), bytes);
  const json = await runCli(['merge', master, path(name), '--json', '--dry-run', ...extra]);
  const run = await runCli(['merge', master, path(name), ...extra]);
  return {
    run,
    stdout: plain(run.stdout),
    report: JSON.parse(json.stdout),
    before: gridsOf(masterBytes),
    after: gridsOf(new Uint8Array(readFileSync(master))),
  };
}

type Changed = { sheet: string; cell: string };
const cellsOf = (applied: Changed[]) => applied.map((change) => `${change.sheet}!${change.cell}`);

type Corner = { top: number; left: number; height: number; width: number };

/**
 * `grids` with `corners` merged in `Axe 1` as a spreadsheet saves them, every cell but the first emptied, and the
 * ranges given with the sheet (`told`) or not: the same cells, read as merged or as emptied.
 */
function mergedIn(grids: WorkbookGrids, corners: Corner[], told: boolean): WorkbookGrids {
  const sheets = grids.sheets.map((sheet) => {
    if (sheet.name !== 'Axe 1') return sheet;
    const rows = sheet.rows.map((row) => [...(row ?? [])]);
    const ranges: string[] = [];
    for (const { top, left, height, width } of corners) {
      for (let row = top; row < top + height; row++) {
        for (let column = left; column < left + width; column++) {
          if ((row !== top || column !== left) && rows[row - 1]) rows[row - 1][column - 1] = null;
        }
      }
      if (height > 1 || width > 1)
        ranges.push(`${cellAddress(top, left)}:${cellAddress(top + height - 1, left + width - 1)}`);
    }
    return told ? { ...sheet, rows, mergedRanges: ranges } : { ...sheet, rows };
  });
  return { sheets };
}

/**
 * What a merge of `grids` takes, holds and refuses, and the master it writes, leaving what only says merged ranges:
 * a conflict's range, and a plan or reserved cell refused as emptied, which merged cells make a note at that cell.
 */
async function decisionsOf(grids: WorkbookGrids) {
  const recording = recordingPort(masterBytes);
  const outcome = await mergeAndWrite(recording.port, [{ file: 'retour.xlsx', grids }], {
    now: new Date('2026-09-20T08:00:00Z'),
  });
  if (outcome.status !== 'done') return outcome;
  const { applied, contributed, unchanged, confirmed, conflicts, rejected, notes } = outcome.report;
  const at = (issue: Issue) => `${issue.sheet}!${issue.cell}`;
  const hiddenCodes = new Set(['merge-plan-cell-edited', 'merge-reserved-cell']);
  const refused = [
    ...rejected.map(({ issue }) =>
      hiddenCodes.has(issue.code) ? `hidden ${at(issue)}` : `${issue.code} ${at(issue)}`,
    ),
    ...notes.filter(({ issue }) => issue.code === 'merge-merged-cell').map(({ issue }) => `hidden ${at(issue)}`),
  ].sort();
  return {
    applied,
    contributed,
    unchanged,
    confirmed,
    conflicts: conflicts.map(({ mergedRange: _, ...conflict }) => conflict),
    refused,
    written: gridsOf(recording.last() ?? masterBytes),
  };
}

describe('cells a partner merged in the returned file', () => {
  beforeAll(async () => {
    ({ masterBytes, extractBytes } = await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), path('extrait.xlsx')));
    // What the tests below merge over: the extract's values, where the file says they are.
    const axis = gridsOf(extractBytes).sheets.find((sheet) => sheet.name === 'Axe 1')!;
    expect([axis.rows[2][10]?.value, axis.rows[3][10]?.value, axis.rows[4][22]?.value]).toEqual([
      'Statut',
      'En cours',
      4,
    ]);
  }, 60_000);

  it('names the merged range in the conflict of each value it hides, and the master keeps them all', async () => {
    // The partner merged V5:X5 (2026-T1's 4 under it) and I4:K4 (Budget and Statut under it), and gave G2's Statut.
    const bytes = await returnedWithMergedCells(
      ['V5:X5', 'I4:K4'],
      [{ key: 'G2', header: 'Statut', value: 'Réalisée' }],
    );
    const { run, stdout, report, before, after } = await merge('retour-fusion.xlsx', bytes);
    expect(run.code).toBe(1); // conflicts wait for the officer
    expect(stdout).toContain(
      'Conflit Axe 1!W5 G1-QN1, 2026-T1 : classeur « 4 », renvoyé vide (retour-fusion.xlsx ; CCMP a fusionné les ' +
        'cellules V5:X5 de la feuille « Axe 1 » du fichier renvoyé, où W5, masquée par la fusion, est vide (une fusion ne ' +
        'garde que la valeur de sa première cellule) ; gardez la valeur du classeur, sauf si CCMP confirme vouloir la ' +
        'vider) — non repris : --take "G1-QN1:2026-T1" pour la prendre',
    );
    expect(stdout).toContain(
      'Conflit Axe 1!K4 G1, Statut : classeur « En cours », renvoyé vide (retour-fusion.xlsx ; CCMP a fusionné les ' +
        'cellules I4:K4 de la feuille « Axe 1 » du fichier renvoyé, où K4, masquée par la fusion, est vide',
    );
    // Budget, of the plan, is never taken: said as hidden, not refused as a plan cell the partner emptied.
    expect(stdout).toContain(
      'Note (retour-fusion.xlsx) : Axe 1, cellule J4 : CCMP a fusionné les cellules I4:K4, qui masquent cette cellule ' +
        'de la colonne « Budget » : elle est lue vide, mais cette colonne n’est pas de celles que remplissent les ' +
        'partenaires ; rien n’en est repris et le classeur garde sa valeur.',
    );
    expect(stdout).not.toContain('vient du plan et a été vidée');
    expect(report.conflicts).toEqual([
      expect.objectContaining({ key: 'G1', column: 'Statut', reason: 'emptied', mergedRange: 'I4:K4' }),
      expect.objectContaining({ key: 'G1-QN1', column: '2026-T1', reason: 'emptied', mergedRange: 'V5:X5' }),
    ]);
    expect(report.rejected).toEqual([]);
    // Written: G2's Statut only; every value the master held is still there.
    expect(valueAt(after, 'G2', 'Statut')?.value).toBe('Réalisée');
    expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(4);
    expect(valueAt(after, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(after, 'G1', 'Budget')?.value).toBe('Existant');
    expect(unexpectedDifferences(before, after, cellsOf(report.applied))).toEqual([]);
  });

  it('says nothing of a merged range whose hidden cells were empty anyway', async () => {
    // 2026-T1's 4 kept in W5, the first cell; X5:Y5, K5:K6 and D6:D7 were empty in the extract.
    const bytes = await returnedWithMergedCells(
      ['W5:Y5', 'K4:K6', 'D5:D7'],
      [{ key: 'G2', header: 'Statut', value: 'Réalisée' }],
    );
    const { run, stdout, report, after } = await merge('retour-fusion-vide.xlsx', bytes);
    expect(run.code).toBe(0);
    expect(stdout).not.toContain('fusionné les cellules');
    expect(report).toMatchObject({ conflicts: [], rejected: [], notes: [] });
    expect(report.applied).toHaveLength(1);
    expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(4);
  });

  it('names the range when cells merged across rows hide a row’s key or a value, and takes nothing of it', async () => {
    // A5:A7 hides the keys of G1-QN2 and G1-QL1; W4:W5 hides G1-QN1's 4 under G1's grey cell.
    const bytes = await returnedWithMergedCells(['A5:A7', 'W4:W5']);
    const { run, stdout, report, before, after } = await merge('retour-fusion-lignes.xlsx', bytes);
    expect(run.code).toBe(1);
    expect(stdout).toContain(
      'Refusé (retour-fusion-lignes.xlsx) : Axe 1, cellule A6 : la clé de cette ligne est masquée par les cellules ' +
        'A5:A7, que CCMP a fusionnées (une fusion ne garde que la valeur de sa première cellule) : les valeurs de la ' +
        'ligne ne sont pas reprises, et le classeur garde les siennes. Demandez au partenaire d’annuler la fusion de ' +
        'ces cellules, puis fusionnez à nouveau son fichier.',
    );
    expect(report.rejected.map((line: Changed & { code: string }) => [line.code, line.cell])).toEqual([
      ['merge-row-without-key', 'A6'],
      ['merge-row-without-key', 'A7'],
    ]);
    expect(report.conflicts).toEqual([
      expect.objectContaining({ key: 'G1-QN1', column: '2026-T1', reason: 'emptied', mergedRange: 'W4:W5' }),
    ]);
    expect(stdout).toContain('CCMP a fusionné les cellules W4:W5 de la feuille « Axe 1 » du fichier renvoyé, où W5');
    expect(unexpectedDifferences(before, after, [])).toEqual([]);
  });

  it('names the range merged in the header row, and what is under the headers it hides is not taken', async () => {
    // W3:Y3 hides the headers 2026-T2 and 2026-T3; the partner typed 6 under 2026-T2.
    const bytes = await returnedWithMergedCells(['W3:Y3'], [{ key: 'G1-QN1', header: '2026-T2', value: 6 }]);
    const { run, stdout, report, before, after } = await merge('retour-fusion-en-tetes.xlsx', bytes);
    expect(run.code).toBe(0);
    expect(stdout).toContain(
      'Note (retour-fusion-en-tetes.xlsx) : Axe 1, cellule W3 : CCMP a fusionné les cellules W3:Y3 de la ligne des ' +
        'en-têtes, qui masquent les en-têtes des colonnes X et Y : ces colonnes ne sont pas lues, et la valeur ' +
        'qu’elles contiennent n’est pas reprise ; le classeur garde les siennes. Demandez au partenaire d’annuler la ' +
        'fusion de ces cellules, puis fusionnez à nouveau son fichier.',
    );
    // Said once for the range, not as a value typed beside the table.
    expect(report.notes.map((note: { code: string }) => note.code)).toEqual(['merge-merged-header']);
    expect(valueAt(after, 'G1-QN1', '2026-T2')).toBeNull();
    expect(unexpectedDifferences(before, after, [])).toEqual([]);
  });

  it('says what the columns whose headers a merge hides hold, never that the partner typed it', async () => {
    // A3:B3 hides the Type header: its values, the extract's own, are not read (nor ever taken).
    const { run, stdout, report, before, after } = await merge(
      'retour-fusion-type.xlsx',
      await returnedWithMergedCells(['A3:B3']),
    );
    expect(run.code).toBe(0);
    expect(stdout).toContain(
      'Axe 1, cellule A3 : CCMP a fusionné les cellules A3:B3 de la ligne des en-têtes, qui masquent l’en-tête de la ' +
        'colonne B : cette colonne n’est pas lue, et les 9 valeurs qu’elle contient ne sont pas reprises ; le classeur ' +
        'garde les siennes.',
    );
    expect(stdout).not.toContain('saisies');
    expect(report.notes.map((note: { code: string }) => note.code)).toEqual(['merge-merged-header']);
    expect(unexpectedDifferences(before, after, [])).toEqual([]);
  });

  it('refuses a sheet whose Clé header a merge with the row above hides, saying so', async () => {
    const bytes = await returnedWithMergedCells(['A2:A3']);
    const { run, stdout, before, after } = await merge('retour-fusion-cle.xlsx', bytes);
    expect(run.code).toBe(1);
    expect(stdout).toContain(
      'Axe 1, cellule A3 : cette colonne donne la clé de chaque ligne, mais son en-tête est masqué par les cellules ' +
        'A2:A3, que CCMP a fusionnées (une fusion ne garde que la valeur de sa première cellule) : aucune valeur de ' +
        'la feuille « Axe 1 » n’est reprise. Annulez la fusion de ces cellules, saisissez « Clé » dans cette cellule, ' +
        'puis fusionnez à nouveau.',
    );
    expect(unexpectedDifferences(before, after, [])).toEqual([]);
  });

  it('changes with merged ranges only what the merge says, never what it takes, holds, refuses or writes', async () => {
    const filled = gridsOf(
      await fillExtract(extractBytes, [
        { key: 'G2', header: 'Statut', value: 'Réalisée' },
        { key: 'G1-QN1', header: '2026-T2', value: 7 },
      ]),
    );
    // Each range around a cell that says something (G1's Statut K4 and Budget J4, G1-QN1's 4 in W5 and 7 in X5, G2's
    // Statut K8, G1-QN2's key A6, the 2026-T1 header W3), that cell anywhere in it; or anywhere, over one another too.
    const cells = ['K4', 'J4', 'W5', 'X5', 'K8', 'A6', 'W3'].map((address) => parseA1(address)!);
    const around = fc
      .record({ cell: fc.constantFrom(...cells), up: fc.nat(2), back: fc.nat(3), down: fc.nat(2), on: fc.nat(3) })
      .map(({ cell: { row, column }, up, back, down, on }) => {
        const [top, left] = [Math.max(1, row - up), Math.max(1, column - back)];
        return { top, left, height: row - top + 1 + down, width: column - left + 1 + on };
      });
    const anywhere = fc.record({
      top: fc.integer({ min: 1, max: 12 }),
      left: fc.integer({ min: 1, max: 46 }),
      height: fc.integer({ min: 1, max: 4 }),
      width: fc.integer({ min: 1, max: 5 }),
    });
    const corner = fc.oneof({ arbitrary: around, weight: 3 }, { arbitrary: anywhere, weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(corner, { minLength: 1, maxLength: 4 }), async (corners) => {
        const told = await decisionsOf(mergedIn(filled, corners, true));
        expect(told).toEqual(await decisionsOf(mergedIn(filled, corners, false)));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('reads a file whose merged ranges cover the whole sheet many times over as any other, losing nothing', async () => {
    // What a spreadsheet would not write: ranges over the whole sheet, written over one another 10 000 times.
    const grids = gridsOf(await fillExtract(extractBytes, [{ key: 'G2', header: 'Statut', value: 'Réalisée' }]));
    const axis = grids.sheets.find((sheet) => sheet.name === 'Axe 1')!;
    axis.mergedRanges = ['A1:XFD1048576', ...Array.from({ length: 10_000 }, () => 'B2:XFD1048576')];
    const recording = recordingPort(masterBytes);
    const outcome = await mergeAndWrite(recording.port, [{ file: 'retour.xlsx', grids }], {
      now: new Date('2026-09-20T08:00:00Z'),
    });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    // Every cell holding a value is read as one; no cell the extract filled reads empty.
    expect(outcome.report).toMatchObject({ conflicts: [], rejected: [], notes: [] });
    expect(outcome.report.applied.map((change) => `${change.key} ${change.column}`)).toEqual(['G2 Statut']);
    const after = gridsOf(recording.last());
    expect(unexpectedDifferences(gridsOf(masterBytes), after, ['Axe 1!K8'])).toEqual([]);
  });

  itWithLibreOffice(
    'names the range the same in the file LibreOffice saved',
    async () => {
      const merged = await returnedWithMergedCells(['V5:X5']);
      const saved = convertThroughLibreOffice({ retour: merged }, 'xlsx', {
        scratch: 'merge-merged-cells',
        recalculate: false,
      }).retour;
      const { stdout, report, before, after } = await merge('retour-fusion-lo.xlsx', saved);
      expect(stdout).toContain(
        'CCMP a fusionné les cellules V5:X5 de la feuille « Axe 1 » du fichier renvoyé, où W5, masquée par la fusion, est vide',
      );
      expect(report.conflicts).toEqual([expect.objectContaining({ key: 'G1-QN1', mergedRange: 'V5:X5' })]);
      expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(4);
      expect(unexpectedDifferences(before, after, [])).toEqual([]);
    },
    60_000,
  );
});
