// « Partenaires » › merge and undo: a returned file (a copy of the open workbook's rows, filled in by a partner,
// without an extract's `_ctg`) picked, its partner asked, the preview listing a change and a conflict with links
// to their cells, « Prendre la valeur renvoyée » chosen, the merge applied to the open workbook in a few round
// trips, then undone.
import './support/jsdom-globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { embeddedPlan, regenerateAndWrite } from '../../src/app';
import type { Plan } from '../../src/domain/plan';
import { copyOfSheet, withKeylessCopy } from '../merge/helpers/keyless-copy';
import { cellOfRow } from './support/cell-of-row';
import { openGeneratedWorkbook } from './support/shared-workbook';
import { fr, frQuery } from './support/french';
import { openTask, readAgain, renderPaneOnFake, statusRead, TODAY } from './support/pane-on-fake';
import {
  noProgress,
  pick,
  previewExtract,
  previewReturned,
  returnedExtract,
  returnedFile,
  XLSX_TYPE,
} from './support/returned-file';

const PARTNER = 'Centre social Le Lien';

/** « Voir les changements », then « Appliquer la fusion » once the preview is there; waits for the merge applied. */
async function previewAndApply(section: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
  });
  await noProgress(section);
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
  });
  await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
}

/** « Annuler la dernière fusion », confirmed in its dialog; the undo's region once it says the merge undone. */
/** The texts of the list items under `element`, in their order. */
const listedTexts = (element: HTMLElement) =>
  within(element)
    .getAllByRole('listitem')
    .map((item) => item.textContent);

async function undoLastMerge(): Promise<HTMLElement> {
  const undo = screen.getByRole('region', { name: 'Annuler la dernière fusion' });
  fireEvent.click(within(undo).getByRole('button', { name: 'Annuler la dernière fusion' }));
  const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler la fusion', hidden: true }));
  });
  await waitFor(() => expect(undo.textContent).toContain('Fusion annulée'), { timeout: 60_000 });
  return undo;
}

/**
 * The embedded plan's workbook opened in the pane, the first fiche given to PARTNER, whose return (`fileName`) typed 4
 * in 2026-T1 of its first quantitative criterion (or « Réalisée » in the fiche's Statut, `onFiche`), previewed and
 * merged through the pane.
 */
async function mergedOneValue(fileName: string, onFiche = false) {
  const { fake, port } = renderPaneOnFake();
  const fiche = firstFiche();
  const criterion = fiche.criteria.find((candidate) => candidate.kind === 'quantitative')!;
  const edit = onFiche
    ? { key: fiche.key, header: 'Statut', value: 'Réalisée' }
    : { key: criterion.key, header: '2026-T1', value: 4 };
  await openGeneratedWorkbook(fake);
  fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
  const valueCell = cellOfRow(fake, 'Axe 1', edit.key, edit.header);
  await statusRead();
  const returned = await returnedExtract(port, PARTNER, [edit], fileName);
  await readAgain();
  openTask('Partenaires');
  const section = screen.getByRole('region', { name: 'Fusion des retours' });
  await pick(section, [returned]);
  await within(section).findByText(`${fileName} : extrait de ${PARTNER}`);
  await previewAndApply(section);
  return { fake, port, criterion, valueCell };
}

/**
 * The officer types 5 over the merged 2026-T1 value of `key`, then the workbook is regenerated from the embedded plan
 * as `amend` changes it.
 */
async function correctThenRegenerate(
  fake: ReturnType<typeof renderPaneOnFake>['fake'],
  port: ReturnType<typeof renderPaneOnFake>['port'],
  key: string,
  amend: (plan: Plan) => void,
): Promise<void> {
  fake.seed.sheet('Axe 1', [[5]], cellOfRow(fake, 'Axe 1', key, '2026-T1'));
  await regenerate(port, amend);
}

/** The workbook regenerated from the embedded plan as `amend` changes it (as it is, by default). */
async function regenerate(
  port: ReturnType<typeof renderPaneOnFake>['port'],
  amend: (plan: Plan) => void = () => undefined,
): Promise<void> {
  const { plan } = embeddedPlan();
  amend(plan);
  await act(async () => {
    expect((await regenerateAndWrite(port, plan, { now: TODAY })).status).toBe('done');
  });
}

