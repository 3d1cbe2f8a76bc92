/**
 * A champ or public outside the convention vocabulary, as the command line and the pane say it: where a territory
 * names it, and what to write instead; in a consolidation, and when validation warns of it in the territory's workbook.
 */
import { paramText } from './param-text';
import { outsideVocabularyAdviceText } from './outside-vocabulary-advice';
import { countOf } from './plural';
import { quotedShort } from './shown-cell-value';
import type { MessageParams, MessageSurface } from './types';

/** How many of a territory's fiches name it, and the cell of the first. */
export function unmatchedFichesText(place: { sheet: string; cell: string; fiches: number }): string {
  const cell = `cellule ${place.cell} de la feuille « ${place.sheet} »`;
  return place.fiches === 1 ? `1 fiche, ${cell}` : `${countOf(place.fiches, 'fiche')}, la première en ${cell}`;
}

/**
 * How a tracking workbook is regenerated from its plan's text (corrected, by default: `withText` says which in the
 * pane), in parentheses: on the command line, the command (docs/COMMANDES.md, « generate ») on the workbook,
 * `workbook` (a shell word; its usual name when unknown), the plan's file being the reader's; in the pane, its task.
 */
export function regenerationHow(
  surface: MessageSurface,
  workbook = 'suivi.xlsx',
  withText = 'le plan corrigé',
): string {
  return surface === 'task-pane'
    ? `(onglet « Création », « Créer le classeur de suivi » avec ${withText})`
    : `(${regenerationCommand(workbook)})`;
}

/** The file a message's command names (`workbook`, a shell word, when the command line named it), else undefined. */
export const workbookNamed = (p: MessageParams): string | undefined =>
  p.workbook === undefined ? undefined : paramText(p.workbook);

/** The command that regenerates `workbook` (a shell word; its usual name when unknown) from its plan's text. */
export const regenerationCommand = (workbook = 'suivi.xlsx') =>
  `« npx ctg-suivi generate --plan convention.txt -o ${workbook} --force »`;

/**
 * What to write instead: the vocabulary's names it may stand for, else how to decide. The territory writes it in its
 * plan's text and regenerates (`regenerationHow`, on its file, `workbook`, a shell word, when known): the cell comes
 * from the plan, locked, and a regeneration writes it again from the plan.
 */
export function unmatchedAdvice(suggestions: readonly string[], surface: MessageSurface, workbook?: string): string {
  const quoted = suggestions.map((name) => `« ${name} »`);
  const inPlan = `dans le texte de son plan, puis régénère son classeur ${regenerationHow(surface, workbook)}`;
  if (quoted.length === 0)
    return `s’il est l’un des noms de la convention, le territoire l’écrit comme elle ${inPlan} ; sinon il reste compté à part.`;
  const names = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} ou ${quoted.at(-1)}`;
  return `si c’est ${names}, le territoire l’écrit ainsi ${inPlan}.`;
}

const KIND_AT_START = { field: 'Champ d’intervention', public: 'Public' } as const;

/**
 * Validation's warning of a name outside the vocabulary (`outside-convention-vocabulary`): where, in the
 * consolidation's words (`kind`, `name`, `fiches`: how many fiches name it, the cell the first's), and what to
 * write instead, as the plan reader says it (`outsideVocabularyAdviceText`): the column comes from the plan, so it is
 * corrected there and the workbook regenerated (`regenerationHow`; `workbook`: the file checked, when the command line
 * names it); a name typed over the cell would be written again from the plan.
 */
export function outsideVocabularyWarning(p: MessageParams, surface: MessageSurface): string {
  const kind = p.kind === 'public' ? 'public' : 'field';
  const place = { sheet: paramText(p.sheet), cell: paramText(p.cell), fiches: Number(p.fiches ?? 1) };
  return (
    `${KIND_AT_START[kind]} ${quotedShort(paramText(p.name))} hors du vocabulaire de la convention ` +
    `(${unmatchedFichesText(place)}) : il ne se compare pas aux autres territoires dans la consolidation de la ` +
    `Caf. ${outsideVocabularyAdviceText(p)}, puis régénérez le classeur ` +
    `${regenerationHow(surface, workbookNamed(p))}\u00a0: cette cellule ` +
    'vient du plan, et une régénération la réécrit.'
  );
}
