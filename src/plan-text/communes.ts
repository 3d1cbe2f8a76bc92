import type { Commune } from '../domain/plan';
import { boundedEditDistance, foldAccents } from './text-keys';
import type { WarningSink } from './warnings';

/**
 * The communes of the convention and every spelling met. A commune is defined by the parties' list; other
 * mentions (fiche territories, Annexe 2 headings, AO rows) are matched to it by a key without case, accents,
 * hyphens, apostrophes and articles, "ST"/"STE" read as "SAINT"/"SAINTE"; failing that, by a key at most two
 * letters away (one for keys of 4–5 letters, none below), with a warning.
 *
 * Mentions are read from the parties, the signatures, the fiches' territories ("Bassin de vie de X" included),
 * the Annexe 2 "COMMUNE DE X" headings and the AO table's rows. Addresses in Annexe 2 only tell a facility's
 * commune: they are not spellings.
 *
 * Spellings that differ only by case are one spelling, shown in its form most used in the fiches (else the first
 * met). Display name: the spelling most used as a direct territory of the fiches; on a tie, the one met first in
 * the fiches; when no fiche names the commune, the parties' spelling; unless another spelling, not in capitals,
 * writes the same words with more accents and hyphens (`fullestWriting`). Spellings: the display name first, then the
 * others in the order they are first met in the text; each of them is reported once, with all its lines.
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
      const groups = spellingGroups(cluster.mentions);
      const display = fullestWriting(groups, electDisplayGroup(groups, cluster.mentions[0]));
      cluster.displayName = display.spelling;
      const displayKey = communeKey(display.spelling);
      const others = groups.filter((group) => group !== display);
      for (const { spelling, lines } of others) {
        const code = communeKey(spelling) === displayKey ? 'commune-spelling' : 'commune-near-miss';
        warnings.add(code, lines[0], { commune: display.spelling, spelling, lines });
      }
      return { name: display.spelling, spellings: [display.spelling, ...others.map((group) => group.spelling)] };
    });
  }
}

/** Spellings that differ only by case ("MARLHES", "Marlhes") are one spelling. */
interface SpellingGroup {
  /** The form shown: the one most used in the fiches, else the first met. */
  spelling: string;
  lines: number[];
  ficheCount: number;
  firstFicheLine: number;
}

function spellingGroups(mentions: Mention[]): SpellingGroup[] {
  const sorted = [...mentions].sort((a, b) => a.line - b.line);
  const byCase = new Map<string, Mention[]>();
  for (const mention of sorted) {
    const key = mention.spelling.toLocaleLowerCase('fr');
    const group = byCase.get(key);
    if (group) group.push(mention);
    else byCase.set(key, [mention]);
  }
  return [...byCase.values()].map((group) => {
    const fromFiches = group.filter((m) => m.fromFiche);
    return {
      spelling: mostUsed(fromFiches) ?? group[0].spelling,
      lines: [...new Set(group.map((m) => m.line))],
      ficheCount: fromFiches.length,
      firstFicheLine: fromFiches[0]?.line ?? Number.MAX_SAFE_INTEGER,
    };
  });
}

/** The spelling written most often, the first met on a tie (mentions in document order). */
function mostUsed(mentions: Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.spelling, (counts.get(mention.spelling) ?? 0) + 1);
  let best: string | null = null;
  for (const [spelling, count] of counts) if (best === null || count > counts.get(best)!) best = spelling;
  return best;
}

/**
 * The words of a name, without case, accents, hyphens or apostrophes: « Maël-Carhaix » is « mael carhaix », as
 * « Mael Carhaix » is; « Plan-Foy » is not « Planfoy ».
 */
const bareWords = (name: string) =>
  foldAccents(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');

/**
 * The marks a name typed in haste loses: accented letters, hyphens and apostrophes. A hyphen after a leading
 * article (« La-Valla-en-Gier ») is none: a commune's name never writes one there, a hasty hand does.
 */
const marks = (name: string) =>
  (
    name
      .normalize('NFC')
      .replace(/^(?:le|la|les)-/i, '')
      .match(/[\u00c0-\u024f]|[-'’]/g) ?? []
  ).length;

const inCapitals = (name: string) => name === name.toLocaleUpperCase('fr');

/**
 * The elected spelling, or another one of the same words with more accents and hyphens, not in capitals (a
 * fiche's « Mael Carhaix » and the parties' « Maël-Carhaix »): a name typed without its marks is no choice of the
 * convention, and the mairie's extract and its message carry the name. An article more or less is another writing.
 */
function fullestWriting(groups: SpellingGroup[], elected: SpellingGroup): SpellingGroup {
  const words = bareWords(elected.spelling);
  let best = elected;
  for (const group of groups) {
    if (bareWords(group.spelling) !== words || inCapitals(group.spelling)) continue;
    if (marks(group.spelling) > marks(best.spelling)) best = group;
  }
  return best;
}

/** Most used in the fiches, the first met in the fiches on a tie; no fiche naming it: the parties' spelling. */
function electDisplayGroup(groups: SpellingGroup[], party: Mention): SpellingGroup {
  let best: SpellingGroup | null = null;
  for (const group of groups) {
    if (group.ficheCount === 0) continue;
    if (
      !best ||
      group.ficheCount > best.ficheCount ||
      (group.ficheCount === best.ficheCount && group.firstFicheLine < best.firstFicheLine)
    )
      best = group;
  }
  const partyKey = party.spelling.toLocaleLowerCase('fr');
  return best ?? groups.find((group) => group.spelling.toLocaleLowerCase('fr') === partyKey) ?? groups[0];
}
