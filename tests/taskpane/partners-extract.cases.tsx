// « Partenaires » › extracts: the open workbook's recipients listed by kind, ticked, then one file each, named as
// the command line names it, holding that recipient's rows only, with the e-mail's text ready to copy.
import './support/jsdom-globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { embeddedPlan, extractFileName } from '../../src/app';
import { gridText } from '../../src/domain/grid';
import { readFileBytes } from '../../src/taskpane/common/read-file-bytes';
import { readXlsx } from '../../src/xlsx/reader';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook } from './support/shared-workbook';
import { watchDownloads } from './support/downloads';
import { fr } from './support/french';
import { openTask, readAgain, renderPaneOnFake, statusRead } from './support/pane-on-fake';

const PARTNER = 'Centre social Le Lien';

/** The row keys of an .xlsx file's axis sheets, in order (the rows under each sheet's « Clé » header). */
/** The pane read again, its « Partenaires » task opened and its recipients asked for: the extracts' section. */
async function showRecipients(): Promise<HTMLElement> {
  await statusRead();
  await readAgain();
  openTask('Partenaires');
  const section = screen.getByRole('region', { name: 'Extraits pour les partenaires' });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Afficher les destinataires' }));
  });
  return section;
}

async function axisKeysOf(blob: Blob): Promise<string[]> {
  const read = readXlsx(await readFileBytes(blob));
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids.sheets
    .filter((sheet) => sheet.name.startsWith('Axe '))
    .flatMap((sheet) => {
      const grid = sheet as Parameters<typeof gridText>[0];
      const header = grid.rows.findIndex((row) => row?.[0]?.value === 'Clé') + 1;
      return grid.rows.slice(header).flatMap((_, index) => {
        const key = gridText(grid, header + index + 1, 1);
        return key === '' ? [] : [key];
      });
    });
}

