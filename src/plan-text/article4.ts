import type { Axis } from '../domain/plan';
import type { ReadAxis } from './fiche-section';
import { articleNumber, axisNumber, axisNumbering, readAxisHeading, type AxisHeading } from './headings';
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
  const axes: { heading: AxisHeading; objectives: string[]; line: number }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i].text;
    if (articleNumber(text) !== null) break;
    const heading = readAxisHeading(lines, i);
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

/** Article 4 gives each axis its objectives and cross-checks its title; every difference is reported. */
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
