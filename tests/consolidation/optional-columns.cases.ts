import { measureTerritory } from '../../src/app/consolidate';
import type { MeasureOutcome } from '../../src/domain/consolidation/consolidate';
import type { TerritoryMeasure } from '../../src/domain/consolidation/territory';
import type { WorkbookGrids } from '../../src/domain/grid';
import { gridsOf } from '../xlsx-patch/helpers';
import { BY_THE_TERRITORY, pilat, territoryBytes } from './helpers/territories';

/**
 * A column of an axis sheet deleted by the territory: when no consolidated figure, nor the choice between two copies
 * of a territory, reads it (a comment, the budget…), the territory is measured all the same, its figures those of
 * the same workbook with the column, and the Caf is told which column of which sheet the territory is to put back;
 * a column a figure reads still leaves the file out (docs/WORKBOOK.md, « Consolidation »).
 */

const today = new Date('2026-09-01T10:00:00Z');

/** Read by a figure, a date that picks a copy, the rows' reading, or the plan's titles that tell copies of a plan. */
const READ = [
  'Clé',
  'Type',
  'Intitulé',
  "Champ(s) d'intervention",
  'Public(s)',
  'Statut',
  'Abandonnée en',
  'Difficultés',
  'Dernière mise à jour',
  'Fréquence',
  'Référence',
  'Cible',
  '2026-T2',
];

const NOT_READ = [
  'Intérêt',
  'Porteur(s)',
  'Partenaires',
  'Territoire(s)',
  'Budget',
  'Avancement (%)',
  'Mise en œuvre',
  'Mis à jour par (structure)',
  'Unité',
  "Règle d'agrégation",
  'Renseignement cumulé',
  'Réalisation',
  'Commentaire',
];

/** The workbook's grids with the column headed `header` of `sheet` deleted, the columns after it moved left. */
function withoutColumn(grids: WorkbookGrids, sheet: string, header: string): WorkbookGrids {
  const grid = grids.sheets.find((one) => one.name === sheet)!;
  const headerRow = grid.rows.find((row) => row?.some((cell) => cell?.value === 'Clé'))!;
  const column = headerRow.findIndex((cell) => cell?.value === header);
  if (column < 0) throw new Error(`no column ${header}`);
  const rows = grid.rows.map((row) => (Array.isArray(row) ? row.filter((_cell, index) => index !== column) : row));
  return { ...grids, sheets: grids.sheets.map((one) => (one === grid ? { ...one, rows } : one)) };
}

/** The same with the column kept but emptied below its header. */
function withColumnEmptied(grids: WorkbookGrids, sheet: string, header: string): WorkbookGrids {
  const grid = grids.sheets.find((one) => one.name === sheet)!;
  const top = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
  const column = grid.rows[top].findIndex((cell) => cell?.value === header);
  const rows = grid.rows.map((row, index) =>
    Array.isArray(row) && index > top ? row.map((cell, at) => (at === column ? null : cell)) : row,
  );
  return { ...grids, sheets: grids.sheets.map((one) => (one === grid ? { ...one, rows } : one)) };
}

/** What the consolidation shows of a territory and what picks one of its copies. */
const figuresOf = (measure: TerritoryMeasure) => {
  const { counts, fields, publics, planFiches, latestUpdate, quarter, territory, siren } = measure;
  return {
    counts,
    axes: measure.axes.map(({ axis, counts: ofAxis }) => ({ axis, ofAxis })),
    fields,
    publics,
    planFiches,
    latestUpdate,
    quarter,
    territory,
    siren,
  };
};

/** What says where two copies' values differ: a missing column reads as an emptied one. */
const digestsOf = (measure: TerritoryMeasure) => measure.axes.map(({ digest }) => digest);

function measured(outcome: MeasureOutcome): TerritoryMeasure {
  if (!outcome.ok) throw new Error(`left out: ${outcome.rejected.reason}`);
  return outcome.measure;
}

