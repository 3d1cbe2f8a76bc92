import type { SheetGrid } from '../../src/domain/grid';
import type { SheetSpec } from '../../src/layout/workbook-spec';
import { quarterClosed, workbookGenerated } from '../../src/domain/journal';
import { buildArchiveSheet, readArchiveSheet } from '../../src/layout/sheets/archives/archive-sheet';
import { buildHistorySheet, emptyClosingEntry, readHistorySheet } from '../../src/layout/sheets/history/history-sheet';
import { buildJournalSheet } from '../../src/layout/sheets/journal/journal-sheet';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { recordValueTexts } from '../../src/layout/record-values';
import { gridOfSpec } from './helpers/spec-grid';

/**
 * The headers of a record sheet (Journal, Historique, Archives) are matched as the axis sheets' are: a header retyped
 * with another case, without its accents or with a space more (« date » for « Date », « Cle » for « Clé ») is still
 * its column, and the sheet is read. A header that says something else is still said missing.
 */

const at = '2026-04-01T08:00:00Z';

/** The grid with each header of row 1 passed through `retype`. */
function retyped(spec: SheetSpec, retype: (header: string) => string): SheetGrid {
  const grid = gridOfSpec(spec);
  const [headers, ...rest] = grid.rows;
  const header = headers.map((cell) =>
    cell && typeof cell.value === 'string' ? { ...cell, value: retype(cell.value) } : cell,
  );
  return { ...grid, rows: [header, ...rest] };
}

/** Each header lowercased, its accents dropped, with a space inside and after it. */
const looselyRetyped = (header: string) =>
  `${header.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(' ', '  ')} `;

const sheets = [
  {
    name: 'Journal',
    spec: buildJournalSheet([workbookGenerated(at), quarterClosed(at, '2026-T1', '2026-T2')]),
    read: (grid: SheetGrid) => {
      const reading = readJournalSheet(grid, 3);
      return { records: reading.entries, issues: reading.issues };
    },
  },
  {
    name: 'Historique',
    spec: buildHistorySheet([
      emptyClosingEntry('2026-T1', at),
      {
        quarter: '2026-T1',
        key: 'G1',
        field: 'Difficultés',
        value: { value: 'Salle prêtée', isDate: false },
        closedAt: at,
      },
    ]),
    read: (grid: SheetGrid) => {
      const reading = readHistorySheet(grid);
      return { records: reading.entries, issues: reading.issues };
    },
  },
  {
    name: 'Archives',
    spec: buildArchiveSheet([
      {
        archivedAt: at,
        key: 'G1-QN1',
        type: 'Quantitatif',
        title: 'Nombre de réunions',
        column: '2026-T1',
        value: { value: 'environ 4', isDate: false },
      },
    ]),
    read: (grid: SheetGrid) => {
      const reading = readArchiveSheet(grid);
      return { records: reading.entries, issues: reading.issues };
    },
  },
];

describe.each(sheets)('the headers of $name', ({ name, spec, read }) => {
  it('are found with another case, without accents or with a space more, and the records read', () => {
    const original = read(gridOfSpec(spec));
    expect(original.issues).toEqual([]);
    expect(original.records.length).toBeGreaterThan(0);
    expect(recordValueTexts(gridOfSpec(spec)).length).toBeGreaterThan(0);
    const loose = read(retyped(spec, looselyRetyped));
    expect(loose.issues).toEqual([]);
    expect(loose.records).toEqual(original.records);
    // The values a personal data erasure looks through are found so too.
    expect(recordValueTexts(retyped(spec, looselyRetyped))).toEqual(recordValueTexts(gridOfSpec(spec)));
  });

  // A person's column put before the tools', under a header of theirs retyped: the tools' own column is still theirs.
  it('are found as written before a header of a person’s that only differs by its case', () => {
    const grid = gridOfSpec(spec);
    const withOwn = (header: string): SheetGrid => ({
      ...grid,
      rows: grid.rows.map((row, index) => [{ value: index === 0 ? header : 'à revoir' }, ...row]),
    });
    const first = String(grid.rows[0][0]!.value).toLowerCase();
    const reading = read(withOwn(first));
    if (name === 'Journal') {
      expect(reading.issues).toEqual([]);
      expect(reading.records).toEqual(read(grid).records);
    } else {
      const said = reading.issues.map((issue) => [issue.code, issue.cell, issue.params.header]);
      expect(said).toEqual([['record-column-inserted', 'A1', first]]);
    }
    // What a personal data erasure looks through: the tools' values, not the person's column.
    const texts = (found: SheetGrid) => recordValueTexts(found).map(({ rowKey, text }) => [rowKey, text]);
    const value = name === 'Journal' ? 'ancienne valeur' : 'VALEUR';
    expect(texts(withOwn(value))).toEqual(texts(grid));
  });

  it('still say missing a header that names something else', () => {
    const grid = retyped(spec, (header) => header);
    const first = grid.rows[0][0]!;
    grid.rows[0][0] = { ...first, value: 'Autre chose' };
    expect(read(grid).issues.map((issue) => [issue.code, issue.cell])).toEqual([['record-header-missing', 'A1']]);
  });
});
