import { isSkipped, type AnyWorkbookGrids, type WorkbookGrids } from '../domain/grid';
import { parseQuarterLabel, type Quarter } from '../domain/periods';
import { isRecipientInput } from '../domain/recipients';
import type { CriterionKind } from '../domain/plan';
import { createIssue, type Issue } from '../domain/issues';
import { shownCellValue } from '../domain/messages/shown-cell-value';
import type { IssueCode } from '../domain/issue-codes';
import { cellJournalValue, emptyValue, textValue as journalText, type JournalValue } from '../domain/journal';
import { sameValue } from '../domain/merge/cell-decision';
import type { AxisSheetReading } from '../domain/tracking';
import { textValue } from '../domain/tracking-values';
import { readIncomingRows, valuesBelow } from '../layout/incoming/read-incoming-rows';
import { fieldOfHeader } from '../layout/sheets/axis/axis-columns';
import type { ExtractMeta } from '../layout/sheets/ctg-meta/extract-meta';
import { rowOfIssue } from './key-typed-over';
import { sentByCell } from './merge/extract-facts';
import { keyOfEachTitle } from './merge/keyless-copy';
import { otherSheetOfKey, repeatedKeys } from './merge/merge-source';
import { isPlanField, isReportedField } from './merge/master-rows';
import { checkReturnedValue, onlyShownAsPercent, percentMayMeanAnother, returnedNumber } from './merge/returned-value';

/**
 * A returned extract's issues as the merge will treat its cells (docs/WORKBOOK.md, « Extracts »): a number typed as
 * text is taken by the merge as that number (a warning saying so, not an error), and a formula is refused by the
 * merge whatever the file's program does with it (said with the merge's own words, not « open and save it »), and so
 * is a value typed after the last quarter the extract opens, and a row the extract was not sent; a value typed over
 * a rate is left out, as merge notes; a sorted table, which no command puts back in order, is read by key. What is
 * said to a master's author, to undo a column's deletion, that the next compute erases a grey cell's value or to put
 * a row's Type back, is said as the merge treats it: a column the recipient fills is lost to the merge, a locked one
 * is not read, a column added is not taken (`merge-column-ignored`: only a master's rewrite keeps it), a grey cell's
 * value is not taken (`merge-cell-not-used`), and a Type cell is not read (nor said, on a row whose key has its own
 * issue). Keys swapped or typed over are said as the merge refuses them (`merge-key-changed`, from `sentCellsChanged`);
 * two rows of one type moved whole, which the merge takes by their key, are not said.
 */
