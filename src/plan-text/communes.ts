import type { Commune } from '../domain/plan';
import { boundedEditDistance, foldAccents } from './text-keys';
import type { WarningSink } from './warnings';

/**
 * The communes of the convention and every spelling met. A commune is defined by the parties' list; other
 * mentions (fiche territories, Annexe 2 headings, AO rows) are matched to it by a key without case, accents,
 * hyphens, apostrophes and articles, "ST"/"STE" read as "SAINT"/"SAINTE"; failing that, by a key at most two
 * letters away (one for keys of 4–5 letters, none below), with a warning.
 *
 * Display name: the spelling most used as a territory of the fiches; on a tie, the one met first in the text;
 * when no fiche names the commune, the parties' spelling.
 * Spellings: the display name first, then the others in the order they are first met in the text.
 */

const ARTICLES = new Set(['le', 'la', 'les', 'du', 'de', 'des', 'l', 'd']);
const SAINTS: Record<string, string> = { st: 'saint', ste: 'sainte' };

export function communeKey(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !ARTICLES.has(word))
    .map((word) => SAINTS[word] ?? word)
    .join('');
}

function allowedDistance(key: string): number {
  if (key.length >= 6) return 2;
  if (key.length >= 4) return 1;
  return 0;
}

interface Mention {
  spelling: string;
  line: number;
  /** A direct territory of a fiche: counts for the display name. */
  fromFiche: boolean;
}

export class CommuneCluster {
  readonly mentions: Mention[] = [];
  readonly keys = new Set<string>();
  displayName = '';
  constructor(readonly index: number) {}
}

export class CommuneDirectory {
  readonly clusters: CommuneCluster[] = [];

  /**
   * A commune of the parties' list: joins a commune with the same key (the same commune listed twice), else starts
   * one. No near miss here: two communes of the list may differ by a letter (Saint-Pal, Saint-Paul).
   */
  addParty(spelling: string, line: number): CommuneCluster | null {
    const key = communeKey(spelling);
    if (!key) return null;
    let cluster = this.clusters.find((c) => c.keys.has(key));
    if (!cluster) {
      cluster = new CommuneCluster(this.clusters.length);
      this.clusters.push(cluster);
    }
    this.record(cluster, spelling, line, false);
    return cluster;
  }

  /** The commune a spelling names, or null; the exact key wins over a near miss, a tied near miss matches none. */
  find(spellingOrKey: string, isKey = true): CommuneCluster | null {
    const key = isKey ? spellingOrKey : communeKey(spellingOrKey);
    if (!key) return null;
    const exact = this.clusters.find((cluster) => cluster.keys.has(key));
    if (exact) return exact;
    const max = allowedDistance(key);
    if (max === 0) return null;
    let best: CommuneCluster | null = null;
    let bestDistance = max + 1;
    let tie = false;
    for (const cluster of this.clusters) {
      for (const known of cluster.keys) {
        const bound = Math.min(max, allowedDistance(known));
        const distance = boundedEditDistance(key, known, bound);
        if (distance > bound) continue;
        if (distance < bestDistance) {
          best = cluster;
          bestDistance = distance;
          tie = false;
        } else if (distance === bestDistance && best !== cluster) tie = true;
      }
    }
    return tie ? null : best;
  }

  /** Matches and records a mention met outside the parties' list; null when it names no commune. */
  mention(spelling: string, line: number, fromFiche: boolean): CommuneCluster | null {
    const cluster = this.find(spelling, false);
    if (cluster) this.record(cluster, spelling, line, fromFiche);
    return cluster;
  }

  private record(cluster: CommuneCluster, spelling: string, line: number, fromFiche: boolean): void {
    cluster.mentions.push({ spelling, line, fromFiche });
    cluster.keys.add(communeKey(spelling));
  }

  /** Elects display names, reports every other spelling once with its lines, returns the communes. */
  finish(warnings: WarningSink): Commune[] {
    return this.clusters.map((cluster) => {
      const mentions = [...cluster.mentions].sort((a, b) => a.line - b.line);
      cluster.displayName = electDisplayName(cluster.mentions);
      const bySpelling = new Map<string, number[]>();
      for (const mention of mentions) {
        const lines = bySpelling.get(mention.spelling) ?? [];
        if (!lines.includes(mention.line)) lines.push(mention.line);
        bySpelling.set(mention.spelling, lines);
      }
      const displayKey = communeKey(cluster.displayName);
      for (const [spelling, lines] of bySpelling) {
        if (spelling === cluster.displayName) continue;
        const code = communeKey(spelling) === displayKey ? 'commune-spelling' : 'commune-near-miss';
        warnings.add(code, lines[0], { commune: cluster.displayName, spelling, lines });
      }
      const spellings = [cluster.displayName, ...[...bySpelling.keys()].filter((s) => s !== cluster.displayName)];
      return { name: cluster.displayName, spellings };
    });
  }
}

function electDisplayName(mentions: Mention[]): string {
  const counts = new Map<string, { count: number; firstLine: number }>();
  for (const mention of mentions) {
    if (!mention.fromFiche) continue;
    const entry = counts.get(mention.spelling) ?? { count: 0, firstLine: mention.line };
    entry.count += 1;
    entry.firstLine = Math.min(entry.firstLine, mention.line);
    counts.set(mention.spelling, entry);
  }
  let best: [string, { count: number; firstLine: number }] | null = null;
  for (const entry of counts) {
    if (
      !best ||
      entry[1].count > best[1].count ||
      (entry[1].count === best[1].count && entry[1].firstLine < best[1].firstLine)
    )
      best = entry;
  }
  // mentions[0] is the parties' spelling: the parties are read first.
  return best ? best[0] : mentions[0].spelling;
}
