import ExcelJS from 'exceljs';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { quarterChosen, textValue } from '../../src/domain/journal';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { fixtureBytes } from './format-v1';
import { cellAt, sheet } from './helpers';

/**
 * A note a person types under or between the lines of a record sheet (Journal, Historique, Archives, Contributions;
 * docs/WORKBOOK.md, « A person's note in a record sheet ») is no line of the tools: every rewrite is refused, the message
 * at the note's cell saying what to do, so that it is neither lost nor read as a record; past the table's last
 * column it is kept, as any cell a person adds beside a table.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const closedAt = '2026-04-01T08:00:00Z';
const mergedAt = '2026-06-30T08:00:00Z';

/** Each record sheet with two lines, and its last column. */
const SHEETS = [
  { name: 'Journal', lastColumn: 'L', lastHeader: 'Partenaire' },
  { name: 'Historique', lastColumn: 'E', lastHeader: 'Date de clôture' },
  { name: 'Archives', lastColumn: 'F', lastHeader: 'Valeur' },
  { name: 'Contributions', lastColumn: 'H', lastHeader: 'Type' },
] as const;

const NOTE = 'note perso';

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

/** A workbook whose four record sheets hold two lines each (rows 2 and 3). */
async function workbookWithRecords(): Promise<Uint8Array> {
  const filled = await filledWorkbook(samplePlan(), [{ key: 'G1-QN2', header: '2026-T2', value: 42 }], today);
  const state = await stateOf(gridsOf(filled));
  const text = (value: string) => ({ value, isDate: false });
  const contribution = (partner: string, value: number) => ({
    at: mergedAt,
    file: `Suivi CTG – ${partner} – 2026-T2.xlsx`,
    partner,
    key: 'G1-QN2',
    label: '2026-T2',
    field: '2026-T2',
    value: { type: 'number' as const, value },
  });
  const archived = (column: string, value: string) => ({
    archivedAt: closedAt,
    key: 'G9-QN1',
    type: 'Quantitatif',
    title: 'Nombre de réunions',
    column,
    value: text(value),
  });
  const withRecords: WorkbookState = {
    ...state,
    journal: [...state.journal, quarterChosen(closedAt, textValue('2026-T1'), '2026-T2')],
    history: {
      entries: [
        { quarter: '2026-T1', key: 'G1', field: 'Statut', value: text('En cours'), closedAt },
        { quarter: '2026-T1', key: 'G1', field: 'Difficultés', value: text('Calendrier'), closedAt },
      ],
      keepSheet: true,
    },
    archives: { entries: [archived('Commentaire', 'Vu'), archived('Cible', 'Dix')], keepSheet: true },
    contributions: { entries: [contribution('CCMP', 30), contribution('Mairie de Pélussin', 12)], keepSheet: true },
  };
  return writeXlsx((await buildStateWorkbook(withRecords, { now: today })).spec);
}

/** The workbook with cells typed as a person would after unprotecting the sheet (ExcelJS, a library, not Excel). */
async function typed(
  bytes: Uint8Array,
  sheetName: string,
  cells: Record<string, ExcelJS.CellValue>,
  { insertRowAt }: { insertRowAt?: number } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const worksheet = workbook.getWorksheet(sheetName)!;
  if (insertRowAt !== undefined) worksheet.spliceRows(insertRowAt, 0, []);
  for (const [address, value] of Object.entries(cells)) worksheet.getCell(address).value = value;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Compute on the file back end: its outcome and the file saved, if any. */
async function compute(bytes: Uint8Array) {
  const recorded = recordingPort(bytes);
  const outcome = await computeAndWrite(recorded.port, { now: later });
  return { outcome, saved: recorded.written };
}

const errorsOf = (issues: readonly Issue[]) =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.sheet, issue.cell]);

let records: Uint8Array;
beforeAll(async () => {
  records = await workbookWithRecords();
}, 60_000);

