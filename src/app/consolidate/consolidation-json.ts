import type { Consolidation, GroupConsolidation } from '../../domain/consolidation/consolidation';
import { ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';

/**
 * The consolidation as `consolidate --json` gives it (docs/WORKBOOK.md, « Consolidation »): rates as fractions,
 * null when undefined, each beside the counts it is computed from.
 */

const figures = (counts: ConsolidationCounts) => ({ ...ratesOf(counts), counts });

function groupJson(group: GroupConsolidation) {
  return {
    name: group.name,
    matched: group.matched,
    ...figures(group.counts),
    territories: group.territories.map((entry) => ({
      name: entry.territory,
      file: entry.file,
      ...figures(entry.counts),
    })),
  };
}

export function consolidationJson(consolidation: Consolidation) {
  return {
    quarter: consolidation.quarter,
    territories: consolidation.territories.map((territory) => ({
      name: territory.territory,
      epci: territory.epci,
      siren: territory.siren,
      file: territory.file,
      quarter: territory.quarter,
      quarterOutside: territory.quarterOutside,
      ...ratesOf(territory.counts),
      errors: territory.errors,
      warnings: territory.warnings,
      counts: territory.counts,
      lastWrite: territory.lastWrite,
      latestUpdate: territory.latestUpdate,
      savedAt: territory.savedAt,
      ao: territory.ao,
    })),
    total: figures(consolidation.total),
    fields: consolidation.fields.map(groupJson),
    publics: consolidation.publics.map(groupJson),
    unmatched: consolidation.unmatched,
    rejected: consolidation.rejected,
    duplicates: consolidation.duplicates,
  };
}

export type ConsolidationJson = ReturnType<typeof consolidationJson>;
