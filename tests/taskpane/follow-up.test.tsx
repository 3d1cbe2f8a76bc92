/** @jest-environment jsdom */
// Step 4 of the pane on a fake Excel: "Calculer" shows the figures per axis as bars with the domain's rates,
// "Clôturer le trimestre" asks, then moves the current quarter on; a link opens each sheet.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { computeFigures, embeddedPlan, generateWorkbook, readWorkbookState } from '../../src/app';
import { percent } from '../../src/taskpane/texts';
import { cellOfRow } from './support/cell-of-row';
import { liveRegionOf, renderPaneOnFake, statusRead, TODAY } from './support/pane-on-fake';

const FOLLOW_UP = '4. Suivi du trimestre';

describe('follow-up of the quarter from the pane', () => {
  it('computes the figures per axis, opens a sheet, and closes the quarter after confirmation', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await act(async () => {
      await generateWorkbook(plan, port, { today: TODAY });
    });
    const criterion = plan.axes[0].fiches[0].criteria.find((candidate) => candidate.kind === 'quantitative')!;
    fake.seed.sheet('Axe 1', [[12]], cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'));
    const state = await readWorkbookState(await port.read());
    if (!state.ok) throw new Error('unreadable');
    const { figures } = computeFigures(state.state);
    expect(figures.axes[0].fillCumulative).toBeGreaterThan(0);
    await statusRead();

    const computeButton = await screen.findByRole('button', { name: 'Calculer' });
    await act(async () => {
      fireEvent.click(computeButton);
    });
    const section = screen.getByRole('region', { name: FOLLOW_UP });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain('cumulés à 2026-T2'), {
      timeout: 60_000,
    });
    const axis1 = within(section).getByText(`Axe 1 – ${plan.axes[0].title}`);
    expect(axis1).toBeTruthy();
    const rates = figures.axes[0];
    expect(
      within(section).getByText(
        `Renseignement cumulé ${percent(rates.fillCumulative)} ; période ${percent(rates.fillPeriod)} ; réalisation ${percent(rates.achievement)}`,
      ),
    ).toBeTruthy();
    expect(within(section).getAllByRole('progressbar')).toHaveLength(plan.axes.length + 1);

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Axe 2' }));
    });
    await waitFor(() => expect(fake.inspect.activeSheet()).toBe('Axe 2'));

    fireEvent.click(within(section).getByRole('button', { name: 'Clôturer le trimestre' }));
    const dialog = await screen.findByRole(
      'alertdialog',
      { hidden: true, name: 'Clôturer le trimestre 2026-T2 ?' },
      { timeout: 10_000 },
    );
    expect(dialog.textContent).toContain('Historique');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Clôturer' }));
    });
    // In jsdom the dialog's closing animation never ends, so Fluent keeps the rest of the page aria-hidden:
    // from here the queries look at hidden elements too.
    await waitFor(
      () =>
        expect(within(section).getByRole('status', { hidden: true }).textContent).toContain(
          'Trimestre 2026-T2 clôturé ; trimestre en cours : 2026-T3.',
        ),
      { timeout: 30_000 },
    );
    expect(fake.inspect.sheetNames()).toContain('Historique');
    const status = screen.getByText('Classeur ouvert').closest('section')!;
    await waitFor(() => expect(within(status).getByText('2026-T3')).toBeTruthy());
  }, 240_000);
});
