import type { ContributionEntry } from '../../../domain/contributions';
import type { SheetGrid } from '../../../domain/grid';
import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { cellJournalValue, emptyValue, type JournalValue, type JournalValueType } from '../../../domain/journal';
import { cellAddress } from '../../a1';
import type { EnteredCell } from '../../entered-values';
import { buildRecordSheet, readRecordSheet, textRecordCell, type RecordColumn } from '../../record-sheet';
import { contributionHeaders, sheetNames } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';
import { valueTypeCodes } from '../journal/journal-columns';

/**
 * `Contributions`: every value a partner sent back and a merge took in (issue 7, « Merge »), one per row, old ones
 * first — when, from which file and partner, for which row key and field, the value with its type. A cell fed by
 * several partners holds the aggregate of their current contributions (src/domain/contributions.ts). A record
 * sheet like `Historique` (docs/WORKBOOK.md, « Contributions »).
 */

const columns: readonly RecordColumn[] = [
  { header: contributionHeaders.at, width: 22, when: true },
  { header: contributionHeaders.file, width: 30 },
  { header: contributionHeaders.partner, width: 24 },
  { header: contributionHeaders.key, width: 12 },
  { header: contributionHeaders.label, width: 24 },
  { header: contributionHeaders.field, width: 14 },
  { header: contributionHeaders.value, width: 40 },
  { header: contributionHeaders.type, width: 10 },
];

/**
 * The columns read as text and required (the others may be empty): their index in `columns`. The Date, which tells
 * a line from a note, is the record sheet's to check (`readRecordSheet`).
 */
const REQUIRED_TEXTS = [2, 3, 5] as const;
const VALUE = 6;
const TYPE = 7;

/** A value as its cell: a text stays text, a number a number, a date its serial number shown as a date. */
function cellOfValue(value: JournalValue): EnteredCell {
  return { value: value.value, isDate: value.type === 'date' };
}

export function buildContributionsSheet(entries: readonly ContributionEntry[]): SheetSpec {
  return buildRecordSheet(
    sheetNames.contributions,
    columns,
    entries.map((entry) => [
      textRecordCell(entry.at),
      textRecordCell(entry.file),
      textRecordCell(entry.partner),
      textRecordCell(entry.key),
      textRecordCell(entry.label),
      textRecordCell(entry.field),
      cellOfValue(entry.value),
      textRecordCell(valueTypeCodes[entry.value.type]),
    ]),
  );
}

const typeOfCode = new Map(
  Object.entries(valueTypeCodes).map(([type, code]) => [code as string, type as JournalValueType]),
);

/** The value as its type word says, or null when the cell does not hold that type. */
function valueOfCell(cell: EnteredCell, type: JournalValueType): JournalValue | null {
  const raw = cell.value;
  if (type === 'empty') return raw === null || raw === '' ? emptyValue : null;
  if (type === 'text') return typeof raw === 'string' && raw !== '' ? { type, value: raw } : null;
  if (type === 'boolean') return typeof raw === 'boolean' ? { type, value: raw } : null;
  return typeof raw === 'number' ? cellJournalValue(raw, type === 'date') : null;
}

const textOf = (cell: EnteredCell | undefined): string =>
  cell === undefined || cell.value === null ? '' : String(cell.value);

export interface ContributionsReading {
  /** The well-formed lines, in sheet order. */
  entries: ContributionEntry[];
  /** A header out of place, a line with a required cell empty or a value unlike its type (errors: no rewrite). */
  issues: WorkbookIssue[];
}

/**
 * The contributions of a `Contributions` sheet. A line whose Date is not the tools' timestamp is a note, an error
 * (`readRecordSheet`); a line whose Partenaire, Clé, Champ (id) or Type is empty,
 * whose Type is not a type word or whose Valeur does not hold that type is left out, with an error at its cell:
 * the workbook is then not rewritten, so that line is never lost.
 */
export function readContributionsSheet(grid: SheetGrid): ContributionsReading {
  const { records, rows, issues } = readRecordSheet(grid, columns);
  const entries: ContributionEntry[] = [];
  records.forEach((record, index) => {
    const problem = (column: number) =>
      createIssue(
        'contribution-row-invalid',
        { sheet: grid.name, cell: cellAddress(rows[index], column + 1), rowKey: textOf(record[3]).trim() || null },
        { header: columns[column].header },
      );
    const missing = REQUIRED_TEXTS.find((column) => textOf(record[column]).trim() === '');
    if (missing !== undefined) return void issues.push(problem(missing));
    const type = typeOfCode.get(textOf(record[TYPE]).trim());
    if (type === undefined) return void issues.push(problem(TYPE));
    const value = valueOfCell(record[VALUE], type);
    if (value === null) return void issues.push(problem(VALUE));
    const [at, file, partner, key, label, field] = record.map(textOf);
    entries.push({ at, file, partner, key, label, field, value });
  });
  return { entries, issues };
}
