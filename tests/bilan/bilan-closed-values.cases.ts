import { buildBilan } from '../../src/app/bilan';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { bilanDay, closedWorkbook } from './helpers/closed-workbook';

/**
 * A value of Historique that its field cannot hold (typed there by hand, the sheet unprotected): the bilan of a
 * period over reads the states at its end from Historique, and says which cell it could not read rather than
 * counting the fiche « Sans statut » without a word.
 */

const NBSP = '\u00a0';
/** What an emptied cell of Historique says first: merged cells take no value until unmerged. */
const UNMERGE = `Si des cellules ont été fusionnées là, annulez d’abord la fusion${NBSP}: elles ne gardent que la valeur de la première.`;
let closed: WorkbookGrids;

beforeAll(async () => {
  closed = await closedWorkbook();
}, 60_000);

/** The workbook with Historique's `field` of `key` closed in `quarter` typed over; its cell's address. */
function typedInHistory(quarter: string, key: string, field: string, value: string | number | null) {
  let address = '';
  const grids: WorkbookGrids = {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      const rows = sheet.rows.map((row, index) => {
        const cells = row ?? [];
        if (cells[0]?.value !== quarter || cells[1]?.value !== key || cells[2]?.value !== field) return row;
        address = `D${index + 1}`;
        return [cells[0], cells[1], cells[2], { value }, ...cells.slice(4)];
      });
      return { ...sheet, rows };
    }),
  };
  if (address === '') throw new Error(`No Historique row of ${quarter} ${key} ${field}`);
  return { grids, address };
}

it('names a closed status that is none of the list, and the fiche then counts without status', async () => {
  const { grids, address } = typedInHistory('2026-T4', 'G1', 'Statut', 'Terminée');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-value-unreadable');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: address, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule ${address}${NBSP}: «${NBSP}Terminée${NBSP}» n’est pas une valeur possible du ` +
      `champ «${NBSP}Statut${NBSP}»${NBSP}; le bilan le lit donc comme vide pour G1 à la fin de 2026-T4. Corrigez la ` +
      'cellule, puis refaites le bilan.',
  );
});

it('names a closed Avancement (%) that is no whole number from 0 to 100', async () => {
  const { grids, address } = typedInHistory('2026-T4', 'G1', 'Avancement (%)', 'soixante');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.progress).toBeNull();
  expect(outcome.warnings.filter((issue) => issue.code === 'bilan-closed-value-unreadable')).toMatchObject([
    { sheet: 'Historique', cell: address, params: { field: 'Avancement (%)', value: 'soixante', key: 'G1' } },
  ]);
});

it('says nothing of Historique’s values when the states are the sheets’ (a period in progress)', async () => {
  const { grids } = typedInHistory('2026-T4', 'G1', 'Statut', 'Terminée');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2027, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.warnings.map((issue) => issue.code)).not.toContain('bilan-closed-value-unreadable');
});

/** The workbook with the quarter, the key or the field of Historique's row of G1's Statut closed in 2026-T4 typed over. */
function retypedInHistory(column: 0 | 1 | 2, text: string) {
  let row = 0;
  const grids: WorkbookGrids = {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      const rows = sheet.rows.map((cells, index) => {
        if (cells?.[0]?.value !== '2026-T4' || cells[1]?.value !== 'G1' || cells[2]?.value !== 'Statut') return cells;
        row = index + 1;
        return cells.map((cell, at) => (at === column ? { ...cell, value: text } : cell));
      });
      return { ...sheet, rows };
    }),
  };
  if (row === 0) throw new Error('No Historique row of 2026-T4 G1 Statut');
  return { grids, row };
}

it('names a row of the closed quarter whose field no closing copies, rather than dropping it without a word', async () => {
  const { grids, row } = retypedInHistory(2, 'Statu');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-unreadable');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `C${row}`, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule C${row}${NBSP}: «${NBSP}Statu${NBSP}» n’est pas un champ que la clôture copie (Statut, ` +
      `Avancement (%), Mise en œuvre, Difficultés, Commentaire)${NBSP}; le bilan ne lit donc pas cette valeur de G1 ` +
      'à la fin de 2026-T4. Corrigez la cellule, puis refaites le bilan.',
  );
});

