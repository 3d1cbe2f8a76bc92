import { quarterForAll } from './consolidation';
import type { MessageSurface } from './types';

/**
 * A territory's quarter measured outside its convention, as every front end says it beside that quarter (the command
 * line's line under the territory's, the consolidation's `Trimestre`, the pane's line): on which side, and the
 * convention's first or last quarter, which says how far outside it is.
 */
export function outsideConvention(outside: 'before' | 'after', convention: { first: string; last: string }): string {
  return outside === 'before'
    ? `avant le début de sa convention, dont le premier trimestre est ${convention.first}`
    : `après la fin de sa convention, dont le dernier trimestre est ${convention.last}`;
}

/**
 * A territory measured at its own quarter behind today's, or after its convention ended (`quarterLag`), as the command
 * line and the consolidation's `Trimestre` say it beside that quarter: « 3 trimestres derrière celui d’aujourd’hui,
 * 2027-T2 », « sa convention a pris fin en 2025-T4 ».
 */
export function quarterLagText(lag: { behind: number; todays: string; ended: string | null }): string {
  const quarters = `${lag.behind} ${lag.behind === 1 ? 'trimestre' : 'trimestres'}`;
  if (lag.ended === null) return `${quarters} derrière celui d’aujourd’hui, ${lag.todays}`;
  if (lag.behind === 0) return `sa convention a pris fin en ${lag.ended}`;
  return `${quarters} avant la fin de sa convention, terminée en ${lag.ended}`;
}

/**
 * The note under (or after) a territory measured behind today's quarter, or after its convention ended: how far, and
 * what its figures are, then, when behind, what the Caf can do: ask the territory to bring its quarter up to date, or
 * measure every territory at one quarter itself (`surface`: the option or the pane's field); without its final full
 * stop, which each front end puts as its lines need.
 */
export function quarterLagSentence(
  quarter: string,
  lag: Parameters<typeof quarterLagText>[0],
  surface: MessageSurface,
): string {
  return (
    `Mesuré à ${quarter} : ${quarterLagText(lag)} ; ` +
    (lag.behind > 0
      ? 'ses chiffres sont ceux de ce trimestre. Pour les mettre à jour, demandez au territoire de clôturer ses ' +
        'trimestres ou de mettre à jour son trimestre en cours (feuille « Paramètres ») ; pour mesurer tous les ' +
        `territoires au même trimestre, donnez-le ${quarterForAll(surface)}`
      : 'ses chiffres sont ceux de cette convention terminée')
  );
}
