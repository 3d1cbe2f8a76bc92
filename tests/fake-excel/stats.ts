/** Round trips and queued operations, as the issue asks to assert them ("generate ≤ 2 syncs"). */
export interface SyncRecord {
  reads: number;
  writes: number;
  instantiations: number;
  /**
   * The batch's size as Office.js would send it, counted with src/excel/request-size.ts (an upper bound, kept so by
   * tests/excel-runtime/request-sizes.test.ts); what the payload limit is checked against.
   */
  requestBytes: number;
  ok: boolean;
}

export class FakeStats {
  /** Every `context.sync()` call, including those with nothing queued and Excel.run's final flush. */
  syncs = 0;
  /** Syncs that had operations to send (an empty sync costs no round trip in Office.js). */
  roundTrips = 0;
  reads = 0;
  writes = 0;
  /**
   * Objects created (getItem, getRange, format…): Office.js queues an Instantiate action for each proxy it makes.
   * Not part of `operations`, which counts the reads and writes the code asked for.
   */
  instantiations = 0;
  readonly history: SyncRecord[] = [];

  get operations(): number {
    return this.reads + this.writes;
  }

  reset(): void {
    this.syncs = 0;
    this.roundTrips = 0;
    this.reads = 0;
    this.writes = 0;
    this.instantiations = 0;
    this.history.length = 0;
  }
}
