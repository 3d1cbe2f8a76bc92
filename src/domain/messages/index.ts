/**
 * The one French catalogue: every message a user reads about a plan or a workbook is rendered here from a code
 * and its params. Each area keeps its templates in its own file; this index merges them.
 */
import { planMessages } from './plan';

export type MessageParams = Record<string, string | number | string[] | number[] | null | undefined>;
export type MessageTemplate = (params: MessageParams) => string;

const catalogue: Record<string, MessageTemplate> = {
  ...planMessages,
};

export function renderMessage(code: string, params: MessageParams = {}): string {
  const template = catalogue[code];
  if (!template) return `Problème non décrit (${code}).`;
  return template(params);
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}
