import { z } from 'zod';
import { planWarningDescriptions, type PlanWarningCode } from './messages/plan';
import { NUMBER_BOUND } from './number-bound';

/**
 * The plan of a CTG as read from its convention text: parties, period, axes with their fiches actions and
 * criteria, the AO competence block and the Annexe 2 facilities. Every boundary (parser output, plan JSON
 * given on the command line, the embedded default plan) goes through `planSchema`.
 */

export const PLAN_FORMAT_VERSION = 1;

/** A calendar day written `AAAA-MM-JJ` (2025-13-45 has the shape, not the day). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (text) => {
      const day = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
    },
    {
      message: 'cette date n’existe pas (AAAA-MM-JJ)',
    },
  );

/**
 * A fiche ref: letters then digits as most plans print it (`G1`, `PE20`, `JA11`), or the cleaned form of an unusual
 * written ref (src/plan-text/fiche-refs.ts: `AD-1` → `AD1`, `1.2` → `F1-2`, `A3bis` → `A3BIS`): a letter first, at
 * least one digit, digit groups a written separator kept apart joined by `-`.
 */
const REF = '[A-Za-z]+\\d[A-Za-z0-9]*(?:-\\d+)*';
export const ficheRefSchema = z.string().regex(new RegExp(`^${REF}$`));

/**
 * The key given to a fiche whose plan has no reference (`SANSREF1`…): it says nothing of the fiche, so a
 * regeneration finds such a fiche by its title, never by this key (src/domain/keys-matching.ts).
 */
export const GENERATED_REF_PREFIX = 'SANSREF';
export const isGeneratedRef = (key: string): boolean => new RegExp(`^${GENERATED_REF_PREFIX}\\d+$`).test(key);

/** The suffix of a later fiche with a duplicated ref: `-B` … `-Z`, then `-AA`, `-AB` … as spreadsheet columns. */
const DUPLICATE_SUFFIX = '-(?:[B-Z]|[A-Z]{2,3})';

/** A stored row key: `G1`, `G1-B` (a duplicated ref), `G1-QN2`, `G1-B-QL1`, `F1-2-QN1`. */
const ROW_KEY = new RegExp(`^${REF}(${DUPLICATE_SUFFIX})?(-Q[NL]\\d+)?$`);
export const rowKeySchema = z.string().regex(ROW_KEY);

/** `rowKeySchema`'s test without a parse: every row of every sheet read asks it, some several times. */
export const isRowKey = (text: string): boolean => ROW_KEY.test(text);

/** The ref a fiche key stands for (`G1-B` → `G1`). */
export const refOfFicheKey = (key: string): string => key.replace(new RegExp(`${DUPLICATE_SUFFIX}$`), '');

export const criterionKindSchema = z.enum(['quantitative', 'qualitative']);
export type CriterionKind = z.infer<typeof criterionKindSchema>;

/** A Référence or Cible as the workbook's cells take it (docs/WORKBOOK.md, « Columns »: their data validation). */
const figureSchema = z.number().min(-NUMBER_BOUND).max(NUMBER_BOUND);

/** The longest unit a plan gives: the `Unité` column is 12 characters wide and does not wrap. */
const UNIT_LENGTH = 30;

/** An `Unité` as a person types it in the workbook: `%`, `€`, `familles`, `heures`. */
export const unitSchema = z
  .string()
  .min(1)
  .max(UNIT_LENGTH)
  .refine((unit) => unit.trim() === unit && !/\p{Cc}/u.test(unit), {
    message: 'une unité s’écrit sur une ligne, sans espace au début ni à la fin (« % », « € », « familles »)',
  });

export const criterionSchema = z
  .object({
    /** `<fiche key>-QN<i>` or `<fiche key>-QL<i>`, assigned once (docs/WORKBOOK.md, « Keys »). */
    key: rowKeySchema,
    kind: criterionKindSchema,
    text: z.string().min(1),
    /**
     * The Référence and Cible the convention gives a quantitative criterion, each one number in its criteria table
     * (src/plan-text/criterion-figures.ts): generation writes them into the row's cells. Absent otherwise, and in
     * plans saved before they were read.
     */
    baseline: figureSchema.optional(),
    target: figureSchema.optional(),
    /** The unit its criteria table gives it, written into the row's `Unité` as its Référence and Cible are. */
    unit: unitSchema.optional(),
    /** 1-based line of the bullet in the source text; 0 when the plan did not come from a text. */
    line: z.number().int().nonnegative(),
  })
  .refine(
    (criterion) =>
      criterion.kind === 'quantitative' || (criterion.baseline ?? criterion.target ?? criterion.unit) === undefined,
    { message: 'une Unité, une Référence ou une Cible ne se donne qu’à un critère quantitatif', path: ['kind'] },
  );
export type Criterion = z.infer<typeof criterionSchema>;

