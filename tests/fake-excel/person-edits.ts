/**
 * A person typing in Excel while an add-in works: Excel does not lock the workbook during `Excel.run`, so cells
 * may change between two requests of the add-in (between two `Excel.run` calls, or two syncs of one). A test arms
 * an edit on the n-th round trip from now; it lands just before that request reaches the workbook (after the
 * requests before it were answered), as a person's Enter in a cell would.
 */
export class PersonEdits {
  private armed: { at: number; edit: () => void }[] = [];
  private requestsSeen = 0;

  /** Runs `edit` (a change of the workbook, e.g. through the fake's `seed`) just before the n-th round trip from now (1 = the next). */
  beforeRoundTrip(n: number, edit: () => void): void {
    this.armed.push({ at: this.requestsSeen + n, edit });
  }

  /** How many armed edits have not landed yet. */
  pending(): number {
    return this.armed.length;
  }

  clear(): void {
    this.armed = [];
  }

  /** Called by a sync that has something to send, before the host looks at it. */
  beforeRequest(): void {
    this.requestsSeen += 1;
    const due = this.armed.filter((armed) => armed.at === this.requestsSeen);
    this.armed = this.armed.filter((armed) => armed.at !== this.requestsSeen);
    for (const { edit } of due) edit();
  }
}
