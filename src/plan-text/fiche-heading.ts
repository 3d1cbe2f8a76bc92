import { readWrittenRef } from './fiche-refs';
import { annexeNumber, articleNumber } from './headings';
import type { LabelId, LabelMatch } from './labels';
import { stripBold, type SourceLine } from './text-lines';

/**
 * A fiche headed by its ref and title, with no « Réf de la fiche action » line under it, as other conventions write
 * it: « FICHE ACTION N° PE1 : titre », « Fiche action n°3 – titre », « Fiche-action 1.2 – titre », or the ref alone
 * (« FICHE ACTION N° 3 », the title under it). Read as the ref's label, its value the ref, the title as if labelled.
 */

/** The heading's words before the ref: « Fiche action » (« Fiche-action »), then « n° » or « numéro » if written. */
const HEADING_WORDS = /^fiches?(?:\s*-\s*|\s+)actions?(?!\p{L})\s*(?:(?:n\s*[°º]|num[ée]ro)\s*)?/iu;
/** What parts the ref from the title on the heading's line. */
const BEFORE_TITLE = /[:\-–—]\s*$/;

/**
 * The line read as a fiche heading: a ref label whose value is the ref as written, and the title after it ('' when
 * none). Null when the line does not begin with those words, when no ref comes right after them (« Fiche action :
 * Un multi-accueil »), or when words follow the ref without a separator (« Fiche action n° 2 et 3 sont liées »).
 */
export function ficheHeading(lineText: string): LabelMatch | null {
  const text = stripBold(lineText);
  const words = HEADING_WORDS.exec(text);
  if (!words) return null;
  const after = text.slice(words[0].length);
  const read = readWrittenRef(after);
  if (read.ref === null || !after.startsWith(read.written)) return null;
  const between = after.slice(read.written.length, after.length - read.rest.length);
  if (read.rest !== '' && !BEFORE_TITLE.test(between)) return null;
  return {
    id: 'ref',
    written: words[0].trim(),
    distance: 0,
    rest: read.written,
    ordinaryWord: false,
    alias: true,
    assumedKind: false,
    headingTitle: read.rest,
  };
}

/**
 * The fields a heading with no fiche open above it needs below it to start the first fiche: a fiche has a dozen, a
 * line of the preamble that begins as a heading may have a label or two under it (« Objectifs : »).
 */
const FIRST_FICHE_FIELDS = 3;

/**
 * Drops the fiche headings (`ficheHeading`) that start no fiche. A heading does when the labels below it, up to the
 * next ref or heading, or article or annexe heading, are a fiche's fields, one at least that the fiche open above it
 * has had already (when no fiche is open yet, FIRST_FICHE_FIELDS distinct fields): they cannot be that fiche's. So a
 * line of a fiche's text that begins as a heading (« Fiche action n° 2 : ce projet prolonge… » in a context, followed
 * by the fiche's « Objectif(s) » and criteria) stays text, as do a list of the fiches written as headings in the
 * preamble (each followed by the next) and a line of the preamble with a label or two under it.
 *
 * Returns the indexes of the headings dropped right above the « Réf de la fiche action » of the same ref (« FICHE
 * ACTION N° PE1 : … » over « Réf de la fiche action : PE1 »): that fiche's heading, which is no text of the fiche
 * above, nor outside the fiches.
 */
export function keepFicheHeadings(lines: SourceLine[], labels: (LabelMatch | null)[]): Set<number> {
  const overTheirRef = new Set<number>();
  let had: Set<LabelId> | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!label) continue;
    if (label.headingTitle !== undefined) {
      const below = fieldsBelow(lines, labels, i);
      const starts = had === null ? new Set(below).size >= FIRST_FICHE_FIELDS : below.some((id) => had!.has(id));
      if (!starts) {
        if (isOverItsRef(lines, labels, i)) overTheirRef.add(i);
        labels[i] = null;
        continue;
      }
    }
    if (label.id === 'ref') had = new Set();
    else had?.add(label.id);
  }
  return overTheirRef;
}

/** Whether the next line written under the heading at `index` is a ref label giving the heading's ref. */
function isOverItsRef(lines: SourceLine[], labels: (LabelMatch | null)[], index: number): boolean {
  const next = nextWritten(lines, index);
  const label = next < 0 ? null : labels[next];
  if (!label || label.id !== 'ref' || label.headingTitle !== undefined) return false;
  // The ref on the label's line, or on the next line written (« Réf de la fiche action : » / « PE1 »).
  const valueLine = nextWritten(lines, next);
  const value = label.rest || (valueLine < 0 ? '' : lines[valueLine].text);
  const ref = readWrittenRef(labels[index]!.rest).ref;
  return ref !== null && readWrittenRef(value).ref === ref;
}

/** The index of the first line with text after lines[index], -1 when none. */
function nextWritten(lines: SourceLine[], index: number): number {
  for (let j = index + 1; j < lines.length; j++) if (lines[j].text) return j;
  return -1;
}

/** The labels below lines[index] up to the next ref (a heading's too), article or annexe heading. */
function fieldsBelow(lines: SourceLine[], labels: (LabelMatch | null)[], index: number): LabelId[] {
  const found: LabelId[] = [];
  for (let j = index + 1; j < lines.length; j++) {
    if (labels[j]?.id === 'ref' || articleNumber(lines[j].text) !== null || annexeNumber(lines[j].text) !== null) break;
    if (labels[j]) found.push(labels[j]!.id);
  }
  return found;
}
