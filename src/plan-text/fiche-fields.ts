import {
  conventionFields,
  conventionPublics,
  matchVocabulary,
  vocabularyItems,
} from '../domain/consolidation/convention-vocabulary';
import type { PlanWarningCode } from '../domain/messages/plan';
import { ficheName } from '../domain/fiche-name';
import { nameKey } from '../domain/name-key';
import type { Criterion, PlanWarning } from '../domain/plan';
import { readWrittenRef } from './fiche-refs';
import { labelText, type LabelId } from './labels';
import { isPlaceholderItem } from './placeholder-items';
import { reportOutsideVocabulary } from './vocabulary-check';
import type { CriterionFigures } from './criterion-figures';
import { tableRowsAsItems, type CellLeftInRow } from './table-rows';
import { bulletText, otherListItemText, splitList, splitOutsideBrackets, startsListItem } from './text-lines';
import type { WarningSink } from './warnings';

/**
 * One fiche as collected from the text (label → its content lines), turned into the fiche's values.
 * The title is the unlabelled line after the Public cible value.
 */

export interface ContentLine {
  text: string;
  line: number;
  /** A blank line came just before it. */
  afterBlank: boolean;
  /** Its cells, when it is a table's row in a list (src/plan-text/table-rows.ts). */
  cells?: string[];
  /** The Référence and Cible of a table's row made an item (src/plan-text/criterion-figures.ts). */
  figures?: CriterionFigures;
  /** Its cells left to the officer, to be said (a year alone in a figure's cell, a number in a Unité cell). */
  cellsLeft?: CellLeftInRow[];
}

export interface CollectedFiche {
  line: number;
  fields: Map<LabelId, ContentLine[]>;
  /** Lines under labels nobody knows ("Partenaires :"), label line included: kept at the end of the context. */
  extra: ContentLine[];
  /** Warnings met while collecting it (a misspelt label, one nobody knows…): given its name (`ficheName`) once read. */
  warnings: FicheWarning[];
  /**
   * Whether its `title` is the words after the ref of its heading (« FICHE ACTION N° PE1 : titre »,
   * src/plan-text/fiche-heading.ts) rather than under its own label: the same title after the publics is then no
   * unexpected text.
   */
  titleFromHeading?: boolean;
}

/** A warning about a fiche, without the param `ref` that names the fiche. */
export interface FicheWarning {
  code: PlanWarningCode;
  line: number;
  params: PlanWarning['params'];
}

export interface ReadFiche {
  ref: string;
  /** The line under « Réf de la fiche action », as written. */
  written: string;
  /** The ref's words in that line, as written (`I.1` for the ref `F1-1`), '' when none reads as a ref. */
  writtenRef: string;
  title: string;
  interest: string;
  methodology: string;
  publics: string[];
  budget: string;
  carriers: string[];
  territories: { text: string; line: number }[];
  fields: string[];
  context: string;
  objectives: string[];
  /** Without keys yet: keys depend on the fiche's final key. */
  criteria: Omit<Criterion, 'key'>[];
  line: number;
}

/** Fields a fiche must have (the bare "Critères" heading carries nothing). */
const REQUIRED: LabelId[] = [
  'interest',
  'methodology',
  'publics',
  'budget',
  'carriers',
  'territories',
  'fields',
  'context',
  'objectives',
  'quantitative',
  'qualitative',
];
const SINGLE: LabelId[] = ['interest', 'methodology', 'budget'];

const joined = (content: ContentLine[]): string =>
  content
    .map((c) => c.text)
    .join(' ')
    .trim();

/**
 * The full stop that ends a list written as a sentence: not the last of « … », of initials (« R.S.A. », « P. »),
 * nor of « etc. », which belong to the name.
 */
