/**
 * The convention-text reader (issue "1 · Plan").
 *
 * - `parseConvention(text)`: the whole convention text, as exported, → `{ ok: true, plan, warnings }` or
 *   `{ ok: false, error: { code, params }, warnings }` (empty text, no fiche, no period). Never throws.
 * - `decodeConventionBytes(bytes, fileName?)`: a picked file's bytes → its text (BOM stripped; UTF-8, UTF-16 with
 *   BOM, Windows-1252) or a failure (`not-text-file` for a PDF, Word, Excel, image or binary; `text-file-empty`).
 * - `printConvention(plan)`: a plan back to the export format; `parseConvention(printConvention(plan))` gives the
 *   same plan, but for line numbers and the criteria's Référence and Cible (printed in their text only).
 *
 * Warning and failure codes, with a one-line French description each, are listed in
 * src/domain/messages/plan.ts (`planWarningDescriptions`, `planFailureDescriptions`); `renderMessage(code, params)`
 * gives the French message.
 */
export { parseConvention, type PlanParseResult, type PlanFailureParams } from './parse-convention';
export { decodeConventionBytes, type DecodeResult, type TextEncodingName } from './decode';
export { printConvention } from './print';
export { communeKey } from './communes';
