import type { AoCompetence, AoHolder } from '../../../domain/plan';
import type { AoObligation, AoRequirement } from '../../../domain/ao-requirements';
import { aoTexts } from '../../texts';

/**
 * The shape of `Compétences AO`, declared once: the builder writes there, the reader reads there (headers found
 * by text, the summary cells by their labels' rows), the formulas take their references from here.
 */

export const AO_TITLE_ROW = 1;
export const AO_POPULATION_NOTE_ROW = 2;
export const AO_LAW_NOTE_ROW = 3;
/** Label in column A, value in the population column. */
export const AO_DECLARED_ROW = 4;
export const AO_FILLED_SUM_ROW = 5;
export const AO_CHECK_ROW = 6;
/** Row of the headers; the reader finds it by its `Nom` cell. */
export const AO_HEADER_ROW = 8;
export const AO_FIRST_DATA_ROW = AO_HEADER_ROW + 1;

export type AoColumnId =
  | 'name'
  | 'type'
  | 'population'
  | `holder:${AoCompetence}`
  | 'rpeExists'
  | 'schemaExists'
  | 'basis'
  | `required:${AoRequirement}`
  | `met:${AoObligation}`;

export type AoColumnKind = 'text' | 'population' | 'holder' | 'yesNo' | 'derived';

export interface AoColumn {
  id: AoColumnId;
  header: string;
  kind: AoColumnKind;
  /** Excel character units. */
  width: number;
}

const holderHeaders: Record<AoCompetence, string> = {
  identify: 'Recenser les besoins',
  inform: 'Informer et accompagner les familles',
  plan: "Planifier l'offre d'accueil",
  quality: 'Soutenir la qualité',
};

// Earlier versions wrote these headers with a plain space before « : »: the reader finds a header by its words
// (`sameWords`), so that their workbooks are read alike, and their next rewrite writes the header as it is now.
const requirementHeaders: Record<AoRequirement, string> = {
  identify: 'Requis\u00a0: recenser',
  inform: 'Requis\u00a0: informer',
  plan: 'Requis\u00a0: planifier',
  quality: 'Requis\u00a0: soutenir la qualité',
  schema: 'Requis\u00a0: schéma pluriannuel',
  rpe: 'Requis\u00a0: relais petite enfance',
};

const metHeaders: Record<AoObligation, string> = {
  schema: 'Schéma\u00a0: obligation remplie',
  rpe: 'RPE\u00a0: obligation remplie',
};

export const aoCompetenceOrder: readonly AoCompetence[] = ['identify', 'inform', 'plan', 'quality'];
export const aoRequirementOrder: readonly AoRequirement[] = [...aoCompetenceOrder, 'schema', 'rpe'];
export const aoObligationOrder: readonly AoObligation[] = ['schema', 'rpe'];

export const aoColumns: readonly AoColumn[] = [
  { id: 'name', header: 'Nom', kind: 'text', width: 34 },
  { id: 'type', header: 'Type', kind: 'text', width: 10 },
  { id: 'population', header: 'Population (INSEE)', kind: 'population', width: 13 },
  ...aoCompetenceOrder.map((competence): AoColumn => ({
    id: `holder:${competence}`,
    header: holderHeaders[competence],
    kind: 'holder',
    width: 24,
  })),
  { id: 'rpeExists', header: 'RPE existant', kind: 'yesNo', width: 10 },
  { id: 'schemaExists', header: 'Schéma pluriannuel (ou CTG en tenant lieu)', kind: 'yesNo', width: 14 },
  { id: 'basis', header: 'Population retenue pour les seuils', kind: 'derived', width: 13 },
  ...aoRequirementOrder.map((requirement): AoColumn => ({
    id: `required:${requirement}`,
    header: requirementHeaders[requirement],
    kind: 'derived',
    width: 12,
  })),
  ...aoObligationOrder.map((obligation): AoColumn => ({
    id: `met:${obligation}`,
    header: metHeaders[obligation],
    kind: 'derived',
    width: 13,
  })),
];

/** 1-based column number of a column. */
export function aoColumnNumber(id: AoColumnId): number {
  const index = aoColumns.findIndex((column) => column.id === id);
  if (index < 0) throw new Error(`unknown AO column ${id}`);
  return index + 1;
}

export const AO_NAME_HEADER = aoColumns[0].header;

/** The list text of a holder; null for `unknown` (an empty cell). */
export function holderText(holder: AoHolder): string | null {
  return holder === 'unknown' ? null : aoTexts.holders[holder];
}

/** Row of the per-competence transferred population, just under the data rows. */
export function aoTransferredRow(dataRowCount: number): number {
  return AO_FIRST_DATA_ROW + dataRowCount;
}