export function asMergeTreats(issues: readonly Issue[], meta: ExtractMeta, grids: AnyWorkbookGrids): Issue[] {
  const { partner, upTo } = meta;
  const sent = sentByCell(meta.sent);
  const keyInQuestion = new Set(issues.filter((issue) => keyIssueCodes.has(issue.code)).map(rowOfIssue));
  const titledOtherKey = new Set(issues.filter((issue) => issue.code === 'merge-key-changed').map(rowOfIssue));
  const refusedAsRepeated = new Set(issues.filter((issue) => issue.code === 'merge-duplicate-key').map(rowOfIssue));
  // The merge takes a row whose key was erased, changed, repeated or not sent by no key: its key's issue says what to
  // do, and its Type, which the merge would not read either, is not said on top. A row showing another key's title is
  // refused whole by the merge, which names the key to give it back: that one wording, not `key-changed`'s too. A row
  // the merge refuses as its key repeated (`merge-duplicate-key`) is told so, in the merge's words, not in the master's.
  // A plan column emptied is the master's to mend: the merge never takes the plan's columns from a partner.
  const said = issues.filter(
    (issue) =>
      issue.code !== 'plan-column-emptied' &&
      (issue.code !== 'wrong-row-type' || !keyInQuestion.has(rowOfIssue(issue))) &&
      !isRowsExchanged(issue) &&
      (issue.code !== 'key-changed' || !titledOtherKey.has(rowOfIssue(issue))) &&
      (issue.code !== 'duplicate-key' || !refusedAsRepeated.has(rowOfIssue(issue))),
  );
  return said.flatMap((issue): Issue | Issue[] => {
    const at = { sheet: issue.sheet, cell: issue.cell, rowKey: issue.rowKey };
    // A column deleted (not one whose header was retyped, which keeps its own advice): nothing to undo or restore on
    // the checker's side, only what the merge does without it and what to ask the partner.
    if (issue.code === 'missing-column' && issue.params.renamedAs === undefined) {
      const header = String(issue.params.header ?? '');
      const code = fillsColumn(header, upTo) ? 'extract-column-missing' : 'extract-locked-column-missing';
      return createIssue(code, at, { header, partner });
    }
    // A master's rewrite keeps a column added to its table; the merge takes nothing of it: said as merge says it.
    if (issue.code === 'unknown-column')
      return createIssue('merge-column-ignored', at, {
        header: issue.params.header ?? '',
        count: valuesUnder(grids, issue),
        partner,
      });
    // An extract is never rewritten, so no compute erases the value: the merge leaves it out, as it says.
    if (issue.code === 'grey-cell-value')
      return createIssue('merge-cell-not-used', at, {
        header: issue.params.header ?? '',
        key: issue.rowKey ?? '',
        value: issue.params.value ?? '',
      });
    // The merge types a row by its key, never by its Type cell: nothing to put back, the master keeps its type.
    if (issue.code === 'wrong-row-type') return createIssue('extract-row-type-changed', at, issue.params);
    // A key the extract was not sent (a row pasted from another partner's extract): nothing to add to the plan.
    if (issue.code === 'unknown-key')
      return createIssue('merge-row-not-sent', at, { key: issue.params.key ?? '', partner });
    if (issue.code === 'formula-in-input-cell' || issue.code === 'formula-without-value')
      return createIssue('merge-formula', at, {
        formula: issue.params.formula ?? '',
        header: issue.params.header ?? '',
      });
    // The partner cannot move the quarter the extract stops at: the merge leaves the value out.
    if (issue.code === 'value-after-current-quarter')
      return createIssue('merge-quarter-not-open', at, {
        value: issue.params.value ?? '',
        quarter: issue.params.quarter ?? '',
        upTo: issue.params.current ?? '',
      });
    // An extract is never rewritten: a value over a rate is only left out by the merge (a note, as merge says it).
    if (issue.code === 'value-in-computed-cell')
      return createIssue('merge-value-in-computed-cell', at, {
        header: issue.params.header ?? '',
        value: issue.params.value ?? '',
      });
    if (issue.code === 'percent-read-as-fraction') return percentAsMergeTreats(issue, sent);
    // No command puts an extract's rows back in order, and the merge reads them by key: a warning that says so.
    if (issue.code === 'axis-rows-out-of-order') return createIssue('extract-rows-out-of-order', at, issue.params);
    if (issue.code !== 'quarter-value-number-as-text') return issue;
    const number = returnedNumber(issue.params.value as string);
    return number === null ? issue : createIssue('extract-number-as-text', at, { ...issue.params, number });
  });
}

/** How many values the column whose header cell an issue names holds under it, as the merge counts them. */
function valuesUnder(grids: AnyWorkbookGrids, issue: Issue): number {
  const grid = grids.sheets.find((sheet) => sheet.name === issue.sheet);
  return grid === undefined || isSkipped(grid) ? 0 : (valuesBelow(grid, issue.cell) ?? 0);
}

/**
 * Two rows of one type showing each other's keys, which a master cannot tell from the rows moved whole (`rowHere`):
 * the merge tells them by the master's Intitulé, taking rows moved by their key, and refusing keys swapped, which
 * `sentCellsChanged` says as it does (`merge-key-changed`): `key-changed`'s « swap the rows » is never to be said.
 */
const isRowsExchanged = (issue: Issue) => issue.code === 'key-changed' && issue.params.rowHere !== undefined;

