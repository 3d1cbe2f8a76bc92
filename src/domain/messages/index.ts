/**
 * The one French catalogue: every message a user reads about a plan or a workbook is rendered here from a code
 * and its params. Each area keeps its templates in its own file; this index merges them.
 */
import { aoMessages } from './ao';
import { planMessages } from './plan';
import { planSourceMessages } from './plan-source';
import { workbookMessages } from './workbook';
import { xlsxMessages } from './xlsx';
import { workbookMetaMessages } from './workbook-meta';
import { rewriteMessages } from './rewrite';
import { quarterChoiceMessages } from './quarter-choice';
import type { MessageParams, MessageTemplate } from './types';

export type { MessageParams, MessageTemplate } from './types';

const catalogue: Record<string, MessageTemplate> = {
  ...planMessages,
  ...planSourceMessages,
  ...workbookMessages,
  ...xlsxMessages,
  ...workbookMetaMessages,
  ...aoMessages,
  ...rewriteMessages,
  ...quarterChoiceMessages,
};

export function renderMessage(code: string, params: MessageParams = {}): string {
  const template = catalogue[code];
  if (!template) return `Problème non décrit (${code}).`;
  return template(params);
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}
