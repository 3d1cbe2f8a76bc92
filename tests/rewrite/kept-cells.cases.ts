import { cellAddress } from '../../src/layout/a1';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { Plan } from '../../src/domain/plan';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { cellAt as at, copyOf, filePort, locate, put, refusal, roundTrip, sheet } from './helpers';

/**
 * What a person typed outside the tools' cells survives every rewrite (docs: "Nothing typed is lost"): added
 * columns follow their rows, notes beside the tables stay at their address, and a note in the way of the rewritten
 * sheet makes the rewrite refuse, naming the cell.
 */

const today = new Date('2026-05-10T09:00:00Z');

function headerRowOfAo(grid: SheetGrid): number {
  return grid.rows.findIndex((row) => row?.[0]?.value === 'Nom') + 1;
}

function headerRowOf(grid: SheetGrid): number {
  return grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé')) + 1;
}

function columnOf(grid: SheetGrid, header: string): number {
  return grid.rows[headerRowOf(grid) - 1].findIndex((cell) => cell?.value === header) + 1;
}

function rowOfKey(grid: SheetGrid, key: string): number {
  return grid.rows.findIndex((row, index) => index >= headerRowOf(grid) && row?.[0]?.value === key) + 1;
}

/** Inserts an empty column before `column` (1-based), as Excel does: everything right of it moves one column. */
function insertColumn(grid: SheetGrid, column: number): void {
  for (const row of grid.rows) if (Array.isArray(row) && row.length >= column) row.splice(column - 1, 0, null);
}

/** Inserts an empty row before `row` (1-based). */
function insertRow(grid: SheetGrid, row: number): void {
  grid.rows.splice(row - 1, 0, []);
}

function valueOf(grids: WorkbookGrids, sheetName: string, key: string, header: string) {
  const grid = sheet(grids, sheetName);
  const found = locate(grid, key, header);
  return found ? (grid.rows[found.row][found.column]?.value ?? null) : undefined;
}

const messagesOf = (issues: readonly Issue[]) => issues.map((issue) => renderIssueMessage(issue));