const LIST_FULL_STOP = /(?<!\.|\.\p{L}+|(?:^|[\s(])\p{L}|\betc|\bcf)\.$/u;

/** The names of a line of champs or publics, without the full stop of a list written as a sentence. */
const namesOf = (text: string): string[] =>
  splitList(listItemText(text)).map((name) => name.replace(LIST_FULL_STOP, ''));

/**
 * `generatedRef` gives the key of a fiche whose plan writes no ref (`SANSREF1`…, src/domain/plan.ts), asked only
 * then.
 */
export function readFiche(collected: CollectedFiche, generatedRef: () => string, warnings: WarningSink): ReadFiche {
  const get = (id: LabelId) => collected.fields.get(id) ?? [];
  const refContent = get('ref');
  const written = refContent[0]?.text ?? '';
  const read = readWrittenRef(written);
  const ref = read.ref ?? generatedRef();
  const name = ficheName({ writtenRef: read.written, ref });
  for (const { code, line, params } of collected.warnings) warnings.add(code, line, { ref: name, ...params });
  if (read.ref === null) warnings.add('missing-ref', collected.line, { written, ref });
  else if (read.ref !== written) warnings.add('invalid-ref', collected.line, { written, ref });
  // Text under the ref, or after it on its line: the title when the plan has none where it is expected.
  // A written line that reads as no ref at all may be the title itself, put where the ref was expected.
  const underRef = [
    ...(read.rest ? [{ text: read.rest, line: refContent[0].line, afterBlank: false }] : []),
    ...(read.ref === null ? refContent.slice(0, 1) : []),
    ...refContent.slice(1),
  ];

  for (const id of REQUIRED) {
    if (!collected.fields.has(id)) warnings.add('missing-field', collected.line, { ref: name, field: labelText[id] });
    else if (get(id).length === 0 && id !== 'objectives')
      warnings.add('empty-field', collected.line, { ref: name, field: labelText[id] });
  }

  const publicsContent = get('publics');
  // A title under its own label (« Intitulé de l’action ») is the title; lines left after the publics are not.
  const labelled = joined(get('title'));
  const publicsCount = publicsLineCount(publicsContent, labelled !== '');
  const afterPublics = publicsContent.slice(publicsCount);
  // The heading's title written again where the export puts a title, after the publics, is that title.
  const headingTitleAgain = collected.titleFromHeading === true && nameKey(joined(afterPublics)) === nameKey(labelled);
  if (labelled && !headingTitleAgain)
    for (const extra of afterPublics)
      warnings.add('unexpected-text', extra.line, { ref: name, field: labelText.publics, text: extra.text });
  let title = labelled || joined(afterPublics);
  const titleUnderRef = !title && underRef.length > 0 ? underRef.shift()! : null;
  if (titleUnderRef) {
    title = titleUnderRef.text;
    warnings.add('title-after-ref', titleUnderRef.line, { ref: name, title });
  } else if ((collected.fields.has('publics') || collected.fields.has('title')) && !title)
    warnings.add('missing-title', collected.line, { ref: name });
  for (const extra of underRef)
    warnings.add('unexpected-text', extra.line, { ref: name, field: labelText.ref, text: extra.text });
  const single = Object.fromEntries(SINGLE.map((id) => [id, joined(get(id))])) as Record<string, string>;
  const publics = publicsContent
    .slice(0, publicsCount)
    .flatMap((c) => vocabularyItems(namesOf(c.text), conventionPublics).map((text) => ({ text, line: c.line })));
  const fields = listLines(get('fields'), ';').flatMap((c) =>
    vocabularyItems(namesOf(c.text), conventionFields).map((text) => ({ text, line: c.line })),
  );
  // A porteur's name may hold a comma (« Familles rurales, fédération du Lot »): kept whole, the officer told.
  const carriers = listLines(get('carriers'), ';').flatMap((c) =>
    splitList(listItemText(c.text)).map((text) => ({ text, line: c.line })),
  );
  for (const carrier of carriers)
    if (carrier.text.includes(','))
      warnings.add('carrier-with-commas', carrier.line, { ref: name, carrier: carrier.text });
  reportOutsideVocabulary(publics, 'public', name, warnings);
  reportOutsideVocabulary(fields, 'field', name, warnings);

  const criteria: ReadFiche['criteria'] = [];
  for (const extra of get('criteria')) {
    warnings.add('unexpected-text', extra.line, {
      ref: name,
      field: labelText.criteria,
      text: extra.text,
      rubrics: [labelText.quantitative, labelText.qualitative],
    });
  }
  // Quantitative criteria first, then qualitative, each in document order: the same plan whatever the field order.
  for (const kind of ['quantitative', 'qualitative'] as const) {
    for (const item of bulletItems(get(kind), name, labelText[kind], warnings)) {
      // Figures only for what is counted: a qualitative criterion's table keeps them in its text alone.
      criteria.push({ kind, text: item.text, line: item.line, ...(kind === 'quantitative' ? item.figures : {}) });
      if (kind === 'quantitative')
        for (const { code, ...params } of item.cellsLeft ?? []) warnings.add(code, item.line, { ref: name, ...params });
    }
  }

  return {
    ref,
    written,
    writtenRef: read.written,
    title,
    interest: single.interest,
    methodology: single.methodology,
    publics: publics.map((item) => item.text),
    budget: single.budget,
    carriers: carriers.map((carrier) => carrier.text),
    // A territory's name never holds a comma: "Graix, Colombier" is two territories. Its detail in brackets may:
    // "Graix (hameaux, écarts)" is one.
    territories: listLines(get('territories'), ';,').flatMap((c) =>
      splitOutsideBrackets(listItemText(c.text), ';,').map((text) => ({ text, line: c.line })),
    ),
    fields: fields.map((item) => item.text),
    context: [...paragraphs(get('context')), ...paragraphs(collected.extra)].join('\n'),
    objectives: bulletItems(get('objectives'), name, labelText.objectives, warnings).map((item) => item.text),
    criteria,
    line: collected.line,
  };
}

/**
 * How many lines of the « Public cible » content are the publics, the title after them. The first always; a line
 * below too, when a line is left for the title under it (unless the title has its own label: `titleLabelled`), if
 * the one above ends with « ; » or « , » (the list goes on) or it names only publics of the Caf's list (« Familles »
 * / « Petite enfance » / the title).
 */
function publicsLineCount(content: ContentLine[], titleLabelled: boolean): number {
  let count = Math.min(1, content.length);
  // A line left for the title below, always: « Familles ; » above the title leaves the title whole.
  const leftForTitle = titleLabelled ? 0 : 1;
  while (count + leftForTitle < content.length) {
    const goesOn = /[;,]$/.test(content[count - 1].text);
    const onlyPublics = vocabularyItems(splitList(listItemText(content[count].text)), conventionPublics).every(
      (item) => matchVocabulary(conventionPublics, item).matched,
    );
    if (!goesOn && !onlyPublics) break;
    count += 1;
  }
  return count;
}

/**
 * A list's line without its marker: porteurs, territoires, champs and publics may be written one a line behind a
 * bullet (« - CCMP », « • Familles », « 1) Caf »), the item being what follows it.
 */
const listItemText = (text: string): string => bulletText(text) ?? otherListItemText(text) ?? text;

/** A line that begins so continues the line above it: punctuation that opens or goes on. */
const CONTINUING_PUNCTUATION = /^[()[\],./&+’'»]/u;
/** A line that ends so is continued by the next: a word cut at its hyphen, an elision, a connecting word. */
const CUT_END = /(?:\p{L}-|[’'])$/u;
const CONNECTING_END = /(?:^|\s)(?:de|du|des|et|la|le|les|à|au|aux|en|pour|sur|par)$/iu;

/**
 * Lines an export folded at a fixed width, made one where a line plainly continues the one above it (no blank line
 * between, it begins no list item — `startsListItem`: `- `, `a)`, `ii.`, `o …` — and `startsAnew` does not say
 * otherwise): it begins with a lowercase letter or an opening or continuing
 * punctuation ("Lien social" / "et intergénérationnel", "Mairie" / "(s)"), or the line above ends with a hyphen, an
 * elision or a connecting word ("Acteur (s) du" / "Territoire"). A word cut at its hyphen ("Saint-Genest-" /
 * "Malifaux") or after an elision ("l’" / "Agora") is joined without a space. Any other line stays one of its own,
 * since a plan may as well write one item, or one paragraph, per line.
 */
function unwrapped(
  content: ContentLine[],
  startsAnew: (line: ContentLine, previous: ContentLine) => boolean,
): ContentLine[] {
  const lines: ContentLine[] = [];
  for (const line of content) {
    const previous = lines[lines.length - 1];
    if (
      previous &&
      !line.afterBlank &&
      !startsListItem(line.text) &&
      !startsAnew(line, previous) &&
      continues(previous, line)
    )
      lines[lines.length - 1] = {
        ...previous,
        text: CUT_END.test(previous.text) ? previous.text + line.text : `${previous.text} ${line.text}`,
      };
    else lines.push(line);
  }
  return lines;
}

/**
 * The lines of a list (`separators` between items), an item folded over lines made one: "Caf" / "Commune de X" /
 * "CCMP" stay three items, and a line after a separator starts an item.
 */
const listLines = (content: ContentLine[], separators: string): ContentLine[] =>
  unwrapped(content, (_, previous) => separators.includes(previous.text.slice(-1)));

/**
 * Prose (the context) as its paragraphs, each folded line joined to it: a blank line, a list item or a line after one
 * ending in « : » or « ; » (a list's lead-in, an item) starts one.
 */
const paragraphs = (content: ContentLine[]): string[] =>
  unwrapped(content, (_, previous) => /[:;]$/.test(previous.text)).map((line) => line.text);

/** A line continues the one above when it begins with a lowercase letter or the one above is cut (`isCut`). */
const continues = (previous: ContentLine, line: ContentLine): boolean =>
  /^\p{Ll}/u.test(line.text) || isCut(previous, line);

/** A line cut before its end: a word cut at its hyphen, an elision or a connecting word, or punctuation going on. */
const isCut = (previous: ContentLine, line: ContentLine): boolean =>
  CONTINUING_PUNCTUATION.test(line.text) || CUT_END.test(previous.text) || CONNECTING_END.test(previous.text);

/**
 * The items of a bulleted field. An empty bullet is reported and takes no item; a line begun by another list
 * marker (`1)`, `a)`, Word's `o`) starts an item; any other line continues the item above it when no blank line
 * separates them, else starts an item of its own. In a field with no marker at all (an export that dropped its
 * bullets, one item per line), a line continues the one above only when that one is plainly cut (`isCut`): a
 * lowercase start is no sign there, criteria often begin so (« nombre de temps de formation »); and « ; » parts
 * items, as in the other lists.
 */
export function bulletItems(written: ContentLine[], name: string, field: string, warnings: WarningSink) {
  const content = tableRowsAsItems(written, (row) =>
    warnings.add('table-header-assumed', row.line, { ref: name, field, row: row.cells!.filter(Boolean).join(' | ') }),
  );
  const itemText = (text: string) => bulletText(text) ?? otherListItemText(text);
  const marked = content.some((line) => itemText(line.text) !== null);
  const items: { text: string; line: number; figures?: CriterionFigures; cellsLeft?: CellLeftInRow[] }[] = [];
  let open = false;
  let previous: ContentLine | undefined;
  for (const line of content) {
    const bullet = itemText(line.text);
    if (bullet === '') {
      warnings.add('empty-bullet', line.line, { ref: name, field });
      open = false;
    } else if (bullet !== null) {
      items.push({
        text: bullet,
        line: line.line,
        ...(line.figures ? { figures: line.figures } : {}),
        ...(line.cellsLeft ? { cellsLeft: line.cellsLeft } : {}),
      });
      open = true;
    } else if (open && !line.afterBlank && (marked || isCut(previous!, line))) {
      items[items.length - 1].text += ` ${line.text}`;
    } else {
      items.push({ text: line.text, line: line.line });
      open = true;
    }
    previous = line;
  }
  // A list that says it has nothing (« Néant », « À définir ») has no item: said, as an empty bullet is.
  const kept = (all: typeof items) =>
    all.filter((item) => {
      if (!isPlaceholderItem(item.text)) return true;
      warnings.add('placeholder-item', item.line, { ref: name, field, text: item.text });
      return false;
    });
  if (marked) return kept(items);
  // Without markers, « ; » is what parts items written on one line (« Critères quantitatifs : A ; B »).
  const parted = kept(items.flatMap((item) => splitList(item.text).map((text) => ({ text, line: item.line }))));
  // Parted by lines and « ; » alone: the officer checks that each is one item, none cut nor joined.
  if (parted.length > 1)
    warnings.add('items-without-bullets', parted[0].line, { ref: name, field, count: parted.length });
  return parted;
}
