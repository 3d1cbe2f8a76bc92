import type { CriterionValues } from './axis-fields';
import type { Criterion, CriterionKind } from './plan';
import type { AggregationRule, Frequency } from './vocabulary';

/**
 * The Fréquence and Règle d'agrégation a criterion gets when the workbook is generated, inferred from its wording
 * (docs/WORKBOOK.md, « Defaults from the wording »), with the plan's Référence and Cible. All stay editable in the
 * workbook; these are only starting values.
 */

/** Lower case without accents, so that "Évolution" and "evolution" match alike. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The first word of the criterion, after a leading article ("Le nombre de…" reads as "nombre"). */
function firstWord(text: string): string {
  const words = normalise(text)
    .replace(/^(le|la|les|l')\s*/, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words[0] ?? '';
}

/** "par an", "annuel(le)(ment)" → Annuelle; anything else is followed every quarter. */
export function inferFrequency(text: string): Frequency {
  const plain = normalise(text);
  if (/\bpar an\b/.test(plain) || /\bannuel/.test(plain)) return 'Annuelle';
  return 'Trimestrielle';
}

const SUM_WORDS = new Set(['nombre', 'montant', 'volume']);
const MEAN_WORDS = new Set(['taux', 'evolution']);

/**
 * Qualitative → Médiane; "Taux…", "Évolution…" or a "%" → Moyenne; "Nombre…", "Montant…", "Volume…" → Somme.
 * A quantitative criterion matching none of them (e.g. "Statistiques RPE") is most often a count: Somme.
 */
export function inferAggregationRule(text: string, kind: CriterionKind): AggregationRule {
  if (kind === 'qualitative') return 'Médiane';
  const word = firstWord(text);
  if (MEAN_WORDS.has(word)) return 'Moyenne';
  if (SUM_WORDS.has(word)) return 'Somme';
  if (text.includes('%')) return 'Moyenne';
  return 'Somme';
}

/**
 * What generation enters in a criterion row's entered fields, by field id: the starting values above, and the
 * Unité, Référence and Cible the plan gives (read from the convention's criteria table). Generation writes them into
 * a new row only, a removed row holding only them has nothing a person entered, and a row with nothing entered is
 * counted with them.
 */
export function generatedCriterionValues(criterion: Criterion) {
  return {
    frequency: inferFrequency(criterion.text),
    aggregation: inferAggregationRule(criterion.text, criterion.kind),
    ...(criterion.unit !== undefined ? { unit: criterion.unit } : {}),
    ...(criterion.baseline !== undefined ? { baseline: criterion.baseline } : {}),
    ...(criterion.target !== undefined ? { target: criterion.target } : {}),
  } satisfies Partial<CriterionValues>;
}
