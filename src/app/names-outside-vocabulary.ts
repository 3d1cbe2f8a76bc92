import { cellVocabularies, namesCellText, namesOfFiches } from '../domain/consolidation/convention-vocabulary';
import { createIssue, type Issue } from '../domain/issues';
import type { AxisSheetReading, FicheRow } from '../domain/tracking';
import { at } from '../domain/validation/row-cells';
import { outsideVocabularyAdvice } from '../plan-text/vocabulary-check';

/**
 * The champs and publics of the fiches outside the convention vocabulary, as a consolidation will list them (the
 * same names, matched and split the same way: `namesOfFiches`), so that the officer learns it before the Caf does.
 * One warning per name, at the cell of its first fiche, with how many fiches name it: a name the plan repeats over
 * tens of fiches is one thing to mend, not tens of lines hiding the rest.
 */
export function namesOutsideVocabulary(axisSheets: readonly AxisSheetReading[]): Issue[] {
  const fiches = axisSheets.flatMap((sheet) => sheet.rows).filter((row): row is FicheRow => row.type === 'fiche');
  return (['fields', 'publics'] as const).flatMap((field) => {
    const { vocabulary, kind } = cellVocabularies[field];
    return namesOfFiches(vocabulary, fiches, (fiche) => namesCellText(fiche, field))
      .filter(({ matched }) => !matched)
      .map(({ name, fiches: named }) =>
        createIssue('outside-convention-vocabulary', at(named[0], named[0].cells[field]), {
          kind,
          name,
          fiches: named.length,
          // As the plan reader advises the officer: the same person corrects the same text.
          ...outsideVocabularyAdvice(name, kind),
        }),
      );
  });
}
