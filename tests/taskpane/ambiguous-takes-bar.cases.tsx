// What the merge panel says when the values chosen would go in one cell, the last replacing the others: each cell,
// its values with their returns and partners, and what to do, in the pane's words, never the command line's --take.
import './support/jsdom-globals';
import { render } from '@testing-library/react';
import { AmbiguousTakesBar } from '../../src/taskpane/partners/ambiguous-takes-bar';
import { texts } from '../../src/taskpane/texts';
import { fr } from './support/french';

describe('the values chosen that one cell would take one after the other', () => {
  it('lists each cell’s values with their returns, and says to preview again taking one of them', () => {
    const candidate = (source: string, partner: string, value: string) => ({
      source,
      partner,
      value: { type: 'text' as const, value },
      take: `G1:Statut:${source}`,
    });
    const { container } = render(
      <AmbiguousTakesBar
        title={texts.merge.refused}
        cells={[
          {
            key: 'G1',
            column: 'Statut',
            takes: ['G1:Statut:lien.xlsx', 'G1:Statut:pousses.xlsx'],
            preferIncoming: false,
            candidates: [
              candidate('lien.xlsx', 'Centre social', 'Réalisée'),
              candidate('pousses.xlsx', 'Les Pousses', 'Reportée'),
            ],
            sameNames: [],
          },
        ]}
      />,
    );
    expect(container.textContent).toBe(
      fr(
        'Rien n’a été écrit :Pour G1, Statut, les valeurs choisies de plusieurs retours iraient dans la même cellule, ' +
          'la dernière remplaçant les autres : « Réalisée » (lien.xlsx, Centre social), « Reportée » (pousses.xlsx, ' +
          'Les Pousses). Cliquez à nouveau sur « Voir les changements », puis ne prenez qu’une de ces valeurs.',
      ),
    );
  });
});
