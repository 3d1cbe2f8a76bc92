import { inferFrequency } from '../domain/criterion-defaults';
import { quarterLabel, type Quarter } from '../domain/periods';
import type { Axis, Criterion, Fiche } from '../domain/plan';
import { splitCarriers, type RateAxis, type RateCriterion, type RateFiche } from '../domain/rates';
import type { RawValue } from '../domain/tracking';
import {
  abandonmentQuarterValue,
  listValue,
  numberValue,
  textValue,
  wholePercentValue,
} from '../domain/tracking-values';
import type { FicheStatus, Frequency } from '../domain/vocabulary';

/**
 * The rates' inputs of a plan's rows, for the workbook's figures (workbook-figures.ts: the cached results of the
 * rate formulas and what `compute` prints): the values a person entered (by row key, then by field: the column
 * id, or the quarter label `AAAA-Tn` of a quarter column — the shape of entered-values.ts), read as the domain
 * reads a sheet's cells. A row with nothing entered holds what generation
 * writes: the Fréquence inferred from the criterion's text, and no values.
 */
export type EnteredRowValues = ReadonlyMap<string, { value: RawValue }>;
export type EnteredRowsByKey = ReadonlyMap<string, EnteredRowValues>;

export function rateCriterionOf(
  criterion: Criterion,
  quarters: readonly Quarter[],
  entered?: EnteredRowsByKey,
  abandonedIn: Quarter | null = null,
): RateCriterion {
  const row = entered?.get(criterion.key);
  if (!row) {
    return {
      kind: criterion.kind,
      frequency: inferFrequency(criterion.text),
      baseline: null,
      target: null,
      values: {},
      abandonedIn,
    };
  }
  const raw = (field: string): RawValue => row.get(field)?.value ?? null;
  const values: Record<string, RawValue> = {};
  for (const quarter of quarters) values[quarterLabel(quarter)] = raw(quarterLabel(quarter));
  return {
    kind: criterion.kind,
    frequency: listValue('frequencies', raw('frequency')) as Frequency | null,
    baseline: numberValue(raw('baseline')),
    target: numberValue(raw('target')),
    values,
    abandonedIn,
  };
}

/** The porteurs as the domain reads them back from the Porteur(s) cell the axis sheet writes (` ; `-joined). */
export function carriersOfFiche(fiche: Fiche): string[] {
  return splitCarriers(fiche.carriers.join(' ; '));
}

export function rateFicheOf(fiche: Fiche, quarters: readonly Quarter[], entered?: EnteredRowsByKey): RateFiche {
  const row = entered?.get(fiche.key);
  const raw = (field: string): RawValue => row?.get(field)?.value ?? null;
  const abandonedIn = abandonmentQuarterValue(raw('abandonedIn'), quarters);
  return {
    status: listValue('statuses', raw('status')) as FicheStatus | null,
    progress: wholePercentValue(raw('progress')),
    difficulties: textValue(raw('difficulties')),
    carriers: carriersOfFiche(fiche),
    criteria: fiche.criteria.map((criterion) => rateCriterionOf(criterion, quarters, entered, abandonedIn)),
  };
}

export function rateAxisOf(axis: Axis, quarters: readonly Quarter[], entered?: EnteredRowsByKey): RateAxis {
  return {
    number: axis.number,
    title: axis.title,
    fiches: axis.fiches.map((fiche) => rateFicheOf(fiche, quarters, entered)),
  };
}
