import { communeAfterPrefix } from '../domain/name-key';
import { communeKey, type CommuneCluster, type CommuneDirectory } from './communes';
import { annexeNumber, articleNumber } from './headings';
import { compareKey, foldAccents } from './text-keys';
import type { SourceLine } from './text-lines';
import type { WarningSink } from './warnings';

/**
 * Annexe 2, the equipment and services supported by each authority: an authority heading ("COMMUNE DE
 * MARLHES", "COMMUNAUTE DE COMMUNES …"), a header row ("TYPE DE STRUCTURE  NOM ET ADRESSE…"), then rows
 * type ⇥ name; an empty type cell carries down the type of the row above (within the same authority).
 */

export interface ReadFacility {
  authority: string;
  type: string;
  name: string;
  /** Resolved after the display names are known. */
  cluster: CommuneCluster | null;
  line: number;
}

const AUTHORITY = /^(commune|communaute|epci|syndicat|sivu|sivom|mairie|ville|metropole|agglomeration|pays)\b/i;
const isHeader = (line: SourceLine | undefined) => !!line && compareKey(line.text).startsWith('typedestructure');

export function readFacilities(
  lines: SourceLine[],
  end: number,
  directory: CommuneDirectory,
  warnings: WarningSink,
): ReadFacility[] {
  const start = lines.findIndex((line) => annexeNumber(line.text) === 2);
  if (start < 0) return [];
  const facilities: ReadFacility[] = [];
  let authority = '';
  let authorityCommune: CommuneCluster | null = null;
  let type = '';
  for (let i = start + 1; i < (end < 0 ? lines.length : end); i++) {
    const line = lines[i];
    if (articleNumber(line.text) !== null || annexeNumber(line.text) !== null) break;
    if (!line.text || isHeader(line)) continue;
    const cells = line.raw.split('\t').map((cell) => cell.replace(/\s+/g, ' ').trim());
    const filled = cells.filter(Boolean);
    let next = i + 1;
    while (next < lines.length && !lines[next].text) next++;
    const nextLine = lines[next];
    const heading = filled.length === 1 && !!cells[0] && (AUTHORITY.test(foldAccents(cells[0])) || isHeader(nextLine));
    if (heading) {
      authority = cells[0];
      type = '';
      const spelling = communeAfterPrefix(authority);
      authorityCommune = spelling ? directory.mention(spelling, line.no, false) : null;
      if (spelling && !authorityCommune) warnings.add('unknown-commune', line.no, { name: spelling });
      continue;
    }
    if (cells.length < 2) continue;
    const name = cells.slice(1).filter(Boolean).join(' ');
    if (cells[0]) type = cells[0];
    else if (!type) warnings.add('facility-without-type', line.no, { name });
    if (!name) warnings.add('facility-without-name', line.no, { type });
    facilities.push({
      authority,
      type,
      name,
      cluster: communeInName(name, directory) ?? authorityCommune,
      line: line.no,
    });
  }
  return facilities;
}

/** The commune after a postcode ("42220 Bourg-Argental"), else one named in the text, else null. */
function communeInName(name: string, directory: CommuneDirectory): CommuneCluster | null {
  const postcode = /\b\d{5}\s+([^,;]+?)\s*$/.exec(name);
  if (postcode) {
    const cluster = directory.find(postcode[1], false);
    if (cluster) return cluster;
  }
  const words = name.split(/[\s,;()]+/).filter(Boolean);
  for (let size = Math.min(6, words.length); size >= 1; size--) {
    for (let from = 0; from + size <= words.length; from++) {
      const key = communeKey(words.slice(from, from + size).join(' '));
      const cluster = key ? directory.clusters.find((c) => c.keys.has(key)) : undefined;
      if (cluster) return cluster;
    }
  }
  return null;
}