describe('an axis sheet’s column deleted by the territory', () => {
  let grids: WorkbookGrids;
  let whole: TerritoryMeasure;

  beforeAll(async () => {
    grids = gridsOf(await territoryBytes(pilat));
    whole = measured(await measureTerritory('pilat.xlsx', grids, { today }));
  }, 60_000);

  it.each(NOT_READ)(
    '« %s », which no figure reads: counted, its figures those of the workbook whole',
    async (header) => {
      const measure = measured(await measureTerritory('pilat.xlsx', withoutColumn(grids, 'Axe 1', header), { today }));
      expect(figuresOf(measure)).toEqual(figuresOf(whole));
      const emptied = measured(
        await measureTerritory('pilat.xlsx', withColumnEmptied(grids, 'Axe 1', header), { today }),
      );
      expect(digestsOf(measure)).toEqual(digestsOf(emptied));
      expect(measure.missingColumns).toEqual([{ sheet: 'Axe 1', column: header, reason: expect.any(String) }]);
      const [{ reason }] = measure.missingColumns!;
      expect(reason).toContain(`la colonne «\u00a0${header}\u00a0» manque`);
      expect(reason).not.toContain('Ctrl+Z');
      // The Caf reads no values of that column: nothing is said of reading them later.
      expect(reason).not.toContain('lues en attendant');
      expect(reason.endsWith(BY_THE_TERRITORY)).toBe(true);
      expect(whole.missingColumns).toBeUndefined();
    },
  );

  it.each(READ)('« %s », which the consolidation reads: the file is left out, as before', async (header) => {
    const outcome = await measureTerritory('pilat.xlsx', withoutColumn(grids, 'Axe 1', header), { today });
    expect(outcome.ok).toBe(false);
  });

  it('says why a territory without a column a figure reads is left out, and until when', async () => {
    const outcome = await measureTerritory('pilat.xlsx', withoutColumn(grids, 'Axe 1', 'Statut'), { today });
    expect(outcome.ok ? null : outcome.rejected.code).toBe('missing-column');
    expect(outcome.ok ? '' : outcome.rejected.reason.replace(/\u00a0/g, ' ')).toBe(
      'Axe 1 : la colonne « Statut » manque : supprimée, ou son en-tête changé. Des chiffres de la consolidation ' +
        'lisent cette colonne : le territoire en est écarté jusqu’à ce que la colonne soit remise. Si elle est ' +
        'encore là, remettez-lui cet en-tête exact ; si elle a été supprimée, reprenez-la d’une copie du classeur ' +
        'enregistrée avant.' +
        BY_THE_TERRITORY.replace(/\u00a0/g, ' '),
    );
  });

  it('says the same of such a column retyped a letter off, with the header to put back', async () => {
    const grid = grids.sheets.find((one) => one.name === 'Axe 1')!;
    const rows = grid.rows.map((row) =>
      Array.isArray(row) ? row.map((cell) => (cell?.value === 'Statut' ? { ...cell, value: 'Statuts' } : cell)) : row,
    );
    const retyped = { ...grids, sheets: grids.sheets.map((one) => (one === grid ? { ...one, rows } : one)) };
    const outcome = await measureTerritory('pilat.xlsx', retyped, { today });
    const reason = outcome.ok ? '' : outcome.rejected.reason.replace(/\u00a0/g, ' ');
    expect(reason).toMatch(/^Axe 1, cellule [A-Z]+3 : la colonne « Statut » manque, et cet en-tête, « Statuts »/);
    expect(reason).toContain(
      'Remettez « Statut » dans cette cellule. Des chiffres de la consolidation lisent cette colonne : le ' +
        'territoire en est écarté jusqu’à ce que la colonne soit remise.',
    );
    expect(reason).not.toContain('lues en attendant');
  });

  it('counts one retyped a letter off as missing, with the header to put back', async () => {
    const grid = grids.sheets.find((one) => one.name === 'Axe 13')!;
    const rows = grid.rows.map((row) =>
      Array.isArray(row) ? row.map((cell) => (cell?.value === 'Budget' ? { ...cell, value: 'Budgets' } : cell)) : row,
    );
    const retyped = { ...grids, sheets: grids.sheets.map((one) => (one === grid ? { ...one, rows } : one)) };
    const measure = measured(await measureTerritory('pilat.xlsx', retyped, { today }));
    expect(figuresOf(measure)).toEqual(figuresOf(whole));
    expect(measure.missingColumns).toMatchObject([{ sheet: 'Axe 13', column: 'Budget' }]);
    expect(measure.missingColumns![0].reason).toContain('«\u00a0Budgets\u00a0»');
  });
});
