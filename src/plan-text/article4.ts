import { articleNumber, readAxisHeading } from './headings';
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
  const axes: Article4Axis[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i].text;
    if (articleNumber(text) !== null) break;
    const heading = readAxisHeading(lines, i);
    if (heading) {
      axes.push({ number: heading.number, title: heading.title, objectives: [], line: lines[i].no });
      i = heading.lastIndex;
      continue;
    }
    const bullet = bulletText(text);
    const current = axes[axes.length - 1];
    if (current && bullet) current.objectives.push(bullet);
    else if (current && bullet === '') warnings.add('empty-bullet', lines[i].no, { field: 'Article 4' });
  }
  return axes;
}
