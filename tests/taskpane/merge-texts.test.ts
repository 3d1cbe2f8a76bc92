// What the merge panel says of the merges of several partners written before a later one stopped: one merge or
// several, the sentence agrees with them.
import { texts } from '../../src/taskpane/texts';

describe('the merges written before a later one stopped', () => {
  it('says one merge in the singular, and how to take it back', () => {
    expect(texts.merge.partlyRefused(['lien.xlsx'], 1)).toBe(
      'La fusion de lien.xlsx avait été écrite avant ce refus et reste dans le classeur, notée au Journal ' +
        '(«\u00a0Annuler la dernière fusion\u00a0» la retire). La suite de la fusion n’a pas été écrite\u00a0:',
    );
  });

  it('says several merges in the plural, each taken back on its own', () => {
    expect(texts.merge.partlyWritten(['lien.xlsx', 'pousses.xlsx'], 2)).toBe(
      'Les fusions de lien.xlsx, pousses.xlsx avaient été écrites avant cet échec et restent dans le classeur, ' +
        'notées au Journal («\u00a0Annuler la dernière fusion\u00a0» les retire une à une).',
    );
  });
});
