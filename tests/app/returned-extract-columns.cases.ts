import { sampleExtractGrids, sampleWorkbookState } from './sample-extract';
import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY } from '../validation/clean-workbook';
import { copyOf, roundTrip, sheet, typeInto, valueAt } from '../rewrite/helpers';

const today = new Date('2026-05-10T09:00:00Z'); // the extract opens the quarters up to 2026-T2

/** The grids with the column of `header` deleted from an axis sheet's table, as Excel deletes a column. */
function withoutColumn(grids: WorkbookGrids, sheetName: string, header: string): WorkbookGrids {
  const copy = copyOf(grids);
  const axis = sheet(copy, sheetName);
  const headerRow = axis.rows.findIndex((row) => row?.[0]?.value === 'Clé');
  const column = axis.rows[headerRow].findIndex((cell) => cell?.value === header);
  if (column < 0) throw new Error(`no column ${header}`);
  axis.rows = axis.rows.map((row) => (row ?? []).filter((_, index) => index !== column));
  return copy;
}

/** The grids with the row of `key` copied right under it in Axe 1 (as `asKey`), as a partner copies a row to fill. */
function withRowRepeated(grids: WorkbookGrids, key: string, asKey = key): WorkbookGrids {
  const copy = copyOf(grids);
  const axis = sheet(copy, 'Axe 1');
  const row = axis.rows.findIndex((cells) => cells?.[0]?.value === key);
  axis.rows.splice(row + 1, 0, [{ value: asKey }, ...axis.rows[row].slice(1)]);
  return copy;
}

/** The grids with a column `header` added before Statut in Axe 1, `value` typed in it on the row of `key`. */
function withColumnAdded(grids: WorkbookGrids, header: string, key: string, value: string): WorkbookGrids {
  const copy = copyOf(grids);
  const axis = sheet(copy, 'Axe 1');
  const headerRow = axis.rows.findIndex((row) => row?.[0]?.value === 'Clé');
  const column = axis.rows[headerRow].findIndex((cell) => cell?.value === 'Statut');
  axis.rows = axis.rows.map((row, index) => {
    const cells = [...(row ?? [])];
    while (cells.length < column) cells.push(null);
    const typed = index === headerRow ? header : cells[0]?.value === key ? value : null;
    cells.splice(column, 0, typed === null ? null : { value: typed });
    return cells;
  });
  return copy;
}

const both = (issue: Issue) =>
  (['command-line', 'task-pane'] as const).map((surface) => renderIssueMessageFor(surface, issue));

/**
 * What someone checking a partner's returned extract reads of a column the partner deleted, of a value typed in a
 * grey cell or of a row's Type changed (docs/WORKBOOK.md, « Command line »): what the merge will do with it and what
 * to ask the partner, not the master's advice (undo the deletion, « the next compute would erase it »): an extract is
 * never rewritten.
 */
