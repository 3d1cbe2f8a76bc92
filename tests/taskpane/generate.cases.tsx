// Step 2 of the pane on a fake Excel: the generate use case writes the workbook, the pane sums up what it wrote,
// and a workbook that already holds a tracking workbook is rebuilt only after asking, its values kept by key.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { embeddedPlan, generateWorkbook, regenerateAndWrite } from '../../src/app';
import type { Plan } from '../../src/domain/plan';
import {
  chooseEmbeddedPlan,
  clickGenerate,
  liveRegionOf,
  renderPaneOnFake,
  statusRead,
  TODAY,
} from './support/pane-on-fake';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook, sharedWorkbook } from './support/shared-workbook';
import { fr, frQuery } from './support/french';

const GENERATE = 'Classeur de suivi';

/**
 * The confirmation dialog. `hidden: true` because in jsdom Fluent's focus manager (tabster) may leave
 * aria-hidden on the surface it has not yet focused (no real focus in jsdom); its role and title are still checked.
 */
const findDialog = async () => {
  const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
  expect(dialog.textContent).toContain('Ce classeur est déjà un classeur de suivi');
  return dialog;
};

/** The embedded plan with a fiche G42 more in axis 1: a regeneration from the embedded plan takes its rows out. */
function withFicheG42(): Plan {
  const plan: Plan = structuredClone(embeddedPlan().plan);
  const fiches = plan.axes[0].fiches;
  fiches.push({
    ...structuredClone(fiches[0]),
    ref: 'G42',
    key: 'G42',
    title: 'Une fiche retirée ensuite',
    criteria: [{ key: 'G42-QN1', kind: 'quantitative', text: 'Nombre de familles', line: 0 }],
  });
  return plan;
}
const openWorkbookWithG42 = sharedWorkbook((port) => generateWorkbook(withFicheG42(), port, { today: TODAY }));

