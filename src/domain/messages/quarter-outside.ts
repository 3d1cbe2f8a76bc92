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
