import { renderIssueMessage } from '../../src/domain/issues';
import { typeInto, type Entry } from '../rewrite/helpers';
import { ccmpReturnSuite } from './helpers/ccmp-return';

/**
 * Numbers a partner types as text in a quarter cell (a cell formatted Text, a table pasted from an e-mail): `7,5` and
 * `1 200` are the numbers they show, but `1.500` is a thousands dot as French writes it by hand (1 500) or a decimal
 * point (1,5): read either way it could be a thousand times off, so it is refused with what to type.
 */

const suite = ccmpReturnSuite('number-texts');

async function merged(entries: readonly Entry[]) {
  const { report } = await suite.merge(typeInto(suite.extract(), entries));
  return {
    applied: report.applied.map((change) => `${change.key} ${change.column} ${String(change.new.value)}`),
    rejected: report.rejected.map(({ issue }) => renderIssueMessage(issue)),
  };
}

describe('a number typed as text in a quarter cell of a returned extract', () => {
  it('refuses « 1.500 », which reads 1 500 or 1,5, saying to type it without a dot', async () => {
    const { applied, rejected } = await merged([{ key: 'G1-QN1', header: '2026-T3', value: '1.500' }]);
    expect(applied).toEqual([]);
    expect(rejected).toEqual([
      expect.stringContaining(
        '«\u00a01.500\u00a0» n’est pas une valeur possible pour «\u00a02026-T3\u00a0» (un nombre écrit sans point\u00a0: ' +
          '1\u00a0500 pour mille cinq cents, 1,5 pour un et demi)',
      ),
    ]);
  });

  // A user trial read only « (un nombre) » for these: what to type is the number alone, as validate says it.
  it('refuses a number typed with a unit or a word, saying to type the number alone, the rest in Commentaire', async () => {
    const { applied, rejected } = await merged([
      { key: 'G1-QN1', header: '2026-T3', value: '12 enfants' },
      { key: 'G1-QN2', header: '2026-T3', value: '3 500 €' },
      { key: 'G1-QN1', header: '2026-T2', value: '85 %' },
    ]);
    expect(applied).toEqual([]);
    const refused = (value: string, quarter: string, expected: string) =>
      `«\u00a0${value}\u00a0» n’est pas une valeur possible pour «\u00a0${quarter}\u00a0» (${expected})\u00a0; elle ` +
      'n’est pas reprise.';
    const numberAlone = (number: string, rest: string) =>
      ` Tapez le nombre seul, «\u00a0${number}\u00a0», et mettez le reste, «\u00a0${rest}\u00a0», dans la colonne ` +
      '«\u00a0Commentaire\u00a0».';
    expect(rejected.map((message) => message.replace(/^Axe 1, cellule [A-Z]+\d+\u00a0: /, '')).sort()).toEqual(
      [
        refused('12 enfants', '2026-T3', 'un nombre') + numberAlone('12', 'enfants'),
        refused('3 500 €', '2026-T3', 'un nombre') + numberAlone('3 500', '€'),
        // A percentage already says what to type.
        refused('85 %', '2026-T2', 'un nombre, sans le signe\u00a0%\u00a0: 85 et non 85\u00a0%'),
      ].sort(),
    );
  });

  // A user trial typed the unit alone: no number to keep, nothing for « Commentaire », as validate says it.
  it('refuses a unit typed alone, « € », saying to type the number or leave the cell empty', async () => {
    const { applied, rejected } = await merged([{ key: 'G1-QN1', header: '2026-T3', value: '€' }]);
    expect(applied).toEqual([]);
    expect(rejected.map((message) => message.replace(/^Axe 1, cellule [A-Z]+\d+\u00a0: /, ''))).toEqual([
      '«\u00a0€\u00a0» n’est pas une valeur possible pour «\u00a02026-T3\u00a0» (un nombre)\u00a0; elle n’est pas ' +
        'reprise. Il n’y a pas de nombre à garder\u00a0: tapez le nombre lui-même, sans unité, ou laissez la cellule ' +
        'vide s’il n’est pas connu.',
    ]);
  });

  it('takes the texts whose number is plain: « 7,5 », « 1 200 », « 1.5 »', async () => {
    const { applied, rejected } = await merged([
      { key: 'G1-QN1', header: '2026-T3', value: '7,5' },
      { key: 'G1-QN2', header: '2026-T3', value: '1 200' },
      { key: 'G1-QN1', header: '2026-T2', value: '1.5' },
    ]);
    expect(rejected).toEqual([]);
    expect(applied.sort()).toEqual(['G1-QN1 2026-T2 1.5', 'G1-QN1 2026-T3 7.5', 'G1-QN2 2026-T3 1200']);
  });

  it('takes « 0.125 » and « -0.500 », which no thousands dot writes: a group of thousands never follows a 0', async () => {
    const { applied, rejected } = await merged([
      { key: 'G1-QN1', header: '2026-T3', value: '0.125' },
      { key: 'G1-QN2', header: '2026-T3', value: '-0.500' },
    ]);
    expect(rejected).toEqual([]);
    expect(applied.sort()).toEqual(['G1-QN1 2026-T3 0.125', 'G1-QN2 2026-T3 -0.5']);
  });

  it('takes a minus sign typed as French typography writes it, « −5 », « − 2,5 », or « –3 », an en dash before its digits', async () => {
    const { applied, rejected } = await merged([
      { key: 'G1-QN1', header: '2026-T3', value: '\u22125' },
      { key: 'G1-QN2', header: '2026-T3', value: '\u2212 2,5' },
      { key: 'G1-QN1', header: '2026-T2', value: '\u20133' },
    ]);
    expect(rejected).toEqual([]);
    expect(applied.sort()).toEqual(['G1-QN1 2026-T2 -3', 'G1-QN1 2026-T3 -5', 'G1-QN2 2026-T3 -2.5']);
  });

  it('refuses « – 5 », a dash apart from its number, saying how to type -5 or 5; and « −1.500 » as « 1.500 »', async () => {
    const { applied, rejected } = await merged([
      { key: 'G1-QN1', header: '2026-T3', value: '\u2013 5' },
      { key: 'G1-QN2', header: '2026-T3', value: '\u22121.500' },
    ]);
    expect(applied).toEqual([]);
    expect(rejected).toEqual([
      expect.stringContaining(
        'n’est pas une valeur possible pour «\u00a02026-T3\u00a0» (un nombre\u00a0: -5 pour un nombre négatif, le signe ' +
          'moins du clavier collé au chiffre, ou 5 sans le tiret)',
      ),
      expect.stringContaining('(un nombre écrit sans point\u00a0: 1\u00a0500 pour mille cinq cents'),
    ]);
  });
});
