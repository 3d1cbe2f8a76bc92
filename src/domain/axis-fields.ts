import type { Quarter } from './periods';
import type { Criterion, Fiche } from './plan';
import type { ListName } from './tracking';
import type { AggregationRule, FicheStatus, Frequency, QualitativeLevel } from './vocabulary';

/**
 * THE fields of an axis row (docs/WORKBOOK.md, « Columns »), in sheet order: what each holds, which row types use
 * it, and where its value comes from. The layout gives each its column (src/layout/sheets/axis/axis-columns.ts,
 * keyed by these ids); reading, regeneration, closing and validation take their fields from here.
 */

/**
 * What a field holds: it decides the column's number format and validation (the layout), how a cell is read
 * (`fieldReaders`, field-values.ts) and how a wrong value is reported (validation/cell-types.ts).
 */
export type FieldKind =
  | 'text' // free text from a plan or a person: number format `@`
  | 'integer0to100' // Avancement (%): a whole number 0–100, not a % format
  | 'number' // Référence, Cible
  | 'date' // Dernière mise à jour
  | 'list' // a value of one of the Paramètres lists (the field's `list`)
  | 'quarterLabel' // a quarter of the convention, text `AAAA-Tn`
  | 'rate'; // a formula giving a fraction in [0, 1], shown as a percentage

/**
 * Where a field's value comes from: the plan (written at generation, rewritten from an amended plan), a person
 * (entered, carried over by every rewrite), or the tools' formulas.
 */
export type FieldSource = 'plan' | 'entered' | 'formula';

interface FieldShapeBase {
  /** Row types that use the field; other rows leave it empty. */
  fiche: boolean;
  criterion: boolean;
  source: FieldSource;
  /** Kept in `Historique` when a quarter is closed (what the quarter looked like). */
  keptAtClosing?: true;
  /**
   * What a partner reports on a row they carry (docs/WORKBOOK.md, « Extracts »): open in their extract and taken
   * by a merge. The other entered fields (Partenaires, the criteria's definitions) are the officer's. A criterion's
   * quarter values are reported too.
   */
  reported?: true;
  /**
   * Read by a consolidation (docs/WORKBOOK.md, « Consolidation »): its figures (counts, rates, statuses, champs and
   * publics), the rows' reading (key, type), or what picks one of two copies of a territory (« Dernière mise à jour »,
   * the plan's titles). A workbook without such a column is left out of it; one without another is counted, the
   * territory asked to put the column back. (The copies' digest reads every entered field, but to say where two
   * copies differ, not to pick one: a missing column reads as an empty one.) Every quarter column is read too.
   */
  consolidated?: true;
}

/** A list field names its Paramètres list; no other kind has one. */
export type AxisFieldShape =
  | (FieldShapeBase & { kind: 'list'; list: ListName })
  | (FieldShapeBase & { kind: Exclude<FieldKind, 'list'>; list?: never });

const both = { fiche: true, criterion: true } as const;
const ficheOnly = { fiche: true, criterion: false } as const;
const criterionOnly = { fiche: false, criterion: true } as const;
const closing = { keptAtClosing: true } as const;
const reported = { reported: true } as const;
const consolidated = { consolidated: true } as const;

