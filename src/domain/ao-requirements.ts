import { aoCompetences, type AoCompetence, type AoHolder, type AoRow, type Facility, type Plan } from './plan';
import { quarterIndex, type Quarter } from './periods';
import { communeAfterPrefix } from './name-key';

/**
 * What the law asks of each autorité organisatrice de l'accueil du jeune enfant (art. L. 214-1-3 CASF; décret
 * n° 2025-253), for the `Compétences AO` table (docs/DOMAIN.md, « AO competence table »):
 * - whoever exercises a competence for a commune must exercise it: recenser and informer for every commune;
 * - planifier and soutenir la qualité above 3 500 inhabitants;
 * - above 10 000: a schéma pluriannuel (with planifier; a CTG matching the decree stands in for it) and, from
 *   1 January 2026, a relais petite enfance (with soutenir la qualité).
 * "Above" is strict. A commune is measured by its own population; an EPCI, for each competence it holds, by the
 * total population of the communes that transferred that competence to it. A requirement that depends on an
 * unknown population or an unknown holder is unknown (null), never false.
 */

export const LOWER_THRESHOLD = 3500;
export const UPPER_THRESHOLD = 10000;
/** The relais petite enfance is required from 1 January 2026. */
export const RPE_REQUIRED_FROM: Quarter = { year: 2026, q: 1 };

export interface AoTableRow {
  name: string;
  isEpci: boolean;
  /** INSEE legal population entered by the officer; null when empty. Not read on the EPCI row (see above). */
  population: number | null;
  /**
   * Who exercises each competence. On a commune row: `commune` (the commune itself), `transferredByAll` or
   * `transferredBySome` (the commune transferred it to the EPCI). On the EPCI row: transferred (the EPCI holds
   * it) or `commune` (the communes kept it).
   */
  competences: Record<AoCompetence, AoHolder>;
  /** Whether a schéma pluriannuel exists, or the CTG stands in for it; null when not recorded. */
  schemaExists: boolean | null;
  /** Whether a relais petite enfance exists (Annexe 2); null when not recorded. */
  rpeExists: boolean | null;
}

export interface AoTable {
  rows: AoTableRow[];
  /** "Population totale de l'ensemble des communes ayant transféré leurs compétences", when the plan gives it. */
  declaredTransferredPopulation: number | null;
}

export type AoRequirement = AoCompetence | 'schema' | 'rpe';
export type AoObligation = 'schema' | 'rpe';

export interface AoRowAssessment {
  name: string;
  isEpci: boolean;
  /**
   * The population the row's thresholds are read against: a commune's own; for the EPCI, the total population
   * of the communes that transferred at least one competence (the declared total when one of them is empty).
   */
  population: number | null;
  /** true: the law requires it of this row; false: it does not (or the row does not exercise it); null: unknown. */
  required: Record<AoRequirement, boolean | null>;
  /** For a required schéma or RPE, whether it exists; null when not required, unknown, or not recorded. */
  met: Record<AoObligation, boolean | null>;
  /** Obligations required and known not to be met (what validation warns about). */
  unmet: AoObligation[];
}

export interface AoAssessment {
  rows: AoRowAssessment[];
  /** For each competence, the population the EPCI is measured by (null when unknown). */
  transferredPopulation: Record<AoCompetence, number | null>;
  /** Sum of the filled populations of the communes that transferred at least one competence. */
  filledTransferredPopulation: number;
  /**
   * Whether those populations add up to the declared total: null when no total is declared, no commune row
   * transferred anything, or some are still empty without already exceeding it.
   */
  populationsMatchDeclared: boolean | null;
}

const isTransferred = (holder: AoHolder) => holder === 'transferredByAll' || holder === 'transferredBySome';

/** Whether the row exercises the competence itself; null when the holder is unknown. */
export function exercises(row: AoTableRow, competence: AoCompetence): boolean | null {
  const holder = row.competences[competence];
  if (holder === 'unknown') return null;
  return row.isEpci ? isTransferred(holder) : holder === 'commune';
}

function sumIfComplete(rows: AoTableRow[]): number | null {
  if (rows.length === 0 || rows.some((row) => row.population === null)) return null;
  return rows.reduce((sum, row) => sum + (row.population ?? 0), 0);
}

function communeRows(table: AoTable): AoTableRow[] {
  return table.rows.filter((row) => !row.isEpci);
}

/** Population of the communes that transferred `competence`, else the declared total. */
function transferredPopulationOf(table: AoTable, competence: AoCompetence): number | null {
  const transferring = communeRows(table).filter((row) => isTransferred(row.competences[competence]));
  return sumIfComplete(transferring) ?? table.declaredTransferredPopulation;
}

/** Required when exercised and the population is above the threshold; unknown stays unknown. */
function above(exercised: boolean | null, population: number | null, threshold: number): boolean | null {
  if (exercised === false) return false;
  if (exercised === null || population === null) return null;
  return population > threshold;
}

function metOf(required: boolean | null, exists: boolean | null): boolean | null {
  return required === true ? exists : null;
}

