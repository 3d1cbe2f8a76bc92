import { renderIssueMessage } from '../../src/domain/issues';
import { keyListFingerprint, planKeyList, type KeyEntry } from '../../src/domain/plan-keys';
import { readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { buildCtgMetaSheet, type ExtractMetaInput } from '../../src/layout/sheets/ctg-meta/ctg-meta-sheet';
import type { GridCell, SheetGrid } from '../../src/domain/grid';
import { gridOfSpec, withCell } from './helpers/spec-grid';
import { samplePlan } from './helpers/sample-plan';

/**
 * `_ctg` is the tools' alone: every rewrite writes it again from what it reads there, so a value a person typed
 * outside what the tools write (beside the labels, below or between its blocks) would be lost. Each is an error at
 * its cell, quoting it and saying to move it; a cell within the blocks is read as theirs (and checked as such).
 */

const plan = samplePlan();
const keys = planKeyList(plan);
const now = new Date('2026-11-28T10:15:30.456Z');
const NBSP = '\u00a0';

async function metaGrid(retiredKeys: KeyEntry[] = [], extract?: ExtractMetaInput): Promise<SheetGrid> {
  const fingerprint = await keyListFingerprint(keys);
  return gridOfSpec(buildCtgMetaSheet({ plan, keys, fingerprint, now, retiredKeys, extract }));
}

const typed = (grid: SheetGrid, cells: [number, number, GridCell][]) =>
  cells.reduce((current, [row, column, cell]) => withCell(current, row, column, cell), grid);

const typedCells = (grid: SheetGrid) =>
  readCtgMeta(grid)
    .issues.filter((issue) => issue.code === 'ctg-cell-typed')
    .map((issue) => [issue.cell, issue.severity, issue.params.value]);

describe('a value typed in _ctg outside what the tools write', () => {
  it('is an error at its cell, quoting it and saying to move it to another sheet', async () => {
    const grid = await metaGrid();
    const end = 14 + keys.length; // the row after the key list
    const withTyped = typed(grid, [
      [2, 8, { value: 'à garder' }],
      [5, 3, { value: 12 }],
      [1, 2, { value: 'titre' }],
      [20, 6, { value: 'note' }],
      [end, 2, { value: 'sous la liste' }],
      [400, 1, { value: 'tout en bas' }],
    ]);
    expect(typedCells(withTyped)).toEqual([
      ['B1', 'error', 'titre'],
      ['H2', 'error', 'à garder'],
      ['C5', 'error', '12'],
      ['F20', 'error', 'note'],
      [`B${end}`, 'error', 'sous la liste'],
      ['A400', 'error', 'tout en bas'],
    ]);
    const issue = readCtgMeta(withTyped).issues.find((found) => found.cell === 'H2')!;
    expect(renderIssueMessage(issue)).toBe(
      `_ctg, cellule H2${NBSP}: «${NBSP}à garder${NBSP}» a été saisi dans la feuille masquée «${NBSP}_ctg${NBSP}», ` +
        `que l’outil réécrit seul à chaque écriture du classeur${NBSP}: il y serait perdu. Tant qu’il est là, le classeur ` +
        `n’est pas réécrit. Déplacez-le dans une autre feuille, puis relancez.`,
    );
  });

  it('is none of the tools’ own cells, nor a cell left empty or holding only spaces', async () => {
    const grid = await metaGrid();
    expect(typedCells(grid)).toEqual([]);
    expect(
      typedCells(
        typed(grid, [
          [30, 9, { value: '  ' }],
          [401, 1, { value: null }],
        ]),
      ),
    ).toEqual([]);
  });

  it('follows the retired keys block: its rows are the tools’, a cell past their columns is not', async () => {
    const retired: KeyEntry[] = [{ key: 'G99', type: 'Fiche', parentKey: null, axis: 1 }];
    const grid = await metaGrid(retired);
    const retiredRow = 14 + keys.length + 2;
    expect(typedCells(grid)).toEqual([]);
    expect(typedCells(typed(grid, [[retiredRow, 5, { value: 'x' }]]))).toEqual([[`E${retiredRow}`, 'error', 'x']]);
  });

  it('is named right under the last retired key, where the tools end the block: a text, a key without its type', async () => {
    const retired: KeyEntry[] = [{ key: 'G99', type: 'Fiche', parentKey: null, axis: 1 }];
    const grid = await metaGrid(retired);
    const under = 14 + keys.length + 3; // the row under G99's
    const withTyped = typed(grid, [
      [under, 1, { value: 'Voir avec la CAF' }],
      [under + 1, 1, { value: 'G98' }],
      [under + 1, 3, { value: 'à revoir' }],
    ]);
    expect(typedCells(withTyped)).toEqual([
      [`A${under}`, 'error', 'Voir avec la CAF'],
      [`A${under + 1}`, 'error', 'G98'],
      [`C${under + 1}`, 'error', 'à revoir'],
    ]);
    expect(readCtgMeta(withTyped).meta?.retiredKeys).toEqual(retired);
  });

  it('under the last retired key, is a retired key when it is one as the tools write it', async () => {
    const grid = await metaGrid([{ key: 'G99', type: 'Fiche', parentKey: null, axis: 1 }]);
    const under = 14 + keys.length + 3;
    const withKey = typed(grid, [
      [under, 1, { value: 'G98' }],
      [under, 2, { value: 'Fiche' }],
      [under, 4, { value: 2 }],
    ]);
    expect(typedCells(withKey)).toEqual([]);
    expect(readCtgMeta(withKey).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99', 'G98']);
  });

  it('is not looked for in a partner’s extract, which the tools never write again', async () => {
    const extract: ExtractMetaInput = {
      partner: 'CCMP',
      masterFingerprint: 'abc',
      sent: [{ key: 'G1', field: 'status', value: { type: 'text', value: 'En cours' } }],
    };
    const grid = await metaGrid([], extract);
    expect(typedCells(typed(grid, [[2, 8, { value: 'à garder' }]]))).toEqual([]);
  });
});
