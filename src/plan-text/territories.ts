import type { CommuneCluster, CommuneDirectory } from './communes';
import { compareKey } from './text-keys';

/**
 * A fiche's "Territoire(s) cible(s)" items: a commune (shown in its display spelling), the EPCI (its name or
 * short name, kept as written), "Bassin de vie de <commune>" (kept as written; its commune's spelling is recorded
 * but does not count for the display name), or unknown (kept as written, reported by the caller).
 */

export type Territory =
  { kind: 'commune'; cluster: CommuneCluster } | { kind: 'kept'; text: string } | { kind: 'unknown'; text: string };

const BASSIN = /^bassin\s+de\s+vie\s+(?:de\s+|du\s+|des\s+|d['’]\s*)?(.+)$/i;

export function classifyTerritory(
  text: string,
  line: number,
  epciKeys: string[],
  directory: CommuneDirectory,
): Territory {
  const key = compareKey(text);
  if (epciKeys.includes(key)) return { kind: 'kept', text };
  const bassin = BASSIN.exec(text);
  if (bassin) {
    return directory.mention(bassin[1], line, false) ? { kind: 'kept', text } : { kind: 'unknown', text };
  }
  const cluster = directory.mention(text, line, true);
  return cluster ? { kind: 'commune', cluster } : { kind: 'unknown', text };
}