it('names a row of the closed quarter whose key was emptied (cells merged by hand), rather than dropping it', async () => {
  // Merging cells keeps the first one's value only: the rows under it lose their key.
  let row = 0;
  let status = '';
  const grids: WorkbookGrids = {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      const rows = sheet.rows.map((cells, index) => {
        if (cells?.[0]?.value !== '2026-T4' || cells[1]?.value !== 'G1' || cells[2]?.value !== 'Statut') return cells;
        [row, status] = [index + 1, String(cells[3]?.value)];
        return cells.map((cell, at) => (at === 1 ? null : cell));
      });
      return { ...sheet, rows };
    }),
  };
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-unreadable');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `B${row}`, rowKey: null }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule B${row}${NBSP}: cette ligne de 2026-T4 (Statut, «${NBSP}${status}${NBSP}») n’a pas de clé${NBSP}; ` +
      `le bilan ne sait pas de quelle fiche ou de quel critère est cette valeur et ne la lit pas. ${UNMERGE} Remettez ` +
      'sa clé, d’après une copie du classeur enregistrée avant au besoin, puis refaites le bilan.',
  );
});

/** The workbook with Historique's 2026-T4 rows `from` to `to` (sheet rows) emptied in the `columns` given. */
function emptiedInHistory(from: number, to: number, columns: readonly number[]): WorkbookGrids {
  return {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      const rows = sheet.rows.map((cells, index) =>
        index + 1 < from || index + 1 > to || cells?.[0]?.value !== '2026-T4'
          ? cells
          : cells.map((cell, at) => (columns.includes(at) ? null : cell)),
      );
      return { ...sheet, rows };
    }),
  };
}

it('names each row of the closed quarter whose key a merge of Clé cells emptied, once, not as copies of each other', async () => {
  // Historique's 2026-T4 rows are 19 (G1, Statut) to 26 (S13, Statut): B19:B26 merged keeps « G1 » alone.
  const outcome = await buildBilan(emptiedInHistory(20, 26, [1]), {
    kind: 'annual',
    year: 2026,
    cdsf: false,
    today: bilanDay,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.warnings.map((issue) => [issue.code, issue.cell])).toEqual(
    [20, 21, 22, 23, 24, 25, 26].map((row) => ['bilan-closed-row-unreadable', `B${row}`]),
  );
  expect(outcome.warnings.map(renderIssueMessage).join('\n')).not.toMatch(/de {2}à la fin|pour \./);
  const status = (key: string) => outcome.bilan.fiches.find((fiche) => fiche.key === key)?.status;
  expect([status('G1'), status('G2'), status('G1-B'), status('S13')]).toEqual(['En cours', null, null, null]);
});

it('names a closed row whose key and field were both emptied, and says to put both back', async () => {
  const outcome = await buildBilan(emptiedInHistory(20, 20, [1, 2]), {
    kind: 'annual',
    year: 2026,
    cdsf: false,
    today: bilanDay,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.warnings.map((issue) => [issue.code, issue.cell])).toEqual([['bilan-closed-row-unreadable', 'B20']]);
  expect(renderIssueMessage(outcome.warnings[0])).toBe(
    `Historique, cellule B20${NBSP}: cette ligne de 2026-T4 («${NBSP}60${NBSP}») n’a ni clé ni champ${NBSP}; le bilan ` +
      `ne sait pas de quelle fiche ou de quel critère est cette valeur et ne la lit pas. ${UNMERGE} Remettez sa clé ` +
      'et son champ, d’après une copie du classeur enregistrée avant au besoin, puis refaites le bilan.',
  );
});

it.each([
  [
    'field',
    2 as const,
    'C',
    'bilan-closed-row-unreadable',
    `le champ est vide\u00a0; le bilan ne lit donc pas cette valeur de G1 à la fin de 2026-T4. ${UNMERGE} Saisissez ` +
      'le champ que la clôture a copié (Statut, Avancement (%), Mise en œuvre, Difficultés, Commentaire), puis ' +
      'refaites le bilan.',
  ],
  [
    'quarter',
    0 as const,
    'A',
    'bilan-closed-quarter-unknown',
    `le trimestre est vide\u00a0; aucun bilan ne lit donc cette ligne (G1, Statut). ${UNMERGE} Saisissez le ` +
      'trimestre clôturé (AAAA-Tn), puis refaites le bilan.',
  ],
])('says a closed row’s %s emptied by hand (cells merged) is empty, not « »', async (_, column, letter, code, end) => {
  const { grids, row } = retypedInHistory(column, '');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const said = outcome.warnings.filter((issue) => issue.code === code);
  expect(said).toMatchObject([{ sheet: 'Historique', cell: `${letter}${row}` }]);
  expect(renderIssueMessage(said[0])).toBe(`Historique, cellule ${letter}${row}${NBSP}: ${end}`);
});

it('says nothing of a closed row whose key the workbook no longer has (a fiche an amended plan removed)', async () => {
  const { grids } = retypedInHistory(1, 'G99');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.warnings.map((issue) => issue.code)).not.toContain('bilan-closed-row-unreadable');
});

it.each([
  ['quarter', 0 as const, '2026-t4', 'A', '2026-T4'],
  ['key', 1 as const, 'g1', 'B', 'G1'],
])(
  'names a row of the closed quarter whose %s is retyped otherwise than a closing writes it',
  async (_, column, text, letter, expected) => {
    const { grids, row } = retypedInHistory(column, text);
    const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-misnamed');
    expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `${letter}${row}`, rowKey: 'G1' }]);
    expect(renderIssueMessage(said[0])).toBe(
      `Historique, cellule ${letter}${row}${NBSP}: «${NBSP}${text}${NBSP}» n’est pas écrit comme la clôture l’écrit ` +
        `(«${NBSP}${expected}${NBSP}»)${NBSP}; le bilan ne lit donc pas cette ligne (G1, Statut, 2026-T4). Corrigez ` +
        'la cellule, puis refaites le bilan.',
    );
  },
);

