import { foldAccents } from './text-keys';

/**
 * The words a convention writes in a list that has nothing yet (« Néant », « À définir », « Sans objet », « / »): no
 * criterion nor objective, which would be expected every quarter and never filled. Only the whole item, its end
 * punctuation aside: « À définir avec les familles » is an item.
 */
const PLACEHOLDERS = new Set([
  'neant',
  'aucun',
  'aucune',
  'sans objet',
  'non concerne',
  'non concernee',
  'a definir',
  'a preciser',
  'a completer',
  'a determiner',
  'a venir',
  'en cours de definition',
  'n/a',
  'na',
  'nc',
  'n.c',
  '/',
  '?',
  '…',
  '...',
  '--',
]);

export function isPlaceholderItem(text: string): boolean {
  const plain = foldAccents(text)
    .toLowerCase()
    .trim()
    .replace(/(?<=[a-z])[\s.;:!]+$/, '')
    .replace(/\s+/g, ' ');
  return PLACEHOLDERS.has(plain);
}
