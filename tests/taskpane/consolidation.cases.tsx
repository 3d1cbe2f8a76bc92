// The pane's « Consolidation » task: territories' workbooks picked in two dialogs (three territories, an earlier
// copy of one, a damaged file), an impossible quarter refused, the progress shown file by file, then the summary a
// Caf reads — each territory's rates against rates this test computes from the files' own cells, the file left out
// with the reader's reason, the copy dropped and why, the name outside the vocabulary — and the consolidation
// workbook offered as « Enregistrer » and « Ouvrir dans Excel ».
import './support/jsdom-globals';
import ExcelJS from 'exceljs';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderMessage } from '../../src/app';
import { readFileBytes } from '../../src/taskpane/common/read-file-bytes';
import * as picked from '../../src/taskpane/consolidation/consolidate-picked';
import { readXlsx } from '../../src/xlsx/reader';
import { fichesOf, independentCounts, quartersOf } from '../consolidation/helpers/independent-figures';
import { bonnet, forez, pilat, pilatEarlier, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { watchDownloads } from './support/downloads';
import { fr } from './support/french';
import { openTask, renderPaneOnFake, statusRead } from './support/pane-on-fake';
import { XLSX_TYPE } from './support/returned-file';
const HEADING = 'Consolidation des territoires';

const bytes = new Map<string, Uint8Array>();
/** A picked file; picked again from another dialog, it is the same file (same name, size and date). */
const fileOf = (name: string) =>
  new File([bytes.get(name)! as BlobPart], name, { type: XLSX_TYPE, lastModified: Date.UTC(2026, 4, 1) });

beforeAll(async () => {
  for (const spec of [pilat, pilatEarlier, forez, bonnet]) bytes.set(spec.name, await territoryBytes(spec));
  bytes.set('abime.xlsx', bytes.get(pilat.name)!.slice(0, 600));
  bytes.set(
    'sans-trimestre.xlsx',
    await editXlsx(bytes.get(pilat.name)!, [{ sheet: 'Paramètres', cell: 'B9', value: '' }]),
  );
  // A consolidation workbook, told by its sheets.
  const consolidation = new ExcelJS.Workbook();
  consolidation.addWorksheet('Territoires');
  consolidation.addWorksheet('Fichiers écartés');
  bytes.set('consolidation-ctg-2027-03-01.xlsx', new Uint8Array(await consolidation.xlsx.writeBuffer()));
}, 120_000);

/** A rate as the pane writes it (0 and 100 % whole, else one decimal), from a numerator and a denominator counted here. */
function pct(part: number, whole: number): string {
  if (whole === 0) return '—';
  if (part === 0 || part === whole) return `${part === 0 ? 0 : 100} %`;
  return `${((part / whole) * 100).toFixed(1).replace('.', ',')} %`;
}

/** The counts of a territory's file at `quarter`, from its cells, by the test's own reading (docs/DOMAIN.md). */
function countsOf(name: string, quarter: string) {
  const grids = gridsOf(bytes.get(name)!);
  return independentCounts(fichesOf(grids), quartersOf(grids), quarter);
}

type Counts = ReturnType<typeof countsOf>;

function ratesText(counts: readonly Counts[]) {
  const sum = (of: (c: Counts) => number) => counts.reduce((total, c) => total + of(c), 0);
  const achievements = counts.flatMap((c) => c.achievements);
  return (
    `renseignement cumulé ${pct(
      sum((c) => c.cumulativeFilled),
      sum((c) => c.cumulativeExpected),
    )} ; ` +
    `période ${pct(
      sum((c) => c.periodFilled),
      sum((c) => c.periodExpected),
    )} ; ` +
    `réalisation ${pct(
      achievements.reduce((a, b) => a + b, 0),
      achievements.length,
    )}`
  );
}

/**
 * The Caf consolidates after its territories wrote their files (the last on 2027-05-15), as the command line's
 * tests do: a file written after the consolidation's day would come from a clock ahead, and not be dated by it.
 */
const CAF_TODAY = new Date('2027-06-01T10:00:00Z');

async function pick(section: HTMLElement, names: string[]): Promise<void> {
  const input = section.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: names.map(fileOf) } });
  });
}

