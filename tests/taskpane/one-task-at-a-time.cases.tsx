// One action on the open workbook at a time: while « Calculer » runs, the actions of the other tabs that read or
// write the workbook wait (their buttons unavailable, a line saying which tab works), and come back once it is done.
// Without it, a merge undone or a workbook rebuilt during a compute read the workbook half written.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openGeneratedWorkbook } from './support/shared-workbook';
import { fr } from './support/french';
import { openTask, readAgain, renderPaneOnFake, statusRead } from './support/pane-on-fake';

/** Whether the button named `name` in the region `region` can be pressed (Fluent keeps it focusable when not). */
function available(region: string, name: string): boolean {
  const button = within(screen.getByRole('region', { name: region })).getByRole('button', { name });
  return button.getAttribute('aria-disabled') !== 'true' && !(button as HTMLButtonElement).disabled;
}

describe('one action on the open workbook at a time', () => {
  it('makes the other tabs wait while « Calculer » runs, then gives their actions back', async () => {
    const { fake, port } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    await statusRead();
    await readAgain();

    // The next read of the workbook waits until released: « Calculer » stays running meanwhile.
    const read = port.read.bind(port) as typeof port.read;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    port.read = (async (...args: Parameters<typeof port.read>) => {
      reads += 1;
      await held;
      return read(...args);
    }) as typeof port.read;

    openTask('Trimestre');
    fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    await screen.findByRole('progressbar', { name: 'Calcul en cours…' });
    expect(reads).toBe(1);

    openTask('Partenaires');
    expect(available('Extraits pour les partenaires', 'Afficher les destinataires')).toBe(false);
    expect(available('Annuler la dernière fusion', 'Annuler la dernière fusion')).toBe(false);
    expect(available('Fusion des retours', 'Voir les changements')).toBe(false);
    // The tab says why, and which tab works.
    const panel = screen.getByRole('tabpanel', { name: 'Partenaires' });
    expect(panel.textContent).toContain(
      fr('Une action de l’onglet « Trimestre » est en cours sur le classeur : attendez qu’elle se termine.'),
    );
    // Pressed anyway: nothing starts.
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la dernière fusion' }));
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les destinataires' }));
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    expect(reads).toBe(1);

    openTask('Vérification');
    expect(available('Vérification du classeur', 'Vérifier le classeur')).toBe(false);
    openTask('Bilans');
    expect(available('Bilan de la convention', 'Créer le bilan')).toBe(false);
    openTask('Création');
    fireEvent.click(screen.getByRole('radio', { name: /Plan intégré/ }));
    expect(available('Classeur de suivi', 'Créer le classeur de suivi')).toBe(false);
    // Files only, not the open workbook: still offered.
    expect(available('Classeur en fichier', 'Créer le classeur en fichier')).toBe(true);

    await act(async () => release());
    openTask('Trimestre');
    const quarter = screen.getByRole('region', { name: 'Suivi du trimestre' });
    await waitFor(() => expect(quarter.textContent).toContain('ensemble du plan'), { timeout: 20_000 });

    openTask('Partenaires');
    expect(available('Annuler la dernière fusion', 'Annuler la dernière fusion')).toBe(true);
    expect(screen.getByRole('tabpanel', { name: 'Partenaires' }).textContent).not.toContain('est en cours sur');
    openTask('Vérification');
    expect(available('Vérification du classeur', 'Vérifier le classeur')).toBe(true);
  }, 120_000);
});
