import type { SheetGrid, WorkbookGrids } from '../../../src/domain/grid';

/**
 * A territory's figures computed from its grids by this test alone, from the rules as docs/DOMAIN.md states them
 * (« Rates », « Filled, expected, current quarter »), so that the consolidation is checked against figures the code
 * under test did not compute: filled over expected cells pooled, réalisation the mean of the criteria's own.
 */

export interface IndependentCounts {
  fiches: number;
  criteria: number;
  periodExpected: number;
  periodFilled: number;
  cumulativeExpected: number;
  cumulativeFilled: number;
  achievements: number[];
  withTarget: number;
}

const scale = ['très satisfaisant', 'satisfaisant', 'peu satisfaisant', 'pas satisfaisant'];
const norm = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();
const quarterNumber = (label: string) => Number(label.slice(0, 4)) * 4 + Number(label.slice(-1)) - 1;

interface Row {
  key: string;
  type: string;
  cells: Map<string, unknown>;
}

function rowsOf(grid: SheetGrid): Row[] {
  const headerIndex = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
  const headers = grid.rows[headerIndex].map((cell) => String(cell?.value ?? ''));
  return grid.rows.slice(headerIndex + 1).flatMap((row) => {
    const cells = new Map<string, unknown>();
    headers.forEach((header, column) => cells.set(header, row?.[column]?.value ?? null));
    const key = String(cells.get('Clé') ?? '');
    return key === '' ? [] : [{ key, type: String(cells.get('Type')), cells }];
  });
}

/** The rows of every `Axe N`, each fiche with its criteria. */
export function fichesOf(grids: WorkbookGrids): { fiche: Row; criteria: Row[] }[] {
  const fiches: { fiche: Row; criteria: Row[] }[] = [];
  for (const grid of grids.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name))) {
    for (const row of rowsOf(grid)) {
      if (row.type === 'Fiche') fiches.push({ fiche: row, criteria: [] });
      else fiches[fiches.length - 1].criteria.push(row);
    }
  }
  return fiches;
}

function expects(frequency: unknown, label: string, last: string): boolean {
  if (label === last) return true;
  const q = Number(label.slice(-1));
  switch (norm(frequency)) {
    case 'semestrielle':
      return q === 2 || q === 4;
    case 'annuelle':
      return q === 4;
    default:
      return true;
  }
}

function filled(type: string, value: unknown): boolean {
  return type === 'Quantitatif' ? typeof value === 'number' : typeof value === 'string' && scale.includes(norm(value));
}

/**
 * Counts of some fiches of a workbook whose quarters are `quarters` (in order), measured at `current`; `today`, the
 * quarter of the day of the measure when given: a quarter after it has not begun, and nothing is expected of it.
 */
export function independentCounts(
  fiches: readonly { fiche: Row; criteria: Row[] }[],
  quarters: readonly string[],
  current: string,
  today?: string,
): IndependentCounts {
  const last = quarters[quarters.length - 1];
  const counts: IndependentCounts = {
    fiches: fiches.length,
    criteria: 0,
    periodExpected: 0,
    periodFilled: 0,
    cumulativeExpected: 0,
    cumulativeFilled: 0,
    achievements: [],
    withTarget: 0,
  };
  for (const { fiche, criteria } of fiches) {
    const abandonedIn = norm(fiche.cells.get('Abandonnée en')).toUpperCase();
    for (const criterion of criteria) {
      counts.criteria += 1;
      let latest: number | null = null;
      const counted = quarters.filter(
        (quarter) =>
          quarterNumber(quarter) <= quarterNumber(current) &&
          (today === undefined || quarterNumber(quarter) <= quarterNumber(today)),
      );
      for (const label of counted) {
        const abandoned = abandonedIn !== '' && quarterNumber(label) >= quarterNumber(abandonedIn);
        if (!expects(criterion.cells.get('Fréquence'), label, last) || abandoned) continue;
        const value = criterion.cells.get(label);
        const isFilled = filled(criterion.type, value);
        counts.cumulativeExpected += 1;
        if (isFilled) counts.cumulativeFilled += 1;
        if (label === current) {
          counts.periodExpected += 1;
          if (isFilled) counts.periodFilled += 1;
        }
        if (isFilled && criterion.type === 'Quantitatif') latest = value as number;
      }
      const target = criterion.cells.get('Cible');
      if (criterion.type !== 'Quantitatif' || typeof target !== 'number') continue;
      counts.withTarget += 1;
      const baseline =
        typeof criterion.cells.get('Référence') === 'number' ? (criterion.cells.get('Référence') as number) : 0;
      const abandonedByNow = abandonedIn !== '' && quarterNumber(current) >= quarterNumber(abandonedIn);
      if (latest === null || target === baseline || abandonedByNow) continue;
      counts.achievements.push(Math.min(1, Math.max(0, (latest - baseline) / (target - baseline))));
    }
  }
  return counts;
}

/** The quarters of an axis sheet's header, in order. */
export function quartersOf(grids: WorkbookGrids): string[] {
  const grid = grids.sheets.find((sheet) => /^Axe \d+$/.test(sheet.name))!;
  const header = grid.rows.find((row) => row?.some((cell) => cell?.value === 'Clé'))!;
  return header.map((cell) => String(cell?.value ?? '')).filter((text) => /^\d{4}-T[1-4]$/.test(text));
}

/** The fiches naming a champ (or public) in the given column, by the name as written (split on `;`). */
export function fichesNaming(grids: WorkbookGrids, header: string, name: string) {
  return fichesOf(grids).filter(({ fiche }) =>
    String(fiche.cells.get(header) ?? '')
      .split(';')
      .some(
        (entry) =>
          norm(entry).normalize('NFD').replace(/\p{M}/gu, '') === norm(name).normalize('NFD').replace(/\p{M}/gu, ''),
      ),
  );
}
