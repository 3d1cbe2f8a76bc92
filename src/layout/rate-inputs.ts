import { generatedCriterionValues } from '../domain/criterion-defaults';
import { quarterLabel, type Quarter } from '../domain/periods';
import type { Axis, Criterion, Fiche } from '../domain/plan';
import { splitCarriers, type RateAxis, type RateCriterion, type RateFiche } from '../domain/rates';
import type { RawValue } from '../domain/tracking';
import type { TrackingField } from '../domain/axis-fields';
import { fieldValue } from '../domain/field-values';

/**
 * The rates' inputs of a plan's rows, for the workbook's figures (workbook-figures.ts: the cached results of the
 * rate formulas and what `compute` prints): the values a person entered (by row key, then by field: the column
 * id, or the quarter label `AAAA-Tn` of a quarter column — the shape of entered-values.ts), each read by its
 * field's kind as the axis sheet's reader reads it (src/domain/field-values.ts). A row with nothing entered holds what generation
 * writes: the Fréquence inferred from the criterion's text, the plan's Référence and Cible, and no values.
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
    const generated = generatedCriterionValues(criterion);
    return {
      kind: criterion.kind,
      frequency: generated.frequency,
      baseline: generated.baseline ?? null,
      target: generated.target ?? null,
      values: {},
      abandonedIn,
    };
  }
  const raw = (field: string): RawValue => row.get(field)?.value ?? null;
  const read = <Id extends TrackingField>(id: Id) => fieldValue(id, raw(id), quarters);
  const values: Record<string, RawValue> = {};
  for (const quarter of quarters) values[quarterLabel(quarter)] = raw(quarterLabel(quarter));
  return {
    kind: criterion.kind,
    frequency: read('frequency'),
    baseline: read('baseline'),
    target: read('target'),
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
  const read = <Id extends TrackingField>(id: Id) => fieldValue(id, row?.get(id)?.value ?? null, quarters);
  const abandonedIn = read('abandonedIn');
  return {
    status: read('status'),
    progress: read('progress'),
    difficulties: read('difficulties'),
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
