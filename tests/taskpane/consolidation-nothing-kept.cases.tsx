// « Consolidation » when every picked file is left out: the reasons are listed, and no workbook of no territory is
// offered (it could only replace a good consolidation), nor said to have failed.
import './support/jsdom-globals';
import { within } from '@testing-library/react';
import { fr } from './support/french';
import { consolidateInPane } from './support/consolidate-in-pane';

it('lists why each file was left out, and offers no workbook', async () => {
  const files = [new File(['pas un classeur'], 'notes.xlsx')];
  const section = await consolidateInPane(files);
  expect(within(section).getByRole('list', { name: 'Fichiers écartés (1)' }).textContent).toContain('notes.xlsx');
  expect(section.textContent).toContain(fr('Aucun territoire consolidé : chaque fichier choisi a été écarté'));
  expect(section.textContent).toContain('Aucun classeur de consolidation n’est produit.');
  expect(section.textContent).not.toContain(fr('Le classeur de consolidation n’a pas pu être préparé ;'));
  expect(within(section).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
}, 60_000);
