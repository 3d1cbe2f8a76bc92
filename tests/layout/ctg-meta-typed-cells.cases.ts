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

/**
 * The tools leave the row right under the key list empty: the list ends there. A note a person types in its column A
 * (text that is no key, nothing of a key row beside it) is no row of the list, and is named as typed; a key-shaped
 * value, or a row with a type, parent or axis as the tools write them, is still read as the list's row, damaged.
 */
describe('a note typed in column A right under the key list', () => {
  const under = 14 + keys.length; // the row after the key list
  const issuesOf = (grid: SheetGrid) => readCtgMeta(grid).issues.map((issue) => [issue.code, issue.cell]);

  it('is named as typed, the key list read as it is', async () => {
    const grid = typed(await metaGrid(), [[under, 1, { value: 'Voir avec la CAF' }]]);
    expect(issuesOf(grid)).toEqual([['ctg-cell-typed', `A${under}`]]);
    expect(typedCells(grid)).toEqual([[`A${under}`, 'error', 'Voir avec la CAF']]);
    expect(readCtgMeta(grid).meta?.keys).toEqual(keys);
  });

  it('is named as typed on every line of it, and beside it', async () => {
    const grid = typed(await metaGrid(), [
      [under, 1, { value: 'Voir avec la CAF' }],
      [under, 2, { value: 'urgent' }],
      [under + 1, 1, { value: 42 }],
    ]);
    expect(issuesOf(grid)).toEqual([
      ['ctg-cell-typed', `A${under}`],
      ['ctg-cell-typed', `B${under}`],
      ['ctg-cell-typed', `A${under + 1}`],
    ]);
    expect(readCtgMeta(grid).meta?.keys).toEqual(keys);
  });

  it('leaves the retired keys under it read as they are, not as keys of the list', async () => {
    const retired: KeyEntry[] = [{ key: 'G1-QL9', type: 'Qualitatif', parentKey: 'G1', axis: 1 }];
    const grid = typed(await metaGrid(retired), [[under, 1, { value: 'Voir avec la CAF' }]]);
    expect(issuesOf(grid)).toEqual([['ctg-cell-typed', `A${under}`]]);
    expect(readCtgMeta(grid).meta?.keys).toEqual(keys);
    expect(readCtgMeta(grid).meta?.retiredKeys).toEqual(retired);
  });

  it('is a row of the list when it is key-shaped, or holds what the tools write beside a key', async () => {
    const keyShaped = typed(await metaGrid(), [[under, 1, { value: 'G98' }]]);
    expect(issuesOf(keyShaped)).toEqual([['ctg-key-list-invalid', `A${under}`]]);
    // The list's last row with its key typed over: its type, parent and axis are still the tools'.
    const keyTypedOver = typed(await metaGrid(), [[under - 1, 1, { value: 'Voir avec la CAF' }]]);
    expect(issuesOf(keyTypedOver).map(([code]) => code)).toEqual(['ctg-key-list-invalid']);
    // Its key and its type typed over: its axis is still the tools'.
    const bothTypedOver = typed(await metaGrid(), [
      [under - 1, 1, { value: 'Voir avec la CAF' }],
      [under - 1, 2, { value: 'à revoir' }],
    ]);
    expect(issuesOf(bothTypedOver).map(([code]) => code)).toEqual(['ctg-key-list-invalid']);
  });
});

/**
 * A retired key's row is the tools' record that keeps the key from being given again: its key or its type changed by
 * hand leaves it no retired key as written, but it is still theirs, damaged, not a value a person typed there. It is
 * said so at the changed cell, with what to type back, and every rewrite is refused until it is (nothing is lost).
 */
