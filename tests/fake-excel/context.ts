import { ACTION_BYTES, jsonBytes, OBJECT_BYTES, RANGE_BYTES } from '../../src/excel/request-size';
import { higherApiVersion, requiredApiVersion } from './api-sets';
import { FakeErrorCodes, FakeOfficeError, officeError } from './errors';
import { PersonEdits } from './person-edits';
import { FailureInjection } from './failure-injection';
import { WorkbookModel } from './model';
import { FakeStats } from './stats';

export interface FakeEnvironmentOptions {
  /** Highest ExcelApi requirement set the fake host supports (default "1.12"). */
  apiVersion?: string;
  /** Request size limit in bytes (default 5 MB, Excel on the web's). */
  requestPayloadLimit?: number;
  /** Response size limit in bytes (default 5 MB). */
  responsePayloadLimit?: number;
  /**
   * Most cells a range's contents (`values`, `formulas`, `numberFormat`, `valueTypes`, `text`…) are read for
   * (default 5 000 000, every platform's); past it they come back null.
   */
  cellReadLimit?: number;
  /** Whether the host claims ExcelUndoApiAll 1.0 (Excel keeps add-in writes on its undo stack); default false. */
  undoApi?: boolean;
}

/** What every context of one fake host shares. */
export class FakeEnvironment {
  readonly stats = new FakeStats();
  apiVersion: string;
  undoApi: boolean;
  requestPayloadLimit: number;
  responsePayloadLimit: number;
  cellReadLimit: number;
  /** While true every sync with operations fails, as when the user is typing in a cell. */
  cellEditMode = false;
  /**
   * Set with the edit mode when the host supports `DelayForCellEdit`: a request whose `Excel.run` asked
   * `delayForCellEdit: true` waits until the person leaves the cell — this runs (their Enter) — then goes on.
   */
  leaveCellEdit: (() => void) | null = null;
  /** A failed request or action a test armed (failure-injection.ts). */
  readonly failures = new FailureInjection();
  /** A person's edits a test armed between requests (person-edits.ts). */
  readonly personEdits = new PersonEdits();

  constructor(
    readonly model: WorkbookModel,
    options: FakeEnvironmentOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.12';
    this.undoApi = options.undoApi ?? false;
    this.requestPayloadLimit = options.requestPayloadLimit ?? 5 * 1024 * 1024;
    this.responsePayloadLimit = options.responsePayloadLimit ?? 5 * 1024 * 1024;
    this.cellReadLimit = options.cellReadLimit ?? 5_000_000;
  }

  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }
}

/** Compared at every operation of every sync (its requirement against the host's): a few pairs, each compared once. */
const comparedVersions = new Map<string, number>();

export function compareVersions(a: string, b: string): number {
  const key = `${a} ${b}`;
  let compared = comparedVersions.get(key);
  if (compared === undefined) comparedVersions.set(key, (compared = compareVersionsNow(a, b)));
  return compared;
}

