import type { Fiche } from '../domain/plan';
import type { ReadFiche } from './fiche-fields';
import type { WarningSink } from './warnings';

/**
 * Row keys (docs/WORKBOOK.md, « Keys »): a fiche is keyed by its ref, a later fiche with the same ref (whatever its case)
 * by `<ref>-B`, `-C` … `-Z`, then `-AA`, `-AB` … (spreadsheet column letters of its rank); its criteria by `<key>-QN<i>` and `<key>-QL<i>`, i from 1 in document order (an empty
 * bullet was never an item, so it takes no index).
 */
export function toFiche(fiche: ReadFiche, key: string, territories: string[]): Fiche {
  const counters = { quantitative: 0, qualitative: 0 };
  return {
    ref: fiche.ref,
    key,
    ...(fiche.writtenRef && fiche.writtenRef !== fiche.ref ? { writtenRef: fiche.writtenRef } : {}),
    title: fiche.title,
    interest: fiche.interest,
    methodology: fiche.methodology,
    publics: fiche.publics,
    budget: fiche.budget,
    carriers: fiche.carriers,
    territories,
    fields: fiche.fields,
    context: fiche.context,
    objectives: fiche.objectives,
    criteria: fiche.criteria.map((criterion) => {
      counters[criterion.kind] += 1;
      const tag = criterion.kind === 'quantitative' ? 'QN' : 'QL';
      return { ...criterion, key: `${key}-${tag}${counters[criterion.kind]}` };
    }),
    line: fiche.line,
  };
}

export class FicheKeys {
  private readonly seen = new Map<string, { count: number; firstLine: number; claimed: boolean }>();
  /**
   * `writtenRefs`: the refs written as such (`G1`, not derived from `G-1`), with the line of the first: a key derived
   * from an unusual ref gives way to the fiche whose ref is written so, wherever it comes, so that inserting one
   * never moves another fiche's key.
   */
  constructor(
    private readonly warnings: WarningSink,
    private readonly writtenRefs: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** `name`: the fiche as its warnings name it (`ficheName`: `I.1` for the ref `F1-1`), when not its ref. */
  next(ref: string, line: number, writtenAsIs = true, name = ref): string {
    const id = ref.toUpperCase();
    const entry = this.seen.get(id);
    if (!entry) {
      const owner = writtenAsIs ? undefined : this.writtenRefs.get(id);
      if (owner === undefined) {
        this.seen.set(id, { count: 1, firstLine: line, claimed: true });
        return ref;
      }
      this.seen.set(id, { count: 1, firstLine: owner, claimed: false });
      return this.duplicate(ref, name, line, this.seen.get(id)!);
    }
    if (writtenAsIs && !entry.claimed) {
      entry.claimed = true;
      return ref;
    }
    return this.duplicate(ref, name, line, entry);
  }

  private duplicate(ref: string, name: string, line: number, entry: { count: number; firstLine: number }): string {
    entry.count += 1;
    const key = `${ref}-${duplicateLetters(entry.count)}`;
    const written: Record<string, string> = name !== ref ? { written: name } : {};
    this.warnings.add('duplicate-ref', line, { ref, key, firstLine: entry.firstLine, ...written });
    return key;
  }
}

/** Whether a fiche's ref is written as such on its line (`G1`, `G1 : Le RPE`), not derived from another form. */
export function refWrittenAsIs(fiche: { ref: string; written: string }): boolean {
  return fiche.written.trim().split(/\s+/)[0] === fiche.ref;
}

/** Spreadsheet column letters of `rank` (2 → B, 26 → Z, 27 → AA). */
function duplicateLetters(rank: number): string {
  let letters = '';
  for (let n = rank; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
