import { decideCell, sameValue, type ConflictReason } from '../../domain/merge/cell-decision';
import { createIssue, type Issue, type IssueParams } from '../../domain/issues';
import type { IssueCode } from '../../domain/issue-codes';
import type { ContributionEntry } from '../../domain/contributions';
import { emptyValue, fileMerged, valueMerged, type JournalRecord, type JournalValue } from '../../domain/journal';
import { recipientKey } from '../../domain/recipients';
import { parentKeyOf } from '../../domain/tracking';
import { findPersonalData } from '../../domain/personal-data';
import { parseQuarterLabel, quarterIndex, quarterLabel, type Quarter } from '../../domain/periods';
import type { Period } from '../../domain/plan';
import type { EnteredCell } from '../../layout/entered-values';
import type {
  IncomingReading,
  IncomingRow,
  IncomingCell,
  IncomingSheetNote,
} from '../../layout/incoming/read-incoming-rows';
import { textValue } from '../../domain/tracking-values';
import { headerText } from '../../domain/messages/param-text';
import { shownCellValue, shownName } from '../../domain/messages/shown-cell-value';
import { aggregateOf, ContributionIndex } from '../contribution-index';
import { withRenamedColumns } from '../renamed-columns';
import { columnWords, isPlanField, isQuarterField, isReportedField, type MasterRow } from './master-rows';
import {
  checkReturnedValue,
  enteredCellOf,
  masterValueOf,
  onlyShownAsPercent,
  percentMayMeanAnother,
} from './returned-value';
import { copiedAxisSheets, keysByTitle, valuesOnlyInCopy } from './keyless-copy';
import type { Claim, ReturnedClaims } from './returned-claims';
import { takeEntry, takeNames, takenFromOtherFile, valueSlot } from './take-choices';

/**
 * One returned file (or pasted sheet) merged into the working copy of the master (docs/WORKBOOK.md, « Merging
 * returned rows »): every cell by key and header, checked, then unchanged, taken as the partner's contribution, or
 * held as a conflict. Files are merged one after the other, each against what the earlier ones left.
 */

/** What an extract's `_ctg` says (src/layout/sheets/ctg-meta/extract-meta.ts): for whom, of which master, up to which quarter, what was sent. */
export interface ExtractFacts {
  partner: string;
  territory: string;
  masterFingerprint: string;
  upTo: Quarter | null;
  /** By key, then field id or quarter label: the values the extract was sent with (absent: sent empty). */
  sent: ReadonlyMap<string, ReadonlyMap<string, JournalValue>>;
  /** The row keys the extract was sent with (its `_ctg` key list). */
  keys: ReadonlySet<string>;
  /** The axis sheets the extract was sent with (`Axe N`, the axes of its key list). */
  axisSheets: ReadonlySet<string>;
  /** When the extract was made (an ISO instant in UTC, to the second); null when its `_ctg` does not say. */
  madeAt: string | null;
}

export interface MergeSource {
  /** The file's name as the user gave it (or the pasted sheet's name). */
  file: string;
  extract: ExtractFacts | null;
  incoming: IncomingReading;
  /** Set when the rows come from a sheet pasted into the master. */
  pastedSheet?: string;
  /** The names the file gives its territory (`territoryNamesOf`), extract or not; none for a partner's own table. */
  territories?: readonly string[];
  /** The convention the file is of (`conventionOf`), extract or not; null when it does not say. */
  convention?: Period | null;
}

/** The master as the merge changes it: the entered values, the contributions, the Journal. */
export interface WorkingCopy {
  entered: Map<string, Map<string, EnteredCell>>;
  contributions: ContributionIndex;
  journal: JournalRecord[];
}

export interface MasterFacts {
  rows: ReadonlyMap<string, MasterRow>;
  /** The fiche keys that go to a partner (docs/WORKBOOK.md, « Extracts »): whose rows a file without `_ctg` may hold. */
  fichesOf: (partner: string) => ReadonlySet<string>;
  territory: string;
  /** Every name the master gives its territory (`_ctg`'s, Paramètres'): a file naming one of them is this territory's. */
  territoryNames: readonly string[];
  /** The master's convention: a file of another convention of the territory is none of its partners' returns. */
  period: Period;
  fingerprint: string;
  /** The keys of the rows an amended plan removed (`_ctg`'s retired keys): a late return may still hold them. */
  retiredKeys: ReadonlySet<string>;
  currentQuarter: Quarter;
  /** The name the master knows a recipient by (a carrier, commune or partner of a fiche), null when it knows none. */
  recipientNamed: (name: string) => string | null;
  /** Every recipient's name, as the master writes it: what a partner named as none of them is told. */
  recipients: readonly string[];
}

export interface MergeChoices {
  /** The partner of a file without `_ctg`, or of a pasted sheet. */
  partner?: string;
  /**
   * Whether `partner` was named for every file (the command line's --partenaire): an extract made for another
   * recipient is then refused, since the officer believes it someone else's. The pane names it only for the files
   * that do not say.
   */
  partnerForEveryFile?: boolean;
  prefer?: 'master' | 'incoming';
  /**
   * `KEY:COLUMN` (a header, a field id or a quarter label), or `KEY:COLUMN:FILE` (one returned file's, or the pasted
   * sheet's): conflicts to take.
   */
  take?: readonly string[];
  refusePersonalData?: boolean;
}

