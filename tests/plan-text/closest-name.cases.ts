import { conventionFields, conventionPublics } from '../../src/domain/consolidation/convention-vocabulary';
import { nameKey } from '../../src/domain/name-key';
import { closestName } from '../../src/plan-text/closest-name';

/** The one guess of a mistyped name, as the plan reader offers it for a champ or public outside the Caf's list. */
const asTheReaderGuesses = (typed: string, names: readonly string[]) =>
  closestName(typed, names, { key: nameKey, minLength: 6 });

test('a name one or two letters off, or two neighbours swapped, is guessed; case, accents and spacing aside', () => {
  expect(asTheReaderGuesses('Famille', conventionPublics)).toBe('Familles');
  expect(asTheReaderGuesses('PETITE  ENFENCE', conventionPublics)).toBe('Petite enfance');
  expect(asTheReaderGuesses('Coordinations et strategie', conventionFields)).toBe('Coordination et stratégie');
  expect(asTheReaderGuesses('Numréique', conventionFields)).toBe('Numérique');
});

test('no guess for a short name, a name far from every one, or two names equally near', () => {
  expect(asTheReaderGuesses('Globl', conventionPublics)).toBeNull();
  expect(asTheReaderGuesses('Jeux en famille', conventionFields)).toBeNull();
  expect(asTheReaderGuesses('Santé mentalle', ['Santé mentale', 'Santé mentalles'])).toBeNull();
  // The nearer of two within reach is the guess.
  expect(asTheReaderGuesses('Santé mentalle', ['Santé mentale', 'Santé mentalités'])).toBe('Santé mentale');
});

test('the command line’s rule: accents, case and an option’s dashes aside, one letter off for a short word', () => {
  expect(closestName('--quater', ['--quarter', '--force'])).toBe('--quarter');
  expect(closestName('extrat', ['extract', 'merge'])).toBe('extract');
  expect(closestName('mrge', ['merge', 'extract'])).toBe('merge');
  expect(closestName('mg', ['merge'])).toBeNull();
});
