import { jsonBytes } from './request-size';

/**
 * Queues operations into as few `context.sync()` calls as the host's request size allows. Excel on the web refuses
 * a request above 5 MB (RequestPayloadSizeLimitExceeded); each step is queued with its size as Office.js will
 * serialise it (request-size.ts: its objects, actions and arguments) and a sync is sent before the budget would be
 * passed, so a plan that fits stays at one sync and a huge one splits by size, never by count.
 */

/** Below Excel on the web's 5 MB (read as 5 000 000 bytes, the stricter reading), with room to spare. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

export class RequestBatcher {
  private pendingBytes = 0;
  private pendingOperations = 0;
  /** Syncs sent by this batcher. */
  syncs = 0;
  /** The counted size of each request sent, in order. */
  readonly sentBytes: number[] = [];

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
    this.sentBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
    this.pendingOperations = 0;
  }
}

/**
 * Splits rows into consecutive bands whose JSON stays under `maxBytes` each (at least one row per band); each band
 * comes with the size of its JSON (`bytes`), measured once here from its rows'.
 */
export function rowBands<T>(rows: readonly T[][], maxBytes: number): { start: number; rows: T[][]; bytes: number }[] {
  const bands: { start: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let start = 0;
  let size = 0;
  // A band's JSON is its rows' between brackets, with a comma between two rows.
  const band = () => ({ start, rows: current, bytes: size + current.length + 1 });
  rows.forEach((row, index) => {
    const rowBytes = jsonBytes(row);
    if (current.length > 0 && size + rowBytes > maxBytes) {
      bands.push(band());
      current = [];
      start = index;
      size = 0;
    }
    current.push(row);
    size += rowBytes;
  });
  if (current.length > 0) bands.push(band());
  return bands;
}
