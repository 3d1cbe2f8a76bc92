import type { Issue } from '../../app';
import { texts } from '../texts';
import { IssueBar } from './issue-bar';

/**
 * What a rewrite of the open workbook put back, kept or journalled (rows put back in order, a tool's text restored,
 * personal data erased, a person's formula to check), under « À noter : », as the command line prints them: after
 * « Calculer », « Clôturer », a merge and its undo alike; then what this Excel could not do in it (`excelNotes`, the
 * port's notes of that write: the notes on cells it cannot read, the page layout…). Nothing when it has nothing to
 * say.
 */
export function RewriteNotes({ notes, excelNotes = [] }: { notes: readonly Issue[]; excelNotes?: readonly string[] }) {
  return notes.length + excelNotes.length > 0 ? (
    <IssueBar intent="warning" title={texts.rewriteNotes} issues={notes} lines={excelNotes} />
  ) : null;
}
