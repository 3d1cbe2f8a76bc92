import { mergeAndWrite } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { readXlsx } from '../../src/xlsx/reader';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookPort } from '../../src/app/port';
import { generateOnFake } from '../excel-backend/helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';
import { cellAt, copyOf, filePort, put, refusal, roundTrip, sheet, typeInto } from './helpers';

/**
 * The texts the tools write in the sheets of fixed shape (Paramètres' lists, titles and hint, the Guide, the labels
 * and headers of Annexe 4 and Compétences AO) are put back by every rewrite. What a person typed over one is never
 * lost without a word (docs/WORKBOOK.md, « Rewriting a workbook »): over a value of a Paramètres list, validation
 * names the cell and the rewrite is refused; over any other of those texts, the rewrite puts the tool's text back
 * and keeps what it found in the Journal, saying so. Annexe 4's copies of the axis sheets' texts (axis and fiche
 * titles, porteurs) are not texts of the tools: found differing, they are said and journalled as copies given what
 * the axis sheets hold now.
 */

const today = new Date('2026-05-10T09:00:00Z');
const RESTORED_SOURCE = 'Texte de l’outil rétabli';
const COPIED_SOURCE = 'Texte repris des feuilles d’axe';
const ANNEXE4 = 'Annexe 4 \u2013 Suivi';
const AO = 'Compétences AO';

const messagesOf = (issues: readonly Issue[]) => issues.map((issue) => renderIssueMessage(issue));

/** The 1-based row and column of the first cell holding exactly `text`. */
function find(grid: SheetGrid, text: string): { row: number; column: number } {
  for (let r = 0; r < grid.rows.length; r += 1) {
    const c = (grid.rows[r] ?? []).findIndex((found) => found?.value === text);
    if (c >= 0) return { row: r + 1, column: c + 1 };
  }
  throw new Error(`no cell holds ${text}`);
}

/** The Journal's lines as a person reads them: Source, Clé, Colonne, Ancienne valeur, Nouvelle valeur, code. */
function journalLines(grids: WorkbookGrids, source?: string) {
  return sheet(grids, 'Journal')
    .rows.slice(1)
    .map((row) => (row ?? []).map((found) => found?.value ?? null))
    .filter((row) => source === undefined || row[1] === source)
    .map((row) => ({
      source: row[1],
      key: row[2],
      column: row[3],
      before: row[4],
      after: row[5],
      code: row[6],
      field: row[7],
      beforeType: row[8],
    }));
}

