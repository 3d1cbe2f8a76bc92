import type { Issue } from '../../app';
import { texts } from '../texts';
import { IssueBar } from './issue-bar';

/**
 * What a rewrite of the open workbook put back, kept or journalled (rows put back in order, a tool's text restored,
 * personal data erased, a person's formula to check), under « À noter : », as the command line prints them: after
 * « Calculer », « Clôturer », a merge and its undo alike. Nothing when it has nothing to say.
 */
export function RewriteNotes({ notes }: { notes: readonly Issue[] }) {
  return notes.length > 0 ? <IssueBar intent="warning" title={texts.rewriteNotes} issues={notes} /> : null;
}
