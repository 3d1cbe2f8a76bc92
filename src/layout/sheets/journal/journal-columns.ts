import type { JournalOperation, JournalRecord, JournalValueType } from '../../../domain/journal';

/**
 * THE column definition of the `Journal` sheet: every change made by the add-in or the command line is one row
 * (docs/WORKBOOK.md, « Journal »). The first six columns are the readable ones (format 1 had only these); the
 * others keep what a replay needs, so that a line reads back as exactly the record written. Writers append rows
 * in this order; readers find the columns by their header.
 */

export type JournalColumnId =
  | 'date'
  | 'source'
  | 'key'
  | 'column'
  | 'oldValue'
  | 'newValue'
  | 'operation'
  | 'field'
  | 'oldType'
  | 'newType'
  | 'file'
  | 'partner';

export interface JournalColumn {
  id: JournalColumnId;
  header: string;
  width: number;
}

export const journalColumns: readonly JournalColumn[] = [
  { id: 'date', header: 'Date', width: 22 },
  { id: 'source', header: 'Source', width: 24 },
  { id: 'key', header: 'Clé', width: 12 },
  { id: 'column', header: 'Colonne', width: 24 },
  { id: 'oldValue', header: 'Ancienne valeur', width: 36 },
  { id: 'newValue', header: 'Nouvelle valeur', width: 36 },
  { id: 'operation', header: 'Opération (code)', width: 18 },
  { id: 'field', header: 'Champ (id)', width: 18 },
  { id: 'oldType', header: 'Type ancienne valeur', width: 12 },
  { id: 'newType', header: 'Type nouvelle valeur', width: 12 },
  { id: 'file', header: 'Fichier', width: 24 },
  { id: 'partner', header: 'Partenaire', width: 24 },
];

/** The readable columns, the whole of a format 1 Journal: a line is told apart from another by these. */
export const JOURNAL_READABLE_COLUMNS = 6;

export const JOURNAL_HEADER_ROW = 1;
export const JOURNAL_FIRST_ROW = 2;

/** One line of the Journal (the domain's record). */
export type JournalEntry = JournalRecord;

/** The codes written in « Opération (code) »: stable, whatever the wording of « Source » becomes. */
export const operationCodes: Record<Exclude<JournalOperation, 'unknown'>, string> = {
  generation: 'génération',
  regeneration: 'régénération',
  'quarter-choice': 'choix-trimestre',
  'quarter-closing': 'clôture-trimestre',
  'format-update': 'mise-à-jour-format',
  'row-order': 'remise-en-ordre',
  'text-restored': 'texte-rétabli',
  'copy-updated': 'texte-repris',
  'formula-check': 'formule-à-vérifier',
  compute: 'calcul',
  merge: 'fusion',
  undo: 'annulation',
  erasure: 'effacement',
};

/** The words written in the type columns. */
export const valueTypeCodes: Record<JournalValueType, string> = {
  empty: 'vide',
  text: 'texte',
  number: 'nombre',
  date: 'date',
  boolean: 'booléen',
};
