import { noCounts } from '../../../src/domain/consolidation/counts';
import type { TerritoryMeasure } from '../../../src/domain/consolidation/territory';

/**
 * A territory's measure made by hand: nothing counted, no date, measured at 2026-T3 of a 2026–2030 convention, its
 * workbook created for the name it shows.
 */
export function territoryMeasure(
  file: string,
  territory: string,
  own: Partial<TerritoryMeasure> = {},
): TerritoryMeasure {
  return {
    file,
    territory,
    recordedTerritory: territory,
    epci: '',
    siren: null,
    quarter: '2026-T3',
    quarterOutside: null,
    quarterNotBegun: false,
    quarterLag: null,
    conventionQuarters: { first: '2026-T1', last: '2030-T4' },
    lastWrite: null,
    latestUpdate: null,
    savedAt: null,
    errors: 0,
    warnings: 0,
    counts: noCounts,
    axes: [],
    planFiches: [],
    fields: [],
    publics: [],
    ao: [],
    aoUnread: null,
    ...own,
  };
}