describe('generate from the pane', () => {
  it('writes the tracking workbook into the open workbook and shows the summary, then the start view', async () => {
    const { fake } = renderPaneOnFake();
    await statusRead();
    expect(screen.getByText(/n’est pas encore un classeur de suivi/)).toBeTruthy();
    await chooseEmbeddedPlan();
    await clickGenerate();

    const { plan } = embeddedPlan();
    const fiches = plan.axes.flatMap((axis) => axis.fiches);
    const criteria = fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0);
    const sheets = fake.inspect.sheetNames();
    expect(sheets).toEqual(expect.arrayContaining(['Paramètres', 'Axe 1', 'Axe 13', '_ctg']));
    expect(fake.inspect.values('Axe 1', 'A1')).toEqual([[`Axe 1 – ${plan.axes[0].title}`]]);

    const summary = liveRegionOf(GENERATE).textContent ?? '';
    expect(summary).toContain('Classeur de suivi créé.');
    // The workbook keeps the sheet it had (Feuil1): the summary counts the sheets the generation wrote that a person
    // sees, as the command line lists them (not the hidden `_ctg`).
    const shown = sheets.filter((name) => name !== 'Feuil1' && name !== '_ctg');
    expect(summary).toContain(fr(`Feuilles : ${shown.length}`));
    expect(summary).toContain(fr(`Feuilles créées : ${shown.join(', ')}`));
    expect(summary).not.toContain('_ctg');
    expect(summary).toContain(fr(`Fiches : ${fiches.length}`));
    expect(summary).toContain(fr(`Critères : ${criteria}`));
    expect(summary).toContain(fr('Trimestre en cours : 2026-T2'));

    // The start view reads the workbook again: territory, period, current quarter from Paramètres.
    const status = screen.getByRole('region', { name: 'Classeur ouvert' });
    await waitFor(() => expect(within(status).getByText(plan.territory)).toBeTruthy());
    expect(within(status).getByText('du 01/01/2026 au 31/12/2030')).toBeTruthy();
    expect(within(status).getByText(frQuery('2026-T2'))).toBeTruthy();
    expect(within(status).getByText('jamais depuis ce poste')).toBeTruthy();
  }, 120_000);

  it('rebuilds over an existing tracking workbook after confirmation, keeping an entered value by its key', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const key = plan.axes[0].fiches[0].key;
    const cell = cellOfRow(fake, 'Axe 1', key, 'Avancement (%)');
    fake.seed.sheet('Axe 1', [[40]], cell);
    await statusRead();
    await chooseEmbeddedPlan();
    await clickGenerate();
    const dialog = await findDialog();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Reconstruire le classeur' }));
    });
    await waitFor(
      () =>
        expect(liveRegionOf(GENERATE).textContent).toContain(
          fr('Classeur de suivi reconstruit ; les valeurs saisies sont conservées.'),
        ),
      { timeout: 30_000 },
    );
    expect(liveRegionOf(GENERATE).textContent).toContain(fr('Lignes ajoutées : 0'));
    // Same communes: no `Compétences AO` line.
    expect(liveRegionOf(GENERATE).textContent).not.toContain('Compétences AO');
    expect(fake.inspect.values('Axe 1', cellOfRow(fake, 'Axe 1', key, 'Avancement (%)'))).toEqual([[40]]);
  }, 120_000);

  it('rebuilding the axis sheets writes each note back on its row, and quotes the one whose row is gone', async () => {
    const { fake } = renderPaneOnFake({}, { apiVersion: '1.18' });
    await openWorkbookWithG42(fake);
    const kept = cellOfRow(fake, 'Axe 1', 'G1-QN1', 'Avancement (%)');
    const gone = cellOfRow(fake, 'Axe 1', 'G42-QN1', 'Avancement (%)');
    fake.seed.note('Axe 1', kept, 'Chiffre de la mairie').comment('Axe 1', gone, 'À revoir', ['Vu en comité']);
    await statusRead();
    await chooseEmbeddedPlan();
    await clickGenerate();
    const dialog = await findDialog();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Reconstruire le classeur' }));
    });
    await waitFor(() => expect(liveRegionOf(GENERATE).textContent).toContain(fr('Classeur de suivi reconstruit')), {
      timeout: 30_000,
    });

    expect(fake.inspect.notes('Axe 1')).toEqual([
      { address: cellOfRow(fake, 'Axe 1', 'G1-QN1', 'Avancement (%)'), content: 'Chiffre de la mairie' },
    ]);
    expect(fake.inspect.comments('Axe 1')).toEqual([]);
    expect(liveRegionOf(GENERATE).textContent).toContain(
      fr(
        `Axe 1, cellule ${gone} : la note attachée à cette cellule, « À revoir — Vu en comité », n’a pas été ` +
          'reprise : la ligne, la colonne ou la feuille de cette cellule n’est plus dans le classeur réécrit. Excel ne ' +
          'la garde pas : recopiez-la depuis ce message, ou reprenez-la d’une copie du classeur enregistrée avant.',
      ),
    );
  }, 120_000);

  it('asks first when a rewrite use case is given, says values are kept by key, and runs it only on confirmation', async () => {
    const regenerate = jest.fn(regenerateAndWrite);
    const { fake, port } = renderPaneOnFake({ regenerate });
    await openGeneratedWorkbook(fake);
    await statusRead();
    await chooseEmbeddedPlan();
    await clickGenerate();
    let dialog = await findDialog();
    expect(dialog.textContent).toContain('Les valeurs déjà saisies sont conservées');
    expect(dialog.textContent).toContain('par leur clé');
    fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(regenerate).not.toHaveBeenCalled();

    await clickGenerate();
    dialog = await findDialog();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Reconstruire le classeur' }));
    });
    await waitFor(() => expect(liveRegionOf(GENERATE).textContent).toContain('Classeur de suivi reconstruit'), {
      timeout: 30_000,
    });
    expect(regenerate).toHaveBeenCalledTimes(1);
    expect(regenerate.mock.calls[0][0]).toBe(port);
    expect(regenerate.mock.calls[0][1]).toEqual(embeddedPlan().plan);
    expect(regenerate.mock.calls[0][2]).toEqual({ now: TODAY });
  }, 120_000);

  it('explains in French, with what to do, that a cell is being edited in Excel', async () => {
    const { fake } = renderPaneOnFake();
    await statusRead();
    await chooseEmbeddedPlan();
    fake.setCellEditMode(true);
    await clickGenerate();
    const region = liveRegionOf(GENERATE);
    expect(region.textContent).toContain('Excel n’a pas pu terminer');
    expect(region.textContent).toContain(
      'Une cellule est en cours de modification\u00a0: appuyez sur Entrée ou Échap dans Excel, puis réessayez.',
    );
    // Refused at its first request: the pane says that nothing was changed, which is so.
    expect(region.textContent).toContain('Rien n’a été modifié dans le classeur.');
    expect(fake.inspect.sheetNames()).toEqual(['Feuil1']);
    // Once the edit is over, the same button works.
    fake.setCellEditMode(false);
    await clickGenerate();
    expect(region.textContent).toContain('Classeur de suivi créé.');
  }, 120_000);
});