describe.each(SHEETS)('a note typed in $name', ({ name, lastColumn, lastHeader }) => {
  it('under its lines refuses compute, at the note’s cell, saying what to do; the file is not written', async () => {
    const bytes = await typed(records, name, { A5: NOTE });
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('refused');
    const issues = 'issues' in outcome ? outcome.issues : [];
    expect(errorsOf(issues)).toEqual([['record-line-not-a-record', name, 'A5']]);
    const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
    expect(message).toContain(`${name}, cellule A5\u00a0: «\u00a0${NOTE}\u00a0»`);
    expect(message).toContain(
      `à droite du tableau, après sa dernière colonne (${lastColumn}, «\u00a0${lastHeader}\u00a0»)`,
    );
    expect(message).toContain('dans une autre feuille');
    expect(saved).toEqual([]);
  }, 60_000);

  it('under its lines is listed by validate, at its cell', async () => {
    const bytes = await typed(records, name, { A5: NOTE });
    const report = await validateGrids(gridsOf(bytes), { today: later });
    expect(errorsOf(report.issues)).toEqual([['record-line-not-a-record', name, 'A5']]);
  }, 60_000);

  it('between two lines, in another column than the first, refuses compute at that cell', async () => {
    const bytes = await typed(records, name, { B3: NOTE }, { insertRowAt: 3 });
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('refused');
    expect(errorsOf('issues' in outcome ? outcome.issues : [])).toEqual([['record-line-not-a-record', name, 'B3']]);
    expect(saved).toEqual([]);
  }, 60_000);

  it('moved past the table’s last column is kept by compute, and the lines read as before', async () => {
    const past = String.fromCharCode(lastColumn.charCodeAt(0) + 1);
    const bytes = await typed(records, name, { [`${past}5`]: NOTE });
    const before = sheet(gridsOf(bytes), name);
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('done');
    const after = sheet(gridsOf(saved[saved.length - 1]), name);
    const column = past.charCodeAt(0) - 64;
    const notes = after.rows.flatMap((row, index) =>
      (row ?? []).flatMap((cell, c) => (cell?.value === NOTE ? [[index + 1, c + 1]] : [])),
    );
    expect(notes).toEqual([[5, column]]);
    for (const row of [2, 3]) expect(cellAt(after, row, 1)?.value).toBe(cellAt(before, row, 1)?.value);
  }, 60_000);
});

describe.each(SHEETS)('a formula typed over a line of the tools in $name', ({ name, lastColumn, lastHeader }) => {
  // The tools write values only there: a rewrite would put the formula's result in its place.
  const formula = { formula: 'LEN("abc")', result: 3 };

  it('refuses compute at its cell, quoting it and saying what to do; the file is not written', async () => {
    const { outcome, saved } = await compute(await typed(records, name, { B2: formula }));
    expect(outcome.status).toBe('refused');
    const issues = 'issues' in outcome ? outcome.issues : [];
    expect(errorsOf(issues)).toEqual([['record-cell-formula', name, 'B2']]);
    const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
    expect(message).toContain(`${name}, cellule B2\u00a0: la formule «\u00a0=LEN("abc")\u00a0»`);
    expect(message).toContain(`après sa dernière colonne (${lastColumn}, «\u00a0${lastHeader}\u00a0»)`);
    expect(saved).toEqual([]);
  }, 60_000);

  it('is listed by validate, at its cell', async () => {
    const report = await validateGrids(gridsOf(await typed(records, name, { B2: formula })), { today: later });
    expect(errorsOf(report.issues)).toEqual([['record-cell-formula', name, 'B2']]);
  }, 60_000);
});

