// The pane's « Bilans » task on a tracking workbook open in the fake Excel, closed quarter by quarter (2026-T1 to
// 2026-T4, current 2027-T1): the kind, the year of an annual bilan (the convention's years, the current quarter's by
// default) and the CDSF's part chosen; « Créer le bilan » sums the bilan up — its period and whether it is over, the
// plan's and each axis's figures, the fiches per status — and offers its workbook as « Enregistrer » and « Ouvrir
// dans Excel », the open workbook untouched; a workbook with errors gets no bilan, the errors said.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { bilanSheets, buildBilan, ratesOf, type Bilan } from '../../src/app/bilan';
import type { WorkbookPort } from '../../src/app/port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookGrids } from '../../src/domain/grid';
import type { FakeContext } from '../fake-excel';
import { readFileBytes } from '../../src/taskpane/common/read-file-bytes';
import { percent } from '../../src/taskpane/texts';
import { bilanDay, closedWorkbook } from '../bilan/helpers/closed-workbook';
import { gridsOf } from '../xlsx-patch/helpers';
import { cellOfRow } from './support/cell-of-row';
import { watchDownloads } from './support/downloads';
import { fr } from './support/french';
import { openTask, readAgain, renderPaneOnFake, statusRead } from './support/pane-on-fake';

const HEADING = 'Bilan de la convention';
let closed: WorkbookGrids;

beforeAll(async () => {
  closed = await closedWorkbook();
}, 90_000);

/** The closed workbook written into the fake's open workbook (compute rewrites it whole, every value kept). */
async function openClosedWorkbook(port: WorkbookPort): Promise<void> {
  await act(async () => {
    const outcome = await computeAndWrite(
      { read: async () => closed, write: (spec) => port.write(spec) },
      {
        now: bilanDay,
      },
    );
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  });
  await statusRead();
  await readAgain();
}

async function openBilans(): Promise<HTMLElement> {
  openTask('Bilans');
  return screen.getByRole('region', { name: HEADING });
}

async function createBilan(section: HTMLElement): Promise<void> {
  fireEvent.click(within(section).getByRole('button', { name: 'Créer le bilan' }));
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
}

/** The bilan of the open workbook, by the use case itself: the pane must show its figures. */
async function bilanOf(port: WorkbookPort, kind: Bilan['period']['kind'], year: number | null, cdsf: boolean) {
  const outcome = await buildBilan(await port.read({ sheets: bilanSheets }), {
    kind,
    ...(year === null ? {} : { year }),
    cdsf,
    today: bilanDay,
  });
  if (!outcome.ok) throw new Error('refused');
  return outcome.bilan;
}

const rates = (counts: Bilan['plan']) => {
  const r = ratesOf(counts);
  return `renseignement de la période ${percent(r.fillPeriod)} (cumulé ${percent(r.fillCumulative)}) ; réalisation ${percent(r.achievement)}`;
};

