import { agree, countOf } from './messages/plural';
import { frenchDayAndTime } from './messages/paris-time';
import { ERASED_PERSONAL_DATA } from './personal-data-erasure';

/**
 * A Journal record: one change made by the add-in or the command line, typed so that it can be replayed (issue 7's
 * undo replays a merge backwards). Its values keep their type (12 is not "12", a date stays a date); every kind of
 * change has its one constructor below, which also gives the readable French words the Journal sheet shows
 * (docs/WORKBOOK.md, « Journal »).
 */

/** A value before or after a change, with its type. A date is the cell's serial number (its fraction kept). */
export type JournalValue =
  | { type: 'empty'; value: null }
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  | { type: 'date'; value: number }
  | { type: 'boolean'; value: boolean };

export type JournalValueType = JournalValue['type'];

/** What made the change. `unknown`: a line read back whose operation could not be told (see the reader). */
export type JournalOperation =
  | 'generation'
  | 'regeneration'
  | 'quarter-choice'
  | 'quarter-closing'
  | 'format-update'
  | 'row-order'
  | 'text-restored'
  | 'copy-updated'
  | 'formula-check'
  | 'compute'
  | 'merge'
  | 'undo'
  | 'erasure'
  | 'unknown';

export interface JournalRecord {
  /** ISO 8601 UTC instant, to the second. */
  at: string;
  operation: JournalOperation;
  /** The readable name of what made the change (the sheet's « Source »), kept as read. */
  source: string;
  /** The file the change came from (a partner's extract in a merge), or null. */
  file: string | null;
  partner: string | null;
  /** The row key (a commune's name in `Compétences AO`), or null for a workbook-wide line. */
  rowKey: string | null;
  /**
   * The field's id (an axis field `status`, a quarter `2026-T3`, an AO field `population`, a settings field
   * `currentQuarter`, a Historique value `history:2026-T1:status`), or null for a whole row or the workbook.
   */
  field: string | null;
  /** What changed, in words (the sheet's « Colonne »). */
  label: string;
  before: JournalValue;
  after: JournalValue;
}

/** A cell in words: `Paramètres, cellule C9`. */
const sheetCell = (sheet: string, cell: string) => `${sheet}, cellule ${cell}`;

/** A reference as typed in a person's formula, quoted, with the row key and column of the cell it named when known. */
const namedReference = (reference: string, key: string, header: string) =>
  `« ${reference} »${key ? ` (ligne ${key}, colonne « ${header} »)` : ''}`;

/**
 * What a rewrite could not follow in a person's formula (src/app/kept-formulas.ts): the references to cells it no
 * longer has (each with the row key and column of the cell it named, or empty), and the ranges whose cells no longer
 * lie together.
 */
export interface FormulaCheck {
  gone: readonly { reference: string; key: string; header: string }[];
  scattered: readonly string[];
}

