import { consolidate } from '../../src/domain/consolidation/consolidate';
import type { TerritoryMeasure } from '../../src/domain/consolidation/territory';
import { noCounts } from '../../src/domain/consolidation/counts';
import { territoryMeasure } from '../consolidation/helpers/measures';

/** How a champ or public outside the vocabulary, written differently by several territories, is named across them. */

const withPublic = (file: string, territory: string, name: string): TerritoryMeasure =>
  territoryMeasure(file, territory, { publics: [{ name, matched: false, counts: noCounts }] });

it('names a public outside the vocabulary as it is best written, whichever territory wrote it first', () => {
  // A user trial: « PARENTS ISOLES » (Ain) and « Parents isolés » (Val) were pooled under the capitals.
  const result = consolidate(
    [
      withPublic('ain.xlsx', 'Ain', 'PARENTS ISOLES'),
      withPublic('val.xlsx', 'Val', 'Parents isolés'),
      withPublic('bas.xlsx', 'Bas', 'parents isoles'),
    ].map((measure) => ({ ok: true as const, measure })),
    null,
  );
  expect(result.publics.map((group) => [group.name, group.territories.length])).toEqual([['Parents isolés', 3]]);
  expect(result.unmatched).toEqual([
    {
      kind: 'public',
      name: 'Parents isolés',
      territories: ['Ain', 'Bas', 'Val'],
      fiches: 0,
      places: [],
      suggestions: [],
    },
  ]);
});

it('says where each territory names a champ outside the vocabulary, its fiches added up, the first one’s guesses', () => {
  const withField = (file: string, territory: string, fiches: number, cell: string): TerritoryMeasure =>
    territoryMeasure(file, territory, {
      fields: [
        {
          name: 'Parentalité',
          matched: false,
          counts: { ...noCounts, fiches },
          unmatched: { sheet: 'Axe 2', cell, suggestions: ['Soutien à la parentalité'] },
        },
      ],
    });
  const result = consolidate(
    [withField('val.xlsx', 'Val', 1, 'H9'), withField('ain.xlsx', 'Ain', 3, 'H4')].map((measure) => ({
      ok: true as const,
      measure,
    })),
    null,
  );
  expect(result.unmatched).toEqual([
    {
      kind: 'field',
      name: 'Parentalité',
      territories: ['Ain', 'Val'],
      fiches: 4,
      places: [
        { territory: 'Ain', file: 'ain.xlsx', sheet: 'Axe 2', cell: 'H4', fiches: 3 },
        { territory: 'Val', file: 'val.xlsx', sheet: 'Axe 2', cell: 'H9', fiches: 1 },
      ],
      suggestions: ['Soutien à la parentalité'],
    },
  ]);
});
