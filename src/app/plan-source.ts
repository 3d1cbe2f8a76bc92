import type { PlanFailureCode, PlanJsonErrorCode } from '../domain/messages';
import { planSchema, planReadingSchema, type PlanReading, type PlanWarning } from '../domain/plan';
import { EXCEL_CELL_TEXT_LIMIT, firstDuplicatedKey, firstOverlongPlanText } from '../domain/plan-checks';
import { schemaIssueInFrench } from '../domain/schema-issue';
import { decodeConventionBytes, parseConvention } from '../plan-text';
import { frenchNumber } from '../domain/messages/numbers';
import embeddedPlanJson from './embedded-plan.json';

/**
 * Where a plan comes from: the embedded Monts du Pilat plan, a convention text, or a plan JSON (the output of
 * `ctg-suivi plan --json`, or a plan exported by the add-in). All three end as a validated PlanReading.
 */

export interface PlanSourceError {
  code: PlanFailureCode | PlanJsonErrorCode;
  params: Record<string, string | number>;
}

export type PlanSourceResult =
  | { ok: true; reading: PlanReading; origin: 'embedded' | 'text' | 'json' }
  | { ok: false; error: PlanSourceError; warnings: PlanWarning[] };

/** The Monts du Pilat 2026–2030 plan shipped with the product, with the warnings its text gave. */
export function embeddedPlan(): PlanReading {
  return planReadingSchema.parse(embeddedPlanJson);
}

/** Where JSON.parse stopped, in French (its own message is English): « erreur de syntaxe vers le caractère 7 777 ». */
function jsonSyntaxDetail(error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  return position
    ? `erreur de syntaxe vers le caractère ${frenchNumber(Number(position[1]) + 1)}`
    : 'erreur de syntaxe';
}

function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith('{');
}

function readPlanJson(text: string): PlanSourceResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'plan-json-unreadable', params: { detail: jsonSyntaxDetail(error as Error) } },
      warnings: [],
    };
  }
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const params = { path: first.path.join('.'), detail: schemaIssueInFrench(first) };
    return { ok: false, error: { code: 'plan-json-invalid', params }, warnings: [] };
  }
  const duplicated = firstDuplicatedKey(parsed.data);
  if (duplicated !== null) {
    return { ok: false, error: { code: 'plan-json-duplicate-key', params: { key: duplicated } }, warnings: [] };
  }
  return { ok: true, reading: { plan: parsed.data, warnings: [] }, origin: 'json' };
}

/** A plan read is refused when a text of it would not fit in a cell: its workbook could not be read back. */
function fitForExcel(result: PlanSourceResult): PlanSourceResult {
  if (!result.ok) return result;
  const overlong = firstOverlongPlanText(result.reading.plan);
  if (overlong === null) return result;
  const params = { ...overlong, limit: EXCEL_CELL_TEXT_LIMIT };
  return { ok: false, error: { code: 'plan-text-too-long', params }, warnings: result.reading.warnings };
}

/** Reads a plan from a file's bytes: a plan JSON when it starts with `{`, else a convention text. */
export function readPlanFromBytes(bytes: Uint8Array): PlanSourceResult {
  const decoded = decodeConventionBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error, warnings: [] };
  if (looksLikeJson(decoded.text)) return fitForExcel(readPlanJson(decoded.text));
  const parsed = parseConvention(decoded.text);
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: parsed.warnings };
  return fitForExcel({ ok: true, reading: { plan: parsed.plan, warnings: parsed.warnings }, origin: 'text' });
}
