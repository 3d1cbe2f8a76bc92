import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filePort, roundTrip, sheet, typeInto, valueAt } from './helpers';
import { headerIndexOf, keysOf, sortTable, tableRange } from './sort-table';

/**
 * An axis table sorted by a person (docs/WORKBOOK.md, « Rows out of order »): validation says so once for the sheet,
 * and the next rewrite puts every row back under its fiche, in the plan's order, each value with its key.
 */

const today = new Date('2026-05-10T09:00:00Z');

const TYPED = [
  { key: 'G1', header: 'Mise en œuvre', value: 'relancer la mairie' },
  { key: 'G1-QN1', header: '2026-T1', value: 12 },
  { key: 'G1-QN1', header: 'Commentaire', value: 'chiffre provisoire' },
  { key: 'G2-QN1', header: '2026-T1', value: 7 },
];

describe('an axis table sorted by a person', () => {
  let typed: WorkbookGrids;
  let planOrder: string[];

  beforeAll(async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    planOrder = keysOf(sheet(fresh, 'Axe 1'));
    typed = typeInto(fresh, TYPED);
  }, 30_000);

  const computedUnsorted = async () => {
    const file = filePort(typeInto(typed, []));
    expect((await computeAndWrite(file.port, { now: today })).status).toBe('done');
    return file.grids();
  };

  const sortedCopy = (header: string, descending = false): WorkbookGrids => {
    const grids = typeInto(typed, []);
    sortTable(sheet(grids, 'Axe 1'), header, descending);
    return grids;
  };

  it('is one error for the sheet, naming its misplaced cells and the way back', async () => {
    const grids = sortedCopy('Type');
    expect(keysOf(sheet(grids, 'Axe 1'))).not.toEqual(planOrder);

    const report = await validateGrids(grids, { today });

    const sorted = report.issues.filter((issue) => issue.code === 'axis-rows-out-of-order');
    expect(sorted).toHaveLength(1);
    expect(sorted[0].severity).toBe('error');
    expect(sorted[0].sheet).toBe('Axe 1');
    const message = renderIssueMessage(sorted[0]);
    expect(message).toMatch(
      /^Axe 1, cellule A\d+\u00a0: \d+ critères ne sont plus sous la ligne de leur fiche \(cellules A\d+/,
    );
    expect(message).toContain('trié');
    expect(message).toContain('«\u00a0Calculer\u00a0»');
    expect(report.issues.filter((issue) => issue.code === 'criterion-outside-fiche')).toEqual([]);
    // The positional checks of a fiche's criteria would name other fiches' cells: not given for that sheet.
    expect(
      report.issues.filter((issue) => issue.code === 'incomplete-current-quarter' && issue.sheet === 'Axe 1'),
    ).toEqual([]);
  }, 30_000);

  it.each([
    ['by Type', 'Type', false],
    ['by Clé, Z to A (criteria above their fiche)', 'Clé', true],
  ])(
    'is put back in the plan’s order by compute, every value with its key (%s)',
    async (_name, header, descending) => {
      const file = filePort(sortedCopy(header, descending));

      const outcome = await computeAndWrite(file.port, { now: today });

      expect(outcome.status === 'done' ? [] : outcome.issues.map((issue) => renderIssueMessage(issue))).toEqual([]);
      const notes = outcome.status === 'done' ? outcome.notes.filter((note) => note.code === 'rows-reordered') : [];
      expect(notes.map((note) => [note.severity, note.sheet])).toEqual([['warning', 'Axe 1']]);
      expect(renderIssueMessage(notes[0])).toMatch(
        /^Axe 1\u00a0: \d+ critères n’étaient plus sous leur fiche\u00a0: les lignes ont été remises dans l’ordre du plan \(noté dans le Journal\)\. Le classeur a été réécrit entier\u00a0: /,
      );
      const written = file.grids();
      expect(keysOf(sheet(written, 'Axe 1'))).toEqual(planOrder);
      // The very sheet the same values give when never sorted: no cell of the tools' taken for a person's.
      expect(sheet(written, 'Axe 1').rows).toEqual(sheet(await computedUnsorted(), 'Axe 1').rows);
      for (const { key, header: column, value } of TYPED) expect(valueAt(written, key, column)?.value).toBe(value);
      const report = await validateGrids(written, { today });
      expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      const journal = readJournalSheet(sheet(written, 'Journal')).entries;
      const line = journal.find((entry) => entry.source === 'Remise en ordre des lignes');
      expect(line).toMatchObject({
        label: 'Axe 1',
        before: { type: 'text', value: expect.stringMatching(/^\d+ critères n’étaient plus sous leur fiche$/) },
      });
      expect(line?.after).toEqual({ type: 'text', value: 'Lignes remises dans l’ordre du plan' });
    },
    30_000,
  );

  it('asks to check the columns a person added, whose values follow the row they were in front of', async () => {
    const grids = typeInto(typed, []);
    const axis = sheet(grids, 'Axe 1');
    const column = axis.rows[headerIndexOf(axis)].length;
    axis.rows[headerIndexOf(axis)][column] = { value: 'Note perso' };
    axis.rows[axis.rows.findIndex((row) => row?.[0]?.value === 'G1-QN1')][column] = { value: 'à relancer' };
    sortTable(axis, 'Type');
    const file = filePort(grids);

    const outcome = await computeAndWrite(file.port, { now: today });

    const note = outcome.status === 'done' ? outcome.notes.find((one) => one.code === 'rows-reordered') : undefined;
    expect(note && renderIssueMessage(note)).toContain(
      'Vérifiez la colonne «\u00a0Note perso\u00a0» que vous avez ajoutée\u00a0: chaque valeur y suit la ligne en face de laquelle elle était.',
    );
    expect(valueAt(file.grids(), 'G1-QN1', 'Note perso')?.value).toBe('à relancer');
  }, 30_000);

  it('says of one criterion dragged under another fiche that a row was moved, not that the table was sorted', async () => {
    const grids = typeInto(typed, []);
    const axis = sheet(grids, 'Axe 1');
    const [moved] = axis.rows.splice(
      axis.rows.findIndex((row) => row?.[0]?.value === 'G1-QN1'),
      1,
    );
    axis.rows.splice(axis.rows.findIndex((row) => row?.[0]?.value === 'G2-QN1') + 1, 0, moved);
    const sorted = (await validateGrids(grids, { today })).issues.filter(
      (issue) => issue.code === 'axis-rows-out-of-order',
    );
    expect(sorted).toHaveLength(1);
    const message = renderIssueMessage(sorted[0]);
    expect(message).toContain('1 critère n’est plus sous la ligne de sa fiche');
    expect(message).toContain('une ligne a sans doute été déplacée');
    expect(message).toContain('annulez le déplacement (Ctrl+Z)');
    expect(message).not.toMatch(/trié|le tri\b/);
  }, 30_000);

  it('has its fiches put back in the plan’s order when whole fiches were moved, without an error', async () => {
    const grids = typeInto(typed, []);
    const axis = sheet(grids, 'Axe 1');
    const first = axis.rows.findIndex((row) => row?.[0]?.value === 'G1');
    const second = axis.rows.findIndex((row) => row?.[0]?.value === 'G2');
    const g1 = axis.rows.splice(first, second - first);
    axis.rows.splice(first + 3, 0, ...g1);
    expect(keysOf(axis).slice(0, 4)).toEqual(['G2', 'G2-QN1', 'G2-QN2', 'G1']);
    expect((await validateGrids(grids, { today })).issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const file = filePort(grids);

    expect((await computeAndWrite(file.port, { now: today })).status).toBe('done');

    expect(keysOf(sheet(file.grids(), 'Axe 1'))).toEqual(planOrder);
    const line = readJournalSheet(sheet(file.grids(), 'Journal')).entries.find(
      (entry) => entry.source === 'Remise en ordre des lignes',
    );
    expect(line?.before).toEqual({ type: 'text', value: 'Fiches dans un autre ordre que le plan' });
  }, 30_000);

  it('is still refused, row by row, when a criterion went to another axis sheet', async () => {
    const grids = typeInto(typed, []);
    const from = sheet(grids, 'Axe 1');
    const to = sheet(grids, 'Axe 13');
    const index = from.rows.findIndex((row) => row?.[0]?.value === 'G1-QN1');
    const [moved] = from.rows.splice(index, 1);
    to.rows.splice(tableRange(to).last + 1, 0, moved);

    const report = await validateGrids(grids, { today });

    const outside = report.issues.filter((issue) => issue.code === 'criterion-outside-fiche');
    expect(outside.map((issue) => [issue.sheet, issue.rowKey])).toEqual([['Axe 13', 'G1-QN1']]);
    expect(report.issues.filter((issue) => issue.code === 'axis-rows-out-of-order')).toEqual([]);
    const outcome = await computeAndWrite(filePort(grids).port, { now: today });
    expect(outcome.status).toBe('refused');
  }, 30_000);
});
