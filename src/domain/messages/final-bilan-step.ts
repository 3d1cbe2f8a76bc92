import type { MessageSurface } from './types';

/**
 * What comes after the convention's last quarter, which is not closed (`close-quarter` refuses it): the final bilan,
 * as the reader makes it — the command on `workbook` at the command line, the pane's Bilans tab.
 */
export function finalBilanStep(surface: MessageSurface, workbook = 'suivi.xlsx'): string {
  return (
    'L’étape suivante est le bilan final de la convention, une fois ce trimestre fini : ' +
    (surface === 'task-pane'
      ? 'dans l’onglet « Bilans », « Final (toute la convention) ».'
      : `« npx ctg-suivi bilan ${workbook} --kind final ».`)
  );
}
