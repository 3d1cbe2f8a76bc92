import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookPort } from '../../src/app/port';
import { validateGrids } from '../../src/app/validate';
import { axisFields, isValueField, type AxisField, type FieldKind } from '../../src/domain/axis-fields';
import type { CellValue, GridCell, WorkbookGrids } from '../../src/domain/grid';
import { quartersOfPeriod } from '../../src/domain/periods';
import { listValues, type TrackingRow } from '../../src/domain/tracking';
import { fieldHeader } from '../../src/layout/sheets/axis/axis-columns';
import { readAxisSheet } from '../../src/layout/sheets/axis/read-axis-sheet';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { cleanGrids, GENERATION_DAY, setValue, sheet, smallPlan } from '../validation/clean-workbook';
import { valueAt } from './helpers';

/**
 * The field table (src/domain/axis-fields.ts) drives the reader, the validation and the rewrites: every field of
 * every row type is read back by its kind, a wrong value in it is reported at its cell by its kind's rule, and what a
 * person entered in it survives a rewrite. A field added to the table (or a kind) without its reading, its check or
 * its carrying fails here; a kind without samples here does not compile.
 */

const QUARTERS = quartersOfPeriod(smallPlan().period);
const AXE1 = 'Axe 1';
const rowKeys = { fiche: 'G1', criterion: 'G1-QN1' } as const;
type RowKind = keyof typeof rowKeys;

interface Samples {
  /** A value of the kind as a person types it, and what the reader makes of it. */
  good: (field: AxisField) => { cell: GridCell; read: unknown };
  /** A value that is not of the kind, and the code of the error that says so. */
  bad: { cell: GridCell; code: string };
}

/** A list field's last value (Statut « Abandonnée »: compute keeps the « Abandonnée en » typed beside it). */
const lastOfList = (field: AxisField) => {
  const values = field.kind === 'list' ? listValues[field.list] : [];
  return values[values.length - 1];
};

const samples: Record<Exclude<FieldKind, 'rate'>, Samples> = {
  text: {
    good: () => ({ cell: { value: 'Vu en comité 12' }, read: 'Vu en comité 12' }),
    bad: { cell: { value: '#N/A', isError: true }, code: 'text-is-error' },
  },
  integer0to100: {
    good: () => ({ cell: { value: 42 }, read: 42 }),
    bad: { cell: { value: 'beaucoup' }, code: 'progress-invalid' },
  },
  number: {
    good: () => ({ cell: { value: 3.5 }, read: 3.5 }),
    bad: { cell: { value: 'trois' }, code: 'number-invalid' },
  },
  date: {
    good: () => ({ cell: { value: 46096, isDate: true }, read: '2026-03-15' }),
    bad: { cell: { value: 'hier' }, code: 'date-invalid' },
  },
  list: {
    good: (field) => ({ cell: { value: lastOfList(field).toLocaleUpperCase('fr') }, read: lastOfList(field) }),
    bad: { cell: { value: 'Inconnue' }, code: 'value-not-in-list' },
  },
  quarterLabel: {
    good: () => ({ cell: { value: '2026-T2' }, read: { year: 2026, q: 2 } }),
    bad: { cell: { value: 'T2 2026' }, code: 'abandoned-in-invalid' },
  },
};

function samplesOf(field: AxisField): Samples {
  if (field.kind === 'rate') throw new Error(`${field.id} is a formula, never read as a value`);
  return samples[field.kind];
}

/** The fields a row type's reading holds, from the table. */
const valueFields = (row: RowKind) => axisFields.filter((field) => field[row] && isValueField(field));
/** The fields a person enters in a row type, from the table. */
const enteredFields = (row: RowKind) => axisFields.filter((field) => field[row] && field.source === 'entered');

function typed(grids: WorkbookGrids, row: RowKind, fields: readonly AxisField[], cellOf: (f: AxisField) => GridCell) {
  const grid = sheet(grids, AXE1);
  for (const field of fields) {
    const { value, ...extra } = cellOf(field);
    setValue(grid, rowKeys[row], fieldHeader(field.id), value as CellValue, extra);
  }
}

function rowOf(grids: WorkbookGrids, key: string): TrackingRow {
  const row = readAxisSheet(sheet(grids, AXE1), 1, QUARTERS).reading.rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

/** What a read row holds beyond its cells, key, type and (for a criterion) its kind and quarters. */
const NOT_FIELDS = new Set(['sheet', 'row', 'key', 'typeText', 'cells', 'type', 'kind', 'values', 'quarterCells']);

describe.each(['fiche', 'criterion'] as const)('the field table drives a %s row', (row) => {
  it('reads every field of the table for the row type, each by its kind, and no other', async () => {
    const grids = await cleanGrids();
    typed(grids, row, valueFields(row), (field) => samplesOf(field).good(field).cell);
    const read = rowOf(grids, rowKeys[row]) as unknown as Record<string, unknown>;
    expect(read.type).toBe(row);
    expect(Object.keys(read).filter((name) => !NOT_FIELDS.has(name))).toEqual(
      expect.arrayContaining(valueFields(row).map((field) => field.id)),
    );
    expect(Object.keys(read).filter((name) => !NOT_FIELDS.has(name))).toHaveLength(valueFields(row).length);
    for (const field of valueFields(row))
      expect([field.id, read[field.id]]).toEqual([field.id, samplesOf(field).good(field).read]);
  });

  it.each(valueFields(row).map((field) => [field.id, field] as const))(
    'reports a wrong value in %s at its cell, by its kind',
    async (_id, field) => {
      const grids = await cleanGrids();
      const address = setValue(
        sheet(grids, AXE1),
        rowKeys[row],
        fieldHeader(field.id),
        samplesOf(field).bad.cell.value,
        samplesOf(field).bad.cell,
      );
      const report = await validateGrids(grids, { today: GENERATION_DAY });
      expect(
        report.issues.filter((issue) => issue.cell === address && issue.sheet === AXE1).map((i) => i.code),
      ).toEqual([samplesOf(field).bad.code]);
    },
  );

  it('carries every entered field of the table through a rewrite, as typed', async () => {
    let current = await cleanGrids();
    typed(current, row, enteredFields(row), (field) => samplesOf(field).good(field).cell);
    const typedCells = enteredFields(row).map((field) => [
      field.id,
      valueAt(current, rowKeys[row], fieldHeader(field.id)),
    ]);
    const port: WorkbookPort = {
      read: async () => current,
      write: async (spec) => {
        const read = readXlsx(await writeXlsx(spec));
        if (!read.ok) throw new Error(read.error.code);
        current = read.grids;
      },
    };
    const outcome = await computeAndWrite(port, { now: GENERATION_DAY });
    expect(outcome.status).toBe('done');
    const after = enteredFields(row).map((field) => [field.id, valueAt(current, rowKeys[row], fieldHeader(field.id))]);
    expect(
      after.map(([id, cell]) => [id, (cell as GridCell | null)?.value, !!(cell as GridCell | null)?.isDate]),
    ).toEqual(
      typedCells.map(([id, cell]) => [id, (cell as GridCell | null)?.value, !!(cell as GridCell | null)?.isDate]),
    );
  });
});