/** The file with each axis sheet changed by `change`, as a partner would change it in a spreadsheet. */
async function withAxisSheets(bytes: Uint8Array, change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  workbook.eachSheet((sheet) => {
    if (sheet.name.startsWith('Axe ')) change(sheet);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The file with the `Clé` column (A) of every axis sheet deleted, as a spreadsheet deletes a column. */
const withoutKeyColumns = (bytes: Uint8Array) => withAxisSheets(bytes, (sheet) => sheet.spliceColumns(1, 1));

/** The extract with the title, hint and header rows of its axis sheets deleted (« the rows above the figures »). */
const withoutHeaderRows = (bytes: Uint8Array) => withAxisSheets(bytes, (sheet) => sheet.spliceRows(1, 3));

/** The embedded plan's first fiche, the one the previews below return. */
const firstFiche = () => embeddedPlan().plan.axes[0].fiches[0];

/**
 * The open workbook's first fiche given to PARTNER, their extract returned as `name` with `edits` typed in and changed
 * by `changed`, and previewed in « Partenaires » › « Fusion des retours ».
 */
async function previewChangedReturn(
  name: string,
  edits: Parameters<typeof returnedExtract>[2],
  changed: (bytes: Uint8Array) => Promise<Uint8Array>,
): Promise<{ section: HTMLElement; preview: HTMLElement }> {
  const { fake, port } = renderPaneOnFake();
  await openGeneratedWorkbook(fake);
  fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', firstFiche().key, 'Partenaires'));
  const returned = await returnedExtract(port, PARTNER, edits, name, changed);
  await statusRead();
  await readAgain();
  openTask('Partenaires');
  const section = screen.getByRole('region', { name: 'Fusion des retours' });
  return { section, preview: await previewExtract(section, returned, PARTNER) };
}

/**
 * Two partners' returned files (lien.xlsx: `first`'s Statut; pousses.xlsx: `second`'s), each partner typed in the
 * pane, previewed: applying them makes two merges, one after the other, each written on its own.
 */
async function twoPartnersPreviewed() {
  const { fake, port } = renderPaneOnFake();
  const { plan } = embeddedPlan();
  await openGeneratedWorkbook(fake);
  const OTHER = 'Association Les Pousses';
  const [first, second] = plan.axes[0].fiches;
  fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', first.key, 'Partenaires'));
  fake.seed.sheet('Axe 1', [[OTHER]], cellOfRow(fake, 'Axe 1', second.key, 'Partenaires'));
  const grids = await port.read();
  const fromLien = await returnedFile(grids, [{ key: first.key, header: 'Statut', value: 'En cours' }], 'lien.xlsx');
  const fromPousses = await returnedFile(
    grids,
    [{ key: second.key, header: 'Statut', value: 'En cours' }],
    'pousses.xlsx',
  );
  await statusRead();
  await readAgain();
  openTask('Partenaires');
  const section = screen.getByRole('region', { name: 'Fusion des retours' });
  await pick(section, [fromLien, fromPousses]);
  fireEvent.change(await within(section).findByRole('textbox', { name: /renvoyé lien\.xlsx/ }), {
    target: { value: PARTNER },
  });
  fireEvent.change(within(section).getByRole('textbox', { name: /renvoyé pousses\.xlsx/ }), {
    target: { value: OTHER },
  });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
  });
  await noProgress(section);
  return { fake, port, section, first, second };
}

describe('merging returned files from the pane', () => {
  it('previews a change and a conflict, applies the chosen value to the open workbook, and undoes it', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    const criterion = fiche.criteria.find((candidate) => candidate.kind === 'quantitative')!;
    const valueCell = cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1');
    const statusCell = cellOfRow(fake, 'Axe 1', fiche.key, 'Statut');
    // The officer named the partner on the fiche and typed 4; the partner returns 1 234,5 (a conflict, shown as
    // French Excel shows it) and a status.
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    fake.seed.sheet('Axe 1', [[4]], valueCell);
    const returned = await returnedFile(
      await port.read(),
      [
        { key: fiche.key, header: 'Statut', value: 'En cours' },
        { key: criterion.key, header: '2026-T1', value: 1234.5 },
      ],
      'retour-lien.xlsx',
    );
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });

    // An OpenDocument file is not read: the pane says which, and how to save it as .xlsx.
    const mimetype = new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet');
    await pick(section, [new File([zipSync({ mimetype: [mimetype, { level: 0 }] }) as BlobPart], 'retour.ods')]);
    const refusal = await within(section).findByText('retour.ods');
    expect(refusal.closest('[role="group"], .fui-MessageBar')?.textContent).toBe(
      'retour.ods Ce fichier est un classeur OpenDocument (.ods), pas un classeur Excel (.xlsx)\u00a0: enregistrez-le ' +
        'au format .xlsx, puis réessayez avec ce fichier .xlsx. Dans LibreOffice, menu Fichier › Enregistrer sous, ' +
        'type «\u00a0Excel 2007-365 (.xlsx)\u00a0»\u00a0; dans Excel, menu Fichier › Enregistrer sous, type ' +
        '«\u00a0Classeur Excel (*.xlsx)\u00a0».',
    );

    await pick(section, [returned]);
    const partner = await within(section).findByRole('textbox', { name: /Partenaire qui a renvoyé retour-lien\.xlsx/ });
    // No preview before the partner is named.
    fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
    expect(section.textContent).toContain('Indiquez le partenaire');
    fireEvent.change(partner, { target: { value: PARTNER } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
    });
    await noProgress(section);
    const preview = within(section).getByRole('article', { name: 'retour-lien.xlsx' });
    expect(within(preview).getByRole('heading', { name: `retour-lien.xlsx (${PARTNER})` })).toBeTruthy();
    expect(preview.textContent).toContain(fr(`${fiche.key}, Statut : vide → « En cours »`));
    expect(preview.textContent).toContain(fr(`${criterion.key}, 2026-T1 : classeur « 4 », renvoyé « 1\u00a0234,5 »`));
    // Why it is held, in a sentence.
    expect(preview.textContent).toContain('Le classeur a déjà une autre valeur.');
    expect(preview.textContent).toContain('n’est pas un extrait fait par l’outil');
    // Nothing written by the preview.
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(4);

    // Each change and conflict links to the master's cell.
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: `Aller à Axe 1!${statusCell}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: statusCell }));
    expect(within(preview).getByRole('button', { name: `Aller à Axe 1!${valueCell}` })).toBeTruthy();

    // The conflict is kept unless chosen: take the returned value.
    const choice = within(preview).getByRole('radiogroup', {
      name: frQuery(`Valeur à garder pour ${criterion.key}, 2026-T1`),
    });
    expect(
      (within(choice).getByRole('radio', { name: 'Garder la valeur du classeur' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(choice).getByRole('radio', { name: 'Prendre la valeur renvoyée' }));

    const before = fake.stats.roundTrips;
    const apply = within(section).getByRole('button', { name: 'Appliquer la fusion' });
    apply.focus();
    await act(async () => {
      fireEvent.click(apply);
    });
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    // « Appliquer la fusion » goes with the preview: focus is not lost with it, but on picking the next files,
    // just above the line that says what was merged.
    expect(document.activeElement).toBe(
      within(section).getByRole('button', { name: 'Choisir les fichiers renvoyés…' }),
    );
    // One read, the changed cells written, the status read again.
    expect(fake.stats.roundTrips - before).toBeLessThanOrEqual(3);
    expect(section.textContent).toContain(fr('2 cellules modifiées'));
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(1234.5);
    expect(fake.inspect.values('Axe 1', statusCell)[0][0]).toBe('En cours');

    // « Annuler la dernière fusion »: asked, naming the merge, then the cells restored.
    const undo = screen.getByRole('region', { name: 'Annuler la dernière fusion' });
    fireEvent.click(within(undo).getByRole('button', { name: 'Annuler la dernière fusion' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    expect(dialog.textContent).toContain('retour-lien.xlsx');
    // Beside « Annuler la fusion », a plain « Annuler » would read as undoing too: the way out says it keeps it.
    expect(
      within(dialog)
        .getAllByRole('button', { hidden: true })
        .map((button) => button.textContent),
    ).toEqual(['Garder la fusion', 'Annuler la fusion']);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler la fusion', hidden: true }));
    });
    await waitFor(() => expect(undo.textContent).toContain('Fusion annulée'), { timeout: 60_000 });
    expect(undo.textContent).toContain(fr('2 cellules remises à leur valeur d’avant'));
    expect(undo.textContent).toContain(fr(`${criterion.key}, 2026-T1 : « 1\u00a0234,5 » → « 4 »`));
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(4);
    expect(fake.inspect.values('Axe 1', statusCell)[0][0] ?? '').toBe('');
    // Each restored cell links to its place in the workbook.
    await act(async () => {
      fireEvent.click(within(undo).getByRole('button', { name: `Aller à Axe 1!${valueCell}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: valueCell }));
  }, 240_000);

  it('says what the rewrite of a merge and of its undo put back or erased, under « À noter : »', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    // A hint of the tools typed over: the merge's rewrite puts it back.
    fake.seed.sheet('Paramètres', [['Changer le trimestre après le COPIL']], 'C9');
    // A phone number the partner returns: once the undo empties its cell, the Journal's copies of it are erased.
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche.key, header: 'Difficultés', value: 'Rappeler au 06 12 34 56 78' }],
      'retour-lien.xlsx',
    );
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await previewReturned(section, returned, PARTNER);
    expect(section.textContent).not.toContain(fr('À noter :'));

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    expect(section.textContent).toContain(fr('À noter :'));
    expect(section.textContent).toContain(
      fr(
        'Paramètres, cellule C9 : l’outil y a remis son texte à la place de « Changer le trimestre après le COPIL », ' +
          'que le Journal garde (source « Texte de l’outil rétabli »).',
      ),
    );

    const undo = await undoLastMerge();
    expect(undo.textContent).toContain(fr('À noter :'));
    expect(undo.textContent).toContain(
      fr(
        'Journal : 2 valeurs gardées contenaient un numéro de téléphone qui n’est plus dans le suivi ; ces données y ' +
          'sont remplacées par « [donnée personnelle effacée] » (ligne « Effacement de données personnelles » du Journal).',
      ),
    );
  }, 240_000);

  it('lists a value taken that leaves a shared cell as it was: the cell, the partner’s value and the value kept', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches.find((candidate) =>
      candidate.criteria.some((criterion) => criterion.kind === 'qualitative'),
    )!;
    const criterion = fiche.criteria.find((candidate) => candidate.kind === 'qualitative')!;
    const OTHER = 'Association Les Pousses';
    fake.seed.sheet('Axe 1', [[`${PARTNER} ; ${OTHER}`]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const valueCell = cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1');
    await statusRead();
    // The two partners feed the same qualitative quarter: its median stays « Satisfaisant » (the worse on a tie).
    const lien = await returnedExtract(
      port,
      PARTNER,
      [{ key: criterion.key, header: '2026-T1', value: 'Satisfaisant' }],
      'retour-lien.xlsx',
    );
    const pousses = await returnedExtract(
      port,
      OTHER,
      [{ key: criterion.key, header: '2026-T1', value: 'Très satisfaisant' }],
      'retour-pousses.xlsx',
    );
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await pick(section, [lien, pousses]);
    await within(section).findByText(`retour-pousses.xlsx : extrait de ${OTHER}`);
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
    });
    await noProgress(section);
    expect(section.textContent).toContain(
      fr('1 changement, 1 valeur reprise sans changer sa cellule (valeur commune des partenaires)'),
    );
    const first = within(section).getByRole('article', { name: 'retour-lien.xlsx' });
    expect(first.textContent).toContain(fr(`${criterion.key}, 2026-T1 : vide → « Satisfaisant »`));
    // The value taken though the cell keeps its own: listed with the cell, the partner's value and the value kept.
    const second = within(section).getByRole('article', { name: 'retour-pousses.xlsx' });
    const heading = within(second).getByRole('heading', { name: 'Reprises sans changer la cellule' });
    const list = heading.nextElementSibling as HTMLElement;
    expect(listedTexts(list)).toEqual([
      fr(
        `${criterion.key}, 2026-T1 : valeur « Très satisfaisant » reprise ; la cellule garde « Satisfaisant », ` +
          `la valeur que donnent ensemble les contributions des partenaires` +
          `Aller à Axe 1!${valueCell}`,
      ),
    ]);
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${valueCell}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: valueCell }));

    // Applied, the report of what was done lists it as well, and the cell holds the partners' median.
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe('Satisfaisant');
    const done = within(section).getByRole('article', { name: 'retour-pousses.xlsx' });
    expect(done.textContent).toContain(fr('valeur « Très satisfaisant » reprise ; la cellule garde « Satisfaisant »'));
  }, 240_000);

  it('undoes a cell two partners fed in one merge as one cell, told from the merge’s value to its value before', async () => {
    const { fake, port } = renderPaneOnFake();
    const fiche = firstFiche();
    const criterion = fiche.criteria.find((candidate) => candidate.kind === 'quantitative')!;
    const OTHER = 'Association Les Pousses';
    await openGeneratedWorkbook(fake);
    fake.seed.sheet('Axe 1', [[`${PARTNER} ; ${OTHER}`]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const valueCell = cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1');
    await statusRead();
    const edit = (value: number) => [{ key: criterion.key, header: '2026-T1', value }];
    const lien = await returnedExtract(port, PARTNER, edit(4), 'retour-lien.xlsx');
    const pousses = await returnedExtract(port, OTHER, edit(6), 'retour-pousses.xlsx');
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await pick(section, [lien, pousses]);
    await within(section).findByText(`retour-pousses.xlsx : extrait de ${OTHER}`);
    await previewAndApply(section);
    // One merge, each file's value journalled in turn: vide → 4, then 4 → 10.
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(10);

    const undo = await undoLastMerge();
    expect(fake.inspect.values('Axe 1', valueCell)[0][0] ?? '').toBe('');
    expect(undo.textContent).toContain(fr('1 cellule remise à sa valeur d’avant'));
    // The cell once, as the count says: not « 10 » → « 4 », a value it no longer holds.
    expect(listedTexts(undo)).toEqual([fr(`${criterion.key}, 2026-T1 : « 10 » → vide Aller à Axe 1!${valueCell}`)]);
  }, 240_000);

  it('undoes a merge whose cell the officer emptied since as nothing to give back, not as a cell changed', async () => {
    const { fake, criterion, valueCell } = await mergedOneValue('retour-lien.xlsx');
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(4);
    // The officer empties the cell again: it holds what it held before the merge.
    fake.seed.sheet('Axe 1', [['']], valueCell);

    const undo = await undoLastMerge();
    expect(fake.inspect.values('Axe 1', valueCell)[0][0] ?? '').toBe('');
    expect(undo.textContent).not.toContain('Modifiées depuis la fusion');
    expect(undo.textContent).toContain(fr('Déjà à leur valeur d’avant la fusion, rien à y remettre :'));
    expect(listedTexts(undo)).toEqual([
      fr(`${criterion.key}, 2026-T1 : vide comme avant la fusion, qui y avait mis « 4 » Aller à Axe 1!${valueCell}`),
    ]);
  }, 240_000);

  it('undoes a merge whose row the amended plan removed since, saying it left the plan and what Archives keeps', async () => {
    const { fake, port, criterion } = await mergedOneValue('retour-lien.xlsx');
    // The officer corrects the merge's value; then the plan amended without the criterion: regenerated from it, the
    // workbook keeps in Archives the value the cell held then, not the merge's.
    await correctThenRegenerate(fake, port, criterion.key, (plan) => {
      const amended = plan.axes[0].fiches[0];
      amended.criteria = amended.criteria.filter((candidate) => candidate.key !== criterion.key);
    });

    const undo = await undoLastMerge();
    expect(undo.textContent).toContain(fr('Modifiées depuis la fusion, laissées telles quelles :'));
    // No cell to go to, and no « la cellule contient vide » of a cell that is no longer there.
    expect(listedTexts(undo).map((text) => text?.trim())).toEqual([
      fr(
        `${criterion.key}, 2026-T1 : la fusion y avait mis « 4 », mais sa ligne a été retirée du plan depuis ; sa ` +
          'valeur au retrait de la ligne, « 5 », est gardée dans la feuille « Archives »',
      ),
    ]);
  }, 240_000);

  it('undoes a merge whose quarter a changed period removed since, saying its column left and what Archives keeps', async () => {
    const { fake, port, criterion } = await mergedOneValue('retour-periode.xlsx');
    // The officer corrects the merge's value; then the convention starts later: regenerated, the workbook loses the
    // column of 2026-T1, and keeps in Archives the value the cell held then.
    await correctThenRegenerate(fake, port, criterion.key, (plan) => {
      plan.period = { ...plan.period, start: '2026-04-01' };
    });

    const undo = await undoLastMerge();
    expect(undo.textContent).toContain(fr('Modifiées depuis la fusion, laissées telles quelles :'));
    // The row is still there, the cell is not: its sheet is named, with no link, and no « la cellule contient vide ».
    expect(listedTexts(undo).map((text) => text?.trim())).toEqual([
      fr(
        `${criterion.key}, 2026-T1 : la fusion y avait mis « 4 », mais la colonne du trimestre a été retirée du ` +
          'classeur depuis, la période de la convention ayant changé ; sa valeur au retrait de la colonne, « 5 », ' +
          'est gardée dans la feuille « Archives » Feuille Axe 1',
      ),
    ]);
    expect(within(undo).queryByRole('button', { name: /Aller à/ })).toBeNull();
  }, 240_000);

  // Empty before the merge, the cell left the workbook with its quarter's column and came back empty: nothing to give
  // back, but the merge's value is in Archives, which is said with why (it read « vide comme avant la fusion » alone).
  it('undoes a merge whose quarter left and came back since as nothing to give back, saying what Archives keeps', async () => {
    const { fake, port, criterion, valueCell } = await mergedOneValue('retour-remise.xlsx');
    await regenerate(port, (plan) => {
      plan.period = { ...plan.period, start: '2026-04-01' };
    });
    await regenerate(port);
    expect(fake.inspect.values('Axe 1', valueCell)[0][0] ?? '').toBe('');

    const undo = await undoLastMerge();
    expect(undo.textContent).not.toContain('Modifiées depuis la fusion');
    expect(listedTexts(undo)).toEqual([
      fr(
        `${criterion.key}, 2026-T1 : vide comme avant la fusion, qui y avait mis « 4 » : la colonne du ` +
          'trimestre a été retirée du classeur depuis, puis remise, la période de la convention ayant changé ; sa ' +
          `valeur au retrait de la colonne, « 4 », est gardée dans la feuille « Archives » Aller à Axe 1!${valueCell}`,
      ),
    ]);
  }, 240_000);

  // The same of a fiche removed from the plan and put back (its key is the plan's ref): its row came back empty.
  it('undoes a merge whose row left and came back since as nothing to give back, saying what Archives keeps', async () => {
    const { fake, port, valueCell } = await mergedOneValue('retour-ligne-remise.xlsx', true);
    const fiche = firstFiche();
    await regenerate(port, (plan) => {
      plan.axes[0].fiches = plan.axes[0].fiches.filter((candidate) => candidate.key !== fiche.key);
    });
    await regenerate(port);
    expect(fake.inspect.values('Axe 1', valueCell)[0][0] ?? '').toBe('');

    const undo = await undoLastMerge();
    expect(undo.textContent).not.toContain('Modifiées depuis la fusion');
    expect(listedTexts(undo)).toEqual([
      fr(
        `${fiche.key}, Statut : vide comme avant la fusion, qui y avait mis « Réalisée » : sa ligne a été ` +
          'retirée du plan depuis, puis remise ; sa valeur au retrait de la ligne, « Réalisée », est gardée dans la ' +
          `feuille « Archives » Aller à Axe 1!${valueCell}`,
      ),
    ]);
  }, 240_000);

  it('offers « Appliquer la fusion » only when it would write something, and says why not', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    const criterion = fiche.criteria.find((candidate) => candidate.kind === 'quantitative')!;
    const valueCell = cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1');
    // Only a conflict: the officer typed 4, the partner named on the fiche returns 5.
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    fake.seed.sheet('Axe 1', [[4]], valueCell);
    const conflicting = await returnedFile(
      await port.read(),
      [{ key: criterion.key, header: '2026-T1', value: 5 }],
      'retour-conflit.xlsx',
    );
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    const previewOf = async (file: File) => {
      await pick(section, [file]);
      const partner = await within(section).findByRole('textbox', {
        name: new RegExp(`Partenaire qui a renvoyé ${file.name.replace('.', '\\.')}`),
      });
      fireEvent.change(partner, { target: { value: PARTNER } });
      await act(async () => {
        fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
      });
      await noProgress(section);
    };
    const applyButton = () => within(section).getByRole('button', { name: 'Appliquer la fusion' });
    const description = () => {
      const id = applyButton().getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : null;
    };

    await previewOf(conflicting);
    // The conflict is kept until chosen: applying now would write nothing, and the button says so.
    expect(applyButton().getAttribute('aria-disabled')).toBe('true');
    expect(description()).toBe(
      'Rien à appliquer tant que le classeur garde ses valeurs\u00a0: choisissez «\u00a0Prendre la valeur ' +
        'renvoyée\u00a0» pour un conflit à reprendre.',
    );
    const before = fake.stats.roundTrips;
    fireEvent.click(applyButton());
    expect(fake.stats.roundTrips).toBe(before);
    // Taking the returned value gives the merge something to write.
    const preview = within(section).getByRole('article', { name: 'retour-conflit.xlsx' });
    fireEvent.click(within(preview).getByRole('radio', { name: 'Prendre la valeur renvoyée' }));
    expect(applyButton().getAttribute('aria-disabled')).toBeNull();
    expect(description()).toBeNull();
    expect(section.textContent).not.toContain('Rien à appliquer');

    // A file that returns the workbook's own values: nothing to apply, whatever is chosen.
    await previewOf(await returnedFile(await port.read(), [], 'retour-identique.xlsx'));
    expect(applyButton().getAttribute('aria-disabled')).toBe('true');
    expect(description()).toBe('Rien à appliquer\u00a0: aucune valeur renvoyée ne change le classeur.');
    expect(fake.inspect.values('Axe 1', valueCell)[0][0]).toBe(4);
  }, 240_000);

  it('says which files a merge of several partners had written when Excel refuses the rest', async () => {
    const { fake, port, section, first, second } = await twoPartnersPreviewed();
    const firstStatus = cellOfRow(fake, 'Axe 1', first.key, 'Statut');
    const secondStatus = cellOfRow(fake, 'Axe 1', second.key, 'Statut');
    // Excel refuses the second merge's write.
    const write = port.write.bind(port);
    let writes = 0;
    port.write = (spec, context) => {
      writes += 1;
      if (writes === 2) fake.failures.failRequest(1);
      return write(spec, context);
    };
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('Excel n’a pas pu terminer'), { timeout: 60_000 });
    expect(writes).toBe(2);
    // The first merge stays written, and the pane says so, with how to take it back; the second changed nothing.
    expect(fake.inspect.values('Axe 1', firstStatus)[0][0]).toBe('En cours');
    expect(fake.inspect.values('Axe 1', secondStatus)[0][0] ?? '').toBe('');
    const said = section.textContent ?? '';
    expect(said).toContain(
      fr(
        'La fusion de lien.xlsx avait été écrite avant cet échec et reste dans le classeur, notée au Journal ' +
          '(« Annuler la dernière fusion » la retire). Pour la suite de la fusion : le classeur a été remis comme ' +
          'avant : ce que l’opération avait commencé d’écrire',
      ),
    );
  }, 240_000);

  it('says which files a merge of several partners had written when a later one is refused', async () => {
    const { fake, port, section, first, second } = await twoPartnersPreviewed();
    const firstStatus = cellOfRow(fake, 'Axe 1', first.key, 'Statut');
    // Once the first merge is written, a person types 150 in an Avancement: the second merge is refused.
    const write = port.write.bind(port);
    let writes = 0;
    port.write = async (spec, context) => {
      writes += 1;
      await write(spec, context);
      if (writes === 1) fake.seed.sheet('Axe 1', [[150]], cellOfRow(fake, 'Axe 1', second.key, 'Avancement (%)'));
    };
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('1 erreur'), { timeout: 60_000 });
    expect(writes).toBe(1);
    // The first merge stays written: the pane says so, never that nothing was written.
    expect(fake.inspect.values('Axe 1', firstStatus)[0][0]).toBe('En cours');
    const said = section.textContent ?? '';
    expect(said).not.toContain(fr('Rien n’a été écrit'));
    expect(said).toContain(
      fr(
        'La fusion de lien.xlsx avait été écrite avant ce refus et reste dans le classeur, notée au Journal ' +
          '(« Annuler la dernière fusion » la retire). La suite de la fusion n’a pas été écrite :',
      ),
    );
  }, 240_000);

  it('lists the first rows a file refuses of one kind, then counts the others in one item', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    // A partner's table whose 2 000 rows were pasted without their keys.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Retour');
    sheet.addRow(['Clé', 'Statut']);
    for (let index = 0; index < 2_000; index += 1) sheet.addRow([null, 'En cours']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const returned = new File([bytes as BlobPart], 'retour-sans-cles.xlsx', { type: XLSX_TYPE });
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await pick(section, [returned]);
    const partner = await within(section).findByRole('textbox', { name: /Partenaire qui a renvoyé/ });
    // A recipient of the workbook: a name no fiche goes to is refused whole, before its rows are read.
    fireEvent.change(partner, { target: { value: 'CCMP' } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
    });
    await noProgress(section);
    const preview = within(section).getByRole('article', { name: 'retour-sans-cles.xlsx' });
    const items = listedTexts(preview);
    const withoutKey = (row: number) =>
      fr(
        `Retour, cellule A${row} : cette ligne contient des valeurs mais pas de clé (une ligne ajoutée, ou sa clé ` +
          'effacée) ; elles ne sont pas reprises. Saisissez-les dans la ligne de la fiche ou du critère, puis ' +
          'fusionnez à nouveau.',
      );
    expect(items.filter((item) => item?.includes('pas de clé'))).toEqual([2, 3, 4, 5, 6].map(withoutKey));
    expect(items).toContain(fr('… et 1\u00a0995 autres lignes sans clé (Retour, lignes 7 à 2\u00a0001).'));
  }, 240_000);

  it('says a picked file with no table is no extract and holds no table, without asking whose it is', async () => {
    const { fake } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    // Another workbook sent by mistake: a table of its own, with no Clé column.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Budget').addRows([
      ['Poste', 'Montant'],
      ['Fournitures', 120],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await pick(section, [new File([bytes as BlobPart], 'budget.xlsx', { type: XLSX_TYPE })]);
    const refusal = await within(section).findByText('budget.xlsx');
    expect(refusal.closest('[role="group"], .fui-MessageBar')?.textContent).toBe(
      'budget.xlsx ' +
        fr(
          'Le fichier n’est pas un extrait de l’outil et ne contient aucun tableau avec une colonne « Clé » : rien ' +
            'n’en est repris. Vérifiez que c’est bien le fichier renvoyé par le partenaire (son extrait, ou un ' +
            'tableau dont une colonne « Clé » donne la clé de chaque ligne).',
        ),
    );
    expect(within(section).queryByRole('textbox', { name: /Partenaire qui a renvoyé/ })).toBeNull();
  }, 240_000);

  it('previews the refusal of an extract whose Clé column was deleted, naming the column and the sheet', async () => {
    // The partner deleted column A, whose codes meant nothing to them: no table with a Clé column is left.
    const { section, preview } = await previewChangedReturn(
      'retour-sans-cle.xlsx',
      [{ key: firstFiche().key, header: 'Statut', value: 'En cours' }],
      withoutKeyColumns,
    );
    const items = listedTexts(preview);
    expect(items).toContain(
      fr(
        'Axe 1, cellule A3 : le tableau de cette feuille n’a plus de colonne « Clé », qui donne la clé de chaque ' +
          'ligne (elle a été supprimée) : aucune valeur de la feuille « Axe 1 » n’est reprise. Remettez la colonne ' +
          '« Clé » de l’extrait envoyé en première colonne du tableau, ou renvoyez l’extrait au partenaire pour qu’il ' +
          'le complète à nouveau, puis fusionnez à nouveau.',
      ),
    );
    expect(within(section).getByRole('button', { name: 'Appliquer la fusion' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  }, 240_000);

  it('previews the refusal of an extract whose header rows were deleted, saying to insert them back', async () => {
    // No table with a Clé header is left, yet the file is taken: its rows still show their keys and Types.
    const { section, preview } = await previewChangedReturn(
      'retour-sans-en-tetes.xlsx',
      [{ key: firstFiche().key, header: 'Statut', value: 'En cours' }],
      withoutHeaderRows,
    );
    const items = listedTexts(preview);
    expect(items).toContain(
      fr(
        'Axe 1, cellule A1 : le tableau de cette feuille n’a plus sa ligne d’en-têtes (« Clé », « Type », ' +
          '« Intitulé »…), qui dit ce que contient chaque colonne (elle a été supprimée) : aucune valeur de la ' +
          'feuille « Axe 1 » n’est reprise. Insérez au-dessus de cette cellule la ligne d’en-têtes de l’extrait ' +
          'envoyé, ou renvoyez l’extrait au partenaire pour qu’il le complète à nouveau, puis fusionnez à nouveau.',
      ),
    );
    expect(within(section).getByRole('button', { name: 'Appliquer la fusion' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  }, 240_000);

  it('previews a copy of an axis sheet without Clé the partner added as a remark, and offers to apply the rest', async () => {
    const fiche = firstFiche();
    // The partner filled Axe 1, then copied it into a sheet of its own without the Clé column, to print it.
    const { section, preview } = await previewChangedReturn(
      'retour-impression.xlsx',
      [{ key: fiche.key, header: 'Statut', value: 'En cours' }],
      (bytes) => withKeylessCopy(bytes, 'Axe 1', 'Impression'),
    );
    const remarks = within(preview).getByRole('heading', { name: 'Remarques' }).nextElementSibling as HTMLElement;
    expect(listedTexts(remarks)).toContain(
      fr(
        'Impression, cellule A3 : cette feuille reprend le tableau de la feuille « Axe 1 » sans sa colonne « Clé » ' +
          '(une copie que le partenaire a ajoutée, pour l’imprimer par exemple) : elle n’est pas fusionnée, rien n’en ' +
          'est repris ; la feuille « Axe 1 » de l’extrait, avec ses clés, est fusionnée. Si des valeurs ont été ' +
          'saisies dans cette copie, saisissez-les dans la feuille « Axe 1 » elle-même, puis fusionnez à nouveau (sans ' +
          'remettre de colonne « Clé » dans la copie, dont les clés seraient alors en double).',
      ),
    );
    expect(within(preview).queryByRole('heading', { name: 'Non repris' })).toBeNull();
    expect(within(preview).getByText(frQuery(`${fiche.key}, Statut : vide → « En cours »`))).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Appliquer la fusion' }).getAttribute('aria-disabled')).not.toBe(
      'true',
    );
  }, 240_000);

  it('merges once a copy of a returned file picked under another name, saying which file it repeats', async () => {
    const { fake, port } = renderPaneOnFake();
    await openGeneratedWorkbook(fake);
    const fiche = firstFiche();
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const edits = [{ key: fiche.key, header: 'Statut', value: 'En cours' }];
    const returned = await returnedExtract(port, PARTNER, edits, 'retour.xlsx');
    // The same e-mail's attachment saved twice: the same bytes under a second name, picked first.
    const copy = new File([returned], 'retour (1).xlsx', { type: XLSX_TYPE });
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await pick(section, [copy, returned]);
    await within(section).findByText(`retour.xlsx : extrait de ${PARTNER}`);
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
    });
    await noProgress(section);
    expect(section.textContent).toContain(
      fr(
        '« retour (1).xlsx » est le même fichier que « retour.xlsx » (contenu identique, octet pour octet) : il ' +
          'n’est fusionné qu’une fois, sous le nom « retour.xlsx », et rien n’en est repris ni refusé deux fois.',
      ),
    );
    // The change is listed once, as the file's, with no conflict between the two copies.
    expect(within(section).getAllByText(frQuery(`${fiche.key}, Statut : vide → « En cours »`))).toHaveLength(1);
    expect(within(section).queryByRole('heading', { name: 'Conflits' })).toBeNull();
  }, 240_000);

  it('previews as refused a value typed only in the partner’s keyless copy, with where to type it', async () => {
    const fiche = firstFiche();
    // The partner copied Axe 1 without Clé, then typed the fiche's Statut in the copy only.
    const typed = { copyCell: '', axisRow: 0 };
    const { preview } = await previewChangedReturn('retour-copie-saisie.xlsx', [], async (bytes) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      const copy = copyOfSheet(workbook, 'Axe 1', 'Impression');
      copy.spliceColumns(1, 1);
      const headers = copy.getRow(3).values as unknown[];
      copy.eachRow((row, number) => {
        if (row.getCell(headers.indexOf('Intitulé')).value !== fiche.title) return;
        const status = headers.indexOf('Statut');
        row.getCell(status).value = 'Réalisée';
        // The copy's rows stand where the axis sheet's do: its row number is the axis sheet's.
        Object.assign(typed, { copyCell: `${String.fromCharCode(64 + status)}${number}`, axisRow: number });
      });
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    });
    const refused = within(preview).getByRole('heading', { name: 'Non repris' }).nextElementSibling as HTMLElement;
    expect(listedTexts(refused)).toContain(
      fr(
        `Impression, cellule ${typed.copyCell} : cette feuille, une copie sans colonne « Clé » d’un tableau des ` +
          `feuilles d’axe (que le partenaire a ajoutée), porte « Réalisée » sous « Statut » à la ligne ` +
          `« ${fiche.title} », alors que cette ligne de la feuille « Axe 1 » (ligne ${typed.axisRow}) y est vide : ` +
          'cette valeur n’est pas reprise, la copie n’étant pas fusionnée. Si la valeur de la copie est la bonne, ' +
          `saisissez-la dans la feuille « Axe 1 » elle-même, ligne ${typed.axisRow}, sinon effacez-la de la copie, ` +
          'puis fusionnez à nouveau (sans remettre de colonne « Clé » dans la copie, dont les clés seraient alors en ' +
          'double).',
      ),
    );
    expect(within(preview).queryByRole('heading', { name: 'Remarques' })).toBeNull();
  }, 240_000);

  it('previews the conflict of a value hidden under cells the partner merged, naming the range, and keeps it', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    const criterion = fiche.criteria.find((candidate) => candidate.kind === 'quantitative')!;
    const statusCell = cellOfRow(fake, 'Axe 1', fiche.key, 'Statut');
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    // The partner's Statut, taken by an earlier merge: their extract shows it back to them.
    fake.seed.sheet('Axe 1', [['En cours']], statusCell);
    fake.seed.sheet(
      'Contributions',
      [['2026-04-10T08:00:00Z', 'retour-avril.xlsx', PARTNER, fiche.key, 'Statut', 'status', 'En cours', 'texte']],
      'A2',
    );
    // The partner typed a figure, then merged the fiche's Budget and Statut cells: the Statut « En cours » is lost.
    const merged = { range: '', status: '' };
    const returned = await returnedExtract(
      port,
      PARTNER,
      [{ key: criterion.key, header: '2026-T1', value: 3 }],
      'retour-cellules-fusionnees.xlsx',
      async (bytes) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
        const axis = workbook.getWorksheet('Axe 1')!;
        const headers = axis.getRow(3).values as unknown[];
        axis.eachRow((row, number) => {
          if (row.getCell(1).value !== fiche.key) return;
          const [budget, status] = [headers.indexOf('Budget'), headers.indexOf('Statut')];
          const address = (column: number) => `${String.fromCharCode(64 + column)}${number}`;
          Object.assign(merged, { range: `${address(budget)}:${address(status)}`, status: address(status) });
        });
        axis.mergeCells(merged.range);
        return new Uint8Array(await workbook.xlsx.writeBuffer());
      },
    );
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    const preview = await previewExtract(section, returned, PARTNER);
    expect(preview.textContent).toContain(
      fr(
        `${PARTNER} a fusionné les cellules ${merged.range} de la feuille « Axe 1 » du fichier renvoyé, où ` +
          `${merged.status}, masquée par la fusion, est vide (une fusion ne garde que la valeur de sa première ` +
          `cellule) ; gardez la valeur du classeur, sauf si ${PARTNER} confirme vouloir la vider.`,
      ),
    );
    const choice = within(preview).getByRole('radiogroup', {
      name: frQuery(`Valeur à garder pour ${fiche.key}, Statut`),
    });
    expect(
      (within(choice).getByRole('radio', { name: 'Garder la valeur du classeur' }) as HTMLInputElement).checked,
    ).toBe(true);
    // Applied as previewed: the figure is taken, the Statut the merged cells hid is still the workbook's.
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    expect(fake.inspect.values('Axe 1', cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'))[0][0]).toBe(3);
    expect(fake.inspect.values('Axe 1', statusCell)[0][0]).toBe('En cours');
  }, 240_000);

  it('refused for the workbook’s errors, says how many in its live line and lists them below with links', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche.key, header: 'Statut', value: 'En cours' }],
      'retour-lien.xlsx',
    );
    const criteria = fiche.criteria.filter((criterion) => criterion.kind === 'quantitative');
    const cells = criteria.map((criterion) => cellOfRow(fake, 'Axe 1', criterion.key, '2026-T1'));
    for (const cell of cells) fake.seed.sheet('Axe 1', [['beaucoup']], cell);
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await previewReturned(section, returned, PARTNER);
    const list = within(section).getByRole('navigation', {
      name: 'Ce qui empêche d’écrire le classeur, par feuille et par fiche',
    });
    // What a screen reader announces: the refusal and its counts, not every problem.
    const said = within(section).getByRole('status').textContent;
    expect(said).toContain(
      fr(`Rien n’a été écrit :${cells.length} erreurs, 0 avertissement : voir la liste ci-dessous`),
    );
    expect(said).not.toContain('beaucoup');
    expect(within(list).getAllByRole('button', { name: /^Aller à Axe 1!/ })).toHaveLength(cells.length);
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${cells[0]}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: cells[0] }));
  }, 180_000);

  it('undo refused for the workbook’s errors: says how many in its live line and lists them below with links', async () => {
    const { fake, port } = renderPaneOnFake();
    const { plan } = embeddedPlan();
    await openGeneratedWorkbook(fake);
    const fiche = plan.axes[0].fiches[0];
    fake.seed.sheet('Axe 1', [[PARTNER]], cellOfRow(fake, 'Axe 1', fiche.key, 'Partenaires'));
    const returned = await returnedFile(
      await port.read(),
      [{ key: fiche.key, header: 'Statut', value: 'En cours' }],
      'retour-lien.xlsx',
    );
    await statusRead();
    await readAgain();
    openTask('Partenaires');
    const section = screen.getByRole('region', { name: 'Fusion des retours' });
    await previewReturned(section, returned, PARTNER);
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Appliquer la fusion' }));
    });
    await waitFor(() => expect(section.textContent).toContain('Fusion appliquée'), { timeout: 60_000 });
    // An error typed after the merge: the undo, which rewrites the workbook, is refused.
    const statusCell = cellOfRow(fake, 'Axe 1', fiche.key, 'Statut');
    const progressCell = cellOfRow(fake, 'Axe 1', fiche.key, 'Avancement (%)');
    fake.seed.sheet('Axe 1', [[150]], progressCell);
    const undo = screen.getByRole('region', { name: 'Annuler la dernière fusion' });
    fireEvent.click(within(undo).getByRole('button', { name: 'Annuler la dernière fusion' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler la fusion', hidden: true }));
    });
    await waitFor(() => expect(within(undo).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
    const said = within(undo).getByRole('status').textContent;
    expect(said).toContain(fr('Rien n’a été écrit :1 erreur, 0 avertissement : voir la liste ci-dessous'));
    expect(said).not.toContain('150');
    const list = within(undo).getByRole('navigation', {
      name: 'Ce qui empêche d’écrire le classeur, par feuille et par fiche',
    });
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: `Aller à Axe 1!${progressCell}` }));
    });
    await waitFor(() => expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: progressCell }));
    expect(fake.inspect.values('Axe 1', statusCell)[0][0]).toBe('En cours');
  }, 180_000);
});
