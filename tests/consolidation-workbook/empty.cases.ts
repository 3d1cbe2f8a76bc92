import type { Consolidation } from '../../src/domain/consolidation/consolidation';
import { noCounts } from '../../src/domain/consolidation/counts';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { writeXlsx } from '../../src/xlsx/writer';
import { recalcWithHyperFormula } from '../workbook-formulas/helpers/recalc-hyperformula';
import { formulaCells, gridsOf } from './fixture';

/** A consolidation where every file was left out: the workbook still opens, says so, and shows no rate. */

const nothingKept: Consolidation = {
  territories: [],
  total: noCounts,
  fields: [],
  publics: [],
  unmatched: [],
  rejected: [{ file: 'notes.xlsx', code: 'not-a-tracking-workbook', reason: 'Ce n’est pas un tableau de suivi.' }],
  duplicates: [],
  copiesApart: [],
  quarter: '2027-T2',
};

describe('the consolidation workbook of no territory', () => {
  it('has the total row at zero with empty rates, the quarter given, and the file left out', async () => {
    const grids = gridsOf(
      await writeXlsx(buildConsolidationWorkbook(nothingKept, { writtenAt: '2027-06-01T07:00:00Z' })),
    );
    const sheet = (name: string) => grids.sheets.find((candidate) => candidate.name === name)!;
    const territories = sheet('Territoires');
    expect(territories.rows[1][0]?.value).toBe(
      'Tous les territoires sont mesurés au trimestre 2027-T2. Consolidation écrite le 01/06/2027 à 09:00 (heure de Paris).',
    );
    const total = territories.rows[4].map((cell) => cell?.value ?? null);
    expect(total[0]).toBe('Ensemble des territoires');
    expect(total.slice(4, 22)).toEqual(Array.from({ length: 18 }, () => 0));
    expect(total.slice(22)).toEqual(['', '', '', '']);
    const rejected = sheet('Fichiers écartés').rows.map((row) => row?.[0]?.value ?? null);
    expect(rejected).toContain('notes.xlsx');
    expect(rejected).toContain('Aucun doublon.');
    expect(sheet('Champs par territoire').rows[6][0]?.value).toBe('Ensemble des territoires');
    const recalculated = formulaCells(recalcWithHyperFormula(grids)).map((cell) => cell.value);
    expect(recalculated).toEqual(formulaCells(grids).map((cell) => cell.value));
  });
});