/**
 * A number shown as a percentage in a cell the partner fills where the merge refuses a percentage (a count's quarter,
 * Avancement), as the merge treats it: the number the extract was sent with, kept and said (`merge-percent-kept`,
 * nothing for « 0 % »); another, refused (`merge-wrong-value`). In an officer's cell, nothing: the merge only compares it.
 * Whether the master's cell shows the number so itself, which the merge then does not say, the extract cannot tell.
 */
function percentAsMergeTreats(
  issue: Issue,
  sent: ReadonlyMap<string, ReadonlyMap<string, JournalValue>>,
): Issue | Issue[] {
  const at = { sheet: issue.sheet, cell: issue.cell, rowKey: issue.rowKey };
  const { header, quarter } = issue.params;
  const field = typeof quarter === 'string' ? quarter : fieldOfHeader(String(header ?? ''));
  if (field === undefined) return issue;
  // An officer's cell (Référence, Cible): the merge compares the number it stores with the one sent, nothing else, and
  // one changed is already `merge-reserved-cell` (sentCellsChanged).
  if (!isReportedField(field)) return [];
  const cell = { value: Number(issue.params.value), isDate: false, isError: false, isPercent: true };
  const was = sent.get(issue.rowKey ?? '')?.get(field) ?? emptyValue;
  if (sameValue({ type: 'number', value: cell.value }, was))
    return percentMayMeanAnother(cell.value) ? createIssue('merge-percent-kept', at, { ...issue.params, sent: 1 }) : [];
  // The issue is given a quarter only of a count.
  const checked = checkReturnedValue(field, quarter === undefined ? null : 'quantitative', cell);
  if (checked.ok) return issue;
  return createIssue('merge-wrong-value', at, {
    header: header ?? '',
    value: shownCellValue(cell),
    expected: checked.expected,
    typed: 'other',
    ...(checked.read === undefined ? {} : { read: checked.read }),
  });
}

/** What is said of a row's key that the merge takes no row by: a key erased, changed, repeated or not sent. */
const keyIssueCodes = new Set<IssueCode>([
  'empty-key',
  'key-changed',
  'duplicate-key',
  'unknown-key',
  'merge-key-changed',
]);

/**
 * Whether the recipient fills the column of this header (`isRecipientInput`): a field they report, or a quarter the
 * extract opens (any quarter when `_ctg` no longer says up to which).
 */
function fillsColumn(header: string, upTo: Quarter | null): boolean {
  const field = parseQuarterLabel(header) === null ? fieldOfHeader(header) : header;
  if (field === undefined) return false;
  return upTo === null ? isReportedField(field) : isRecipientInput(field, upTo);
}

/**
 * The plan's and the officer's cells of a returned extract that the partner changed: what the merge refuses
 * (`merge-plan-cell-edited`, `merge-reserved-cell`), said beforehand. Compared with the values the extract was sent
 * with, which an older extract does not record (no row title among them): then nothing is said. A row showing the
 * title another key was sent with (keys swapped, a key typed over) is what the merge refuses whole, by the master's
 * titles (`merge-key-changed`): its key is to be given back, never its title changed, and nothing else of it is said.
 */
