import { stripBold, type SourceLine } from './text-lines';

/** A line that heads a fiche as other conventions write it: « FICHE ACTION N° 3 : … », « Fiche-action 1.2 – … ». */
const FICHE_HEADING = /^fiche[\s-]+action\b.*\S/i;

/**
 * The first line of a text without any « Réf de la fiche action » that seems to head a fiche, for the refusal to
 * name it and say what to write there; none when no line does.
 */
export function ficheHeadingHint(lines: SourceLine[]): { line: number; text: string } | null {
  for (const line of lines) {
    const text = stripBold(line.text);
    if (FICHE_HEADING.test(text)) return { line: line.no, text };
  }
  return null;
}
