import type { ContributionEntry } from '../../domain/contributions';
import { sameValue, type CellDecision } from '../../domain/merge/cell-decision';
import type { JournalValue } from '../../domain/journal';

/**
 * What each returned file of a merge says of each place (`valueSlot`: a cell, or a partner's own value in a quarter
 * cell), every file weighed alone against the master as it was: files merged one after the other would otherwise
 * let the last one's value stand, so that the order of the files decided (docs/WORKBOOK.md, « Merging returned
 * rows »). A place that files give different values is contested: none of them is taken unless chosen.
 */

/** A value a file gives a place, that would change the master or confirm its value (not one that says nothing). */
export interface Claim {
  source: string;
  slot: string;
  value: JournalValue;
  /**
   * The file's value decided against the master as it was, and what it was decided from: a contested place's conflict
   * is told from these, so that what the report says of it does not depend on the files merged before.
   */
  alone: {
    decided: Exclude<CellDecision, { kind: 'unchanged' }>;
    master: JournalValue;
    own: JournalValue | null;
    otherLines: readonly ContributionEntry[];
  };
}

export class ReturnedClaims {
  private readonly bySlot = new Map<string, Claim[]>();
  /** Every claim by `source \0 slot`, so that `claimOf` does not scan a place's claims (one per file). */
  private readonly claims = new Map<string, Claim>();

  constructor(claims: readonly Claim[]) {
    for (const claim of claims) {
      const slot = this.bySlot.get(claim.slot);
      if (slot) slot.push(claim);
      else this.bySlot.set(claim.slot, [claim]);
      this.claims.set(`${claim.source}\u0000${claim.slot}`, claim);
    }
  }

  /** The value the file gave the place, weighed alone against the master as it was; undefined when it gave none. */
  claimOf(source: string, slot: string): Claim | undefined {
    return this.claims.get(`${source}\u0000${slot}`);
  }

  /** Whether files give the place different values. */
  contested(slot: string): boolean {
    const claims = this.bySlot.get(slot) ?? [];
    return claims.some((claim) => !sameValue(claim.value, claims[0].value));
  }

  /** The other files' claims on a contested place whose values differ from `value`: whom a conflict names. */
  rivals(source: string, slot: string, value: JournalValue): Claim[] {
    return (this.bySlot.get(slot) ?? []).filter((claim) => claim.source !== source && !sameValue(claim.value, value));
  }

  /** The other files giving the place the same value: taking one of them for the place chooses this value too. */
  allies(source: string, slot: string, value: JournalValue): Claim[] {
    return (this.bySlot.get(slot) ?? []).filter((claim) => claim.source !== source && sameValue(claim.value, value));
  }
}
