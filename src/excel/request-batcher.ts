/**
 * Queues operations into as few `context.sync()` calls as the host's request size allows. Excel on the web refuses
 * a request above 5 MB (RequestPayloadSizeLimitExceeded); each operation is queued with an estimate of its size
 * and a sync is sent before the budget would be passed, so a plan that fits stays at one sync and a huge one
 * splits by size, never by count.
 */

/** Below Excel on the web's 5 MB, with room for the request's own envelope and our estimate's error. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Fixed cost of one queued operation (object path, method name) in the request, roughly. */
const OPERATION_OVERHEAD_BYTES = 120;

const encoder = new TextEncoder();

/** UTF-8 size of the JSON of a payload, plus the operation's overhead. */
export function estimatedBytes(payload: unknown): number {
  const json = payload === undefined ? '' : JSON.stringify(payload);
  return encoder.encode(json).length + OPERATION_OVERHEAD_BYTES;
}

export class RequestBatcher {
  private pendingBytes = 0;
  private pendingOperations = 0;
  /** Syncs sent by this batcher. */
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    readonly budgetBytes: number = DEFAULT_REQUEST_BUDGET_BYTES,
  ) {}

  /** Queues `enqueue`'s operations (estimated at `bytes`), syncing first when they would not fit. */
  async queue(bytes: number, enqueue: () => void): Promise<void> {
    if (this.pendingOperations > 0 && this.pendingBytes + bytes > this.budgetBytes) await this.flush();
    enqueue();
    this.pendingBytes += bytes;
    this.pendingOperations += 1;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pendingOperations === 0) return;
    await this.context.sync();
    this.syncs += 1;
    this.pendingBytes = 0;
    this.pendingOperations = 0;
  }
}

/** Splits rows into consecutive bands whose JSON stays under `maxBytes` each (at least one row per band). */
export function rowBands<T>(rows: readonly T[][], maxBytes: number): { start: number; rows: T[][] }[] {
  const bands: { start: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, index) => {
    const rowBytes = estimatedBytes(row) - OPERATION_OVERHEAD_BYTES;
    if (current.length > 0 && size + rowBytes > maxBytes) {
      bands.push({ start, rows: current });
      current = [];
      start = index;
      size = 0;
    }
    current.push(row);
    size += rowBytes;
  });
  if (current.length > 0) bands.push({ start, rows: current });
  return bands;
}
