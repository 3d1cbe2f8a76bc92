import { splitList } from '../axis-fields';
import { countsOf, sumCounts } from '../consolidation/counts';
import type { AoRequirementsRow } from '../consolidation/territory';
import { fieldValue } from '../field-values';
import { nameKey } from '../name-key';
import { quarterLabel, type Quarter } from '../periods';
import type { Period } from '../plan';
import { achievementRate } from '../rates/achievement';
import { fillRate, isExpectedCell, periodFillCounts } from '../rates/fill-rate';
import type { RateCriterion, RateFiche, RateWindow } from '../rates/inputs';
import { isFilled, parentKeyOf, type CriterionRow, type FicheRow, type RawValue, type TrackingRow } from '../tracking';
import type { Bilan, BilanAxis, BilanCriterion, BilanFiche, BilanPeriod } from './bilan';
import { bilanWindow } from './bilan-period';
import { isEarlyChildhoodFiche } from './cdsf-part';

/**
 * A tracking workbook's rows and Historique → a bilan (docs/WORKBOOK.md, « Bilans »). Quarter values come from the
 * axis sheets; each fiche's state (Statut, Avancement, Mise en œuvre, Difficultés, Commentaire) from Historique's
 * snapshot of the period's last quarter or from the sheets, as the period says. Counts pool as the consolidation's.
 */

/** The fields a closing keeps (src/app/close-quarter.ts), read back from Historique. */
export type ClosedField = 'status' | 'progress' | 'implementation' | 'difficulties' | 'comment';

/** Historique's values of one quarter, by row key then field; a field without a value was blank. */
export type ClosedStates = ReadonlyMap<string, Partial<Record<ClosedField, RawValue>>>;

export interface BilanAxisRows {
  number: number;
  title: string;
  rows: readonly TrackingRow[];
}

export interface BilanInput {
  /** `statesFrom: 'history'` reads `closedStates` (empty for `empty-closing`). */
  period: BilanPeriod;
  convention: Period;
  cdsf: boolean;
  territory: string;
  epci: string;
  caf: string;
  currentQuarter: Quarter;
  /** The axis sheets, in plan order. */
  axes: readonly BilanAxisRows[];
  /** Historique's snapshot of the period's last quarter; read only when the states come from history. */
  closedStates: ClosedStates;
  ao: AoRequirementsRow[];
}

const TOP_FIVE = nameKey('Top 5');

/** A fiche's state at the period's end. */
type FicheState = Pick<BilanFiche, 'status' | 'progress' | 'implementation' | 'difficulties'>;

interface StateReader {
  fiche: (row: FicheRow) => FicheState;
  comment: (row: CriterionRow) => string;
}

/** The sheets' values as read, or Historique's read by each field's kind as the sheets' reader reads a cell. */
function stateReader(input: BilanInput): StateReader {
  if (input.period.statesFrom === 'sheets') {
    return {
      fiche: ({ status, progress, implementation, difficulties }) => ({
        status,
        progress,
        implementation,
        difficulties,
      }),
      comment: (row) => row.comment,
    };
  }
  const closed = (key: string, field: ClosedField) => input.closedStates.get(key)?.[field] ?? null;
  return {
    fiche: ({ key }) => ({
      status: fieldValue('status', closed(key, 'status')),
      progress: fieldValue('progress', closed(key, 'progress')),
      implementation: fieldValue('implementation', closed(key, 'implementation')),
      difficulties: fieldValue('difficulties', closed(key, 'difficulties')),
    }),
    comment: ({ key }) => fieldValue('comment', closed(key, 'comment')),
  };
}

/** The filled expected values of `quarters` (a quarter that expects none is neither shown nor counted). */
function filledValues(criterion: CriterionRow & RateCriterion, quarters: readonly Quarter[], window: RateWindow) {
  return quarters.flatMap((quarter) => {
    const value = criterion.values[quarterLabel(quarter)] ?? null;
    const shown = isExpectedCell(criterion, quarter, window) && isFilled(criterion.kind, value);
    return shown && value !== null ? [{ quarter: quarterLabel(quarter), value }] : [];
  });
}

function bilanCriterion(row: CriterionRow & RateCriterion, window: RateWindow, states: StateReader): BilanCriterion {
  const toDate = filledValues(row, window.quartersToDate, window);
  return {
    key: row.key,
    kind: row.kind,
    title: row.title,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    values: filledValues(row, window.periodQuarters, window),
    latest: toDate.length === 0 ? null : toDate[toDate.length - 1].value,
    latestQuarter: toDate.length === 0 ? null : toDate[toDate.length - 1].quarter,
    achievement: achievementRate(row, window),
    fillPeriod: fillRate(periodFillCounts([row], window)),
    comment: states.comment(row),
  };
}

function bilanFiche(
  axis: number,
  fiche: FicheRow,
  criteria: readonly CriterionRow[],
  window: RateWindow,
  states: StateReader,
): BilanFiche {
  const rows = criteria.map((criterion) => ({ ...criterion, abandonedIn: fiche.abandonedIn }));
  const state = states.fiche(fiche);
  const rates: RateFiche = { ...state, carriers: splitList(fiche.carriers), criteria: rows };
  return {
    key: fiche.key,
    axis,
    title: fiche.title,
    interest: fiche.interest,
    topFive: nameKey(fiche.interest) === TOP_FIVE,
    carriers: fiche.carriers,
    ...state,
    abandonedIn: state.status === 'Abandonnée' && fiche.abandonedIn ? quarterLabel(fiche.abandonedIn) : null,
    counts: countsOf([rates], window),
    criteria: rows.map((row) => bilanCriterion(row, window, states)),
  };
}

/** The fiches of an axis sheet's rows, each with the criteria whose key names it, in row order. */
function fichesOfRows(rows: readonly TrackingRow[]): { fiche: FicheRow; criteria: CriterionRow[] }[] {
  const criteria = rows.filter((row): row is CriterionRow => row.type === 'criterion');
  return rows
    .filter((row): row is FicheRow => row.type === 'fiche')
    .map((fiche) => ({ fiche, criteria: criteria.filter((criterion) => parentKeyOf(criterion.key) === fiche.key) }));
}

export function bilanOf(input: BilanInput): Bilan {
  const window = bilanWindow(input.convention, input.period);
  const states = stateReader(input);
  const axes: { axis: BilanAxis; fiches: BilanFiche[] }[] = [];
  for (const sheet of input.axes) {
    const fiches = fichesOfRows(sheet.rows)
      .filter(({ fiche }) => !input.cdsf || isEarlyChildhoodFiche(fiche.publics, fiche.fields))
      .map(({ fiche, criteria }) => bilanFiche(sheet.number, fiche, criteria, window, states));
    // The CDSF's bilan shows the axes that hold part of its fiches only.
    if (input.cdsf && fiches.length === 0) continue;
    const counts = sumCounts(fiches.map((fiche) => fiche.counts));
    axes.push({ axis: { number: sheet.number, title: sheet.title, counts }, fiches });
  }
  const all = axes.flatMap((axis) => axis.fiches);
  return {
    period: input.period,
    cdsf: input.cdsf,
    territory: input.territory,
    epci: input.epci,
    caf: input.caf,
    currentQuarter: quarterLabel(input.currentQuarter),
    axes: axes.map(({ axis }) => axis),
    plan: sumCounts(axes.map(({ axis }) => axis.counts)),
    fiches: [...all.filter((fiche) => fiche.topFive), ...all.filter((fiche) => !fiche.topFive)],
    ao: input.ao,
  };
}
