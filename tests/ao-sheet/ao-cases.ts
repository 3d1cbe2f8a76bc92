import { readFileSync } from 'fs';
import { join } from 'path';
import { aoTableFromPlan, assessAoTable, type AoTable, type AoTableRow } from '../../src/domain/ao-requirements';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import type { Quarter } from '../../src/domain/periods';
import type { AoHolder, Plan } from '../../src/domain/plan';
import { parseConvention } from '../../src/plan-text';
import { aoColumnIndex, aoHeaderIndex, aoLabelRowIndex } from './ao-grid';

/**
 * Filled AO tables for the engine tests, built on the seed convention's table: each case says which inputs a
 * person typed (populations, holders, RPE, schéma, declared total) and the current quarter. The expected figures
 * come from src/domain/ao-requirements.ts, shown as the sheet shows them (mapping written here, not imported).
 */

export function seedPlan(): Plan {
  const text = readFileSync(join(__dirname, '../fixtures/ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
  const result = parseConvention(text);
  if (!result.ok) throw new Error('the seed convention should parse');
  return result.plan;
}

/** What a person types in one row (absent: left as generated). A population may be a wrong type on purpose. */
export interface RowInput {
  population?: CellValue;
  holders?: Partial<Record<'identify' | 'inform' | 'plan' | 'quality', AoHolder>>;
  rpe?: 'Oui' | 'Non' | null;
  schema?: 'Oui' | 'Non' | null;
}

export interface AoCase {
  name: string;
  /** The Paramètres text of Q. */
  quarterText: string;
  /** Q for the domain (for an unreadable Q, the quarter the non-RPE columns are compared at). */
  quarter: Quarter;
  /** The plan's period for this case (Q must be inside). */
  period: Plan['period'];
  declared?: CellValue;
  /** By row index in the sheet's order (0 = EPCI). */
  rows: Record<number, RowInput>;
}

const ALL = 'transferredByAll';
const SOME = 'transferredBySome';
const own = { identify: 'commune', inform: 'commune', plan: 'commune', quality: 'commune' } as const;
const some = { identify: SOME, inform: SOME, plan: SOME, quality: SOME } as const;

/** Sixteen seed-like populations (not the INSEE figures) adding up to the declared 15 431. */
export const SEED_LIKE_POPULATIONS = [
  4970, 1230, 980, 850, 720, 690, 640, 560, 900, 1010, 480, 420, 390, 350, 310, 931,
] as const;

const period2026 = { start: '2026-01-01', end: '2030-12-31' };
const fill = (populations: readonly number[]) =>
  Object.fromEntries(populations.map((population, index) => [index + 1, { population }]));

export const aoCases: AoCase[] = [
  {
    name: 'seed-like populations, everything transferred by all',
    quarterText: '2026-T3',
    quarter: { year: 2026, q: 3 },
    period: period2026,
    rows: fill(SEED_LIKE_POPULATIONS),
  },
  {
    name: 'communes at 3 500 / 3 501 / 10 000 / 10 001 keeping their competences',
    quarterText: '2026-T1',
    quarter: { year: 2026, q: 1 },
    period: period2026,
    rows: {
      0: { holders: some },
      1: { population: 3500, holders: own },
      2: { population: 3501, holders: own },
      3: { population: 10000, holders: own },
      4: { population: 10001, holders: own, rpe: 'Non', schema: 'Oui' },
      5: { population: 10001, holders: own, rpe: 'Oui', schema: 'Non' },
      ...Object.fromEntries(
        [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((i) => [i, { population: 100 * i, holders: some }]),
      ),
    },
  },
  {
    name: 'before 2026, unknown and wrong populations, an unknown holder',
    quarterText: '2025-T4',
    quarter: { year: 2025, q: 4 },
    period: { start: '2025-01-01', end: '2029-12-31' },
    rows: {
      1: { population: 12000, holders: own, rpe: 'Non', schema: 'Oui' },
      2: { population: '3 500', holders: own },
      3: { population: 4000.5, holders: { ...own, plan: 'unknown' } },
      4: { population: -3, holders: own },
      5: { population: 5000, holders: { identify: ALL, inform: ALL, plan: 'commune', quality: 'commune' }, rpe: null },
      6: { population: 2000 },
      7: { population: null },
      8: { population: 800, holders: { identify: 'unknown', inform: 'unknown' } },
    },
  },
  {
    name: 'the EPCI judged per competence on 10 000 and 10 001 transferred inhabitants',
    quarterText: '2027-T2',
    quarter: { year: 2027, q: 2 },
    period: period2026,
    declared: 10001,
    rows: {
      0: { rpe: 'Non', holders: some },
      1: { population: 6000, holders: some },
      2: { population: 4000, holders: some },
      3: { population: 1, holders: { identify: SOME, inform: SOME, plan: 'commune', quality: SOME } },
      ...Object.fromEntries(
        [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((i) => [i, { population: 50 * i, holders: own }]),
      ),
    },
  },
  {
    name: 'populations above the declared total while some are empty',
    quarterText: '2028-T3',
    quarter: { year: 2028, q: 3 },
    period: period2026,
    declared: 5000,
    rows: {
      1: { population: 4000 },
      2: { population: 1500 },
      3: { population: null, holders: own },
      4: { population: 20000, holders: own, rpe: null },
    },
  },
];

/** The seed's table with a case's inputs applied (what the reader should read back, wrong types as null). */
export function filledTable(base: AoTable, testCase: AoCase): AoTable {
  const rows = base.rows.map((row, index): AoTableRow => {
    const input = testCase.rows[index];
    if (!input) return row;
    const population =
      input.population === undefined
        ? row.population
        : typeof input.population === 'number' && Number.isInteger(input.population) && input.population >= 0
          ? input.population
          : null;
    const yesNo = (value: 'Oui' | 'Non' | null | undefined, old: boolean | null) =>
      value === undefined ? old : value === null ? null : value === 'Oui';
    return {
      ...row,
      population: row.isEpci ? null : population,
      competences: { ...row.competences, ...(input.holders ?? {}) },
      rpeExists: yesNo(input.rpe, row.rpeExists),
      schemaExists: yesNo(input.schema, row.schemaExists),
    };
  });
  const declared = testCase.declared === undefined ? base.declaredTransferredPopulation : testCase.declared;
  return { rows, declaredTransferredPopulation: typeof declared === 'number' ? declared : null };
}

export function caseTable(plan: Plan, testCase: AoCase): AoTable {
  return filledTable(aoTableFromPlan(plan), testCase);
}

/** The headers of the derived cells of a row, as the sheet shows them. */
export const DERIVED_HEADERS = [
  'Population retenue pour les seuils',
  'Requis\u00a0: recenser',
  'Requis\u00a0: informer',
  'Requis\u00a0: planifier',
  'Requis\u00a0: soutenir la qualité',
  'Requis\u00a0: schéma pluriannuel',
  'Requis\u00a0: relais petite enfance',
  'Schéma\u00a0: obligation remplie',
  'RPE\u00a0: obligation remplie',
] as const;

export const HOLDER_HEADERS = [
  'Recenser les besoins',
  'Informer et accompagner les familles',
  "Planifier l'offre d'accueil",
  'Soutenir la qualité',
] as const;

const UNKNOWN = 'À renseigner';
const shownBoolean = (value: boolean | null) => (value === null ? UNKNOWN : value ? 'Oui' : 'Non');
const shownMet = (required: boolean | null, met: boolean | null) =>
  required === false ? 'Sans objet' : required === null ? UNKNOWN : shownBoolean(met);

/** Every derived cell of the sheet, keyed `<row name>|<header>` or by summary label, as the domain says. */
export function expectedDerived(table: AoTable, quarter: Quarter): Record<string, CellValue> {
  const assessment = assessAoTable(table, quarter);
  const expected: Record<string, CellValue> = {};
  assessment.rows.forEach((row) => {
    const values: CellValue[] = [
      row.population ?? UNKNOWN,
      ...(['identify', 'inform', 'plan', 'quality', 'schema', 'rpe'] as const).map((r) =>
        shownBoolean(row.required[r]),
      ),
      shownMet(row.required.schema, row.met.schema),
      shownMet(row.required.rpe, row.met.rpe),
    ];
    DERIVED_HEADERS.forEach((header, index) => (expected[`${row.name}|${header}`] = values[index]));
  });
  (['identify', 'inform', 'plan', 'quality'] as const).forEach((competence, index) => {
    expected[`transferred|${HOLDER_HEADERS[index]}`] = assessment.transferredPopulation[competence] ?? UNKNOWN;
  });
  expected.filledSum = assessment.filledTransferredPopulation;
  const transferring = table.rows.some(
    (row) => !row.isEpci && Object.values(row.competences).some((h) => h === ALL || h === SOME),
  );
  expected.check =
    assessment.populationsMatchDeclared !== null
      ? shownBoolean(assessment.populationsMatchDeclared)
      : table.declaredTransferredPopulation === null || !transferring
        ? 'Sans objet'
        : UNKNOWN;
  return expected;
}

/** The same cells read from a grid (cached or recalculated values), found by header and label text. */
export function derivedOfGrid(grid: SheetGrid, names: readonly string[]): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  const header = aoHeaderIndex(grid);
  const at = (row: number, column: number) => grid.rows[row]?.[column]?.value ?? null;
  names.forEach((name, index) => {
    const row = header + 1 + index;
    if (at(row, 0) !== name) throw new Error(`row ${row + 1} is ${String(at(row, 0))}, not ${name}`);
    for (const title of DERIVED_HEADERS) values[`${name}|${title}`] = at(row, aoColumnIndex(grid, title));
  });
  const transferredRow = aoLabelRowIndex(grid, 'Population des communes ayant transféré');
  for (const title of HOLDER_HEADERS) values[`transferred|${title}`] = at(transferredRow, aoColumnIndex(grid, title));
  const population = aoColumnIndex(grid, 'Population (INSEE)');
  values.filledSum = at(aoLabelRowIndex(grid, 'Somme des populations saisies'), population);
  values.check = at(aoLabelRowIndex(grid, 'Contrôle'), population);
  return values;
}
