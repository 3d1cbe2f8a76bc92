// Rebuilding from the pane when the plan's communes changed: the outcome says, in one line, how many
// `Compétences AO` rows came and went, and names the commune that left.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { embeddedPlan, generateWorkbook } from '../../src/app';
import type { Plan } from '../../src/domain/plan';
import {
  chooseEmbeddedPlan,
  clickGenerate,
  liveRegionOf,
  renderPaneOnFake,
  statusRead,
  TODAY,
} from './support/pane-on-fake';
import { fr } from './support/french';

const GENERATE = 'Classeur de suivi';

/** The embedded plan as it was before an amendment: Tarentaise not yet a party, Pélussin still one. */
function olderPlan(): Plan {
  const plan: Plan = structuredClone(embeddedPlan().plan);
  plan.parties.communes = plan.parties.communes.filter((commune) => commune.name !== 'Tarentaise');
  plan.parties.communes.push({ name: 'Pélussin', spellings: ['Pélussin'] });
  return plan;
}

describe('rebuilding from the pane after the communes changed', () => {
  it('shows the Compétences AO rows added and removed, and the commune that left', async () => {
    const { fake, port } = renderPaneOnFake();
    expect(embeddedPlan().plan.parties.communes.map((commune) => commune.name)).toContain('Tarentaise');
    await act(async () => {
      await generateWorkbook(olderPlan(), port, { today: TODAY });
    });
    await statusRead();
    await chooseEmbeddedPlan();
    await clickGenerate();
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Reconstruire le classeur' }));
    });
    await waitFor(() => expect(liveRegionOf(GENERATE).textContent).toContain('Classeur de suivi reconstruit'), {
      timeout: 30_000,
    });
    const outcome = liveRegionOf(GENERATE).textContent ?? '';
    // Pélussin's row held the generated holders, RPE and schéma (6 values): they go to the Journal.
    expect(outcome).toContain(
      fr('Compétences AO : 1 ligne ajoutée, 1 ligne retirée (6 valeurs saisies notées dans le Journal)'),
    );
    // No row of the plan left: « Archives » is not spoken of.
    expect(outcome).toContain(fr('Lignes retirées : 0'));
    expect(outcome).not.toContain('Archives');
    expect(outcome).toContain(
      'Commune absente du nouveau plan, retirée de «\u00a0Compétences AO\u00a0»\u00a0: Pélussin.',
    );
    const names = fake.inspect.values('Compétences AO', 'A9:A26').flat();
    expect(names).toContain('Tarentaise');
    expect(names).not.toContain('Pélussin');
  }, 120_000);
});
