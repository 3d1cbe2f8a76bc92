/** @jest-environment jsdom */
// « Consolidation » when every picked file is left out: the reasons are listed, and no workbook of no territory is
// offered (it could only replace a good consolidation), nor said to have failed.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fr } from './support/french';
import { openTask, renderPaneOnFake, statusRead } from './support/pane-on-fake';

it('lists why each file was left out, and offers no workbook', async () => {
  const files = [new File(['pas un classeur'], 'notes.xlsx')];
  renderPaneOnFake();
  await statusRead();
  openTask('Consolidation');
  const section = screen.getByRole('region', { name: 'Consolidation des territoires' });
  await act(async () => {
    fireEvent.change(section.querySelector('input[type="file"]')!, { target: { files } });
  });
  fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
  expect(within(section).getByRole('list', { name: 'Fichiers écartés (1)' }).textContent).toContain('notes.xlsx');
  expect(section.textContent).toContain(fr('Aucun territoire consolidé : aucun des fichiers choisis'));
  expect(section.textContent).toContain('Aucun classeur de consolidation n’est produit.');
  expect(section.textContent).not.toContain(fr('Le classeur de consolidation n’a pas pu être préparé ;'));
  expect(within(section).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
}, 60_000);
