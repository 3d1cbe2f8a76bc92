/**
 * A champ or public outside the convention vocabulary, as the command line and the pane say it: where a territory
 * names it, and what to write instead.
 */
import { countOf } from './plural';

/** How many of a territory's fiches name it, and the cell of the first. */
export function unmatchedFichesText(place: { sheet: string; cell: string; fiches: number }): string {
  const cell = `cellule ${place.cell} de la feuille « ${place.sheet} »`;
  return place.fiches === 1 ? `1 fiche, ${cell}` : `${countOf(place.fiches, 'fiche')}, la première en ${cell}`;
}

/** What to write instead: the vocabulary's names it may stand for, else how to decide. */
export function unmatchedAdvice(kind: 'field' | 'public', suggestions: readonly string[]): string {
  const quoted = suggestions.map((name) => `« ${name} »`);
  if (quoted.length === 0)
    return (
      's’il est l’un des noms de la convention, écrivez-le comme elle dans le classeur du territoire ; ' +
      'sinon il reste compté à part.'
    );
  if (quoted.length === 1) return `écrivez ${quoted[0]} si c’est ce ${kind === 'field' ? 'champ' : 'public'}.`;
  return `écrivez ${quoted.slice(0, -1).join(', ')} ou ${quoted.at(-1)} si c’est l’un d’eux.`;
}