/** The readable words of the Journal's lines. */
export const journalWords = {
  sources: {
    generation: 'Génération',
    regeneration: 'Régénération depuis le plan',
    'quarter-choice': 'Choix du trimestre',
    'quarter-closing': 'Clôture du trimestre',
    'format-update': 'Mise à jour du format',
    'row-order': 'Remise en ordre des lignes',
    'text-restored': 'Texte de l’outil rétabli',
    'copy-updated': 'Texte repris des feuilles d’axe',
    'formula-check': 'Formule saisie à vérifier',
    compute: 'Calcul des taux',
    merge: 'Fusion',
    undo: 'Annulation',
    erasure: 'Effacement de données personnelles',
    unknown: '',
  } satisfies Record<JournalOperation, string>,
  generated: 'Classeur généré',
  currentQuarter: 'Trimestre en cours',
  historyReplaced: (quarter: string, field: string) => `Historique ${quarter} – ${field}`,
  rowAdded: 'Ligne ajoutée au plan',
  rowRemoved: 'Ligne retirée du plan',
  rowArchived: 'Ligne retirée du plan (valeurs gardées dans « Archives »)',
  keyColumn: 'Clé',
  period: 'Période de la convention',
  axisTitle: 'Titre de l’axe',
  /**
   * A kept criterion's Unité, Référence or Cible the plan gives otherwise than its row's cell: the cell's value then
   * the plan's, which was not taken (the plan may be unchanged, the cell typed over: no change of the plan is said).
   */
  planFigure: (header: string) => `${header}\u00a0: cellule gardée, valeur du plan non reprise`,
  axis: 'Axe',
  /** Criteria of a fiche worded alike whose number changed: before, how many; after, how many and what to check. */
  alikeCriteria: 'Critères de même libellé',
  alikeCriteriaBefore: (text: string, count: number) => `${countOf(count, 'critère', 'critères')} « ${text} »`,
  alikeCriteriaAfter: (text: string, count: number, keys: readonly string[]) =>
    `${countOf(count, 'critère', 'critères')} « ${text} » : valeurs saisies gardées dans l’ordre des lignes, ` +
    `${agree(keys.length, 'ligne', 'lignes')} à vérifier (${keys.join(', ')})`,
  quarterArchived: 'Valeur gardée dans « Archives » (trimestre hors de la période)',
  /** A `Compétences AO` row gone with its commune: the values entered in it follow, one Journal line each. */
  aoRowRemovedWithValues: 'Ligne retirée du plan (valeurs saisies notées dans les lignes suivantes du Journal)',
  aoSheet: 'Compétences AO',
  aoName: 'Nom',
  formatUpdate: (from: number, to: number) => `format ${from} → ${to}`,
  rowsReordered: 'Lignes remises dans l’ordre du plan',
  /** What an axis sheet's rows were before they were put back in order: criteria not under their fiche, or fiches moved. */
  rowsOutOfOrder: (misplaced: number) =>
    misplaced > 1
      ? `${misplaced} critères n’étaient plus sous leur fiche`
      : misplaced === 1
        ? '1 critère n’était plus sous sa fiche'
        : 'Fiches dans un autre ordre que le plan',
  /** Where a text of the tools was typed over, or a person's formula is to check. */
  sheetCell,
  namedReference,
  /** A person's formula with references a rewrite could not follow: where, and what to correct or check. */
  formulaChecked: (sheet: string, cell: string, check: FormulaCheck) => {
    const gone = check.gone.length;
    const scattered = check.scattered.length;
    const parts = [
      ...(gone > 0
        ? [
            `à corriger, ${check.gone.map((one) => namedReference(one.reference, one.key, one.header)).join(', ')} ` +
              `${agree(gone, 'n’existe plus et devient', 'n’existent plus et deviennent')} #REF!`,
          ]
        : []),
      ...(scattered > 0
        ? [
            `à vérifier, ${agree(scattered, 'la plage', 'les plages')} ` +
              `${check.scattered.map((range) => `« ${range} »`).join(', ')} ` +
              agree(
                scattered,
                'n’a plus ses cellules côte à côte et reste telle quelle',
                'n’ont plus leurs cellules côte à côte et restent telles quelles',
              ),
          ]
        : []),
    ];
    return `${sheetCell(sheet, cell)} : ${parts.join(' ; ')}`;
  },
  mergedFile: 'Fichier fusionné',
  /** A file's values taken that changed a cell, and those that confirmed the cell's value (both contributions). */
  mergedCount: (taken: number, confirmed: number) =>
    `${taken} ${taken > 1 ? 'valeurs reprises' : 'valeur reprise'}` +
    (confirmed > 0 ? `, ${confirmed} ${confirmed > 1 ? 'confirmées' : 'confirmée'}` : ''),
  undoneMerge: 'Fusion annulée',
  undoneMergeOf: (at: string) => `Fusion du ${frenchDayAndTime(at)} annulée`,
  /** A record sheet's values that held personal data gone from the tracking; `kinds` in words. */
  personalDataGone: (count: number, kinds: string) =>
    `${count} ${count > 1 ? 'valeurs contenaient' : 'valeur contenait'} une donnée personnelle qui n’est plus dans ` +
    `le suivi (${kinds})`,
  personalDataReplaced: `Remplacée par « ${ERASED_PERSONAL_DATA} »`,
} as const;

export const emptyValue: JournalValue = { type: 'empty', value: null };