it('a line of the tools whose date was retyped is refused at that date, saying how to put it back', async () => {
  const bytes = await typed(records, 'Journal', { A2: '02/12/2026' });
  const { outcome, saved } = await compute(bytes);
  expect(outcome.status).toBe('refused');
  const issues = 'issues' in outcome ? outcome.issues : [];
  expect(errorsOf(issues)).toEqual([['record-line-not-a-record', 'Journal', 'A2']]);
  const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
  expect(message).toContain('Journal, cellule A2\u00a0: «\u00a002/12/2026\u00a0»');
  expect(message).toContain(
    'Si c’est une ligne de l’outil dont la date a été retouchée, remettez-la comme l’outil l’écrit, par exemple «\u00a02026-12-05T10:00:00Z\u00a0».',
  );
  expect(saved).toEqual([]);
}, 60_000);

it('a Historique line whose closing date was retyped as a date is refused at that date, quoted as shown', async () => {
  // Typed in a cell a person formatted as a date, as Excel does with 02/12/2026.
  const bytes = await editXlsx(records, [
    { sheet: 'Historique', cell: 'E2', value: new Date('2026-12-02T00:00:00Z'), numFmt: 'dd/mm/yyyy' },
  ]);
  const { outcome, saved } = await compute(bytes);
  expect(outcome.status).toBe('refused');
  const issues = 'issues' in outcome ? outcome.issues : [];
  expect(errorsOf(issues)).toEqual([['record-line-not-a-record', 'Historique', 'E2']]);
  const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
  expect(message).toContain('Historique, cellule E2\u00a0: «\u00a002/12/2026\u00a0»');
  expect(saved).toEqual([]);
}, 60_000);

describe('a note in a format 1 Journal (columns A to F), which the rewrite gives columns A to L', () => {
  const v1 = fixtureBytes('suivi-v1.xlsx');
  const notesIn = (bytes: Uint8Array) =>
    sheet(gridsOf(bytes), 'Journal').rows.flatMap((row, index) =>
      (row ?? []).flatMap((cell, c) => (cell?.value === NOTE ? [[index + 1, c + 1]] : [])),
    );

  it('past F but not past L is refused, saying to move it past L', async () => {
    const { outcome, saved } = await compute(await typed(v1, 'Journal', { G20: NOTE }));
    expect(outcome.status).toBe('refused');
    const issues = 'issues' in outcome ? outcome.issues : [];
    expect(errorsOf(issues)).toEqual([['record-line-not-a-record', 'Journal', 'G20']]);
    const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
    expect(message).toContain(
      'à droite du tableau, après la colonne L (le tableau s’étend jusqu’à elle quand l’outil réécrit le classeur), ou dans une autre feuille',
    );
    expect(saved).toEqual([]);
  }, 60_000);

  it('past L is kept where it is by the migrating rewrite, and the next rewrite is not refused', async () => {
    const first = await compute(await typed(v1, 'Journal', { M20: NOTE }));
    expect(first.outcome.status).toBe('done');
    const migrated = first.saved[first.saved.length - 1];
    expect(notesIn(migrated)).toEqual([[20, 13]]);
    const second = await compute(migrated);
    expect(second.outcome.status).toBe('done');
    expect(notesIn(second.saved[second.saved.length - 1])).toEqual([[20, 13]]);
  }, 60_000);
});

