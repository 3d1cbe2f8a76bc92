import fc from 'fast-check';
import type { CellValue, GridCell, SheetGrid } from '../../src/domain/grid';
import { issueSchema } from '../../src/domain/issues';
import { quartersOfPeriod } from '../../src/domain/periods';
import { isoDateToSerial } from '../../src/domain/excel-dates';
import type { CriterionRow, FicheRow } from '../../src/domain/tracking';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { axisNumberOfSheetName, headerKey, readAxisSheet } from '../../src/layout/sheets/axis/read-axis-sheet';
import { addressOf, cleanGrids, columnIndex, headerRowIndex, setValue, sheet } from '../validation/clean-workbook';

const QUARTERS = quartersOfPeriod({ start: '2026-01-01', end: '2030-12-31' });

async function axis1(): Promise<SheetGrid> {
  return sheet(await cleanGrids(), 'Axe 1');
}

function fiche(grid: SheetGrid, key: string): FicheRow {
  const row = readAxisSheet(grid, 1, QUARTERS).reading.rows.find((candidate) => candidate.key === key);
  if (row?.type !== 'fiche') throw new Error(`no fiche ${key}`);
  return row;
}

function criterion(grid: SheetGrid, key: string): CriterionRow {
  const row = readAxisSheet(grid, 1, QUARTERS).reading.rows.find((candidate) => candidate.key === key);
  if (row?.type !== 'criterion') throw new Error(`no criterion ${key}`);
  return row;
}

