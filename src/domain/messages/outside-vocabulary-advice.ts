import { paramText } from './param-text';
import type { MessageParams } from './types';

/** « Champ d’intervention » or « Public cible », and the words that go with each (the other list's, its label). */
export const vocabularyWords = {
  field: {
    kind: 'Champ d’intervention',
    names: 'champs',
    label: '« Champ(s) d’intervention »',
    says: 'dans quel domaine agit la fiche',
  },
  public: { kind: 'Public cible', names: 'publics', label: '« Public cible »', says: 'à qui s’adresse la fiche' },
};

/**
 * What to write instead of a champ or public outside the Caf's list, in the text of the plan (the officer's one place
 * to change it): the plan reader's warning and validation's (`outside-convention-vocabulary`) say it alike, each then
 * saying what follows. By params (src/plan-text/vocabulary-check.ts, `outsideVocabularyAdvice`): `kind`; `closest`,
 * the one name one or two letters away; `listed`, names of the list (`whole` 1: all of them, else the nearest);
 * `otherList`, the other list's name it is (a public given as a champ). Neither (a warning of an older plan JSON):
 * write it as the list does.
 */
export function outsideVocabularyAdviceText(p: MessageParams): string {
  const [own, other] =
    p.kind === 'public'
      ? [vocabularyWords.public, vocabularyWords.field]
      : [vocabularyWords.field, vocabularyWords.public];
  const moved = p.otherList
    ? `« ${paramText(p.otherList)} » est un ${other.kind.toLowerCase()} de la liste, pas un ${own.kind.toLowerCase()} : ` +
      `s’il dit ${other.says}, placez-le sous ${other.label}. `
    : '';
  const listed = Array.isArray(p.listed) ? p.listed.map(String) : [];
  const names = listed.map((name) => `« ${name} »`).join(', ');
  const advice = p.closest
    ? `S’il s’agit de « ${paramText(p.closest)} », écrivez-le ainsi`
    : listed.length === 1 && !p.whole
      ? `S’il s’agit de ${names}, écrivez-le ainsi`
      : listed.length > 0
        ? `Les ${own.names} de la liste${p.whole ? '' : ' les plus proches'} : ${names}. S’il s’agit de l’un d’eux, ` +
          'écrivez-le ainsi'
        : `S’il s’agit d’un ${own.names.slice(0, -1)} de la liste, écrivez-le comme elle`;
  return `${moved}${advice} dans le texte du plan`;
}