/** A text value; the empty text is the empty value. */
export const textValue = (text: string): JournalValue => (text === '' ? emptyValue : { type: 'text', value: text });

/**
 * A cell's value as the Journal keeps it: a date (by its format) stays a date, a number a number (-0 is 0, and a
 * number that is not finite is kept as its text), a text a text, a boolean a boolean; null and '' are empty.
 */
export function cellJournalValue(value: string | number | boolean | null, isDate = false): JournalValue {
  if (value === null) return emptyValue;
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string') return textValue(value);
  if (!Number.isFinite(value)) return textValue(String(value));
  const number = value === 0 ? 0 : value;
  return isDate ? { type: 'date', value: number } : { type: 'number', value: number };
}

interface Line {
  at: string;
  operation: JournalOperation;
  rowKey?: string | null;
  field?: string | null;
  label?: string;
  before?: JournalValue;
  after?: JournalValue;
  /** A merge's or an undo's: the returned file and its partner. */
  file?: string | null;
  partner?: string | null;
}

function record(line: Line): JournalRecord {
  return {
    at: line.at,
    operation: line.operation,
    source: journalWords.sources[line.operation],
    file: line.file ?? null,
    partner: line.partner ?? null,
    rowKey: line.rowKey ?? null,
    field: line.field ?? null,
    label: line.label ?? '',
    before: line.before ?? emptyValue,
    after: line.after ?? emptyValue,
  };
}

/** The first line of a new workbook. */
export const workbookGenerated = (at: string): JournalRecord =>
  record({ at, operation: 'generation', after: textValue(journalWords.generated) });

/**
 * The current quarter chosen: what Paramètres held (as typed, even broken: a formula as its text, a date as a date)
 * → the quarter chosen.
 */
export const quarterChosen = (at: string, before: JournalValue, to: string): JournalRecord =>
  record({
    at,
    operation: 'quarter-choice',
    field: 'currentQuarter',
    label: journalWords.currentQuarter,
    before,
    after: textValue(to),
  });

/** A quarter closed: the current quarter moves on. */
export const quarterClosed = (at: string, closed: string, next: string): JournalRecord =>
  record({
    at,
    operation: 'quarter-closing',
    field: 'currentQuarter',
    label: journalWords.currentQuarter,
    before: textValue(closed),
    after: textValue(next),
  });

/**
 * Whether a Journal line is the closing of `quarter` (`quarterClosed`'s; a format 1 line, read back without its field
 * id, is told by its words): a closing that copied nothing into Historique is known by this line alone.
 */
export const isClosingOf = (record: JournalRecord, quarter: string): boolean => closedQuarterOf(record) === quarter;

/** The quarter a Journal line closed, if it is a closing's line (`quarterClosed`'s); null otherwise. */
export const closedQuarterOf = (record: JournalRecord): string | null =>
  record.operation === 'quarter-closing' &&
  record.label === journalWords.currentQuarter &&
  record.before.type === 'text' &&
  typeof record.before.value === 'string'
    ? record.before.value
    : null;

/** A quarter closed again: a value of its earlier Historique snapshot replaced, gone, or added since (empty before). */
export const historyValueReplaced = (
  at: string,
  change: { key: string; quarter: string; field: string; header: string; before: JournalValue; after: JournalValue },
): JournalRecord =>
  record({
    at,
    operation: 'quarter-closing',
    rowKey: change.key,
    field: `history:${change.quarter}:${change.field}`,
    label: journalWords.historyReplaced(change.quarter, change.header),
    before: change.before,
    after: change.after,
  });

/** Regeneration: a row of the plan gone (its title before), its values archived or not. */
export const planRowRemoved = (at: string, key: string, title: string, archived: boolean): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: key,
    label: journalWords.keyColumn,
    before: textValue(title),
    after: textValue(archived ? journalWords.rowArchived : journalWords.rowRemoved),
  });

/** Whether a Journal line is a regeneration's removal of a row from the plan (`planRowRemoved`). */
export function isPlanRowRemoval(line: JournalRecord): boolean {
  return (
    line.operation === 'regeneration' &&
    line.rowKey !== null &&
    line.field === null &&
    line.label === journalWords.keyColumn &&
    (line.after.value === journalWords.rowRemoved || line.after.value === journalWords.rowArchived)
  );
}

