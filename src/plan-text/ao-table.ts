import type { AoHolder, AoRow } from '../domain/plan';
import { communeAfterPrefix } from '../domain/name-key';
import type { CommuneDirectory } from './communes';
import { boundedEditDistance, compareKey, foldAccents } from './text-keys';
import type { SourceLine } from './text-lines';
import type { WarningSink } from './warnings';

/**
 * The "Option : Tableau récapitulatif des compétences des autorités organisatrices" block: a tab-separated table,
 * a row per EPCI or commune, a cell per competence holding tick boxes (`<input checked="" type="checkbox"/>`
 * in this export, or ☒/☐) before "Exercée par la commune", "Transférée par l'ensemble des communes",
 * "Transférée par certaines communes".
 */

export function isAoBlockStart(text: string): boolean {
  return /tableau/i.test(text) && compareKey(text).includes('tableaurecapitulatifdescompetences');
}

/** The block's heading line, « Option : » or bold aside: it begins with the table's name. */
const AO_HEADING = /^[*\s]*(?:option\s*:\s*)?tableau\s+r[ée]capitulatif/i;

type Competence = keyof AoRow['competences'];
const VERBS: { competence: Competence; verb: string }[] = [
  { competence: 'identify', verb: 'recenser' },
  { competence: 'inform', verb: 'informer' },
  { competence: 'plan', verb: 'planifier' },
  { competence: 'quality', verb: 'soutenir' },
];
const competenceNames: Record<Competence, string> = {
  identify: 'Recenser les besoins',
  inform: 'Informer et accompagner les familles',
  plan: 'Planifier',
  quality: 'Soutenir la qualité',
};

function columnsOf(header: string[], line: number, warnings: WarningSink): Map<Competence, number> {
  const columns = new Map<Competence, number>();
  header.forEach((cell, index) => {
    const firstWord = foldAccents(cell.trim().split(/\s+/)[0] ?? '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (firstWord.length < 5) return;
    for (const { competence, verb } of VERBS) {
      if (columns.has(competence)) continue;
      const distance = boundedEditDistance(firstWord, verb, 2);
      if (distance > 2) continue;
      columns.set(competence, index);
      if (distance > 0)
        warnings.add('ao-header-typo', line, {
          written: cell.trim().split(/\s+/)[0],
          expected: verb[0].toUpperCase() + verb.slice(1),
        });
      break;
    }
  });
  VERBS.forEach(({ competence }, i) => {
    if (!columns.has(competence)) columns.set(competence, i + 2);
  });
  return columns;
}

function holderOf(label: string): AoHolder {
  const text = foldAccents(label).toLowerCase();
  if (text.includes('certaines')) return 'transferredBySome';
  if (text.includes('ensemble') || /\btoutes\b/.test(text)) return 'transferredByAll';
  if (text.includes('exerc') || text.includes('commune')) return 'commune';
  return 'unknown';
}

/**
 * A box: `<input … type="checkbox"/>` (ticked when `checked`), or a ticked or empty box character — Unicode's, a
 * square, `[x]` / `[ ]`, or the private-use code point of Word's Wingdings font kept by an export (\uF0FE a ticked
 * box, \uF0FD and \uF078 crossed ones, \uF06E a black square; \uF0A8 and \uF06F empty boxes).
 */
const BOX = /<input\b([^>]*)>|(☒|☑|■|\[x\]|\[X\]|\uF0FE|\uF0FD|\uF078|\uF06E)|(☐|□|\[ \]|\uF0A8|\uF06F)/g;

/** The holders ticked in a cell, in order. */
function tickedHolders(cell: string): AoHolder[] {
  const marks = [...cell.matchAll(BOX)];
  const ticked: AoHolder[] = [];
  marks.forEach((mark, i) => {
    const checked = mark[1] !== undefined ? /\bchecked\b/i.test(mark[1]) : mark[2] !== undefined;
    if (!checked) return;
    const from = (mark.index ?? 0) + mark[0].length;
    const to = i + 1 < marks.length ? (marks[i + 1].index ?? cell.length) : cell.length;
    ticked.push(holderOf(cell.slice(from, to).split(/\.\s/)[0]));
  });
  return ticked;
}

const TRANSFERRED = /transf[ée]r[ée]\s+leurs\s+comp[ée]tences\s*:\s*(\d[\d\s.]*)/i;
const toInt = (digits: string): number => Number(digits.replace(/[\s.]/g, ''));

export function readAoTable(
  lines: SourceLine[],
  epciKeys: string[],
  directory: CommuneDirectory,
  warnings: WarningSink,
): AoRow[] {
  // The first heading with a table under it: a sentence may name the table before.
  const starts = lines.flatMap((line, index) => (isAoBlockStart(line.text) ? [index] : []));
  const tableAt = (index: number) => {
    let first = index + 1;
    while (first < lines.length && !lines[first].text) first++;
    return first + 1 < lines.length && lines[first].raw.includes('\t') && lines[first + 1].raw.includes('\t')
      ? first
      : -1;
  };
  const start = starts.find((index) => tableAt(index) >= 0);
  if (start === undefined) {
    // A table the export wrote cell by cell, one a line, or not at all, under its heading: said, the sheet to be
    // filled by hand. A sentence that names the table is no heading.
    const heading = starts.find((index) => AO_HEADING.test(lines[index].text));
    if (heading !== undefined) warnings.add('ao-table-unreadable', lines[heading].no);
    return [];
  }
  let i = tableAt(start);
  const columns = columnsOf(lines[i].raw.split('\t'), lines[i].no, warnings);
  const rows: AoRow[] = [];
  for (i = i + 1; i < lines.length && lines[i].raw.includes('\t'); i++) {
    const line = lines[i];
    const cells = line.raw.split('\t').map((cell) => cell.trim());
    const name = cells[0].replace(/\s+/g, ' ');
    if (!name) continue;
    const key = compareKey(name);
    const isEpci = key.startsWith('epci') || epciKeys.some((k) => k && key.includes(k)) || key.startsWith('communaute');
    const spelling = communeAfterPrefix(name) ?? name;
    if (!isEpci && !directory.mention(spelling, line.no, false))
      warnings.add('unknown-commune', line.no, { name: spelling });
    const populationText = cells[1] ?? '';
    const population = /^\d[\d\s.]*$/.test(populationText) ? toInt(populationText) : null;
    if (populationText && population === null)
      warnings.add('ao-population-unreadable', line.no, { name, text: populationText });
    const competences = {} as AoRow['competences'];
    const transferred: number[] = [];
    for (const { competence } of VERBS) {
      const cell = cells[columns.get(competence)!] ?? '';
      const ticked = tickedHolders(cell);
      if (ticked.length === 0) warnings.add('ao-no-choice', line.no, { name, competence: competenceNames[competence] });
      if (ticked.length > 1)
        warnings.add('ao-several-choices', line.no, { name, competence: competenceNames[competence] });
      competences[competence] = ticked.length === 1 ? ticked[0] : 'unknown';
      const m = TRANSFERRED.exec(cell);
      if (m) transferred.push(toInt(m[1]));
    }
    if (new Set(transferred).size > 1) warnings.add('ao-population-mismatch', line.no, { name, values: transferred });
    rows.push({ name, isEpci, population, competences, transferredPopulation: transferred[0] ?? null });
  }
  return rows;
}
