// « Partenaires » › what the merge takes is what the officer sees chosen: a pasted sheet (never one of the tool's own)
// and the files picked are forgotten once a merge is applied or undone; a file picked twice is refused as the command
// line refuses it, and so is a pasted sheet of a picked file's name; a long returned text is shown by its start; « Annuler la dernière fusion » says there is none
// before asking; of several files' values for one cell, one only is taken, the one chosen.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { embeddedPlan } from '../../src/app';
import type { FakeExcel } from '../fake-excel';
import type { ExcelPort } from '../../src/excel';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook } from './support/shared-workbook';
import { fr, frQuery } from './support/french';
import { openTask, readAgain, renderPaneOnFake, statusRead } from './support/pane-on-fake';
import { noProgress, pick, returnedExtract, returnedFile } from './support/returned-file';

const PARTNER = 'Centre social Le Lien';
const PASTED = 'Retour courriel';

/**
 * A workbook generated in the pane's Excel, the partner named on the first fiche, a table pasted in a sheet of its
 * own (`Retour courriel`: the first fiche « En cours »), the « Partenaires » task open.
 */
async function paneWithPastedTable(): Promise<{ fake: FakeExcel; port: ExcelPort; fiche: string }> {
  const { fake, port } = renderPaneOnFake();
  const { plan } = embeddedPlan();
  await openGeneratedWorkbook(fake);
  const fiche = plan.axes[0].fiches[0].key;
  fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche, 'Partenaires'));
  fake.seed.sheet(PASTED, [
    ['Clé', 'Statut'],
    [fiche, 'En cours'],
  ]);
  await statusRead();
  await readAgain();
  openTask('Partenaires');
  return { fake, port, fiche };
}

const mergeSection = () => screen.getByRole('region', { name: 'Fusion des retours' });
const sheetChoice = (section: HTMLElement) => within(section).getByRole('combobox') as HTMLSelectElement;

async function click(button: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(button);
  });
}

/** Chooses the pasted sheet and names its partner. */
function choosePasted(section: HTMLElement): void {
  fireEvent.change(sheetChoice(section), { target: { value: PASTED } });
  fireEvent.change(within(section).getByRole('textbox', { name: /Partenaire qui a renvoyé Retour courriel/ }), {
    target: { value: PARTNER },
  });
}

async function previewThenApply(section: HTMLElement): Promise<void> {
  await click(within(section).getByRole('button', { name: 'Voir les changements' }));
  await noProgress(section);
  await click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
  await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
}

