/**
 * A champ or public outside the convention vocabulary, as the command line and the pane say it: where a territory
 * names it, and what to write instead; in a consolidation, and when validation warns of it in the territory's workbook.
 */
import { paramText } from './param-text';
import { PLAN_CHANGED_BY_REGENERATION } from './plan-cells';
import { countOf } from './plural';
import { quotedShort } from './shown-cell-value';
import type { MessageParams } from './types';

/** How many of a territory's fiches name it, and the cell of the first. */
export function unmatchedFichesText(place: { sheet: string; cell: string; fiches: number }): string {
  const cell = `cellule ${place.cell} de la feuille « ${place.sheet} »`;
  return place.fiches === 1 ? `1 fiche, ${cell}` : `${countOf(place.fiches, 'fiche')}, la première en ${cell}`;
}

/**
 * What to write instead: the vocabulary's names it may stand for, else how to decide, and where to write it (`place`:
 * in the territory's workbook, as the Caf tells a territory; in the plan, as validation tells the officer).
 */
export function unmatchedAdvice(
  kind: 'field' | 'public',
  suggestions: readonly string[],
  place = 'dans le classeur du territoire',
): string {
  const quoted = suggestions.map((name) => `« ${name} »`);
  if (quoted.length === 0)
    return `s’il est l’un des noms de la convention, écrivez-le comme elle ${place} ; sinon il reste compté à part.`;
  if (quoted.length === 1) return `écrivez ${quoted[0]} si c’est ce ${kind === 'field' ? 'champ' : 'public'}.`;
  return `écrivez ${quoted.slice(0, -1).join(', ')} ou ${quoted.at(-1)} si c’est l’un d’eux.`;
}

const KIND_AT_START = { field: 'Champ d’intervention', public: 'Public' } as const;

/**
 * Validation's warning of a name outside the vocabulary (`outside-convention-vocabulary`), the consolidation's pieces
 * in it: `kind`, `name`, `fiches` (how many fiches name it; the cell is the first's) and `suggestions`. The
 * column comes from the plan: the sentence says where that is changed.
 */
export function outsideVocabularyWarning(p: MessageParams): string {
  const kind = p.kind === 'public' ? 'public' : 'field';
  const place = { sheet: paramText(p.sheet), cell: paramText(p.cell), fiches: Number(p.fiches ?? 1) };
  const suggestions = Array.isArray(p.suggestions) ? p.suggestions.map(String) : [];
  return (
    `${KIND_AT_START[kind]} ${quotedShort(paramText(p.name))} hors du vocabulaire de la convention ` +
    `(${unmatchedFichesText(place)}) : il ne se compare pas aux autres territoires dans la consolidation de la ` +
    `Caf — ${unmatchedAdvice(kind, suggestions, 'dans le plan')} ${PLAN_CHANGED_BY_REGENERATION}`
  );
}
