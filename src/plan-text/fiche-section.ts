import { GENERATED_REF_PREFIX } from '../domain/plan';
import {
  annexeNumber,
  articleNumber,
  axisNumber,
  axisNumbering,
  readAxisHeading,
  followsListItem,
  mayBeListItem,
  type AxisHeading,
} from './headings';
import { labelText, looksLikeUnknownLabel, matchLabel, type LabelId, type LabelMatch } from './labels';
import { ficheName } from '../domain/fiche-name';
import { readFiche, type CollectedFiche, type ContentLine, type FicheWarning, type ReadFiche } from './fiche-fields';
import { readWrittenRef } from './fiche-refs';
import { ficheHeading, keepFicheHeadings } from './fiche-heading';
import { isAoBlockStart } from './ao-table';
import { namesFigureOrUnit } from './criterion-figures';
import { rowUnderRow, tableCells } from './table-rows';
import { startsListItem, type SourceLine } from './text-lines';
import type { WarningSink } from './warnings';

/**
 * The fiches actions (Annexe 3 by Article 3, with no heading of its own): from the first axis heading followed by
 * a "Réf de la fiche action" to the next ANNEXE heading or the end of the text. A block that is not a fiche
 * (the AO table) may sit between fiches: a fiche after it stays in the axis in force, with a warning.
 */

export interface ReadAxis {
  number: number;
  title: string;
  line: number;
  fiches: ReadFiche[];
}

export interface FicheSection {
  axes: ReadAxis[];
  /** Index in lines of the section's first line (the Annexe 2 table ends there), -1 when no fiche. */
  startIndex: number;
  ficheCount: number;
}

const BULLETED = new Set<LabelId>(['objectives', 'quantitative', 'qualitative']);

/**
 * A fiche exported from a Word table writes its label cell, a tab, then its value cell, often with no colon
 * (« Intérêt⇥intérêt fort »): read as « Intérêt : intérêt fort ». A line with a colon before its first tab is as written.
 */
function labelCells(line: SourceLine): string {
  const tab = line.raw.indexOf('\t');
  const label = tab > 0 ? line.raw.slice(0, tab).trim() : '';
  if (!label || label.includes(':')) return line.text;
  return `${label} : ${line.raw
    .slice(tab + 1)
    .replace(/[ \t]+/g, ' ')
    .trim()}`;
}