describe('a retired key’s row whose type or key was changed by hand', () => {
  const retired: KeyEntry[] = [
    { key: 'G1-QL9', type: 'Qualitatif', parentKey: 'G1', axis: 1 },
    { key: 'G99', type: 'Fiche', parentKey: null, axis: 1 },
  ];
  const first = 14 + keys.length + 2; // G1-QL9's row; G99's is the next
  const SAY_WHY =
    `Cette ligne est l’enregistrement de l’outil qui garde cette clé pour ne jamais la réattribuer, pas une saisie ` +
    `à déplacer${NBSP}: `;
  const UNTIL = ' Le classeur n’est pas réécrit d’ici là.';

  const issuesOf = (grid: SheetGrid) =>
    readCtgMeta(grid).issues.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)]);

  it('is said at its type cell, with the type its key gives to type back, when the type was mistyped', async () => {
    const grid = typed(await metaGrid(retired), [[first, 2, { value: 'Qualitatf' }]]);
    expect(issuesOf(grid)).toEqual([
      [
        'ctg-retired-key-changed',
        `B${first}`,
        `_ctg, cellule B${first}${NBSP}: le type de la clé retirée «${NBSP}G1-QL9${NBSP}» a été remplacé par ` +
          `«${NBSP}Qualitatf${NBSP}». ${SAY_WHY}retapez «${NBSP}Qualitatif${NBSP}» en B${first}, le type que donne ` +
          `sa clé, ou annulez la saisie (Ctrl+Z).${UNTIL}`,
      ],
    ]);
    expect(readCtgMeta(grid).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99']);
  });

  it('is said so when the type was cleared, or replaced by a type its key does not have', async () => {
    const grid = await metaGrid(retired);
    const cleared = typed(grid, [[first, 2, { value: null }]]);
    expect(issuesOf(cleared)).toEqual([
      [
        'ctg-retired-key-changed',
        `B${first}`,
        `_ctg, cellule B${first}${NBSP}: le type de la clé retirée «${NBSP}G1-QL9${NBSP}» a été effacé. ` +
          `${SAY_WHY}retapez «${NBSP}Qualitatif${NBSP}» en B${first}, le type que donne sa clé, ou annulez la saisie ` +
          `(Ctrl+Z).${UNTIL}`,
      ],
    ]);
    const otherType = typed(grid, [[first + 1, 2, { value: 'Quantitatif' }]]);
    expect(issuesOf(otherType).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `B${first + 1}`,
        `_ctg, cellule B${first + 1}${NBSP}: le type de la clé retirée «${NBSP}G99${NBSP}» a été remplacé par ` +
          `«${NBSP}Quantitatif${NBSP}»`,
      ],
    ]);
  });

  it('is said at its key cell when the key was edited into no key, or cleared: the keys under it stay read', async () => {
    const grid = await metaGrid(retired);
    const edited = typed(grid, [[first, 1, { value: 'G1_QL9' }]]);
    expect(issuesOf(edited)).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé retirée de cette ligne (type «${NBSP}Qualitatif${NBSP}», clé ` +
          `parente «${NBSP}G1${NBSP}») a été remplacée par «${NBSP}G1_QL9${NBSP}», qui n’est pas une clé. ${SAY_WHY}` +
          `retapez en A${first} la clé qui s’y trouvait, ou annulez la saisie (Ctrl+Z), ou reprenez-la dans une ` +
          `copie du classeur enregistrée avant.${UNTIL}`,
      ],
    ]);
    const cleared = typed(grid, [[first, 1, { value: null }]]);
    expect(issuesOf(cleared).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé retirée de cette ligne (type «${NBSP}Qualitatif${NBSP}», clé ` +
          `parente «${NBSP}G1${NBSP}») a été effacée`,
      ],
    ]);
    expect(readCtgMeta(cleared).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99']);
  });

  it('is said at its key cell when the key was edited into a key of another type or fiche', async () => {
    const grid = typed(await metaGrid(retired), [[first, 1, { value: 'G1-QL' }]]);
    expect(issuesOf(grid).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé retirée de cette ligne (type «${NBSP}Qualitatif${NBSP}», clé ` +
          `parente «${NBSP}G1${NBSP}») a été remplacée par «${NBSP}G1-QL${NBSP}», qui ne va pas avec ce type et ` +
          `cette clé parente`,
      ],
    ]);
  });

  it('names no parent key for a fiche’s row, which has none, when its key was edited into a criterion’s', async () => {
    const grid = typed(await metaGrid(retired), [[first + 1, 1, { value: 'G1-QN1' }]]);
    expect(issuesOf(grid).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first + 1}`,
        `_ctg, cellule A${first + 1}${NBSP}: la clé retirée de cette ligne (type «${NBSP}Fiche${NBSP}») a été ` +
          `remplacée par «${NBSP}G1-QN1${NBSP}», qui ne va pas avec ce type`,
      ],
    ]);
  });

  it('names both cells when its key and its type are of the two criterion kinds: either may be the one changed', async () => {
    const grid = await metaGrid(retired);
    // G1-QL9 edited into G1-QN9 reads as G1-QN9 with its type changed into « Qualitatif »: nothing tells them apart.
    const keyEdited = typed(grid, [[first, 1, { value: 'G1-QN9' }]]);
    const typeEdited = typed(grid, [[first, 2, { value: 'Quantitatif' }]]);
    expect(issuesOf(keyEdited)).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé «${NBSP}G1-QN9${NBSP}» et le type «${NBSP}Qualitatif${NBSP}» de cette ` +
          `ligne des clés retirées ne vont pas ensemble${NBSP}: l’un des deux a été modifié à la main. ${SAY_WHY}` +
          `retapez celui qui a changé, en A${first} la clé qui s’y trouvait ou en B${first} le type ` +
          `«${NBSP}Quantitatif${NBSP}» que donne la clé, ou annulez la saisie (Ctrl+Z).${UNTIL}`,
      ],
    ]);
    expect(issuesOf(typeEdited).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé «${NBSP}G1-QL9${NBSP}» et le type «${NBSP}Quantitatif${NBSP}» de ` +
          `cette ligne des clés retirées ne vont pas ensemble${NBSP}: l’un des deux a été modifié à la main`,
      ],
    ]);
  });

  it('is said at its key cell when its key and its type were both changed, inside the block', async () => {
    const grid = typed(await metaGrid(retired), [
      [first, 1, { value: 'G1_QL9' }],
      [first, 2, { value: 'Qualitatf' }],
    ]);
    expect(issuesOf(grid)).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé et le type de cette ligne des clés retirées ont été modifiés à la ` +
          `main (clé «${NBSP}G1_QL9${NBSP}», type «${NBSP}Qualitatf${NBSP}», clé parente «${NBSP}G1${NBSP}»). ` +
          `${SAY_WHY}retapez en A${first} la clé et en B${first} le type qui s’y trouvaient, ou annulez la saisie ` +
          `(Ctrl+Z), ou reprenez-les dans une copie du classeur enregistrée avant.${UNTIL}`,
      ],
    ]);
    expect(readCtgMeta(grid).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99']);
  });

  it('is said so when its key was cleared and its type changed, the keys under it still read', async () => {
    const grid = typed(await metaGrid(retired), [
      [first, 1, { value: null }],
      [first, 2, { value: 'à revoir' }],
    ]);
    expect(issuesOf(grid).map(([code, cell, message]) => [code, cell, message!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé et le type de cette ligne des clés retirées ont été modifiés à la ` +
          `main (clé effacée, type «${NBSP}à revoir${NBSP}», clé parente «${NBSP}G1${NBSP}»)`,
      ],
    ]);
    expect(readCtgMeta(grid).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99']);
  });

  it('names « Fiche » to type back for a fiche’s row, which alone has no parent key', async () => {
    const fiches: KeyEntry[] = [
      { key: 'G98', type: 'Fiche', parentKey: null, axis: 1 },
      { key: 'G99', type: 'Fiche', parentKey: null, axis: 1 },
    ];
    const grid = typed(await metaGrid(fiches), [
      [first, 1, { value: 'G 98' }],
      [first, 2, { value: null }],
    ]);
    expect(issuesOf(grid).map(([code, cell, message]) => [code, cell, message])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${first}`,
        `_ctg, cellule A${first}${NBSP}: la clé et le type de cette ligne des clés retirées ont été modifiés à la ` +
          `main (clé «${NBSP}G 98${NBSP}», type effacé). ${SAY_WHY}retapez en A${first} la clé qui s’y trouvait et ` +
          `«${NBSP}Fiche${NBSP}» en B${first}, ou annulez la saisie (Ctrl+Z), ou reprenez-la dans une copie du ` +
          `classeur enregistrée avant.${UNTIL}`,
      ],
    ]);
  });

  it('inside the block, is a value a person typed when it keeps nothing of the tools’ row', async () => {
    const grid = typed(await metaGrid(retired), [
      [first, 1, { value: 'Voir avec la CAF' }],
      [first, 2, { value: null }],
      [first, 3, { value: null }],
      [first, 4, { value: null }],
    ]);
    expect(issuesOf(grid).map(([code, cell]) => [code, cell])).toEqual([['ctg-cell-typed', `A${first}`]]);
    expect(readCtgMeta(grid).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G99']);
  });

  it('at the block’s end, is the tools’ row typed over too: its parent key and axis are no note’s', async () => {
    const grid = typed(await metaGrid(retired), [
      [first + 1, 1, { value: 'Voir avec la CAF' }],
      [first + 1, 2, { value: 'à revoir' }],
    ]);
    expect(typedCells(grid)).toEqual([]);
    expect(issuesOf(grid).map(([code, cell]) => [code, cell])).toEqual([['ctg-retired-key-changed', `A${first + 1}`]]);
    expect(readCtgMeta(grid).meta?.retiredKeys.map((entry) => entry.key)).toEqual(['G1-QL9']);
  });
});

describe('the retired keys block whose title was changed by hand', () => {
  const retired: KeyEntry[] = [{ key: 'G99', type: 'Fiche', parentKey: null, axis: 1 }];
  const titleRow = 14 + keys.length + 1;
  const title = 'Clés retirées du plan (jamais réattribuées)';

  it('is said at the title, with the title to type back; its keys are read, none named as typed', async () => {
    const grid = typed(await metaGrid(retired), [[titleRow, 1, { value: 'Clés retirées' }]]);
    const reading = readCtgMeta(grid);
    expect(reading.issues.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${titleRow}`,
        `_ctg, cellule A${titleRow}${NBSP}: le titre du bloc des clés retirées a été remplacé par ` +
          `«${NBSP}Clés retirées${NBSP}». Ce bloc est l’enregistrement de l’outil qui garde ces clés pour ne jamais ` +
          `les réattribuer, pas une saisie à déplacer${NBSP}: retapez «${NBSP}${title}${NBSP}» en A${titleRow}, ou ` +
          `annulez la saisie (Ctrl+Z). Le classeur n’est pas réécrit d’ici là.`,
      ],
    ]);
    expect(reading.meta?.retiredKeys).toEqual(retired);
  });

  it('is said so when the title was cleared', async () => {
    const grid = typed(await metaGrid(retired), [[titleRow, 1, { value: null }]]);
    const reading = readCtgMeta(grid);
    expect(reading.issues.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)!.split('. ')[0]])).toEqual([
      [
        'ctg-retired-key-changed',
        `A${titleRow}`,
        `_ctg, cellule A${titleRow}${NBSP}: le titre du bloc des clés retirées a été effacé`,
      ],
    ]);
    expect(reading.meta?.retiredKeys).toEqual(retired);
  });
});