describe('a note under the Journal’s lines in a column a person inserted between its columns', () => {
  /** The Journal with a column « Notes » inserted at G (ours from Opération on one column right) and `cells`. */
  async function withInsertedColumn(bytes: Uint8Array, cells: Record<string, string>): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const journal = workbook.getWorksheet('Journal')!;
    journal.spliceColumns(7, 0, []);
    journal.getCell('G1').value = 'Notes';
    for (const [address, value] of Object.entries(cells)) journal.getCell(address).value = value;
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const at = (bytes: Uint8Array, value: string) =>
    sheet(gridsOf(bytes), 'Journal').rows.flatMap((row, index) =>
      (row ?? []).flatMap((cell, c) => (cell?.value === value ? [cellAddressOf(index + 1, c + 1)] : [])),
    );
  const cellAddressOf = (row: number, column: number) => `${String.fromCharCode(64 + column)}${row}`;

  it('is refused, since the rewrite puts the Journal’s columns back in A to L over it, saying to move it past M', async () => {
    const { outcome, saved } = await compute(await withInsertedColumn(records, { G5: NOTE }));
    expect(outcome.status).toBe('refused');
    const issues = 'issues' in outcome ? outcome.issues : [];
    expect(errorsOf(issues)).toEqual([['record-line-not-a-record', 'Journal', 'G5']]);
    const message = renderIssueMessage(issues.find((issue) => issue.severity === 'error')!);
    expect(message).toContain('après sa dernière colonne (M, «\u00a0Partenaire\u00a0»)');
    expect(saved).toEqual([]);
  }, 60_000);

  it('moved past M, is kept by the rewrite and by the next one, the column beside the lines moved after L', async () => {
    const first = await compute(await withInsertedColumn(records, { G3: 'beside', N5: NOTE }));
    expect(first.outcome.status).toBe('done');
    const rewritten = first.saved[first.saved.length - 1];
    expect([at(rewritten, 'Notes'), at(rewritten, 'beside'), at(rewritten, NOTE)]).toEqual([['M1'], ['M3'], ['N5']]);
    const second = await compute(rewritten);
    expect(second.outcome.status).toBe('done');
    expect(at(second.saved[second.saved.length - 1], NOTE)).toEqual(['N5']);
  }, 60_000);
});

describe('a workbook saved by LibreOffice', () => {
  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'keeps the instants of its four record sheets as text: no line is taken for a note, and compute rewrites it',
    async () => {
      const saved = saveOneThroughLibreOffice(records, 'records', {
        scratch: 'record-sheet-notes',
        recalculate: false,
      });
      const report = await validateGrids(gridsOf(saved), { today: later });
      expect(errorsOf(report.issues)).toEqual([]);
      // The instant's column of each: Historique's is its last, E.
      const whenColumn: Record<string, number> = { Journal: 1, Historique: 5, Archives: 1, Contributions: 1 };
      for (const { name } of SHEETS) {
        const instants = [2, 3].map((row) => cellAt(sheet(gridsOf(saved), name), row, whenColumn[name])?.value);
        expect(instants).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), expect.any(String)]);
        expect(instants).toEqual(
          [2, 3].map((row) => cellAt(sheet(gridsOf(records), name), row, whenColumn[name])?.value),
        );
      }
      const { outcome } = await compute(saved);
      expect(outcome.status).toBe('done');
    },
    180_000,
  );
});

it('a note in a record sheet is named with the other errors that refuse compute, not only once they are put right', async () => {
  const axis = sheet(gridsOf(records), 'Axe 1');
  const row = axis.rows.findIndex((cells) => (cells ?? []).some((found) => found?.value === 42));
  const column = axis.rows[row]!.findIndex((found) => found?.value === 42);
  const address = `${String.fromCharCode(65 + column)}${row + 1}`;
  const withText = await typed(records, 'Axe 1', { [address]: 'quarante-deux' });
  const { outcome, saved } = await compute(await typed(withText, 'Historique', { A5: NOTE }));
  expect(outcome.status).toBe('refused');
  const errors = errorsOf('issues' in outcome ? outcome.issues : []);
  expect(errors).toContainEqual(['record-line-not-a-record', 'Historique', 'A5']);
  expect(errors.some(([, sheetName, cell]) => sheetName === 'Axe 1' && cell === address)).toBe(true);
  expect(saved).toEqual([]);
}, 60_000);

