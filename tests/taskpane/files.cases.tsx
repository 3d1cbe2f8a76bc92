// Files in the pane: « Vérifier un fichier… » reads picked .xlsx files with the project's reader and shows one report
// each (or the reader's French message); « Créer le classeur en fichier » makes the tracking workbook as .xlsx bytes,
// offered as « Enregistrer » (a named download) and « Ouvrir dans Excel » (Excel.createWorkbook on the fake), and
// says so where downloads are lost (Excel for Mac).
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { zipSync } from 'fflate';
import {
  defaultWorkbookFileName,
  embeddedPlan,
  extractWorkbook,
  findWorkbookRecipient,
  loadValidState,
  renderIssueMessage,
  renderMessage,
  validateGrids,
} from '../../src/app';
import { createXlsxReaderPort, readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { readFileBytes } from '../../src/taskpane/common/read-file-bytes';
import { generateBytes } from '../xlsx/helpers/generate-bytes';
import { axisCell, editWorkbook } from '../typed-input/file-side';
import { chooseEmbeddedPlan, openTask, paneLoaded, renderPaneOnFake, statusRead, TODAY } from './support/pane-on-fake';
import { watchDownloads } from './support/downloads';
import { fr, queried } from './support/french';
import { XLSX_TYPE } from './support/returned-file';

/** The tracking workbook of the embedded plan made at TODAY by the writer, once for the whole file. */
let generated: Promise<Uint8Array> | null = null;
const workbookBytes = () => (generated ??= generateBytes(embeddedPlan().plan, TODAY).then(({ bytes }) => bytes));

/** The tracking workbook of the embedded plan as a file; `edit` changes it as a person would. */
async function trackingFile(name: string, edit?: Parameters<typeof editWorkbook>[1]): Promise<File> {
  const bytes = await workbookBytes();
  const content = edit ? await editWorkbook(bytes, edit) : bytes;
  return new File([content as BlobPart], name, { type: XLSX_TYPE });
}

/** The grids the project's reader finds in a file's bytes. */
async function gridsOf(file: Blob) {
  const read = readXlsx(await readFileBytes(file));
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

/** Picks files in the section's file field, as the system dialog opened by its button would. */
async function pick(section: HTMLElement, files: File[]): Promise<void> {
  const input = section.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.accept).toContain('.xlsx');
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

/** What the live regions of a section say, together. */
function said(section: HTMLElement): string {
  return within(section)
    .getAllByRole('status')
    .map((region) => region.textContent ?? '')
    .join('\n');
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

/** The extract the embedded plan's workbook gives `recipient` at TODAY, as a file. */
async function extractFile(recipient: string, name: string): Promise<File> {
  const loaded = await loadValidState(createXlsxReaderPort(await workbookBytes()), TODAY);
  if (!loaded.ok) throw new Error('the workbook is not valid');
  const made = await extractWorkbook(loaded.state, findWorkbookRecipient(loaded.state, recipient)!, { now: TODAY });
  if (!made.ok) throw new Error(`no extract for ${recipient}`);
  return new File([(await writeXlsx(made.extract.spec)) as BlobPart], name, { type: XLSX_TYPE });
}

describe('checking .xlsx files from the pane', () => {
  it('reads each picked file and shows one report each: issues with their sheet and cell, the reader’s French messages', async () => {
    const { plan } = embeddedPlan();
    const firstKey = plan.axes[0].fiches[0].key;
    let badCell = '';
    const partner = await trackingFile('retour-partenaire.xlsx', (workbook) => {
      const cell = axisCell(workbook, firstKey, 'Avancement (%)');
      cell.value = 150;
      badCell = cell.address;
    });
    const damaged = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'abime.xlsx', { type: XLSX_TYPE });
    // An OpenDocument spreadsheet: a zip with no workbook part of Excel's.
    const ods = new File(
      [zipSync({ mimetype: new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet') }) as BlobPart],
      'tableau.ods',
    );
    const expected = await validateGrids(await gridsOf(partner), { today: TODAY });
    expect(expected.errors).toBe(1);
    const error = expected.issues.find((issue) => issue.severity === 'error')!;
    expect(error).toMatchObject({ sheet: 'Axe 1', cell: badCell });

    renderPaneOnFake();
    await statusRead();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    const button = within(files).getByRole('button', { name: 'Vérifier un fichier…' });
    expect(button).toBeTruthy();
    expect((files.querySelector('input[type="file"]') as HTMLInputElement).multiple).toBe(true);
    await pick(files, [partner, damaged, ods]);
    await waitFor(() => expect(within(files).queryByRole('progressbar')).toBeNull(), { timeout: 30_000 });

    // The live region says one line per file.
    const lines = said(files);
    expect(lines).toContain(
      fr(`retour-partenaire.xlsx : 1 erreur, ${expected.warnings} avertissement${expected.warnings > 1 ? 's' : ''}`),
    );
    expect(lines).toContain(fr('abime.xlsx : le fichier ne peut pas être vérifié.'));
    expect(lines).toContain(fr('tableau.ods : le fichier ne peut pas être vérifié.'));

    // The partner's file: its report as the open workbook's, each issue naming its sheet and cell, no link.
    const report = within(files).getByRole('article', { name: 'retour-partenaire.xlsx' });
    const list = within(report).getByRole('navigation', {
      name: 'Problèmes trouvés dans retour-partenaire.xlsx, par feuille et par fiche',
    });
    // Its one error, counted in the heading of its sheet.
    expect(within(list).getByRole('heading', { level: 4, name: 'Axe 1 (1 erreur)' })).toBeTruthy();
    expect(within(list).getByRole('heading', { level: 5, name: `Fiche ${firstKey}` })).toBeTruthy();
    const message = within(list).getByText(queried(renderIssueMessage(error)));
    const item = message.closest('li')!;
    expect(within(item).getByText('Erreur')).toBeTruthy();
    expect(within(item).getByText(`Feuille Axe 1, cellule ${badCell}`)).toBeTruthy();
    expect(within(report).queryAllByRole('button', { name: /^Aller à/ })).toEqual([]);
    // The quarter's missing values: one line that opens, its entries naming their cells too.
    const gaps = expected.issues.filter((issue) => issue.code === 'incomplete-current-quarter');
    const gapsLine = within(list).getByRole('button', {
      name: fr(`Valeurs attendues pour 2026-T2 manquantes : ${gaps.length} fiches`),
    });
    fireEvent.click(gapsLine);
    expect(within(list).getByText(`Feuille ${gaps[0].sheet}, cellule ${gaps[0].cell}`)).toBeTruthy();

    // The damaged file and the .ods: the reader's code rendered by the message catalogue.
    const damagedReport = within(files).getByRole('article', { name: 'abime.xlsx' });
    const damagedCode = readXlsx(await readFileBytes(damaged));
    expect(damagedCode.ok).toBe(false);
    if (damagedCode.ok) return;
    expect(
      within(damagedReport).getByText(queried(renderMessage(damagedCode.error.code, damagedCode.error.params))),
    ).toBeTruthy();
    const odsReport = within(files).getByRole('article', { name: 'tableau.ods' });
    expect(odsReport.textContent).toContain('pas un classeur Excel (.xlsx)');
  }, 120_000);

  it('says a partner’s extract is one: whose, made when and from which workbook, what is checked, how to merge it', async () => {
    const { plan } = embeddedPlan();
    const extract = await extractFile('CCMP', 'retour-ccmp.xlsx');
    renderPaneOnFake();
    await paneLoaded();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    await pick(files, [extract, await trackingFile('suivi.xlsx')]);
    const report = await within(files).findByRole('article', { name: 'retour-ccmp.xlsx' }, { timeout: 30_000 });
    expect(report.textContent).toContain(
      `C’est l’extrait envoyé à «\u00a0CCMP\u00a0», fait le 15/05/2026 à partir du classeur de suivi du territoire ` +
        `«\u00a0${plan.territory}\u00a0», à compléter jusqu’au trimestre 2026-T2\u00a0; ce n’est pas le classeur de suivi.`,
    );
    expect(report.textContent).toContain(
      'Dans un extrait, «\u00a0Vérifier un fichier…\u00a0» vérifie sa forme (feuilles, clés, en-têtes) et les cellules ' +
        'que «\u00a0CCMP\u00a0» remplit (types, listes, valeurs attendues)\u00a0: ses problèmes portent sur ce que ce ' +
        'destinataire remplit ou a changé, pas sur le classeur de suivi. Ce que la fusion en reprendrait\u00a0: ouvrez ' +
        'le classeur de suivi, puis, dans l’onglet «\u00a0Partenaires\u00a0», choisissez ce fichier sous ' +
        '«\u00a0Fusion des retours\u00a0» et cliquez sur «\u00a0Voir les changements\u00a0».',
    );
    expect(report.textContent).not.toContain('ctg-suivi');
    // The master: nothing said of an extract.
    const master = within(files).getByRole('article', { name: 'suivi.xlsx' });
    expect(master.textContent).not.toContain('extrait');
  }, 120_000);

  it('says of an extract whose axis sheet was renamed what the command line says: the merge reads it, no error', async () => {
    const sent = await extractFile('CCMP', 'extrait.xlsx');
    const bytes = await editWorkbook(await readFileBytes(sent), (workbook) => {
      workbook.getWorksheet('Axe 1')!.name = 'Mes fiches';
    });
    const returned = new File([bytes as BlobPart], 'retour-ccmp.xlsx', { type: XLSX_TYPE });
    const expected = await validateGrids(await gridsOf(returned), { today: TODAY });
    const renamed = expected.issues.find((issue) => issue.code === 'extract-sheet-renamed')!;
    expect(renamed).toMatchObject({ severity: 'warning', sheet: 'Mes fiches' });
    expect(expected.errors).toBe(0);
    renderPaneOnFake();
    await paneLoaded();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    await pick(files, [returned]);
    const report = await within(files).findByRole('article', { name: 'retour-ccmp.xlsx' }, { timeout: 30_000 });

    const list = within(report).getByRole('navigation', {
      name: 'Problèmes trouvés dans retour-ccmp.xlsx, par feuille et par fiche',
    });
    const item = within(list)
      .getByText(queried(renderIssueMessage(renamed)))
      .closest('li')!;
    expect(within(item).getByText('Avertissement')).toBeTruthy();
    expect(within(list).queryAllByText('Erreur')).toEqual([]);
    expect(report.textContent).not.toContain('rendez-lui son nom');
  }, 120_000);

  it('lets an .ods or .xls be picked, and says how to save it as .xlsx, in Excel and in LibreOffice', async () => {
    renderPaneOnFake();
    await paneLoaded();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    const accept = (files.querySelector('input[type="file"]') as HTMLInputElement).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.xlsx', '.ods', '.xls']));
    // An OpenDocument spreadsheet as LibreOffice writes it: its first part, `mimetype`, stored, says what it is.
    const mimetype = new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet');
    const ods = new File([zipSync({ mimetype: [mimetype, { level: 0 }] }) as BlobPart], 'retour.ods');
    // A legacy .xls: an OLE compound file.
    const xls = new File(
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)])],
      'retour.xls',
    );
    await pick(files, [ods, xls]);
    await waitFor(() => expect(within(files).queryByRole('progressbar')).toBeNull(), { timeout: 30_000 });
    // Each names first the program that saved it.
    const resave = 'enregistrez-le au format .xlsx, puis réessayez avec ce fichier .xlsx.';
    const inLibreOffice = 'LibreOffice, menu Fichier › Enregistrer sous, type «\u00a0Excel 2007-365 (.xlsx)\u00a0»';
    const inExcel = 'Excel, menu Fichier › Enregistrer sous, type «\u00a0Classeur Excel (*.xlsx)\u00a0»';
    expect(within(files).getByRole('article', { name: 'retour.ods' }).textContent).toBe(
      'retour.ods' +
        `Ce fichier est un classeur OpenDocument (.ods), pas un classeur Excel (.xlsx)\u00a0: ${resave} ` +
        `Dans ${inLibreOffice}\u00a0; dans ${inExcel}.`,
    );
    expect(within(files).getByRole('article', { name: 'retour.xls' }).textContent).toBe(
      'retour.xls' +
        'Ce fichier est un ancien classeur Excel (.xls) ou un autre document Office, pas un classeur Excel ' +
        `(.xlsx)\u00a0: ${resave} Dans ${inExcel}\u00a0; dans ${inLibreOffice}.`,
    );
  }, 60_000);

  it('refuses a file larger than the reader accepts from its size, with the reader’s message', async () => {
    renderPaneOnFake();
    await paneLoaded();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    const large = new File([new Uint8Array(8)], 'enorme.xlsx');
    const { DEFAULT_XLSX_READ_LIMITS } = await import('../../src/xlsx/reader');
    const limit = DEFAULT_XLSX_READ_LIMITS.maxFileBytes;
    Object.defineProperty(large, 'size', { value: limit + 1 });
    await pick(files, [large]);
    const report = await within(files).findByRole('article', { name: 'enorme.xlsx' }, { timeout: 10_000 });
    expect(report.textContent).toContain(renderMessage('too-large', { size: limit + 1, limit }));
  });

  it('tells a zip archive of workbooks larger than a workbook may be to be extracted, not to be made smaller', async () => {
    renderPaneOnFake();
    await paneLoaded();
    openTask('Vérification');
    const files = section('Vérification d’un fichier');
    const { DEFAULT_XLSX_READ_LIMITS } = await import('../../src/xlsx/reader');
    const filler = new Uint8Array(DEFAULT_XLSX_READ_LIMITS.maxFileBytes);
    const archive = zipSync({ 'pilat.xlsx': new Uint8Array(8), 'forez.xlsx': [filler, { level: 0 }] }, { level: 0 });
    await pick(files, [new File([archive as BlobPart], 'territoires.zip')]);
    const report = await within(files).findByRole('article', { name: 'territoires.zip' }, { timeout: 10_000 });
    expect(report.textContent).toBe(
      'territoires.zip' +
        'Ce fichier est une archive .zip, pas un classeur\u00a0: extrayez-en les 2 classeurs qu’elle contient (clic ' +
        'droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis choisissez-les.',
    );
  }, 60_000);
});

async function createFile(): Promise<HTMLElement> {
  await chooseEmbeddedPlan();
  const files = section('Classeur en fichier');
  await act(async () => {
    fireEvent.click(within(files).getByRole('button', { name: 'Créer le classeur en fichier' }));
  });
  await waitFor(() => expect(within(files).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
  return files;
}

describe('making the tracking workbook as a file', () => {
  it('offers « Enregistrer », a download named as the command line names it, and « Ouvrir dans Excel », both the workbook', async () => {
    const downloads = watchDownloads();
    try {
      const { fake } = renderPaneOnFake();
      await statusRead();
      const files = await createFile();
      const name = defaultWorkbookFileName(embeddedPlan().plan);
      expect(said(files)).toContain(fr(`Fichier prêt : ${name}`));
      // (That « Enregistrer » is then the one primary button of the tab is checked where colours are drawn: e2e.)
      fireEvent.click(within(files).getByRole('button', { name: 'Enregistrer' }));

      expect(downloads.clicks).toHaveLength(1);
      expect(downloads.clicks[0].name).toBe(name);
      const blob = downloads.blobs.get(downloads.clicks[0].url)!;
      expect(blob.type).toBe(XLSX_TYPE);
      expect(await gridsOf(blob)).toEqual(await gridsOf(new Blob([(await workbookBytes()) as BlobPart])));
      expect(said(files)).toContain(`Téléchargement de ${name} lancé`);

      // « Ouvrir dans Excel »: Excel.createWorkbook with the base64 of the same bytes.
      const saved = await readFileBytes(blob);
      await act(async () => {
        fireEvent.click(within(files).getByRole('button', { name: 'Ouvrir dans Excel' }));
      });
      await waitFor(() =>
        expect(said(files)).toContain(
          fr('Le classeur est ouvert dans une nouvelle fenêtre d’Excel : enregistrez-le depuis Excel.'),
        ),
      );
      expect(fake.createdWorkbooks()).toEqual([Buffer.from(saved).toString('base64')]);
      // The open workbook was not touched.
      expect(fake.inspect.sheetNames()).toEqual(['Feuil1']);
    } finally {
      downloads.restore();
    }
  }, 120_000);

  it('Excel on the web: a file above its 5 MB request limit is not opened, and the pane says to save it instead', async () => {
    const { fake } = renderPaneOnFake();
    await statusRead();
    const files = await createFile();
    // The file travels in one request: a limit below its base64 stands for a file above 5 MB.
    fake.setRequestPayloadLimit(Buffer.from(await workbookBytes()).toString('base64').length);
    await act(async () => {
      fireEvent.click(within(files).getByRole('button', { name: 'Ouvrir dans Excel' }));
    });
    await waitFor(() =>
      expect(files.textContent).toContain(
        fr(
          'Ce fichier est trop volumineux pour qu’Excel sur le web l’ouvre depuis le complément (5\u00a0Mo au plus par envoi).',
        ) + fr(' Choisissez « Enregistrer », puis ouvrez le fichier enregistré dans Excel.'),
      ),
    );
    expect(fake.createdWorkbooks()).toEqual([]);
    expect(within(files).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  }, 120_000);

  it('does not offer « Ouvrir dans Excel » below ExcelApi 1.8', async () => {
    const { fake } = renderPaneOnFake({}, { apiVersion: '1.7' });
    await statusRead();
    const files = await createFile();
    expect(within(files).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
    expect(within(files).queryByRole('button', { name: 'Ouvrir dans Excel' })).toBeNull();
    expect(fake.createdWorkbooks()).toEqual([]);
  }, 120_000);

  it('in Excel for Mac, says that saving cannot work and offers « Ouvrir dans Excel » instead', async () => {
    const { fake } = renderPaneOnFake({}, { platform: 'Mac' });
    await statusRead();
    const files = await createFile();
    expect(within(files).queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(files.textContent).toContain(fr('Excel pour Mac ne laisse pas un complément enregistrer un fichier :'));
    const open = within(files).getByRole('button', { name: 'Ouvrir dans Excel' });
    await act(async () => {
      fireEvent.click(open);
    });
    await waitFor(() => expect(fake.createdWorkbooks()).toHaveLength(1));
    const opened = new Blob([Buffer.from(fake.createdWorkbooks()[0], 'base64') as BlobPart]);
    expect((await gridsOf(opened)).sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Paramètres', 'Axe 1', '_ctg']),
    );
  }, 120_000);
});