it.each(['2026-T5', 'T3', '2026-t5'])(
  'names a row of Historique whose quarter « %s » is no quarter of the convention, which no bilan reads',
  async (text) => {
    const { grids, row } = retypedInHistory(0, text);
    const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
    const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-quarter-unknown');
    expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `A${row}`, rowKey: 'G1' }]);
    expect(renderIssueMessage(said[0])).toBe(
      `Historique, cellule A${row}${NBSP}: «${NBSP}${text}${NBSP}» n’est pas un trimestre de la convention ` +
        `(2026-T1 à 2030-T4)${NBSP}; aucun bilan ne lit donc cette ligne (G1, Statut). Corrigez la cellule ` +
        '(le trimestre clôturé, AAAA-Tn), puis refaites le bilan.',
    );
  },
);

it.each(['2025-T4', '2031-T1'])(
  'names a row of Historique of the quarter %s, out of the period, without telling to retype a quarter a change of period may have left',
  async (text) => {
    // A regeneration that changes the convention's period keeps Historique's rows of the quarters it took out: their
    // quarter is right, and retyping it would give another quarter states it never had.
    const { grids, row } = retypedInHistory(0, text);
    const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-quarter-unknown');
    expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `A${row}`, rowKey: 'G1' }]);
    expect(renderIssueMessage(said[0])).toBe(
      `Historique, cellule A${row}${NBSP}: «${NBSP}${text}${NBSP}» est un trimestre hors de la période de la ` +
        `convention (2026-T1 à 2030-T4)${NBSP}; aucun bilan ne lit donc cette ligne (G1, Statut). Si la période a ` +
        'changé depuis la clôture de ce trimestre, laissez-la telle quelle (elle garde l’état des fiches à sa fin)' +
        `${NBSP}; sinon, corrigez le trimestre (AAAA-Tn), puis refaites le bilan.`,
    );
  },
);

it('names a row of an unknown quarter in the bilan of any period over, not in one in progress', async () => {
  const { grids } = retypedInHistory(0, '2026-T5');
  const codesOf = async (year: number) => {
    const outcome = await buildBilan(grids, { kind: 'annual', year, cdsf: false, today: bilanDay });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    return outcome.warnings.map((issue) => issue.code);
  };
  expect(await codesOf(2026)).toContain('bilan-closed-quarter-unknown');
  expect(await codesOf(2027)).not.toContain('bilan-closed-quarter-unknown');
});

/**
 * The workbook with Historique's row of G1's `field` closed in 2026-T4 typed again at its end, once for each of
 * `values`; the rows of the original and of the copies.
 */