describe('the column of the lines’ instant, gone from a record sheet', () => {
  /** The workbook with the `sheetName`'s `column` edited as a person does with the whole column selected. */
  async function withColumn(sheetName: string, column: number, edit: 'cleared' | 'moved to the end') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(records) as unknown as ExcelJS.Buffer);
    const worksheet = workbook.getWorksheet(sheetName)!;
    const cells: ExcelJS.CellValue[] = [];
    worksheet.getColumn(column).eachCell((found, row) => {
      cells[row] = found.value;
      found.value = null;
    });
    if (edit === 'moved to the end') {
      worksheet.spliceColumns(column, 1);
      const end = worksheet.actualColumnCount + 1;
      cells.forEach((value, row) => (worksheet.getCell(row, end).value = value));
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it.each([
    ['Journal', 1, 'A1', 'Date'],
    ['Historique', 5, 'E1', 'Date de clôture'],
  ])(
    'emptied (%s, its whole column cleared) is one error at its header, saying how to get it back, not each line a note',
    async (name, column, cell, header) => {
      const bytes = await withColumn(name, column, 'cleared');
      const report = await validateGrids(gridsOf(bytes), { today: later });
      expect(errorsOf(report.issues)).toEqual([['record-header-missing', name, cell]]);
      expect(renderIssueMessage(report.issues.find((issue) => issue.severity === 'error')!)).toBe(
        `${name}, cellule ${cell}\u00a0: l’en-tête «\u00a0${header}\u00a0» n’est plus à sa place\u00a0: sa colonne a été ` +
          'supprimée, vidée ou déplacée, ou son en-tête changé. Si la colonne est encore là, remettez-la dans cette ' +
          'colonne, avec cet en-tête exact\u00a0; si elle a été supprimée ou vidée, annulez ce changement (Ctrl+Z) ou ' +
          'reprenez-la d’une copie du classeur enregistrée avant. Les lignes de cette feuille ne peuvent pas être ' +
          'relues sans elle\u00a0: le classeur n’est pas réécrit en attendant.',
      );
      const { outcome, saved } = await compute(bytes);
      expect(outcome.status).toBe('refused');
      expect(saved).toEqual([]);
    },
    60_000,
  );

  it.each([
    ['Contributions', 'Date'],
    ['Archives', 'Date d’archivage'],
  ])(
    'deleted from %s (its first column) is its one header said out of place, not those after it nor the sheet’s',
    async (name, header) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(records) as unknown as ExcelJS.Buffer);
      workbook.getWorksheet(name)!.spliceColumns(1, 1);
      const report = await validateGrids(gridsOf(new Uint8Array(await workbook.xlsx.writeBuffer())), { today: later });
      const errors = report.issues.filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
        ['record-header-missing', name, 'A1'],
      ]);
      expect(renderIssueMessage(errors[0])).toContain(
        `${name}, cellule A1\u00a0: l’en-tête «\u00a0${header}\u00a0» n’est plus à sa place\u00a0: sa colonne a été supprimée`,
      );
    },
    60_000,
  );

  it('moved to the Journal’s end is read by its header: no error, and compute puts it back in A', async () => {
    const bytes = await withColumn('Journal', 1, 'moved to the end');
    expect(cellAt(sheet(gridsOf(bytes), 'Journal'), 1, 12)?.value).toBe('Date');
    const report = await validateGrids(gridsOf(bytes), { today: later });
    expect(errorsOf(report.issues)).toEqual([]);
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('done');
    const journal = sheet(gridsOf(saved[saved.length - 1]), 'Journal');
    expect(cellAt(journal, 1, 1)?.value).toBe('Date');
    expect(cellAt(journal, 2, 1)?.value).toBe(cellAt(sheet(gridsOf(records), 'Journal'), 2, 1)?.value);
  }, 60_000);
});

