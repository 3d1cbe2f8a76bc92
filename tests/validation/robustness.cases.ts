import fc from 'fast-check';
import { validateGrids } from '../../src/app/validate';
import type { CellValue, GridCell, WorkbookGrids } from '../../src/domain/grid';
import { issueSchema, renderIssueMessage } from '../../src/domain/issues';
import { hasMessage } from '../../src/domain/messages';
import { ctgMetaRows, META_VALUE_COLUMN } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { settingsRows, SETTINGS_VALUE_COLUMN } from '../../src/layout/sheets/settings/settings-layout';
import { cleanGrids, GENERATION_DAY, setCellAt, setValue, sheet } from './clean-workbook';

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
  fc.string(),
  fc.constantFrom(
    'Clé',
    'Fiche',
    'Qualitatif',
    'G1',
    'G2-QN1',
    'PE1-QL1',
    'Réalisée',
    '2026-T3',
    'Satisfaisant',
    '12',
    'a@b.fr',
  ),
);

const edit = fc.record({
  sheet: fc.nat({ max: 5 }),
  row: fc.nat({ max: 14 }),
  column: fc.nat({ max: 45 }),
  cell: fc.option(fc.record({ value: cellValue, isDate: fc.boolean() }, { requiredKeys: ['value'] })),
  action: fc.constantFrom('set', 'set', 'set', 'deleteRow', 'duplicateRow', 'deleteSheet'),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(grids: WorkbookGrids, edits: Edit[]): void {
  for (const { sheet: s, row, column, cell, action } of edits) {
    const grid = grids.sheets[s % grids.sheets.length];
    if (!grid) continue;
    if (action === 'set') setCellAt(grid, row, column, cell as GridCell | null);
    else if (action === 'deleteRow') grid.rows.splice(row, 1);
    else if (action === 'duplicateRow' && grid.rows[row]) grid.rows.splice(row, 0, [...grid.rows[row]]);
    else if (action === 'deleteSheet' && edits.length > 3) grids.sheets.splice(s % grids.sheets.length, 1);
  }
}

describe('validation of a damaged workbook', () => {
  it('never throws, and every issue is well formed with a French message', async () => {
    const clean = await cleanGrids();
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 25 }), async (edits) => {
        const grids: WorkbookGrids = structuredClone(clean);
        apply(grids, edits);
        const report = await validateGrids(grids, { today: GENERATION_DAY });
        expect(report.errors + report.warnings).toBe(report.issues.length);
        for (const issue of report.issues) {
          issueSchema.parse(issue);
          expect(hasMessage(issue.code)).toBe(true);
          expect(renderIssueMessage(issue)).not.toMatch(/undefined|\[object/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary workbooks either, _ctg and Paramètres included', async () => {
    const cell = fc.option(
      fc.record({ value: cellValue, isDate: fc.boolean(), isError: fc.boolean() }, { requiredKeys: ['value'] }),
    );
    const grid = fc.record({
      name: fc.oneof(fc.constantFrom('_ctg', 'Paramètres', 'Axe 1', 'Axe 12', 'Guide'), fc.string()),
      visibility: fc.constantFrom('visible' as const, 'hidden' as const, 'veryHidden' as const),
      rows: fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(grid, { maxLength: 5 }), async (sheets) => {
        const report = await validateGrids({ sheets }, { today: GENERATION_DAY });
        for (const issue of report.issues) issueSchema.parse(issue);
        if (!sheets.some((s) => s.name === '_ctg')) {
          expect(report.issues.map((issue) => issue.code)).toEqual(['not-a-tracking-workbook']);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says the period is unreadable when neither _ctg nor Paramètres holds the dates', async () => {
    const grids = await cleanGrids();
    setCellAt(sheet(grids, '_ctg'), ctgMetaRows.periodStart - 1, META_VALUE_COLUMN - 1, { value: 'bientôt' });
    setCellAt(sheet(grids, 'Paramètres'), settingsRows.periodStart - 1, SETTINGS_VALUE_COLUMN - 1, null);
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(report.readable).toBe(false);
    expect(report.issues.map((issue) => issue.code)).toContain('period-unreadable');
  });

  it('falls back on the dates of Paramètres when those of _ctg are damaged, and says where the damage is', async () => {
    const grids = await cleanGrids();
    setCellAt(sheet(grids, '_ctg'), ctgMetaRows.periodEnd - 1, META_VALUE_COLUMN - 1, null);
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(report.readable).toBe(true);
    // Read, but not rewritten until the date is put back (a rewrite would write the quarters of a guessed period).
    expect(
      report.issues
        .filter((issue) => issue.code !== 'incomplete-current-quarter')
        .map((issue) => [issue.code, issue.sheet, issue.cell]),
    ).toEqual([['ctg-period-changed', '_ctg', 'B6']]);
  });

  it('sorts issues by sheet in workbook order, then row, then column', async () => {
    const grids = await cleanGrids();
    const a1 = sheet(grids, 'Axe 1');
    const a3 = sheet(grids, 'Axe 3');
    setValue(a3, 'PE1', 'Avancement (%)', 500);
    setValue(a1, 'G2', 'Statut', 'Finie');
    setValue(a1, 'G2', 'Avancement (%)', 101);
    setValue(a1, 'G1-QN1', '2027-T1', 3);
    setValue(a1, 'G1', 'Difficultés', 'voir marc@exemple.fr');
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const sheets = grids.sheets.map((grid) => grid.name);
    const positions = report.issues.map((issue) => {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(issue.cell ?? 'A0')!;
      const column = letters.length === 1 ? letters.charCodeAt(0) : 100 + letters.charCodeAt(1);
      return [sheets.indexOf(issue.sheet!), Number(row), column];
    });
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(positions).toEqual(sorted);
    expect(report.issues.map((issue) => issue.code).filter((code) => code !== 'incomplete-current-quarter')).toEqual([
      'personal-data',
      'value-after-current-quarter',
      'value-not-in-list',
      'progress-invalid',
      'progress-invalid',
    ]);
  });
});
