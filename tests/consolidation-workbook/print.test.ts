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