export function readFicheSection(lines: SourceLine[], warnings: WarningSink): FicheSection {
  const labels = lines.map((line) => (line.text ? (matchLabel(labelCells(line)) ?? ficheHeading(line.text)) : null));
  const headingsOverTheirRef = keepFicheHeadings(lines, labels);
  const firstRef = labels.findIndex((label) => label?.id === 'ref');
  if (firstRef < 0) return { axes: [], startIndex: -1, ficheCount: 0 };
  const startIndex = sectionStart(lines, firstRef);
  // A fiche's heading (« FICHE ACTION N° PE1 : … ») right under an axis heading is no part of it.
  const startsFiche = (index: number) => labels[index]?.id === 'ref' || headingsOverTheirRef.has(index);
  const headings = sectionHeadings(lines, labels, startIndex, startsFiche);
  const numbering = axisNumbering([...headings.values()]);

  const axes: ReadAxis[] = [];
  let axis: ReadAxis | null = null;
  let outsideAxis: ReadAxis | null = null;
  let fiche: CollectedFiche | null = null;
  let field: ContentLine[] | null = null;
  let fieldId: LabelId | null = null;
  // A block that is not a fiche; `left` counts the lines of an unknown one, left out under its one warning.
  let block: Block | null = null;
  let ficheCount = 0;
  let unreferenced = 0;
  let previousBlank = false;

  const closeFiche = () => {
    if (fiche) {
      const read = readFiche(fiche, () => `${GENERATED_REF_PREFIX}${(unreferenced += 1)}`, warnings);
      let target = axis;
      if (!target) {
        outsideAxis ??= { number: 0, title: 'Fiches hors axe', line: 0, fiches: [] };
        target = outsideAxis;
        warnings.add('fiche-outside-axis', read.line, { ref: ficheName(read) });
      }
      target.fiches.push(read);
    }
    fiche = null;
    field = null;
    fieldId = null;
  };
  const startBlock = (line: SourceLine, known: boolean) => {
    closeFiche();
    block = known ? { line: line.no, known } : outsideFiche(line, warnings);
  };

  let end = lines.length;
  for (let i = startIndex; i < lines.length; i++) {
    const line = lines[i];
    if (annexeNumber(line.text) !== null) {
      end = i;
      break;
    }
    if (!line.text) {
      previousBlank = true;
      continue;
    }
    // « FICHE ACTION N° PE1 : … » over « Réf de la fiche action : PE1 »: the heading of the fiche below, no text.
    if (headingsOverTheirRef.has(i)) continue;
    const afterBlank = previousBlank;
    previousBlank = false;
    const heading = headings.get(i);
    if (heading) {
      closeFiche();
      block = null;
      const { number, noisy } = axisNumber(heading, numbering);
      const existing = axes.find((a) => a.number === number);
      if (existing) warnings.add('duplicate-axis', line.no, { number });
      if (noisy) warnings.add('axis-number-noise', line.no, { written: heading.written, number });
      axis = existing ?? { number, title: heading.title, line: line.no, fiches: [] };
      if (!existing) axes.push(axis);
      i = heading.lastIndex;
      continue;
    }
    if (isAoBlockStart(line.text)) {
      startBlock(line, true);
      continue;
    }
    const label = kindsHeading(labels, lines, i) ?? labels[i];
    if (label?.id === 'ref') {
      closeFiche();
      ficheCount += 1;
      fiche = { line: line.no, fields: new Map(), extra: [], warnings: [] };
      openField(fiche, label, line);
      // A heading's title is the fiche's, as if under its own label (« Intitulé de l'action »).
      if (label.headingTitle) {
        fiche.fields.set('title', [{ text: label.headingTitle, line: line.no, afterBlank: false }]);
        fiche.titleFromHeading = true;
      }
      field = fiche.fields.get('ref')!;
      fieldId = 'ref';
      const current = block as Block | null;
      if (label.distance > 0) warn(fiche, 'label-typo', line.no, { written: label.written, label: labelText.ref });
      if (current && ficheCount > 1)
        warn(fiche, 'fiche-after-other-block', line.no, {
          axis: axis ? axis.number : 'hors axe',
          blockLine: current.line,
        });
      block = null;
      continue;
    }
    if (block) {
      // Text met inside a fiche ends at a label the fiche has not had yet: the fiche's fields go on.
      if (!fiche || !label || fiche.fields.has(label.id)) {
        if (block.left) block.left.count += 1;
        continue;
      }
      block = null;
    }
    if (!fiche) {
      startBlock(line, false);
      continue;
    }
    const cells = tableCells(line);
    if (
      label &&
      !targetInList(fiche, fieldId, label) &&
      !proseWord(fiche, fieldId, label) &&
      !tableRowInList(fiche, fieldId, label, cells)
    ) {
      if (label.distance > 0)
        warn(fiche, 'label-typo', line.no, { written: label.written, label: labelText[label.id] });
      if (label.assumedKind) warn(fiche, 'criteria-kind-assumed', line.no, { written: label.written });
      // The fiche's own « Intitulé de l'action » is its title, in place of its heading's words: no title twice.
      if (label.id === 'title' && fiche.titleFromHeading) {
        fiche.fields.delete('title');
        fiche.titleFromHeading = false;
      }
      openField(fiche, label, line);
      field = fiche.fields.get(label.id)!;
      fieldId = label.id;
      // « Critères quantitatifs⇥Indicateur⇥Cible 2029 »: the label's cell, then the first row of its table.
      if (BULLETED.has(label.id) && cells && cells.length > 2 && field.length > 0)
        field[field.length - 1] = { ...field[field.length - 1], cells: cells.slice(1) };
      continue;
    }
    const unknown = looksLikeUnknownLabel(line.text);
    if (unknown) {
      // A field nobody knows: its lines go to the end of the context, not into the field above.
      warn(fiche, 'unknown-label', line.no, { written: unknown });
      field = fiche.extra;
      fieldId = null;
    } else if (
      fieldId &&
      BULLETED.has(fieldId) &&
      field &&
      field.length > 0 &&
      afterBlank &&
      !startsListItem(line.text) &&
      !tableCells(line)
    ) {
      // Text after a list, a blank line between, is no part of it: reported and left out with what follows it,
      // the fiche kept open for a field of its own below.
      block = outsideFiche(line, warnings);
      field = null;
      fieldId = null;
      continue;
    }
    const rowCells = fieldId && BULLETED.has(fieldId) ? (cells ?? rowUnderRow(line, field?.at(-1))) : null;
    field?.push({ text: line.text, line: line.no, afterBlank, ...(rowCells ? { cells: rowCells } : {}) });
  }
  closeFiche();
  warnFichesAfter(lines, labels, end, warnings);
  if (outsideAxis) {
    const orphan = outsideAxis as ReadAxis;
    orphan.number = axes.reduce((max, a) => Math.max(max, a.number), 0) + 1;
    axes.push(orphan);
  }
  return { axes, startIndex, ficheCount };
}

