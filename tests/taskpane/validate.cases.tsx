// Step 3 of the pane on a fake Excel: the validation's issues grouped by sheet and fiche with severity badges;
// clicking one selects its cell in Excel; the start view remembers the last validation.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  embeddedPlan,
  extractWorkbook,
  findWorkbookRecipient,
  loadValidState,
  renderIssueMessage,
  validateWorkbook,
} from '../../src/app';
import {
  clickValidate,
  liveRegionOf,
  openTask,
  readAgain,
  renderPaneOnFake,
  statusRead,
  TODAY,
} from './support/pane-on-fake';
import { fr, queried } from './support/french';
import type { FakeContext, FakeExcel } from '../fake-excel';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook } from './support/shared-workbook';

/** Writes `value` in the column headed `header` of the row keyed `key` of an axis sheet; returns the A1 cell. */
function enterOnRow(fake: FakeExcel, sheet: string, key: string, header: string, value: unknown): string {
  const cell = cellOfRow(fake, sheet, key, header);
  fake.seed.sheet(sheet, [[value]], cell);
  return cell;
}

describe('validate from the pane', () => {
  it('lists the issues by sheet and fiche with badges, and selects the cell of the one clicked', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    // The pane's first read done before the test reads through the port: it would otherwise end outside act().
    await statusRead();
    const [first, second] = plan.axes[0].fiches;
    const badCell = enterOnRow(fake, 'Axe 1', first.key, 'Avancement (%)', 150);
    enterOnRow(fake, 'Axe 1', second.key, 'Avancement (%)', -3);
    const expected = await validateWorkbook(port, { today: TODAY });
    expect(expected.errors).toBe(2);

    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(liveRegionOf('Vérification du classeur').textContent).toBe(
      `2 erreurs, ${expected.warnings} avertissement${expected.warnings > 1 ? 's' : ''}`,
    );
    const list = within(section).getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
    // The current quarter's missing values (one warning per fiche) are one line, listed when it is opened.
    const gaps = expected.issues.filter((issue) => issue.code === 'incomplete-current-quarter');
    expect(gaps.length).toBeGreaterThan(10);
    const others = expected.issues.filter((issue) => issue.code !== 'incomplete-current-quarter');
    const axis1Count = others.filter((issue) => issue.sheet === 'Axe 1').length;
    // Its heading counts its problems, here its two errors only.
    expect(axis1Count).toBe(2);
    expect(within(list).getByRole('heading', { name: 'Axe 1 (2 erreurs)' })).toBeTruthy();
    expect(within(list).getByRole('heading', { name: `Fiche ${first.key}` })).toBeTruthy();
    expect(within(list).getAllByText('Erreur')).toHaveLength(2);
    expect(within(list).queryAllByText('Avertissement')).toHaveLength(others.length - 2);
    const gapsLine = within(list).getByRole('button', {
      name: fr(`Valeurs attendues pour 2026-T2 manquantes : ${gaps.length} fiches`),
    });
    expect(gapsLine.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(gapsLine);
    expect(gapsLine.getAttribute('aria-expanded')).toBe('true');
    expect(within(list).getAllByText('Avertissement')).toHaveLength(others.length - 2 + gaps.length);
    expect(within(list).getByText(queried(renderIssueMessage(gaps[0])))).toBeTruthy();

    // The error of the first fiche sits under its fiche's heading: its message, then a link to its cell that the
    // message describes.
    const issue = expected.issues.find((candidate) => candidate.cell === badCell)!;
    expect(issue.severity).toBe('error');
    const button = within(list).getByRole('button', { name: `Aller à Axe 1!${badCell}` });
    expect(button.className).toContain('fui-Link');
    const description = document.getElementById(button.getAttribute('aria-describedby')!)!.textContent;
    expect(description).toBe(`Erreur ${renderIssueMessage(issue)}`);
    const ficheBlock = within(list).getByRole('heading', { name: `Fiche ${first.key}` }).parentElement!;
    expect(within(ficheBlock).getByRole('button', { name: `Aller à Axe 1!${badCell}` })).toBe(button);

    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: badCell }));
    expect(fake.inspect.activeSheet()).toBe('Axe 1');

    // The start view now tells when the workbook was last checked and what was found.
    const status = screen.getByRole('region', { name: 'Classeur ouvert' });
    expect(
      within(status).getByText(new RegExp(`^15/05/2026 à \\d\\d:00 : 2 erreurs, ${expected.warnings} avertissement`)),
    ).toBeTruthy();
  }, 120_000);

  it('folds a long list by sheet, each fold saying its counts, and keeps the links of a fold opened', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    // An « Avancement (%) » of 150 on every fiche: an error per fiche, in every axis sheet.
    const cells = plan.axes.flatMap((axis, index) =>
      axis.fiches.map((fiche) => ({
        sheet: `Axe ${index + 1}`,
        cell: enterOnRow(fake, `Axe ${index + 1}`, fiche.key, 'Avancement (%)', 150),
      })),
    );
    expect(cells.length).toBeGreaterThan(30);
    const expected = await validateWorkbook(port, { today: TODAY });
    await statusRead();
    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    // The live line says the counts only, as before.
    expect(liveRegionOf('Vérification du classeur').textContent).toBe(
      `${expected.errors} erreurs, ${expected.warnings} avertissement${expected.warnings > 1 ? 's' : ''}`,
    );
    const list = within(section).getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
    // One fold per sheet, folded: its heading's button says the sheet, its problems and errors, and that it is closed.
    const listed = expected.issues.filter((issue) => issue.code !== 'incomplete-current-quarter');
    const sheets = [...new Set(listed.map((issue) => issue.sheet))];
    const folds = sheets.map((sheet) => {
      const ofSheet = listed.filter((issue) => issue.sheet === sheet);
      const errors = ofSheet.filter((issue) => issue.severity === 'error').length;
      const name =
        errors === ofSheet.length
          ? `${sheet} (${errors} erreur${errors > 1 ? 's' : ''})`
          : `${sheet} (${ofSheet.length} problème${ofSheet.length > 1 ? 's' : ''}` +
            (errors > 0 ? `, dont ${errors} erreur${errors > 1 ? 's' : ''})` : ')');
      const heading = within(list).getByRole('heading', { name });
      return within(heading).getByRole('button', { name });
    });
    expect(folds.map((fold) => fold.getAttribute('aria-expanded'))).toEqual(sheets.map(() => 'false'));
    expect(within(list).queryAllByRole('button', { name: /^Aller à Axe/ })).toEqual([]);

    // Opened, a fold lists its issues with their links; the others stay folded.
    const axis2 = folds[sheets.indexOf('Axe 2')];
    fireEvent.click(axis2);
    expect(axis2.getAttribute('aria-expanded')).toBe('true');
    const target = cells.find((entry) => entry.sheet === 'Axe 2')!.cell;
    const link = within(list).getByRole('button', { name: `Aller à Axe 2!${target}` });
    expect(within(list).queryAllByRole('button', { name: /^Aller à Axe 3!/ })).toEqual([]);
    await act(async () => {
      fireEvent.click(link);
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 2', address: target }));

    // « Tout déplier » opens every fold, « Tout replier » closes them.
    fireEvent.click(within(list).getByRole('button', { name: 'Tout déplier' }));
    expect(folds.map((fold) => fold.getAttribute('aria-expanded'))).toEqual(sheets.map(() => 'true'));
    // Each cell's link there once: the links found by one query, with the names it computed (a query per link took
    // seconds in jsdom).
    const names = new Map<Element, string>();
    const links = within(list)
      .getAllByRole('button', { name: (name, element) => names.set(element, name) && name.startsWith('Aller à ') })
      .map((element) => names.get(element));
    for (const { sheet, cell } of cells)
      expect(links.filter((name) => name === `Aller à ${sheet}!${cell}`)).toHaveLength(1);
    fireEvent.click(within(list).getByRole('button', { name: 'Tout replier' }));
    expect(folds.map((fold) => fold.getAttribute('aria-expanded'))).toEqual(sheets.map(() => 'false'));
  }, 120_000);

  it('says a workbook without a tracking workbook cannot be checked', async () => {
    renderPaneOnFake();
    await statusRead();
    await clickValidate();
    expect(liveRegionOf('Vérification du classeur').textContent).toContain('Ce classeur ne peut pas être vérifié');
    expect(liveRegionOf('Vérification du classeur').textContent).toContain('_ctg');
    // What to do, in the pane's words: no command of the command line.
    expect(liveRegionOf('Vérification du classeur').textContent).toContain(
      fr('Ouvrez le classeur de suivi, ou créez-en un dans l’onglet « Création ».'),
    );
    expect(liveRegionOf('Vérification du classeur').textContent).not.toMatch(/ctg-suivi|ligne de commande/);
  }, 30_000);

  it('says an open partner’s extract is one, as the file check does, its cells judged as the merge will take them', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    // CCMP's extract opened instead of the master (« Ouvrir dans Excel » after « Préparer les extraits »).
    await openGeneratedWorkbook(fake);
    await act(async () => {
      const loaded = await loadValidState(port, TODAY);
      if (!loaded.ok) throw new Error('the workbook is not valid');
      const made = await extractWorkbook(loaded.state, findWorkbookRecipient(loaded.state, 'CCMP')!, { now: TODAY });
      if (!made.ok) throw new Error('no extract for CCMP');
      await port.write(made.extract.spec);
    });
    // The partner typed a number as text in a quarter cell: the merge takes it as the number.
    const quantitative = new Set(
      plan.axes
        .flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria))
        .flatMap((criterion) => (criterion.kind === 'quantitative' ? [criterion.key] : [])),
    );
    const axis = (await port.read()).sheets.find(
      (sheet) =>
        sheet.name.startsWith('Axe ') &&
        'rows' in sheet &&
        sheet.rows.some((row) => quantitative.has(String(row?.[0]?.value))),
    )!;
    const key = ('rows' in axis ? axis.rows : [])
      .map((row) => String(row?.[0]?.value))
      .find((value) => quantitative.has(value))!;
    enterOnRow(fake, axis.name, key, '2026-T1', '7,5');
    await statusRead();
    const expected = await validateWorkbook(port, { today: TODAY });
    const asText = expected.issues.find((issue) => issue.code === 'extract-number-as-text')!;
    expect(asText).toBeTruthy();
    await readAgain();

    await clickValidate();
    const said = liveRegionOf('Vérification du classeur').textContent;
    expect(said).toContain(
      `C’est l’extrait envoyé à «\u00a0CCMP\u00a0», fait le 15/05/2026 à partir du classeur de suivi du territoire ` +
        `«\u00a0${plan.territory}\u00a0», à compléter jusqu’au trimestre 2026-T2\u00a0; ce n’est pas le classeur de suivi.`,
    );
    // What the pane's check looks at in it, and how to see what a merge would take: the pane's buttons, no command.
    expect(said).toContain(
      'Dans un extrait, «\u00a0Vérifier le classeur\u00a0» vérifie sa forme (feuilles, clés, en-têtes) et les ' +
        'cellules que «\u00a0CCMP\u00a0» remplit (types, listes, valeurs attendues)\u00a0: ses problèmes portent sur ' +
        'ce que ce destinataire remplit ou a changé, pas sur le classeur de suivi. Ce que la fusion en ' +
        'reprendrait\u00a0: enregistrez ce classeur au format .xlsx, ouvrez le classeur de suivi, puis, dans ' +
        'l’onglet «\u00a0Partenaires\u00a0», choisissez ce fichier sous «\u00a0Fusion des retours\u00a0» et ' +
        'cliquez sur «\u00a0Voir les changements\u00a0».',
    );
    expect(said).not.toMatch(/ctg-suivi|npx |--/);
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(within(section).getByText(queried(renderIssueMessage(asText)))).toBeTruthy();
  }, 120_000);

  it('says how to clear personal data with the pane’s « Calculer », naming no command', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    const cell = enterOnRow(fake, 'Axe 1', fiche.key, 'Difficultés', 'Appeler Mme X au 06 12 34 56 78');
    await statusRead();
    await readAgain();
    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(
      within(section).getByText(
        queried(
          fr(
            `Axe 1, cellule ${cell} : la colonne « Difficultés » semble contenir un numéro de téléphone. Le classeur ` +
              'de suivi ne doit pas contenir de données personnelles : retirez-les. Leurs copies gardées dans le ' +
              'Journal, l’Historique, les Archives ou les Contributions en seront effacées à la réécriture suivante ' +
              '(« Calculer »).',
          ),
        ),
      ),
    ).toBeTruthy();
    expect(section.textContent).not.toContain('ctg-suivi');
  }, 120_000);

  it('warns of a champ outside the convention vocabulary once, at its first fiche, as a consolidation lists it', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const [first, second] = plan.axes[0].fiches;
    // Typed after unprotecting the sheet: the column comes from the plan.
    const cell = enterOnRow(fake, 'Axe 1', first.key, "Champ(s) d'intervention", 'Parentalité');
    enterOnRow(fake, 'Axe 1', second.key, "Champ(s) d'intervention", 'Accès aux droits ; parentalite');
    await statusRead();
    await readAgain();
    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(liveRegionOf('Vérification du classeur').textContent).toMatch(/^0 erreur\b/);
    const list = within(section).getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
    const button = within(list).getByRole('button', { name: `Aller à Axe 1!${cell}` });
    const description = document.getElementById(button.getAttribute('aria-describedby')!)!.textContent;
    expect(description).toBe(
      fr(
        `Avertissement Champ d’intervention « Parentalité » hors du vocabulaire de la convention (2 fiches, la ` +
          `première en cellule ${cell} de la feuille « Axe 1 ») : il ne se compare pas aux autres territoires dans ` +
          'la consolidation de la Caf. S’il s’agit de « Soutien à la parentalité », écrivez-le ainsi dans le texte ' +
          'du plan, puis régénérez le classeur (onglet « Création », « Créer le classeur de suivi » avec le plan ' +
          'corrigé) : cette cellule vient du plan, et une régénération la réécrit.',
      ),
    );
    expect(within(list).getAllByText(/hors du vocabulaire de la convention/)).toHaveLength(1);
  }, 120_000);

  it('names a note typed under the Journal lines as an error at its cell, saying where to move it', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    // The officer unprotected the Journal and typed a note under its lines.
    fake.seed.sheet('Journal', [['note perso']], 'A5');
    await statusRead();
    await readAgain();
    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(liveRegionOf('Vérification du classeur').textContent).toMatch(/^1 erreur\b/);
    const list = within(section).getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
    const button = within(list).getByRole('button', { name: 'Aller à Journal!A5' });
    const description = document.getElementById(button.getAttribute('aria-describedby')!)!.textContent;
    expect(description).toContain(
      fr('Erreur Journal, cellule A5 : « note perso » est sur une ligne que l’outil n’a pas écrite'),
    );
    expect(description).toContain(
      fr('à droite du tableau, après sa dernière colonne (L, « Partenaire »), ou dans une autre feuille'),
    );
  }, 120_000);

  it('goes to a value typed in the hidden _ctg: the sheet is shown, and the pane says so and to hide it again', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    // Someone unhid _ctg, typed a note far from the tools' cells, and hid it again.
    fake.seed.sheet('_ctg', [['à revoir']], 'H2');
    await statusRead();
    await readAgain();
    await clickValidate();
    const section = screen.getByRole('region', { name: 'Vérification du classeur' });
    const list = within(section).getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: 'Aller à _ctg!H2' }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: '_ctg', address: 'H2' }));
    expect(fake.inspect.sheets().find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Visible');
    await waitFor(() =>
      expect(liveRegionOf('Vérification du classeur').textContent).toContain(
        fr(
          'La feuille « _ctg » était masquée : elle est affichée pour montrer la cellule. Elle appartient au ' +
            'complément : déplacez-en la valeur signalée sans rien y changer d’autre, puis masquez-la de nouveau ' +
            '(clic droit sur son onglet, « Masquer »).',
        ),
      ),
    );
  }, 120_000);

  it('explains an Excel failure while selecting a cell (a cell being edited)', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    enterOnRow(fake, 'Axe 1', embeddedPlan().plan.axes[0].fiches[0].key, 'Avancement (%)', 150);
    await statusRead();
    await clickValidate();
    fake.setCellEditMode(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Aller à Axe 1!/ }));
    });
    await waitFor(() =>
      expect(liveRegionOf('Vérification du classeur').textContent).toContain(
        'Une cellule est en cours de modification',
      ),
    );
    expect(fake.inspect.selection()).toBeNull();
  }, 120_000);

  it('shows a renamed axis sheet as one entry that goes to the renamed sheet, a deleted one as an entry without link', async () => {
    const { fake, port } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').name = 'Axe 1 Parentalité';
      context.workbook.worksheets.getItem('Axe 13').delete();
      await context.sync();
    });
    const expected = await validateWorkbook(port, { today: TODAY });
    expect(expected.errors).toBe(2);
    await statusRead();
    await clickValidate();

    const list = within(screen.getByRole('region', { name: 'Vérification du classeur' })).getByRole('navigation', {
      name: 'Problèmes trouvés, par feuille et par fiche',
    });
    expect(within(list).getAllByText('Erreur')).toHaveLength(2);
    expect(within(list).getByRole('heading', { name: 'Axe 1 (1 erreur)' })).toBeTruthy();
    expect(within(list).getByRole('heading', { name: 'Axe 13 (1 erreur)' })).toBeTruthy();
    // The renamed sheet's entry links to it, described by its message; the deleted one's has no link (there is
    // nothing to show).
    expect(within(list).getByText(/semble être « Axe 1 » renommée/)).toBeTruthy();
    expect(within(list).getByText(/« Axe 13 » manque/)).toBeTruthy();
    const links = within(list).getAllByRole('button', { name: /^Aller à/ });
    expect(
      links.filter((link) => /Axe 1\b|Axe 13\b/.test(link.textContent ?? '')).map((link) => link.textContent),
    ).toEqual(['Aller à la feuille Axe 1 Parentalité']);
    const renamed = within(list).getByRole('button', { name: 'Aller à la feuille Axe 1 Parentalité' });
    expect(document.getElementById(renamed.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /semble être «\s?Axe 1\s?» renommée/,
    );
    await act(async () => {
      fireEvent.click(renamed);
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1 Parentalité', address: 'A1' }));
    expect(liveRegionOf('Vérification du classeur').textContent).not.toMatch(/Excel/);
  }, 120_000);

  it('marks the list out of date once the pane rewrote the workbook (Calculer), until it is checked again', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    await statusRead();
    await readAgain();
    await clickValidate();
    const outdated = /vérifiez-le à nouveau pour des résultats à jour/;
    const validation = screen.getByRole('region', { name: 'Vérification du classeur' });
    expect(within(validation).queryByText(outdated)).toBeNull();

    openTask('Trimestre');
    const followUp = await screen.findByRole('region', { name: 'Suivi du trimestre' }, { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(within(followUp).getByRole('button', { name: 'Calculer' }));
    });
    await waitFor(() => expect(liveRegionOf('Suivi du trimestre').textContent).toContain(fr('cumulés à 2026-T2')), {
      timeout: 60_000,
    });
    openTask('Vérification');
    expect(within(validation).getByText(outdated)).toBeTruthy();

    // Checked again (the figures' bars are progress bars too: wait for the note to go, not for the bars).
    await act(async () => {
      fireEvent.click(within(validation).getByRole('button', { name: 'Vérifier le classeur' }));
    });
    await within(validation).findByRole('navigation', {}, { timeout: 30_000 });
    expect(within(validation).queryByText(outdated)).toBeNull();
  }, 120_000);
});