/** Regeneration: a row the amended plan adds. */
export const planRowAdded = (at: string, key: string): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: key,
    label: journalWords.keyColumn,
    after: textValue(journalWords.rowAdded),
  });

/** Regeneration: a fiche kept, with its values, that the amended plan puts in another axis (the sheets' names). */
export const ficheMoved = (at: string, move: { key: string; from: string; to: string }): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: move.key,
    field: 'axis',
    label: journalWords.axis,
    before: textValue(move.from),
    after: textValue(move.to),
  });

/**
 * Regeneration: a wording a fiche's criteria use another number of times than before; the values were kept in the
 * order of the rows so worded, which a person checks (the fiche's key, the rows' keys said).
 */
export const alikeCriteriaCountChanged = (
  at: string,
  change: { fiche: string; text: string; before: number; after: number; keys: readonly string[] },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: change.fiche,
    label: journalWords.alikeCriteria,
    before: textValue(journalWords.alikeCriteriaBefore(change.text, change.before)),
    after: textValue(journalWords.alikeCriteriaAfter(change.text, change.after, change.keys)),
  });

/**
 * Regeneration: an axis's title as its sheet showed it (typed there: the sheets are where the tools read it back)
 * replaced by the plan's; its key the sheet's name, its field `axisTitle`.
 */
export const axisTitleReplaced = (
  at: string,
  change: { sheet: string; before: string; after: string },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: change.sheet,
    field: 'axisTitle',
    label: journalWords.axisTitle,
    before: textValue(change.before),
    after: textValue(change.after),
  });

/**
 * Regeneration: a party of the convention (the EPCI, the Caf) that Paramètres held, typed there, replaced by the
 * plan's; its field id the settings field (`epci`, `caf`), its column the label.
 */
export const partyReplaced = (
  at: string,
  change: { field: string; label: string; before: string; after: string },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    field: change.field,
    label: change.label,
    before: textValue(change.before),
    after: textValue(change.after),
  });

/** Regeneration: the convention's period changed (`01/01/2026 – 31/12/2030`, as the message and the sheets show it). */
export const periodChanged = (at: string, before: string, after: string): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    field: 'period',
    label: journalWords.period,
    before: textValue(before),
    after: textValue(after),
  });

/** Regeneration: the current quarter brought into a changed period. */
export const currentQuarterMoved = (at: string, from: string, to: string): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    field: 'currentQuarter',
    label: journalWords.currentQuarter,
    before: textValue(from),
    after: textValue(to),
  });

/** Regeneration: a value of a quarter the changed period no longer has, kept in Archives. */
export const quarterValueArchived = (at: string, key: string, quarter: string, value: JournalValue): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: key,
    field: quarter,
    label: quarter,
    before: value,
    after: textValue(journalWords.quarterArchived),
  });

/** Whether a Journal line is a regeneration's archiving of a quarter's value, out of a changed period. */
export function isQuarterValueArchival(line: JournalRecord): line is JournalRecord & { rowKey: string; field: string } {
  return (
    line.operation === 'regeneration' &&
    line.rowKey !== null &&
    line.field !== null &&
    line.after.value === journalWords.quarterArchived
  );
}

/** Regeneration: a plan text of a kept row changed. */
export const planTextChanged = (
  at: string,
  change: { key: string; field: string; header: string; before: string; after: string },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: change.key,
    field: change.field,
    label: change.header,
    before: textValue(change.before),
    after: textValue(change.after),
  });

/**
 * Regeneration: the Unité, Référence or Cible the amended plan gives a kept criterion, which its row's cell does not
 * hold. The row keeps its cell (typed or generated: the sheets cannot tell), so the line says the plan's value beside
 * the cell's; its field id, `plan:<field id>`, is no change of the cell's.
 */
export const planFigureKept = (
  at: string,
  change: { key: string; field: string; header: string; cell: JournalValue; plan: JournalValue },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: change.key,
    field: `plan:${change.field}`,
    label: journalWords.planFigure(change.header),
    before: change.cell,
    after: change.plan,
  });