function copiedInHistory(values: string | readonly (string | null)[], field = 'Statut') {
  let original = 0;
  let copies: number[] = [];
  const grids: WorkbookGrids = {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      const index = sheet.rows.findIndex(
        (cells) => cells?.[0]?.value === '2026-T4' && cells[1]?.value === 'G1' && cells[2]?.value === field,
      );
      if (index < 0) return sheet;
      const cells = sheet.rows[index]!;
      original = index + 1;
      const typed = typeof values === 'string' ? [values] : values;
      copies = typed.map((_, at) => sheet.rows.length + 1 + at);
      const added = typed.map((value) => [cells[0], cells[1], cells[2], { value }, ...cells.slice(4)]);
      return { ...sheet, rows: [...sheet.rows, ...added] };
    }),
  };
  if (original === 0) throw new Error(`No Historique row of 2026-T4 G1 ${field}`);
  return { grids, original, copy: copies[0], copies };
}

it('names a copy of a closed row holding the same value, and reads that value once', async () => {
  const { grids, original, copy } = copiedInHistory('en cours');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBe('En cours');
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-duplicate');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `D${copy}`, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule D${copy}${NBSP}: cette ligne (G1, Statut, 2026-T4) répète la ligne ${original}, et leurs ` +
      `valeurs se lisent de même («${NBSP}En cours${NBSP}»)${NBSP}; le bilan lit cette valeur une fois. Supprimez la ` +
      'ligne en double.',
  );
});

it('reads neither of two closed rows of a field that disagree, and names both cells', async () => {
  const { grids, original, copy } = copiedInHistory('Réalisée');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const g1 = outcome.bilan.fiches.find((fiche) => fiche.key === 'G1');
  expect(g1?.status).toBeNull();
  expect(g1?.progress).toBe(60);
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-conflict');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `D${copy}`, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule D${copy}${NBSP}: «${NBSP}Réalisée${NBSP}» est une deuxième valeur du champ ` +
      `«${NBSP}Statut${NBSP}» de G1 à la fin de 2026-T4, quand la cellule D${original} donne «${NBSP}En cours${NBSP}»` +
      `${NBSP}; la clôture n’en écrit qu’une, et le bilan ne peut savoir laquelle est juste${NBSP}: il n’en lit ` +
      'aucune et laisse ce champ vide pour G1. Supprimez la ligne fausse, puis refaites le bilan.',
  );
});

it.each([
  ['a trailing space', 'Deux réunions '],
  ['a non-breaking space', 'Deux\u00a0réunions'],
  ['two spaces for one', 'Deux  réunions'],
])(
  'reads a copy of a closed text that differs by %s only as the same value, once, not as a conflict',
  async (_, typed) => {
    const { grids, original, copy } = copiedInHistory(typed, 'Mise en œuvre');
    const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.implementation).toBe('Deux réunions');
    expect(outcome.warnings.map((issue) => issue.code)).not.toContain('bilan-closed-row-conflict');
    const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-duplicate');
    expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `D${copy}`, rowKey: 'G1' }]);
    expect(renderIssueMessage(said[0])).toBe(
      `Historique, cellule D${copy}${NBSP}: cette ligne (G1, Mise en œuvre, 2026-T4) répète la ligne ${original}, ` +
        `et leurs valeurs se lisent de même («${NBSP}Deux réunions${NBSP}»)${NBSP}; le bilan lit cette valeur une ` +
        'fois. Supprimez la ligne en double.',
    );
  },
);

it('reads the closed value beside a copy its field cannot hold, the number 60 beside the text « 60 »', async () => {
  // The closing copies only values the sheets' validation took: a text « 60 » in Avancement (%) is a hand's copy.
  const { grids, original, copy } = copiedInHistory('60', 'Avancement (%)');
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.progress).toBe(60);
  expect(outcome.warnings.map((issue) => issue.code)).not.toContain('bilan-closed-row-conflict');
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-value-unreadable');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `D${copy}`, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule D${copy}${NBSP}: «${NBSP}60${NBSP}» n’est pas une valeur possible du champ ` +
      `«${NBSP}Avancement (%)${NBSP}» (un nombre enregistré comme texte)${NBSP}; le bilan ne lit donc pas cette ` +
      `ligne, mais la cellule D${original}, qui donne la même clé et le même champ («${NBSP}60${NBSP}»), pour G1 à ` +
      'la fin de 2026-T4. Supprimez cette ligne, puis refaites le bilan.',
  );
});