/** Before the quarter columns. */
const leading = {
  key: { kind: 'text', ...both, source: 'plan', ...consolidated },
  type: { kind: 'text', ...both, source: 'plan', ...consolidated },
  title: { kind: 'text', ...both, source: 'plan', ...consolidated },
  interest: { kind: 'text', ...ficheOnly, source: 'plan' },
  carriers: { kind: 'text', ...ficheOnly, source: 'plan' },
  partners: { kind: 'text', ...ficheOnly, source: 'entered' },
  territories: { kind: 'text', ...ficheOnly, source: 'plan' },
  fields: { kind: 'text', ...ficheOnly, source: 'plan', ...consolidated },
  publics: { kind: 'text', ...ficheOnly, source: 'plan', ...consolidated },
  budget: { kind: 'text', ...ficheOnly, source: 'plan' },
  status: { kind: 'list', list: 'statuses', ...ficheOnly, source: 'entered', ...closing, ...reported, ...consolidated },
  // Set by compute and close-quarter when the Statut is first seen « Abandonnée », and entered: an officer may
  // give the quarter the action really stopped in (docs/WORKBOOK.md, « Abandoned fiches »).
  abandonedIn: { kind: 'quarterLabel', ...ficheOnly, source: 'entered', ...consolidated },
  progress: { kind: 'integer0to100', ...ficheOnly, source: 'entered', ...closing, ...reported },
  implementation: { kind: 'text', ...ficheOnly, source: 'entered', ...closing, ...reported },
  difficulties: { kind: 'text', ...ficheOnly, source: 'entered', ...closing, ...reported, ...consolidated },
  updatedOn: { kind: 'date', ...ficheOnly, source: 'entered', ...reported, ...consolidated },
  updatedBy: { kind: 'text', ...ficheOnly, source: 'entered', ...reported },
  unit: { kind: 'text', ...criterionOnly, source: 'entered' },
  frequency: { kind: 'list', list: 'frequencies', ...criterionOnly, source: 'entered', ...consolidated },
  baseline: { kind: 'number', ...criterionOnly, source: 'entered', ...consolidated },
  target: { kind: 'number', ...criterionOnly, source: 'entered', ...consolidated },
  aggregation: { kind: 'list', list: 'aggregationRules', ...criterionOnly, source: 'entered' },
} as const satisfies Record<string, AxisFieldShape>;

/** After the quarter columns. */
const trailing = {
  fillCumulative: { kind: 'rate', ...both, source: 'formula' },
  achievement: { kind: 'rate', ...both, source: 'formula' },
  comment: { kind: 'text', ...criterionOnly, source: 'entered', ...closing, ...reported },
} as const satisfies Record<string, AxisFieldShape>;

/** Every field of an axis row but the quarter values (one per quarter of the convention). */
export type TrackingField = keyof typeof leading | keyof typeof trailing;

export type AxisField = AxisFieldShape & {
  id: TrackingField;
  /** Whether its column comes before the quarter columns or after them. */
  place: 'beforeQuarters' | 'afterQuarters';
};

const listed = (fields: Record<string, AxisFieldShape>, place: AxisField['place']): AxisField[] =>
  Object.entries(fields).map(([id, shape]) => ({ id: id as TrackingField, place, ...shape }));

/** The fields in sheet order. */
export const axisFields: readonly AxisField[] = [
  ...listed(leading, 'beforeQuarters'),
  ...listed(trailing, 'afterQuarters'),
];

type FieldsWhere<Condition> =
  | {
      [Id in keyof typeof leading]: (typeof leading)[Id] extends Condition ? Id : never;
    }[keyof typeof leading]
  | { [Id in keyof typeof trailing]: (typeof trailing)[Id] extends Condition ? Id : never }[keyof typeof trailing];

/** The fields a fiche row holds beyond its key and type, from the plan or a person. */
export type FicheField = Exclude<FieldsWhere<{ fiche: true; source: 'plan' | 'entered' }>, 'key' | 'type'>;
/** The same for a criterion row (its title is the criterion's text). */
export type CriterionField = Exclude<FieldsWhere<{ criterion: true; source: 'plan' | 'entered' }>, 'key' | 'type'>;

/** A field's entry in the table. */
export function axisField(id: TrackingField): AxisField {
  return axisFields.find((field) => field.id === id)!;
}

/** The fields of a row type (fiche or criterion) that `include` selects, in sheet order. */
export function fieldsOfRow(
  row: 'fiche' | 'criterion',
  include: (field: AxisField) => boolean = () => true,
): TrackingField[] {
  return axisFields.filter((field) => field[row] && include(field)).map((field) => field.id);
}

/**
 * Whether a row type's reading holds the field as a value: what the plan or a person gives, beyond the key and
 * type every row has (formula fields are the tools' own and are not read back). `FicheField` and `CriterionField`
 * say the same to the compiler.
 */
export function isValueField(field: AxisField): boolean {
  return field.source !== 'formula' && field.id !== 'key' && field.id !== 'type';
}

type FieldTable = typeof leading & typeof trailing;

/** What the reader makes of a cell of each kind: null when it is empty or holds no value of the kind. */
interface ValueOfKind {
  text: string;
  integer0to100: number | null;
  number: number | null;
  /** ISO date. */
  date: string | null;
  quarterLabel: Quarter | null;
  rate: number | null;
}