describe('a returned extract whose partner deleted a column, typed in a grey cell or changed a Type, checked', () => {
  let extract: WorkbookGrids;

  beforeAll(async () => {
    extract = await sampleExtractGrids('CCMP', today);
  }, 30_000);

  it('says a column the partner fills is lost to the merge, the master keeping its values, and what to ask', async () => {
    for (const header of ['Statut', '2026-T2']) {
      const report = await validateGrids(withoutColumn(extract, 'Axe 1', header), { today });
      expect(report.issues.filter((issue) => issue.code === 'missing-column')).toEqual([]);
      const said = report.issues.filter((issue) => issue.code === 'extract-column-missing');
      expect(said).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Axe 1' })]);
      const [commandLine, pane] = both(said[0]);
      const told =
        `Axe 1\u00a0: la colonne «\u00a0${header}\u00a0» manque à cet extrait (supprimée, ou son en-tête changé). ` +
        '«\u00a0CCMP\u00a0» la remplit, mais la fusion n’en reprendra aucune valeur, et le classeur de suivi gardera ' +
        'les siennes. Si la colonne est encore là, remettez-lui cet en-tête exact\u00a0; sinon, demandez à ' +
        '«\u00a0CCMP\u00a0» de la remettre à sa place, copiée de l’extrait envoyé, et de la remplir, ou, après la ' +
        'fusion du reste, envoyez-lui un nouvel extrait';
      expect(commandLine).toBe(`${told} (npx ctg-suivi extract).`);
      expect(pane).toBe(`${told} («\u00a0Préparer les extraits\u00a0»).`);
    }
  });

  it('says a locked column (the plan’s, the officer’s, a quarter not opened) is not read by the merge: nothing lost', async () => {
    // Type too: the merge knows a row's type by its key, and no row is then said to have the wrong one.
    for (const header of ['Intitulé', 'Cible', '2026-T4', 'Type']) {
      const report = await validateGrids(withoutColumn(extract, 'Axe 1', header), { today });
      const said = report.issues.filter((issue) => issue.code === 'extract-locked-column-missing');
      expect(said).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Axe 1' })]);
      expect(report.errors).toBe(0);
      for (const message of both(said[0]))
        expect(message).toBe(
          `Axe 1\u00a0: la colonne «\u00a0${header}\u00a0» manque à cet extrait (supprimée, ou son en-tête changé). ` +
            'C’est une colonne verrouillée, que «\u00a0CCMP\u00a0» ne remplit pas\u00a0: la fusion ne la lit pas, rien ' +
            'n’est perdu et le classeur de suivi garde la sienne.',
        );
    }
  });

  // A user trial: the completeness warning counted as filled the values the errors above it say are not taken.
  it('counts no value the merge refuses (a formula, « 700 % ») as filled in the completeness, as a word after a number', async () => {
    const typed = typeInto(extract, [
      { key: 'G1-QN2', header: '2026-T2', value: 3 },
      { key: 'G2-QN1', header: '2026-T2', value: 7 },
    ]);
    valueAt(typed, 'G1-QN2', '2026-T2')!.formula = '1+2';
    valueAt(typed, 'G2-QN1', '2026-T2')!.isPercent = true;
    const report = await validateGrids(typed, { today });
    const refusedCell = (key: string) =>
      report.issues.find((issue) => issue.rowKey === key && issue.severity === 'error')?.cell;
    const completeness = (key: string) =>
      report.issues
        .filter((issue) => issue.code === 'incomplete-current-quarter' && issue.rowKey === key)
        .map((issue) => both(issue)[0]);
    const [formula, percent] = ['G1-QN2', 'G2-QN1'].map(refusedCell);
    expect([formula, percent]).toEqual([expect.any(String), expect.any(String)]);
    expect(completeness('G1')).toEqual([
      expect.stringContaining(`la cellule ${formula} a une valeur invalide, non comptée`),
    ]);
    expect(completeness('G2')).toEqual([
      'Axe 1, fiche «\u00a0G2\u00a0»\u00a0: 1 valeur attendue pour 2026-T2 manque ' +
        `(la cellule ${percent} a une valeur invalide, non comptée).`,
    ]);
  });

  it('says a value in a grey cell is not taken by the merge, as merge says it, with no compute to wait for', async () => {
    const report = await validateGrids(typeInto(extract, [{ key: 'G1', header: '2026-T1', value: 5 }]), { today });
    expect(report.issues.filter((issue) => issue.code === 'grey-cell-value')).toEqual([]);
    const said = report.issues.filter((issue) => issue.code === 'merge-cell-not-used');
    expect(said).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Axe 1', rowKey: 'G1' })]);
    for (const message of both(said[0])) {
      expect(message).toMatch(
        /^Axe 1, cellule W\d+\u00a0: la colonne «\u00a02026-T1\u00a0» ne concerne pas la ligne G1 \(cellule grise\)\u00a0; la valeur «\u00a05\u00a0» n’est pas reprise\./,
      );
      expect(message).not.toMatch(/calcul|réécrit/);
    }
  });

  // A date typed where a number is not used is stored as a serial number (46023): quoted as the partner sees it.
  it('quotes a date or a decimal typed in a grey cell as the partner sees it, not as the file stores it', async () => {
    const typed = typeInto(extract, [
      { key: 'G1', header: '2026-T1', value: 46023, isDate: true },
      { key: 'G1', header: '2026-T2', value: 1234.5 },
    ]);
    const said = (await validateGrids(typed, { today })).issues.filter((issue) => issue.code === 'merge-cell-not-used');
    expect(said.map((issue) => both(issue))).toEqual(
      [
        [said[0].cell, '2026-T1', '01/01/2026'],
        [said[1].cell, '2026-T2', '1\u00a0234,5'],
      ].map(([cell, quarter, value]) =>
        Array(2).fill(
          `Axe 1, cellule ${cell}\u00a0: la colonne «\u00a0${quarter}\u00a0» ne concerne pas la ligne G1 (cellule ` +
            `grise)\u00a0; la valeur «\u00a0${value}\u00a0» n’est pas reprise. Vérifiez la ligne où le partenaire ` +
            'voulait la saisir.',
        ),
      ),
    );
  });

  // The cells the officer fills are quoted as the partner sees them too: a percentage as such, a date as a date.
  it('quotes a percentage or a date typed in a cell reserved to the officer as the partner sees it', async () => {
    const typed = typeInto(extract, [
      { key: 'G1-QN1', header: 'Cible', value: 0.9 },
      { key: 'G1-QN1', header: 'Unité', value: 46023, isDate: true },
    ]);
    valueAt(typed, 'G1-QN1', 'Cible')!.isPercent = true;
    const said = (await validateGrids(typed, { today })).issues.filter((issue) => issue.code === 'merge-reserved-cell');
    expect(said.map((issue) => both(issue)[0])).toEqual(
      [
        [said[0]?.cell, 'Unité', '01/01/2026'],
        [said[1]?.cell, 'Cible', '90\u00a0%'],
      ].map(
        ([cell, header, value]) =>
          `Axe 1, cellule ${cell}\u00a0: la colonne «\u00a0${header}\u00a0» est réservée au coordinateur\u00a0; la ` +
          `valeur «\u00a0${value}\u00a0» n’est pas reprise. Saisissez-la dans le classeur de suivi si elle est juste.`,
      ),
    );
  });

  // The officer's cells are read as the merge reads them: a date kept a date, a percentage format on the same number
  // changing nothing; an unchanged value is not said to be changed.
  it('says nothing of an officer’s date or of a Cible the partner only formatted as a percentage', async () => {
    const sample = await sampleWorkbookState(today);
    const officers = new Map(sample.entered.get('G1-QN1'))
      .set('unit', { value: 46023, isDate: true })
      .set('target', { value: 0.9, isDate: false });
    const state = { ...sample, entered: new Map(sample.entered).set('G1-QN1', officers) };
    const made = await extractWorkbook(state, findWorkbookRecipient(state, 'CCMP')!, { now: today });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    const returned = await roundTrip(made.extract.spec);
    expect(valueAt(returned, 'G1-QN1', 'Unité')).toMatchObject({ value: 46023, isDate: true });
    valueAt(returned, 'G1-QN1', 'Cible')!.isPercent = true;
    const report = await validateGrids(returned, { today });
    expect(report.issues.filter((issue) => issue.code === 'merge-reserved-cell')).toEqual([]);
  });

  // Unité is a text cell that may hold a number (« 5 »): a percentage format shows it « 500 % », the number kept.
  it('says nothing of a number kept in an officer’s text cell that the partner only formatted as a percentage', async () => {
    const sample = await sampleWorkbookState(today);
    const officers = new Map(sample.entered.get('G1-QN1')).set('unit', { value: 5, isDate: false });
    const state = { ...sample, entered: new Map(sample.entered).set('G1-QN1', officers) };
    const made = await extractWorkbook(state, findWorkbookRecipient(state, 'CCMP')!, { now: today });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    const returned = await roundTrip(made.extract.spec);
    expect(valueAt(returned, 'G1-QN1', 'Unité')).toMatchObject({ value: 5 });
    valueAt(returned, 'G1-QN1', 'Unité')!.isPercent = true;
    const report = await validateGrids(returned, { today });
    expect(
      report.issues.filter((issue) => issue.rowKey === 'G1-QN1' && issue.code !== 'incomplete-current-quarter'),
    ).toEqual([]);
  });

  // The number stored is compared, not hidden: another number shown « 5 % », a text become a number, an empty cell filled.
  it('says an officer’s cell changed though shown as a percentage: another number, a text become a number', async () => {
    const sample = await sampleWorkbookState(today);
    for (const [unit, typed] of [
      [5, 0.05],
      ['5', 5],
      [null, 0],
    ] as const) {
      const officers = new Map(sample.entered.get('G1-QN1')).set('unit', { value: unit, isDate: false });
      const state = { ...sample, entered: new Map(sample.entered).set('G1-QN1', officers) };
      const made = await extractWorkbook(state, findWorkbookRecipient(state, 'CCMP')!, { now: today });
      if (!made.ok) throw new Error(JSON.stringify(made.issues));
      const returned = await roundTrip(made.extract.spec);
      expect(valueAt(returned, 'G1-QN1', 'Unité')?.value ?? null).toBe(unit);
      const cell = typeInto(returned, [{ key: 'G1-QN1', header: 'Unité', value: typed }]);
      valueAt(cell, 'G1-QN1', 'Unité')!.isPercent = true;
      const said = (await validateGrids(cell, { today })).issues.filter(
        (issue) => issue.code === 'merge-reserved-cell',
      );
      expect(said.map((issue) => issue.params.header)).toEqual(['Unité']);
    }
  });

  it('says a Type the partner changed or cleared is not read by the merge, which types a row by its key', async () => {
    const changed = typeInto(extract, [
      { key: 'G1', header: 'Type', value: 'Quantitatif' },
      { key: 'G1-QN1', header: 'Type', value: '' },
    ]);
    const report = await validateGrids(changed, { today });
    expect(report.issues.filter((issue) => issue.code === 'wrong-row-type')).toEqual([]);
    const said = report.issues.filter((issue) => issue.code === 'extract-row-type-changed');
    expect(said).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Axe 1', rowKey: 'G1' }),
      expect.objectContaining({ severity: 'warning', sheet: 'Axe 1', rowKey: 'G1-QN1' }),
    ]);
    expect(report.errors).toBe(0);
    const [fiche, criterion] = said.map((issue) => both(issue));
    const told = (cell: string, what: string, type: string) =>
      `Axe 1, cellule ${cell}\u00a0: ${what}, alors que sa clé en fait une ligne «\u00a0${type}\u00a0». La ` +
      'fusion ne lit pas la colonne Type, verrouillée\u00a0: elle reprend les valeurs de la ligne selon sa clé, et le ' +
      `classeur de suivi garde le type «\u00a0${type}\u00a0». Rien à corriger pour la fusion.`;
    const [ficheCell, criterionCell] = said.map((issue) => issue.cell ?? '');
    expect(fiche).toEqual(
      Array(2).fill(told(ficheCell, 'le type de la ligne G1 a été changé en «\u00a0Quantitatif\u00a0»', 'Fiche')),
    );
    expect(criterion).toEqual(
      Array(2).fill(told(criterionCell, 'le type de la ligne G1-QN1 a été effacé', 'Quantitatif')),
    );
    expect([ficheCell, criterionCell]).toEqual([expect.stringMatching(/^B\d+$/), expect.stringMatching(/^B\d+$/)]);
  });

  // The merge takes no row by a key erased, changed, repeated or not sent: the key's own issue says what to do, and
  // « the merge takes the row's values by its key » would not hold until then.
  it('says nothing of the Type of a row whose key the partner erased, changed, repeated or made up', async () => {
    const retyped = typeInto(extract, [{ key: 'G1-QN1', header: 'Type', value: 'Qualitatif' }]);
    const cases: [string, WorkbookGrids][] = [
      ['empty-key', typeInto(retyped, [{ key: 'G1-QN1', header: 'Clé', value: '' }])],
      ['key-changed', typeInto(retyped, [{ key: 'G1-QN1', header: 'Clé', value: 'G1-QN7' }])],
      ['duplicate-key', withRowRepeated(retyped, 'G1-QN1')],
      ['merge-row-not-sent', withRowRepeated(retyped, 'G1-QN1', 'G1-QN7')],
    ];
    for (const [keyIssue, grids] of cases) {
      const codes = (await validateGrids(grids, { today })).issues.map((issue) => issue.code);
      expect(codes).toContain(keyIssue);
      expect(codes.filter((code) => code === 'extract-row-type-changed' || code === 'wrong-row-type')).toEqual(
        // The original row of a repeated key, or of a key made up, keeps its own warning.
        keyIssue === 'duplicate-key' || keyIssue === 'merge-row-not-sent' ? ['extract-row-type-changed'] : [],
      );
    }
  });

  it('says a column the partner added is not taken by the merge, with its values, and where a remark belongs', async () => {
    const report = await validateGrids(withColumnAdded(extract, 'Remarques internes', 'G1', 'à revoir avec Martine'), {
      today,
    });
    expect(report.issues.filter((issue) => issue.code === 'unknown-column')).toEqual([]);
    const said = report.issues.filter((issue) => issue.code === 'merge-column-ignored');
    expect(said).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Axe 1' })]);
    for (const message of both(said[0]))
      expect(message).toBe(
        `Axe 1, cellule ${said[0].cell}\u00a0: la colonne «\u00a0Remarques internes\u00a0» n’est ` +
          'pas une colonne du suivi\u00a0: la fusion ne la reprend pas, et sa valeur ne sera pas dans le classeur de ' +
          'suivi. Ce que le partenaire veut faire lire se saisit dans la colonne «\u00a0Commentaire\u00a0» de la ligne ' +
          '(«\u00a0Mise en œuvre\u00a0» ou «\u00a0Difficultés\u00a0» pour une fiche)\u00a0: demandez à «\u00a0CCMP\u00a0» ' +
          'ce que dit cette valeur et, s’il le faut, de l’y reporter.',
      );
    // Added but left empty: nothing is lost.
    const empty = await validateGrids(withColumnAdded(extract, 'Remarques internes', 'G1', ''), { today });
    const emptySaid = empty.issues.filter((issue) => issue.code === 'merge-column-ignored');
    expect(both(emptySaid[0])[0]).toBe(
      `Axe 1, cellule ${emptySaid[0].cell}\u00a0: la colonne «\u00a0Remarques internes\u00a0» ` +
        'n’est pas une colonne du suivi\u00a0: la fusion ne la reprend pas\u00a0; elle est vide, rien n’est perdu.',
    );
  });

  it('leaves the master’s own advice to the master', async () => {
    const master = await cleanGrids();
    // A master rewritten keeps a column added to its table, after the tracking's columns.
    const added = await validateGrids(withColumnAdded(master, 'Remarques internes', 'G1', 'à revoir'), {
      today: GENERATION_DAY,
    });
    const addedIssue = added.issues.find((issue) => issue.code === 'unknown-column');
    expect(addedIssue && both(addedIssue)[0]).toContain('il la garde avec ses valeurs');
    const grey = await validateGrids(typeInto(master, [{ key: 'G1', header: '2026-T3', value: 5 }]), {
      today: GENERATION_DAY,
    });
    const greyIssue = grey.issues.find((issue) => issue.code === 'grey-cell-value');
    expect(greyIssue && both(greyIssue)[0]).toContain('serait effacée au prochain calcul');
    const greyDate = await validateGrids(
      typeInto(master, [{ key: 'G1', header: '2026-T3', value: 46023, isDate: true }]),
      { today: GENERATION_DAY },
    );
    const greyDateIssue = greyDate.issues.find((issue) => issue.code === 'grey-cell-value');
    expect(greyDateIssue && both(greyDateIssue)[0]).toContain('la valeur «\u00a001/01/2026\u00a0» serait effacée');
    const deleted = await validateGrids(withoutColumn(master, 'Axe 1', 'Statut'), { today: GENERATION_DAY });
    const missing = deleted.issues.find((issue) => issue.code === 'missing-column');
    expect(missing && both(missing)[0]).toContain('annulez la suppression (Ctrl+Z)');
    // A Type changed in the master is still to be put back: its next rewrite would write the key's type over it.
    const retyped = await validateGrids(typeInto(master, [{ key: 'G1', header: 'Type', value: 'Quantitatif' }]), {
      today: GENERATION_DAY,
    });
    const wrongType = retyped.issues.filter((issue) => issue.code === 'wrong-row-type');
    expect(wrongType).toEqual([expect.objectContaining({ severity: 'error', rowKey: 'G1' })]);
    expect(both(wrongType[0])[0]).toBe(
      `Axe 1, cellule ${wrongType[0].cell}\u00a0: le type doit être «\u00a0Fiche\u00a0» pour cette clé (valeur lue\u00a0: ` +
        '«\u00a0Quantitatif\u00a0»). Remettez «\u00a0Fiche\u00a0».',
    );
    expect(retyped.issues.map((issue) => issue.code)).not.toContain('extract-row-type-changed');
    // A deleted Type column is said once, as that column, not again on every row as a type to put back.
    const noType = await validateGrids(withoutColumn(master, 'Axe 1', 'Type'), { today: GENERATION_DAY });
    expect(noType.issues.filter((issue) => issue.code === 'missing-column')).toEqual([
      expect.objectContaining({ params: { header: 'Type' } }),
    ]);
    expect(noType.issues.filter((issue) => issue.code === 'wrong-row-type')).toEqual([]);
  });
});
