/**
 * A small convention in the export format, to try one way of writing at a time: its parties, Article 10, the
 * Annexe 2 table, two axes numbered in Roman numerals with their fiches (refs « I.1 », « I1 », « II.1 »), then
 * Annexe 5.
 */

/** The lines of a fiche, all its fields filled. */
export function ficheLines(ref: string, title: string, context: string): string[] {
  return [
    `Réf de la fiche action : ${ref}`,
    'Intérêt : intérêt fort',
    'Méthodologie : Collective',
    'Public cible : Familles',
    title,
    'Budget : Existant',
    "Porteur de l'action : CCD",
    'Territoire(s) cible(s) : Chalamont; CCD',
    "Champ(s) d'intervention(s) : Besoin de garde",
    "Contexte de l'action :",
    '',
    context,
    '',
    'Objectif(s) :',
    '- Ouvrir des places',
    'Critères quantitatifs :',
    '- Nombre de places ouvertes',
    'Critères qualitatifs :',
    '- Satisfaction des familles',
    '',
  ];
}

export const smallConvention = [
  'CONVENTION TERRITORIALE GLOBALE',
  'Entre :',
  "- La Caisse d'Allocations familiales de l'Ain, représentée par sa directrice ;",
  '- La Communauté de communes de la Dombes (CCD) représentée par son président',
  '- la commune de CHALAMONT représentée par son maire',
  '- la commune de VILLARS-LES-DOMBES représentée par son maire',
  'Il est convenu et arrêté ce qui suit :',
  'La liste des équipements et services soutenus par chaque collectivité figure en annexe',
  '2 : elle est tenue à jour par la CCD.',
  '',
  'ARTICLE 10 : DUREE',
  'La présente convention est conclue du 1er janvier 2026 au 31 décembre 2029.',
  '',
  'ANNEXE 2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS PAR LA COLLECTIVITE LOCALE COMPETENTE',
  '',
  'COMMUNE DE CHALAMONT\t',
  'TYPE DE STRUCTURE\tNOM ET ADRESSE DE LA STRUCTURE',
  'EAJE\tMulti-accueil Les Lutins, 01320 Chalamont',
  '\tMicro-crèche Les Petits Pas',
  'RPE\tRelais petite enfance de la Dombes, 01330 Villars-les-Dombes',
  '',
  'I) Petite enfance',
  '',
  ...ficheLines('I.1', 'Un multi-accueil à Chalamont', 'Peu de places d’accueil pour les moins de trois ans.'),
  ...ficheLines('I1', 'Un relais petite enfance itinérant', 'Les assistantes maternelles travaillent seules.'),
  'II) Jeunesse',
  '',
  ...ficheLines('II.1', 'Un accueil de jeunes à Villars-les-Dombes', 'Aucun lieu pour les jeunes le samedi.'),
  'ANNEXE 5 – DECISION DU CONSEIL COMMUNAUTAIRE',
  '',
  'Délibération du conseil communautaire.',
].join('\n');

/** The small convention with fiche I1's quantitative criteria written as `rows` (a criteria table, most often). */
export function withQuantitative(rows: readonly string[]): string {
  const text = smallConvention.replace(
    /(Réf de la fiche action : I1[\s\S]*?Critères quantitatifs :\n)- Nombre de places ouvertes\n/,
    (_, before: string) => `${before}${rows.join('\n')}\n`,
  );
  expect(text).not.toBe(smallConvention);
  return text;
}
