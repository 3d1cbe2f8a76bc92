/** @jest-environment jsdom */
// « Consolidation » when the workbook cannot be made: the summary stays, the pane says the file is missing and what to
// do instead, and offers nothing to save.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { forez, territoryBytes } from '../consolidation/helpers/territories';
import { fr } from './support/french';
import { openTask, renderPaneOnFake, statusRead } from './support/pane-on-fake';

jest.mock('../../src/app/consolidate/write-consolidation', () => ({
  writeConsolidation: () => Promise.reject(new Error('No workbook this time')),
}));

it('keeps the summary and says the workbook could not be made', async () => {
  const file = new File([(await territoryBytes(forez)) as BlobPart], forez.name);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  renderPaneOnFake();
  await statusRead();
  openTask('Consolidation');
  const section = screen.getByRole('region', { name: 'Consolidation des territoires' });
  await act(async () => {
    fireEvent.change(section.querySelector('input[type="file"]')!, { target: { files: [file] } });
  });
  fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
  expect(within(section).getByRole('list', { name: 'Territoires (1)' }).textContent).toContain('Forez Est');
  expect(section.textContent).toContain(fr('Le classeur de consolidation n’a pas pu être préparé ;'));
  expect(within(section).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
  expect(section.textContent).not.toContain('Fichier prêt');
}, 120_000);
