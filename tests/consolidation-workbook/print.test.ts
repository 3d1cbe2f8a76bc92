import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { consolidationSheetNames } from '../../src/layout/consolidation/consolidation-texts';
import { consolidation, writtenAt } from './fixture';

/**
 * How the consolidation prints (a review found long territory names printed over the next row, and pages across
 * of the sheets by champ that did not say which territory a row was).
 */

const longName = 'Communauté d’agglomération de la Vallée du Gier et du Pilat Rhodanien réunis';
const spec = buildConsolidationWorkbook(
  {
    ...consolidation,
    territories: consolidation.territories.map((territory, index) =>
      index === 0 ? { ...territory, territory: longName } : territory,
    ),
  },
  { writtenAt },
);
const sheet = (name: string) => spec.sheets.find((candidate) => candidate.name === name)!;

it.each([
  consolidationSheetNames.territories,
  consolidationSheetNames.fieldsByTerritory,
  consolidationSheetNames.publicsByTerritory,
])('makes a row of %s as high as a long territory name needs, wrapped in its column', (name) => {
  const row = sheet(name).rows.find((candidate) => candidate?.cells[0]?.value === longName)!;
  expect(row.cells[0]!.style!.wrap).toBe(true);
  expect(row.height).toBeGreaterThanOrEqual(30);
});

it('repeats on the pages across what says what a row is: the champ, whether it is in the vocabulary, the territory', () => {
  for (const name of [consolidationSheetNames.fields, consolidationSheetNames.publics])
    expect(sheet(name).print!.titleColumns).toEqual({ first: 1, last: 3 });
  expect(sheet(consolidationSheetNames.territories).print!.titleColumns).toEqual({ first: 1, last: 1 });
  expect(sheet(consolidationSheetNames.ao).print!.titleColumns).toEqual({ first: 1, last: 2 });
});

it('shows counts and populations with a thousands separator (1 206, not 1206)', () => {
  const territories = sheet(consolidationSheetNames.territories);
  const header = territories.rows[3]!.cells.map((spec) => spec?.value);
  const row = territories.rows[4]!;
  for (const name of ['Fiches', 'Valeurs attendues (cumul)', 'Erreurs de données'])
    expect(row.cells[header.indexOf(name)]!.style!.numFmt).toBe('#,##0');
  const ao = sheet(consolidationSheetNames.ao);
  const aoHeader = ao.rows[3]!.cells.map((spec) => spec?.value);
  const population = aoHeader.indexOf('Population retenue pour les seuils');
  const numbers = ao.rows.slice(4).filter((candidate) => typeof candidate?.cells[population]?.value === 'number');
  expect(numbers.length).toBeGreaterThan(0);
  for (const candidate of numbers) expect(candidate!.cells[population]!.style!.numFmt).toBe('#,##0');
});
