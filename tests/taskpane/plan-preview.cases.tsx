// Step 1 of the pane: the plan chosen is shown (axes, fiches, criteria, the reader's warnings) before any write.
import './support/jsdom-globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { App } from '../../src/taskpane/App';
import { embeddedPlan, renderMessage } from '../../src/app';
import { chooseEmbeddedPlan, paneLoaded } from './support/pane-on-fake';
import { queried } from './support/french';

const section = () => screen.getByRole('region', { name: 'Plan de la convention' });

describe('plan preview', () => {
  it('shows the embedded plan: every axis with its fiche and criterion counts, fiches listed on demand', async () => {
    render(<App workbook={null} />);
    await chooseEmbeddedPlan();
    const { plan, warnings } = embeddedPlan();
    const fiches = plan.axes.flatMap((axis) => axis.fiches);
    const criteria = fiches.flatMap((fiche) => fiche.criteria);
    expect(plan.axes).toHaveLength(13);
    expect(within(section()).getByText(`13 axes, ${fiches.length} fiches, ${criteria.length} critères`)).toBeTruthy();
    expect(within(section()).getByText('Territoire : Communauté de communes des Monts du Pilat')).toBeTruthy();
    expect(within(section()).getByText('Période : du 01/01/2026 au 31/12/2030')).toBeTruthy();

    // Axis 13 has six fiches; its header says so with the criteria of those fiches.
    const axis13 = plan.axes.find((axis) => axis.number === 13)!;
    const axis13Criteria = axis13.fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0);
    const header = screen.getByRole('button', { name: new RegExp(`^Axe 13 – `) });
    expect(header.textContent).toContain(`6 fiches, ${axis13Criteria} critères`);
    // Collapsed, then listed on click: each fiche with its key, title and criterion count.
    const first = axis13.fiches[0];
    const line = `${first.key} – ${first.title} (${first.criteria.length} critère${first.criteria.length > 1 ? 's' : ''})`;
    expect(screen.queryByText(line)).toBeNull();
    fireEvent.click(header);
    expect(screen.getByText(line)).toBeTruthy();
    expect(header.getAttribute('aria-expanded')).toBe('true');

    // The reader's warnings, grouped by kind with a count, each with its line and French message.
    expect(screen.getByRole('heading', { name: `Remarques de lecture (${warnings.length})` })).toBeTruthy();
    const spelling = warnings.filter((warning) => warning.code === 'commune-spelling');
    expect(spelling.length).toBeGreaterThan(1);
    const group = screen.getByRole('button', {
      name: new RegExp(`^Une commune est écrite autrement.*\\(${spelling.length}\\)$`),
    });
    fireEvent.click(group);
    const message = `Ligne ${spelling[0].line} : ${renderMessage(spelling[0].code, spelling[0].params)}`;
    expect(screen.getByText(queried(message))).toBeTruthy();
    // Nothing is offered to write without a workbook.
    expect((screen.getByRole('button', { name: 'Créer le classeur de suivi' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says in French that a pasted text without any fiche gives no plan', async () => {
    render(<App workbook={null} />);
    await paneLoaded();
    fireEvent.click(screen.getByRole('radio', { name: 'Coller le texte de la convention' }));
    const textarea = screen.getByRole('textbox', { name: /Texte de la convention/ });
    fireEvent.change(textarea, {
      target: {
        value: 'CONVENTION TERRITORIALE GLOBALE\nArticle 10 – Durée\ndu 1er janvier 2026 au 31 décembre 2030\n',
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lire le texte' }));
    const status = within(section()).getByRole('status');
    expect(status.textContent).toContain('Aucun plan n’a pu être lu');
    expect(status.textContent).toContain('Aucune fiche action trouvée');
    expect(screen.queryByText(/^Aperçu du plan$/)).toBeNull();
  });

  it('asks for the text when "Lire le texte" is pressed on an empty box', async () => {
    render(<App workbook={null} />);
    await paneLoaded();
    fireEvent.click(screen.getByRole('radio', { name: 'Coller le texte de la convention' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lire le texte' }));
    expect(within(section()).getByRole('status').textContent).toBe('Collez d’abord le texte de la convention.');
  });

  it('reads a convention text from a file the user opens', async () => {
    render(<App workbook={null} />);
    await paneLoaded();
    fireEvent.click(screen.getByRole('radio', { name: /Ouvrir un fichier/ }));
    const seed = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'));
    const file = new File([new Uint8Array(seed)], 'convention.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Fichier du plan'), { target: { files: [file] } });
    const { plan } = embeddedPlan();
    expect(await screen.findByText(/^13 axes, /)).toBeTruthy();
    expect(screen.getByText(`Territoire : ${plan.territory}`)).toBeTruthy();
  });
});