export const ficheSchema = z.object({
  /** The fiche's ref: as written in the plan (`G1`), or the cleaned form of an unusual one (`I.1` → `F1-1`). */
  ref: ficheRefSchema,
  /** The stored row key: the ref, or `<ref>-B`, `<ref>-C` … for a later fiche with a duplicated ref. */
  key: rowKeySchema,
  /**
   * The ref as the plan writes it, when that is not `ref` itself (`I.1`): a regeneration finds by it a fiche that an
   * earlier reading of the plan keyed otherwise (src/domain/keys-matching.ts).
   */
  writtenRef: z.string().min(1).optional(),
  title: z.string(),
  /** `intérêt`, `intérêt fort`, `Top 5` — kept as written. */
  interest: z.string(),
  /** `Collective`, `Individuelle`, `Territoriale` — kept as written. */
  methodology: z.string(),
  publics: z.array(z.string()),
  /** `Existant`, `A compléter`, `Supplémentaire à mobiliser` — kept as written. */
  budget: z.string(),
  /** Porteur(s) de l'action: `CCMP`, `Mairie (s)`, `Acteur (s) du territoire` … */
  carriers: z.array(z.string()),
  /** Territoire(s) cible(s); commune names are given in their display spelling (see `communes`). */
  territories: z.array(z.string()),
  /** Champ(s) d'intervention(s), from the Caf-wide vocabulary. */
  fields: z.array(z.string()),
  context: z.string(),
  objectives: z.array(z.string()),
  criteria: z.array(criterionSchema),
  line: z.number().int().nonnegative(),
});
export type Fiche = z.infer<typeof ficheSchema>;

export const axisSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  /** The axis's objectives as listed in Article 4 (empty when Article 4 does not list the axis). */
  objectives: z.array(z.string()),
  fiches: z.array(ficheSchema),
  line: z.number().int().nonnegative(),
});
export type Axis = z.infer<typeof axisSchema>;

export const communeSchema = z.object({
  /** The spelling shown to users: the one most used in the fiches, else the parties' one. */
  name: z.string().min(1),
  /** Every spelling met in the text, the display one included. */
  spellings: z.array(z.string()),
});
export type Commune = z.infer<typeof communeSchema>;

export const partiesSchema = z.object({
  /** `Caf de la Loire`. */
  caf: z.string(),
  /** The EPCI as named in the parties (`Communauté de communes des Monts du Pilat`), empty when none. */
  epci: z.string(),
  /** Short name used in the fiches (`CCMP`), empty when none is found. */
  epciShortName: z.string(),
  communes: z.array(communeSchema),
});
export type Parties = z.infer<typeof partiesSchema>;

export const periodSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((p) => p.start <= p.end, { message: 'le début de la période est après sa fin' });
export type Period = z.infer<typeof periodSchema>;

/** Who exercises an AO competence, as ticked in the "Option : Tableau récapitulatif" block. */
export const aoHolderSchema = z.enum(['commune', 'transferredByAll', 'transferredBySome', 'unknown']);
export type AoHolder = z.infer<typeof aoHolderSchema>;

export const aoCompetences = ['identify', 'inform', 'plan', 'quality'] as const;
export type AoCompetence = (typeof aoCompetences)[number];

export const aoRowSchema = z.object({
  /** `EPCI Communauté de Communes des Monts du Pilat` or a commune's name, as written. */
  name: z.string(),
  isEpci: z.boolean(),
  /** Nb d'habitants as written in the row, null when empty. */
  population: z.number().int().nonnegative().nullable(),
  competences: z.object({
    identify: aoHolderSchema,
    inform: aoHolderSchema,
    plan: aoHolderSchema,
    quality: aoHolderSchema,
  }),
  /** "Population totale de l'ensemble des communes ayant transféré leurs compétences", when given. */
  transferredPopulation: z.number().int().nonnegative().nullable(),
});
export type AoRow = z.infer<typeof aoRowSchema>;

export const facilitySchema = z.object({
  /** The heading the facility is listed under (`COMMUNAUTE DE COMMUNES DES MONTS DU PILAT`, `COMMUNE DE MARLHES`). */
  authority: z.string(),
  /** `EAJE`, `RPE/ Guichet unique`, `ALSH` … carried down from the row above when the cell is empty. */
  type: z.string(),
  name: z.string(),
  /** The commune the facility is in, in display spelling, when one is recognised. */
  commune: z.string().nullable(),
  line: z.number().int().nonnegative(),
});
export type Facility = z.infer<typeof facilitySchema>;

export const planSchema = z.object({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  /** Territory name used in file names and sheet titles (the EPCI's name, else the first commune's). */
  territory: z.string().min(1),
  parties: partiesSchema,
  period: periodSchema,
  axes: z.array(axisSchema).min(1),
  aoTable: z.array(aoRowSchema),
  facilities: z.array(facilitySchema),
});
export type Plan = z.infer<typeof planSchema>;

/** A defect met while reading a plan: never fixed silently, always reported with its line. */
export const planWarningSchema = z.object({
  /** One of `planWarningDescriptions` (src/domain/messages/plan.ts). */
  code: z.enum(Object.keys(planWarningDescriptions) as [PlanWarningCode, ...PlanWarningCode[]]),
  /** 1-based line in the source text, 0 when not tied to a line. */
  line: z.number().int().nonnegative(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())])),
});
export type PlanWarning = z.infer<typeof planWarningSchema>;

export const planReadingSchema = z.object({
  plan: planSchema,
  warnings: z.array(planWarningSchema),
});
export type PlanReading = z.infer<typeof planReadingSchema>;

export function allFiches(plan: Plan): Fiche[] {
  return plan.axes.flatMap((axis) => axis.fiches);
}
