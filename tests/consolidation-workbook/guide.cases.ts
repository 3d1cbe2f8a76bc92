import { measureTerritory } from '../../src/app/consolidate/measure-territory';
import { isoDateToSerial } from '../../src/domain/excel-dates';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { fichesOf, independentCounts, quartersOf } from '../consolidation/helpers/independent-figures';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { setValue, sheet } from '../validation/clean-workbook';
import { gridsOf } from '../xlsx-patch/helpers';
import { consolidation, writtenAt } from './fixture';

/**
 * The consolidation's Guide says what the consolidation computes: each claim checked here against a measure of a
 * workbook (the figures computed by this test from the cells, as docs/WORKBOOK.md defines them) and against the
 * Guide's own words.
 */

const guide = buildConsolidationWorkbook(consolidation, { writtenAt })
  .sheets.find((candidate) => candidate.name === 'Guide')!
  .rows.map((row) => String(row?.cells[0]?.value ?? ''))
  .join('\n');

const today = new Date('2026-08-20T10:00:00Z'); // Pilat's Q, 2026-T3, has begun

async function measured(grids: WorkbookGrids) {
  const outcome = await measureTerritory('pilat.xlsx', grids, { today });
  if (!outcome.ok) throw new Error(outcome.rejected.reason);
  return outcome.measure;
}

describe('the consolidation’s Guide, against what is computed', () => {
  it('a wrong value counts as the workbook’s own formulas count it: a date in a quantitative cell is a value', async () => {
    const bytes = await territoryBytes(pilat);
    const clean = await measured(gridsOf(bytes));
    const grids = gridsOf(bytes);
    const axis1 = sheet(grids, 'Axe 1');
    // Three wrong values in expected empty cells: a date and a number typed as text in quantitative criteria, a word
    // outside the scale in a qualitative one.
    setValue(axis1, 'G2-QN2', '2026-T2', isoDateToSerial('2026-05-12'), { isDate: true });
    setValue(axis1, 'G1-QN1', '2026-T3', '12');
    setValue(axis1, 'G1-QL1', '2026-T2', 'Bien');
    const wrong = await measured(grids);

    const own = independentCounts(fichesOf(grids), quartersOf(grids), '2026-T3');
    expect(wrong.counts.cumulative).toEqual({ filled: own.cumulativeFilled, expected: own.cumulativeExpected });
    // The date alone counts as filled; the three are data errors all the same.
    expect(wrong.counts.cumulative.filled).toBe(clean.counts.cumulative.filled + 1);
    expect(wrong.counts.cumulative.expected).toBe(clean.counts.cumulative.expected);
    expect(wrong.errors).toBeGreaterThanOrEqual(clean.errors + 3);

    expect(guide).not.toContain('compte comme non renseignée');
    expect(guide).toContain(
      'Une valeur mal saisie compte comme le classeur du territoire la compte lui-même (c’est une erreur de données, ' +
        'que la vérification signale)\u00a0: tout nombre saisi pour un critère quantitatif compte comme renseigné, même ' +
        'une date, alors qu’un texte (même un nombre écrit comme du texte) ou une valeur hors de l’échelle pour un critère ' +
        'qualitatif ne compte pas.',
    );
  });

  it('nothing is expected of a quarter that has not begun, which its row says', async () => {
    const grids = gridsOf(await territoryBytes(pilat));
    const inT2 = await measureTerritory('pilat.xlsx', grids, { today: new Date('2026-05-20T10:00:00Z') });
    if (!inT2.ok) throw new Error(inT2.rejected.reason);
    expect(inT2.measure.counts.period).toEqual({ filled: 0, expected: 0 });
    expect(guide).toContain(
      'Un trimestre qui n’a pas encore commencé le jour de la consolidation n’attend encore rien\u00a0: ses valeurs ' +
        'ne comptent ni dans le renseignement ni dans la réalisation',
    );
  });

  it('says which fiches count as having difficulties: a Difficultés not blank, whatever it says', async () => {
    const bytes = await territoryBytes(pilat);
    const clean = await measured(gridsOf(bytes));
    const grids = gridsOf(bytes);
    const axis1 = sheet(grids, 'Axe 1');
    // G1 has its own difficulty already.
    setValue(axis1, 'G2', 'Difficultés', 'RAS');
    setValue(axis1, 'G1-B', 'Difficultés', ' \u00a0\n');
    const typed = await measured(grids);
    expect(typed.counts.fichesWithDifficulties).toBe(clean.counts.fichesWithDifficulties + 1);
    expect(guide).toContain(
      '«\u00a0Fiches avec difficultés\u00a0» compte les fiches dont la case «\u00a0Difficultés\u00a0» n’est pas vide, ' +
        'quel qu’en soit le texte («\u00a0RAS\u00a0» compris)\u00a0; des espaces seuls ne comptent pas.',
    );
  });

  it('names the sheets of rates side by side for what they show', () => {
    expect(guide).toContain(
      '«\u00a0Champs par territoire\u00a0» et «\u00a0Publics par territoire\u00a0» en mettent le renseignement cumulé et ' +
        'la réalisation côte à côte',
    );
  });

  it('says that a fiche naming no champ counts in none, so that the rows by champ need not add up', () => {
    expect(guide).not.toContain('la somme des lignes par champ dépasse alors celle des territoires');
    expect(guide).toContain('une fiche qui n’en cite aucun ne compte dans aucun');
  });

  it('says how two copies are told apart when their dates are the same', () => {
    expect(guide).toContain('à dates égales');
  });
});