const KINDS = new Set<LabelId>(['quantitative', 'qualitative']);

/**
 * « Indicateurs de suivi : » (a wording read as « Critères quantitatifs », `LabelMatch.assumedKind`) with nothing
 * under it but the label of a kind (« Quantitatifs : », « Indicateurs qualitatifs : ») heads the kinds, as « Critères »
 * does: read so, with no kind to assume.
 */
function kindsHeading(labels: (LabelMatch | null)[], lines: SourceLine[], index: number): LabelMatch | null {
  const label = labels[index];
  if (!label?.assumedKind || label.rest) return null;
  const next = labels[nextTextIndex(lines, index)];
  return next && KINDS.has(next.id) ? { ...label, id: 'criteria', assumedKind: false } : null;
}

/**
 * « Objectif : 80 % » under a criterion is its target, not the fiche's « Objectif(s) » again: in a list (objectives,
 * criteria) that has begun, a label this fiche already has, written with a value on its line, is the list's text.
 */
function targetInList(fiche: CollectedFiche, fieldId: LabelId | null, label: LabelMatch): boolean {
  if (!fieldId || !BULLETED.has(fieldId) || !label.rest || !fiche.fields.has(label.id)) return false;
  return (fiche.fields.get(fieldId) ?? []).length > 0;
}

/**
 * A row of three cells or more in a list (objectives, criteria) is a row of its table (« Indicateur⇥Référence
 * 2023⇥Cible 2027 »), not a label and its value, unless its first cell is written as the label of a field the fiche
 * has not had yet, one with content (« Critères qualitatifs⇥… » after the quantitative table). So is a row of two
 * whose second cell heads a Référence, Cible or Unité column (« Indicateur⇥Cible », « Indicateur⇥Unité »): no
 * field's value is so worded.
 */
function tableRowInList(
  fiche: CollectedFiche,
  fieldId: LabelId | null,
  label: LabelMatch,
  cells: string[] | null,
): boolean {
  if (!fieldId || !BULLETED.has(fieldId) || !cells) return false;
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length < 3 && !(filled.length === 2 && namesFigureOrUnit(filled[1]))) return false;
  return label.distance > 0 || label.id === 'criteria' || fiche.fields.has(label.id);
}

/**
 * « Public : les familles… », « Budget prévisionnel : 12 000 € » in the context: a line that begins with another
 * wording of a label the fiche has had is a line of text — an ordinary word (`LabelMatch.ordinaryWord`) wherever it
 * comes, another alias in the context. The title counts as had in the context when a line under « Public cible »
 * below the publics is one (under publics over several lines, « Intitulé : » is the title's label).
 */
function proseWord(fiche: CollectedFiche, fieldId: LabelId | null, label: LabelMatch): boolean {
  if (!label.ordinaryWord && !(label.alias && fieldId === 'context')) return false;
  if (label.id !== 'title') return fiche.fields.has(label.id);
  return fiche.fields.has('title') || (fieldId === 'context' && (fiche.fields.get('publics') ?? []).length > 1);
}

/**
 * The axis headings of the section by line index, read ahead: how they are numbered is known from all of them. An
 * "n) Title" line (or "Axe n :"…) is a heading when the next label below it is a "Réf". When the section has none,
 * its axes may be numbered « 1. », « 2. », as a list's items are: such a line is a heading when the next line with
 * text after it (and its continuation) is a "Réf", written « 1. » it stands apart (a blank line or a page break
 * above it: items follow one another) and its number follows the heading's before it, the first being the section's
 * first line (just above the first "Réf"). A list's items may stand apart too: one that follows its item « n-1. »
 * is no heading when another line numbered as it, that follows none, could be the heading below.
 */