describe('rows of the retired keys emptied by hand', () => {
  const retired: KeyEntry[] = [
    { key: 'G97', type: 'Fiche', parentKey: null, axis: 1 },
    { key: 'G98', type: 'Fiche', parentKey: null, axis: 1 },
    { key: 'G99', type: 'Fiche', parentKey: null, axis: 1 },
    { key: 'G99-QN1', type: 'Quantitatif', parentKey: 'G99', axis: 1 },
  ];
  const first = 14 + keys.length + 2; // G97's row
  const emptied = (row: number): [number, number, GridCell][] =>
    [1, 2, 3, 4].map((column) => [row, column, { value: null }]);
  const found = (grid: SheetGrid) => {
    const reading = readCtgMeta(grid);
    return {
      issues: reading.issues.map((issue) => [issue.code, issue.severity, issue.cell]),
      retired: reading.meta?.retiredKeys.map((entry) => entry.key),
    };
  };

  it('each say so at its key cell, the first row and rows in a row too, the keys under them still read', async () => {
    const grid = typed(await metaGrid(retired), [...emptied(first), ...emptied(first + 2)]);
    expect(found(grid)).toEqual({
      issues: [
        ['ctg-retired-key-cleared', 'warning', `A${first}`],
        ['ctg-retired-key-cleared', 'warning', `A${first + 2}`],
      ],
      retired: ['G98', 'G99-QN1'],
    });
    const inARow = typed(await metaGrid(retired), [...emptied(first + 1), ...emptied(first + 2)]);
    expect(found(inARow)).toEqual({
      issues: [
        ['ctg-retired-key-cleared', 'warning', `A${first + 1}`],
        ['ctg-retired-key-cleared', 'warning', `A${first + 2}`],
      ],
      retired: ['G97', 'G99-QN1'],
    });
  });

  it('go on to a row of the tools’ whose key was cleared, said as such', async () => {
    const grid = typed(await metaGrid(retired), [...emptied(first + 2), [first + 3, 1, { value: null }]]);
    expect(found(grid)).toEqual({
      issues: [
        ['ctg-retired-key-cleared', 'warning', `A${first + 2}`],
        ['ctg-retired-key-changed', 'error', `A${first + 3}`],
      ],
      retired: ['G97', 'G98'],
    });
  });

  it('end the block when no row of the tools’ follows them: a note under them is named as typed', async () => {
    const grid = typed(await metaGrid(retired), [
      ...emptied(first + 2),
      ...emptied(first + 3),
      [first + 3, 1, { value: 'Voir avec la CAF' }],
    ]);
    expect(found(grid)).toEqual({
      issues: [['ctg-cell-typed', 'error', `A${first + 3}`]],
      retired: ['G97', 'G98'],
    });
  });
});

