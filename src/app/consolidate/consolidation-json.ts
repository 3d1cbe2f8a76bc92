import type { Consolidation, GroupConsolidation } from '../../domain/consolidation/consolidation';
import { fichesWithoutStatus, ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';

/**
 * The consolidation as `consolidate --json` gives it (docs/WORKBOOK.md, « Consolidation »): rates as fractions,
 * null when undefined, each beside the counts it is computed from.
 */

/** The counts as the workbook shows them: the fiches by status with « Sans statut » (`noStatus`), adding up to the fiches. */
const countsJson = (counts: ConsolidationCounts) => ({
  ...counts,
  statuses: { ...counts.statuses, noStatus: fichesWithoutStatus(counts) },
});

const figures = (counts: ConsolidationCounts) => ({ ...ratesOf(counts), counts: countsJson(counts) });

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
      quarterNotBegun: territory.quarterNotBegun,
      quarterLag: territory.quarterLag,
      ...ratesOf(territory.counts),
      errors: territory.errors,
      warnings: territory.warnings,
      counts: countsJson(territory.counts),
      lastWrite: territory.lastWrite,
      latestUpdate: territory.latestUpdate,
      savedAt: territory.savedAt,
      ao: territory.ao,
      aoUnread: territory.aoUnread,
      textCut: territory.textCut ?? null,
      planColumnsEmptied: territory.planColumnsEmptied ?? [],
      missingColumns: territory.missingColumns ?? [],
    })),
    total: figures(consolidation.total),
    fields: consolidation.fields.map(groupJson),
    publics: consolidation.publics.map(groupJson),
    unmatched: consolidation.unmatched,
    rejected: consolidation.rejected.map((rejected) => ({ ...rejected, territory: rejected.territory ?? null })),
    duplicates: consolidation.duplicates,
    copiesApart: consolidation.copiesApart,
  };
}

export type ConsolidationJson = ReturnType<typeof consolidationJson>;
