import type { Period } from '../domain/plan';
import { annexeNumber, articleNumber } from './headings';
import { foldAccents } from './text-keys';
import type { SourceLine } from './text-lines';

/**
 * The period of the convention, from Article 10 ("conclue à compter du 1 janvier 2026 au 31 décembre 2030",
 * "du 1er janvier … au …", "du 01/01/2026 au 31/12/2030", "de janvier 2026 à décembre 2030"), or a start and a duration
 * ("à compter du 1er janvier 2026 pour une durée de cinq ans"). Failing that, from the years of a title
 * ("CONVENTION TERRITORIALE GLOBALE 2026 – 2030"), which the caller reports.
 */

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

const WORD_DATE =
  /\b(premier|1er|\d{1,2})\s*(?:er\s+)?(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(\d{4})\b/g;
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const plainText = (text: string): string =>
  foldAccents(text)
    .toLowerCase()
    .replace(/\s*\^\s*\{?\s*er\s*\}?/g, 'er');

/** Every date of the text, in order. */
export function findDates(text: string): string[] {
  const plain = plainText(text);
  const found: { at: number; date: string }[] = [];
  const push = (at: number, date: string | null) => date && found.push({ at, date });
  for (const m of plain.matchAll(WORD_DATE)) {
    const day = m[1] === 'premier' || m[1] === '1er' ? 1 : Number(m[1]);
    push(m.index ?? 0, iso(Number(m[3]), MONTHS[m[2]], day));
  }
  for (const m of plain.matchAll(NUMERIC_DATE)) push(m.index ?? 0, iso(Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of plain.matchAll(ISO_DATE)) push(m.index ?? 0, iso(Number(m[1]), Number(m[2]), Number(m[3])));
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

const MONTH_YEAR =
  /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(\d{4})\b/g;

/**
 * "de janvier 2026 à décembre 2029" → 2026-01-01 … 2029-12-31: the first two months named without a day, the
 * first from its first day, the second to its last. Null when the text has no two such months.
 */
function monthSpan(text: string): { start: string; end: string } | null {
  const months = [...plainText(text).replace(WORD_DATE, ' ').matchAll(MONTH_YEAR)].map((m) => ({
    year: Number(m[2]),
    month: MONTHS[m[1]],
  }));
  if (months.length < 2) return null;
  const [first, last] = months;
  const start = iso(first.year, first.month, 1)!;
  const end = new Date(Date.UTC(last.year, last.month, 1) - 86_400_000).toISOString().slice(0, 10);
  return { start, end };
}

export type PeriodReading =
  | { kind: 'dates'; period: Period; line: number }
  | { kind: 'years'; period: Period; line: number; text: string }
  | { kind: 'duration'; period: Period; line: number; text: string }
  | { kind: 'reversed'; start: string; end: string; line: number }
  | { kind: 'none' };

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
};

/**
 * A length of the convention as conventions write it, accents folded: « durée de cinq ans », « période de 4
 * années », « pour quatre ans », « durée de quatre (4) ans », « durée de 48 mois », and a single year, « pour une
 * année », « durée d’un an », « durée d’une (1) année » (« de » elided before « un », the unit then singular). Only
 * after « durée de », « période de » or « pour », so that a number of years elsewhere in the article (« les enfants de
 * 4 ans ») is none.
 */
const DURATION =
  /\b(?:(?:duree|periode)\s+(?:de\s+|d['’]\s*)|pour\s+)(\d{1,3}|une?|deux|trois|quatre|cinq|six|sept|huit)\s*(?:\(\s*[a-z\d]+\s*\)\s*)?(ans?|annees?|mois)\b/;

/**
 * Words of a clause that gives another length than the convention's: its renewal (« reconduite pour 3 ans »), a
 * notice (« préavis d'une durée de 6 mois »), its ending or its extension (« prolongée », « prorogée pour une durée
 * d'un an »). Accents folded.
 */
const OTHER_LENGTH = /\b(?:reconduct|reconduit|renouvel|preavis|denonc|resili|prolong|prorog)/;

/**
 * The first duration of the text whose clause, from the punctuation before it, is not about another length:
 * « conclue pour 4 ans…, renouvelable » and « Sauf dénonciation, elle est conclue pour 4 ans » are the convention's.
 */
function conventionDuration(text: string): RegExpExecArray | null {
  for (const m of text.matchAll(new RegExp(DURATION.source, 'g'))) {
    const before = text.slice(0, m.index);
    const clause = before.slice(Math.max(...[',', ';', ':', '.', '!', '?'].map((p) => before.lastIndexOf(p))) + 1);
    if (!OTHER_LENGTH.test(clause)) return m as RegExpExecArray;
  }
  return null;
}

/** "à compter du 1er janvier 2026, pour une durée de cinq ans" → 2026-01-01 … 2030-12-31. */
function startAndDuration(block: SourceLine[], dates: string[]): PeriodReading | null {
  if (dates.length !== 1) return null;
  const text = foldAccents(block.map((line) => line.text).join(' ')).toLowerCase();
  const m = conventionDuration(text);
  if (!m) return null;
  const count = NUMBER_WORDS[m[1]] ?? Number(m[1]);
  const months = m[2] === 'mois' ? count : count * 12;
  if (months === 0) return null;
  const [year, month, day] = dates[0].split('-').map(Number);
  const end = new Date(Date.UTC(year, month - 1 + months, day) - 86_400_000).toISOString().slice(0, 10);
  const line = block.find((l) => foldAccents(l.text).toLowerCase().includes(m[0])) ?? block[0];
  return { kind: 'duration', period: { start: dates[0], end }, line: line.no, text: line.text };
}

function duration(lines: SourceLine[]): SourceLine[] {
  let start = lines.findIndex((line) => articleNumber(line.text) === 10);
  if (start < 0) start = lines.findIndex((line) => articleNumber(line.text) !== null && /dur[ée]e/i.test(line.text));
  if (start < 0) return lines.filter((line) => /\b(conclue|durée|duree)\b/i.test(line.text));
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => articleNumber(line.text) !== null || annexeNumber(line.text) !== null);
  return end < 0 ? rest.slice(0, 30) : rest.slice(0, end);
}

export function readPeriod(lines: SourceLine[]): PeriodReading {
  // Joined, so that a sentence wrapped over two lines still gives its two dates.
  const block = duration(lines);
  const dates = findDates(block.map((line) => line.text).join(' '));
  if (dates.length >= 2) {
    const [start, end] = dates;
    const line = block.find((l) => findDates(l.text).length > 0)?.no ?? 0;
    return start <= end ? { kind: 'dates', period: { start, end }, line } : { kind: 'reversed', start, end, line };
  }
  const months = dates.length === 0 ? monthSpan(block.map((line) => line.text).join(' ')) : null;
  if (months) {
    const line = block.find((l) => plainText(l.text).match(MONTH_YEAR))?.no ?? 0;
    return months.start <= months.end
      ? { kind: 'dates', period: months, line }
      : { kind: 'reversed', start: months.start, end: months.end, line };
  }
  const fromDuration = startAndDuration(block, dates);
  if (fromDuration) return fromDuration;
  for (const line of lines) {
    const m = /\b(20\d\d)\s*[-–—/à]+\s*(20\d\d)\b/.exec(line.text);
    if (m && /convention|ctg/i.test(line.text) && Number(m[1]) <= Number(m[2])) {
      return {
        kind: 'years',
        period: { start: `${m[1]}-01-01`, end: `${m[2]}-12-31` },
        line: line.no,
        text: line.text,
      };
    }
  }
  return { kind: 'none' };
}
