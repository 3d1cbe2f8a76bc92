import type { CommuneCluster, CommuneDirectory } from './communes';
import { isWholeTerritoryWording } from '../domain/whole-territory';
import { compareKey } from './text-keys';

/**
 * A fiche's "Territoire(s) cible(s)" items: a commune (shown in its display spelling; named as a body too, « Ville
 * de Crest »), the EPCI (its name or short name, kept as written), "Bassin de vie de <commune>" (kept as written; its
 * commune's spelling is recorded but does not count for the display name), or unknown (kept as written, reported by
 * the caller). A detail in brackets after the place (« Graix (hameaux) ») is kept after the commune's display name.
 */

export type Territory =
  | { kind: 'commune'; cluster: CommuneCluster; detail: string }
  | { kind: 'kept'; text: string }
  | { kind: 'unknown'; text: string };

/** A detail in brackets after the place: « Saint-Pierre (quartiers prioritaires) », the commune Saint-Pierre. */
const DETAIL = /^(.+?)\s*(\([^()]*(?:\([^()]*\)[^()]*)*\))$/;

const BASSIN = /^bassin\s+de\s+vie\s+(?:de\s+|du\s+|des\s+|d['’]\s*)?(.+)$/i;

export function classifyTerritory(
  text: string,
  line: number,
  epci: { keys: string[]; names: string[] },
  directory: CommuneDirectory,
): Territory {
  const detailed = DETAIL.exec(text);
  if (detailed) {
    const place = classifyTerritory(detailed[1], line, epci, directory);
    if (place.kind === 'commune') return { ...place, detail: detailed[2] };
    return { kind: place.kind, text };
  }
  const key = compareKey(text);
  // The EPCI by one of its names, or its whole territory in words (« Ensemble du territoire », « Toutes les communes »).
  if (epci.keys.includes(key) || isWholeTerritoryWording(text, epci.names)) return { kind: 'kept', text };
  const bassin = BASSIN.exec(text);
  if (bassin) {
    return directory.mention(bassin[1], line, false) ? { kind: 'kept', text } : { kind: 'unknown', text };
  }
  const cluster = directory.mention(text, line, true) ?? asBody(text, line, directory);
  return cluster ? { kind: 'commune', cluster, detail: '' } : { kind: 'unknown', text };
}

/** A commune named as a body: « Commune de Chalamont », « Ville de Crest », « Mairie d’Eurre ». */
const BODY = /^(?:la\s+)?(?:commune|ville|mairie)\s+(?:de\s+|du\s+|des\s+|d['’]\s*)(.+)$/i;

/**
 * The commune a body's name names, recorded under the commune's own name (a single commune's convention writes
 * « Ville de Crest » in its fiches); null when it names none, and the whole text is then reported.
 */
function asBody(text: string, line: number, directory: CommuneDirectory): CommuneCluster | null {
  const body = BODY.exec(text);
  return body ? directory.mention(body[1], line, true) : null;
}
