import { quarterLabel, type Quarter } from '../../../domain/periods';
import type { TrackingField } from '../../../domain/tracking';

/**
 * THE column definition of an axis sheet (docs/WORKBOOK.md, « Columns »). The writer, the reader, the validator,
 * the extract and the merge all take their columns from here; no other list of headers exists.
 */

/** A column's id: the tracking field it holds (named in src/domain), or one of the quarter columns. */
export type ColumnId = TrackingField | 'quarter';

/** What a cell of the column holds, which decides its number format, its validation and how it is read. */
export type ColumnKind =
  | 'text' // free text from a plan or a person: number format `@`
  | 'integer0to100' // Avancement (%): a whole number 0–100, not a % format
  | 'number' // Référence, Cible
  | 'date' // Dernière mise à jour
  | 'list' // a value of one of the Paramètres lists
  | 'quarterLabel' // a quarter of the convention, text `AAAA-Tn`
  | 'quarterValue' // a number on Quantitatif rows, a scale value on Qualitatif rows
  | 'rate'; // a formula giving a fraction in [0, 1], shown as a percentage

/** Lists kept in `Paramètres` (locked), referenced by list validations. */
export type ListId = 'statuses' | 'qualitativeScale' | 'frequencies' | 'aggregationRules';

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

type ColumnShape = Omit<AxisColumn, 'id' | 'header' | 'quarter'>;

const ficheOnly = { usedByFiche: true, usedByCriterion: false } as const;
const criterionOnly = { usedByFiche: false, usedByCriterion: true } as const;
const both = { usedByFiche: true, usedByCriterion: true } as const;

function column(id: ColumnId, header: string, shape: ColumnShape): AxisColumn {
  return { id, header, ...shape };
}

/** Columns before the quarters. */
const leadingColumns: AxisColumn[] = [
  column('key', 'Clé', { kind: 'text', width: 11, ...both, input: false }),
  column('type', 'Type', { kind: 'text', width: 12, ...both, input: false }),
  column('title', 'Intitulé', { kind: 'text', width: 50, ...both, input: false }),
  column('interest', 'Intérêt', { kind: 'text', width: 12, ...ficheOnly, input: false }),
  column('carriers', 'Porteur(s)', { kind: 'text', width: 20, ...ficheOnly, input: false }),
  column('partners', 'Partenaires', { kind: 'text', width: 24, ...ficheOnly, input: true }),
  column('territories', 'Territoire(s)', { kind: 'text', width: 24, ...ficheOnly, input: false }),
  column('fields', "Champ(s) d'intervention", { kind: 'text', width: 28, ...ficheOnly, input: false }),
  column('publics', 'Public(s)', { kind: 'text', width: 18, ...ficheOnly, input: false }),
  column('budget', 'Budget', { kind: 'text', width: 16, ...ficheOnly, input: false }),
  column('status', 'Statut', { kind: 'list', list: 'statuses', width: 15, ...ficheOnly, input: true }),
  // Set by compute and close-quarter when the Statut is first seen « Abandonnée », cleared when it no longer is;
  // left unlocked so that an officer can give the quarter the action really stopped in (docs/WORKBOOK.md, « Abandoned fiches »).
  column('abandonedIn', 'Abandonnée en', { kind: 'quarterLabel', width: 12, ...ficheOnly, input: true, since: 2 }),
  column('progress', 'Avancement (%)', { kind: 'integer0to100', width: 13, ...ficheOnly, input: true }),
  column('implementation', 'Mise en œuvre', { kind: 'text', width: 36, ...ficheOnly, input: true }),
  column('difficulties', 'Difficultés', { kind: 'text', width: 30, ...ficheOnly, input: true }),
  column('updatedOn', 'Dernière mise à jour', { kind: 'date', width: 14, ...ficheOnly, input: true }),
  column('updatedBy', 'Mis à jour par (structure)', { kind: 'text', width: 22, ...ficheOnly, input: true }),
  column('unit', 'Unité', { kind: 'text', width: 12, ...criterionOnly, input: true }),
  column('frequency', 'Fréquence', { kind: 'list', list: 'frequencies', width: 14, ...criterionOnly, input: true }),
  column('baseline', 'Référence', { kind: 'number', width: 11, ...criterionOnly, input: true }),
  column('target', 'Cible', { kind: 'number', width: 11, ...criterionOnly, input: true }),
  column('aggregation', "Règle d'agrégation", {
    kind: 'list',
    list: 'aggregationRules',
    width: 14,
    ...criterionOnly,
    input: true,
  }),
];

/** Columns after the quarters. */
const trailingColumns: AxisColumn[] = [
  column('fillCumulative', 'Renseignement cumulé', { kind: 'rate', width: 14, ...both, input: false }),
  column('achievement', 'Réalisation', { kind: 'rate', width: 12, ...both, input: false }),
  column('comment', 'Commentaire', { kind: 'text', width: 36, ...criterionOnly, input: true }),
];

function quarterColumn(quarter: Quarter): AxisColumn {
  return {
    id: 'quarter',
    header: quarterLabel(quarter),
    kind: 'quarterValue',
    width: 11,
    ...criterionOnly,
    input: true,
    quarter,
  };
}

/** The columns of every axis sheet of a convention whose quarters are given, in sheet order. */
export function axisColumns(quarters: readonly Quarter[]): AxisColumn[] {
  return [...leadingColumns, ...quarters.map(quarterColumn), ...trailingColumns];
}

/** The header text the readers look for to find the header row (never found by position). */
export const KEY_HEADER = 'Clé';

/** Fixed columns whose header does not depend on the convention, by id (quarter columns excluded). */
export const fixedColumns: readonly AxisColumn[] = [...leadingColumns, ...trailingColumns];