function sectionHeadings(
  lines: SourceLine[],
  labels: (LabelMatch | null)[],
  startIndex: number,
  startsFiche: (index: number) => boolean,
): Map<number, AxisHeading> {
  // For each line, is the next label below it a "Réf"? Only then is an "n) Title" line an axis heading.
  const nextLabelIsRef = new Array<boolean>(lines.length + 1).fill(false);
  for (let i = lines.length - 1; i >= 0; i--)
    nextLabelIsRef[i] = labels[i] ? labels[i]!.id === 'ref' : nextLabelIsRef[i + 1];
  const read = (headingAt: (i: number) => AxisHeading | null) => {
    const headings = new Map<number, AxisHeading>();
    for (let i = startIndex; i < lines.length && annexeNumber(lines[i].text) === null; i++) {
      const heading = lines[i].text && nextLabelIsRef[i + 1] && !labels[i] ? headingAt(i) : null;
      if (heading) {
        headings.set(i, heading);
        i = heading.lastIndex;
      }
    }
    return headings;
  };
  const headings = read((i) => readAxisHeading(lines, i, false, startsFiche));
  if (headings.size > 0) return headings;
  const candidates = [
    ...read((i) => {
      const heading =
        i === startIndex || !mayBeListItem(lines, i) ? readAxisHeading(lines, i, true, startsFiche) : null;
      return heading?.asDigits && labels[nextTextIndex(lines, heading.lastIndex)]?.id === 'ref' ? heading : null;
    }),
  ];
  const dotted = new Map<number, AxisHeading>();
  let last: number | null = null;
  candidates.forEach(([i, heading], at) => {
    const number = heading.asDigits!;
    if (last === null ? i !== startIndex : number !== last + 1) return;
    // A list's item « 2. » after its « 1. », above a fiche: an item when a line below, after no « 1. », may be the
    // axis « 2. ».
    const followsItem = (index: number) => followsListItem(lines, index, number, (j) => labels[j] !== null);
    if (followsItem(i) && candidates.slice(at + 1).some(([j, h]) => h.asDigits === number && !followsItem(j))) return;
    dotted.set(i, heading);
    last = number;
  });
  return dotted;
}

/** The index of the next line with text after lines[index], lines.length when none. */
function nextTextIndex(lines: SourceLine[], index: number): number {
  let j = index + 1;
  while (j < lines.length && !lines[j].text) j++;
  return j;
}

/**
 * A "Réf de la fiche action" after the annexe heading that ends the fiches (a fiche pasted at the end of the text):
 * not read, as nothing past that heading is, but said, so that it is not lost without a word.
 */
function warnFichesAfter(lines: SourceLine[], labels: (LabelMatch | null)[], end: number, warnings: WarningSink) {
  let annexe: number | null = null;
  for (let i = end; i < lines.length; i++) {
    annexe = annexeNumber(lines[i].text) ?? annexe;
    const label = labels[i];
    if (label?.id !== 'ref' || annexe === null) continue;
    // Named as a read fiche is, by its ref as written (`ficheName`); by its line when none reads as a ref.
    const written = label.rest || nextText(lines, i);
    warnings.add('fiche-after-annexe', lines[i].no, {
      ref: ficheName({ writtenRef: readWrittenRef(written).written, ref: written }),
      annexe,
    });
  }
}

/** A warning about the fiche being collected: it is named (`ficheName`) once read, whatever its ref line holds. */
function warn(fiche: CollectedFiche, code: FicheWarning['code'], line: number, params: FicheWarning['params']): void {
  fiche.warnings.push({ code, line, params });
}

function openField(fiche: CollectedFiche, label: LabelMatch, line: SourceLine): void {
  const existing = fiche.fields.get(label.id);
  if (existing) warn(fiche, 'duplicate-field', line.no, { field: labelText[label.id] });
  const content = existing ?? [];
  if (label.rest) content.push({ text: label.rest, line: line.no, afterBlank: false });
  fiche.fields.set(label.id, content);
}

interface Block {
  line: number;
  known: boolean;
  /** Of an unknown block: its warning's count of the lines left out, raised as they are met. */
  left?: { text: string; count: number };
}

/** Text outside any fiche: reported once at its first line, with the count of the lines left out with it. */
function outsideFiche(line: SourceLine, warnings: WarningSink): Block {
  const left = { text: excerpt(line.text), count: 1 };
  warnings.add('text-outside-fiche', line.no, left);
  return { line: line.no, known: false, left };
}

/** The start of a line, to show which text is meant. */
function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function nextText(lines: SourceLine[], index: number): string {
  return lines[nextTextIndex(lines, index)]?.text ?? '';
}

/**
 * The axis heading just above the first "Réf", when no article, annexe or table line comes between; else the line
 * with text right above it when it is a heading numbered « 1. » (`sectionHeadings`).
 */
function sectionStart(lines: SourceLine[], firstRef: number): number {
  for (let i = firstRef - 1; i >= 0; i--) {
    const line = lines[i];
    if (articleNumber(line.text) !== null || annexeNumber(line.text) !== null || line.raw.includes('\t')) break;
    if (line.text && readAxisHeading(lines, i)) return i;
  }
  let above = firstRef - 1;
  while (above >= 0 && !lines[above].text) above--;
  return above >= 0 && !lines[above].raw.includes('\t') && readAxisHeading(lines, above, true) ? above : firstRef;
}
