import type { JournalValue } from '../journal';
import { quotedJournalValue } from './shown-cell-value';

/**
 * What an undo of a merge says of a cell a regeneration removed from the workbook since the merge (docs/WORKBOOK.md,
 * « Undo »), on the command line as in the task pane, so that they say it alike: with its row from the plan, or with
 * its quarter's column from a changed convention period, maybe put back since (its cells empty); the value it held
 * then, which « Archives » keeps (null: it was empty, nothing kept).
 */
export interface CellLeftSinceMerge {
  removed: 'row' | 'quarter';
  archived: JournalValue | null;
  backInPlan: boolean;
}

const words = {
  row: { what: 'ligne', possessive: 'sa', from: 'retirée du plan', why: '', when: 'au retrait de la ligne' },
  quarter: {
    what: 'colonne du trimestre',
    possessive: 'la',
    from: 'retirée du classeur',
    why: ', la période de la convention ayant changé',
    when: 'au retrait de la colonne',
  },
} as const;

/**
 * Why the cell left and where its value is: `reason`, for a parenthesis (« ligne retirée du plan depuis la fusion,
 * puis remise »); `clause`, for a sentence (« sa ligne a été retirée du plan depuis, puis remise »); `archive`, what
 * « Archives » keeps of it (« sa valeur au retrait de la ligne, « 5 », est gardée dans la feuille « Archives » »).
 */
export function cellLeftSinceMerge({ removed, archived, backInPlan }: CellLeftSinceMerge): {
  reason: string;
  clause: string;
  archive: string;
} {
  const { what, possessive, from, why, when } = words[removed];
  const back = backInPlan ? ', puis remise' : '';
  return {
    reason: `${what} ${from} depuis la fusion${back}${why}`,
    clause: `${possessive} ${what} a été ${from} depuis${back}${why}`,
    archive:
      archived === null
        ? `la cellule était vide ${when}, rien n’en est gardé dans « Archives »`
        : `sa valeur ${when}, ${quotedJournalValue(archived)}, est gardée dans la feuille « Archives »`,
  };
}
