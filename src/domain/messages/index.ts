/**
 * The one French catalogue: every message a user reads about a plan or a workbook is rendered here from a code
 * and its params. Each area keeps its templates in its own file; this index merges them, typed so that every code
 * has its template and a code without one does not compile: the workbook issues' codes (src/domain/issue-codes),
 * the convention reader's warnings and failures, a plan JSON's refusals, the .xlsx reader's errors and what a check
 * says of a partner's extract, and a merge's refusal of the sources it is given.
 */
import type { IssueCode } from '../issue-codes';
import { aoMessages } from './ao';
import { planMessages, type PlanFailureCode, type PlanWarningCode } from './plan';
import { planSourceMessages, type PlanJsonErrorCode } from './plan-source';
import { workbookMessages } from './workbook';
import { xlsxMessages, type XlsxReadErrorCode } from './xlsx';
import { workbookMetaMessages } from './workbook-meta';
import { mergeMessages } from './merge';
import { rewriteMessages } from './rewrite';
import { criterionTitleMessages } from './criterion-title';
import { consolidationMessages } from './consolidation';
import { bilanMessages } from './bilan';
import { extractMessages } from './extract';
import { quarterChoiceMessages } from './quarter-choice';
import { checkedExtractMessages, type CheckedExtractCode } from './checked-extract';
import { mergeInputMessages, type MergeInputCode } from './merge-input';
import type { MessageParams, MessageReader, MessageSurface, MessageTemplate } from './types';

export type { MessageParams, MessageReader, MessageSurface, MessageTemplate } from './types';
export type { PlanFailureCode, PlanWarningCode } from './plan';
export type { PlanJsonErrorCode } from './plan-source';
export type { XlsxReadErrorCode } from './xlsx';
export type { CheckedExtractCode } from './checked-extract';
export type { MergeInputCode } from './merge-input';

/** Every code a message is rendered for. */
export type MessageCode =
  | IssueCode
  | PlanWarningCode
  | PlanFailureCode
  | PlanJsonErrorCode
  | XlsxReadErrorCode
  | CheckedExtractCode
  | MergeInputCode;

/** The messages of workbook issues: one for every code of the table, checked by the compiler. */
export const issueMessages: Record<IssueCode, MessageTemplate> = {
  ...workbookMessages,
  ...workbookMetaMessages,
  ...aoMessages,
  ...rewriteMessages,
  ...criterionTitleMessages,
  ...quarterChoiceMessages,
  ...mergeMessages,
  ...extractMessages,
  ...consolidationMessages,
  ...bilanMessages,
};

/** The whole catalogue, by area (a test checks that no code is in two areas). */
export const messageAreas = {
  issues: issueMessages,
  plan: planMessages,
  planSource: planSourceMessages,
  xlsx: xlsxMessages,
  checkedExtract: checkedExtractMessages,
  mergeInput: mergeInputMessages,
} as const;

const catalogue: Record<MessageCode, MessageTemplate> = {
  ...planMessages,
  ...planSourceMessages,
  ...xlsxMessages,
  ...checkedExtractMessages,
  ...mergeInputMessages,
  ...issueMessages,
};

/**
 * The message of `code` for whoever reads it: the command line's unless told otherwise; the task pane renders
 * through src/taskpane/messages.ts, which says it is the pane. The workbook's own user reads it unless the
 * consolidation says it is the Caf (`reader`).
 */
export function renderMessage(
  code: MessageCode,
  params: MessageParams = {},
  surface: MessageSurface = 'command-line',
  reader: MessageReader = 'editor',
): string {
  return catalogue[code](params, surface, reader);
}

/** Whether a code read from outside (a JSON document) is one the catalogue renders. */
export function hasMessage(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(catalogue, code);
}
