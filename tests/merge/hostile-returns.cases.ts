import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_XLSX_READ_LIMITS } from '../../src/xlsx/reader';
import ExcelJS from 'exceljs';
import { mergeAndWrite, type MergeOptions } from '../../src/app/merge/merge-workbook';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { sheet, typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { ctgMetaRows, META_VALUE_COLUMN } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { renderIssueMessage } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import { masterAndCcmpExtract, unexpectedDifferences } from './helpers/returned-extract';

/**
 * What partners do to an extract before sending it back, each merged into the master: rows sorted, a column added
 * or deleted, a sheet renamed, formulas typed into text cells, a key on two rows, a file past the reader's limits, a
 * table pasted from an e-mail. Matched by key and header, never by position; what cannot be taken is named.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const mergedOn = new Date('2026-09-20T08:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-hostile-'));
const path = (name: string) => join(folder, name);

let masterBytes: Uint8Array;
let extractBytes: Uint8Array;
let extractGrids: WorkbookGrids;

beforeAll(async () => {
  ({ masterBytes, extractBytes } = await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), path('extrait.xlsx')));
  extractGrids = gridsOf(extractBytes);
}, 60_000);

/** The extract with values typed in, then `edit` applied to a copy of its grids. */
function returned(entries: readonly Entry[], edit: (grids: WorkbookGrids) => void = () => undefined): WorkbookGrids {
  const grids = typeInto(extractGrids, entries);
  edit(grids);
  return grids;
}

async function merge(grids: WorkbookGrids, extra: Partial<MergeOptions> = {}) {
  const recording = recordingPort(masterBytes);
  const outcome = await mergeAndWrite(recording.port, [{ file: 'retour.xlsx', grids }], { now: mergedOn, ...extra });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  const after = recording.written.length > 0 ? gridsOf(recording.last()) : gridsOf(masterBytes);
  const { report } = outcome;
  return {
    report,
    after,
    applied: report.applied.map((change) => `${change.key} ${change.column} ${String(change.new.value)}`),
    rejected: report.rejected.map(({ issue }) => `${issue.code} ${issue.sheet}!${issue.cell}`),
    notes: report.notes.map(({ issue }) => `${issue.code} ${issue.sheet}!${issue.cell} ${String(issue.params.header)}`),
    unexpected: () =>
      unexpectedDifferences(
        gridsOf(masterBytes),
        after,
        report.applied.map((change) => `${change.sheet}!${change.cell}`),
      ),
  };
}

const headerRowOf = (grid: SheetGrid) => grid.rows.findIndex((row) => row?.[0]?.value === 'Clé');
const columnOf = (grid: SheetGrid, header: string) =>
  grid.rows[headerRowOf(grid)].findIndex((c) => c?.value === header);

/** Every row of the sheet from `from` (0-based) on, with a cell inserted at `column`. */
function insertColumn(grid: SheetGrid, column: number, cells: (GridCell | null)[]) {
  grid.rows = grid.rows.map((row, index) => {
    const copy = [...(row ?? [])];
    while (copy.length < column) copy.push(null);
    copy.splice(column, 0, cells[index] ?? null);
    return copy;
  });
}

const filled: Entry[] = [
  { key: 'G2', header: 'Statut', value: 'En cours' },
  { key: 'G1-QN1', header: '2026-T2', value: 6 },
  { key: 'G1-QL1', header: '2026-T3', value: 'Satisfaisant' },
];
const takenFromFilled = ['G1-QL1 2026-T3 Satisfaisant', 'G1-QN1 2026-T2 6', 'G2 Statut En cours'];

describe('a returned extract edited by its recipient', () => {
  it('is read by key when its rows were sorted', async () => {
    const { applied, rejected, unexpected, after } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        axis.rows = [...axis.rows.slice(0, header + 1), ...axis.rows.slice(header + 1).reverse()];
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(unexpected()).toEqual([]);
    expect(valueAt(after, 'G1-QN1', '2026-T2')?.value).toBe(6);
    expect(valueAt(after, 'G1-QN1', '2026-T1')?.value).toBe(4);
  });

  it('reads the rows a sort moved above the header row (sorted with the header among them), by key', async () => {
    // The sheet unprotected, the table sorted from its header row down without « my data has headers »: the header
    // row lands among the rows, here last, every row the partner filled above it.
    const { applied, rejected, notes, unexpected } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        axis.rows = [...axis.rows.slice(0, header), ...axis.rows.slice(header).reverse()];
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([]);
    expect(unexpected()).toEqual([]);
  });

  it('reads a row a sort moved above the header row by its key retyped in lower case, as under it', async () => {
    const { applied, rejected, notes } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        const g2 = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G2');
        axis.rows[g2][0] = { value: ' g2' };
        axis.rows = [...axis.rows.slice(0, header), ...axis.rows.slice(header).reverse()];
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('reads a sheet sorted whole, its title and hint moved among the rows, without taking them for rows', async () => {
    // Every row selected, the sheet's title and hint too: sorted on « Clé », up or down, they land under the header row
    // or above it, among the rows, and are the tools' own texts, not rows of unknown keys.
    const text = (row: (GridCell | null)[] | undefined) => String(row?.[0]?.value ?? '');
    for (const order of [1, -1]) {
      const { applied, rejected, notes, unexpected } = await merge(
        returned(filled, (grids) => {
          const axis = sheet(grids, 'Axe 1');
          axis.rows = [...axis.rows].sort((a, b) => order * text(a).localeCompare(text(b), 'fr'));
        }),
      );
      expect(applied.sort()).toEqual(takenFromFilled);
      expect(rejected).toEqual([]);
      expect(notes).toEqual([]);
      expect(unexpected()).toEqual([]);
    }
  });

  it('refuses, as an error, an axis sheet whose header row was deleted, saying to put it back', async () => {
    // The title, hint and header rows deleted as « the rows above the figures »: the rows keep their keys, but no
    // column says what it holds. Passed over as a sheet of remarks, its values were lost with a note, exit code 0.
    const { applied, rejected, notes, report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        axis.rows = axis.rows.slice(headerRowOf(axis) + 1);
      }),
    );
    expect(applied).toEqual([]);
    expect(rejected).toEqual(['merge-key-column-missing Axe 1!A1']);
    expect(notes.filter((note) => note.startsWith('merge-sheet-not-read'))).toEqual([]);
    expect(renderIssueMessage(report.rejected[0].issue)).toBe(
      'Axe 1, cellule A1\u00a0: le tableau de cette feuille n’a plus sa ligne d’en-têtes («\u00a0Clé\u00a0», ' +
        '«\u00a0Type\u00a0», «\u00a0Intitulé\u00a0»…), qui dit ce que contient chaque colonne (elle a été supprimée)\u00a0: ' +
        'aucune valeur de la feuille «\u00a0Axe 1\u00a0» n’est reprise. Insérez au-dessus de cette cellule la ligne ' +
        'd’en-têtes de l’extrait envoyé, ou renvoyez l’extrait au partenaire pour qu’il le complète à nouveau, puis ' +
        'fusionnez à nouveau.',
    );
  });

  it('names, not refuses, a sheet of remarks the partner added listing rows by key and Type, which are read', async () => {
    // The key and Type of the rows commented on, copied without the header row: remarks on rows the axis sheet holds,
    // not that sheet's table; in an extract as in a file that is none.
    const remarks = [
      [{ value: 'G1' }, { value: 'Fiche' }, { value: 'Comité reporté à l’automne.' }],
      [{ value: 'G1-QN1' }, { value: 'Quantitatif' }, { value: 'Chiffre provisoire.' }],
    ];
    const withRemarks = (grids: WorkbookGrids) =>
      grids.sheets.push({ name: 'Remarques', visibility: 'visible', rows: remarks });
    const extract = await merge(returned(filled, withRemarks));
    const copy = await merge(
      returned(filled, (grids) => {
        grids.sheets = grids.sheets.filter((grid) => grid.name !== '_ctg');
        withRemarks(grids);
      }),
      { partner: 'CCMP' },
    );
    for (const { applied, rejected, notes } of [extract, copy]) {
      expect(applied.sort()).toEqual(takenFromFilled);
      expect(rejected).toEqual([]);
      expect(notes).toContain('merge-sheet-not-read Remarques!A1 undefined');
    }
  });

  it('refuses a sheet the partner added holding rows cut from an axis sheet without its header row', async () => {
    // The rows are nowhere else in the file: what the partner typed on them would be lost with the sheet.
    const { applied, rejected } = await merge(
      returned([...filled, { key: 'G2-QN1', header: '2026-T2', value: 12 }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const moved = axis.rows.filter((cells) => String(cells?.[0]?.value ?? '').startsWith('G2'));
        axis.rows = axis.rows.filter((cells) => !moved.includes(cells));
        grids.sheets.push({ name: 'Reste', visibility: 'visible', rows: moved });
      }),
    );
    expect(applied.sort()).toEqual(['G1-QL1 2026-T3 Satisfaisant', 'G1-QN1 2026-T2 6']);
    expect(rejected).toEqual(['merge-key-column-missing Reste!A1']);
  });

  it('refuses an axis sheet whose header row was deleted even when a copy of it, with its header, is read', async () => {
    // « Axe 1 » is the sheet the extract was sent with: what was typed there after the copy was made is in it only.
    const { rejected } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        grids.sheets.push({ ...axis, name: 'Copie', rows: [...axis.rows] });
        axis.rows = axis.rows.slice(headerRowOf(axis) + 1);
      }),
    );
    expect(rejected).toContain('merge-key-column-missing Axe 1!A1');
  });

  it('ignores a column it added, with a note, and takes the others', async () => {
    const { applied, rejected, notes, report, unexpected } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        const cells = axis.rows.map((_, index) =>
          index === header ? { value: 'Mes notes' } : index > header ? { value: 'à revoir' } : null,
        );
        insertColumn(axis, columnOf(axis, 'Statut'), cells);
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^merge-column-ignored Axe 1![A-Z]+3 Mes notes$/)]);
    expect(unexpected()).toEqual([]);
    // Nothing of the column is in the master: the note counts what is lost and says where such a remark belongs.
    const rows = extractGrids.sheets.find((grid) => grid.name === 'Axe 1')?.rows ?? [];
    const count = rows.length - 1 - rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const { issue } = report.notes[0];
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la colonne «\u00a0Mes notes\u00a0» n’est pas une ` +
        `colonne du suivi\u00a0: la fusion ne la reprend pas, et ses ${count} valeurs ne seront pas dans le classeur ` +
        'de suivi. Ce que le partenaire veut faire lire se saisit dans la colonne «\u00a0Commentaire\u00a0» de la ' +
        'ligne («\u00a0Mise en œuvre\u00a0» ou «\u00a0Difficultés\u00a0» pour une fiche)\u00a0: demandez à ' +
        '«\u00a0CCMP\u00a0» ce que disent ces valeurs et, s’il le faut, de les y reporter.',
    );
  });

  it('refuses the values of a column whose header was retyped (« Statuts »), naming the header to put back', async () => {
    const { applied, rejected, report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        axis.rows[headerRowOf(axis)][columnOf(axis, 'Statut')] = { value: 'Statuts' };
      }),
    );
    expect(applied).not.toContain('G2 Statut En cours');
    expect(rejected).toEqual([expect.stringMatching(/^merge-column-renamed Axe 1![A-Z]+3$/)]);
    // G1's status as the extract was sent, and G2's as typed.
    expect(renderIssueMessage(report.rejected[0].issue)).toMatch(
      /^Axe 1, cellule [A-Z]+3\u00a0: l’en-tête «\u00a0Statuts\u00a0» a sans doute été retapé\u00a0: c’est celui de la colonne «\u00a0Statut\u00a0» du suivi, dont 2 valeurs ne sont pas reprises\. Remettez «\u00a0Statut\u00a0» dans cette cellule, puis fusionnez à nouveau\.$/,
    );
    expect(report.notes.map(({ issue }) => issue.code)).not.toContain('merge-column-ignored');
  });

  it('refuses the values of columns whose headers were retyped otherwise, each standing where its column was', async () => {
    // « T3 2026 » and « Commentaires du partenaire » are more than a letter or two off 2026-T3 and Commentaire, but
    // each stands where its column stood, which the file lacks: they are those columns, not columns of the partner's.
    const { applied, rejected, notes, report } = await merge(
      returned([...filled, { key: 'G1-QN1', header: 'Commentaire', value: 'chiffre de juin' }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        axis.rows[header][columnOf(axis, '2026-T3')] = { value: 'T3 2026' };
        axis.rows[header][columnOf(axis, 'Commentaire')] = { value: 'Commentaires du partenaire' };
      }),
    );
    expect(applied.sort()).toEqual(['G1-QN1 2026-T2 6', 'G2 Statut En cours']);
    expect(rejected.sort()).toEqual([
      expect.stringMatching(/^merge-column-renamed Axe 1![A-Z]+3$/),
      expect.stringMatching(/^merge-column-renamed Axe 1![A-Z]+3$/),
    ]);
    expect(notes.filter((note) => note.startsWith('merge-column-ignored'))).toEqual([]);
    const messages = report.rejected.map(({ issue }) => renderIssueMessage(issue));
    expect(messages).toContainEqual(
      expect.stringContaining(
        'l’en-tête «\u00a0T3 2026\u00a0» a sans doute été retapé\u00a0: c’est celui de la colonne «\u00a02026-T3\u00a0» du suivi',
      ),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        'l’en-tête «\u00a0Commentaires du partenaire\u00a0» a sans doute été retapé\u00a0: c’est celui de la colonne ' +
          '«\u00a0Commentaire\u00a0» du suivi',
      ),
    );
  });

  it('ignores a column added after « Statut » in an extract of format 1, which has no « Abandonnée en »', async () => {
    // « Abandonnée en » came with format 2, and is the officer's (locked in an extract): the partner's own column
    // where it would stand is theirs, not that column retyped.
    const { applied, rejected, notes } = await merge(
      returned(filled, (grids) => {
        sheet(grids, '_ctg').rows[ctgMetaRows.formatVersion - 1][META_VALUE_COLUMN - 1] = { value: 1 };
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        const abandoned = columnOf(axis, 'Abandonnée en');
        axis.rows = axis.rows.map((row) => (row ?? []).filter((_, index) => index !== abandoned));
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G2');
        const cells = axis.rows.map((_, index) =>
          index === header ? { value: 'Précisions' } : index === row ? { value: 'comité reporté' } : null,
        );
        insertColumn(axis, abandoned, cells);
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^merge-column-ignored Axe 1![A-Z]+3 Précisions$/)]);
  });

  it('does not take a quarter the partner added (« 2025-T4 ») for a retyped quarter the file lacks', async () => {
    // The partner started in 2026-T2: the column 2026-T1 deleted, one of last year's figures kept beside the table.
    const { applied, rejected, notes } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        const quarter = columnOf(axis, '2026-T1');
        axis.rows = axis.rows.map((row) => (row ?? []).filter((_, index) => index !== quarter));
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        const cells = axis.rows.map((_, index) =>
          index === header ? { value: '2025-T4' } : index === row ? { value: 3 } : null,
        );
        insertColumn(axis, quarter, cells);
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toContainEqual(expect.stringMatching(/^merge-column-ignored Axe 1![A-Z]+3 2025-T4$/));
  });

  it('says that a value typed over a rate (the sheet unprotected) is not taken, and takes the others', async () => {
    let address = '';
    const { applied, rejected, notes, report, unexpected } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        const column = columnOf(axis, 'Réalisation');
        axis.rows[row][column] = { value: 0.3 };
        address = cellAddress(row + 1, column + 1);
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([`merge-value-in-computed-cell Axe 1!${address} Réalisation`]);
    expect(renderIssueMessage(report.notes[0].issue)).toContain(
      'la valeur «\u00a030\u00a0%\u00a0» est saisie sur «\u00a0Réalisation\u00a0», un taux calculé par l’outil\u00a0: ' +
        'elle n’est pas reprise',
    );
    expect(unexpected()).toEqual([]);
  });

  // What validate says of it on the extract (`extract-row-type-changed`): the Type column is not read, nothing lost.
  it('reads each row by its key when its Type was changed or cleared, keeping the master’s types, saying nothing', async () => {
    const { applied, rejected, notes, unexpected, after } = await merge(
      returned([
        ...filled,
        { key: 'G1-QN1', header: 'Type', value: 'Qualitatif' },
        { key: 'G1-QL1', header: 'Type', value: '' },
        { key: 'G2', header: 'Type', value: 'Quantitatif' },
      ]),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    expect(notes).toEqual([]);
    expect(unexpected()).toEqual([]);
    expect(valueAt(after, 'G1-QN1', 'Type')?.value).toBe('Quantitatif');
  });

  it('refuses a date typed in a grey cell, quoting it as the partner typed it, not as its serial number', async () => {
    const { applied, report } = await merge(returned([{ key: 'G1', header: '2026-T2', value: 46023, isDate: true }]));
    expect(applied).toEqual([]);
    const { issue } = report.rejected[0];
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la colonne «\u00a02026-T2\u00a0» ne concerne pas la ligne G1 (cellule ` +
        'grise)\u00a0; la valeur «\u00a001/01/2026\u00a0» n’est pas reprise. Vérifiez la ligne où le partenaire ' +
        'voulait la saisir.',
    );
  });

  it('is still read when a sheet was renamed', async () => {
    const { applied, rejected, report } = await merge(
      returned(filled, (grids) => {
        sheet(grids, 'Axe 1').name = 'Mes fiches';
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(rejected).toEqual([]);
    // The master's cells, in the master's sheet.
    expect(report.applied.every((change) => change.sheet === 'Axe 1')).toBe(true);
  });

  it('takes the rest when a column was deleted, leaves the master’s column as it was, and says so', async () => {
    const { applied, rejected, unexpected, after, report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const column = columnOf(axis, 'Statut');
        axis.rows = axis.rows.map((row) => (row ?? []).filter((_, index) => index !== column));
      }),
    );
    expect(applied.sort()).toEqual(['G1-QL1 2026-T3 Satisfaisant', 'G1-QN1 2026-T2 6']);
    expect(rejected).toEqual([]);
    expect(valueAt(after, 'G1', 'Statut')?.value).toBe('En cours');
    expect(unexpected()).toEqual([]);
    // The extract was sent with G1's Statut: the officer is told the partner's file no longer has that column.
    const notes = report.notes.filter(({ issue }) => issue.code === 'merge-sent-columns-missing');
    expect(notes.map(({ issue }) => [issue.severity, issue.sheet, renderIssueMessage(issue)])).toEqual([
      [
        'warning',
        'Axe 1',
        'Axe 1\u00a0: la colonne «\u00a0Statut\u00a0», envoyée avec des valeurs dans l’extrait (G1), n’est plus dans le ' +
          'fichier renvoyé\u00a0: rien n’en est repris et le classeur garde ses valeurs. Si le partenaire l’a supprimée, ' +
          'demandez-lui de la rétablir.',
      ],
    ]);
  });

  it('says nothing of a deleted column that was sent empty', async () => {
    const { report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const column = columnOf(axis, 'Difficultés');
        axis.rows = axis.rows.map((row) => (row ?? []).filter((_, index) => index !== column));
      }),
    );
    expect(report.notes.filter(({ issue }) => issue.code === 'merge-sent-columns-missing')).toEqual([]);
  });

  it('keeps formulas typed into text cells as visible text, and refuses a formula in an input cell', async () => {
    const typed = [
      { key: 'G1', header: 'Mise en œuvre', value: '=HYPERLINK("http://exemple.fr","clic")' },
      { key: 'G1', header: 'Difficultés', value: "=cmd|' /C calc'!A0" },
      { key: 'G1-QN1', header: 'Commentaire', value: '+1' },
      { key: 'G1-QL1', header: 'Commentaire', value: '@SUM(A1)' },
    ];
    const { applied, rejected, after, report } = await merge(
      returned(typed, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        axis.rows[row][columnOf(axis, '2026-T3')] = { value: 3, formula: 'SUM(1,2)' };
      }),
    );
    expect(applied.sort()).toEqual(
      [
        'G1 Mise en œuvre =HYPERLINK("http://exemple.fr","clic")',
        "G1 Difficultés =cmd|' /C calc'!A0",
        'G1-QN1 Commentaire +1',
        'G1-QL1 Commentaire @SUM(A1)',
      ].sort(),
    );
    expect(rejected).toEqual([expect.stringMatching(/^merge-formula Axe 1!/)]);
    expect(report.rejected[0].issue.rowKey).toBe('G1-QN1');
    for (const { key, header, value } of typed) expect(valueAt(after, key, header)).toEqual({ value });
    expect(valueAt(after, 'G1-QN1', '2026-T3')?.value ?? null).toBeNull();
  });

  // A user trial read « SUM(W14:Y14) » of the =SOMME(W14:Y14) the partner typed: quoted as French Excel shows it.
  it('quotes a refused formula as French Excel shows it, =SOMME(W14:Y14)', async () => {
    const { report } = await merge(
      returned([], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        axis.rows[row][columnOf(axis, '2026-T3')] = { value: 3, formula: 'SUM(W14:Y14)' };
      }),
    );
    const { issue } = report.rejected[0];
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la cellule contient une formule (=SOMME(W14:Y14))\u00a0; elle n’est pas ` +
        'reprise. Demandez au partenaire d’y saisir la valeur elle-même.',
    );
  });

  it('refuses a formula typed as text in a quarter, saying to type its result', async () => {
    const { applied, report } = await merge(returned([{ key: 'G1-QN1', header: '2026-T3', value: '=10+2' }]));
    expect(applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => issue.code)).toEqual(['merge-wrong-value']);
    const message = renderIssueMessage(report.rejected[0].issue);
    expect(message).toContain('formule enregistrée comme texte');
    expect(message).toContain('son résultat');
  });

  // Excel reads « +10+2 » typed in a number cell as the formula =+10+2: typed in a text cell, it is never computed.
  it('refuses « +10+2 » typed as text in a quarter as a formula, saying to type its result', async () => {
    const { applied, report } = await merge(returned([{ key: 'G1-QN1', header: '2026-T3', value: '+10+2' }]));
    expect(applied).toEqual([]);
    const message = renderIssueMessage(report.rejected[0].issue);
    expect(message).toContain('formule enregistrée comme texte');
    expect(message).toContain('son résultat');
  });

  // A function call typed after « + » (« +SOMME(A1:A3) »), which Excel reads as a formula: typed as text, never
  // computed.
  it.each(['+SUM(A1:A3)', '-SOMME.SI(A1:A3;">0")', '+MOYENNE(A1;ARRONDI(B2;0))*2'])(
    'refuses « %s » typed as text in a quarter as a formula, asking the partner for its result',
    async (text) => {
      const { applied, report } = await merge(returned([{ key: 'G1-QN1', header: '2026-T3', value: text }]));
      expect(applied).toEqual([]);
      const { issue } = report.rejected[0];
      expect(renderIssueMessage(issue)).toBe(
        `Axe 1, cellule ${issue.cell}\u00a0: «\u00a0${text}\u00a0» n’est pas une valeur possible pour «\u00a02026-T3\u00a0» ` +
          `(${String(issue.params.expected)})\u00a0; elle n’est pas reprise. C’est une formule enregistrée comme texte ` +
          '(cellule au format Texte), que le tableur ne calcule pas\u00a0: demandez au partenaire d’y saisir son résultat.',
      );
    },
  );

  it('refuses a formula saved without its result (as openpyxl writes it) rather than dropping it silently', async () => {
    const { applied, rejected } = await merge(
      returned([], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = (key: string) => axis.rows.findIndex((cells) => cells?.[0]?.value === key);
        axis.rows[row('G1-QN1')][columnOf(axis, '2026-T3')] = { value: null, formula: '1+1', uncalculated: true };
        axis.rows[row('G1')][columnOf(axis, 'Mise en œuvre')] = {
          value: null,
          formula: 'HYPERLINK("http://exemple.fr")',
          uncalculated: true,
        };
      }),
    );
    expect(applied).toEqual([]);
    expect(rejected.sort()).toEqual([
      expect.stringMatching(/^merge-formula Axe 1!/),
      expect.stringMatching(/^merge-formula Axe 1!/),
    ]);
  });

  it('refuses a number shown as a percentage (« 85 % » is stored 0.85), saying it as the partner typed it', async () => {
    const { applied, report } = await merge(
      returned([], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = (key: string) => axis.rows.findIndex((cells) => cells?.[0]?.value === key);
        axis.rows[row('G1-QN1')][columnOf(axis, '2026-T3')] = { value: 0.85, isPercent: true };
        axis.rows[row('G1')][columnOf(axis, 'Avancement (%)')] = { value: 1, isPercent: true };
      }),
    );
    expect(applied).toEqual([]);
    const messages = report.rejected.map(({ issue }) => renderIssueMessage(issue));
    // The cell's percent format is what to change: typed again in it, the number would show as a percentage again.
    const advice =
      '\u00a0; elle n’est pas reprise. La cellule est au format pourcentage\u00a0: donnez-lui un format de nombre ' +
      '(Format de cellule > Nombre), puis retapez la valeur, sans le signe\u00a0%.';
    expect(messages).toEqual([
      expect.stringContaining(
        '«\u00a0100\u00a0%\u00a0» n’est pas une valeur possible pour «\u00a0Avancement (%)\u00a0» (un nombre entier de 0 à ' +
          `100)${advice}`,
      ),
      expect.stringContaining(
        `«\u00a085\u00a0%\u00a0» n’est pas une valeur possible pour «\u00a02026-T3\u00a0» (un nombre)${advice}`,
      ),
    ]);
  });

  it('says what to type for a percentage typed as text in a quarter cell (« 85% »), as for one shown as such', async () => {
    const { applied, report } = await merge(
      returned([], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        axis.rows[row][columnOf(axis, '2026-T3')] = { value: '85%' };
      }),
    );
    expect(applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      expect.stringContaining(
        '«\u00a085%\u00a0» n’est pas une valeur possible pour «\u00a02026-T3\u00a0» (un nombre, sans le signe\u00a0%\u00a0: ' +
          '85 et non 85\u00a0%)\u00a0;',
      ),
    ]);
  });

  it('says which rows sent in the extract the file no longer has, as when an axis sheet is renamed « Historique »', async () => {
    const { applied, notes, report } = await merge(
      returned([{ key: 'G1', header: 'Statut', value: 'En cours' }], (grids) => {
        sheet(grids, 'Axe 1').name = 'Historique';
      }),
    );
    expect(applied).toEqual([]);
    expect(notes).toContain('merge-sent-rows-missing null!null undefined');
    const missing = report.notes.find(({ issue }) => issue.code === 'merge-sent-rows-missing')!.issue;
    expect(renderIssueMessage(missing)).toMatch(
      /^\d+ lignes envoyées dans l’extrait ne sont plus dans le fichier renvoyé \(G1, G1-QN1, .*\)\u00a0: rien n’en est repris\. Si le partenaire a supprimé ces lignes, la colonne «\u00a0Clé\u00a0» ou leur feuille, ou renommé celle-ci, demandez-lui de les rétablir\.$/,
    );
  });

  it('names a remark typed beside a row, in a column without header, and takes the others', async () => {
    let beside = '';
    let under = '';
    const { applied, notes, report, unexpected } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const header = headerRowOf(axis);
        const width = axis.rows[header].length;
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G2');
        // Two columns past the table's last header: a remark on G2's row, and one under the table on no row.
        axis.rows[row] = [...axis.rows[row]];
        axis.rows[row][width + 1] = { value: 'Statut à confirmer après le budget 2027' };
        axis.rows.push([], []);
        const last = axis.rows.length;
        axis.rows[last - 1] = [];
        axis.rows[last - 1][width + 1] = { value: 32 };
        beside = cellAddress(row + 1, width + 2);
        under = cellAddress(last, width + 2);
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(unexpected()).toEqual([]);
    expect(notes).toEqual([
      `merge-cell-without-header Axe 1!${beside} undefined`,
      `merge-cell-without-header Axe 1!${under} undefined`,
    ]);
    const advice =
      'dans une colonne sans en-tête, qui n’est pas une colonne du suivi\u00a0: elle n’est pas reprise. Si elle doit ' +
      'l’être, saisissez-la dans la colonne du suivi qui convient («\u00a0Commentaire\u00a0», «\u00a0Difficultés\u00a0»…), ' +
      'puis fusionnez à nouveau.';
    expect(report.notes.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      `Axe 1, cellule ${beside}\u00a0: la valeur «\u00a0Statut à confirmer après le budget 2027\u00a0» est saisie ${advice}`,
      `Axe 1, cellule ${under}\u00a0: la valeur «\u00a032\u00a0» est saisie ${advice}`,
    ]);
  });

  it('names a remark typed above the table, beside its title, and takes the others', async () => {
    const { applied, notes, report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        axis.rows[0] = [...axis.rows[0]];
        axis.rows[0][4] = { value: 'Chiffres provisoires' };
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(notes).toEqual(['merge-cell-without-header Axe 1!E1 undefined']);
    expect(renderIssueMessage(report.notes[0].issue)).toBe(
      'Axe 1, cellule E1\u00a0: la valeur «\u00a0Chiffres provisoires\u00a0» est saisie au-dessus du tableau, hors de ' +
        'ses lignes\u00a0: elle n’est pas reprise. Si elle doit l’être, saisissez-la dans la colonne du suivi qui ' +
        'convient («\u00a0Commentaire\u00a0», «\u00a0Difficultés\u00a0»…), puis fusionnez à nouveau.',
    );
  });

  it('names a sheet the partner added without a « Clé » column, which is not read, quoting its first value', async () => {
    const { applied, notes, report } = await merge(
      returned(filled, (grids) => {
        const remarks = [[null], [null, { value: 'Le chiffre de G1 est provisoire : la subvention n’est pas votée.' }]];
        grids.sheets.push({ name: 'Remarques', visibility: 'visible', rows: remarks });
        grids.sheets.push({ name: 'Vide', visibility: 'visible', rows: [[null, { value: '  ' }]] });
      }),
    );
    expect(applied.sort()).toEqual(takenFromFilled);
    expect(notes).toEqual(['merge-sheet-not-read Remarques!B2 undefined']);
    expect(renderIssueMessage(report.notes[0].issue)).toBe(
      'Remarques, cellule B2\u00a0: cette feuille n’a pas de colonne «\u00a0Clé\u00a0» et n’est pas lue\u00a0: rien ' +
        'n’en est repris. Elle commence par «\u00a0Le chiffre de G1 est provisoire : la subvention n’est pas ' +
        'votée.\u00a0». Lisez-la\u00a0: le partenaire y a peut-être écrit des remarques ou des valeurs à reporter dans ' +
        'le classeur de suivi.',
    );
  });

  it('says in the singular that one row sent in the extract is no longer in the file', async () => {
    const { report } = await merge(
      returned([{ key: 'G2', header: 'Statut', value: 'En cours' }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        axis.rows = axis.rows.filter((cells) => cells?.[0]?.value !== 'G1-QN1');
      }),
    );
    const missing = report.notes.find(({ issue }) => issue.code === 'merge-sent-rows-missing')!.issue;
    expect(renderIssueMessage(missing)).toBe(
      '1 ligne envoyée dans l’extrait n’est plus dans le fichier renvoyé (G1-QN1)\u00a0: rien n’en est repris. Si le ' +
        'partenaire a supprimé cette ligne, la colonne «\u00a0Clé\u00a0» ou sa feuille, ou renommé celle-ci, ' +
        'demandez-lui de la rétablir.',
    );
  });

  it('says an extract whose axis sheets were deleted holds no table any more, and takes nothing', async () => {
    const { report } = await merge(
      returned([], (grids) => {
        grids.sheets = grids.sheets.filter((grid) => !grid.name.startsWith('Axe '));
      }),
    );
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      'Le fichier est un extrait, mais ne contient plus aucun tableau avec une colonne «\u00a0Clé\u00a0» (ses feuilles ' +
        'd’axe ont sans doute été supprimées)\u00a0: rien n’en est repris. Demandez au partenaire le fichier tel que ' +
        'l’extrait le lui a donné, avec ses valeurs.',
    ]);
    expect(report.written).toBe(false);
  });

  it('names the sheet that holds the table under the name of one of the tools’ sheets, which a merge never reads', async () => {
    const { report } = await merge(
      returned([{ key: 'G2', header: 'Statut', value: 'En cours' }], (grids) => {
        const axes = grids.sheets.filter((grid) => grid.name.startsWith('Axe '));
        expect(axes.map((grid) => grid.name)).toContain('Axe 1');
        grids.sheets = grids.sheets.filter((grid) => !grid.name.startsWith('Axe ') || grid.name === 'Axe 1');
        sheet(grids, 'Axe 1').name = 'Historique';
      }),
    );
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      'Le fichier est un extrait, mais ne contient plus aucun tableau avec une colonne «\u00a0Clé\u00a0» sous un nom ' +
        'que la fusion lit\u00a0: la feuille «\u00a0Historique\u00a0», du nom d’une feuille de l’outil que la fusion ne ' +
        'lit jamais, en tient un, sans doute la feuille «\u00a0Axe 1\u00a0» de l’extrait renommée. Rendez-lui ce nom, ' +
        'puis fusionnez à nouveau\u00a0: rien n’en est repris d’ici là.',
    ]);
    expect(report.written).toBe(false);
  });

  it('says nothing of rows missing when every row sent is there', async () => {
    const { notes } = await merge(returned(filled));
    expect(notes.filter((note) => note.startsWith('merge-sent-rows-missing'))).toEqual([]);
  });

  it('refuses a file of another territory that is no extract (its master, or a copy without `_ctg`)', async () => {
    const otherTerritory = (grids: WorkbookGrids) => {
      const settings = sheet(grids, 'Paramètres');
      const row = settings.rows.findIndex((cells) => cells?.[0]?.value === 'Territoire');
      settings.rows[row][1] = { value: 'Haut Forez' };
    };
    const withoutCtg = returned(filled, (grids) => {
      otherTerritory(grids);
      grids.sheets = grids.sheets.filter((grid) => grid.name !== '_ctg');
    });
    const copy = await merge(withoutCtg, { partner: 'CCMP' });
    expect(copy.applied).toEqual([]);
    expect(copy.rejected).toEqual(['merge-other-territory null!null']);
    expect(renderIssueMessage(copy.report.rejected[0].issue)).toBe(
      'Le fichier est celui du territoire «\u00a0Haut Forez\u00a0», pas de «\u00a0Monts du Pilat\u00a0»\u00a0: rien n’en ' +
        'est repris.',
    );
    // A partner's own workbook with a « Paramètres » of its own (no « Territoire » label): no territory said.
    const own = await merge(
      returned(filled, (grids) => {
        grids.sheets = grids.sheets.filter((grid) => grid.name !== '_ctg');
        const settings = sheet(grids, 'Paramètres');
        settings.rows = [[{ value: 'Mes réglages' }], [null], [{ value: 'Couleur' }, { value: 'Bleu' }]];
      }),
      { partner: 'CCMP' },
    );
    expect(own.rejected).toEqual([]);
    expect(own.applied.sort()).toEqual(takenFromFilled);
    // The same territory's copy without `_ctg` is read, for the partner named.
    const ours = await merge(
      returned(filled, (grids) => (grids.sheets = grids.sheets.filter((grid) => grid.name !== '_ctg'))),
      { partner: 'CCMP' },
    );
    expect(ours.applied.sort()).toEqual(takenFromFilled);
  });

  it('refuses whole a copy without `_ctg` for a partner named as no recipient is, naming the recipients', async () => {
    const copy = returned(filled, (grids) => (grids.sheets = grids.sheets.filter((grid) => grid.name !== '_ctg')));
    const typo = await merge(copy, { partner: 'CCPM' });
    expect(typo.applied).toEqual([]);
    expect(typo.rejected).toEqual(['merge-partner-not-recipient null!null']);
    const message = renderIssueMessage(typo.report.rejected[0].issue);
    expect(message).toMatch(/^«\u00a0CCPM\u00a0» n’est aucun des destinataires du classeur de suivi/);
    expect(message).toMatch(/destinataires\u00a0: [^.]*CCMP/);
    expect(message).toContain('ajoutez-le à la colonne «\u00a0Partenaires\u00a0» de ses fiches');
    // The recipient's name, however typed, is taken.
    expect((await merge(copy, { partner: 'ccmp' })).applied.sort()).toEqual(takenFromFilled);
  });

  it('refuses a year typed as a number where a date goes (2026 would be 18/07/1905)', async () => {
    const { applied, report } = await merge(
      returned([{ key: 'G1', header: 'Dernière mise à jour', value: 2026 }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G2');
        axis.rows[row][columnOf(axis, 'Dernière mise à jour')] = { value: 36161, isDate: true };
      }),
    );
    expect(applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      expect.stringContaining(
        '«\u00a02\u00a0026\u00a0» n’est pas une valeur possible pour «\u00a0Dernière mise à jour\u00a0» (une date du ' +
          '01/01/2000 au 31/12/2100)',
      ),
      // A date before 2000 is quoted as the partner saw it.
      expect.stringContaining('«\u00a001/01/1999\u00a0» n’est pas une valeur possible'),
    ]);
  });

  it('says a date typed as text is a text, not a date, and how to type it, as validation says in the master', async () => {
    const { applied, report } = await merge(
      returned([
        { key: 'G1', header: 'Dernière mise à jour', value: '04/12/2026' },
        { key: 'G2', header: 'Dernière mise à jour', value: '4 décembre 2026' },
      ]),
    );
    expect(applied).toEqual([]);
    const messages = report.rejected.map(({ issue }) => renderIssueMessage(issue));
    expect(messages).toEqual([
      expect.stringContaining(
        '«\u00a004/12/2026\u00a0» est un texte, pas une date, dans «\u00a0Dernière mise à jour\u00a0»\u00a0: le tableur ' +
          'ne l’a pas lu comme une date (cellule au format Texte, ou date tapée après une apostrophe)\u00a0; il n’est pas ' +
          'repris. Mettez la cellule au format Date, puis retapez la date (par exemple 15/03/2026).',
      ),
      expect.stringContaining('«\u00a04 décembre 2026\u00a0» est un texte, pas une date'),
    ]);
    for (const message of messages) expect(message).not.toContain('n’est pas une valeur possible');
  });

  it('says a date typed that does not exist is none, and which day is wrong, as validation says in the master', async () => {
    const { applied, report } = await merge(
      returned([{ key: 'G1', header: 'Dernière mise à jour', value: '31/02/2026' }]),
    );
    expect(applied).toEqual([]);
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      expect.stringContaining(
        '«\u00a031/02/2026\u00a0», dans «\u00a0Dernière mise à jour\u00a0», n’est pas une date\u00a0: le 31 février 2026 ' +
          'n’existe pas (février 2026 n’a que 28 jours)\u00a0; il n’est pas repris. Demandez au partenaire la date ' +
          'voulue, un jour qui existe, puis saisissez-la dans le classeur de suivi, ou fusionnez à nouveau son fichier ' +
          'corrigé, la cellule mise au format Date (au format Texte, la date saisie resterait du texte).',
      ),
    ]);
  });

  /** Two rows' keys swapped in Axe 1, as a partner might retype them. */
  const swapKeys = (grids: WorkbookGrids, a: string, b: string) => {
    const axis = sheet(grids, 'Axe 1');
    const keyColumn = columnOf(axis, 'Clé');
    const [first, second] = [a, b].map((key) => axis.rows.findIndex((cells) => cells?.[keyColumn]?.value === key));
    axis.rows[first][keyColumn] = { value: b };
    axis.rows[second][keyColumn] = { value: a };
  };

  it('refuses a row whose key was changed to another criterion’s, as its Intitulé shows, rather than moving its values', async () => {
    const { applied, rejected, report } = await merge(
      returned([{ key: 'G1-QN1', header: '2026-T3', value: 111 }], (grids) => {
        swapKeys(grids, 'G1-QN1', 'G1-QN2');
      }),
    );
    expect(applied).toEqual([]);
    expect(rejected.filter((line) => line.startsWith('merge-key-changed'))).toHaveLength(2);
    expect(rejected.filter((line) => !line.startsWith('merge-key-changed'))).toEqual([]);
    // An extract of a plan since amended may show a title that is now another key's: its cells are judged one by one.
    const amended = await merge(
      returned([], (grids) => {
        swapKeys(grids, 'G1-QN1', 'G1-QN2');
        sheet(grids, '_ctg').rows[ctgMetaRows.masterFingerprint - 1][META_VALUE_COLUMN - 1] = { value: 'avant' };
      }),
    );
    expect(amended.rejected.filter((line) => line.startsWith('merge-key-changed'))).toEqual([]);
    expect(amended.notes).toContainEqual(expect.stringMatching(/^merge-plan-changed/));
    const message = renderIssueMessage(report.rejected[0].issue);
    expect(message).toMatch(
      /^Axe 1, cellule A\d+\u00a0: la ligne de clé «\u00a0G1-QN2\u00a0» porte l’intitulé de «\u00a0G1-QN1\u00a0»\u00a0; la clé a sans doute été modifiée\. Rien de cette ligne n’est repris\u00a0: remettez-lui la clé «\u00a0G1-QN1\u00a0», celle de son intitulé, puis fusionnez à nouveau\.$/,
    );
  });

  it('refuses a column given twice, naming it, rather than ignoring the second one’s values as a column unknown', async () => {
    const { rejected, report, applied } = await merge(
      returned([{ key: 'G1-QN1', header: '2026-T3', value: 9 }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const headerRow = axis.rows.findIndex((cells) => cells?.some((cell) => cell?.value === 'Clé'));
        const width = axis.rows[headerRow].length;
        axis.rows[headerRow][width] = { value: '2026-T3' };
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN2');
        axis.rows[row][width] = { value: 4 };
      }),
    );
    expect(applied).toEqual(['G1-QN1 2026-T3 9']);
    expect(rejected).toEqual([expect.stringMatching(/^merge-column-duplicate Axe 1![A-Z]+\d+$/)]);
    // A copy that holds nothing, or a copy of a column the partner does not fill (Intitulé), loses nothing.
    const harmless = await merge(
      returned([{ key: 'G1-QN1', header: '2026-T3', value: 9 }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const headerRow = axis.rows.findIndex((cells) => cells?.some((cell) => cell?.value === 'Clé'));
        const titles = columnOf(axis, 'Intitulé');
        const width = axis.rows[headerRow].length;
        axis.rows[headerRow][width] = { value: '2026-T3' };
        axis.rows[headerRow][width + 1] = { value: 'Intitulé' };
        for (const cells of axis.rows.slice(headerRow + 1)) if (cells) cells[width + 1] = cells[titles];
      }),
    );
    expect(harmless.applied).toEqual(['G1-QN1 2026-T3 9']);
    expect(harmless.rejected).toEqual([]);
    expect(renderIssueMessage(report.rejected[0].issue)).toMatch(
      /^Axe 1, cellule [A-Z]+\d+\u00a0: la colonne «\u00a02026-T3\u00a0» est en double\u00a0: seule la première est lue, les valeurs de celle-ci ne sont pas reprises\. Recopiez-les dans la première, puis supprimez celle-ci\.$/,
    );
  });

  it('refuses a row of an unknown key once, without refusing its cells as unused by a row type it never had', async () => {
    const { rejected } = await merge(
      returned([], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        axis.rows[row][0] = { value: 'G9' };
      }),
    );
    expect(rejected).toEqual([expect.stringMatching(/^merge-unknown-key Axe 1!A\d+$/)]);
  });

  it('quotes what a row of an unknown key reports, so that the officer can type it where it belongs', async () => {
    const { rejected, report } = await merge(
      returned([{ key: 'G1-QN1', header: '2026-T3', value: 9 }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        axis.rows[row][0] = { value: 'G9-QN1' };
      }),
    );
    expect(rejected).toEqual([expect.stringMatching(/^merge-unknown-key Axe 1!A\d+$/)]);
    expect(renderIssueMessage(report.rejected[0].issue)).toMatch(/la ligne n’est pas reprise \(.*2026-T3\u00a0: 9\)\./);
  });

  it('never opens a quarter after the master’s current one, whatever an edited `_ctg` says of the extract', async () => {
    const { applied, rejected } = await merge(
      returned([{ key: 'G1-QN1', header: '2026-T4', value: 9 }], (grids) => {
        sheet(grids, '_ctg').rows[ctgMetaRows.extractUpTo - 1][META_VALUE_COLUMN - 1] = { value: '2030-T4' };
      }),
    );
    expect(applied).toEqual([]);
    expect(rejected).toEqual([expect.stringMatching(/^merge-quarter-not-open Axe 1!/)]);
  });

  it('refuses a number past the sheets’ bounds (±10¹²), as their data validation does in Excel', async () => {
    const { applied, report } = await merge(
      returned([
        { key: 'G1-QN1', header: '2026-T3', value: 1e15 },
        { key: 'G1-QN2', header: '2026-T3', value: -2e12 },
      ]),
    );
    expect(applied).toEqual([]);
    const bounds = '(un nombre de −1\u00a0000\u00a0000\u00a0000\u00a0000 à 1\u00a0000\u00a0000\u00a0000\u00a0000)';
    expect(report.rejected.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      expect.stringContaining(bounds),
      expect.stringContaining(bounds),
    ]);
  });

  // Following « Gardez une seule ligne par clé » could delete the row whose key was retyped over another's, its values
  // with it: when one of the rows carries another key's title, the message says to give that row its key back. The
  // row retyped is said by its `merge-key-changed` alone, which names that key: its one fix, as validate says it.
  it('says of a key given twice because one row was retyped which row it is and which key to give back', async () => {
    const { report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN2');
        axis.rows[row] = [{ value: 'G1-QN1' }, ...axis.rows[row].slice(1)];
      }),
    );
    const retypedCell = report.rejected.find(({ issue }) => issue.code === 'merge-key-changed')!.issue.cell;
    const atRetyped = report.rejected.filter(({ issue }) => issue.cell === retypedCell);
    expect(atRetyped.map(({ issue }) => issue.code)).toEqual(['merge-key-changed']);
    const repeated = report.rejected.filter(({ issue }) => issue.code === 'merge-duplicate-key');
    expect(repeated.map(({ issue }) => issue.cell)).toEqual([expect.not.stringMatching(`^${retypedCell}$`)]);
    const duplicates = repeated.map(({ issue }) => renderIssueMessage(issue));
    for (const message of duplicates) {
      expect(message).toContain(
        `aucune n’est reprise. La ligne de la cellule ${retypedCell} porte l’intitulé de «\u00a0G1-QN2\u00a0»\u00a0: sa ` +
          'clé a sans doute été retapée\u00a0; remettez-lui «\u00a0G1-QN2\u00a0» (ne supprimez aucune de ces lignes), ' +
          'puis fusionnez à nouveau.',
      );
      expect(message).not.toContain('Gardez une seule ligne');
    }
  });

  it('rejects both rows of a key that appears twice, and takes the other rows', async () => {
    const { applied, rejected, after } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        const copy = [...axis.rows[row]];
        copy[columnOf(axis, '2026-T2')] = { value: 60 };
        axis.rows.push(copy);
      }),
    );
    expect(applied.sort()).toEqual(['G1-QL1 2026-T3 Satisfaisant', 'G2 Statut En cours']);
    expect(rejected).toEqual([
      expect.stringMatching(/^merge-duplicate-key Axe 1!A\d+$/),
      expect.stringMatching(/^merge-duplicate-key Axe 1!A\d+$/),
    ]);
    expect(valueAt(after, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
  });

  it('names the other sheet of a key that a copy of its sheet, kept hidden, repeats', async () => {
    const { applied, report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const copy: SheetGrid = { ...axis, name: 'Axe 1 (2)', visibility: 'hidden', rows: axis.rows.slice(0, 6) };
        grids.sheets.splice(grids.sheets.indexOf(axis) + 1, 0, copy);
      }),
    );
    expect(applied.sort()).toEqual(['G1-QL1 2026-T3 Satisfaisant', 'G2 Statut En cours']);
    const messages = report.rejected
      .filter(({ issue }) => issue.code === 'merge-duplicate-key' && issue.sheet === 'Axe 1')
      .map(({ issue }) => renderIssueMessage(issue));
    expect(messages[0]).toBe(
      'Axe 1, cellule A4\u00a0: la clé «\u00a0G1\u00a0» apparaît sur 2 lignes du fichier, dont une dans la feuille ' +
        '«\u00a0Axe 1 (2)\u00a0» (masquée)\u00a0; aucune n’est reprise. Gardez une seule ligne par clé (supprimez la ' +
        'feuille en trop si c’est une copie), puis fusionnez à nouveau.',
    );
  });

  // The message tells the partner to delete the copy: a wrong value it repeats of the sheet filled is said once, at
  // that sheet's cell, not again at a cell of a sheet the partner does not see.
  it('says the other refusals of a key a hidden copy of its sheet repeats on the sheet filled only', async () => {
    const { report } = await merge(
      returned([{ key: 'G2', header: 'Statut', value: 'Fini' }], (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const copy: SheetGrid = { ...axis, name: 'Axe 1 (2)', visibility: 'hidden', rows: [...axis.rows] };
        grids.sheets.splice(grids.sheets.indexOf(axis) + 1, 0, copy);
      }),
    );
    const others = report.rejected.filter(({ issue }) => issue.code !== 'merge-duplicate-key');
    expect(others.map(({ issue }) => `${issue.sheet}!${issue.cell} ${renderIssueMessage(issue)}`)).toEqual([
      expect.stringMatching(/^Axe 1!K\d+ Axe 1, cellule K\d+\u00a0: «\u00a0Fini\u00a0» n’est pas une valeur possible /),
    ]);
    // The rows of the key are still refused on both sheets, each naming the other.
    const twice = report.rejected.filter(({ issue }) => issue.code === 'merge-duplicate-key' && issue.rowKey === 'G2');
    expect(twice.map(({ issue }) => issue.sheet)).toEqual(['Axe 1', 'Axe 1 (2)']);
  });

  it('quotes each row’s key of a duplicate as that row has it (« g1-qn1 » retyped in lower case)', async () => {
    const { report } = await merge(
      returned(filled, (grids) => {
        const axis = sheet(grids, 'Axe 1');
        const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
        const copy = [...axis.rows[row]];
        copy[0] = { value: ' g1-qn1' };
        axis.rows.push(copy);
      }),
    );
    const quoted = report.rejected
      .filter(({ issue }) => issue.code === 'merge-duplicate-key')
      .map(({ issue }) => renderIssueMessage(issue).replace(/^Axe 1, cellule A\d+\u00a0: /, ''));
    expect(quoted).toEqual([
      'la clé «\u00a0G1-QN1\u00a0» apparaît sur 2 lignes du fichier\u00a0; aucune n’est reprise. Gardez une seule ligne ' +
        'par clé, puis fusionnez à nouveau.',
      'la clé «\u00a0g1-qn1\u00a0» apparaît sur 2 lignes du fichier\u00a0; aucune n’est reprise. Gardez une seule ligne ' +
        'par clé, puis fusionnez à nouveau.',
    ]);
  });
});

describe('returned files the command line refuses or reads from the master', () => {
  it('refuses a file past the reader’s limits (exit 2) before reading it, the master untouched', async () => {
    // The extract grown past 50 Mo (pasted pictures…): a sparse file, refused from its size.
    writeFileSync(path('enorme.xlsx'), extractBytes);
    truncateSync(path('enorme.xlsx'), DEFAULT_XLSX_READ_LIMITS.maxFileBytes + 1);
    writeFileSync(path('suivi-enorme.xlsx'), masterBytes);
    const run = await runCli(['merge', path('suivi-enorme.xlsx'), path('enorme.xlsx'), '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).unreadable).toEqual([
      {
        file: path('enorme.xlsx'),
        code: 'file-too-large',
        message: expect.stringContaining(`${path('enorme.xlsx')}\u00a0: le fichier est trop volumineux pour être lu`),
      },
    ]);
    expect(readFileSync(path('suivi-enorme.xlsx')).equals(Buffer.from(masterBytes))).toBe(true);
  }, 30_000);

  it('merges a table pasted from an e-mail into a sheet of the master, headers matched loosely', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(masterBytes) as unknown as ExcelJS.Buffer);
    const pasted = workbook.addWorksheet('Retour mail');
    pasted.addRow(['CLE', ' statut ', '2026 - T3']);
    // A key typed in lower case, a number pasted as text with a decimal comma.
    pasted.addRow(['g2', 'en cours', null]);
    pasted.addRow(['G1-QN1', null, '7,5']);
    writeFileSync(path('suivi-colle.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const args = ['merge', path('suivi-colle.xlsx'), '--sheet', 'Retour mail', '--partenaire', 'CCMP'];
    const run = await runCli([...args, '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(
      document.applied.map(
        (change: { key: string; column: string; new: unknown }) =>
          `${change.key} ${change.column} ${String(change.new)}`,
      ),
    ).toEqual(['G2 Statut En cours', 'G1-QN1 2026-T3 7.5']);
    expect(document.applied[0]).toMatchObject({ source: 'Retour mail', partner: 'CCMP' });
    const after = gridsOf(new Uint8Array(readFileSync(path('suivi-colle.xlsx'))));
    expect(valueAt(after, 'G2', 'Statut')?.value).toBe('En cours');
    expect(valueAt(after, 'G1-QN1', '2026-T3')?.value).toBe(7.5);
  }, 30_000);

  it('leaves the officer’s notes above a table pasted into the master where they are, read as no row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(masterBytes) as unknown as ExcelJS.Buffer);
    const pasted = workbook.addWorksheet('Retour mail');
    // The officer's reminders above the pasted table: keys of the table's rows, with what was first announced.
    pasted.addRow(['Retour de la mairie, reçu le 3 décembre']);
    pasted.addRow(['G2', 'Réalisée']);
    pasted.addRow(['G1-QN1', 'à relancer', 5]);
    pasted.addRow([]);
    pasted.addRow(['Clé', 'Statut', '2026-T3']);
    pasted.addRow(['G2', 'En cours', null]);
    pasted.addRow(['G1-QN1', null, 7]);
    writeFileSync(path('suivi-notes.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const args = ['merge', path('suivi-notes.xlsx'), '--sheet', 'Retour mail', '--partenaire', 'CCMP', '--json'];
    const run = await runCli(args);
    const document = JSON.parse(run.stdout);
    expect(document.rejected).toEqual([]);
    expect(document.notes).toEqual([]);
    expect(
      document.applied.map(
        (change: { key: string; column: string; new: unknown }) =>
          `${change.key} ${change.column} ${String(change.new)}`,
      ),
    ).toEqual(['G2 Statut En cours', 'G1-QN1 2026-T3 7']);
    expect(run.code).toBe(0);
    const after = gridsOf(new Uint8Array(readFileSync(path('suivi-notes.xlsx'))));
    expect(valueAt(after, 'G2', 'Statut')?.value).toBe('En cours');
    const notes = after.sheets.find((sheet) => sheet.name === 'Retour mail')!;
    expect(notes.rows[1]?.[0]?.value).toBe('G2');
    expect(notes.rows[1]?.[1]?.value).toBe('Réalisée');
  }, 30_000);
});
