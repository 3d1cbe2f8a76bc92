/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: `{name, code, message, debugInfo}`. The fake rejects
 * `context.sync()` with these, and throws one synchronously when a property is read before `load` + `sync`.
 */

/** The codes the fake raises (a subset of `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`). */
export const FakeErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidCellAddress: 'InvalidCellAddress',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export type FakeErrorCode = (typeof FakeErrorCodes)[keyof typeof FakeErrorCodes];

export interface FakeDebugInfo {
  code: string;
  message: string;
  /** The object type and member, e.g. `Range.values`. */
  errorLocation?: string;
  /** The queued statement that failed, e.g. `range.values = ...;`. */
  statement?: string;
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    // Office.js reports batch failures as "RichApi.Error"; instanceof checks use OfficeExtension.Error (this class).
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }

  /** Sets where in the batch the error happened (what Excel puts in debugInfo). */
  at(errorLocation: string, statement?: string): this {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = errorLocation;
    if (statement && !this.debugInfo.statement) this.debugInfo.statement = statement;
    return this;
  }
}

export function officeError(code: FakeErrorCode, message: string, errorLocation?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, errorLocation);
}

/** Thrown synchronously by a getter, as Office.js does for a property read before `load` + `sync`. */
export function propertyNotLoaded(typeName: string, property: string): FakeOfficeError {
  return officeError(
    FakeErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on ` +
      `the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}