it('names a closed value whose cell was emptied by hand (cells merged), rather than a fiche « Sans statut » unsaid', async () => {
  // A closing copies non-blank values only: an empty Valeur is a cell cleared, or merged with the one above it.
  const { grids, address } = typedInHistory('2026-T4', 'G1', 'Statut', null);
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
  expect(outcome.warnings).toMatchObject([
    { code: 'bilan-closed-value-unreadable', sheet: 'Historique', cell: address, rowKey: 'G1' },
  ]);
  expect(renderIssueMessage(outcome.warnings[0])).toBe(
    `Historique, cellule ${address}${NBSP}: la valeur du champ «${NBSP}Statut${NBSP}» est vide${NBSP}; le bilan le lit donc comme ` +
      `vide pour G1 à la fin de 2026-T4. ${UNMERGE} Remettez la valeur que la clôture a copiée, d’après une copie ` +
      'du classeur enregistrée avant au besoin, puis refaites le bilan.',
  );
});

it('reads the closed value beside a copy whose value was emptied, and says that one is empty, not « »', async () => {
  const { grids, original, copy } = copiedInHistory([null]);
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBe('En cours');
  expect(outcome.warnings).toMatchObject([
    { code: 'bilan-closed-value-unreadable', sheet: 'Historique', cell: `D${copy}`, rowKey: 'G1' },
  ]);
  expect(renderIssueMessage(outcome.warnings[0])).toBe(
    `Historique, cellule D${copy}${NBSP}: la valeur du champ «${NBSP}Statut${NBSP}» est vide${NBSP}; le bilan ne lit donc pas ` +
      `cette ligne, mais la cellule D${original}, qui donne la même clé et le même champ («${NBSP}En cours${NBSP}»), pour ` +
      'G1 à la fin de 2026-T4. Supprimez cette ligne, puis refaites le bilan.',
  );
});

it('does not say a copy that reads as the first is read once when a third copy disagrees and the field is blank', async () => {
  const { grids, original, copies } = copiedInHistory(['En cours', 'Réalisée']);
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  expect(outcome.bilan.fiches.find((fiche) => fiche.key === 'G1')?.status).toBeNull();
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-duplicate');
  expect(said).toMatchObject([{ sheet: 'Historique', cell: `D${copies[0]}`, rowKey: 'G1' }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule D${copies[0]}${NBSP}: cette ligne (G1, Statut, 2026-T4) répète la ligne ${original} ` +
      `(«${NBSP}En cours${NBSP}»), mais une autre ligne donne une autre valeur${NBSP}: le bilan laisse ce champ ` +
      'vide. Supprimez la ligne en double.',
  );
  expect(outcome.warnings.filter((issue) => issue.code === 'bilan-closed-row-conflict')).toMatchObject([
    { cell: `D${copies[1]}` },
  ]);
});

it('names a quarter a change of period took out once, with how many rows of Historique it has, not once a row', async () => {
  // A regeneration that moves the convention's start leaves every row of the quarters before it in Historique.
  const rows: number[] = [];
  const grids: WorkbookGrids = {
    sheets: closed.sheets.map((sheet) => {
      if (sheet.name !== 'Historique') return sheet;
      return {
        ...sheet,
        rows: sheet.rows.map((cells, index) => {
          if (cells?.[0]?.value !== '2026-T1') return cells;
          rows.push(index + 1);
          return [{ ...cells[0], value: '2025-T1' }, ...cells.slice(1)];
        }),
      };
    }),
  };
  expect(rows.length).toBeGreaterThan(2);
  const outcome = await buildBilan(grids, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const said = outcome.warnings.filter((issue) => issue.code === 'bilan-closed-quarter-unknown');
  expect(said).toMatchObject([{ severity: 'warning', sheet: 'Historique', cell: `A${rows[0]}` }]);
  expect(renderIssueMessage(said[0])).toBe(
    `Historique, cellule A${rows[0]}${NBSP}: «${NBSP}2025-T1${NBSP}» est un trimestre hors de la période de la ` +
      `convention (2026-T1 à 2030-T4)${NBSP}; aucun bilan ne lit donc ses ${rows.length} lignes (la première ici, la ` +
      `dernière ligne ${rows[rows.length - 1]}). Si la période a changé depuis la clôture de ce trimestre, laissez-les ` +
      `telles quelles (elles gardent l’état des fiches à sa fin)${NBSP}; sinon, corrigez le trimestre (AAAA-Tn), puis ` +
      'refaites le bilan.',
  );
});
