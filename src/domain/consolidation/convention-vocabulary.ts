import { nameKey } from '../name-key';

/**
 * The Caf's vocabulary of champs d'intervention and publics cibles, what makes CTGs of different territories
 * comparable (docs/DOMAIN.md, « The plan »): axes and fiches are local to each CTG, these are shared. Spelled as the
 * consolidation shows them; a plan's spelling matches by `nameKey` (case, accents, spacing ignored: « Egalité » is
 * « Égalité »). A name outside them is kept under its own spelling and listed as unmatched.
 */
export const conventionFields = [
  'Accès aux droits',
  'Addictions',
  'Autonomie',
  'Besoin de garde',
  'Cadre de vie et aménagement du territoire',
  'Citoyenneté et engagement',
  'Coordination et stratégie',
  'Culture et loisirs',
  'Éducation et formation',
  'Égalité et lutte contre les discriminations',
  'Environnement, écologie et développement durable',
  'Insertion sociale et professionnelle',
  'Lien social et intergénérationnel',
  'Logement et habitat',
  'Mobilité',
  'Numérique',
  'Protection de l’enfance',
  'Santé et bien-être',
  'Santé mentale',
  'Soutien à la parentalité',
  'Vie associative',
] as const;

export const conventionPublics = [
  'Global',
  'Familles',
  'Petite enfance',
  'Enfance',
  'Jeunesse',
  'Jeunes adultes',
  'Adultes',
  'Seniors',
] as const;

export interface VocabularyMatch {
  /** The vocabulary's spelling, or the name as given (trimmed) when it matched none. */
  name: string;
  matched: boolean;
}

export type Vocabulary = readonly string[];

/** The vocabulary entry a plan's name stands for. */
export function matchVocabulary(vocabulary: Vocabulary, raw: string): VocabularyMatch {
  const key = nameKey(raw);
  const found = vocabulary.find((entry) => nameKey(entry) === key);
  return found === undefined
    ? { name: raw.trim().replace(/\s+/g, ' '), matched: false }
    : { name: found, matched: true };
}

/**
 * Names of the vocabulary (champs, publics) as a list gives them, « ; » between them. Some conventions put commas
 * instead: a name holding commas is split there when it is not one of the vocabulary whole and each part is one
 * (« Environnement, écologie et développement durable » is one champ, a territory's own « Parentalité, jeux » too).
 * Read so from a convention (src/plan-text/fiche-fields.ts) and from a workbook's cell by the consolidation, which
 * finds them in workbooks generated before the plan reader split them.
 */
export function vocabularyItems(items: readonly string[], vocabulary: Vocabulary): string[] {
  return items.flatMap((item) => {
    if (!item.includes(',') || matchVocabulary(vocabulary, item).matched) return [item];
    const parts = item
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    return parts.every((part) => matchVocabulary(vocabulary, part).matched) ? parts : [item];
  });
}
