import type { SheetGrid, WorkbookGrids } from '../../../src/domain/grid';

/**
 * A bilan's figures computed from a workbook's grids by this test alone, from the rules as docs/WORKBOOK.md,
 * « Bilans », and docs/DOMAIN.md, « Rates », state them: cells read by their column's header, Historique's rows read
 * as the sheet shows them. The code under test computes none of this.
 */

export interface ExpectedFiche {
  key: string;
  axis: number;
  status: string | null;
  progress: number | null;
  implementation: string;
  difficulties: string;
  periodExpected: number;
  periodFilled: number;
  cumulativeExpected: number;
  cumulativeFilled: number;
  achievements: number[];
  criteria: ExpectedCriterion[];
}

export interface ExpectedCriterion {
  key: string;
  values: { quarter: string; value: string | number }[];
  latest: string | number | null;
  achievement: number | null;
  fillPeriod: number | null;
  comment: string;
}

export interface ExpectedPeriod {
  first: string;
  measuredTo: string;
  /** The period's last quarter, whose Historique rows hold the states; null: the sheets' states. */
  statesOf: string | null;
}

const scale = ['Très satisfaisant', 'Satisfaisant', 'Peu satisfaisant', 'Pas satisfaisant'];
const statuses = ['Non démarrée', 'En cours', 'Réalisée', 'Reportée', 'Abandonnée'];
const norm = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();
const index = (label: string) => Number(label.slice(0, 4)) * 4 + Number(label.slice(-1)) - 1;
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

interface Row {
  axis: number;
  key: string;
  type: string;
  cells: Map<string, unknown>;
}

function rowsOf(grid: SheetGrid): Row[] {
  const axis = Number(grid.name.slice(4));
  const headerIndex = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
  const headers = grid.rows[headerIndex].map((cell) => String(cell?.value ?? ''));
  return grid.rows.slice(headerIndex + 1).flatMap((row) => {
    const cells = new Map<string, unknown>();
    headers.forEach((header, column) => cells.set(header, row?.[column]?.value ?? null));
    const key = String(cells.get('Clé') ?? '');
    return key === '' ? [] : [{ axis, key, type: String(cells.get('Type')), cells }];
  });
}

/** The quarters of an axis sheet's header, in order. */
export function conventionQuarters(grids: WorkbookGrids): string[] {
  const grid = grids.sheets.find((sheet) => /^Axe \d+$/.test(sheet.name))!;
  const header = grid.rows.find((row) => row?.some((cell) => cell?.value === 'Clé'))!;
  return header.map((cell) => String(cell?.value ?? '')).filter((label) => /^\d{4}-T[1-4]$/.test(label));
}

/** Historique's values of a quarter, by `key|header`. */
function historyOf(grids: WorkbookGrids, quarter: string): Map<string, unknown> {
  const grid = grids.sheets.find((sheet) => sheet.name === 'Historique')!;
  const values = new Map<string, unknown>();
  for (const row of grid.rows.slice(1)) {
    if (row?.[0]?.value === quarter) values.set(`${String(row[1]?.value)}|${String(row[2]?.value)}`, row[3]?.value);
  }
  return values;
}

function expects(frequency: unknown, label: string, last: string): boolean {
  if (label === last) return true;
  const q = Number(label.slice(-1));
  if (norm(frequency) === 'semestrielle') return q === 2 || q === 4;
  if (norm(frequency) === 'annuelle') return q === 4;
  return true;
}

function filled(type: string, value: unknown): boolean {
  return type === 'Quantitatif'
    ? typeof value === 'number'
    : typeof value === 'string' && scale.some((level) => norm(level) === norm(value));
}

const statusOf = (value: unknown) => statuses.find((status) => norm(status) === norm(value)) ?? null;
const progressOf = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 ? value : null;

