import type { SheetGrid } from '../../src/domain/grid';
import { keyListFingerprint, planKeyList, type KeyEntry } from '../../src/domain/plan-keys';
import type { AxisSheetReading } from '../../src/domain/tracking';
import {
  CTG_FORMAT_VERSION,
  KEY_COLUMNS,
  ctgMetaRows,
  META_VALUE_COLUMN,
} from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { checkCtgFingerprint, migrateCtgMeta, readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { buildCtgMetaSheet } from '../../src/layout/sheets/ctg-meta/ctg-meta-sheet';
import { gridOfSpec } from './helpers/spec-grid';
import { samplePlan } from './helpers/sample-plan';

/**
 * A `_ctg` written in format 1 (a key list without axes) is read as stored, its fingerprint still matches, and
 * `migrateCtgMeta` gives each key the axis of the sheet its row is in.
 */

const plan = samplePlan();
const keys = planKeyList(plan);
const v1Keys: KeyEntry[] = keys.map(({ key, type, parentKey }) => ({ key, type, parentKey }));
const now = new Date('2026-11-28T10:15:30Z');

/** The `_ctg` of format 1: version 1, three key columns, the retired block likewise. */
async function v1Grid(retiredKeys: KeyEntry[] = []): Promise<SheetGrid> {
  const fingerprint = await keyListFingerprint(v1Keys);
  const grid = gridOfSpec(buildCtgMetaSheet({ plan, keys: v1Keys, fingerprint, now, retiredKeys }));
  grid.rows[ctgMetaRows.formatVersion - 1][META_VALUE_COLUMN - 1] = { value: 1 };
  grid.rows.forEach((row) => row.splice(KEY_COLUMNS.axis - 1));
  return grid;
}

/** Axis sheets read back holding `rowsByAxis` (only the keys matter to the migration). */
function sheets(rowsByAxis: Record<number, string[]>): AxisSheetReading[] {
  return Object.entries(rowsByAxis).map(([axis, rowKeys]) => ({
    sheet: `Axe ${axis}`,
    axis: Number(axis),
    headerRow: 3,
    rows: rowKeys.map((key, index) => ({
      sheet: `Axe ${axis}`,
      row: 4 + index,
      key,
      typeText: '',
      cells: {},
      type: 'unknown',
    })),
  }));
}

const axisByKey = new Map(keys.map((entry) => [entry.key, entry.axis!]));
const keysOfAxis = (axis: number) => keys.filter((entry) => entry.axis === axis).map((entry) => entry.key);

describe('a format 1 `_ctg`', () => {
  test('is read as stored: version 1, keys without axes, its fingerprint matching', async () => {
    const { meta, issues } = readCtgMeta(await v1Grid());
    expect(issues).toEqual([]);
    expect(meta).toMatchObject({ formatVersion: 1, keys: v1Keys });
    expect(await checkCtgFingerprint(meta!, '_ctg')).toEqual([]);
  });

  test('is migrated to the current format: each key gets the axis of the sheet its row is in', async () => {
    const { meta } = readCtgMeta(await v1Grid());
    const axes = [...new Set(keys.map((entry) => entry.axis!))];
    const migrated = migrateCtgMeta(meta!, {
      axisSheets: sheets(Object.fromEntries(axes.map((a) => [a, keysOfAxis(a)]))),
      otherSheets: [],
    });
    expect(migrated.formatVersion).toBe(CTG_FORMAT_VERSION);
    expect(migrated.migratedFrom).toBe(1);
    expect(migrated.keys).toEqual(keys);
  });

  test('a key whose row is gone takes its fiche’s axis, or its criteria’s, or that of the keys around it', async () => {
    const { meta } = readCtgMeta(await v1Grid());
    const first = plan.axes[0];
    const [ficheA, ficheB] = first.fiches;
    const criterionOfA = ficheA.criteria[0].key;
    // Axis 1 loses: its first fiche row (its other criteria are still there), a criterion row of it, and the whole
    // of its second fiche (rows between keys of axis 1).
    const gone = new Set([ficheA.key, criterionOfA, ficheB.key, ...ficheB.criteria.map((c) => c.key)]);
    const axes = [...new Set(keys.map((entry) => entry.axis!))];
    const rows = Object.fromEntries(axes.map((a) => [a, keysOfAxis(a).filter((key) => !gone.has(key))]));
    expect(first.fiches.length).toBeGreaterThan(2);
    expect(ficheA.criteria.length).toBeGreaterThan(1);
    const migrated = migrateCtgMeta(meta!, { axisSheets: sheets(rows), otherSheets: [] });
    for (const key of gone)
      expect([key, migrated.keys.find((entry) => entry.key === key)?.axis]).toEqual([key, first.number]);
  });

  test('the keys of a lost sheet stay without axis (they are reported as format 1 did); retired criteria take their fiche’s', async () => {
    const lastAxis = plan.axes[plan.axes.length - 1].number;
    const retiredCriterion: KeyEntry = {
      key: `${plan.axes[0].fiches[0].key}-QN99`,
      type: 'Quantitatif',
      parentKey: plan.axes[0].fiches[0].key,
    };
    const retiredFiche: KeyEntry = { key: 'ZZ9', type: 'Fiche', parentKey: null };
    const { meta } = readCtgMeta(await v1Grid([retiredCriterion, retiredFiche]));
    const axes = [...new Set(keys.map((entry) => entry.axis!))].filter((axis) => axis !== lastAxis);
    const migrated = migrateCtgMeta(meta!, {
      axisSheets: sheets(Object.fromEntries(axes.map((a) => [a, keysOfAxis(a)]))),
      otherSheets: [],
    });
    for (const entry of migrated.keys)
      expect(entry.axis).toBe(axisByKey.get(entry.key) === lastAxis ? undefined : axisByKey.get(entry.key));
    expect(migrated.retiredKeys).toEqual([{ ...retiredCriterion, axis: plan.axes[0].number }, retiredFiche]);
  });
});

describe('a current `_ctg`', () => {
  test('is left as read by the migration (migratedFrom null)', async () => {
    const fingerprint = await keyListFingerprint(keys);
    const { meta } = readCtgMeta(gridOfSpec(buildCtgMetaSheet({ plan, keys, fingerprint, now })));
    const migrated = migrateCtgMeta(meta!, { axisSheets: [], otherSheets: [] });
    expect(migrated).toEqual({ ...meta, migratedFrom: null });
    expect(migrated.keys).toEqual(keys);
  });
});