function compareVersionsNow(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * One queued operation. `run` executes it against the model in batch order; a read returns a commit that fills
 * its proxies only once the whole batch succeeded (a rejected sync delivers nothing).
 */
export interface QueuedOperation {
  kind: 'read' | 'write' | 'instantiate';
  /** A statement like Office.js's debugInfo ones, e.g. `Range.values`. */
  statement: string;
  /** The arguments sent to Excel: measured for the payload limit. */
  payload: unknown;
  /** Ranges Office.js makes for it besides the proxies (the blocks of a bulk write). */
  ranges?: number;
  /** ExcelApi version the member needs; the sync fails with ApiNotFound on an older host. */
  api?: string;
  /** The method whose call queued it (`Worksheet.getRangeByIndexes` for the range it made), and its version. */
  gate?: { statement: string; version: string };
  run(): void | ReadResult;
}

/** What a read computes in batch order: the data Excel would send back, applied to the proxies after success. */
export interface ReadResult {
  response: unknown;
  apply(): void;
}

/**
 * An operation's weight in the request, counted as the add-in's request batcher counts it (src/excel/request-size.ts:
 * Office.js's object paths and actions, upper bounds measured on its runtime, tests/excel-runtime).
 */
function operationBytes(op: QueuedOperation): number {
  const extra = (op.ranges ?? 0) * RANGE_BYTES;
  if (op.kind === 'instantiate') return extra + (op.statement === 'Range.instantiate' ? RANGE_BYTES : OBJECT_BYTES);
  return extra + ACTION_BYTES + jsonBytes(op.payload);
}

/** The fake `Excel.RequestContext`: a queue of operations applied in order at `sync()`. */
export class FakeRequestContext {
  private queue: QueuedOperation[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private lazyWorkbook: unknown;
  /** `Excel.run({ delayForCellEdit: true }, …)`: in cell-edit mode the request waits rather than fails. */
  delayForCellEdit = false;

  /** `makeWorkbook` is given by index.ts, to keep this module free of the object model (no import cycle). */
  constructor(
    readonly env: FakeEnvironment,
    private readonly makeWorkbook: (context: FakeRequestContext) => unknown = () => undefined,
  ) {}

  /** Made on first use, like Office.js's `context.workbook` (its Instantiate action is queued then). */
  get workbook(): unknown {
    return (this.lazyWorkbook ??= this.makeWorkbook(this));
  }

  /** True while a sync applies results: proxies made then (collection items) queue no Instantiate action. */
  processing = false;

  /** Set while a gated method runs (api-sets.ts, `gateMethodsBySet`): what it queues carries its requirement. */
  creating: QueuedOperation['gate'];

  enqueue(op: QueuedOperation): void {
    if (this.creating && !op.gate) op.gate = this.creating;
    this.queue.push(op);
    const { stats } = this.env;
    if (op.kind === 'read') stats.reads++;
    else if (op.kind === 'write') stats.writes++;
    else stats.instantiations++;
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** `context.load(object, properties)` as in Office.js. */
  load<T extends { load(arg?: unknown): T }>(object: T, properties?: unknown): T {
    return object.load(properties);
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const { stats } = this.env;
    stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (ops.length === 0) return passThrough as T;
    stats.roundTrips++;
    const record = { reads: 0, writes: 0, instantiations: 0, requestBytes: 0, ok: false };
    for (const op of ops) record[op.kind === 'read' ? 'reads' : op.kind === 'write' ? 'writes' : 'instantiations']++;
    record.requestBytes = ops.reduce((sum, op) => sum + operationBytes(op), 0);
    stats.history.push(record);

    this.env.personEdits.beforeRequest();
    if (this.env.cellEditMode && this.delayForCellEdit && this.env.leaveCellEdit) {
      // The request waits for the person to leave the cell: what they typed is entered before it.
      const leave = this.env.leaveCellEdit;
      this.env.cellEditMode = false;
      this.env.leaveCellEdit = null;
      leave();
    }
    if (this.env.cellEditMode) {
      throw officeError(
        FakeErrorCodes.invalidOperationInCellEditMode,
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    if (record.requestBytes > this.env.requestPayloadLimit) {
      throw officeError(
        FakeErrorCodes.requestPayloadSizeLimitExceeded,
        'The request payload size has exceeded the limit.',
      );
    }
    this.env.failures.beforeRequest();
    const reads: ReadResult[] = [];
    this.processing = true;
    try {
      this.runAll(ops, reads);
    } finally {
      this.processing = false;
    }
    // Without a limit, the answer is not weighed (it is, whole, at every sync of a large workbook).
    const limit = this.env.responsePayloadLimit;
    if (limit !== Infinity && answerPasses(reads, limit)) {
      throw officeError(
        FakeErrorCodes.responsePayloadSizeLimitExceeded,
        'The response payload size has exceeded the limit.',
      );
    }
    this.processing = true;
    try {
      for (const read of reads) read.apply();
    } finally {
      this.processing = false;
    }
    record.ok = true;
    return passThrough as T;
  }

  private runAll(ops: QueuedOperation[], reads: ReadResult[]): void {
    for (const op of ops) {
      try {
        if (op.gate && !this.env.supports(op.gate.version)) throw apiNotFound(op.gate.version, op.gate.statement);
        const required = higherApiVersion(op.api, requiredApiVersion(op.statement));
        if (required && !this.env.supports(required)) throw apiNotFound(required, op.statement);
        if (op.kind === 'write') this.env.failures.beforeAction(op.statement);
        const read = op.run();
        if (op.kind !== 'write' && read) reads.push(read);
      } catch (error) {
        throw asOfficeError(error).at(op.statement, `${op.statement};`);
      }
    }
  }
}

/**
 * Whether the answer of a sync's reads, as JSON, weighs more than `limit` bytes. Its UTF-8 size is at most three bytes for each UTF-16
 * unit of JSON.stringify's text (an escape is ASCII, a surrogate pair four bytes for two units), and the native
 * JSON.stringify is several times quicker than walking the answer: most answers are far under the limit, and only
 * one that may pass it is weighed exactly (`jsonBytes`, as the request batcher weighs).
 */
function answerPasses(reads: readonly ReadResult[], limit: number): boolean {
  const answer = reads.map((read) => read.response);
  if (JSON.stringify(answer).length * 3 <= limit) return false;
  return jsonBytes(answer) > limit;
}

/** As a host without the set answers (_docs_: ApiNotFound, « The API you are trying to use could not be found »). */
function apiNotFound(version: string, statement: string): FakeOfficeError {
  return officeError(
    FakeErrorCodes.apiNotFound,
    `The API you are trying to use could not be found. It may be available in a newer version of Excel (ExcelApi ${version}).`,
  ).at(statement, `${statement};`);
}

function asOfficeError(error: unknown): FakeOfficeError {
  if (error instanceof FakeOfficeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return officeError(FakeErrorCodes.generalException, `An internal error has occurred. (${message})`);
}