describe('a rewrite never loses, without a word, what a person typed over the tools’ texts', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  it('refuses a value of a Paramètres list changed by hand, validation naming the cell, and writes nothing', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const postponed = find(settings, 'Reportée');
    put(settings, postponed.row, postponed.column, { value: 'Suspendue' });
    const address = cellAddress(postponed.row, postponed.column);

    const report = await validateGrids(grids, { today });
    const found = report.issues.filter((issue) => issue.code === 'settings-list-value-changed');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Paramètres', cell: address })]);
    expect(messagesOf(found)[0]).toBe(
      `Paramètres, cellule ${address} : la liste « Statuts » de l’outil a « Reportée » à cette place, et la ` +
        'cellule contient « Suspendue ». Les listes ne se modifient pas : les feuilles d’axe, les taux et la fusion ' +
        'ne connaissent que les valeurs de l’outil, et une réécriture y remettrait « Reportée ». Remettez ' +
        '« Reportée » ; pour noter autre chose, écrivez-le dans une cellule vide, hors des listes. Le classeur n’est ' +
        'pas réécrit d’ici là.',
    );

    const file = filePort(grids);
    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'settings-list-value-changed', sheet: 'Paramètres', cell: address }),
    ]);
  }, 30_000);

  it('refuses a quarter of the list or a formula typed there too, but not a list value retyped alike', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const quarter = find(settings, '2026-T3');
    put(settings, quarter.row, quarter.column, { value: '2026-T3 (COPIL)' });
    const yes = find(settings, 'Oui');
    put(settings, yes.row, yes.column, { value: 'Oui', formula: '"Oui"' });
    const rule = find(settings, 'Moyenne');
    put(settings, rule.row, rule.column, { value: ' Moyenne ' });

    const report = await validateGrids(grids, { today });

    const found = report.issues.filter((issue) => issue.code === 'settings-list-value-changed');
    expect(found.map((issue) => issue.cell)).toEqual([
      cellAddress(yes.row, yes.column),
      cellAddress(quarter.row, quarter.column),
    ]);
    expect(messagesOf(found)[0]).toContain('la cellule contient « ="Oui" »');
  }, 30_000);

  it('puts back a Paramètres hint typed over, the text found kept in the Journal and named in a warning', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const hint = find(settings, 'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.');
    put(settings, hint.row, hint.column, { value: 'Changer le trimestre après le COPIL' });
    const address = cellAddress(hint.row, hint.column);
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const written = file.grids();
    expect(cellAt(sheet(written, 'Paramètres'), hint.row, hint.column)?.value).toBe(
      'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.',
    );
    expect(journalLines(written, RESTORED_SOURCE)).toEqual([
      {
        source: RESTORED_SOURCE,
        key: null,
        column: `Paramètres, cellule ${address}`,
        before: 'Changer le trimestre après le COPIL',
        after: 'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.',
        code: 'texte-rétabli',
        field: `text:Paramètres!${address}`,
        beforeType: 'texte',
      },
    ]);
    const warnings = outcome.notes.filter((note) => note.code === 'tool-text-restored');
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Paramètres', cell: address })]);
    // A tool's text is part of its sheet's shape: putting one back writes the workbook whole, which the warning says.
    expect(messagesOf(warnings)[0]).toBe(
      `Paramètres, cellule ${address} : l’outil y a remis son texte à la place de « Changer le trimestre après le ` +
        'COPIL », que le Journal garde (source « Texte de l’outil rétabli »). Le classeur a été réécrit entier : ' +
        'les largeurs, colonnes masquées et mises en forme changées à la main sont remises comme à la génération.',
    );

    // Put back once: the next rewrite finds the tool's text and has nothing more to say.
    const again = await computeAndWrite(file.port, { now: new Date('2026-05-11T09:00:00Z') });
    expect(again.status === 'done' ? again.notes.map((note) => note.code) : []).not.toContain('tool-text-restored');
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toHaveLength(1);
  }, 30_000);

  it('warns at validation, before any rewrite, at each text typed over, and no more once it is put back', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const hint = find(settings, 'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.');
    put(settings, hint.row, hint.column, { value: 'Changer le trimestre après le COPIL' });
    const title = find(sheet(grids, 'Guide'), 'Guide de remplissage du tableau de suivi de la CTG');
    put(sheet(grids, 'Guide'), title.row, title.column, { value: 'Guide', formula: '"Gui"&"de"' });
    const address = cellAddress(hint.row, hint.column);

    const report = await validateGrids(grids, { today });

    const warnings = report.issues.filter((issue) => issue.code === 'tool-text-typed-over');
    expect(warnings.map((issue) => [issue.severity, issue.sheet, issue.cell])).toEqual([
      ['warning', 'Guide', cellAddress(title.row, title.column)],
      ['warning', 'Paramètres', address],
    ]);
    expect(messagesOf(warnings)).toEqual([
      expect.stringContaining('cette cellule contient « ="Gui"&"de" » à la place du texte de l’outil'),
      `Paramètres, cellule ${address} : cette cellule contient « Changer le trimestre après le COPIL » à la ` +
        'place du texte de l’outil. La prochaine réécriture du classeur (« Calculer », « npx ctg-suivi compute », une ' +
        'clôture, une fusion) y remettra le texte de l’outil et gardera ce qui s’y trouve dans le Journal ' +
        '(source « Texte de l’outil rétabli ») ; elle réécrira alors le classeur entier, et les largeurs, ' +
        'colonnes masquées et mises en forme changées à la main seront remises comme à la génération. Pour garder ' +
        'une note, écrivez-la dans une cellule vide.',
    ]);

    const file = filePort(grids);
    expect((await computeAndWrite(file.port, { now: today })).status).toBe('done');
    const after = await validateGrids(file.grids(), { today });
    expect(after.issues.filter((issue) => issue.code === 'tool-text-typed-over')).toEqual([]);
  }, 30_000);

  it('reads the values beside Paramètres labels typed over, warns at each, and puts the labels back, values kept', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const territory = find(settings, 'Territoire');
    const siren = find(settings, "SIREN de l'EPCI");
    put(settings, territory.row, territory.column, { value: 'Territoire du Pilat' });
    put(settings, siren.row, siren.column, { value: 'N° SIREN' });
    put(settings, siren.row, siren.column + 1, { value: '244200770' });
    const territoryName = cellAt(settings, territory.row, territory.column + 1)?.value;

    const report = await validateGrids(grids, { today });
    const settingsIssues = report.issues.filter((issue) => issue.sheet === 'Paramètres');
    expect(settingsIssues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ['warning', 'settings-label-edited', cellAddress(territory.row, territory.column)],
      ['warning', 'settings-label-edited', cellAddress(siren.row, siren.column)],
    ]);
    expect(messagesOf(settingsIssues)[1]).toBe(
      `Paramètres, cellule A${siren.row} : l’intitulé « SIREN de l'EPCI » a été remplacé par « N° SIREN ». La ` +
        `cellule B${siren.row} reste lue comme « SIREN de l'EPCI », et la prochaine réécriture du classeur remettra ` +
        `« SIREN de l'EPCI » en A${siren.row}, en gardant « N° SIREN » dans le Journal. Retapez « SIREN de l'EPCI » ` +
        'ou annulez la saisie (Ctrl+Z) ; pour noter autre chose, écrivez-le dans une cellule vide.',
    );
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const written = sheet(file.grids(), 'Paramètres');
    expect(cellAt(written, territory.row, territory.column)?.value).toBe('Territoire');
    expect(cellAt(written, territory.row, territory.column + 1)?.value).toBe(territoryName);
    expect(cellAt(written, siren.row, siren.column)?.value).toBe("SIREN de l'EPCI");
    expect(cellAt(written, siren.row, siren.column + 1)?.value).toBe('244200770');
    expect(journalLines(file.grids(), RESTORED_SOURCE).map((line) => [line.column, line.before, line.after])).toEqual([
      [`Paramètres, cellule A${territory.row}`, 'Territoire du Pilat', 'Territoire'],
      [`Paramètres, cellule A${siren.row}`, 'N° SIREN', "SIREN de l'EPCI"],
    ]);
    expect(outcome.notes.filter((note) => note.code === 'tool-text-restored').map((note) => note.cell)).toEqual([
      `A${territory.row}`,
      `A${siren.row}`,
    ]);
  }, 30_000);

  it.each([
    ['the EPCI’s name, which the sheet shows beside it', (settings: SheetGrid) => cellAt(settings, 4, 2)!.value],
    ['the sheet’s title', () => 'Paramètres du suivi'],
    ['a value of a list', () => 'Abandonnée'],
  ])(
    'journals a Paramètres label typed over with a text the sheet shows elsewhere (%s), as its warning says',
    async (_name, typedText) => {
      const grids = copyOf(fresh);
      const settings = sheet(grids, 'Paramètres');
      const epci = find(settings, 'EPCI');
      const typed = typedText(settings) as string;
      put(settings, epci.row, epci.column, { value: typed });
      const address = cellAddress(epci.row, epci.column);

      // Validation warns once at the label, promising a Journal line when it is put back…
      const report = await validateGrids(grids, { today });
      const atLabel = report.issues.filter((issue) => issue.sheet === 'Paramètres' && issue.cell === address);
      expect(atLabel.map((issue) => [issue.severity, issue.code])).toEqual([['warning', 'settings-label-edited']]);
      expect(messagesOf(atLabel)[0]).toContain(`en gardant «\u00a0${typed}\u00a0» dans le Journal`);

      // …and the rewrite that puts it back keeps that line, holding what was typed.
      const file = filePort(grids);
      const outcome = await computeAndWrite(file.port, { now: today });

      expect(outcome.status).toBe('done');
      if (outcome.status !== 'done') return;
      expect(cellAt(sheet(file.grids(), 'Paramètres'), epci.row, epci.column)?.value).toBe('EPCI');
      expect(journalLines(file.grids(), RESTORED_SOURCE).map((line) => [line.column, line.before, line.after])).toEqual(
        [[`Paramètres, cellule ${address}`, typed, 'EPCI']],
      );
      expect(outcome.notes.filter((note) => note.code === 'tool-text-restored').map((note) => note.cell)).toEqual([
        address,
      ]);
    },
    30_000,
  );

  it('journals the labels, titles and headers typed over in every sheet of fixed shape, through every rewrite', async () => {
    const grids = copyOf(fresh);
    const typed: [string, string, GridCell][] = [
      ['Guide', 'Guide de remplissage du tableau de suivi de la CTG', { value: 'Guide', formula: '"Gui"&"de"' }],
      ['Paramètres', 'Échelle qualitative', { value: 'Échelle (ne pas toucher)' }],
      ['Annexe 4 \u2013 Suivi', 'Suivi par axe', { value: 'Suivi par axe (COPIL du 12 mai)' }],
      [
        'Compétences AO',
        'Somme des populations saisies des communes ayant transféré au moins une compétence',
        { value: 15431 },
      ],
    ];
    const places = typed.map(([name, text, cell]) => {
      const place = find(sheet(grids, name), text);
      put(sheet(grids, name), place.row, place.column, cell);
      return { name, text, address: cellAddress(place.row, place.column) };
    });
    const file = filePort(grids);

    expect((await closeQuarterAndWrite(file.port, { now: new Date('2026-07-02T10:00:00Z') })).status).toBe('done');

    const lines = journalLines(file.grids(), RESTORED_SOURCE);
    expect(lines.map((line) => [line.column, line.before, line.after, line.beforeType])).toEqual([
      [`Guide, cellule ${places[0].address}`, '="Gui"&"de"', places[0].text, 'texte'],
      [`Paramètres, cellule ${places[1].address}`, 'Échelle (ne pas toucher)', 'Échelle qualitative', 'texte'],
      [
        `Annexe 4 \u2013 Suivi, cellule ${places[2].address}`,
        'Suivi par axe (COPIL du 12 mai)',
        'Suivi par axe',
        'texte',
      ],
      [`Compétences AO, cellule ${places[3].address}`, 15431, places[3].text, 'nombre'],
    ]);
    for (const { name, text, address } of places) {
      const grid = sheet(file.grids(), name);
      const { row, column } = find(grid, text);
      expect(cellAddress(row, column)).toBe(address);
    }

    // A regeneration from the same plan journals the same way.
    const regenerated = filePort(copyOf(grids));
    expect((await regenerateAndWrite(regenerated.port, samplePlan(), { now: today })).status).toBe('done');
    expect(journalLines(regenerated.grids(), RESTORED_SOURCE)).toHaveLength(4);
  }, 60_000);

  describe.each([
    ['compute', (port: WorkbookPort) => computeAndWrite(port, { now: today })],
    ['a quarter closed', (port: WorkbookPort) => closeQuarterAndWrite(port, { now: new Date('2026-07-02T10:00:00Z') })],
  ])(
    'puts back the EPCI row’s type typed over in Compétences AO, the row kept and the text journalled (%s)',
    (_name, rewrite) => {
      /** Types over the EPCI row's « Type » and picks « Oui » in its « RPE existant », as a person would. */
      const typeOverEpciType = (ao: SheetGrid) => {
        const epci = find(ao, 'EPCI');
        put(ao, epci.row, epci.column, { value: 'à revoir' });
        put(ao, epci.row, find(ao, 'RPE existant').column, { value: 'Oui' });
        return { ...epci, name: String(cellAt(ao, epci.row, 1)?.value), address: cellAddress(epci.row, epci.column) };
      };

      it('in a file', async () => {
        const grids = copyOf(fresh);
        const epci = typeOverEpciType(sheet(grids, AO));
        const file = filePort(grids);

        const outcome = await rewrite(file.port);

        expect(outcome.status).toBe('done');
        if (outcome.status !== 'done') return;
        const ao = sheet(file.grids(), AO);
        expect([1, 2, 8].map((column) => cellAt(ao, epci.row, column)?.value)).toEqual([epci.name, 'EPCI', 'Oui']);
        expect(
          journalLines(file.grids(), RESTORED_SOURCE).map((line) => [line.column, line.before, line.after]),
        ).toEqual([[`${AO}, cellule ${epci.address}`, 'à revoir', 'EPCI']]);
        const warnings = outcome.notes.filter((note) => note.code === 'tool-text-restored');
        expect(warnings.map((note) => [note.sheet, note.cell])).toEqual([[AO, epci.address]]);
        expect(messagesOf(warnings)[0]).toContain('à la place de «\u00a0à revoir\u00a0», que le Journal garde');
      }, 30_000);

      it('in the open workbook (fake Excel)', async () => {
        const { fake, port } = await generateOnFake(samplePlan(), today);
        const grid = sheet(await port.read(), AO);
        const epci = find(grid, 'EPCI');
        fake.seed.sheet(AO, [['à revoir']], cellAddress(epci.row, epci.column));
        fake.seed.sheet(AO, [['Oui']], cellAddress(epci.row, find(grid, 'RPE existant').column));

        // Validation says beforehand what the rewrite does.
        const report = await validateGrids(await port.read(), { today });
        expect(report.issues.map((issue) => [issue.severity, issue.code, issue.cell])).toContainEqual([
          'warning',
          'tool-text-typed-over',
          cellAddress(epci.row, epci.column),
        ]);

        const outcome = await rewrite(port);

        expect(outcome.status === 'done' ? outcome.notes.map((note) => [note.code, note.cell]) : outcome).toEqual([
          ['tool-text-restored', cellAddress(epci.row, epci.column)],
        ]);
        const after = fake.inspect.snapshotWorkbook();
        const ao = sheet(after, AO);
        expect([1, 2, 8].map((column) => cellAt(ao, epci.row, column)?.value)).toEqual([
          cellAt(grid, epci.row, 1)?.value,
          'EPCI',
          'Oui',
        ]);
        expect(journalLines(after, RESTORED_SOURCE).map((line) => [line.before, line.after])).toEqual([
          ['à revoir', 'EPCI'],
        ]);
      }, 30_000);
    },
  );

  it('leaves texts alone that only differ in spacing or apostrophes, as older versions wrote them', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const hint = find(settings, 'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.');
    put(settings, hint.row, hint.column, {
      value: "Trimestre suivi (AAAA-Tn) :  les taux sont calculés jusqu'à ce trimestre inclus.",
    });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status === 'done' ? outcome.notes.map((note) => note.code) : outcome.status).toEqual([]);
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
  }, 30_000);

  test.each([
    'Unité, Référence (la valeur de départ) et Cible (la valeur visée)\u00a0: à compléter pour les critères ' +
      'quantitatifs. Règle d’agrégation\u00a0: comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
    'Référence (la valeur de départ) et Cible (la valeur visée) des critères quantitatifs\u00a0: reprises de la ' +
      'convention quand elle les chiffre (à corriger au besoin), à compléter sinon, comme l’Unité. Règle ' +
      'd’agrégation\u00a0: comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
  ])(
    'puts the current Guide back over the paragraph on Référence and Cible an earlier version wrote, silently: %s',
    async (earlier) => {
      const grids = copyOf(fresh);
      const guide = sheet(grids, 'Guide');
      const text =
        'Unité, Référence (la valeur de départ) et Cible (la valeur visée) des critères quantitatifs\u00a0: reprises ' +
        'de la convention quand elle les donne (à corriger au besoin), à compléter sinon. Règle d’agrégation\u00a0: ' +
        'comment les valeurs se cumulent (Somme, Moyenne ou Médiane).';
      const current = find(guide, text);
      put(guide, current.row, current.column, { value: earlier });

      const report = await validateGrids(grids, { today });
      expect(report.issues.filter((issue) => issue.code === 'tool-text-typed-over')).toEqual([]);
      const file = filePort(grids);
      const outcome = await computeAndWrite(file.port, { now: today });
      expect(outcome.status === 'done' ? outcome.notes.map((note) => note.code) : outcome.status).toEqual([]);
      expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
      expect(cellAt(sheet(file.grids(), 'Guide'), current.row, current.column)?.value).toBe(text);
    },
    30_000,
  );

  it('journals nothing when the tools’ own texts moved with Annexe 4’s rows (carriers changed in an axis sheet)', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const header = find(axis, 'Porteur(s)');
    const g1 = find(axis, 'G1');
    put(axis, g1.row, header.column, { value: ['Mairie (s)', 'CCMP', 'Partenaire 1', 'Partenaire 2'].join(' ; ') });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
  }, 30_000);

  it.each([
    [
      'a carrier renamed in an axis sheet',
      (grids: WorkbookGrids) => {
        const axis = sheet(grids, 'Axe 1');
        for (const key of ['G1', 'G2', 'G1-B'])
          put(axis, find(axis, key).row, find(axis, 'Porteur(s)').column, { value: 'Mairie (s) ; CC du Pilat' });
      },
    ],
  ])(
    'journals nothing when Annexe 4 follows a plan text changed in its axis sheet (%s)',
    async (_name, edit) => {
      const grids = copyOf(fresh);
      edit(grids);
      const file = filePort(grids);

      const outcome = await computeAndWrite(file.port, { now: today });

      expect(
        outcome.status === 'done' ? outcome.notes.filter((note) => note.code === 'tool-text-restored') : ['refused'],
      ).toEqual([]);
      expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
    },
    30_000,
  );

  it.each([
    ['an axis title', 'Axe 1 – Gouvernance et animation de la CTG', 'Axe 1 – Gouvernance (COPIL du 12 mai)'],
    ['a fiche’s title', 'Animer le comité de pilotage', 'Animer le COPIL et ses groupes de travail'],
  ])(
    'keeps %s edited in its axis sheet, which Annexe 4 then shows, and never journals it as a text of the tools put back',
    async (_name, before, after) => {
      const grids = copyOf(fresh);
      const axis = sheet(grids, 'Axe 1');
      const edited = find(axis, before);
      put(axis, edited.row, edited.column, { value: after });
      const shown = (text: string) => text.replace(/^Axe 1 – /, '');
      const annexe = find(sheet(grids, ANNEXE4), shown(before));
      const address = cellAddress(annexe.row, annexe.column);

      // Validation says what Annexe 4 shows until the rewrite, and what the rewrite does: no text was typed over.
      const report = await validateGrids(grids, { today });
      expect(report.issues.filter((issue) => issue.code === 'tool-text-typed-over')).toEqual([]);
      const outdated = report.issues.filter((issue) => issue.code === 'copied-text-outdated');
      expect(outdated).toEqual([expect.objectContaining({ severity: 'warning', sheet: ANNEXE4, cell: address })]);
      expect(messagesOf(outdated)[0]).toBe(
        `${ANNEXE4}, cellule ${address}\u00a0: cette cellule montre «\u00a0${shown(before)}\u00a0», alors que les ` +
          `feuilles d’axe donnent «\u00a0${shown(after)}\u00a0». La prochaine réécriture du classeur (« Calculer », ` +
          `«\u00a0npx ctg-suivi compute\u00a0», une clôture, une fusion) y mettra «\u00a0${shown(after)}\u00a0» et gardera ` +
          `«\u00a0${shown(before)}\u00a0» dans le Journal (source « Texte repris des feuilles d’axe ») ; elle ` +
          'réécrira alors le classeur entier, et les largeurs, colonnes masquées et mises en forme changées à la ' +
          'main seront remises comme à la génération. Un titre d’axe, l’intitulé d’une fiche et ses porteurs se ' +
          'changent dans leur feuille d’axe.',
      );
      const file = filePort(grids);

      const outcome = await computeAndWrite(file.port, { now: today });

      expect(outcome.status).toBe('done');
      if (outcome.status !== 'done') return;
      const written = file.grids();
      // The person's text stays where they typed it, and is the one Annexe 4 shows.
      expect(cellAt(sheet(written, 'Axe 1'), edited.row, edited.column)?.value).toBe(after);
      expect(cellAt(sheet(written, ANNEXE4), annexe.row, annexe.column)?.value).toBe(shown(after));
      expect(journalLines(written, RESTORED_SOURCE)).toEqual([]);
      expect(journalLines(written, COPIED_SOURCE)).toEqual([
        {
          source: COPIED_SOURCE,
          key: null,
          column: `${ANNEXE4}, cellule ${address}`,
          before: shown(before),
          after: shown(after),
          code: 'texte-repris',
          field: `text:${ANNEXE4}!${address}`,
          beforeType: 'texte',
        },
      ]);
      expect(outcome.notes.map((note) => note.code)).toEqual(['copied-text-updated']);
      expect(messagesOf(outcome.notes)[0]).toBe(
        `${ANNEXE4}, cellule ${address} : la cellule montre maintenant « ${shown(after)} », repris des feuilles ` +
          `d’axe, à la place de « ${shown(before)} », que le Journal garde (source « Texte repris des feuilles ` +
          'd’axe »). Un titre d’axe, l’intitulé d’une fiche et ses porteurs se changent dans leur feuille d’axe. ' +
          'Le classeur a été réécrit entier : les largeurs, colonnes masquées et mises en forme changées à la main ' +
          'sont remises comme à la génération.',
      );

      // Shown once: the next rewrite finds Annexe 4 as the axis sheets have it.
      const again = await computeAndWrite(file.port, { now: new Date('2026-05-11T09:00:00Z') });
      expect(again.status === 'done' ? again.notes : again.issues).toEqual([]);
      expect(journalLines(file.grids(), COPIED_SOURCE)).toHaveLength(1);
    },
    30_000,
  );

  it('shows in Annexe 4 a porteur renamed in every axis sheet, the old name journalled as a copy, not a text put back', async () => {
    const grids = copyOf(fresh);
    for (const axis of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
      const header = find(axis, 'Porteur(s)');
      axis.rows.forEach((cells, index) => {
        const carriers = cells?.[header.column - 1]?.value;
        if (index + 1 > header.row && typeof carriers === 'string' && carriers.includes('CCMP'))
          put(axis, index + 1, header.column, { value: carriers.replace('CCMP', 'CC du Pilat') });
      });
    }
    const annexe = find(sheet(grids, ANNEXE4), 'CCMP');
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status === 'done' ? outcome.notes.map((note) => [note.code, note.cell]) : outcome.issues).toEqual([
      ['copied-text-updated', cellAddress(annexe.row, annexe.column)],
    ]);
    expect(cellAt(sheet(file.grids(), ANNEXE4), annexe.row, annexe.column)?.value).toBe('CC du Pilat');
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
    expect(journalLines(file.grids(), COPIED_SOURCE).map((line) => [line.before, line.after])).toEqual([
      ['CCMP', 'CC du Pilat'],
    ]);
  }, 30_000);

  it('keeps in the Journal, worded the same, a text typed over an axis title in Annexe 4, which shows the axis sheet’s again', async () => {
    const grids = copyOf(fresh);
    const annexe = find(sheet(grids, ANNEXE4), 'Gouvernance et animation de la CTG');
    put(sheet(grids, ANNEXE4), annexe.row, annexe.column, { value: 'Gouvernance (à présenter au COPIL)' });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = file.grids();
    expect(cellAt(sheet(written, ANNEXE4), annexe.row, annexe.column)?.value).toBe(
      'Gouvernance et animation de la CTG',
    );
    expect(journalLines(written).map((line) => [line.source, line.before, line.after])).toContainEqual([
      COPIED_SOURCE,
      'Gouvernance (à présenter au COPIL)',
      'Gouvernance et animation de la CTG',
    ]);
  }, 30_000);

  it.each([
    ['format 1', 'tests/fixtures/format-v1/suivi-v1.xlsx'],
    ['format 1 saved by LibreOffice', 'tests/fixtures/format-v1/suivi-v1-libreoffice.xlsx'],
    ['format 2', 'tests/fixtures/format-v2/suivi-v2.xlsx'],
  ])(
    'takes the texts a workbook of %s holds for the tools’ own, journalling none',
    async (_name, path) => {
      const read = readXlsx(readFileSync(join(__dirname, '..', '..', path)));
      if (!read.ok) throw new Error(read.error.code);
      const file = filePort(read.grids);

      const outcome = await computeAndWrite(file.port, { now: new Date('2026-07-02T10:00:00Z') });

      expect(outcome.status).toBe('done');
      expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([]);
    },
    60_000,
  );

  it('journals a text put back by a merge apart from the merge, which is undone alone', async () => {
    const master = typeInto(fresh, [{ key: 'G1', header: 'Partenaires', value: 'Centre social Le Lien' }]);
    const settings = sheet(master, 'Paramètres');
    const title = find(settings, 'Paramètres du suivi');
    put(settings, title.row, title.column, { value: 'Paramètres du suivi 2026' });
    const file = filePort(master);
    const returned = typeInto(master, [{ key: 'G1-QN1', header: '2026-T2', value: 6 }]);

    const merged = await mergeAndWrite(file.port, [{ file: 'retour-lien.xlsx', grids: returned }], {
      now: new Date('2026-09-20T08:00:00Z'),
      partner: 'Centre social Le Lien',
    });
    expect(merged.status).toBe('done');
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toEqual([
      expect.objectContaining({ before: 'Paramètres du suivi 2026', after: 'Paramètres du suivi' }),
    ]);

    const undone = await undoLastMerge(file.port, { now: new Date('2026-09-21T08:00:00Z') });

    expect(undone.status === 'done' ? undone.report.restored.map((cell) => `${cell.key} ${cell.field}`) : []).toEqual([
      'G1-QN1 2026-T2',
    ]);
    expect(journalLines(file.grids(), RESTORED_SOURCE)).toHaveLength(1);
  }, 60_000);
});