/** The choices as one source is merged with them: `sources`, every source's name, against which a take's file is read. */
export interface SourceChoices extends MergeChoices {
  sources: readonly string[];
  /**
   * What every source says of each place, each weighed alone against the master as it was (absent for one source):
   * a value no source contests is decided as usual, one that another source contests is a conflict
   * (`returns-differ`), and a value its source did not give the master as it was says nothing, so that the order of
   * the sources never decides.
   */
  returns?: ReturnedClaims;
}

/** A master cell a merge changes. `sheet` and `cell` are the master's. */
export interface AppliedChange {
  key: string;
  field: string;
  column: string;
  sheet: string;
  cell: string | null;
  old: JournalValue;
  new: JournalValue;
  source: string;
  partner: string;
}

/**
 * A partner's value taken as its contribution to a cell fed by several partners that keeps its value (their
 * aggregate, by the row's rule): a value taken all the same, not a confirmation, since it differs from the cell's.
 */
export interface ContributionKept extends Omit<AppliedChange, 'old' | 'new'> {
  value: JournalValue;
  /** The master cell's value, unchanged. */
  kept: JournalValue;
}

export interface MergeConflict {
  key: string;
  field: string;
  column: string;
  sheet: string;
  cell: string | null;
  master: JournalValue;
  incoming: JournalValue;
  source: string;
  partner: string;
  reason: ConflictReason;
  /**
   * The other returned files' values that differ from this one for the cell (in a quarter cell, for the partner's own
   * value) when files of the merge contest it (`ReturnedClaims`), else []: what `returns-differ` names.
   */
  rivals: { source: string; value: JournalValue }[];
  /** The partner's own current contribution to the cell (`own-changed`: what it gave before), null when none. */
  previous: JournalValue | null;
  /** What the master cell would hold if the value were taken: `incoming`, or with the other partners' aggregated. */
  result: JournalValue;
  /** The other partners' current values for the cell (`master-emptied`: those the officer's emptying set aside). */
  othersGiven: { partner: string; value: JournalValue }[];
  /**
   * `master-differs` in a cell that is not aggregated: the other partner whose current contribution the master holds
   * (the latest, the last value taken standing there); null when none does (the officer's own value).
   */
  masterGivenBy: string | null;
  /**
   * The file whose value the merge took for the place instead of this one (`resolution` 'master' on a place files
   * contest, another file's value chosen): the cell then holds that value, not the master's; null otherwise.
   */
  takenInstead: string | null;
  /** Where the value is in the returned file. */
  returned: { sheet: string; cell: string };
  /**
   * The partner's merged range (`V5:X5`) that hides the returned cell, which reads empty for it (a spreadsheet keeps
   * a merged range's first value only): the partner merged the cell rather than emptied it. Null otherwise.
   */
  mergedRange: string | null;
  /** How it was settled: null when it waits for the officer (then nothing of it is taken). */
  resolution: 'master' | 'incoming' | null;
  /** The `--take` entries that took it (none when it was not taken, or taken by `prefer`). */
  takenBy: string[];
  /**
   * The `--take` that takes it: `KEY:COLUMN`, its file named (`KEY:COLUMN:FILE`) when the merge has several, whose
   * conflicts may share its cell (`mergeAndWrite` names them).
   */
  take: string;
}

export interface MergeRejection {
  source: string;
  issue: Issue;
}

export interface SourceOutcome {
  source: string;
  partner: string | null;
  applied: AppliedChange[];
  /** Values taken that leave their cell's aggregate as it was. */
  contributed: ContributionKept[];
  /** Returned values that leave the master as it was, confirmations included. */
  unchanged: number;
  /**
   * Of `unchanged`, the values taken as the partner's contributions that left the master's cell as it was (the value
   * it held, read as the master reads it: « en cours » for `En cours`): one Contributions row each, as each change.
   */
  confirmed: number;
  conflicts: MergeConflict[];
  rejected: MergeRejection[];
  /** Warnings about the file (no `_ctg`, plan changed, columns ignored, personal data). */
  notes: MergeRejection[];
  /** The `--take` entries that took a conflict. */
  takesUsed: string[];
  /** The places the source gives a value that changes or confirms the master's (`ReturnedClaims`). */
  claims: Claim[];
}

type Place = Parameters<typeof createIssue>[1];

/** The missing rows a note names; it counts the others. */
const MISSING_KEYS_LISTED = 10;
const RECIPIENTS_LISTED = 10;

const sameName = (a: string, b: string) => recipientKey(a) === recipientKey(b);

/** The names that hold what was typed (« colibri » in « Centre social Le Colibri ») first: a slip's likely meaning. */
function likelyFirst(names: readonly string[], typed: string): string[] {
  const typedKey = recipientKey(typed);
  const holds = (name: string) => recipientKey(name).includes(typedKey);
  return [...names.filter(holds), ...names.filter((name) => !holds(name))];
}

/** The partner of the latest of `lines` whose value is `master`: whose contribution the cell holds, if any. */
function givenBy(lines: readonly ContributionEntry[], master: JournalValue): string | null {
  const holding = lines.filter((line) => line.value.type !== 'empty' && sameValue(line.value, master));
  if (holding.length === 0) return null;
  return holding.reduce((latest, line) => (line.at > latest.at ? line : latest)).partner;
}

/** The `--take` entries that name the cell (the same conflict may be named twice, by its header and its id). */
function takesOf(choices: SourceChoices, place: { key: string; field: string; header: string; source: string }) {
  return (choices.take ?? []).filter((entry) => takeNames(entry, place, choices.sources));
}

