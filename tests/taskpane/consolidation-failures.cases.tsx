// « Consolidation » when something fails that no check foresaw: a file whose measure throws is left out with the
// error, the others consolidated; a workbook that cannot be made leaves the summary, says the file is missing and
// what to do instead, and offers nothing to save.
import './support/jsdom-globals';
import { within } from '@testing-library/react';
import * as measured from '../../src/app/consolidate/measure-territory';
import * as written from '../../src/app/consolidate/write-consolidation';
import { forez, pilat, territoryBytes } from '../consolidation/helpers/territories';
import { fr } from './support/french';
import { consolidateInPane } from './support/consolidate-in-pane';

describe('consolidating in the pane when something fails', () => {
  // Put back for the cases that follow in this suite.
  afterEach(() => jest.restoreAllMocks());

  it('leaves out a file whose measure throws, keeps the summary, and says the workbook could not be made', async () => {
    const files = [
      new File([(await territoryBytes(forez)) as BlobPart], forez.name),
      new File([(await territoryBytes(pilat)) as BlobPart], 'defaut.xlsx'),
    ];
    const { measureTerritory } = measured;
    jest
      .spyOn(measured, 'measureTerritory')
      .mockImplementation((...args) =>
        args[0] === 'defaut.xlsx' ? Promise.reject(new Error('a defect')) : measureTerritory(...args),
      );
    jest.spyOn(written, 'writeConsolidation').mockRejectedValue(new Error('No workbook this time'));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const section = await consolidateInPane(files);
    expect(within(section).getByRole('list', { name: 'Territoires (1)' }).textContent).toContain('Forez Est');
    expect(within(section).getByRole('list', { name: 'Fichiers écartés (1)' }).textContent).toBe(
      fr(
        'defaut.xlsx : Erreur inattendue en lisant ce fichier (Error: a defect) : il est écarté, les autres sont consolidés.',
      ),
    );
    expect(section.textContent).toContain(fr('Le classeur de consolidation n’a pas pu être préparé ;'));
    expect(within(section).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(section.textContent).not.toContain('Fichier prêt');
  }, 120_000);
});