const figureLines = (section: HTMLElement) =>
  within(within(section).getByRole('list', { name: 'Chiffres de la période' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('a bilan from the pane', () => {
  it('makes the annual bilan of a year, sums it up, and offers its workbook to save or open', async () => {
    const downloads = watchDownloads();
    try {
      const { fake, port } = renderPaneOnFake({ today: () => bilanDay });
      await openClosedWorkbook(port);
      const sheetsBefore = fake.inspect.sheetNames();
      // Offered with a tracking workbook, after checking and before creating.
      const tabs = screen.getAllByRole('tab');
      expect(tabs).toHaveLength(6);
      ['Trimestre', 'Partenaires', 'Vérification', 'Bilans', 'Création', 'Consolidation'].forEach((name, index) =>
        expect(tabs[index]).toBe(screen.getByRole('tab', { name })),
      );
      const section = await openBilans();

      // The convention's years, the current quarter's (2027-T1) chosen.
      const year = within(section).getByRole('combobox', { name: 'Année' }) as HTMLSelectElement;
      expect([...year.options].map((option) => option.value)).toEqual(['2026', '2027', '2028', '2029', '2030']);
      expect(year.value).toBe('2027');
      fireEvent.change(year, { target: { value: '2026' } });
      await createBilan(section);

      const bilan = await bilanOf(port, 'annual', 2026, false);
      expect(within(section).getAllByRole('status')[0].textContent).toContain(
        fr('Bilan prêt : Bilan annuel 2026 – Monts du Pilat.'),
      );
      expect(section.textContent).toContain(fr('Période de 2026-T1 à 2026-T4 : terminée.'));
      expect(figureLines(section)).toEqual([
        fr(`Ensemble du plan (${bilan.plan.fiches} fiches) : ${rates(bilan.plan)}`),
        ...bilan.axes.map((axis) =>
          fr(`Axe ${axis.number} – ${axis.title} (${axis.counts.fiches} fiches) : ${rates(axis.counts)}`),
        ),
      ]);
      const s = bilan.plan.statuses;
      expect(section.textContent).toContain(
        fr(
          `Fiches à la fin de la période : ${s.notStarted} non démarrée, ${s.inProgress} en cours, ${s.done} réalisée, ` +
            `${s.postponed} reportée, ${s.abandoned} abandonnée, ${bilan.plan.fiches - Object.values(s).reduce((a, b) => a + b, 0)} sans statut ; ` +
            `${bilan.plan.fichesWithDifficulties} avec des difficultés.`,
        ),
      );

      // « Enregistrer »: the bilan's workbook under the command line's name; « Ouvrir dans Excel »: the same bytes.
      const name = 'bilan-annuel-2026-monts-du-pilat.xlsx';
      expect(section.textContent).toContain(fr(`Fichier prêt : ${name}`));
      fireEvent.click(within(section).getByRole('button', { name: 'Enregistrer' }));
      expect(downloads.clicks.map((click) => click.name)).toEqual([name]);
      const saved = await readFileBytes(downloads.blobs.get(downloads.clicks[0].url)!);
      const grids = gridsOf(saved);
      expect(grids.sheets.map((sheet) => sheet.name)).toEqual(['Synthèse', 'Fiches', 'Compétences AO']);
      const synthesis = grids.sheets[0];
      const texts = ('rows' in synthesis ? synthesis.rows : []).flatMap((row) => row ?? []).map((cell) => cell?.value);
      expect(texts).toContain('Bilan annuel 2026 – Monts du Pilat');
      await act(async () => {
        fireEvent.click(within(section).getByRole('button', { name: 'Ouvrir dans Excel' }));
      });
      await waitFor(() => expect(fake.createdWorkbooks()).toEqual([Buffer.from(saved).toString('base64')]));
      // The open workbook was only read.
      expect(fake.inspect.sheetNames()).toEqual(sheetsBefore);
    } finally {
      downloads.restore();
    }
  }, 180_000);

  it('makes the CDSF’s final bilan, says once that the period is not over, and asks no year', async () => {
    const { port } = renderPaneOnFake({ today: () => bilanDay });
    await openClosedWorkbook(port);
    const section = await openBilans();
    fireEvent.click(within(section).getByRole('radio', { name: 'Final (toute la convention)' }));
    expect(within(section).queryByRole('combobox', { name: 'Année' })).toBeNull();
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Volet petite enfance (CDSF)' }));
    await createBilan(section);

    const bilan = await bilanOf(port, 'final', null, true);
    expect(section.textContent).toContain(
      fr('Bilan prêt : Bilan final – Monts du Pilat – volet petite enfance (CDSF).'),
    );
    expect(section.textContent).toContain(
      fr('Période de 2026-T1 à 2030-T4 : en cours, chiffres arrêtés au trimestre en cours (2027-T1).'),
    );
    expect(figureLines(section)[0]).toBe(fr(`Ensemble du plan (2 fiches) : ${rates(bilan.plan)}`));
    // Said once, in the summary: not again as a warning.
    expect(section.textContent).not.toContain('Période en cours');
    expect(section.textContent).toContain(fr('Fichier prêt : bilan-final-cdsf-monts-du-pilat.xlsx'));
  }, 180_000);

  it('says a year whose last quarter was closed before its end is in progress, and until when', async () => {
    // 5 December 2026: 2026-T4 closed early (the workbook's current quarter is 2027-T1).
    const { port } = renderPaneOnFake({ today: () => new Date('2026-12-05T10:00:00Z') });
    await openClosedWorkbook(port);
    const section = await openBilans();
    fireEvent.change(within(section).getByRole('combobox', { name: 'Année' }), { target: { value: '2026' } });
    await createBilan(section);
    expect(section.textContent).toContain(fr('Période de 2026-T1 à 2026-T4 : en cours, chiffres arrêtés à 2026-T4.'));
    expect(section.textContent).not.toContain('terminée');
    expect(section.textContent).toContain(
      // The warning, as the catalogue words it (quarters with their plain hyphen).
      'Période en cours\u00a0: elle se termine le 31/12/2026, bien que le classeur soit déjà passé au trimestre 2027-T1.',
    );
  }, 180_000);

  it('makes no bilan of a workbook with errors: says how many, and lists them below with links', async () => {
    const { fake, port } = renderPaneOnFake({ today: () => bilanDay });
    await openClosedWorkbook(port);
    const statusCell = cellOfRow(fake, 'Axe 1', 'G1', 'Statut');
    fake.seed.sheet('Axe 1', [['Peut-être']], statusCell);
    const section = await openBilans();
    await createBilan(section);
    // What a screen reader announces: the refusal and its counts, not every problem.
    const said = within(section).getAllByRole('status')[0].textContent ?? '';
    expect(said).toContain(fr('Aucun bilan n’a été fait :1 erreur, 0 avertissement : voir la liste ci-dessous'));
    expect(said).not.toContain('Peut-être');
    const list = within(section).getByRole('navigation', { name: 'Ce qui empêche le bilan, par feuille et par fiche' });
    expect(list.textContent).toContain('Peut-être');
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${statusCell}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: statusCell }));
    expect(within(section).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
  }, 180_000);

  it('names an axis sheet renamed by hand, as « Vérification » does, and links to it', async () => {
    const { fake, port } = renderPaneOnFake({ today: () => bilanDay });
    await openClosedWorkbook(port);
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').name = 'Axe 1 (RPE)';
      await context.sync();
    });
    await readAgain();
    const section = await openBilans();
    await createBilan(section);
    const list = within(section).getByRole('navigation', { name: 'Ce qui empêche le bilan, par feuille et par fiche' });
    expect(list.textContent).toContain(
      fr(
        'La feuille « Axe 1 » manque. La feuille « Axe 1 (RPE) » semble être « Axe 1 » renommée : rendez-lui son nom.',
      ),
    );
    expect(within(list).getByRole('button', { name: 'Aller à la feuille Axe 1 (RPE)' })).toBeTruthy();
    expect(fake.inspect.sheetNames()).toContain('Axe 1 (RPE)');
  }, 180_000);
});