describe('reading an axis sheet', () => {
  it('reads fiche and criterion rows in order, with their cells, from a fresh sheet without issues', async () => {
    const grid = await axis1();
    const { reading, issues } = readAxisSheet(grid, 1, QUARTERS);
    expect(issues).toEqual([]);
    expect(reading.headerRow).toBe(headerRowIndex(grid) + 1);
    expect(reading.rows.map((row) => `${row.key}:${row.type}`)).toEqual([
      'G1:fiche',
      'G1-QN1:criterion',
      'G1-QN2:criterion',
      'G1-QL1:criterion',
      'G2:fiche',
      'G2-QN1:criterion',
      'G3:fiche',
    ]);
    const g1qn2 = criterion(grid, 'G1-QN2');
    expect(g1qn2).toMatchObject({ kind: 'quantitative', title: 'Nombre de permanences par an', frequency: 'Annuelle' });
    expect(g1qn2.row).toBe(headerRowIndex(grid) + 4);
    expect(g1qn2.quarterCells.labels).toHaveLength(20);
    expect(g1qn2.quarterCells.cell('2026-T3')?.address).toBe(addressOf(grid, 'G1-QN2', '2026-T3'));
    // A criterion row has no Statut cell, a fiche row no quarter cell.
    expect(g1qn2.cells.status).toBeUndefined();
    expect(fiche(grid, 'G1').cells.status?.address).toBe(addressOf(grid, 'G1', 'Statut'));
  });

  it('converts values by column kind', async () => {
    const grid = await axis1();
    setValue(grid, 'G1', 'Statut', 'en cours');
    setValue(grid, 'G1', 'Avancement (%)', 40);
    setValue(grid, 'G1', 'Dernière mise à jour', isoDateToSerial('2026-07-14')!, { isDate: true });
    setValue(grid, 'G2', 'Dernière mise à jour', isoDateToSerial('2026-05-02')!);
    setValue(grid, 'G3', 'Dernière mise à jour', '02/05/2026');
    setValue(grid, 'G1-QN1', 'Référence', 10);
    setValue(grid, 'G1-QN1', 'Cible', '20');
    setValue(grid, 'G1-QN1', '2026-T1', 0);
    setValue(grid, 'G1-QN1', '2026-T2', '7');
    setValue(grid, 'G1-QL1', '2026-T1', 'peu satisfaisant');
    setValue(grid, 'G1-QN1', 'Unité', 12);
    expect(fiche(grid, 'G1')).toMatchObject({ status: 'En cours', progress: 40, updatedOn: '2026-07-14' });
    expect(fiche(grid, 'G2').updatedOn).toBe('2026-05-02');
    expect(fiche(grid, 'G3').updatedOn).toBeNull();
    expect(fiche(grid, 'G3').cells.updatedOn?.raw).toBe('02/05/2026');
    const qn1 = criterion(grid, 'G1-QN1');
    expect(qn1).toMatchObject({ baseline: 10, target: null, unit: '12' });
    expect(qn1.values['2026-T1']).toBe(0);
    expect(qn1.values['2026-T2']).toBeNull();
    expect(qn1.quarterCells.cell('2026-T2')?.raw).toBe('7');
    expect(criterion(grid, 'G1-QL1').values['2026-T1']).toBe('Peu satisfaisant');
  });

  it('finds the header row wherever it is and columns wherever they are, by their text', async () => {
    const grid = await axis1();
    setValue(grid, 'G1-QN1', 'Cible', 30);
    setValue(grid, 'G1-QN1', '2026-T2', 5);
    const unit = columnIndex(grid, 'Unité');
    const target = columnIndex(grid, 'Cible');
    for (const row of grid.rows) {
      while (row.length <= Math.max(unit, target)) row.push(null);
      [row[unit], row[target]] = [row[target], row[unit]];
    }
    grid.rows.unshift([], [{ value: 'Une ligne ajoutée au-dessus' }]);
    // Headers compared without case or extra spaces.
    const header = grid.rows[headerRowIndex(grid)];
    header[columnIndex(grid, 'Mise en œuvre')] = { value: '  mise en   ŒUVRE ' };
    const { reading, issues } = readAxisSheet(grid, 1, QUARTERS);
    expect(issues).toEqual([]);
    expect(reading.headerRow).toBe(headerRowIndex(grid) + 1);
    const qn1 = criterion(grid, 'G1-QN1');
    expect(qn1.target).toBe(30);
    expect(qn1.cells.target?.address).toBe(addressOf(grid, 'G1-QN1', 'Cible'));
    expect(qn1.values['2026-T2']).toBe(5);
    expect(fiche(grid, 'G1').cells.implementation).toBeDefined();
  });

  it('matches headers ignoring accents, spacing and the kind of apostrophe, as a table pasted from an e-mail has them', async () => {
    const grid = await axis1();
    setValue(grid, 'G1', 'Statut', 'En cours');
    setValue(grid, 'G1-QN1', '2026-T2', 5);
    setValue(grid, 'G1-QN1', "Règle d'agrégation", 'Moyenne');
    const header = grid.rows[headerRowIndex(grid)];
    const renamed: [string, string][] = [
      ['Statut', 'statut '],
      ['2026-T2', '2026 - T2'],
      ["Règle d'agrégation", 'Regle d\u2019agregation'],
      ['Clé', 'CLE'],
    ];
    const columns = renamed.map(([from]) => columnIndex(grid, from));
    renamed.forEach(([, to], index) => (header[columns[index]] = { value: to }));
    const { reading, issues } = readAxisSheet(grid, 1, QUARTERS);
    expect(issues).toEqual([]);
    const row = (key: string) => reading.rows.find((candidate) => candidate.key === key);
    expect(row('G1')).toMatchObject({ type: 'fiche', status: 'En cours' });
    expect(row('G1-QN1')).toMatchObject({ aggregation: 'Moyenne', values: expect.objectContaining({ '2026-T2': 5 }) });
  });

  it('tells every header of the layout apart under that comparison', () => {
    const headers = axisColumns(QUARTERS).map((column) => column.header);
    expect(new Set(headers.map(headerKey)).size).toBe(headers.length);
  });

  it('skips empty rows and rows holding only formula results; keeps rows it cannot type as unknown, not notes under the table', async () => {
    const grid = await axis1();
    const width = grid.rows[headerRowIndex(grid)].length;
    const rateColumn = columnIndex(grid, 'Réalisation');
    const blank: (GridCell | null)[] = Array.from({ length: width }, () => null);
    const ratesOnly = blank.map((cell, index) => (index === rateColumn ? { value: 0.5, formula: '1/2' } : cell));
    const odd = blank.map((cell, index) =>
      index === 0 ? { value: 'Total' } : index === 1 ? { value: 'Autre' } : cell,
    );
    const withKey = (source: (GridCell | null)[], key: string) =>
      source.map((cell, index) => (index === 0 ? { value: key } : cell));
    // Inside the table (a typed row follows): skipped, or read as unknown.
    grid.rows.push(
      blank,
      ratesOnly,
      [],
      odd,
      withKey(
        blank.map((cell, index) => (index === 1 ? { value: 'Fiche' } : cell)),
        'G9',
      ),
    );
    const unknownRow = grid.rows.length - 1;
    // Right under the table's last typed row: read (a row added by hand); under an empty row after it: a note.
    grid.rows.push(withKey(odd, 'Sous-total'), blank, withKey(odd, 'Note'));
    const rows = readAxisSheet(grid, 1, QUARTERS).reading.rows;
    expect(rows).toHaveLength(10);
    expect(rows[7]).toMatchObject({ type: 'unknown', key: 'Total', typeText: 'Autre', row: unknownRow });
    expect(rows[8]).toMatchObject({ type: 'fiche', key: 'G9' });
    expect(rows[9]).toMatchObject({ type: 'unknown', key: 'Sous-total', row: grid.rows.length - 2 });
  });

  it('ends the table at its last row the tools wrote: a note shaped like a row under an empty row stays a note, named', async () => {
    const grid = await axis1();
    const width = grid.rows[headerRowIndex(grid)].length;
    const blank: (GridCell | null)[] = Array.from({ length: width }, () => null);
    const row = (cells: Record<number, string>) =>
      blank.map((cell, index) => (index in cells ? { value: cells[index] } : cell));
    const tableRows = readAxisSheet(grid, 1, QUARTERS).reading.rows.length;
    // Under an empty row: a key's shape with a text beside it, a row type alone, a criterion's key alone.
    grid.rows.push(blank, row({ 0: 'T4', 1: 'chiffres provisoires' }), row({ 1: 'Qualitatif', 2: 'à revoir' }));
    grid.rows.push(row({ 0: 'G2-QN5' }));
    const last = grid.rows.length;
    const { reading, issues } = readAxisSheet(grid, 1, QUARTERS);
    expect(reading.rows).toHaveLength(tableRows);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'note-like-row',
        severity: 'warning',
        cell: `A${last - 2}`,
        params: { value: 'T4', looksLike: 'key' },
      }),
      expect.objectContaining({
        code: 'note-like-row',
        cell: `B${last - 1}`,
        params: { value: 'Qualitatif', looksLike: 'type' },
      }),
      expect.objectContaining({
        code: 'note-like-row',
        cell: `A${last}`,
        params: { value: 'G2-QN5', looksLike: 'key' },
      }),
    ]);
  });

  it('still reads a row the tools wrote, its key and Type agreeing, under an empty row inserted in the table', async () => {
    const grid = await axis1();
    const g3 = grid.rows.findIndex((cells) => cells?.[0]?.value === 'G3');
    grid.rows.splice(g3, 0, []);
    const { reading, issues } = readAxisSheet(grid, 1, QUARTERS);
    expect(issues).toEqual([]);
    expect(reading.rows.at(-1)).toMatchObject({ key: 'G3', type: 'fiche', row: g3 + 2 });
  });

  it('names axis sheets as the layout does', () => {
    expect(axisNumberOfSheetName('Axe 11')).toBe(11);
    expect(axisNumberOfSheetName('Axe 0')).toBeNull();
    expect(axisNumberOfSheetName('Axe 1 bis')).toBeNull();
    expect(axisNumberOfSheetName('Paramètres')).toBeNull();
  });
});

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.string(),
  fc.constantFrom(
    'Clé',
    'Type',
    'Fiche',
    'Quantitatif',
    'Qualitatif',
    'G1',
    'G1-QN1',
    'Cible',
    '2026-T1',
    'Satisfaisant',
    ' clé ',
  ),
);
const gridCell: fc.Arbitrary<GridCell | null> = fc.option(
  fc.record(
    { value: cellValue, isDate: fc.boolean(), isError: fc.boolean(), formula: fc.string() },
    { requiredKeys: ['value'] },
  ),
);

describe('never throws', () => {
  it('on any grid, and gives well-formed issues', () => {
    fc.assert(
      fc.property(fc.array(fc.array(gridCell, { maxLength: 50 }), { maxLength: 30 }), (rows) => {
        const { reading, issues } = readAxisSheet({ name: 'Axe 2', visibility: 'visible', rows }, 2, QUARTERS);
        for (const issue of issues) issueSchema.parse(issue);
        for (const row of reading.rows) expect(row.sheet).toBe('Axe 2');
      }),
      { numRuns: 300 },
    );
  });

  it('on sparse rows and holes', () => {
    const rows: (GridCell | null)[][] = [];
    rows[5] = [];
    rows[5][3] = { value: 'Clé' };
    rows[8] = [];
    rows[8][3] = { value: 'G1' };
    expect(() => readAxisSheet({ name: 'Axe 1', visibility: 'visible', rows }, 1, QUARTERS)).not.toThrow();
  });
});