/** A row's keys that appear more than once in the file: none of their rows is taken. */
export function repeatedKeys(rows: readonly IncomingRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

/**
 * Another sheet of the file holding the row's key (a copy of the sheet, often hidden), which the message names: the
 * partner sees one row per key in the sheet they filled. Nothing when the key repeats on the row's own sheet only.
 */
export function otherSheetOfKey(
  incoming: IncomingReading,
  row: IncomingRow,
): { otherSheet?: string; otherSheetHidden?: number } {
  const other = incoming.rows.find((candidate) => candidate.key === row.key && candidate.sheet !== row.sheet);
  if (!other) return {};
  return { otherSheet: other.sheet, otherSheetHidden: incoming.hiddenSheets.includes(other.sheet) ? 1 : 0 };
}

/** A row of a hidden sheet whose key a sheet the partner sees holds too: a copy kept aside, not the row they filled. */
function inHiddenCopy(incoming: IncomingReading, row: IncomingRow): boolean {
  const hidden = (sheet: string) => incoming.hiddenSheets.includes(sheet);
  return hidden(row.sheet) && incoming.rows.some((other) => other.key === row.key && !hidden(other.sheet));
}

class SourceMerge {
  readonly outcome: SourceOutcome;
  /** Rows rejected as not the partner's (each said once). */
  private readonly foreignRows = new Set<string>();
  /** The master's key of each Intitulé (null: several share it), made when a row first shows a title not its own. */
  private keysByTitle: Map<string, string | null> | null = null;

  constructor(
    private readonly working: WorkingCopy,
    private readonly master: MasterFacts,
    private readonly source: MergeSource,
    private readonly choices: SourceChoices,
    private readonly now: string,
  ) {
    this.outcome = {
      source: source.file,
      partner: null,
      applied: [],
      contributed: [],
      unchanged: 0,
      confirmed: 0,
      conflicts: [],
      rejected: [],
      notes: [],
      takesUsed: [],
      claims: [],
    };
  }

  private reject(code: IssueCode, location: Place, params: IssueParams) {
    this.outcome.rejected.push({ source: this.source.file, issue: createIssue(code, location, params) });
  }

  private note(code: IssueCode, location: Place, params: IssueParams) {
    this.outcome.notes.push({ source: this.source.file, issue: createIssue(code, location, params) });
  }

  /** The file as a whole: whose it is, whether it belongs to this master. Null when nothing of it can be taken. */
  private partnerOfFile(): string | null {
    const { extract, incoming, pastedSheet } = this.source;
    const nowhere = { sheet: pastedSheet ?? null, cell: null };
    // An extract says its territory in `_ctg`; a copy of a master (or the master of another territory) in Paramètres.
    const names = [extract?.territory ?? '', ...(this.source.territories ?? [])].filter((name) => name !== '');
    const ours = (name: string) => this.master.territoryNames.some((master) => sameName(master, name));
    if (names.length > 0 && !names.some(ours)) {
      this.reject('merge-other-territory', nowhere, { territory: names[0], expected: this.master.territory });
      return null;
    }
    // A territory's conventions follow one another without sharing a quarter; an amended period still overlaps.
    const { convention } = this.source;
    const { period } = this.master;
    if (convention && (convention.end < period.start || period.end < convention.start)) {
      const expected = { expectedStart: period.start, expectedEnd: period.end };
      this.reject('merge-other-convention', nowhere, { start: convention.start, end: convention.end, ...expected });
      return null;
    }
    // `_ctg` is in the partner's hands: a recipient the master does not know is none of its partners.
    const recipient = extract?.partner ? this.master.recipientNamed(extract.partner) : null;
    if (extract?.partner && recipient === null) {
      this.reject('merge-recipient-unknown', nowhere, { partner: extract.partner });
      return null;
    }
    const typed = this.choices.partner?.trim() ?? '';
    if (recipient !== null && typed !== '' && this.choices.partnerForEveryFile && !sameName(recipient, typed)) {
      this.reject('merge-partner-contradicted', nowhere, { partner: recipient, typed });
      return null;
    }
    // A file with no table (another workbook, its table deleted) is said so before its partner is asked for; a table
    // whose `Clé` column was deleted is named as such, sheet by sheet.
    const keyless = incoming.notes.filter((note) => note.kind === 'key-column-missing');
    if (incoming.sheets.length === 0 && keyless.length > 0) {
      for (const note of keyless) this.rejectKeylessTable(note, recipient ?? typed);
      return null;
    }
    if (incoming.sheets.length === 0) {
      const renamed = extract ? this.renamedAxisSheet(incoming) : null;
      this.reject('merge-no-rows', nowhere, { sheet: pastedSheet ?? null, extract: extract ? 1 : 0, ...renamed });
      return null;
    }
    const partner = recipient ?? typed;
    if (partner === '') {
      this.reject('merge-partner-unknown', nowhere, {});
      return null;
    }
    // No fiche goes to a name that is no recipient (a slip of the name typed): every row would be refused one by one.
    if (recipient === null && this.master.recipientNamed(typed) === null) {
      const { recipients } = this.master;
      const listed = likelyFirst(recipients, typed).slice(0, RECIPIENTS_LISTED);
      this.reject('merge-partner-not-recipient', nowhere, {
        partner: typed,
        recipients: listed,
        count: recipients.length,
      });
      return null;
    }
    if (!extract && pastedSheet === undefined) this.note('merge-without-extract', nowhere, {});
    if (extract && extract.masterFingerprint !== this.master.fingerprint) this.note('merge-plan-changed', nowhere, {});
    // Rows the extract was sent with and the file no longer has: a sheet deleted, or renamed as one of the tools'
    // (`Historique`…), which is not read; nothing of them can be taken, and the officer is told.
    if (extract && pastedSheet === undefined) {
      // A row whose key was typed over is still there: its `merge-key-changed` names the key to give it back.
      const present = new Set(incoming.rows.flatMap((row) => [row.key, this.keyTypedOver(row) ?? row.key]));
      const missing = [...extract.keys].filter((key) => !present.has(key));
      if (missing.length > 0)
        this.note('merge-sent-rows-missing', nowhere, {
          count: missing.length,
          keys: missing.slice(0, MISSING_KEYS_LISTED),
        });
    }
    if (extract && pastedSheet === undefined) this.noteSentColumnsMissing(extract);
    const retyped = retypedColumns(incoming.notes);
    for (const note of incoming.notes) {
      const at = { sheet: note.sheet, cell: note.cell, rowKey: note.key ?? null };
      const column = note.kind === 'unknown-column' ? retyped.get(note) : undefined;
      if (note.kind === 'missing-column') {
        // Said only as the column an unknown header retypes (below): a table pasted with a few columns lacks many.
      } else if (column !== undefined && (note.count ?? 0) > 0) {
        this.reject('merge-column-renamed', at, { header: note.header, column, count: note.count ?? 0 });
      } else if (note.kind === 'no-key') {
        const hidden: IssueParams = note.hiddenBy === undefined ? {} : { range: note.hiddenBy, partner };
        this.reject('merge-row-without-key', at, hidden);
      } else if (note.kind === 'merged-header') {
        const { hiddenBy = '', count = 0, columns = [] } = note;
        this.note('merge-merged-header', at, { range: hiddenBy, count, columns, partner });
      } else if (note.kind === 'grey-cell') {
        // A row of a key the master lacks is refused as such: its cells are not its type's to judge.
        if (!this.master.rows.has(note.key ?? '')) continue;
        this.reject('merge-cell-not-used', at, { header: note.header, key: note.key ?? '', value: note.value ?? '' });
      } else if (note.kind === 'duplicate-column') {
        // Its values would be lost without a word: the partner may have typed them in the column they saw.
        this.reject('merge-column-duplicate', at, { header: note.header });
      } else if (note.kind === 'computed-cell') {
        this.note('merge-value-in-computed-cell', at, { header: note.header, value: note.value ?? '' });
      } else if (note.kind === 'key-column-missing') {
        this.keylessTable(note, partner);
      } else if (note.kind === 'sheet-not-read') {
        this.note('merge-sheet-not-read', at, { value: note.value ?? '' });
      } else if (note.kind === 'cell-note') {
        this.note('merge-cell-note', at, { value: note.value ?? '' });
      } else if (note.kind === 'unlabelled-cell') {
        this.note('merge-cell-without-header', at, { value: note.value ?? '', above: note.above ? 1 : 0 });
      } else if (note.kind !== 'no-key-column')
        this.note('merge-column-ignored', at, { header: note.header, count: note.count ?? 0, partner });
    }
    return partner;
  }

  /**
   * A table without `Clé` column beside the rows read: a copy the partner added (`copiedAxisSheets`), named as not
   * merged, with the sheets to type its values in; otherwise an axis sheet whose `Clé` column was deleted, refused.
   */
  private keylessTable(note: IncomingSheetNote, partner: string): void {
    const { extract, incoming, pastedSheet } = this.source;
    const context = { extract: pastedSheet === undefined ? extract : null, incoming, masterRows: this.master.rows };
    const copied = copiedAxisSheets(note, context);
    if (copied === null) {
      this.rejectKeylessTable(note, partner);
      return;
    }
    // What the copy alone holds would be lost with it: refused, each value with where to type it.
    const onlyInCopy = valuesOnlyInCopy(note, context, copied);
    for (const { cell, header, value, title, read, named } of onlyInCopy) {
      this.reject(
        'merge-keyless-copy-value',
        { sheet: note.sheet, cell },
        {
          header,
          value,
          title,
          axisSheet: read?.sheet ?? named?.sheet ?? '',
          axisRow: read?.row ?? 0,
          axisValue: read?.value ?? '',
          key: named?.key ?? '',
        },
      );
    }
    if (onlyInCopy.length > 0) return;
    this.note('merge-keyless-copy-not-read', { sheet: note.sheet, cell: note.cell }, { axisSheets: copied });
  }

  /**
   * A sheet whose table lost its `Clé` column: none of its rows can be placed, and the officer must not think it
   * taken. `partner`: whose file it is, '' when not known yet (a merged range's message then says « le partenaire »).
   */
  private rejectKeylessTable(note: IncomingSheetNote, partner: string): void {
    const hidden: IssueParams = note.hiddenBy === undefined ? {} : { range: note.hiddenBy, partner };
    this.reject(
      'merge-key-column-missing',
      { sheet: note.sheet, cell: note.cell },
      {
        extract: this.source.extract ? 1 : 0,
        keysKept: note.keysKept ? 1 : 0,
        headerRowMissing: note.headerRowMissing ? 1 : 0,
        typedHeader: note.header,
        ...hidden,
      },
    );
  }

  /**
   * The sheet of the file under a tool's name holding the master's keys (`toolNamedTables`), and the axis sheet most
   * of them are on: the one to give its name back. Null when no such sheet holds a key of the master.
   */
  private renamedAxisSheet(incoming: IncomingReading): { renamedAs: string; axisSheet: string } | null {
    for (const { sheet, keys } of incoming.toolNamedTables) {
      const counts = new Map<string, number>();
      for (const key of keys) {
        const axisSheet = this.master.rows.get(key.trim().toUpperCase())?.sheet;
        if (axisSheet) counts.set(axisSheet, (counts.get(axisSheet) ?? 0) + 1);
      }
      const [axisSheet] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (axisSheet) return { renamedAs: sheet, axisSheet };
    }
    return null;
  }

  /**
   * Columns the extract was sent with values in that a row of the file no longer has (a column deleted): nothing of
   * them can be read, and the master keeps its values. One warning per sheet and column, naming the rows.
   */
  private noteSentColumnsMissing(extract: ExtractFacts): void {
    const lost = new Map<string, { sheet: string; field: string; keys: string[] }>();
    for (const row of this.source.incoming.rows) {
      const sent = extract.sent.get(row.key);
      if (!sent) continue;
      const present = new Set(row.cells.map((cell) => cell.field));
      for (const [field, value] of sent) {
        if (value.type === 'empty' || present.has(field) || !isReportedField(field)) continue;
        const id = JSON.stringify([row.sheet, field]);
        const entry = lost.get(id) ?? { sheet: row.sheet, field, keys: [] };
        entry.keys.push(row.key);
        lost.set(id, entry);
      }
    }
    for (const { sheet, field, keys } of lost.values()) {
      this.note(
        'merge-sent-columns-missing',
        { sheet, cell: null },
        {
          header: columnWords(field),
          count: keys.length,
          keys: keys.slice(0, MISSING_KEYS_LISTED),
        },
      );
    }
  }

  run(): SourceOutcome {
    const partner = this.partnerOfFile();
    this.outcome.partner = partner;
    if (partner === null) return this.outcome;
    const repeated = repeatedKeys(this.source.incoming.rows);
    for (const row of this.source.incoming.rows) {
      const location = { sheet: row.sheet, cell: row.keyAddress || null, rowKey: row.key };
      const count = repeated.get(row.key);
      // A key on several rows: none of them is taken, but what else they hold that would be refused is said now, so
      // that the partner's file is put right in one go rather than one refusal after another. A row whose key was
      // typed over is refused as such below (`merge-key-changed`), the one fix to make: not said as repeated too.
      if (count !== undefined) {
        if (this.keyTypedOver(row) === null)
          this.reject('merge-duplicate-key', location, {
            key: row.typedKey,
            count,
            ...otherSheetOfKey(this.source.incoming, row),
            ...this.retypedRowOfKey(row.key),
          });
        // The message says to delete such a copy: what it repeats of the sheet filled is said there only.
        if (inHiddenCopy(this.source.incoming, row)) continue;
      }
      const masterRow = this.master.rows.get(row.key);
      if (!masterRow) {
        const values = typedValuesOf(row);
        if (this.master.retiredKeys.has(row.key)) this.reject('merge-retired-key', location, { key: row.key, values });
        else this.reject('merge-unknown-key', location, { key: row.typedKey, values });
        continue;
      }
      // Its values would land in another row of the master: the key was edited (two keys swapped, say).
      const titledKey = this.keyOfOtherTitle(row, masterRow);
      if (titledKey !== null) {
        this.reject('merge-key-changed', location, { key: row.key, other: titledKey });
        continue;
      }
      for (const cell of row.cells) this.mergeCell(partner, masterRow, row, cell, count === undefined);
    }
    const { applied, contributed, confirmed } = this.outcome;
    const taken = applied.length + contributed.length;
    if (taken + confirmed > 0) {
      const counts = { taken, confirmed };
      this.working.journal.push(fileMerged(this.now, { file: this.source.file, partner, ...counts }));
    }
    return this.outcome;
  }

  /**
   * The key whose Intitulé the row holds when `run` refuses it as `merge-key-changed` (its key typed over): null for
   * a row of a key the master lacks, a hidden copy of a row, or one showing its own title.
   */
  private keyTypedOver(row: IncomingRow): string | null {
    const masterRow = this.master.rows.get(row.key);
    if (!masterRow || inHiddenCopy(this.source.incoming, row)) return null;
    return this.keyOfOtherTitle(row, masterRow);
  }

  /** Of the rows a key is given on, the first one carrying another key's title (its key retyped), and that key. */
  private retypedRowOfKey(key: string): { retypedCell?: string; retypedKey?: string } {
    const masterRow = this.master.rows.get(key);
    if (!masterRow) return {};
    for (const row of this.source.incoming.rows) {
      if (row.key !== key) continue;
      const titledKey = this.keyOfOtherTitle(row, masterRow);
      if (titledKey !== null && row.keyAddress) return { retypedCell: row.keyAddress, retypedKey: titledKey };
    }
    return {};
  }

  /**
   * The key whose Intitulé the row holds, when it is not its own: null when the row shows its own title (or none,
   * or a title no row of the master has: an edited title, said cell by cell).
   */
  private keyOfOtherTitle(row: IncomingRow, masterRow: MasterRow): string | null {
    // An extract of a plan since amended may show an old title that is now another key's.
    const { extract } = this.source;
    if (extract && extract.masterFingerprint !== this.master.fingerprint) return null;
    const cell = row.cells.find((candidate) => candidate.field === 'title');
    const title = cell ? textValue(cell.value) : '';
    if (title === '' || title === (masterRow.planTexts.get('title') ?? '')) return null;
    // A title several rows share (« Nombre de participants ») names none of them.
    this.keysByTitle ??= keysByTitle(this.master.rows);
    return this.keysByTitle.get(title) ?? null;
  }

  /**
   * Whether the partner may report on the row: a row of a fiche that goes to it in the master, and of the extract it
   * was sent if any. Otherwise its values would feed the master without ever coming back in its extracts:
   * the row is rejected, once, when it carries something to take (an untouched row of a whole copy says nothing).
   */
  private isPartnersRow(partner: string, row: IncomingRow, key: string): boolean {
    const { extract } = this.source;
    const fiche = parentKeyOf(key) ?? key;
    const sent = !extract || extract.keys.has(key);
    const partners = this.master.fichesOf(partner).has(fiche);
    if (sent && partners) return true;
    if (!this.foreignRows.has(key)) {
      this.foreignRows.add(key);
      const location = { sheet: row.sheet, cell: row.keyAddress || null, rowKey: key };
      if (!sent) this.reject('merge-row-not-sent', location, { key, partner });
      else this.reject('merge-row-not-partner', location, { key, fiche, partner });
    }
    return false;
  }

  private sentValue(key: string, field: string): JournalValue | null {
    const { extract } = this.source;
    if (!extract) return null;
    return extract.sent.get(key)?.get(field) ?? emptyValue;
  }

  /**
   * Whether a plan cell holds the text the extract was sent with (the plan amended since, the partner untouched it).
   * An extract records its plan cells (its rows' titles, never empty, among them); an older one does not: then no.
   */
  private sentAsReturned(key: string, field: string, returned: string): boolean {
    const sent = this.source.extract?.sent.get(key);
    if (!sent?.has('title')) return false;
    return String(sent.get(field)?.value ?? '') === returned;
  }

  /**
   * A value that changes nothing: what the extract held; without an extract (a copy of the master, a pasted table),
   * an empty cell or the master's own value.
   */
  private saysNothing(value: JournalValue, sent: JournalValue | null, masterValue: JournalValue): boolean {
    if (sent !== null) return sameValue(value, sent);
    return value.type === 'empty' || sameValue(value, masterValue);
  }

  /**
   * One returned cell: refused, unchanged, or decided. `taken`: false for a row refused whole (its key on several
   * rows), whose cell is only checked, so that its refusals are said; nothing of it is counted, noted or decided.
   */
  private mergeCell(partner: string, masterRow: MasterRow, row: IncomingRow, cell: IncomingCell, taken: boolean): void {
    const location = { sheet: row.sheet, cell: cell.address, rowKey: masterRow.key };
    const { field } = cell;
    const shown = shownCellValue(cell);
    const countUnchanged = () => {
      if (taken) this.outcome.unchanged += 1;
    };
    if (isPlanField(field)) {
      const returned = textValue(cell.value);
      if (
        returned !== (masterRow.planTexts.get(field as never) ?? '') &&
        !this.sentAsReturned(masterRow.key, field, returned)
      ) {
        if (cell.hiddenBy === undefined)
          this.reject('merge-plan-cell-edited', location, { header: cell.header, value: shown });
        else if (taken) this.hiddenCell(partner, location, cell);
      }
      return;
    }
    const enteredCell = this.working.entered.get(masterRow.key)?.get(field);
    const masterValue = masterValueOf(field, masterRow.kind, enteredCell);
    const checked = checkReturnedValue(field, masterRow.kind, cell);
    const sent = this.sentValue(masterRow.key, field);
    // A percentage format on a number sent back untouched says nothing: the master's own cell may be so formatted (its
    // rewrite keeps the format), or the partner formatted it, which changes how it shows, not the number.
    if (onlyShownAsPercent(field, masterRow.kind, cell, (value) => this.saysNothing(value, sent, masterValue))) {
      if (sent === null || isReportedField(field)) countUnchanged();
      // Where a percentage is refused (a count, Avancement), « 50 % » over a 0,5 is the same number, so kept, but the
      // partner likely meant 50: said, unless the master's cell shows it so itself (its validation says it).
      if (
        !checked.ok &&
        isReportedField(field) &&
        taken &&
        percentMayMeanAnother(cell.value as number) &&
        enteredCell?.isPercent !== true
      )
        this.note('merge-percent-kept', location, {
          header: cell.header,
          value: cell.value as number,
          ...(isQuarterField(field) ? { quarter: field } : {}),
          sent: sent === null ? 0 : 1,
        });
      return;
    }
    // A formula saved without its result reads as empty: it says something the file does not show (merge-formula).
    const withoutResult = cell.formula !== null && checked.ok && checked.value.type === 'empty';
    if (checked.ok && !withoutResult && this.saysNothing(checked.value, sent, masterValue)) {
      // An extract's officer's cells (recorded so that the officer's change since is not the partner's) are not the
      // partner's values: not counted.
      if (checked.value.type !== 'empty' && (sent === null || isReportedField(field))) countUnchanged();
      return;
    }
    if (!isReportedField(field)) {
      if (!checked.ok || !sameValue(checked.value, masterValue)) {
        if (cell.hiddenBy === undefined)
          this.reject('merge-reserved-cell', location, { header: cell.header, value: shown });
        else if (taken) this.hiddenCell(partner, location, cell);
      }
      return;
    }
    if (cell.formula !== null) {
      this.reject('merge-formula', location, { formula: cell.formula, header: cell.header });
      return;
    }
    if (!checked.ok) {
      // A date typed that does not exist: the day written, for the message to say what is wrong with it.
      const read: IssueParams =
        checked.read === undefined
          ? {}
          : checked.read === 'impossibleDate'
            ? { read: checked.read, ...checked.date }
            : { read: checked.read };
      this.reject('merge-wrong-value', location, {
        header: cell.header,
        value: shown,
        expected: checked.expected,
        // A text is quoted with its invisible characters named; a number or a date as French Excel shows it.
        typed: typeof cell.value === 'string' ? 'text' : 'other',
        ...read,
      });
      return;
    }
    const value = checked.value;
    // The extract's quarter, never past the master's: `_ctg` is in the partner's hands.
    const current = this.master.currentQuarter;
    const sentUpTo = this.source.extract?.upTo ?? current;
    const upTo = quarterIndex(sentUpTo) < quarterIndex(current) ? sentUpTo : current;
    const quarter = isQuarterField(field) ? parseQuarterLabel(field) : null;
    if (quarter && quarterIndex(quarter) > quarterIndex(upTo)) {
      this.reject('merge-quarter-not-open', location, {
        value: shown,
        header: cell.header,
        quarter: field,
        upTo: quarterLabel(upTo),
      });
      return;
    }
    if (value.type === 'text' && !isQuarterField(field)) {
      const kinds = [...new Set(findPersonalData(value.value).map((match) => match.kind))];
      if (kinds.length > 0 && this.choices.refusePersonalData) {
        this.reject('merge-personal-data-refused', location, { header: cell.header, kinds });
        return;
      }
      if (kinds.length > 0 && taken) this.note('merge-personal-data', location, { header: cell.header, kinds });
    }
    if (!this.isPartnersRow(partner, row, masterRow.key) || !taken) return;
    this.decide(partner, masterRow, { row, cell, value, masterValue, sent });
  }

  /**
   * A cell of the plan or the officer's that reads empty under a merged range: the partner merged it, never emptied
   * it, and such a cell is never taken. Said, not refused: the master keeps its value and nothing is to be done.
   */
  private hiddenCell(partner: string, location: Place, cell: IncomingCell): void {
    this.note('merge-merged-cell', location, { header: cell.header, range: cell.hiddenBy ?? '', partner });
  }

  private decide(
    partner: string,
    masterRow: MasterRow,
    at: {
      row: IncomingRow;
      cell: IncomingCell;
      value: JournalValue;
      masterValue: JournalValue;
      sent: JournalValue | null;
    },
  ): void {
    const { field } = at.cell;
    const current = this.working.contributions.current(masterRow.key, field);
    const own = current.get(recipientKey(partner)) ?? null;
    const otherLines = [...current].filter(([who]) => who !== recipientKey(partner)).map(([, line]) => line);
    const others = otherLines.map((line) => line.value);
    const aggregate = isQuarterField(field) ? aggregateOf(masterRow.rule, masterRow.kind) : null;
    const madeAt = this.source.extract?.madeAt ?? null;
    const ownShown = own !== null && madeAt !== null && madeAt >= own.at;
    const decided = decideCell(
      { master: at.masterValue, sent: at.sent, own: own?.value ?? null, ownShown, others, aggregate },
      at.value,
    );
    const slot = valueSlot({ key: masterRow.key, field, partner });
    const source = this.source.file;
    const asNow =
      decided.kind === 'unchanged' ? null : { decided, master: at.masterValue, own: own?.value ?? null, otherLines };
    if (asNow) this.outcome.claims.push({ source, slot, value: at.value, alone: asNow });
    const { returns } = this.choices;
    const claim = returns?.claimOf(source, slot);
    const contested = claim !== undefined && returns!.contested(slot);
    // Of several sources, each value is decided as weighed alone against the master as it was, whatever the sources
    // merged before it took: a value it did not give that master says nothing, a conflict stays one (another file's
    // value taken into the cell does not make it a change), and a contested place is a conflict of each file that
    // claims it. Only what a value taken gives the cell is worked out on the master as it now is.
    const basis = returns === undefined ? asNow : (claim?.alone ?? null);
    const now = decided.kind === 'unchanged' ? at.masterValue : decided.master;
    if (basis === null) {
      if (at.value.type !== 'empty') this.outcome.unchanged += 1;
      return;
    }
    // A value the cell would take, but another source contests: held, the other files' values named.
    const decision =
      contested && basis.decided.kind === 'contribution'
        ? { kind: 'conflict' as const, reason: 'returns-differ' as const, master: basis.decided.master }
        : basis.decided;
    const place = {
      key: masterRow.key,
      field,
      column: columnWords(field),
      sheet: masterRow.sheet,
      cell: masterRow.addresses.get(field) ?? null,
      source,
      partner,
    };
    if (decision.kind === 'contribution') {
      this.take(place, at.value, at.masterValue, now);
      return;
    }
    const rivals = contested ? returns!.rivals(source, slot, at.value) : [];
    const named = { ...place, header: at.cell.header };
    const takes = takesOf(this.choices, named);
    this.outcome.takesUsed.push(...takes);
    const sources = this.choices.sources;
    const takenOf = (claims: readonly Claim[]) =>
      (this.choices.take ?? []).some((entry) =>
        claims.some((other) => takeNames(entry, { ...named, source: other.source }, sources)),
      );
    // The same value taken from another file is the one chosen for the place: taken with it, not left pending.
    const allyTaken = contested && takenOf(returns!.allies(source, slot, at.value));
    // Another file's value taken for the cell is the one it keeps, and decides it: this one is not taken, nor left
    // pending (its --take would be refused, two values for one cell), whatever `prefer` says.
    const otherTaken = takenOf(rivals) || takenFromOtherFile(this.choices.take ?? [], named, this.choices.sources);
    const resolution =
      takes.length > 0 || allyTaken ? 'incoming' : otherTaken ? 'master' : (this.choices.prefer ?? null);
    const otherValues = basis.otherLines.filter((line) => line.value.type !== 'empty');
    this.outcome.conflicts.push({
      ...place,
      master: basis.master,
      incoming: at.value,
      reason: decision.reason,
      rivals: rivals.map((rival) => ({ source: rival.source, value: rival.value })),
      previous: basis.own,
      result: decision.master,
      othersGiven: otherValues.map((line) => ({ partner: line.partner, value: line.value })),
      masterGivenBy:
        decision.reason === 'master-differs' && aggregate === null ? givenBy(basis.otherLines, basis.master) : null,
      returned: { sheet: at.row.sheet, cell: at.cell.address },
      mergedRange: at.cell.hiddenBy ?? null,
      resolution,
      takenBy: takes,
      take: takeEntry(place, false),
      takenInstead: null,
    });
    // Taken into the master as it now is: the same value taken from another file already is only confirmed.
    if (resolution === 'incoming') this.take(place, at.value, at.masterValue, now);
  }

  /**
   * The partner's value recorded as their contribution; the master cell set when it changes (journalled); else a
   * value equal to the cell's confirms it (unchanged, yet the partner's, so that an aggregate and an undo count it),
   * and a different one is taken into an aggregate that keeps its value.
   */
  private take(place: Omit<AppliedChange, 'old' | 'new'>, value: JournalValue, old: JournalValue, next: JournalValue) {
    this.working.contributions.add({
      at: this.now,
      file: place.source,
      partner: place.partner,
      key: place.key,
      label: place.column,
      field: place.field,
      value,
    });
    if (sameValue(old, next) && !sameValue(value, old)) {
      this.outcome.contributed.push({ ...place, value, kept: old });
      return;
    }
    if (sameValue(old, next)) {
      this.outcome.unchanged += 1;
      this.outcome.confirmed += 1;
      return;
    }
    const row = this.working.entered.get(place.key) ?? new Map<string, EnteredCell>();
    row.set(place.field, enteredCellOf(next));
    this.working.entered.set(place.key, row);
    this.working.journal.push(
      valueMerged(this.now, {
        key: place.key,
        field: place.field,
        header: place.column,
        before: old,
        after: next,
        file: place.source,
        partner: place.partner,
      }),
    );
    this.outcome.applied.push({ ...place, old, new: next });
  }
}

/** Merges one source into `working` (changed in place) and says what it did. `now`: the merge's instant, ISO. */
export function mergeSource(
  working: WorkingCopy,
  master: MasterFacts,
  source: MergeSource,
  choices: SourceChoices,
  now: string,
): SourceOutcome {
  return new SourceMerge(working, master, source, choices, now).run();
}

/**
 * The unknown columns whose header is a column the partner fills retyped (« Statuts » where the sheet lacks
 * « Statut »), with that column's header: a letter or two off, the master's own guess (renamed-columns.ts), else
 * standing where that column stood (« T3 2026 » between 2026-T2 and 2026-T4), so that their values are refused with
 * the header to put back rather than passed over as a column of the partner's.
 */
function retypedColumns(notes: readonly IncomingSheetNote[]): Map<IncomingSheetNote, string> {
  // A header that reads as a quarter (« 2025-T4 ») is that quarter, one the partner added, not another one retyped.
  const columns = notes.filter(
    (note) =>
      (note.kind === 'unknown-column' && parseQuarterLabel(note.header) === null) || note.kind === 'missing-column',
  );
  const issues = columns.map((note) =>
    createIssue(
      note.kind as 'unknown-column' | 'missing-column',
      { sheet: note.sheet, cell: note.cell },
      { header: note.header },
    ),
  );
  const retyped = new Map<IncomingSheetNote, string>();
  const unknownAt = (sheet: string, cell: string | null) =>
    columns.find((one) => one.kind === 'unknown-column' && one.sheet === sheet && one.cell === cell);
  const paired = new Set<string>();
  for (const issue of withRenamedColumns(issues)) {
    if (issue.code !== 'missing-column' || issue.params.renamedAs === undefined || issue.sheet === null) continue;
    const note = unknownAt(issue.sheet, issue.cell);
    if (note) retyped.set(note, String(issue.params.header));
    paired.add(`${issue.sheet}\u0000${String(issue.params.header)}`);
  }
  // A header retyped beyond a letter or two, said by where it stands: where its column stood (retyped-header-places.ts).
  for (const missing of columns) {
    if (missing.kind !== 'missing-column' || missing.place === undefined) continue;
    if (paired.has(`${missing.sheet}\u0000${missing.header}`)) continue;
    const note = unknownAt(missing.sheet, missing.place);
    if (note && !retyped.has(note)) retyped.set(note, missing.header);
  }
  return retyped;
}

/** How many of a refused row's values its message quotes; the others are counted. */
const QUOTED_ROW_VALUES = 6;

/**
 * What a partner reported in a row no row of the master takes (« 2026-T3 : 9 »; the plan's texts and the officer's
 * settings left out): quoted in the refusal, so that the officer can type them where they belong.
 */
function typedValuesOf(row: IncomingRow): string[] {
  const typed = row.cells
    .filter((cell) => isReportedField(cell.field))
    .map((cell) => [headerText(cell.header), shownCellValue(cell)] as const)
    .filter(([, shown]) => shown.trim() !== '')
    // A text pasted there may be thousands of characters long: shown by its start and its length, as report lines do.
    .map(([header, shown]) => `${header}\u00a0: ${shownName(shown)}`);
  const more = typed.length - QUOTED_ROW_VALUES;
  return more > 1 ? [...typed.slice(0, QUOTED_ROW_VALUES), `et ${more} autres`] : typed;
}
