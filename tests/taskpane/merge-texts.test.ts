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

// A cell the undo leaves as it is, removed from the workbook since the merge with its row or its quarter's column.
describe('the undo’s line of a cell that left the workbook since the merge', () => {
  const row = { removed: 'row', archived: { type: 'text', value: 'Réalisée' }, backInPlan: true } as const;

  // Changed since, the cell is set against what the merge had put there: « mais ».
  it('sets a cell changed since against what the merge had put there', () => {
    expect(texts.undoMerge.changedLine('G1', 'Statut', '«\u00a0Réalisée\u00a0»', 'vide', row)).toBe(
      'G1, Statut\u00a0: la fusion y avait mis «\u00a0Réalisée\u00a0», mais sa ligne a été retirée du plan depuis, ' +
        'puis remise\u00a0; sa valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est gardée dans la feuille ' +
        '«\u00a0Archives\u00a0»',
    );
  });

  // Back at its value before the merge, the cell is so because its row or column came back empty: that is why, not
  // a « but ».
  it('says why a cell is back at its value before the merge, and what Archives keeps', () => {
    const quarter = { removed: 'quarter', archived: { type: 'number', value: 4 }, backInPlan: true } as const;
    expect(texts.undoMerge.alreadyBeforeLine('G1-QN1', '2026-T1', '«\u00a04\u00a0»', 'vide', quarter)).toBe(
      'G1-QN1, 2026\u2011T1\u00a0: vide comme avant la fusion, qui y avait mis «\u00a04\u00a0»\u00a0: la colonne du ' +
        'trimestre a été retirée du classeur depuis, puis remise, la période de la convention ayant changé\u00a0; sa ' +
        'valeur au retrait de la colonne, «\u00a04\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0»',
    );
    expect(texts.undoMerge.alreadyBeforeLine('G1', 'Statut', '«\u00a0Réalisée\u00a0»', 'vide', row)).toBe(
      'G1, Statut\u00a0: vide comme avant la fusion, qui y avait mis «\u00a0Réalisée\u00a0»\u00a0: sa ligne a été ' +
        'retirée du plan depuis, puis remise\u00a0; sa valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est ' +
        'gardée dans la feuille «\u00a0Archives\u00a0»',
    );
  });
});