/** Regeneration: a `Compétences AO` row gone with its commune (its entered values follow, one line each). */
export const aoRowRemoved = (at: string, name: string, withValues: boolean): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: name,
    label: journalWords.aoSheet,
    before: textValue(name),
    after: textValue(withValues ? journalWords.aoRowRemovedWithValues : journalWords.rowRemoved),
  });

/** Regeneration: a value entered in a removed `Compétences AO` row, noted before it goes. */
export const aoValueRemoved = (
  at: string,
  change: { name: string; field: string; header: string; before: JournalValue },
): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: change.name,
    field: change.field,
    label: change.header,
    before: change.before,
  });

/** Regeneration: a `Compétences AO` row the amended plan adds. */
export const aoRowAdded = (at: string, name: string): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: name,
    label: journalWords.aoSheet,
    after: textValue(journalWords.rowAdded),
  });

/** Regeneration: a kept `Compétences AO` row whose name changed with the plan. */
export const aoRowRenamed = (at: string, oldName: string, newName: string): JournalRecord =>
  record({
    at,
    operation: 'regeneration',
    rowKey: newName,
    field: 'name',
    label: journalWords.aoName,
    before: textValue(oldName),
    after: textValue(newName),
  });

/** The first rewrite of a workbook written in an older format: one line, whatever the migration steps. */
export const formatUpdated = (at: string, from: number, to: number): JournalRecord =>
  record({ at, operation: 'format-update', after: textValue(journalWords.formatUpdate(from, to)) });

/** The format a workbook was updated from, by a format update's line (`formatUpdated`'s words); null for any other. */
export function formatUpdatedFrom(record: JournalRecord): number | null {
  if (record.operation !== 'format-update' || record.after.type !== 'text') return null;
  const found = /^format (\d+) → \d+$/.exec(record.after.value);
  return found ? Number(found[1]) : null;
}

/**
 * A rewrite that took an axis sheet's rows back to the plan's order (docs/WORKBOOK.md, « Rows out of order »): one
 * line for the sheet, saying how they stood.
 */
export const rowsReordered = (at: string, sheet: string, misplaced: number): JournalRecord =>
  record({
    at,
    operation: 'row-order',
    label: sheet,
    before: textValue(journalWords.rowsOutOfOrder(misplaced)),
    after: textValue(journalWords.rowsReordered),
  });

/**
 * Any rewrite, before its own lines: a text the tools write in a sheet of fixed shape (a label, a hint, a title) found
 * typed over and written back; the value found is kept here (a formula as its text). Its field `text:<sheet>!<cell>`.
 */
export const toolTextRestored = (
  at: string,
  change: { sheet: string; cell: string; before: JournalValue; text: string },
): JournalRecord =>
  record({
    at,
    operation: 'text-restored',
    field: `text:${change.sheet}!${change.cell}`,
    label: journalWords.sheetCell(change.sheet, change.cell),
    before: change.before,
    after: textValue(change.text),
  });

/**
 * Any rewrite, before its own lines: a criterion row found without its Intitulé (its cells cleared, its key and type
 * typed back) in a workbook made from the embedded plan, given that plan's Intitulé and, in its cells left empty, what
 * generation writes there; one line per cell, on the row's key and field, the cell found empty. A regeneration writes
 * it too for a kept row's plan cell found empty and given the plan's text.
 */
export const planTextRestored = (
  at: string,
  change: { key: string; field: string; header: string; after: JournalValue },
): JournalRecord =>
  record({
    at,
    operation: 'text-restored',
    rowKey: change.key,
    field: change.field,
    label: change.header,
    after: change.after,
  });

/**
 * Any rewrite, before its own lines: a cell of a sheet that shows texts read in the axis sheets (Annexe 4's axis and
 * fiche titles, porteurs) found holding another text, and given what the axis sheets hold now. What it held is kept
 * here: an older copy (the text changed in its axis sheet since) or a person's typing, which cannot be told apart.
 * Its field `text:<sheet>!<cell>`, as a text of the tools put back.
 */
