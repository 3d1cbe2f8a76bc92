import { FakeErrorCodes, officeError, type FakeErrorCode, type FakeOfficeError } from './errors';

/**
 * Failures a test arms before a use case runs, to see what a failed request leaves in the workbook. Office.js does
 * not roll a failed batch back: the actions queued before the failing one stay applied, the later ones are not,
 * and no load of the batch is delivered (the fake's batching, context.ts). So:
 *
 * - `failRequest(n)`: the n-th round trip from now is refused whole, nothing of it applied (as Excel on the web
 *   refuses a request above its size limit: RequestPayloadSizeLimitExceeded, the default code).
 * - `failAction(kind)`: the first action of that kind from now fails, those before it in its request applied
 *   (default code InvalidArgument, what Excel answers to a value or a setting it refuses).
 *
 * Each fires once, then is spent; `fired` tells whether it did (a loop over request indexes stops when it did not).
 */

/** Kinds of queued writes, by the statement the fake records for them (Office.js class and member). */
export const FAKE_ACTION_KINDS = {
  sheetAdd: /^WorksheetCollection\.add$/,
  sheetDelete: /^Worksheet\.delete$/,
  sheetRename: /^Worksheet\.name$/,
  sheetPosition: /^Worksheet\.position$/,
  sheetVisibility: /^Worksheet\.visibility$/,
  sheetActivate: /^Worksheet\.activate$/,
  numberFormat: /^Range\.numberFormat$/,
  values: /^Range\.values$/,
  formulas: /^Range\.formulas$/,
  cellFormat: /^(RangeFormat|RangeFont|RangeFill|RangeBorder)\./,
  cellLock: /^FormatProtection\.locked$/,
  merge: /^Range\.merge$/,
  outline: /^Range\.group$/,
  freezePanes: /^WorksheetFreezePanes\./,
  validation: /^DataValidation\./,
  conditionalFormatAdd: /^ConditionalFormatCollection\.add$/,
  colorScale: /^ConditionalFormat\.colorScale\./,
  dataBar: /^ConditionalFormat\.dataBar\./,
  tableAdd: /^TableCollection\.add$/,
  autoFilter: /^AutoFilter\.apply$/,
  chartAdd: /^ChartCollection\.add$/,
  chartSetting: /^Chart\.(?!.*setPosition)/,
  pageLayout: /^PageLayout\./,
  protection: /^WorksheetProtection\.protect$/,
  nameAdd: /^NamedItemCollection\.add$/,
  nameDelete: /^NamedItem\.delete$/,
  nameFormula: /^NamedItem\.formula$/,
  documentProperties: /^DocumentProperties\./,
} as const;

export type FakeActionKind = keyof typeof FAKE_ACTION_KINDS;

/** Excel's messages for the codes a test may inject. */
const MESSAGES: Partial<Record<FakeErrorCode, string>> = {
  [FakeErrorCodes.requestPayloadSizeLimitExceeded]: 'The request payload size has exceeded the limit.',
  [FakeErrorCodes.invalidArgument]: 'The argument is invalid or missing or has an incorrect format.',
  [FakeErrorCodes.generalException]: 'An internal error has occurred.',
  [FakeErrorCodes.invalidOperation]: 'The operation is invalid for the object or its current state.',
  [FakeErrorCodes.accessDenied]: 'You cannot perform the requested operation.',
};

const messageOf = (code: FakeErrorCode): string => MESSAGES[code] ?? `Injected failure (${code}).`;

interface ArmedRequest {
  at: number;
  code: FakeErrorCode;
}

interface ArmedAction {
  matches: RegExp;
  code: FakeErrorCode;
}

export class FailureInjection {
  private request: ArmedRequest | null = null;
  private action: ArmedAction | null = null;
  private requestsSeen = 0;
  /** Whether the armed failure happened. */
  fired = false;

  /** The n-th round trip from now (1 = the next one) is refused whole. */
  failRequest(n: number, code: FakeErrorCode = FakeErrorCodes.requestPayloadSizeLimitExceeded): void {
    this.clear();
    this.request = { at: n, code };
  }

  /** The next action of this kind fails; what its request queued before it stays applied. */
  failAction(kind: FakeActionKind | RegExp, code: FakeErrorCode = FakeErrorCodes.invalidArgument): void {
    this.clear();
    this.action = { matches: typeof kind === 'string' ? FAKE_ACTION_KINDS[kind] : kind, code };
  }

  clear(): void {
    this.request = null;
    this.action = null;
    this.requestsSeen = 0;
    this.fired = false;
  }

  /** Called by a sync that has something to send, before it applies anything. */
  beforeRequest(): void {
    if (!this.request) return;
    this.requestsSeen += 1;
    if (this.requestsSeen < this.request.at) return;
    const { code } = this.request;
    this.request = null;
    this.fired = true;
    throw officeError(code, messageOf(code));
  }

  /** Called before each queued write is applied. */
  beforeAction(statement: string): void {
    if (!this.action || !this.action.matches.test(statement)) return;
    const { code } = this.action;
    this.action = null;
    this.fired = true;
    throw officeError(code, messageOf(code), statement) as FakeOfficeError;
  }
}
