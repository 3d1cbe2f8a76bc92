import { quarterLabel, type Quarter } from '../../../domain/periods';
import { axisField, axisFields, type AxisField, type TrackingField } from '../../../domain/axis-fields';
import type { CellKind, ListName } from '../../../domain/tracking';

/**
 * THE column definition of an axis sheet (docs/WORKBOOK.md, « Columns »). The writer, the reader, the validator,
 * the extract and the merge all take their columns from here; no other list of headers exists.
 */

/** A column's id: the tracking field it holds (named in src/domain), or one of the quarter columns. */
export type ColumnId = TrackingField | 'quarter';

/**
 * What a cell of the column holds, which decides its number format, its validation and how it is read: its field's
 * kind (src/domain/axis-fields.ts), or `quarterValue` (a number on Quantitatif rows, a scale value on Qualitatif
 * rows).
 */
export type ColumnKind = CellKind;

/** Lists kept in `Paramètres` (locked), referenced by list validations: the list fields' lists. */
export type ListId = ListName;

export interface AxisColumn {
  id: ColumnId;
  header: string;
  kind: ColumnKind;
  /** Width in Excel character units. */
  width: number;
  /** Row types that use the column; other rows get a greyed, locked cell. */
  usedByFiche: boolean;
  usedByCriterion: boolean;
  /** Whether a user types into it (unlocked where used). Plan-given and formula columns are locked. */
  input: boolean;
  list?: ListId;
  /** For quarter columns only. */
  quarter?: Quarter;
  /**
   * The workbook format version that added the column (absent: there from version 1). A workbook written in an
   * older format lacks it without error and gains it on its first rewrite (see axis-columns-by-format.ts).
   */
  since?: number;
}

/** How a field's column looks: the layout's half of the field table (the domain's half: src/domain/axis-fields.ts). */
interface FieldColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** The format version that added the column (see `AxisColumn.since`). */
  since?: number;
}

/** THE columns of the fields, by field id; their order and place are the field table's. */
const fieldColumns: Record<TrackingField, FieldColumn> = {
  key: { header: 'Clé', width: 11 },
  type: { header: 'Type', width: 12 },
  title: { header: 'Intitulé', width: 50 },
  interest: { header: 'Intérêt', width: 12 },
  carriers: { header: 'Porteur(s)', width: 20 },
  partners: { header: 'Partenaires', width: 24 },
  territories: { header: 'Territoire(s)', width: 24 },
  fields: { header: "Champ(s) d'intervention", width: 28 },
  publics: { header: 'Public(s)', width: 18 },
  budget: { header: 'Budget', width: 16 },
  status: { header: 'Statut', width: 15 },
  // Left unlocked so that an officer can give the quarter the action really stopped in.
  abandonedIn: { header: 'Abandonnée en', width: 12, since: 2 },
  progress: { header: 'Avancement (%)', width: 13 },
  implementation: { header: 'Mise en œuvre', width: 36 },
  difficulties: { header: 'Difficultés', width: 30 },
  updatedOn: { header: 'Dernière mise à jour', width: 14 },
  updatedBy: { header: 'Mis à jour par (structure)', width: 22 },
  unit: { header: 'Unité', width: 12 },
  frequency: { header: 'Fréquence', width: 14 },
  baseline: { header: 'Référence', width: 11 },
  target: { header: 'Cible', width: 11 },
  aggregation: { header: "Règle d'agrégation", width: 14 },
  fillCumulative: { header: 'Renseignement cumulé', width: 14 },
  achievement: { header: 'Réalisation', width: 12 },
  comment: { header: 'Commentaire', width: 36 },
};

/** A field's column: its header and width here, what it holds (kind, list) and who fills it from the field table. */
function fieldColumn(field: AxisField): AxisColumn {
  const { header, width, since } = fieldColumns[field.id];
  return {
    id: field.id,
    header,
    kind: field.kind,
    width,
    usedByFiche: field.fiche,
    usedByCriterion: field.criterion,
    // People type into what they enter; plan-given and formula columns are locked.
    input: field.source === 'entered',
    ...(field.kind === 'list' ? { list: field.list } : {}),
    ...(since ? { since } : {}),
  };
}

/** Columns before the quarters. */
const leadingColumns: AxisColumn[] = axisFields.filter((field) => field.place === 'beforeQuarters').map(fieldColumn);

/** Columns after the quarters. */
const trailingColumns: AxisColumn[] = axisFields.filter((field) => field.place === 'afterQuarters').map(fieldColumn);

function quarterColumn(quarter: Quarter): AxisColumn {
  return {
    id: 'quarter',
    header: quarterLabel(quarter),
    kind: 'quarterValue',
    width: 11,
    usedByFiche: false,
    usedByCriterion: true,
    input: true,
    quarter,
  };
}

/** The columns of every axis sheet of a convention whose quarters are given, in sheet order. */
export function axisColumns(quarters: readonly Quarter[]): AxisColumn[] {
  return [...leadingColumns, ...quarters.map(quarterColumn), ...trailingColumns];
}

/** The header text the readers look for to find the header row (never found by position). */
export const KEY_HEADER = fieldColumns.key.header;

/** Fixed columns whose header does not depend on the convention, by id (quarter columns excluded). */
export const fixedColumns: readonly AxisColumn[] = [...leadingColumns, ...trailingColumns];

/** The header of a field's column. */
export function fieldHeader(id: TrackingField): string {
  return fieldColumns[id].header;
}

/** The field whose column has this header (as the tools write it), if any. */
export function fieldOfHeader(header: string): TrackingField | undefined {
  return axisFields.find((field) => fieldColumns[field.id].header === header)?.id;
}

/**
 * Whether a consolidation reads the column headed so (`consolidated` in the field table; every quarter column): a
 * workbook without it is left out, one without another column is counted (docs/WORKBOOK.md, « Consolidation »).
 * A header the layout does not know is read, to be safe.
 */
export function consolidationReadsColumn(header: string): boolean {
  const field = fieldOfHeader(header);
  return field === undefined || axisField(field).consolidated === true;
}
