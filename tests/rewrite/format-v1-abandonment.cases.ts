import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { CTG_FORMAT_VERSION, ctgMetaRows, META_VALUE_COLUMN } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { readXlsx } from '../../src/xlsx/reader';
import { enteredSnapshot, roundTrip, sheet, typeInto, valueAt } from './helpers';

/**
 * Workbooks of format version 1 (tests/fixtures/format-v1) have no « Abandonnée en » column: they validate with no
 * error for it, and their first rewrite adds it — empty, or Q for a fiche already « Abandonnée » — nothing lost.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'format-v1');
const fixtureNames = ['suivi-v1.xlsx', 'suivi-v1-libreoffice.xlsx'];
const writtenOn = new Date('2026-12-02T10:00:00Z');

function fixture(name: string): WorkbookGrids {
  const read = readXlsx(new Uint8Array(readFileSync(join(FIXTURES, name))));
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

const headersOf = (grids: WorkbookGrids, name: string) => {
  const rows = sheet(grids, name).rows;
  return rows.find((row) => row?.some((cell) => cell?.value === 'Clé'))!.map((cell) => cell?.value ?? null);
};

/** Every entered value but « Abandonnée en ». */
function enteredWithoutAbandonment(state: WorkbookState) {
  const snapshot = enteredSnapshot(state);
  for (const row of Object.values(snapshot)) delete row.abandonedIn;
  return snapshot;
}

describe.each(fixtureNames)('a format 1 workbook (%s)', (name) => {
  it('has no « Abandonnée en » column, and validates without an error', async () => {
    const grids = fixture(name);
    expect(sheet(grids, '_ctg').rows[ctgMetaRows.formatVersion - 1][META_VALUE_COLUMN - 1]?.value).toBe(1);
    expect(headersOf(grids, 'Axe 1')).not.toContain('Abandonnée en');
    const report = await validateGrids(grids, { today: writtenOn });
    expect(report.readable).toBe(true);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('gains the column on its first rewrite, with Q for a fiche already « Abandonnée », nothing lost', async () => {
    const grids = typeInto(fixture(name), [{ key: 'F2', header: 'Statut', value: 'Abandonnée' }]);
    const before = await stateOf(grids);
    let written: WorkbookGrids | null = null;
    const port = {
      read: async () => grids,
      write: async (spec: WorkbookSpec) => {
        written = await roundTrip(spec);
      },
    };
    const outcome = await computeAndWrite(port, { now: writtenOn });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const after = written!;
    expect(sheet(after, '_ctg').rows[ctgMetaRows.formatVersion - 1][META_VALUE_COLUMN - 1]?.value).toBe(
      CTG_FORMAT_VERSION,
    );
    for (const axis of before.plan.axes) expect(headersOf(after, `Axe ${axis.number}`)).toContain('Abandonnée en');
    const quarter = sheet(after, 'Paramètres')
      .rows.flat()
      .find((cell) => /^\d{4}-T[1-4]$/.test(String(cell?.value)));
    expect(valueAt(after, 'F2', 'Abandonnée en')?.value).toBe(quarter?.value);
    expect(valueAt(after, 'G1', 'Abandonnée en')?.value ?? null).toBeNull();
    const reread = await stateOf(after);
    expect(enteredWithoutAbandonment(reread)).toEqual(enteredWithoutAbandonment(before));
    expect(reread.journal.slice(0, before.journal.length)).toEqual(before.journal);
    expect(reread.history).toEqual(before.history);
    expect(reread.archives.entries).toEqual(before.archives.entries);
    expect((await validateGrids(after, { today: writtenOn })).errors).toBe(0);
  }, 60_000);
});

describe('a format 2 workbook without « Abandonnée en »', () => {
  it('is missing a column (an error), as for any other column', async () => {
    const grids = fixture('suivi-v1.xlsx');
    const meta = sheet(grids, '_ctg');
    meta.rows[ctgMetaRows.formatVersion - 1][META_VALUE_COLUMN - 1] = { value: 2 };
    const report = await validateGrids(grids, { today: writtenOn });
    const missing = report.issues.filter((issue) => issue.code === 'missing-column');
    expect(missing.map((issue) => issue.params.header)).toContain('Abandonnée en');
  });
});