describe('what the pane merges', () => {
  it('offers for a pasted table only the sheets that are not the tool’s', async () => {
    await paneWithPastedTable();
    const offered = [...sheetChoice(mergeSection()).options].map((option) => option.value);
    expect(offered).toEqual(['', PASTED]);
  }, 240_000);

  it('forgets the pasted sheet and the files chosen once a merge is applied, and once it is undone', async () => {
    const { fake, port, fiche } = await paneWithPastedTable();
    const status = cellOfRow(fake, 'Axe 1', fiche, 'Statut');
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche, header: 'Difficultés', value: 'Locaux trop petits' }],
      'retour-lien.xlsx',
    );
    const section = mergeSection();
    choosePasted(section);
    await pick(section, [returned]);
    fireEvent.change(await within(section).findByRole('textbox', { name: /retour-lien\.xlsx/ }), {
      target: { value: PARTNER },
    });
    await previewThenApply(section);
    expect(fake.inspect.values('Axe 1', status)[0][0]).toBe('En cours');
    // Nothing is chosen any more: the next merge takes only what is chosen for it.
    expect(sheetChoice(section).value).toBe('');
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(section.textContent).not.toContain(fr('retour-lien.xlsx : extrait'));

    // Chosen again, then the last merge undone: its « En cours » is gone, and the choice with it.
    choosePasted(section);
    const undo = screen.getByRole('region', { name: 'Annuler la dernière fusion' });
    await click(within(undo).getByRole('button', { name: 'Annuler la dernière fusion' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    await click(within(dialog).getByRole('button', { name: 'Annuler la fusion', hidden: true }));
    await waitFor(() => expect(undo.textContent).toContain('Fusion annulée'), { timeout: 60_000 });
    expect(fake.inspect.values('Axe 1', status)[0][0] ?? '').toBe('');
    expect(sheetChoice(mergeSection()).value).toBe('');
    expect(within(mergeSection()).queryByRole('textbox')).toBeNull();
  }, 240_000);

  it('refuses a file picked twice as the command line does, and shows a long text by its start', async () => {
    const { fake, port, fiche } = await paneWithPastedTable();
    const long = 'Locaux trop petits'.padEnd(300, '.');
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche, header: 'Difficultés', value: long }],
      'retour-lien.xlsx',
    );
    const section = mergeSection();
    await pick(section, [returned, returned]);
    await waitFor(() =>
      expect(section.textContent).toContain(
        fr(
          'retour-lien.xlsx est choisi deux fois parmi les fichiers renvoyés : choisissez chaque fichier une seule fois.',
        ),
      ),
    );
    for (const box of within(section).getAllByRole('textbox')) fireEvent.change(box, { target: { value: PARTNER } });
    await click(within(section).getByRole('button', { name: 'Voir les changements' }));
    await noProgress(section);
    expect(within(section).queryByRole('article')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Appliquer la fusion' })).toBeNull();

    await pick(section, [returned]);
    fireEvent.change(await within(section).findByRole('textbox', { name: /retour-lien\.xlsx/ }), {
      target: { value: PARTNER },
    });
    await click(within(section).getByRole('button', { name: 'Voir les changements' }));
    await noProgress(section);
    const preview = within(section).getByRole('article', { name: 'retour-lien.xlsx' });
    expect(preview.textContent).toContain(fr(`« ${long.slice(0, 120)}… » sur 300 caractères`));
    expect(preview.textContent).not.toContain(long);
    expect(fake.inspect.values('Axe 1', cellOfRow(fake, 'Axe 1', fiche, 'Difficultés'))[0][0] ?? '').toBe('');
  }, 240_000);

  it('refuses a pasted sheet that bears the name of a file picked, before any preview', async () => {
    const { fake, port, fiche } = await paneWithPastedTable();
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche, header: 'Statut', value: 'Réalisée' }],
      'retour.xlsx',
    );
    fake.seed.sheet('retour.xlsx', [
      ['Clé', 'Statut'],
      [fiche, 'Reportée'],
    ]);
    await statusRead();
    await readAgain();
    const section = mergeSection();
    await pick(section, [returned]);
    await within(section).findByRole('textbox', { name: /Partenaire qui a renvoyé retour\.xlsx/ });
    fireEvent.change(sheetChoice(section), { target: { value: 'retour.xlsx' } });
    for (const box of within(section).getAllByRole('textbox')) fireEvent.change(box, { target: { value: PARTNER } });
    expect(section.textContent).toContain(
      fr(
        'La feuille retour.xlsx porte le nom d’un fichier choisi : l’aperçu ne pourrait pas dire lequel des deux ' +
          'renvoie chaque valeur. Renommez la feuille dans Excel et cliquez sur « Relire le classeur », ou ' +
          'choisissez une autre feuille.',
      ),
    );
    await click(within(section).getByRole('button', { name: 'Voir les changements' }));
    await noProgress(section);
    expect(within(section).queryByRole('article')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Appliquer la fusion' })).toBeNull();

    // The file alone is previewed once, under its name.
    fireEvent.change(sheetChoice(section), { target: { value: '' } });
    expect(section.textContent).not.toContain('porte le nom d’un fichier choisi');
    await click(within(section).getByRole('button', { name: 'Voir les changements' }));
    await noProgress(section);
    expect(within(section).getAllByRole('article')).toHaveLength(1);
    within(section).getByRole('article', { name: 'retour.xlsx' });
  }, 240_000);

  it('says there is no merge to undo before asking to undo one', async () => {
    await paneWithPastedTable();
    const undo = screen.getByRole('region', { name: 'Annuler la dernière fusion' });
    await click(within(undo).getByRole('button', { name: 'Annuler la dernière fusion' }));
    await waitFor(() => expect(undo.textContent).toContain('Aucune fusion à annuler dans ce classeur.'), {
      timeout: 60_000,
    });
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
  }, 240_000);

  it('takes of several files’ values for one cell the one chosen only, each choice naming its file', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0].key;
    const OTHER = 'Association Les Pousses';
    fake.seed.sheet('Axe 1', [[`${PARTNER} ; ${OTHER}`]], cellOfRow(fake, 'Axe 1', fiche, 'Partenaires'));
    // The officer typed « En cours » since: each partner's Statut is a conflict.
    const status = cellOfRow(fake, 'Axe 1', fiche, 'Statut');
    fake.seed.sheet('Axe 1', [['En cours']], status);
    await statusRead();
    const lien = await returnedExtract(
      port,
      PARTNER,
      [{ key: fiche, header: 'Statut', value: 'Réalisée' }],
      'lien.xlsx',
    );
    const pousses = await returnedExtract(
      port,
      OTHER,
      [{ key: fiche, header: 'Statut', value: 'Reportée' }],
      'pousses.xlsx',
    );
    await readAgain();
    openTask('Partenaires');
    const section = mergeSection();
    await pick(section, [lien, pousses]);
    await within(section).findByText(`pousses.xlsx : extrait de ${OTHER}`);
    await click(within(section).getByRole('button', { name: 'Voir les changements' }));
    await noProgress(section);

    // Each conflict says which values the files give for the cell, and its choice names its file.
    const several = fr(
      'Plusieurs fichiers renvoient une valeur pour cette cellule ; une seule peut être prise : ' +
        '« Réalisée » (lien.xlsx), « Reportée » (pousses.xlsx). En prendre une laisse les autres.',
    );
    const lienText = within(section).getByRole('article', { name: 'lien.xlsx' }).textContent ?? '';
    expect(lienText).toContain(several);
    // Why it is held says the officer's value and that another file gives another, whose value that line names.
    expect(lienText).toContain(
      fr('Le classeur a déjà une autre valeur ; un autre fichier renvoyé de cette fusion donne une autre valeur.'),
    );
    expect(lienText.split(fr('« Reportée » (pousses.xlsx)')).length - 1).toBe(1);
    const choiceOf = (file: string) =>
      within(section).getByRole('radiogroup', { name: frQuery(`Valeur à garder pour ${fiche}, Statut (${file})`) });
    const radio = (file: string, name: string) =>
      within(choiceOf(file)).getByRole('radio', { name }) as HTMLInputElement;
    const TAKE = 'Prendre la valeur renvoyée';
    const KEEP = 'Garder la valeur du classeur';

    // Taking one file's value keeps the other's: one value is chosen for the cell.
    fireEvent.click(radio('pousses.xlsx', TAKE));
    fireEvent.click(radio('lien.xlsx', TAKE));
    expect(radio('lien.xlsx', TAKE).checked).toBe(true);
    expect(radio('pousses.xlsx', KEEP).checked).toBe(true);

    await click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    expect(fake.inspect.values('Axe 1', status)[0][0]).toBe('Réalisée');
  }, 240_000);
});
