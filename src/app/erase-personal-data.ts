import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { personalDataErased, type JournalRecord, type JournalValue } from '../domain/journal';
import { personalDataWords } from '../domain/messages/workbook';
import { mayHoldPersonalData, type PersonalDataKind } from '../domain/personal-data';
import { erasePersonalData } from '../domain/personal-data-erasure';
import type { EnteredCell } from '../layout/entered-values';
import { RECORD_HEADER_ROW } from '../layout/record-sheet';
import { recordSheetNames, recordValueColumns } from '../layout/record-values';
import { sheetNames } from '../layout/texts';
import type { SheetSpec, WorkbookSpec } from '../layout/workbook-spec';
import { keptFollowingRows } from './kept-cells-of-workbook';
import type { WorkbookState } from './workbook-state';

/**
 * Every rewrite erases from the record sheets (Journal, Historique, Archives, Contributions) the personal data the
 * tracking no longer holds (docs/WORKBOOK.md, « Personal data in the records »): the officer erased it from its
 * cell (or the merge, the undo, the regeneration that put it in a record took it out), and it must not stay in the
 * records out of sight. Each piece is replaced by « [donnée personnelle effacée] »; one Journal line per sheet
 * and one note say how many values and which kinds, never the data. The same text is erased in every record that
 * keeps it, so undoing a merge still finds in its cells what its Journal lines say it wrote.
 */

class RecordEraser {
  /** By sheet: how many values were erased, and of which kinds. */
  readonly erased = new Map<string, { count: number; kinds: Set<PersonalDataKind> }>();
  /** Each text erased → the text written instead, for a person's cells beside those records. */
  readonly replaced = new Map<string, string>();

  constructor(private readonly tracking: () => ReadonlySet<string>) {}

  private text(sheet: string, text: string): string | null {
    if (!mayHoldPersonalData(text)) return null;
    const erased = erasePersonalData(text, this.tracking());
    if (!erased) return null;
    const counted = this.erased.get(sheet) ?? { count: 0, kinds: new Set<PersonalDataKind>() };
    counted.count += 1;
    for (const kind of erased.kinds) counted.kinds.add(kind);
    this.erased.set(sheet, counted);
    this.replaced.set(text, erased.text);
    return erased.text;
  }

  value(sheet: string, value: JournalValue): JournalValue {
    const erased = value.type === 'text' ? this.text(sheet, value.value) : null;
    return erased === null ? value : { type: 'text', value: erased };
  }

  cell(sheet: string, cell: EnteredCell): EnteredCell {
    const erased = typeof cell.value === 'string' ? this.text(sheet, cell.value) : null;
    return erased === null ? cell : { ...cell, value: erased };
  }

  line(line: JournalRecord): JournalRecord {
    const before = this.value(sheetNames.journal, line.before);
    const after = this.value(sheetNames.journal, line.after);
    return before === line.before && after === line.after ? line : { ...line, before, after };
  }
}

/** The texts of a built sheet's header row. */
function headersOf(sheet: SheetSpec): string[] {
  return (sheet.rows[RECORD_HEADER_ROW - 1]?.cells ?? []).map((found) =>
    typeof found?.value === 'string' ? found.value : '',
  );
}

/**
 * The state with the personal data that `tracking` (what the tracking about to be written holds: asked only when a
 * record may hold some) no longer holds erased from its records, the Journal lines saying so, and the notes; null
 * when there is none. `spec`: the workbook built from `state`, where a person's cells beside the records were found.
 */
export function erasePersonalDataGone(
  state: WorkbookState,
  { tracking, spec, now }: { tracking: () => ReadonlySet<string>; spec: WorkbookSpec; now: Date },
): { state: WorkbookState; notes: Issue[] } | null {
  let known: ReadonlySet<string> | null = null;
  const eraser = new RecordEraser(() => (known ??= tracking()));
  const journal = state.journal.map((line) => eraser.line(line));
  const history = state.history.entries.map((entry) => {
    const value = eraser.cell(sheetNames.history, entry.value);
    return value === entry.value ? entry : { ...entry, value };
  });
  const archives = state.archives.entries.map((entry) => {
    const value = eraser.cell(sheetNames.archives, entry.value);
    return value === entry.value ? entry : { ...entry, value };
  });
  const contributions = state.contributions.entries.map((entry) => {
    const value = eraser.value(sheetNames.contributions, entry.value);
    return value === entry.value ? entry : { ...entry, value };
  });
  if (eraser.erased.size === 0) return null;

  const at = isoTimestamp(now);
  const lines: JournalRecord[] = [];
  const notes: Issue[] = [];
  // In the record sheets' order: Journal, Historique, Archives, Contributions.
  for (const sheet of recordSheetNames) {
    const erased = eraser.erased.get(sheet);
    if (!erased) continue;
    const kinds = [...erased.kinds];
    lines.push(personalDataErased(at, { sheet, count: erased.count, kinds: personalDataWords(kinds) }));
    notes.push(createIssue('personal-data-erased', { sheet, cell: null }, { count: erased.count, kinds }));
  }
  const kept = keptFollowingRows(state.kept, spec, (sheet, column, text) =>
    recordValueColumns(sheet.name, headersOf(sheet)).includes(column) ? (eraser.replaced.get(text) ?? text) : text,
  );
  return {
    state: {
      ...state,
      journal: [...journal, ...lines],
      history: { ...state.history, entries: history },
      archives: { ...state.archives, entries: archives },
      contributions: { ...state.contributions, entries: contributions },
      kept,
    },
    notes,
  };
}
