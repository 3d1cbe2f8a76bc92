import { splitNames } from '../axis-fields';
import { nameKey } from '../name-key';

/**
 * The petite-enfance part of a plan, what the CDSF receives (docs/WORKBOOK.md, « Bilans »): the fiches whose
 * Public(s) names « Petite enfance », or names « Familles » with a Champ(s) d’intervention « Soutien à la
 * parentalité » or « Besoin de garde ». Names compare by `nameKey` (case, accents, spacing ignored).
 */

const earlyChildhood = nameKey('Petite enfance');
const families = nameKey('Familles');
const familyFields = new Set(['Soutien à la parentalité', 'Besoin de garde'].map(nameKey));

/** `publics`, `fields`: the fiche's cells as written, names separated by `;`. */
export function isEarlyChildhoodFiche(publics: string, fields: string): boolean {
  const publicKeys = new Set(splitNames(publics).map(nameKey));
  if (publicKeys.has(earlyChildhood)) return true;
  return publicKeys.has(families) && splitNames(fields).some((field) => familyFields.has(nameKey(field)));
}
