import { validateGrids } from '../../src/app/validate';
import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, renderIssueMessageFor, type Issue } from '../../src/domain/issues';
import {
  addressAt,
  addressOf,
  cleanGrids,
  columnIndex,
  GENERATION_DAY,
  rowIndex,
  setCellAt,
  setValue,
  sheet,
} from './clean-workbook';

/**
 * Cells merged in an axis sheet's table: a spreadsheet shows the first cell over the whole range, and every reader
 * reads each cell all the same. Validation names each range at its first cell, an error when it hides the header
 * row, a key or a type, a value or a cell its row uses (every rewrite is then refused), a warning when it hides only
 * empty cells its rows do not use. The small plan's `Axe 1`: headers on row 3, G1 on row 4, G1-QN1 on row 5.
 */

const AXE1 = 'Axe 1';

/** The report's issues about merged cells, as a person reads them. */
async function mergedIssues(grids: WorkbookGrids): Promise<Issue[]> {
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  return report.issues.filter((issue) => issue.code.startsWith('merged-'));
}

/** Plain text: the typography's no-break spaces as spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** `Axe 1` of fresh grids, with `ranges` merged as a reader gives them (the cells as they are). */
async function merged(ranges: (axis: SheetGrid) => string[], edit: (axis: SheetGrid) => void = () => {}) {
  const grids = await cleanGrids();
  const axis = sheet(grids, AXE1);
  edit(axis);
  axis.mergedRanges = ranges(axis);
  return grids;
}

/** `first:last`, the cells of row `key` under the two headers. */
const across = (axis: SheetGrid, key: string, first: string, last: string) =>
  `${addressOf(axis, key, first)}:${addressOf(axis, key, last)}`;