export function sentCellsChanged(meta: ExtractMeta, axisSheets: readonly AxisSheetReading[]): Issue[] {
  const sent = sentByCell(meta.sent);
  const sentTitle = (cells: ReadonlyMap<string, JournalValue> | undefined) =>
    String(cells?.get('title')?.value ?? '').trim();
  const keyOfTitle = keyOfEachTitle([...sent].map(([key, cells]) => [key, sentTitle(cells)]));
  const issues: Issue[] = [];
  for (const row of axisSheets.flatMap((sheet) => sheet.rows)) {
    const rowSent = sent.get(row.key);
    if (row.type === 'unknown' || !rowSent?.has('title')) continue;
    const title = textValue(row.cells.title?.raw ?? null);
    const titledKey = title === sentTitle(rowSent) ? null : keyOfTitle.get(title);
    if (titledKey) {
      const at = { sheet: row.sheet, cell: row.cells.key?.address ?? null, rowKey: row.key };
      issues.push(createIssue('merge-key-changed', at, { key: row.key, other: titledKey }));
      continue;
    }
    const kind: CriterionKind | null = row.type === 'criterion' ? row.kind : null;
    for (const [field, cell] of Object.entries(row.cells)) {
      // As the merge reads a returned row (read-incoming-rows.ts): the key and type are the row's identity, rates are
      // formulas.
      if (!cell || field === 'key' || field === 'type' || cell.kind === 'rate' || isReportedField(field)) continue;
      const was = rowSent.get(field);
      const at = { sheet: row.sheet, cell: cell.address, rowKey: row.key };
      // The cell's flags are getters of the axis cell, which a spread would lose: named, so that the value is read
      // (a date as a date) and quoted (a percentage as such) as the merge reads and quotes it.
      const returnedCell = { value: cell.raw, isDate: cell.isDate, isPercent: cell.isPercent, isError: cell.isError };
      const params = { header: cell.header, value: shownCellValue(returnedCell) };
      if (isPlanField(field)) {
        if (textValue(cell.raw) !== String(was?.value ?? '').trim())
          issues.push(createIssue('merge-plan-cell-edited', at, params));
        continue;
      }
      const checked = checkReturnedValue(field, kind, returnedCell);
      const returned = checked.ok ? checked.value : cellJournalValue(cell.raw, cell.isDate);
      const unchanged = (value: JournalValue) => sameValue(value, was ?? journalText(''));
      if (!unchanged(returned) && !onlyShownAsPercent(field, kind, returnedCell, unchanged))
        issues.push(createIssue('merge-reserved-cell', at, params));
    }
  }
  return issues;
}

/**
 * The rows of a returned extract that merge refuses as one key on several rows (`merge-duplicate-key`), found by the
 * merge's own reader, and said with its words: in the sheets validation does not check as axis sheets (`axisSheets`),
 * an axis sheet copied (« Axe 1 (2) »), whose every row repeats one of the original's; in the axis sheets, the other
 * rows of a key typed over a row carrying another key's title (`keyChanged`, the `merge-key-changed` of
 * `sentCellsChanged`), untouched but refused with it, their values not taken. Any other key repeated within an axis
 * sheet is validation's own `duplicate-key`; the row typed over has its `merge-key-changed`, the one fix to make.
 */
export function keysRepeatedAsMergeRefuses(
  grids: WorkbookGrids,
  quarters: readonly Quarter[],
  axisSheets: ReadonlySet<string>,
  keyChanged: readonly Issue[],
): Issue[] {
  const incoming = readIncomingRows(grids, quarters);
  const { rows } = incoming;
  const repeated = repeatedKeys(rows);
  // As the merge names them (`retypedRowOfKey`): the first row of a key carrying another key's title.
  const retyped = new Map<string, { retypedCell: string; retypedKey: string }>();
  const retypedCells = new Set<string>();
  for (const issue of keyChanged) {
    if (issue.code !== 'merge-key-changed' || issue.rowKey === null || issue.cell === null) continue;
    retypedCells.add(`${issue.sheet ?? ''}!${issue.cell}`);
    if (!retyped.has(issue.rowKey))
      retyped.set(issue.rowKey, { retypedCell: issue.cell, retypedKey: String(issue.params.other ?? '') });
  }
  return rows.flatMap((row) => {
    const count = repeated.get(row.key);
    if (count === undefined) return [];
    const nextToRetyped = retyped.has(row.key) && !retypedCells.has(`${row.sheet}!${row.keyAddress}`);
    if (axisSheets.has(row.sheet) && !nextToRetyped) return [];
    const at = { sheet: row.sheet, cell: row.keyAddress || null, rowKey: row.key };
    const params = { key: row.typedKey, count, ...otherSheetOfKey(incoming, row), ...retyped.get(row.key) };
    return [createIssue('merge-duplicate-key', at, params)];
  });
}