export const copiedTextUpdated = (
  at: string,
  change: { sheet: string; cell: string; before: JournalValue; text: string },
): JournalRecord =>
  record({
    at,
    operation: 'copy-updated',
    field: `text:${change.sheet}!${change.cell}`,
    label: journalWords.sheetCell(change.sheet, change.cell),
    before: change.before,
    after: textValue(change.text),
  });

/**
 * Any rewrite that moved the cells a person's formula names (an added column, a note, their own sheet) and could not
 * follow them all (docs/WORKBOOK.md, « Rewriting a workbook »): the formula as read and as written (each as its text
 * `=…`), where it is and what to correct or check. Its field `formula:<sheet>!<cell>`.
 */
export const formulaToCheck = (
  at: string,
  change: { sheet: string; cell: string; typed: string; written: string; check: FormulaCheck },
): JournalRecord =>
  record({
    at,
    operation: 'formula-check',
    field: `formula:${change.sheet}!${change.cell}`,
    label: journalWords.formulaChecked(change.sheet, change.cell, change.check),
    before: textValue(`=${change.typed}`),
    after: textValue(`=${change.written}`),
  });

/**
 * Compute or a closing: an axis field the tools set in a row (a fiche's quarter of abandonment written or emptied),
 * the value before as the cell held it.
 */
export const fieldSetByTools = (
  at: string,
  operation: 'compute' | 'quarter-closing',
  change: { key: string; field: string; header: string; before: JournalValue; after: JournalValue },
): JournalRecord =>
  record({
    at,
    operation,
    rowKey: change.key,
    field: change.field,
    label: change.header,
    before: change.before,
    after: change.after,
  });

/** What a merge or its undo changed in one cell, and where it came from. */
export interface PartnerChange {
  key: string;
  field: string;
  header: string;
  before: JournalValue;
  after: JournalValue;
  file: string;
  partner: string;
}

const partnerLine = (at: string, operation: 'merge' | 'undo', change: PartnerChange): JournalRecord =>
  record({
    at,
    operation,
    rowKey: change.key,
    field: change.field,
    label: change.header,
    before: change.before,
    after: change.after,
    file: change.file,
    partner: change.partner,
  });

/**
 * A merge: a value a partner returned, taken into a cell. The lines of one merge share their `at`, which is how
 * « Annuler la dernière fusion » finds them.
 */
export const valueMerged = (at: string, change: PartnerChange): JournalRecord => partnerLine(at, 'merge', change);

/** An undone merge: a cell given back the value it had before the merge (`after`), from the merge's `before`. */
export const valueUndone = (at: string, change: PartnerChange): JournalRecord => partnerLine(at, 'undo', change);

/**
 * A merge's line for one returned file (after its cell lines): how many of its values were taken as contributions,
 * those that changed a cell (`taken`, one `Fusion` line each) and those that left it as it was (`confirmed`): as
 * many as its Contributions rows. It marks the merge for « Annuler la dernière fusion », even one that changed no cell.
 */
export const fileMerged = (
  at: string,
  source: { file: string; partner: string; taken: number; confirmed: number },
): JournalRecord =>
  record({
    at,
    operation: 'merge',
    label: journalWords.mergedFile,
    after: textValue(journalWords.mergedCount(source.taken, source.confirmed)),
    file: source.file,
    partner: source.partner,
  });

/** An undo's closing line: the merge of `mergeAt` undone (its field `merge:<at>` tells which merge). */
export const mergeUndone = (at: string, mergeAt: string): JournalRecord =>
  record({
    at,
    operation: 'undo',
    field: `merge:${mergeAt}`,
    label: journalWords.undoneMerge,
    after: textValue(journalWords.undoneMergeOf(mergeAt)),
  });

/**
 * Personal data gone from the tracking, erased from a record sheet's values (`sheet`): one line per sheet, saying
 * how many values and which kinds (`kinds`, in words), never the data (docs/WORKBOOK.md, « Personal data in the
 * records »).
 */
export const personalDataErased = (
  at: string,
  erased: { sheet: string; count: number; kinds: string },
): JournalRecord =>
  record({
    at,
    operation: 'erasure',
    label: erased.sheet,
    before: textValue(journalWords.personalDataGone(erased.count, erased.kinds)),
    after: textValue(journalWords.personalDataReplaced),
  });