describe('a rewrite keeps what a person typed outside the tools’ cells', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  it('keeps a column added after Commentaire, its header and its values by row key, and says so', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const column = columnOf(axis, 'Commentaire') + 1;
    put(axis, headerRowOf(axis), column, { value: 'Notes internes' });
    put(axis, rowOfKey(axis, 'G1'), column, { value: 'à relancer' });
    put(axis, rowOfKey(axis, 'G1-QN1'), column, { value: 12 });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const written = file.grids();
    expect(valueOf(written, 'Axe 1', 'G1', 'Notes internes')).toBe('à relancer');
    expect(valueOf(written, 'Axe 1', 'G1-QN1', 'Notes internes')).toBe(12);
    expect(columnOf(sheet(written, 'Axe 1'), 'Notes internes')).toBe(column);
  }, 30_000);

  it('puts a column added after the table under its filter, so that sorting by the arrows moves its values too', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const column = columnOf(axis, 'Commentaire') + 1;
    put(axis, headerRowOf(axis), column, { value: 'Notes internes' });
    put(axis, rowOfKey(axis, 'G1'), column, { value: 'à relancer' });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const filter = outcome.spec.sheets.find((one) => one.name === 'Axe 1')?.autoFilter ?? '';
    const [first, last] = filter.split(':');
    expect(first).toBe(cellAddress(headerRowOf(axis), 1));
    expect(last).toMatch(new RegExp(`^${cellAddress(1, column).replace(/\d+$/, '')}\\d+$`));
    // Without an added column the filter ends at the tools' last column.
    const plain = await computeAndWrite(filePort(copyOf(fresh)).port, { now: today });
    const plainFilter =
      plain.status === 'done' ? plain.spec.sheets.find((one) => one.name === 'Axe 1')?.autoFilter : '';
    expect(plainFilter?.split(':')[1]).toMatch(new RegExp(`^${cellAddress(1, column - 1).replace(/\d+$/, '')}\\d+$`));
  }, 30_000);

  it('tells, when validating, that an added column is kept', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, headerRowOf(axis), columnOf(axis, 'Commentaire') + 1, { value: 'Notes internes' });
    const { validateGrids } = await import('../../src/app/validate');
    const report = await validateGrids(grids, { today });
    const message = messagesOf(report.issues.filter((issue) => issue.code === 'unknown-column'));
    expect(message).toHaveLength(1);
    expect(message[0]).toContain('garde');
    expect(message[0]).not.toContain('ignorée');
  }, 30_000);

  it('keeps a column inserted between two of the tools’ columns, moved after the last one, values by key', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const lastColumn = columnOf(axis, 'Commentaire');
    const inserted = columnOf(axis, 'Statut');
    insertColumn(axis, inserted);
    put(axis, headerRowOf(axis), inserted, { value: 'Référent' });
    put(axis, rowOfKey(axis, 'G1'), inserted, { value: 'Mme Martin' });
    put(axis, rowOfKey(axis, 'G1-B'), inserted, { value: 'M. Roux' });
    put(axis, rowOfKey(axis, 'G1'), columnOf(axis, 'Statut'), { value: 'En cours' });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.grids(), 'Axe 1');
    expect(columnOf(written, 'Statut')).toBe(inserted);
    expect(columnOf(written, 'Référent')).toBe(lastColumn + 1);
    expect(valueOf(file.grids(), 'Axe 1', 'G1', 'Référent')).toBe('Mme Martin');
    expect(valueOf(file.grids(), 'Axe 1', 'G1-B', 'Référent')).toBe('M. Roux');
    expect(valueOf(file.grids(), 'Axe 1', 'G1', 'Statut')).toBe('En cours');
  }, 30_000);

  it('keeps a column added to the Journal and to Historique, by record, through compute and close-quarter', async () => {
    const grids = copyOf(fresh);
    const journal = sheet(grids, 'Journal');
    const journalWidth = journal.rows[0].length;
    put(journal, 1, journalWidth + 2, { value: 'Remarque' });
    put(journal, 2, journalWidth + 2, { value: 'vu en comité' });
    const file = filePort(grids);

    expect((await closeQuarterAndWrite(file.port, { now: new Date('2026-07-02T10:00:00Z') })).status).toBe('done');
    const history = sheet(file.grids(), 'Historique');
    const historyWidth = history.rows[0].length;
    put(history, 1, historyWidth + 1, { value: 'Vérifié' });
    put(history, 2, historyWidth + 1, { value: 'oui' });
    expect((await computeAndWrite(file.port, { now: new Date('2026-07-03T10:00:00Z') })).status).toBe('done');

    const writtenJournal = sheet(file.grids(), 'Journal');
    const remark = writtenJournal.rows[0].findIndex((cell) => cell?.value === 'Remarque') + 1;
    expect(remark).toBe(journalWidth + 1);
    expect(at(writtenJournal, 2, remark)?.value).toBe('vu en comité');
    expect(at(writtenJournal, 2, 1)?.value).toBe(at(journal, 2, 1)?.value);
    const writtenHistory = sheet(file.grids(), 'Historique');
    expect(at(writtenHistory, 1, historyWidth + 1)?.value).toBe('Vérifié');
    expect(at(writtenHistory, 2, historyWidth + 1)?.value).toBe('oui');
    expect(writtenHistory.rows[1].slice(0, historyWidth)).toEqual(history.rows[1].slice(0, historyWidth));
  }, 60_000);

  it('keeps notes beside the tables at their address, a formula as a formula', async () => {
    const grids = copyOf(fresh);
    const notes: [string, number, number, GridCell][] = [
      ['Paramètres', 3, 8, { value: 'Note : SIREN à vérifier' }],
      ['Compétences AO', 2, 20, { value: 'source : Insee 2024' }],
      ['Annexe 4 \u2013 Suivi', 1, 30, { value: 42 }],
      ['Guide', 2, 9, { value: 3, formula: '1+2' }],
      ['Axe 1', 1, 12, { value: 'relu le 3 mai' }],
      ['Axe 1', 60, 50, { value: 'sous le tableau' }],
    ];
    for (const [name, row, column, cell] of notes) put(sheet(grids, name), row, column, cell);
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    for (const [name, row, column, cell] of notes) expect(at(sheet(file.grids(), name), row, column)).toEqual(cell);
  }, 30_000);

  it('refuses, naming the cell, when a note is where the rewritten sheet writes its own cells', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    insertRow(axis, 3);
    put(axis, 3, 2, { value: 'note au-dessus du tableau' });
    const file = filePort(grids);

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));

    expect(issues).toEqual([expect.objectContaining({ code: 'kept-cell-in-the-way', sheet: 'Axe 1', cell: 'B3' })]);
    expect(messagesOf(issues)[0]).toContain('note au-dessus du tableau');
  }, 30_000);

  it('refuses, naming the cell, a value typed in a grey cell, and writes nothing', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    put(axis, rowOfKey(axis, 'G1'), columnOf(axis, 'Unité'), { value: 'familles' });
    const file = filePort(grids);

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));

    const address = `${String.fromCharCode(64 + columnOf(axis, 'Unité'))}${rowOfKey(axis, 'G1')}`;
    expect(issues).toEqual([expect.objectContaining({ code: 'grey-cell-value', sheet: 'Axe 1', cell: address })]);
    expect(messagesOf(issues)[0]).toMatch(/grisée.*familles.*Déplacez-la/);
  }, 30_000);
  it('refuses, naming each cell, a value typed over a rate and a formula typed in an input cell, and writes nothing', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const rate = columnOf(axis, 'Réalisation');
    const target = columnOf(axis, 'Cible');
    put(axis, rowOfKey(axis, 'G1-QN1'), rate, { value: 0.3 });
    put(axis, rowOfKey(axis, 'G1-QN1'), target, { value: 12, formula: '10+2' });
    const file = filePort(grids);

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));

    const address = (column: number) => cellAddress(rowOfKey(axis, 'G1-QN1'), column);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'formula-in-input-cell', sheet: 'Axe 1', cell: address(target) }),
      expect.objectContaining({ code: 'value-in-computed-cell', sheet: 'Axe 1', cell: address(rate) }),
    ]);
    const [formula, value] = messagesOf(issues);
    expect(formula).toMatch(
      /«\u00a0Cible\u00a0» contient une formule \(«\u00a0=10\+2\u00a0»\).*résultat \(«\u00a012\u00a0»\)/,
    );
    expect(value).toMatch(
      /«\u00a0Réalisation\u00a0» est calculée par l’outil.*«\u00a030\u00a0%\u00a0».*remplacée par la formule/,
    );
  }, 30_000);

  it('puts a rate’s formula back over an error value pasted there, which is no one’s typing', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const rate = columnOf(axis, 'Réalisation');
    put(axis, rowOfKey(axis, 'G1-QN1'), rate, { value: '#DIV/0!', isError: true });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const after = sheet(file.grids(), 'Axe 1');
    expect(after.rows[rowOfKey(after, 'G1-QN1') - 1][rate - 1]?.formula).toBeTruthy();
  }, 30_000);

  it('refuses, naming each cell, values typed over the formulas of Annexe 4 and Compétences AO, and writes nothing', async () => {
    const grids = copyOf(fresh);
    const typedOver = ['Annexe 4 \u2013 Suivi', 'Compétences AO'].map((name) => {
      const grid = sheet(grids, name);
      const r = grid.rows.findIndex((row) => (row ?? []).some((cell) => cell?.formula));
      const c = grid.rows[r].findIndex((cell) => cell?.formula);
      put(grid, r + 1, c + 1, { value: 500 });
      return { sheet: name, cell: cellAddress(r + 1, c + 1) };
    });
    const file = filePort(grids);
    // Checking first names them as the errors they are, so that « Vérifier » never says none and compute refuses.
    const report = await validateGrids(grids, { today });

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));

    expect(issues).toEqual(typedOver.map((at) => expect.objectContaining({ code: 'value-in-computed-cell', ...at })));
    expect(messagesOf(issues)[0]).toMatch(/cette cellule est calculée par l’outil.*«\u00a0500\u00a0»/);
    expect(report.errors).toBe(issues.length);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual(issues);
  }, 30_000);

  it('refuses, naming each cell, formulas typed in the inputs of Paramètres and Compétences AO, and writes nothing', async () => {
    const grids = copyOf(fresh);
    const settings = sheet(grids, 'Paramètres');
    const quarterRow = settings.rows.findIndex((row) => row?.[0]?.value === 'Trimestre en cours') + 1;
    const quarter = String(at(settings, quarterRow, 2)!.value);
    put(settings, quarterRow, 2, { value: quarter, formula: `"${quarter}"&""` });
    const ao = sheet(grids, 'Compétences AO');
    const declaredRow = ao.rows.findIndex((row) => String(row?.[0]?.value ?? '').startsWith('Population totale')) + 1;
    const population = ao.rows[headerRowOfAo(ao) - 1].findIndex((cell) => cell?.value === 'Population (INSEE)') + 1;
    put(ao, declaredRow, population, { value: 15431, formula: '15000+431' });
    const file = filePort(grids);

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: today }));

    expect(issues).toEqual([
      expect.objectContaining({ code: 'formula-in-input-cell', sheet: 'Paramètres', cell: cellAddress(quarterRow, 2) }),
      expect.objectContaining({
        code: 'formula-in-input-cell',
        sheet: 'Compétences AO',
        cell: cellAddress(declaredRow, population),
      }),
    ]);
    const [quarterMessage, populationMessage] = messagesOf(issues);
    expect(quarterMessage).toContain(`la cellule de «\u00a0Trimestre en cours\u00a0» contient une formule`);
    expect(quarterMessage).toContain(`le résultat («\u00a0${quarter}\u00a0»)`);
    expect(quarterMessage).not.toContain('hors du tableau');
    expect(populationMessage).toMatch(/«\u00a0=15000\+431\u00a0».*le résultat \(«\u00a015\u00a0431\u00a0»\)/);
  }, 30_000);

  it('archives the added column’s values of a row a regeneration removes, under the column’s header', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const column = columnOf(axis, 'Commentaire') + 1;
    put(axis, headerRowOf(axis), column, { value: 'Notes internes' });
    put(axis, rowOfKey(axis, 'G1-QL1'), column, { value: 'critère à revoir' });
    put(axis, rowOfKey(axis, 'G1'), column, { value: 'fiche suivie' });
    const plan = samplePlanWithoutG1QL1();
    const file = filePort(grids);

    const outcome = await regenerateAndWrite(file.port, plan, { now: today });

    expect(outcome.status).toBe('done');
    const archives = sheet(file.grids(), 'Archives').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(archives.slice(1).map((row) => [row[1], row[4], row[5]])).toEqual([
      ['G1-QL1', 'Notes internes', 'critère à revoir'],
    ]);
    // The Journal says where the row's values went, as the notes do.
    const journal = sheet(file.grids(), 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal.find((row) => row[2] === 'G1-QL1')?.[5]).toBe(
      'Ligne retirée du plan (valeurs gardées dans «\u00a0Archives\u00a0»)',
    );
    expect(valueOf(file.grids(), 'Axe 1', 'G1', 'Notes internes')).toBe('fiche suivie');
  }, 30_000);

  it('does not take the tools’ own Annexe 4 texts for values typed over formulas when the sheet’s rows move', async () => {
    // More carriers on G1: the Annexe 4 rebuilt from the plan as read has more rows, so its own texts read earlier
    // sit where the rebuilt sheet has formulas.
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const carriers = ['Mairie (s)', 'CCMP', ...Array.from({ length: 8 }, (_, i) => `Partenaire ${i + 1}`)];
    put(axis, rowOfKey(axis, 'G1'), columnOf(axis, 'Porteur(s)'), { value: carriers.join(' ; ') });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status === 'refused' ? outcome.issues.map((issue) => issue.code) : []).toEqual([]);
    expect(outcome.status).toBe('done');
  }, 30_000);

  it('refuses a regeneration that removes an axis whose sheet holds a note, saying the sheet goes', async () => {
    const grids = copyOf(fresh);
    const plan: Plan = structuredClone(samplePlan());
    const gone = plan.axes[plan.axes.length - 1];
    const name = `Axe ${gone.number}`;
    const axis = sheet(grids, name);
    const below = axis.rows.length + 2;
    put(axis, below, 2, { value: 'Note : voir le bilan 2026' });
    plan.axes = plan.axes.slice(0, -1);
    const file = filePort(grids);

    const issues = await refusal(file, (port) => regenerateAndWrite(port, plan, { now: today }));

    expect(issues).toEqual([expect.objectContaining({ code: 'kept-cell-sheet-gone', sheet: name, cell: `B${below}` })]);
    expect(messagesOf(issues)[0]).toBe(
      `${name}, cellule B${below}\u00a0: la feuille «\u00a0${name}\u00a0» disparaît avec le plan modifié, qui n’a plus ` +
        `d’axe ${gone.number} avec des fiches, et «\u00a0Note : voir le bilan 2026\u00a0» y est saisi hors du tableau. Copiez-le dans une autre ` +
        'feuille et effacez-le, puis recommencez\u00a0: le classeur n’a pas été modifié.',
    );
  }, 30_000);

  it('keeps a note under the table under its column when the rewrite moves a column inserted among the tools’ after them', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const inserted = columnOf(axis, 'Statut');
    insertColumn(axis, inserted);
    put(axis, headerRowOf(axis), inserted, { value: 'Référent' });
    put(axis, rowOfKey(axis, 'G1'), inserted, { value: 'Mme Martin' });
    const below = axis.rows.length + 2;
    put(axis, below, inserted, { value: 'référents à confirmer' });
    put(axis, below, columnOf(axis, 'Commentaire'), { value: 'commentaires relus' });
    put(axis, below, 1, { value: 'Notes' });
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    expect(outcome.status).toBe('done');
    const written = sheet(file.grids(), 'Axe 1');
    expect(columnOf(written, 'Référent')).toBe(columnOf(written, 'Commentaire') + 1);
    expect(at(written, below, columnOf(written, 'Référent'))).toEqual({ value: 'référents à confirmer' });
    expect(at(written, below, columnOf(written, 'Commentaire'))).toEqual({ value: 'commentaires relus' });
    expect(at(written, below, 1)).toEqual({ value: 'Notes' });
    expect(at(written, below, inserted)).toBeNull();
  }, 30_000);

  it('refuses a regeneration that removes the quarter a note under the table is under, naming the cell', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const below = axis.rows.length + 2;
    const quarter = columnOf(axis, '2030-T4');
    const address = cellAddress(below, quarter);
    put(axis, below, quarter, { value: 'bilan final' });
    const plan: Plan = structuredClone(samplePlan());
    plan.period = { start: '2026-01-01', end: '2029-12-31' };
    const file = filePort(grids);

    const issues = await refusal(file, (port) => regenerateAndWrite(port, plan, { now: today }));

    expect(issues).toEqual([expect.objectContaining({ code: 'kept-cell-column-gone', sheet: 'Axe 1', cell: address })]);
    expect(messagesOf(issues)[0]).toBe(
      `Axe 1, cellule ${address}\u00a0: «\u00a0bilan final\u00a0» est sous le tableau, dans une colonne que la ` +
        'réécriture retire (un trimestre hors de la nouvelle période). Déplacez ce contenu sous une autre colonne, ou ' +
        'effacez-le, puis recommencez\u00a0: le classeur n’a pas été modifié.',
    );
  }, 30_000);

  it('refuses a regeneration whose new AO rows would cover a note under the table, naming the cell', async () => {
    const grids = copyOf(fresh);
    const ao = sheet(grids, 'Compétences AO');
    const below = ao.rows.length + 2;
    put(ao, below, 1, { value: 'à compléter avec la DDT' });
    const plan: Plan = structuredClone(samplePlan());
    plan.parties.communes = ['Marlhes', 'Jonzieux', 'Tarentaise', 'Planfoy', 'Saint-Romain'].map((name) => ({
      name,
      spellings: [name],
    }));
    const file = filePort(grids);

    const issues = await refusal(file, (port) => regenerateAndWrite(port, plan, { now: today }));

    expect(issues).toEqual([
      expect.objectContaining({ code: 'kept-cell-in-the-way', sheet: 'Compétences AO', cell: `A${below}` }),
    ]);
  }, 30_000);
});