/**
 * The tools write no row of the key list without its key: a row whose key alone was cleared, or a row emptied with
 * key rows of theirs under it, is inside the list, which is read on past it. The rows under it are the list's, never
 * a block's title or values typed; the row is kept aside for its key to be found in the axis sheets (cleared-keys.ts).
 */
describe('a key list row whose key was cleared, or that was emptied, by hand', () => {
  const retired: KeyEntry[] = [{ key: 'G9', type: 'Fiche', parentKey: null, axis: 1 }];
  const row = 16; // G1-QN2's
  const emptied = (at: number): [number, number, GridCell][] =>
    [1, 2, 3, 4].map((column) => [at, column, { value: null }]);
  const read = (grid: SheetGrid) => {
    const reading = readCtgMeta(grid);
    return {
      issues: reading.issues.map((issue) => [issue.code, issue.cell]),
      keys: reading.meta?.keys.map((entry) => entry.key),
      cleared: reading.meta?.clearedKeys,
      retired: reading.meta?.retiredKeys.map((entry) => entry.key),
    };
  };
  const without = (...gone: string[]) => keys.map((entry) => entry.key).filter((key) => !gone.includes(key));

  it('reads the list on past a key cleared, the retired keys under it as they are', async () => {
    expect(keys[2].key).toBe('G1-QN2');
    const grid = typed(await metaGrid(retired), [[row, 1, { value: null }]]);
    expect(read(grid)).toEqual({
      issues: [],
      keys: without('G1-QN2'),
      cleared: [{ row, at: 2, left: { type: 'Quantitatif', parentKey: 'G1', axis: 1 } }],
      retired: ['G9'],
    });
  });

  it('reads the list on past a row emptied, and past rows emptied in a row when a block’s title is below', async () => {
    expect(read(typed(await metaGrid(), emptied(row)))).toMatchObject({
      issues: [],
      keys: without('G1-QN2'),
      cleared: [{ row, at: 2 }],
    });
    expect(read(typed(await metaGrid(retired), [...emptied(row), ...emptied(row + 1)]))).toMatchObject({
      issues: [],
      keys: without('G1-QN2', 'G1-QL1'),
      cleared: [
        { row, at: 2 },
        { row: row + 1, at: 2 },
      ],
      retired: ['G9'],
    });
  });

  it('reads the criteria under a fiche whose key was cleared', async () => {
    const grid = typed(await metaGrid(), [[14, 1, { value: null }]]);
    expect(read(grid)).toMatchObject({ issues: [], keys: without('G1') });
  });

  it('still ends the list at a last row emptied: nothing of the tools’ follows it but the empty row and a title', async () => {
    const last = 14 + keys.length - 1;
    expect(read(typed(await metaGrid(retired), emptied(last)))).toEqual({
      issues: [],
      keys: without(keys[keys.length - 1].key),
      cleared: undefined,
      retired: ['G9'],
    });
  });
});