/** A list field's value is one of its list's, in the list's own spelling. */
interface ValueOfList {
  statuses: FicheStatus;
  qualitativeScale: QualitativeLevel;
  frequencies: Frequency;
  aggregationRules: AggregationRule;
}

type ValueOfShape<Shape> = Shape extends { kind: 'list'; list: infer List extends ListName }
  ? ValueOfList[List] | null
  : // Indexed by every kind but list: a kind without its value type here does not compile.
    Shape extends { kind: infer Kind extends Exclude<FieldKind, 'list'> }
    ? ValueOfKind[Kind]
    : never;

/** The value a field is read as, by its kind (and list). */
export type FieldValue<Id extends TrackingField> = ValueOfShape<FieldTable[Id]>;

/** A fiche row's values, one per fiche field of the table. */
export type FicheValues = { [Id in FicheField]: FieldValue<Id> };
/** A criterion row's values, one per criterion field of the table. */
export type CriterionValues = { [Id in CriterionField]: FieldValue<Id> };

/** How the sheet shows a plan field of a fiche, and what it reads back from the cell's text into the fiche. */
interface PlanText<Row> {
  show: (row: Row) => string;
  read: (text: string) => Partial<Row>;
}

type FicheTextProperty = 'title' | 'interest' | 'budget';
type FicheListProperty = 'carriers' | 'territories' | 'fields' | 'publics';

/** `CCMP; Mairie (s)` → `['CCMP', 'Mairie (s)']`: a list cell's names are separated by `;`. */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The names of a `Champ(s) d'intervention` or `Public(s)` cell: separated by `;`, or by a line break (a person's
 * Alt+Entrée in Excel, `\n`; `\r\n` or `\r` from elsewhere), each one champ or public of the convention's
 * vocabulary. (A Porteur(s) cell is `splitList`'s only: the Annexe 4 formulas match its `;`-separated entries.)
 */
export function splitNames(text: string): string[] {
  return text.split(/\r\n?|\n/).flatMap(splitList);
}

const asText = (property: FicheTextProperty): PlanText<Fiche> => ({
  show: (fiche) => fiche[property],
  read: (text) => ({ [property]: text }),
});
const asList = (property: FicheListProperty, split = splitList): PlanText<Fiche> => ({
  show: (fiche) => fiche[property].join(' ; '),
  read: (text) => ({ [property]: split(text) }),
});

/** The fiche fields that come from the plan (beyond key and type): how the sheet shows each and reads it back. */
export const ficheFromPlan = {
  title: asText('title'),
  interest: asText('interest'),
  carriers: asList('carriers'),
  territories: asList('territories'),
  fields: asList('fields', splitNames),
  publics: asList('publics', splitNames),
  budget: asText('budget'),
} as const satisfies Record<Exclude<FieldsWhere<{ fiche: true; source: 'plan' }>, 'key' | 'type'>, PlanText<Fiche>>;

/** What a fiche row's plan fields say of the fiche (the plan as the sheet holds it). */
export function ficheOfPlanTexts(values: FicheValues): Partial<Fiche> {
  return Object.assign(
    {},
    ...Object.entries(ficheFromPlan).map(([id, text]) => text.read(values[id as keyof typeof ficheFromPlan])),
  ) as Partial<Fiche>;
}

/** The criterion fields that come from the plan (beyond key and type): its text is the row's Intitulé. */
export const criterionFromPlan = {
  title: (criterion: Criterion) => criterion.text,
} as const satisfies Record<
  Exclude<FieldsWhere<{ criterion: true; source: 'plan' }>, 'key' | 'type'>,
  (criterion: Criterion) => string
>;

/** The plan fields of a criterion as the sheet shows them, in sheet order. */
export function criterionTextsOfPlan(criterion: Criterion): [TrackingField, string][] {
  return fieldsOfRow('criterion', (field) => field.id in criterionFromPlan).map((id) => [
    id,
    criterionFromPlan[id as keyof typeof criterionFromPlan](criterion),
  ]);
}

/** The plan fields of a fiche as the sheet shows them, in sheet order. */
export function ficheTextsOfPlan(fiche: Fiche): [TrackingField, string][] {
  return fieldsOfRow('fiche', (field) => field.id in ficheFromPlan).map((id) => [
    id,
    ficheFromPlan[id as keyof typeof ficheFromPlan].show(fiche),
  ]);
}