describe('cells merged in an axis sheet’s table', () => {
  it('an empty quarter hidden beside a filled one is an error: read empty, it cannot be filled', async () => {
    let range = '';
    const grids = await merged(
      (axis) => [(range = across(axis, 'G1-QN1', '2026-T1', '2026-T2'))],
      (axis) => setValue(axis, 'G1-QN1', '2026-T1', 12),
    );
    const [issue, ...others] = await mergedIssues(grids);
    expect(others).toEqual([]);
    const [first, hidden] = range.split(':');
    expect(issue).toMatchObject({
      code: 'merged-cells',
      severity: 'error',
      sheet: AXE1,
      cell: first,
      rowKey: 'G1-QN1',
    });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées, et ${hidden} (colonne « 2026-T2 »), masquée ` +
        'par la fusion, est lue vide et ne peut pas être remplie. La valeur « 12 », affichée sur toute la plage, ' +
        `n’est lue que dans ${first} (colonne « 2026-T1 »). Défusionnez ces cellules (« Fusionner et centrer », ` +
        'onglet Accueil), puis saisissez chaque valeur dans la cellule de sa colonne ; le classeur n’est pas réécrit ' +
        'd’ici là.',
    );
  });

  it('a value kept in a hidden cell (LibreOffice may keep it) is an error quoting it: the rates count it unseen', async () => {
    let range = '';
    const grids = await merged(
      (axis) => [(range = across(axis, 'G1-QN1', '2026-T1', '2026-T2'))],
      (axis) => {
        setValue(axis, 'G1-QN1', '2026-T1', 12);
        setValue(axis, 'G1-QN1', '2026-T2', 15);
      },
    );
    const [issue] = await mergedIssues(grids);
    const [first, hidden] = range.split(':');
    expect(issue).toMatchObject({ code: 'merged-cells', cell: first, params: { reason: 'value', hidden } });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées, et ${hidden} (colonne « 2026-T2 »), masquée ` +
        'par la fusion, contient « 15 » : l’outil lit cette valeur, que personne ne voit. La ' +
        `valeur « 12 », affichée sur toute la plage, n’est lue que dans ${first} (colonne « 2026-T1 »). Défusionnez ` +
        'ces cellules (« Fusionner et centrer », onglet Accueil), puis gardez ou effacez chaque valeur qu’elles font ' +
        'réapparaître, chacune dans la cellule de sa colonne ; le classeur n’est pas réécrit d’ici là.',
    );
  });

  it('a text hidden beside a fiche’s title is an error that says the tool reads it, not that rates count it', async () => {
    let range = '';
    const grids = await merged((axis) => [(range = across(axis, 'G1', 'Intitulé', 'Intérêt'))]);
    const [issue] = await mergedIssues(grids);
    const [first, hidden] = range.split(':');
    expect(issue).toMatchObject({ code: 'merged-cells', cell: first, params: { reason: 'value', hidden } });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées, et ${hidden} (colonne « Intérêt »), masquée ` +
        'par la fusion, contient « intérêt fort » : l’outil lit cette valeur, que personne ne voit. La valeur ' +
        `« Guichet unique », affichée sur toute la plage, n’est lue que dans ${first} (colonne « Intitulé »). ` +
        'Défusionnez ces cellules (« Fusionner et centrer », onglet Accueil), puis gardez ou effacez chaque valeur ' +
        'qu’elles font réapparaître, chacune dans la cellule de sa colonne ; le classeur n’est pas réécrit d’ici là.',
    );
  });

  it('a value hidden in a grey cell is an error too, beside the grey cell’s own: no one sees it', async () => {
    const grids = await merged(
      (axis) => [across(axis, 'G1', 'Mis à jour par (structure)', 'Unité')],
      (axis) => setValue(axis, 'G1', 'Unité', 'familles'),
    );
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const codes = report.issues.filter((issue) => issue.code !== 'incomplete-current-quarter').map((i) => i.code);
    expect(codes.sort()).toEqual(['grey-cell-value', 'merged-cells']);
  });

  it('a key hidden down the Clé column is an error saying what keys are for, beside the emptied key’s own', async () => {
    let range = '';
    const grids = await merged(
      () => [range],
      (axis) => {
        range = `${addressOf(axis, 'G1', 'Clé')}:${addressOf(axis, 'G1-QN1', 'Clé')}`;
        // Excel keeps the first cell's value only.
        setCellAt(axis, rowIndex(axis, 'G1-QN1'), columnIndex(axis, 'Clé'), null);
      },
    );
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const [issue] = report.issues.filter((one) => one.code === 'merged-cells');
    const [first, hidden] = range.split(':');
    expect(issue).toMatchObject({ cell: first, rowKey: 'G1', params: { reason: 'key', hidden } });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées, et ${hidden} (colonne « Clé »), masquée par ` +
        'la fusion, est lue vide : la clé et le type de chaque ligne disent à l’outil quelle fiche ou quel critère ' +
        'elle suit. Défusionnez ces cellules (« Fusionner et centrer », onglet Accueil) et vérifiez que chaque ligne ' +
        'a sa clé et son type, sans les modifier ; le classeur n’est pas réécrit d’ici là.',
    );
    expect(report.issues.find((one) => one.code === 'empty-key')).toMatchObject({ cell: hidden });
  });

  it('a range on the header row is an error, beside the column it hides', async () => {
    let range = '';
    const grids = await merged(
      (axis) => {
        const header = rowIndex(axis, 'G1') - 1;
        const column = columnIndex(axis, '2026-T1');
        return [(range = `${addressAt(header, column)}:${addressAt(header, column + 1)}`)];
      },
      (axis) => setCellAt(axis, rowIndex(axis, 'G1') - 1, columnIndex(axis, '2026-T2'), null),
    );
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const [issue] = report.issues.filter((one) => one.code === 'merged-cells');
    const [first, hidden] = range.split(':');
    expect(issue).toMatchObject({ cell: first, rowKey: null, params: { reason: 'header', hidden } });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${first} : les cellules ${range} sont fusionnées sur la ligne des en-têtes, et ${hidden} y ` +
        'est masquée par la fusion : l’outil trouve chaque colonne par l’en-tête écrit dans sa propre cellule. ' +
        'Défusionnez ces cellules (« Fusionner et centrer », onglet Accueil) et vérifiez que chaque colonne a son ' +
        'en-tête ; le classeur n’est pas réécrit d’ici là.',
    );
    expect(report.issues.map((one) => one.code)).toContain('missing-column');
  });

  it('a rate hidden by the other is an error saying the computation would write it unseen', async () => {
    const grids = await merged((axis) => [across(axis, 'G1-QN1', 'Renseignement cumulé', 'Réalisation')]);
    const [issue] = await mergedIssues(grids);
    expect(issue.params.reason).toBe('rate');
    expect(plain(renderIssueMessage(issue))).toContain(
      '(colonne « Réalisation »), un taux calculé par l’outil, est masquée par la fusion : le calcul y écrirait un ' +
        'taux que personne ne verrait.',
    );
  });

  it('a comment merged down a fiche’s criteria is an error at its first cell, once for the range', async () => {
    const grids = await merged((axis) => [
      `${addressOf(axis, 'G1-QN1', 'Commentaire')}:${addressOf(axis, 'G1-QL1', 'Commentaire')}`,
    ]);
    const issues = await mergedIssues(grids);
    expect(issues.map(({ code, cell, params }) => [code, cell, params.reason])).toEqual([
      ['merged-cells', addressOf(sheet(grids, AXE1), 'G1-QN1', 'Commentaire'), 'used'],
    ]);
  });

  it('grey cells merged with a fiche’s last field are a warning: nothing hidden is read or lost', async () => {
    let range = '';
    const grids = await merged((axis) => [(range = across(axis, 'G1', 'Mis à jour par (structure)', 'Cible'))]);
    const [issue, ...others] = await mergedIssues(grids);
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ code: 'merged-unused-cells', severity: 'warning', cell: range.split(':')[0] });
    expect(plain(renderIssueMessage(issue))).toBe(
      `Axe 1, cellule ${range.split(':')[0]} : les cellules ${range} sont fusionnées ; celles que la fusion masque ` +
        'sont vides et leur ligne ne les utilise pas (cellules grises, ou colonnes ajoutées au tableau) : rien ' +
        'n’est perdu ni mal lu. Une réécriture du classeur entier les défusionnera ; pour garder le tableau tel que ' +
        'l’outil l’écrit, défusionnez-les (« Fusionner et centrer », onglet Accueil).',
    );
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(report.errors).toBe(0);
  });

  it('a comment merged into empty columns beside the table, past the sheet’s cells, is a warning', async () => {
    const grids = await merged((axis) => {
      const comment = addressOf(axis, 'G1-QN1', 'Commentaire');
      return [`${comment}:${addressAt(rowIndex(axis, 'G1-QN1'), columnIndex(axis, 'Commentaire') + 2)}`];
    });
    const issues = await mergedIssues(grids);
    expect(issues.map(({ code, cell }) => [code, cell])).toEqual([
      ['merged-unused-cells', addressOf(sheet(grids, AXE1), 'G1-QN1', 'Commentaire')],
    ]);
  });

  it('says nothing of ranges outside the table: the title, notes under it, a person’s own columns', async () => {
    const grids = await merged(
      (axis) => {
        const below = axis.rows.length + 1;
        const width = axis.rows[rowIndex(axis, 'G1') - 1].length;
        return ['A1:E1', `A${below}:F${below + 1}`, `${addressAt(3, width - 1)}:${addressAt(5, width)}`];
      },
      (axis) => {
        const below = axis.rows.length;
        setCellAt(axis, below + 1, 0, { value: 'Note : chiffres provisoires' });
        setCellAt(axis, below + 1, 1, { value: 'à confirmer' });
        setCellAt(axis, rowIndex(axis, 'G1') - 1, axis.rows[rowIndex(axis, 'G1') - 1].length + 1, { value: 'Suivi' });
      },
    );
    expect(await mergedIssues(grids)).toEqual([]);
  });

  it('reads past ranges that are none or out of the sheet without failing', async () => {
    const grids = await merged(() => ['A1:B', 'XFD1048575:XFD1048576', 'B5:A4', 'W5']);
    expect(await mergedIssues(grids)).toEqual([]);
  });

  it('speaks the same in the task pane', async () => {
    const grids = await merged((axis) => [across(axis, 'G1-QN1', '2026-T1', '2026-T2')]);
    const [issue] = await mergedIssues(grids);
    expect(renderIssueMessageFor('task-pane', issue)).toBe(renderIssueMessage(issue));
  });
});