export function assessAoTable(table: AoTable, current: Quarter): AoAssessment {
  const transferredPopulation = Object.fromEntries(
    aoCompetences.map((competence) => [competence, transferredPopulationOf(table, competence)]),
  ) as Record<AoCompetence, number | null>;
  const transferringAny = communeRows(table).filter((row) =>
    aoCompetences.some((c) => isTransferred(row.competences[c])),
  );
  const epciPopulation = sumIfComplete(transferringAny) ?? table.declaredTransferredPopulation;
  const rpeInForce = quarterIndex(current) >= quarterIndex(RPE_REQUIRED_FROM);

  const rows = table.rows.map((row): AoRowAssessment => {
    const basis = (competence: AoCompetence) => (row.isEpci ? transferredPopulation[competence] : row.population);
    const plans = exercises(row, 'plan');
    const supports = exercises(row, 'quality');
    const required: Record<AoRequirement, boolean | null> = {
      identify: exercises(row, 'identify'),
      inform: exercises(row, 'inform'),
      plan: above(plans, basis('plan'), LOWER_THRESHOLD),
      quality: above(supports, basis('quality'), LOWER_THRESHOLD),
      schema: above(plans, basis('plan'), UPPER_THRESHOLD),
      rpe: rpeInForce ? above(supports, basis('quality'), UPPER_THRESHOLD) : false,
    };
    const met = { schema: metOf(required.schema, row.schemaExists), rpe: metOf(required.rpe, row.rpeExists) };
    return {
      name: row.name,
      isEpci: row.isEpci,
      population: row.isEpci ? epciPopulation : row.population,
      required,
      met,
      unmet: (['schema', 'rpe'] as const).filter((obligation) => met[obligation] === false),
    };
  });

  return {
    rows,
    transferredPopulation,
    filledTransferredPopulation: transferringAny.reduce((sum, row) => sum + (row.population ?? 0), 0),
    populationsMatchDeclared: matchesDeclared(transferringAny, table.declaredTransferredPopulation),
  };
}

function matchesDeclared(transferring: AoTableRow[], declared: number | null): boolean | null {
  if (declared === null || transferring.length === 0) return null;
  const filled = transferring.reduce((sum, row) => sum + (row.population ?? 0), 0);
  if (filled > declared) return false;
  if (transferring.some((row) => row.population === null)) return null;
  return filled === declared;
}

/** Lower case without accents, for the facility test below. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The Annexe 2 facilities that are a relais petite enfance: type or name says "RPE" or "Relais Petite(-)Enfance". */
export function rpeFacilities(plan: Plan): Facility[] {
  const isRpe = (text: string) => /\brpe\b/.test(plain(text)) || /\brelais\s+petite[\s-]+enfance\b/.test(plain(text));
  return plan.facilities.filter((facility) => isRpe(facility.type) || isRpe(facility.name));
}

function sameName(a: string, b: string): boolean {
  return plain(a).replace(/\s+/g, ' ').trim() === plain(b).replace(/\s+/g, ' ').trim();
}

/**
 * The table as first generated from the plan: the EPCI's row(s) of the plan's AO block, then a row for each
 * commune of the parties — its own row of the block when there is one (named as written, « Commune de X » read as
 * X), else holders taken from the EPCI row (`transferredByAll` there means this commune transferred too; `commune`
 * means it kept the competence; anything else is left for the officer), as for a competence its own row ticks
 * nothing for —, then any other row of the block. Populations come from the block
 * (usually empty: the officer enters them). An RPE listed in Annexe 2 is recorded on every row, and the CTG
 * stands in for the schéma (Article 3: the officer changes it if the CTG does not match the decree).
 */
export function aoTableFromPlan(plan: Plan): AoTable {
  const rpeExists = rpeFacilities(plan).length > 0;
  const blockEpcis = plan.aoTable.filter((row) => row.isEpci);
  const blockCommunes = plan.aoTable.filter((row) => !row.isEpci);
  const toTableRow = (row: Pick<AoRow, 'name' | 'isEpci' | 'population' | 'competences'>): AoTableRow => ({
    name: row.name,
    isEpci: row.isEpci,
    population: row.population,
    competences: { ...row.competences },
    schemaExists: true,
    rpeExists,
  });

  const epciRows = blockEpcis.map(toTableRow);
  if (epciRows.length === 0 && plan.parties.epci.trim() !== '') {
    const unknown = Object.fromEntries(aoCompetences.map((c) => [c, 'unknown'])) as Record<AoCompetence, AoHolder>;
    epciRows.push(toTableRow({ name: plan.parties.epci, isEpci: true, population: null, competences: unknown }));
  }
  const epciHolder = (competence: AoCompetence): AoHolder => {
    const holder = blockEpcis[0]?.competences[competence];
    return holder === 'transferredByAll' || holder === 'commune' ? holder : 'unknown';
  };

  const used = new Set<AoRow>();
  const partyRows = plan.parties.communes.map((commune) => {
    // A block row names its commune as the plan wrote it, often « Commune de Trévoux »: the reader met that spelling
    // without the prefix, and so is it compared.
    const own = blockCommunes.find((row) => {
      const written = communeAfterPrefix(row.name) ?? row.name;
      return !used.has(row) && commune.spellings.concat(commune.name).some((spelling) => sameName(spelling, written));
    });
    if (own) used.add(own);
    // A competence its own row ticks nothing for is the EPCI row's, as for a commune without a row.
    const competences = Object.fromEntries(
      aoCompetences.map((c) => [c, own && own.competences[c] !== 'unknown' ? own.competences[c] : epciHolder(c)]),
    ) as Record<AoCompetence, AoHolder>;
    return toTableRow({ name: commune.name, isEpci: false, population: own?.population ?? null, competences });
  });
  const otherRows = blockCommunes.filter((row) => !used.has(row)).map(toTableRow);

  return {
    rows: [...epciRows, ...partyRows, ...otherRows],
    declaredTransferredPopulation: blockEpcis[0]?.transferredPopulation ?? null,
  };
}
