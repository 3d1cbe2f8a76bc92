// Step 4 of the pane on a fake Excel: "Calculer" shows the figures per axis as bars with the domain's rates,
// "Clôturer le trimestre" asks, then moves the current quarter on; a link opens each sheet; the « Trimestre en
// cours » list makes another quarter current at the next « Calculer ».
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { computeFigures, embeddedPlan, readWorkbookState } from '../../src/app';
import { percent, percentSaid } from '../../src/taskpane/texts';
import { fr, frQuery } from './support/french';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook } from './support/shared-workbook';
import { liveRegionOf, readAgain, renderPaneOnFake, statusRead } from './support/pane-on-fake';
import type { FakeContext } from '../fake-excel';
import { degradationNotes } from '../../src/excel/excel-texts';

const FOLLOW_UP = 'Suivi du trimestre';

/** A text as Testing Library's queries compare it (non-breaking spaces collapsed into plain ones). */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** The text that names a dialog (its title, by aria-labelledby). */
const titleOf = (dialog: HTMLElement) => document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent;

describe('follow-up of the quarter from the pane', () => {
  it('computes the figures per axis, opens a sheet, and closes the quarter after confirmation', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const criterion = plan.axes[0].fiches[0].criteria.find((candidate) => candidate.kind === 'quantitative')!;
    fake.seed.sheet('Axe 1', [[12]], cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'));
    const state = await readWorkbookState(await port.read());
    if (!state.ok) throw new Error('unreadable');
    const { figures } = computeFigures(state.state);
    expect(figures.axes[0].fillCumulative).toBeGreaterThan(0);
    await statusRead();
    // The pane may have read the workbook before it was generated: read it again, as a person would.
    await readAgain();

    const computeButton = await screen.findByRole('button', { name: 'Calculer' });
    await act(async () => {
      fireEvent.click(computeButton);
    });
    const section = screen.getByRole('region', { name: FOLLOW_UP });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2026-T2')), {
      timeout: 60_000,
    });
    // The live region says the figures in a sentence: the whole plan's rate, then each axis's.
    const said = liveRegionOf(FOLLOW_UP).textContent ?? '';
    expect(said).toContain(fr(`ensemble du plan à ${percent(figures.overall.fillCumulative)} ;`));
    for (const axis of figures.axes) expect(said).toContain(`axe ${axis.number} à ${percent(axis.fillCumulative)}`);
    // Each axis's % beside its name, its three rates under it, and its bar's value as text.
    const rates = figures.axes[0];
    const axis1 = within(section).getByText(plain(`Axe 1 – ${plan.axes[0].title} : ${percent(rates.fillCumulative)}`));
    expect(
      within(section).getByText(
        plain(
          `Renseignement cumulé ${percent(rates.fillCumulative)} ; période ${percent(rates.fillPeriod)} ; réalisation ${percent(rates.achievement)}`,
        ),
      ),
    ).toBeTruthy();
    const bars = within(section).getAllByRole('progressbar');
    expect(bars).toHaveLength(plan.axes.length + 1);
    const axis1Bar = within(axis1.closest('.fui-Field') as HTMLElement).getByRole('progressbar');
    expect(axis1Bar.getAttribute('aria-valuetext')).toBe(`Renseignement cumulé ${percentSaid(rates.fillCumulative)}`);
    expect(bars[0].getAttribute('aria-valuetext')).toBe(
      `Renseignement cumulé ${percentSaid(figures.overall.fillCumulative)}`,
    );

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Axe 2' }));
    });
    await waitFor(() => expect(fake.inspect.activeSheet()).toBe('Axe 2'));

    fireEvent.click(within(section).getByRole('button', { name: 'Clôturer le trimestre' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    expect(titleOf(dialog)).toBe(fr('Clôturer le trimestre 2026-T2 ?'));
    expect(dialog.textContent).toContain('Historique');
    // Described by its text, and « Annuler » first: Enter right away rewrites nothing.
    const description = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('copiés dans la feuille');
    // On 15 May, 2026-T2 has not ended: the dialog says so, and the action it asks for says it too.
    expect(description?.textContent).toContain(
      fr('Attention : le trimestre 2026-T2 ne se termine que le 30/06/2026. « Historique » gardera'),
    );
    expect(within(dialog).getAllByRole('button', { hidden: true })[0].textContent).toBe('Annuler');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Clôturer avant la fin' }));
    });
    // In jsdom the dialog's closing animation never ends, so Fluent keeps the rest of the page aria-hidden:
    // from here the queries look at hidden elements too.
    await waitFor(
      () =>
        expect(within(section).getByRole('status', { hidden: true }).textContent).toContain(
          fr('Trimestre 2026-T2 clôturé ; trimestre en cours : 2026-T3.'),
        ),
      { timeout: 60_000 },
    );
    // After it, the note says it again, as the command line does.
    expect(within(section).getByRole('status', { hidden: true }).textContent).toContain(
      'Le trimestre 2026-T2 ne se termine que le 30/06/2026\u00a0: il est clôturé avant sa fin',
    );
    expect(fake.inspect.sheetNames()).toContain('Historique');
    const status = screen.getByText('Classeur ouvert').closest('section')!;
    await waitFor(() => expect(within(status).getByText(frQuery('2026-T3'))).toBeTruthy());
  }, 240_000);

  it('chooses the current quarter in the list: Calculer writes it to Paramètres and shows that quarter’s figures', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const criterion = plan.axes[0].fiches[0].criteria.find((candidate) => candidate.kind === 'quantitative')!;
    fake.seed.sheet('Axe 1', [[12, 14]], cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'));
    const state = await readWorkbookState(await port.read());
    if (!state.ok) throw new Error('unreadable');
    // The figures of each quarter, computed by the domain from the same values: the pane must show 2027-T1's.
    const atQ = computeFigures(state.state).figures;
    const atChosen = computeFigures({ ...state.state, currentQuarter: { year: 2027, q: 1 } }).figures;
    const ratesText = (rates: (typeof atQ)['axes'][number]) =>
      `Renseignement cumulé ${percent(rates.fillCumulative)} ; période ${percent(rates.fillPeriod)} ; réalisation ${percent(rates.achievement)}`;
    expect(ratesText(atChosen.axes[0])).not.toBe(ratesText(atQ.axes[0]));
    await statusRead();
    // The pane may have read the workbook before it was generated: read it again, as a person would. The button
    // stays in place while the workbook is read, so focus stays on it.
    const refresh = screen.getByRole('button', { name: 'Relire le classeur' });
    refresh.focus();
    await act(async () => {
      fireEvent.click(refresh);
    });

    const section = await screen.findByRole('region', { name: FOLLOW_UP }, { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText('Lecture du classeur…')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Relire le classeur' }));
    const list = within(section).getByRole('combobox', { name: 'Trimestre en cours' }) as HTMLSelectElement;
    expect(list.value).toBe('2026-T2');
    const options = within(list)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toHaveLength(20);
    expect(options[0]).toBe('2026-T1');
    expect(options[options.length - 1]).toBe('2030-T4');
    expect(options).toContain('2026-T2 (aujourd’hui)');
    const closeButton = within(section).getByRole('button', { name: 'Clôturer le trimestre' });
    expect(closeButton.getAttribute('aria-disabled')).not.toBe('true');

    fireEvent.change(list, { target: { value: '2027-T1' } });
    expect(
      within(section).getByText(frQuery('Le trimestre en cours passera de 2026-T2 à 2027-T1 au prochain calcul.')),
    ).toBeTruthy();
    // Closing closes the workbook's Q: it waits, and says why to whoever reaches the button.
    expect(closeButton.getAttribute('aria-disabled')).toBe('true');
    const why = document.getElementById(closeButton.getAttribute('aria-describedby')!);
    expect(why?.textContent).toContain(fr('trimestre du classeur (2026-T2)'));
    fireEvent.click(closeButton);
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2027-T1')), {
      timeout: 60_000,
    });
    expect(fake.inspect.values('Paramètres', 'B9')).toEqual([['2027-T1']]);
    const axis1 = within(section)
      .getByText((content) => content.startsWith(`Axe 1 – ${plan.axes[0].title} :`))
      .closest('.fui-Field')!;
    expect(axis1.textContent).toContain(fr(ratesText(atChosen.axes[0])));
    const journal = fake.inspect.snapshotGrid('Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal[journal.length - 1].slice(1, 6)).toEqual([
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      '2026-T2',
      '2027-T1',
    ]);

    // The status is read again: it and the list now say 2027-T1, the workbook's Q. Closing still waits, now because
    // 2027-T1 begins after today (2026-T2): its snapshot would be today's fiche states; the why beside it says so.
    const status = screen.getByText('Classeur ouvert').closest('section')!;
    await waitFor(() => expect(within(status).getByText(frQuery('2027-T1'))).toBeTruthy(), { timeout: 30_000 });
    expect(list.value).toBe('2027-T1');
    expect(within(section).queryByText(/au prochain calcul/)).toBeNull();
    expect(closeButton.getAttribute('aria-disabled')).toBe('true');
    const notBegun = document.getElementById(closeButton.getAttribute('aria-describedby')!);
    expect(notBegun?.textContent).toBe(
      fr(
        '2027-T1 ne commence que le 01/01/2027 : il ne pourra être clôturé qu’à partir de ce jour. S’il a été avancé ' +
          'par erreur (une clôture de trop), remettez le trimestre voulu dans la liste, puis « Calculer ».',
      ),
    );
    fireEvent.click(closeButton);
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
  }, 240_000);

  it('repairs a current quarter typed wrong by hand: refused as it is, computed once a quarter is chosen', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    fake.seed.sheet('Paramètres', [['2027 T2']], 'B9');
    await statusRead();
    await readAgain();
    const section = await screen.findByRole('region', { name: FOLLOW_UP }, { timeout: 10_000 });
    const list = within(section).getByRole('combobox', { name: 'Trimestre en cours' }) as HTMLSelectElement;
    await waitFor(() => expect(list.value).toBe('2027 T2'));
    expect(within(list).getByRole('option', { name: '2027 T2 (hors convention)' })).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain('Rien n’a été écrit'), {
      timeout: 60_000,
    });
    const refusal = within(section).getByRole('navigation', { name: /^Ce qui empêche d’écrire le classeur/ });
    expect(refusal.textContent).toContain('Paramètres');
    expect(fake.inspect.values('Paramètres', 'B9')).toEqual([['2027 T2']]);

    fireEvent.change(list, { target: { value: '2027-T2' } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2027-T2')), {
      timeout: 60_000,
    });
    expect(fake.inspect.values('Paramètres', 'B9')).toEqual([['2027-T2']]);
    const journal = fake.inspect.snapshotGrid('Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal[journal.length - 1].slice(1, 6)).toEqual([
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      '2027 T2',
      '2027-T2',
    ]);
  }, 240_000);

  it('reads a current quarter typed in lower case with spaces around as Paramètres does: 2030-T4, the last', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    fake.seed.sheet('Paramètres', [[' 2030-t4 ']], 'B9');
    await statusRead();
    await readAgain();
    const section = await screen.findByRole('region', { name: FOLLOW_UP }, { timeout: 10_000 });
    const list = within(section).getByRole('combobox', { name: 'Trimestre en cours' }) as HTMLSelectElement;
    await waitFor(() => expect(list.value).toBe('2030-T4'));
    const options = within(list)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toHaveLength(20);
    expect(options.some((option) => option?.includes('hors convention'))).toBe(false);
    expect(within(section).queryByText(/au prochain calcul/)).toBeNull();
    // The convention's last quarter has no next one: closing waits, and says why.
    const closeButton = within(section).getByRole('button', { name: 'Clôturer le trimestre' });
    expect(closeButton.getAttribute('aria-disabled')).toBe('true');
    const why = document.getElementById(closeButton.getAttribute('aria-describedby')!);
    expect(why?.textContent).toContain(fr('2030-T4 est le dernier trimestre de la convention'));
  }, 120_000);

  it('says, after closing the quarter before the last, that the last is not closed and the final bilan comes next', async () => {
    const { fake } = renderPaneOnFake({ today: () => new Date('2030-10-15T10:00:00Z') });
    await openGeneratedWorkbook(fake);
    fake.seed.sheet('Paramètres', [['2030-T3']], 'B9');
    await statusRead();
    await readAgain();
    const section = await screen.findByRole('region', { name: FOLLOW_UP }, { timeout: 10_000 });
    const list = within(section).getByRole('combobox', { name: 'Trimestre en cours' }) as HTMLSelectElement;
    await waitFor(() => expect(list.value).toBe('2030-T3'));
    const closeButton = within(section).getByRole('button', { name: 'Clôturer le trimestre' });
    expect(closeButton.getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.click(closeButton);
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    expect(titleOf(dialog)).toBe(fr('Clôturer le trimestre 2030-T3 ?'));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { hidden: true, name: 'Clôturer' }));
    });
    await waitFor(
      () =>
        expect(within(section).getByRole('status', { hidden: true }).textContent).toContain(
          fr(
            'Trimestre 2030-T3 clôturé ; trimestre en cours : 2030-T4, le dernier de la convention, qui ne se clôture ' +
              'pas. L’étape suivante est le bilan final de la convention, une fois ce trimestre fini : dans l’onglet ' +
              '« Bilans », « Final (toute la convention) ».',
          ),
        ),
      { timeout: 60_000 },
    );
  }, 240_000);

  it('lists the errors that refuse « Calculer » as « Vérifier le classeur » does, each with a link to its cell', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const progress = cellOfRow(fake, 'Axe 1', plan.axes[0].fiches[0].key, 'Avancement (%)');
    fake.seed.sheet('Axe 1', [[150]], progress);
    await statusRead();
    await readAgain();

    const section = screen.getByRole('region', { name: FOLLOW_UP });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain('Rien n’a été écrit'), {
      timeout: 60_000,
    });
    expect(liveRegionOf(FOLLOW_UP).textContent).toContain('1 erreur');
    const list = within(section).getByRole('navigation', {
      name: 'Ce qui empêche d’écrire le classeur, par feuille et par fiche',
    });
    expect(list.textContent).toContain(fr(`Axe 1, cellule ${progress} : l’avancement doit être un nombre entier`));
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${progress}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: progress }));
  }, 120_000);

  it('warns after « Calculer » when the quarter chosen is far ahead of today, naming today’s quarter', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    await statusRead();
    await readAgain();
    const section = screen.getByRole('region', { name: FOLLOW_UP });
    const list = within(section).getByRole('combobox', { name: 'Trimestre en cours' }) as HTMLSelectElement;
    fireEvent.change(list, { target: { value: '2030-T4' } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2030-T4')), {
      timeout: 60_000,
    });
    const said = section.textContent ?? '';
    expect(said).toContain('aujourd’hui est en 2026-T2');
    expect(said).toContain('choisissez 2026-T2 dans la liste');
    expect(said).not.toContain('--quarter');
  }, 120_000);

  it.each([
    [
      'the convention’s last quarter',
      '2030-T4',
      'le dernier trimestre de la convention',
      // What comes next: the final bilan, in the pane's « Bilans » tab.
      ' L’étape suivante est le bilan final de la convention, une fois ce trimestre fini : dans l’onglet « Bilans », ' +
        '« Final (toute la convention) ».',
    ],
    [
      'a quarter typed after the last, which closing would refuse',
      '2031-T1',
      'après le dernier trimestre de la convention (2030-T4)',
      '',
    ],
  ])(
    'does not offer to close %s, and says why beside the button',
    async (_, quarter, why, next) => {
      const { fake } = renderPaneOnFake();
      await openGeneratedWorkbook(fake);
      fake.seed.sheet('Paramètres', [[quarter]], 'B9');
      await statusRead();
      await readAgain();

      const section = screen.getByRole('region', { name: FOLLOW_UP });
      const closeButton = within(section).getByRole('button', { name: 'Clôturer le trimestre' });
      await waitFor(() => expect(closeButton.getAttribute('aria-disabled')).toBe('true'));
      const said = document.getElementById(closeButton.getAttribute('aria-describedby')!);
      expect(said?.textContent).toBe(fr(`${quarter} est ${why} : il n’y a pas de trimestre suivant où passer.${next}`));
      fireEvent.click(closeButton);
      expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    },
    120_000,
  );

  it('says, when Excel refuses « Calculer » part way, that the workbook was put back as it was', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    const { plan } = embeddedPlan();
    const fiche = plan.axes[0].fiches[0];
    const statusCell = cellOfRow(fake, 'Axe 1', fiche.key, 'Statut');
    // A fiche abandoned: « Calculer » writes its « Abandonnée en » and a Journal line, cell by cell.
    fake.seed.sheet('Axe 1', [['Abandonnée']], statusCell);
    await statusRead();
    await readAgain();
    const before = fake.inspect.snapshotWorkbook();
    // Excel refuses the values of the change, once the number formats before them are written.
    fake.failures.failAction('values');
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toMatch(/Excel n’a pas pu terminer|cumulés/), {
      timeout: 60_000,
    });
    expect(fake.failures.fired).toBe(true);
    expect(liveRegionOf(FOLLOW_UP).textContent).toContain(
      fr('Le classeur a été remis comme avant : ce que l’opération avait commencé d’écrire a été retiré'),
    );
    expect(JSON.stringify(fake.inspect.snapshotWorkbook())).toBe(JSON.stringify(before));
  }, 120_000);

  it('says after « Calculer » what the rewrite put back, as the command line does (a hint typed over)', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    fake.seed.sheet('Paramètres', [['Changer le trimestre après le COPIL']], 'C9');
    // The workbook is written whole then: a sheet the officer added is copied back without its look, and the note
    // says what is true in Excel (no earlier file beside it, no undo).
    fake.seed.sheet('Notes COPIL', [['Budget', 1200]]);
    await statusRead();
    await readAgain();

    const computeButton = await screen.findByRole('button', { name: 'Calculer' });
    await act(async () => {
      fireEvent.click(computeButton);
    });

    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2026-T2')), {
      timeout: 60_000,
    });
    const notes = screen.getByRole('region', { name: FOLLOW_UP }).textContent ?? '';
    expect(notes).toContain(
      fr('Paramètres, cellule C9 : l’outil y a remis son texte à la place de « Changer le trimestre après le COPIL »'),
    );
    expect(notes).toContain(fr('La feuille « Notes COPIL » a été recopiée avec ses valeurs et ses formules'));
    expect(notes).toContain(fr('« Annuler » d’Excel ne la rétablit pas'));
    expect(notes).not.toMatch(/ancien fichier|\.bak/);
  }, 120_000);

  it.each([
    ['1.18', null],
    ['1.12', degradationNotes.cellNotes],
  ] as const)(
    'a « Calculer » that rebuilds the sheets keeps the notes on cells, or says this Excel cannot read them (ExcelApi %s)',
    async (apiVersion, said) => {
      const { fake } = renderPaneOnFake({}, { apiVersion });
      await openGeneratedWorkbook(fake);
      // A hint typed over: the workbook is written whole, the sheet the officer added copied back.
      fake.seed.sheet('Paramètres', [['Changer le trimestre après le COPIL']], 'C9');
      fake.seed.sheet('Notes COPIL', [['Budget', 1200]]).note('Notes COPIL', 'B1', 'Voté le 3 mars');
      const cell = cellOfRow(fake, 'Axe 1', 'G1-QN1', 'Avancement (%)');
      fake.seed.comment('Axe 1', cell, 'Chiffre de la mairie', ['Confirmé']);
      await statusRead();
      await readAgain();

      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
      });
      await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2026-T2')), {
        timeout: 60_000,
      });

      expect(fake.inspect.comments('Axe 1')).toEqual([
        { address: cell, content: 'Chiffre de la mairie', replies: ['Confirmé'] },
      ]);
      const region = screen.getByRole('region', { name: FOLLOW_UP }).textContent ?? '';
      if (said === null) {
        expect(fake.inspect.notes('Notes COPIL')).toEqual([{ address: 'B1', content: 'Voté le 3 mars' }]);
        expect(region).not.toContain('ne permet pas au complément de lire');
      } else {
        // Excel 1.12 reads threads, not notes: the note went with the old sheet, and the pane says so.
        expect(fake.inspect.notes('Notes COPIL')).toEqual([]);
        expect(region).toContain(said);
      }
    },
    120_000,
  );

  it('leaves a sheet the officer added (after the hidden `_ctg`, where Excel adds one) exactly as it was', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.add('Notes COPIL');
      const cells = sheet.getRange('A1:B2');
      cells.values = [
        ['Taux', 0.25],
        ['Budget', 1200],
      ];
      cells.format.fill.color = '#FFFF00';
      cells.format.font.bold = true;
      sheet.getRange('B1').numberFormat = [['0%']];
      sheet.getRange('B2').numberFormat = [['#,##0 €']];
      await context.sync();
    });
    const looks = () => ['A1', 'B1', 'B2'].map((cell) => fake.inspect.format('Notes COPIL', cell));
    const before = looks();
    expect(before.map((look) => [look.fillColor, look.bold, look.numberFormat])).toEqual([
      ['#FFFF00', true, 'General'],
      ['#FFFF00', true, '0%'],
      ['#FFFF00', true, '#,##0 €'],
    ]);
    await statusRead();
    await readAgain();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('cumulés à 2026-T2')), {
      timeout: 60_000,
    });
    expect(looks()).toEqual(before);
    expect(fake.inspect.values('Notes COPIL', 'A1:B2')).toEqual([
      ['Taux', 0.25],
      ['Budget', 1200],
    ]);
    const said = screen.getByRole('region', { name: FOLLOW_UP }).textContent ?? '';
    expect(said).not.toMatch(/recopiée|ancien fichier|\.bak/);
  }, 120_000);
});