const linesOf = (section: HTMLElement, list: string) =>
  within(within(section).getByRole('list', { name: list }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

/** What the section's live region says (the first: the file's actions have their own below). */
const said = (section: HTMLElement) => within(section).getAllByRole('status')[0].textContent ?? '';

/** Every « n / N fichiers lus » the section showed while it ran. */
function watchProgress(section: HTMLElement): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const note = () => {
    const text = said(section);
    const found = /\d+ \/ \d+ fichiers? lus?/.exec(text);
    if (found && seen[seen.length - 1] !== found[0]) seen.push(found[0]);
  };
  const observer = new MutationObserver(note);
  observer.observe(section, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

async function openConsolidation(): Promise<HTMLElement> {
  await statusRead();
  openTask('Consolidation');
  return screen.getByRole('region', { name: HEADING });
}

async function consolidateNow(section: HTMLElement): Promise<void> {
  fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
}

describe('consolidating picked files in the pane', () => {
  it('shows the progress, then each territory’s rates, the file left out, the copy dropped, and offers the workbook', async () => {
    const downloads = watchDownloads();
    try {
      const { fake } = renderPaneOnFake({ today: () => CAF_TODAY });
      const section = await openConsolidation();
      // Offered with a workbook open that is not a tracking workbook, after its own tasks.
      const tabs = screen.getAllByRole('tab');
      expect(tabs).toHaveLength(3);
      ['Création', 'Vérification', 'Consolidation'].forEach((name, index) =>
        expect(tabs[index]).toBe(screen.getByRole('tab', { name })),
      );

      // Nothing picked yet: said, nothing run.
      fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
      expect(said(section)).toContain('Choisissez d’abord les classeurs');

      // Two dialogs: their files add up; the same file picked again counts once.
      await pick(section, [pilat.name, forez.name]);
      await pick(section, [pilatEarlier.name, bonnet.name, 'abime.xlsx', pilat.name]);
      expect(section.textContent).toContain(
        fr(`5 fichiers choisis : ${[pilat.name, forez.name, pilatEarlier.name, bonnet.name, 'abime.xlsx'].join(', ')}`),
      );

      // A quarter that is not one is refused before anything is read.
      const quarter = within(section).getByRole('textbox', { name: /Trimestre \(facultatif\)/ });
      fireEvent.change(quarter, { target: { value: '2027-T5' } });
      fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
      expect(section.textContent).toContain(fr('« 2027-T5 » n’est pas un trimestre'));
      expect(within(section).queryByRole('progressbar')).toBeNull();
      fireEvent.change(quarter, { target: { value: '' } });

      const progress = watchProgress(section);
      fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
      // The bar at once, then one step per file read.
      expect(within(section).getByRole('progressbar')).toBeTruthy();
      expect(said(section)).toContain('0 / 5 fichiers lus');
      await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
      progress.stop();
      expect(progress.seen).toEqual(['0 / 5 fichiers lus', ...[1, 2, 3, 4].map((n) => `${n} / 5 fichiers lus`)]);

      // The summary, each figure against the counts of the file's own cells at its own quarter.
      const own = {
        forez: countsOf(forez.name, '2027-T2'),
        pilat: countsOf(pilat.name, '2026-T3'),
        bonnet: countsOf(bonnet.name, '2026-T4'),
      };
      expect(said(section)).toContain(fr('Consolidation terminée : 3 territoires, 1 fichier écarté.'));
      expect(section.textContent).toContain('Chaque territoire est mesuré à son trimestre en cours.');
      expect(section.textContent).toContain(
        fr(`3 territoires consolidés : ${ratesText([own.forez, own.pilat, own.bonnet])}`),
      );
      expect(linesOf(section, 'Territoires (3)')).toEqual([
        fr(`Forez Est — ${forez.name} (2027-T2) : ${ratesText([own.forez])}`),
        // Measured at their own quarters, behind the Caf's (2027-T2): said as the command line says it.
        fr(
          `Monts du Pilat — ${pilat.name} (2026-T3) : ${ratesText([own.pilat])}. Mesuré à 2026-T3 : 3 trimestres ` +
            'derrière celui d’aujourd’hui, 2027-T2 ; ses chiffres sont ceux de ce trimestre. Pour les mettre à jour, ' +
            'demandez au territoire de clôturer ses trimestres ou de mettre à jour son trimestre en cours (feuille ' +
            '« Paramètres ») ; pour mesurer tous les territoires au même trimestre, donnez-le dans le champ ' +
            '« Trimestre (facultatif) »',
        ),
        fr(
          `Pays de Saint-Bonnet — ${bonnet.name} (2026-T4) : ${ratesText([own.bonnet])}, 1 erreur de données. Mesuré à ` +
            '2026-T4 : 2 trimestres derrière celui d’aujourd’hui, 2027-T2 ; ses chiffres sont ceux de ce trimestre. Pour ' +
            'les mettre à jour, demandez au territoire de clôturer ses trimestres ou de mettre à jour son trimestre ' +
            'en cours (feuille « Paramètres ») ; pour mesurer tous les territoires au même trimestre, donnez-le dans ' +
            `le champ « Trimestre (facultatif) ». Pour la voir et savoir où la corriger : « Vérifier un fichier… » sur ce fichier`,
        ),
      ]);
      const damaged = readXlsx(bytes.get('abime.xlsx')!);
      if (damaged.ok) throw new Error('The damaged file was read');
      expect(linesOf(section, 'Fichiers écartés (1)')).toEqual([
        `abime.xlsx\u00a0: ${renderMessage(damaged.error.code, damaged.error.params)}`,
      ]);
      expect(linesOf(section, 'Doublons (1)')).toEqual([
        fr(
          'Monts du Pilat : pilat.xlsx gardé, pilat-ancien.xlsx non retenu — Plus récent : classeur écrit par l’outil le 10/08/2026, contre classeur écrit par l’outil le 10/05/2026.',
        ),
      ]);
      expect(linesOf(section, 'Hors vocabulaire de la convention (1)')).toEqual([
        fr(
          '« Sport santé » (champ d’intervention) : Forez Est (1 fiche, cellule H4 de la feuille « Axe 1 ») — si c’est « Santé et bien-être » ou « Santé mentale », le territoire l’écrit ainsi dans le texte de son plan, puis régénère son classeur (onglet « Création », « Créer le classeur de suivi » avec le plan corrigé).',
        ),
      ]);

      // The workbook: « Enregistrer » downloads it under the day's name; « Ouvrir dans Excel » hands Excel the same.
      const name = 'consolidation-ctg-2027-06-01.xlsx';
      expect(section.textContent).toContain(fr(`Fichier prêt : ${name}`));
      fireEvent.click(within(section).getByRole('button', { name: 'Enregistrer' }));
      expect(downloads.clicks.map((click) => click.name)).toEqual([name]);
      const saved = await readFileBytes(downloads.blobs.get(downloads.clicks[0].url)!);
      const cells = gridsOf(saved)
        .sheets.flatMap((sheet) => ('rows' in sheet ? sheet.rows : []))
        .flatMap((row) => row ?? [])
        .map((cell) => cell?.value);
      for (const territory of ['Forez Est', 'Monts du Pilat', 'Pays de Saint-Bonnet'])
        expect(cells).toContain(territory);
      await act(async () => {
        fireEvent.click(within(section).getByRole('button', { name: 'Ouvrir dans Excel' }));
      });
      await waitFor(() => expect(fake.createdWorkbooks()).toEqual([Buffer.from(saved).toString('base64')]));
      // The open workbook was not touched.
      expect(fake.inspect.sheetNames()).toEqual(['Feuil1']);
    } finally {
      downloads.restore();
    }
  }, 180_000);

  it('measures every file at the quarter typed (a hyphen copied from the hint is one)', async () => {
    renderPaneOnFake({ today: () => CAF_TODAY });
    const section = await openConsolidation();
    await pick(section, [pilat.name, forez.name]);
    fireEvent.change(within(section).getByRole('textbox', { name: /Trimestre \(facultatif\)/ }), {
      target: { value: ' 2027\u2011t2 ' },
    });
    await consolidateNow(section);
    expect(section.textContent).toContain(fr('Chaque territoire est mesuré à 2027-T2.'));
    expect(linesOf(section, 'Territoires (2)')).toEqual([
      fr(`Forez Est — ${forez.name} (2027-T2) : ${ratesText([countsOf(forez.name, '2027-T2')])}`),
      fr(`Monts du Pilat — ${pilat.name} (2027-T2) : ${ratesText([countsOf(pilat.name, '2027-T2')])}`),
    ]);
  }, 120_000);

  it('shows each file’s step even when the files are read faster than the pane draws', async () => {
    // The steps told with no task between them, only promises (as for files whose reading needs no wait): each
    // must still be shown, not only the last (on a fast machine, « 4 / 5 » was once never drawn).
    const real = picked.consolidatePicked;
    const spy = jest.spyOn(picked, 'consolidatePicked').mockImplementation(async (files, options) => {
      const consolidation = await real(files, { ...options, onRead: () => undefined });
      for (let index = 0; index < files.length; index++) {
        options.onRead(index + 1, files.length);
        await Promise.resolve();
      }
      return consolidation;
    });
    try {
      renderPaneOnFake({ today: () => CAF_TODAY });
      const section = await openConsolidation();
      await pick(section, [pilat.name, forez.name, bonnet.name]);
      const progress = watchProgress(section);
      await consolidateNow(section);
      progress.stop();
      expect(progress.seen).toEqual(['0 / 3 fichiers lus', '1 / 3 fichiers lus', '2 / 3 fichiers lus']);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);

  it('says why a file is left out with the pane’s own advice, naming no option of the command line', async () => {
    renderPaneOnFake({ today: () => CAF_TODAY });
    const section = await openConsolidation();
    await pick(section, [forez.name, 'sans-trimestre.xlsx', 'consolidation-ctg-2027-03-01.xlsx']);
    await consolidateNow(section);
    expect(linesOf(section, 'Fichiers écartés (2)')).toEqual([
      'sans-trimestre.xlsx (territoire «\u00a0Monts du Pilat\u00a0»)\u00a0: Le trimestre en cours de «\u00a0Paramètres\u00a0» est vide\u00a0: le classeur est ' +
        'écarté. Saisissez-le dans le classeur (AAAA-Tn, par exemple 2027-T2), ou donnez le trimestre à mesurer pour ' +
        'tous dans le champ «\u00a0Trimestre (facultatif)\u00a0». Cellule B9 de la feuille «\u00a0Paramètres\u00a0».',
      'consolidation-ctg-2027-03-01.xlsx\u00a0: Ce fichier est un classeur de consolidation, pas le classeur de ' +
        'suivi d’un territoire\u00a0: il est écarté. Ne choisissez que les classeurs de suivi (les classeurs maîtres) ' +
        'des territoires.',
    ]);
    expect(section.textContent).not.toContain('--');
    expect(section.textContent).not.toContain('ctg-suivi');
  }, 120_000);

  it('brings focus back to picking files once « Vider la liste » has emptied the list and gone with it', async () => {
    renderPaneOnFake({ today: () => CAF_TODAY });
    const section = await openConsolidation();
    await pick(section, [pilat.name, forez.name]);
    const clear = within(section).getByRole('button', { name: 'Vider la liste' });
    clear.focus();
    fireEvent.click(clear);
    expect(within(section).queryByRole('button', { name: 'Vider la liste' })).toBeNull();
    expect(section.textContent).not.toContain('fichiers choisis');
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Choisir les classeurs…' }));
  }, 120_000);
});
