import type { Axis } from '../domain/plan';
import type { ReadAxis } from './fiche-section';
import {
  articleNumber,
  axisNumber,
  axisNumbering,
  followsListItem,
  mayBeListItem,
  readAxisHeading,
  type AxisHeading,
} from './headings';
import { compareKey } from './text-keys';
import { bulletText, type SourceLine } from './text-lines';
import type { WarningSink } from './warnings';

/** Article 4's list of axes ("enjeux") with their objectives: a cross-check of the plan, not the plan. */
export interface Article4Axis {
  number: number;
  title: string;
  objectives: string[];
  line: number;
}

export function readArticle4(lines: SourceLine[], warnings: WarningSink): Article4Axis[] | null {
  const start = lines.findIndex((line) => articleNumber(line.text) === 4);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && articleNumber(lines[end].text) === null) end++;
  const headingAt = article4Headings(lines, start + 1, end);
  const axes: { heading: AxisHeading; objectives: string[]; line: number }[] = [];
  for (let i = start + 1; i < end; i++) {
    const text = lines[i].text;
    const heading = headingAt(i, axes.length);
    if (heading) {
      axes.push({ heading, objectives: [], line: lines[i].no });
      i = heading.lastIndex;
      continue;
    }
    const bullet = bulletText(text);
    const current = axes[axes.length - 1];
    if (current && bullet) current.objectives.push(bullet);
    else if (current && bullet === '') warnings.add('empty-bullet', lines[i].no, { field: 'Article 4' });
  }
  // Numbered once all are read: "II" is 2 in a list of Roman numerals, 11 among digits.
  const numbering = axisNumbering(axes.map((axis) => axis.heading));
  return axes.map(({ heading, objectives, line }) => ({
    number: axisNumber(heading, numbering).number,
    title: heading.title,
    objectives,
    line,
  }));
}

/**
 * How Article 4 writes its axes: "n) Title" (or "Axe n :"…) when any line from `from` to `to` is so written, else
 * « 1. », « 2. » as a list's items are (or « 1 – »): then a line is an axis when it carries the number after the
 * axes before it, from 1, and, written « 1. », stands apart (a blank line or a page break above it, or the article's
 * heading: the objectives follow one another); one that follows its objective « n-1. » is an objective when another
 * line below, that follows none, may be the axis « n. ».
 */
function article4Headings(lines: SourceLine[], from: number, to: number) {
  for (let i = from; i < to; i++)
    if (lines[i].text && readAxisHeading(lines, i)) return (index: number) => readAxisHeading(lines, index);
  const dottedAt = (index: number) =>
    lines[index].text && (index === from || !mayBeListItem(lines, index)) ? readAxisHeading(lines, index, true) : null;
  return (index: number, axesBefore: number) => {
    const heading = dottedAt(index);
    if (heading?.asDigits !== axesBefore + 1) return null;
    // An objective « 2. » after its « 1. », a blank line between: an objective when a line below, after no « 1. »,
    // may be the axis « 2. ».
    const number = heading.asDigits;
    if (!followsListItem(lines, index, number)) return heading;
    for (let j = heading.lastIndex + 1; j < to; j++)
      if (dottedAt(j)?.asDigits === number && !followsListItem(lines, j, number)) return null;
    return heading;
  };
}

const inCapitals = (text: string) => text === text.toLocaleUpperCase('fr');

/**
 * Article 4 gives each axis its objectives and cross-checks its title; every difference is reported. A title in
 * capitals among the fiches takes Article 4's writing of the same words.
 */
export function crossCheckArticle4(
  axes: Axis[],
  read: ReadAxis[],
  article4: Article4Axis[] | null,
  warnings: WarningSink,
): void {
  if (!article4) {
    warnings.add('article4-not-found', 0);
    return;
  }
  axes.forEach((axis, i) => {
    const listed = article4.find((a) => a.number === axis.number);
    if (!listed) {
      warnings.add('axis-not-in-article4', read[i].line, { number: axis.number, title: axis.title });
      return;
    }
    axis.objectives = listed.objectives;
    // A heading in capitals among the fiches is a heading's typography: Article 4 writes the same words as a title.
    if (compareKey(listed.title) === compareKey(axis.title) && inCapitals(axis.title) && !inCapitals(listed.title))
      axis.title = listed.title;
    if (compareKey(listed.title) !== compareKey(axis.title))
      warnings.add('axis-title-mismatch', read[i].line, {
        number: axis.number,
        title: axis.title,
        article4Title: listed.title,
      });
  });
  for (const listed of article4)
    if (!axes.some((axis) => axis.number === listed.number))
      warnings.add('article4-axis-without-fiches', listed.line, { number: listed.number, title: listed.title });
}
