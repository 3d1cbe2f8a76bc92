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
let closed: WorkbookGrids;

beforeAll(async () => {
  closed = await closedWorkbook();
}, 60_000);

/** The workbook with Historique's `field` of `key` closed in `quarter` typed over; its cell's address. */
function typedInHistory(quarter: string, key: string, field: string, value: string | number) {
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
