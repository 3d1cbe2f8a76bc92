import { aoTableFromPlan, type AoTable, type AoTableRow } from '../domain/ao-requirements';
import type { Plan } from '../domain/plan';
import { aoColumns, holderText, type AoColumnId } from '../layout/sheets/ao/ao-layout';
import type { JournalEntry } from '../layout/sheets/journal/journal-columns';
import { aoTexts } from '../layout/texts';
import {
  aoRowAdded,
  aoRowRemoved,
  aoRowRenamed,
  aoValueRemoved,
  cellJournalValue,
  textValue,
  type JournalValue,
} from '../domain/journal';
import { communeKey } from '../plan-text';

/**
 * `Compétences AO` when a workbook is regenerated from an amended plan: the rows are the new plan's (the EPCI and
 * the communes of its parties, `aoTableFromPlan`), and each row that was already in the sheet keeps what the
 * officer entered there — population, who exercises each competence, RPE and schéma —, as does the declared total.
 * Rows are matched by commune key (case, accents, hyphens, articles and "St" ignored), over every spelling the new
 * plan knows for the commune; the EPCI row matches the EPCI row. A row of the old sheet that the new plan no longer
 * has is returned with its entered values, so that the caller records them (nothing is dropped silently).
 */

export interface AoEnteredValue {
  /** The AO field's id (its column's). */
  field: AoColumnId;
  /** The sheet's column header. */
  column: string;
  /** The value as the sheet holds it, typed (a population is a number, a choice a text). */
  value: JournalValue;
}

export interface RemovedAoRow {
  name: string;
  isEpci: boolean;
  values: AoEnteredValue[];
}

export interface AoRegeneration {
  table: AoTable;
  /** Names of the rows the old sheet did not have. */
  added: string[];
  /** Rows of the old sheet the new plan no longer has, with what was entered in them. */
  removed: RemovedAoRow[];
  /** Kept rows whose name changed with the plan: [old name, new name]. */
  renamed: [string, string][];
}

const headerOf = (id: AoColumnId) => aoColumns.find((column) => column.id === id)!.header;
const yesNo = (value: boolean) => (value ? aoTexts.yes : aoTexts.no);

/** The inputs of a row as the sheet shows them, empty cells left out (the EPCI's population is not an input). */
export function enteredAoValues(row: AoTableRow): AoEnteredValue[] {
  const values: AoEnteredValue[] = [];
  const push = (field: AoColumnId, value: JournalValue) => values.push({ field, column: headerOf(field), value });
  if (!row.isEpci && row.population !== null) push('population', cellJournalValue(row.population));
  for (const [competence, holder] of Object.entries(row.competences)) {
    const text = holderText(holder);
    if (text !== null) push(`holder:${competence}` as AoColumnId, textValue(text));
  }
  if (row.rpeExists !== null) push('rpeExists', textValue(yesNo(row.rpeExists)));
  if (row.schemaExists !== null) push('schemaExists', textValue(yesNo(row.schemaExists)));
  return values;
}

/** Every key a row of the new table answers to: its name's, and for a party commune each of its spellings'. */
function keysOfNewRow(row: AoTableRow, plan: Plan): Set<string> {
  const commune = row.isEpci ? undefined : plan.parties.communes.find((candidate) => candidate.name === row.name);
  const names = [row.name, ...(commune?.spellings ?? [])];
  return new Set(names.map(communeKey).filter((key) => key !== ''));
}

/** The new row with the old row's inputs; its name (not an input) stays the plan's. */
function carried(fresh: AoTableRow, old: AoTableRow): AoTableRow {
  return {
    ...fresh,
    population: fresh.isEpci ? fresh.population : old.population,
    competences: { ...old.competences },
    schemaExists: old.schemaExists,
    rpeExists: old.rpeExists,
  };
}

export function regenerateAoTable(old: AoTable | null, plan: Plan): AoRegeneration {
  const fresh = aoTableFromPlan(plan);
  // No readable sheet before: nothing to carry, the table is the plan's.
  if (old === null) return { table: fresh, added: [], removed: [], renamed: [] };

  const matchOf = new Map<AoTableRow, AoTableRow>();
  const used = new Set<AoTableRow>();
  for (const row of fresh.rows) {
    const keys = keysOfNewRow(row, plan);
    const match = old.rows.find(
      (candidate) => !used.has(candidate) && candidate.isEpci === row.isEpci && keys.has(communeKey(candidate.name)),
    );
    if (match) {
      matchOf.set(row, match);
      used.add(match);
    }
  }
  // The EPCI is one whatever its name's wording: a lone unmatched EPCI row on each side is the same row.
  const freeEpci = (rows: AoTableRow[], taken: (row: AoTableRow) => boolean) =>
    rows.filter((row) => row.isEpci && !taken(row));
  const newEpci = freeEpci(fresh.rows, (row) => matchOf.has(row));
  const oldEpci = freeEpci(old.rows, (row) => used.has(row));
  if (newEpci.length === 1 && oldEpci.length === 1) {
    matchOf.set(newEpci[0], oldEpci[0]);
    used.add(oldEpci[0]);
  }

  const rows = fresh.rows.map((row) => {
    const match = matchOf.get(row);
    return match ? carried(row, match) : row;
  });
  return {
    table: { rows, declaredTransferredPopulation: old.declaredTransferredPopulation },
    added: fresh.rows.filter((row) => !matchOf.has(row)).map((row) => row.name),
    removed: old.rows
      .filter((row) => !used.has(row))
      .map((row) => ({ name: row.name, isEpci: row.isEpci, values: enteredAoValues(row) })),
    renamed: [...matchOf]
      .filter(([row, match]) => row.name !== match.name)
      .map(([row, match]) => [match.name, row.name]),
  };
}

/**
 * The Journal lines of an AO regeneration: a line per added row and per removed row, then one per value entered in
 * a removed row (column, value before, nothing after), and a line per renamed row.
 */
export function aoJournalEntries(regeneration: AoRegeneration, date: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const row of regeneration.removed) {
    entries.push(aoRowRemoved(date, row.name, row.values.length > 0));
    for (const { field, column, value } of row.values)
      entries.push(aoValueRemoved(date, { name: row.name, field, header: column, before: value }));
  }
  for (const name of regeneration.added) entries.push(aoRowAdded(date, name));
  for (const [oldName, newName] of regeneration.renamed) entries.push(aoRowRenamed(date, oldName, newName));
  return entries;
}