describe('extracts for the partners from the pane', () => {
  it('lists the recipients by kind, makes the ticked one’s file with its rows only, and its e-mail text to copy', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const section = await showRecipients();
    const partners = await within(section).findByRole('group', { name: 'Partenaires' }, { timeout: 60_000 });
    const communes = within(section).getByRole('group', { name: 'Communes' });
    expect(within(communes).getAllByRole('checkbox').length).toBeGreaterThan(2);
    expect(within(section).getByRole('group', { name: 'Porteurs' })).toBeTruthy();
    // « Tout cocher » ticks every commune, and unticks them again.
    const allCommunes = within(communes).getByRole('checkbox', { name: 'Tout cocher' });
    fireEvent.click(allCommunes);
    expect(
      within(communes)
        .getAllByRole('checkbox')
        .every((box) => (box as HTMLInputElement).checked),
    ).toBe(true);
    fireEvent.click(allCommunes);
    expect(
      within(communes)
        .getAllByRole('checkbox')
        .some((box) => (box as HTMLInputElement).checked),
    ).toBe(false);

    fireEvent.click(within(partners).getByRole('checkbox', { name: PARTNER }));
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Préparer les extraits' }));
    });
    const extract = await within(section).findByRole('article', { name: PARTNER }, { timeout: 60_000 });
    const name = extractFileName(plan.territory, PARTNER, { year: 2026, q: 2 });
    expect(extract.textContent).toContain(`${fr('Fichier prêt :')} ${name}`);
    expect(within(section).getAllByRole('article')).toHaveLength(1);

    // The e-mail's words, read-only, and « Copier le texte » through the clipboard.
    const text = within(extract).getByRole('textbox', {
      name: `Texte du courriel pour ${PARTNER}`,
    }) as HTMLTextAreaElement;
    expect(text.readOnly).toBe(true);
    expect(text.value).toContain(`préparé pour «\u00a0${PARTNER}\u00a0»`);
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      await act(async () => {
        fireEvent.click(within(extract).getByRole('button', { name: 'Copier le texte' }));
      });
      expect(writeText).toHaveBeenCalledWith(text.value);
      expect(extract.textContent).toContain(fr('Texte copié : collez-le dans le courriel.'));
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    }
    // Without a clipboard, the text stays there to select, and the pane says so.
    await act(async () => {
      fireEvent.click(within(extract).getByRole('button', { name: 'Copier le texte' }));
    });
    expect(extract.textContent).toContain('sélectionnez-le dans la zone ci-dessus');

    // « Enregistrer »: the file holds the partner's fiche and its criteria, nothing else.
    const downloads = watchDownloads();
    try {
      fireEvent.click(within(extract).getByRole('button', { name: 'Enregistrer' }));
      expect(downloads.clicks.map((click) => click.name)).toEqual([name]);
      const keys = await axisKeysOf(downloads.blobs.get(downloads.clicks[0].url)!);
      expect(keys).toEqual([fiche.key, ...fiche.criteria.map((criterion) => criterion.key)]);
    } finally {
      downloads.restore();
    }
  }, 180_000);

  it('warns when a quarter ended after the workbook’s would be left out, and the e-mail asks for the file at once', async () => {
    // Generated in 2026-T2, opened again in 2026-T4: 2026-T3 has ended too, and the extracts would not open it.
    const later = new Date('2026-11-20T10:00:00Z');
    const { fake } = renderPaneOnFake({ today: () => later });
    await openGeneratedWorkbook(fake);
    const section = await showRecipients();
    const communes = await within(section).findByRole('group', { name: 'Communes' }, { timeout: 60_000 });
    expect(section.textContent).toContain(
      'Paramètres, cellule B9\u00a0: les extraits s’arrêtent au trimestre en cours, 2026-T2, alors que 2026-T3 est ' +
        'déjà terminé\u00a0; les partenaires ne pourront pas y saisir leurs valeurs. Pour les leur demander, passez ' +
        'd’abord le trimestre en cours à 2026-T3, le dernier terminé, puis refaites les extraits.',
    );
    expect(section.textContent).not.toContain('Clôturez');
    fireEvent.click(within(communes).getByRole('checkbox', { name: 'Graix' }));
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Préparer les extraits' }));
    });
    const extract = await within(section).findByRole('article', { name: 'Graix' }, { timeout: 60_000 });
    const text = within(extract).getByRole('textbox', { name: 'Texte du courriel pour Graix' }) as HTMLTextAreaElement;
    expect(text.value).toContain(
      'en réponse à ce message, dès que possible\u00a0: le trimestre 2026-T2 s’est terminé le 30/06/2026.',
    );
    expect(text.value).not.toContain('dès la fin du trimestre');
  }, 180_000);

  it('says of personal data in an extract what a pane user can do: erase it in the workbook, then make it again', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    const criterion = fiche.criteria[0];
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    // The officer's own field, which the extract carries as the workbook holds it.
    fake.seed.sheet(
      'Axe 1',
      [['familles (liste : mairie@jonzieux.fr)']],
      cellOfRow(fake, 'Axe 1', criterion.key, 'Unité'),
    );
    const section = await showRecipients();
    const partners = await within(section).findByRole('group', { name: 'Partenaires' }, { timeout: 60_000 });
    fireEvent.click(within(partners).getByRole('checkbox', { name: PARTNER }));
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Préparer les extraits' }));
    });
    const extract = await within(section).findByRole('article', { name: PARTNER }, { timeout: 60_000 });
    expect(within(extract).getByRole('listitem').textContent).toBe(
      fr(
        `Ligne ${criterion.key}, colonne « Unité » : le texte semble contenir une adresse électronique, et l’extrait ` +
          'le contient tel quel, dans sa cellule et dans sa feuille cachée « _ctg » (les valeurs envoyées). Si c’est ' +
          'une donnée personnelle, l’effacer dans l’extrait ne suffit pas : effacez-la du classeur de suivi, puis ' +
          'refaites l’extrait (« Préparer les extraits »).',
      ),
    );
    expect(section.textContent).not.toContain('--');
  }, 180_000);

  it('says which ticked recipient the workbook no longer has, rather than nothing, when the extracts are asked for', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const partnersCell = cellOfRow(fake, 'Axe 1', plan.axes[0].fiches[0].key, 'Partenaires');
    fake.seed.sheet('Axe 1', [[PARTNER]], partnersCell);
    const section = await showRecipients();
    const partners = await within(section).findByRole('group', { name: 'Partenaires' }, { timeout: 60_000 });
    fireEvent.click(within(partners).getByRole('checkbox', { name: PARTNER }));
    // The officer renames the partner in the workbook after the list was shown.
    fake.seed.sheet('Axe 1', [['Centre social du Pilat']], partnersCell);
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Préparer les extraits' }));
    });
    await within(section).findByText(/n’est plus parmi les destinataires/, {}, { timeout: 60_000 });
    expect(section.textContent).toContain(
      fr(
        `« ${PARTNER} » n’est plus parmi les destinataires du classeur, qui a changé depuis l’affichage de la liste : ` +
          'pas d’extrait pour ce destinataire. « Afficher les destinataires » met la liste à jour.',
      ),
    );
    expect(within(section).queryByRole('article')).toBeNull();
  }, 180_000);

  it('refused for the workbook’s errors, says how many in its live line and lists them below with links', async () => {
    const { fake } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const criteria = plan.axes[0].fiches[0].criteria.filter((criterion) => criterion.kind === 'quantitative');
    const cells = criteria.map((criterion) => cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'));
    for (const cell of cells) fake.seed.sheet('Axe 1', [['beaucoup']], cell);
    const section = await showRecipients();
    const list = await within(section).findByRole(
      'navigation',
      { name: 'Ce qui empêche de préparer les extraits, par feuille et par fiche' },
      { timeout: 60_000 },
    );
    // What a screen reader announces: the refusal and its counts, not every problem.
    const said = within(section)
      .getAllByRole('status')
      .map((region) => region.textContent)
      .join(' ');
    expect(said).toContain(
      fr(`Aucun extrait ne peut être préparé :${cells.length} erreurs, 0 avertissement : voir la liste ci-dessous`),
    );
    expect(said).not.toContain('beaucoup');
    // Each problem listed by sheet and fiche, its link selecting the cell in Excel.
    expect(within(list).getAllByRole('button', { name: /^Aller à Axe 1!/ })).toHaveLength(cells.length);
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${cells[0]}` }));
    });
    expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: cells[0] });
  }, 180_000);
});
