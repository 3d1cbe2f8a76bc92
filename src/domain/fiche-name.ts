/** « Fiche » or « Fiche action » before a ref written so (« Fiche action n° 3 »): the messages say « fiche » already. */
const FICHE_WORDS = /^fiches?(?:[\s\u00a0]+actions?)?[\s\u00a0]+(?=\S)/iu;

/**
 * How the plan's messages name a fiche (every warning's param `ref`, `plan-text-too-long`): by its ref as the text
 * writes it (« I.1 », « PE 2.1 », not the key `F1-1`, nor the title after the ref on its line, nor « Fiche » before
 * it), the words a reader finds there; a fiche with none by the key it was given (`SANSREF1`), which the warning
 * `missing-ref` at its line explains. `writtenRef`: the ref as written, '' when it is `ref` itself.
 */
export const ficheName = (fiche: { writtenRef: string; ref: string }): string =>
  fiche.writtenRef.replace(FICHE_WORDS, '') || fiche.ref;