describe('a column a person inserted among a record sheet’s own', () => {
  /** The workbook with a column « Référent » inserted at B of `sheetName`, a value on its first line. */
  async function withInsertedColumn(sheetName: string): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(records) as unknown as ExcelJS.Buffer);
    workbook.getWorksheet(sheetName)!.spliceColumns(2, 0, ['Référent', 'Mme Martin']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it.each(SHEETS.filter(({ name }) => name !== 'Journal'))(
    'in $name is one error at its header, saying to move it past the table; compute is refused',
    async ({ name, lastHeader }) => {
      const bytes = await withInsertedColumn(name);
      const report = await validateGrids(gridsOf(bytes), { today: later });
      expect(errorsOf(report.issues)).toEqual([['record-column-inserted', name, 'B1']]);
      expect(renderIssueMessage(report.issues.find((issue) => issue.severity === 'error')!)).toContain(
        `${name}, cellule B1\u00a0: la colonne B («\u00a0Référent\u00a0») a été insérée dans le tableau de l’outil, ` +
          'dont les colonnes qui la suivent sont décalées d’une colonne\u00a0: les lignes de cette feuille ne peuvent pas ' +
          'être relues ainsi, et le classeur n’est pas réécrit en attendant. Déplacez cette colonne à droite du ' +
          `tableau, après sa dernière colonne («\u00a0${lastHeader}\u00a0»), où elle sera gardée`,
      );
      const { outcome, saved } = await compute(bytes);
      expect(outcome.status).toBe('refused');
      expect(saved).toEqual([]);
    },
    60_000,
  );

  it('in the Journal is read by the headers, and kept after L by compute, on its line', async () => {
    const bytes = await withInsertedColumn('Journal');
    expect(errorsOf((await validateGrids(gridsOf(bytes), { today: later })).issues)).toEqual([]);
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('done');
    const journal = sheet(gridsOf(saved[saved.length - 1]), 'Journal');
    expect([cellAt(journal, 1, 13)?.value, cellAt(journal, 2, 13)?.value]).toEqual(['Référent', 'Mme Martin']);
    expect(cellAt(journal, 2, 2)?.value).toBe(cellAt(sheet(gridsOf(records), 'Journal'), 2, 2)?.value);
  }, 60_000);
});

it('a header of the Journal retyped is an error at it, as in the other record sheets: no line is read by position', async () => {
  const bytes = await typed(records, 'Journal', { C1: 'Clé de ligne' });
  const report = await validateGrids(gridsOf(bytes), { today: later });
  expect(errorsOf(report.issues)).toEqual([['record-header-missing', 'Journal', 'C1']]);
  const { outcome, saved } = await compute(bytes);
  expect(outcome.status).toBe('refused');
  expect(saved).toEqual([]);
}, 60_000);

it('a blank Journal put in the place of one deleted is still read as one without lines, not a header missing', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(records) as unknown as ExcelJS.Buffer);
  workbook.removeWorksheet(workbook.getWorksheet('Journal')!.id);
  workbook.addWorksheet('Journal');
  const report = await validateGrids(gridsOf(new Uint8Array(await workbook.xlsx.writeBuffer())), { today: later });
  expect(errorsOf(report.issues).filter(([code]) => code === 'record-header-missing')).toEqual([]);
}, 60_000);

// A header retyped with another case or spacing is still the tools' (`headerKey`): read, then written back as the
// tools write it, the same words, every line kept.
describe('the first header of every record sheet retyped with another case', () => {
  const retyped = { Journal: 'date', Historique: 'TRIMESTRE', Archives: ' date d’archivage', Contributions: 'DATE' };

  it('is read, and compute writes the tools’ header back with every line kept', async () => {
    let bytes = records;
    for (const [name, header] of Object.entries(retyped)) bytes = await typed(bytes, name, { A1: header });
    const report = await validateGrids(gridsOf(bytes), { today: later });
    expect(errorsOf(report.issues)).toEqual([]);
    const { outcome, saved } = await compute(bytes);
    expect(outcome.status).toBe('done');
    const before = gridsOf(records);
    const after = gridsOf(saved[saved.length - 1]);
    for (const { name } of SHEETS) {
      const rows = (grids: WorkbookGrids) =>
        sheet(grids, name)
          .rows.slice(0, 3)
          .map((row) => (row ?? []).map((found) => found?.value ?? null));
      expect(rows(after)).toEqual(rows(before));
    }
  }, 60_000);
});