/** Every fiche of the workbook (or those of `keys`), measured over the period. */
export function expectedFiches(
  grids: WorkbookGrids,
  period: ExpectedPeriod,
  keys?: readonly string[],
): ExpectedFiche[] {
  const quarters = conventionQuarters(grids);
  const last = quarters[quarters.length - 1];
  const history = period.statesOf === null ? null : historyOf(grids, period.statesOf);
  const state = (row: Row, header: string) =>
    history === null ? row.cells.get(header) : (history.get(`${row.key}|${header}`) ?? null);
  const toDate = quarters.filter((label) => index(label) <= index(period.measuredTo));
  const rows = grids.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name)).flatMap(rowsOf);
  const fiches: ExpectedFiche[] = [];
  for (const row of rows) {
    if (row.type === 'Fiche') {
      fiches.push({
        key: row.key,
        axis: row.axis,
        status: statusOf(state(row, 'Statut')),
        progress: progressOf(state(row, 'Avancement (%)')),
        implementation: text(state(row, 'Mise en œuvre')),
        difficulties: text(state(row, 'Difficultés')),
        periodExpected: 0,
        periodFilled: 0,
        cumulativeExpected: 0,
        cumulativeFilled: 0,
        achievements: [],
        criteria: [],
      });
      continue;
    }
    const fiche = fiches[fiches.length - 1];
    const abandonedIn = text(rows.find((candidate) => candidate.key === fiche.key)!.cells.get('Abandonnée en'));
    const criterion: ExpectedCriterion = {
      key: row.key,
      values: [],
      latest: null,
      achievement: null,
      fillPeriod: null,
      comment: text(state(row, 'Commentaire')),
    };
    let periodExpected = 0;
    let periodFilled = 0;
    for (const label of toDate) {
      const abandoned = abandonedIn !== '' && index(label) >= index(abandonedIn);
      if (!expects(row.cells.get('Fréquence'), label, last) || abandoned) continue;
      const value = row.cells.get(label);
      const isFilled = filled(row.type, value);
      const shown = typeof value === 'string' ? scale.find((level) => norm(level) === norm(value)) : value;
      const inPeriod = index(label) >= index(period.first);
      fiche.cumulativeExpected += 1;
      if (isFilled) fiche.cumulativeFilled += 1;
      if (inPeriod) periodExpected += 1;
      if (isFilled && inPeriod) periodFilled += 1;
      if (isFilled) criterion.latest = shown as string | number;
      if (isFilled && inPeriod) criterion.values.push({ quarter: label, value: shown as string | number });
    }
    fiche.periodExpected += periodExpected;
    fiche.periodFilled += periodFilled;
    criterion.fillPeriod = periodExpected === 0 ? null : periodFilled / periodExpected;
    const target = row.cells.get('Cible');
    const baseline = typeof row.cells.get('Référence') === 'number' ? (row.cells.get('Référence') as number) : 0;
    const abandonedByEnd = abandonedIn !== '' && index(period.measuredTo) >= index(abandonedIn);
    if (row.type === 'Quantitatif' && typeof target === 'number' && target !== baseline && !abandonedByEnd) {
      const latest = criterion.latest as number | null;
      if (latest !== null) {
        criterion.achievement = Math.min(1, Math.max(0, (latest - baseline) / (target - baseline)));
        fiche.achievements.push(criterion.achievement);
      }
    }
    fiche.criteria.push(criterion);
  }
  return keys ? fiches.filter((fiche) => keys.includes(fiche.key)) : fiches;
}

/** What a set of fiches adds up to, in the bilan's count names. */
export function expectedCounts(fiches: readonly ExpectedFiche[]) {
  const count = (status: string) => fiches.filter((fiche) => fiche.status === status).length;
  const achievements = fiches.flatMap((fiche) => fiche.achievements);
  return {
    fiches: fiches.length,
    criteria: fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0),
    statuses: {
      notStarted: count('Non démarrée'),
      inProgress: count('En cours'),
      done: count('Réalisée'),
      postponed: count('Reportée'),
      abandoned: count('Abandonnée'),
    },
    fichesWithDifficulties: fiches.filter((fiche) => fiche.difficulties !== '').length,
    period: {
      expected: fiches.reduce((sum, fiche) => sum + fiche.periodExpected, 0),
      filled: fiches.reduce((sum, fiche) => sum + fiche.periodFilled, 0),
    },
    cumulative: {
      expected: fiches.reduce((sum, fiche) => sum + fiche.cumulativeExpected, 0),
      filled: fiches.reduce((sum, fiche) => sum + fiche.cumulativeFilled, 0),
    },
    achieved: achievements.length,
    achievementSum: achievements.reduce((sum, rate) => sum + rate, 0),
  };
}
