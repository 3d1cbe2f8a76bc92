import { territoryCorrects } from '../messages/consolidation';
import { quotedShort } from '../messages/shown-cell-value';
import { frenchList } from '../messages/french-list';
import { nameKey } from '../name-key';
import type { TerritoryMeasure } from './territory';
import { sirenOf, type CopyIdentity, type CopyLink } from './territory-copies';

/**
 * What two files taken for copies of one territory (territory-copies.ts) do not share of what names it, in a
 * warning that names both files: one SIREN under two names, one name under two SIRENs, a name typed over
 * Paramètres'. The newer copy is kept either way, so when they are two territories after all, the other's figures
 * are missing: the warning says what to correct, and the command exits 1 (`namesDiffer`, `sirensDiffer`).
 */

type Copy = CopyIdentity & { file: string };

/**
 * Whether two plans share almost no fiche (fewer than a quarter of the smaller plan's, told by their titles): another
 * territory's plan, not the same territory renamed or its plan amended. Unknown (false) when either has no titled
 * fiche.
 */
export function plansApart(a: Pick<TerritoryMeasure, 'planFiches'>, b: Pick<TerritoryMeasure, 'planFiches'>): boolean {
  const [titlesA, titlesB] = [new Set(a.planFiches), new Set(b.planFiches)];
  const smaller = Math.min(titlesA.size, titlesB.size);
  if (smaller === 0) return false;
  const shared = [...titlesA].filter((title) => titlesB.has(title)).length;
  return shared * 4 < smaller;
}

const NBSP = '\u00a0';
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;
const SETTINGS = quoted('Paramètres');
/**
 * The Caf reads these notes: what is to correct is in the territories' workbooks, which it asks them to correct
 * (`territoryCorrects`, as for a file left out), never corrects itself.
 */
const BY_THE_TERRITORY = territoryCorrects('duplicate-copy');

/**
 * One SIREN, two names: a SIREN typed in the wrong workbook, or a territory renamed. When their plans share almost no
 * fiche (`plansDiffer`), renamed is unlikely: the SIREN of one is wrong.
 */
function oneSirenTwoNames(kept: Copy, dropped: Copy, plansDiffer: boolean): string {
  const names = `le même SIREN porte deux noms (${quotedShort(kept.territory)} et ${quotedShort(dropped.territory)})`;
  if (plansDiffer)
    return (
      ` Attention${NBSP}: ${names}, mais leurs plans n’ont presque aucune fiche en commun${NBSP}: ce sont sans doute ` +
      `deux territoires, et le SIREN de l’un des deux est faux, à corriger dans ${SETTINGS} de ${kept.file} ou de ` +
      `${dropped.file}${NBSP}; les chiffres de ${dropped.file} n’y sont pas.${BY_THE_TERRITORY}`
    );
  return (
    ` Attention${NBSP}: ${names}. ` +
    // Either file may hold the SIREN typed wrong.
    'S’il s’agit du même territoire renommé, rien à faire. S’il s’agit de deux territoires, l’un des deux SIREN ' +
    `est faux, à corriger dans ${SETTINGS} de ${kept.file} ou de ${dropped.file}${NBSP}; les chiffres de ` +
    `${dropped.file} n’y sont pas.${BY_THE_TERRITORY}`
  );
}

/** One name, two SIRENs (`other`'s, the kept copy's or another's): a SIREN typed wrong, or two territories of one name. */
function oneNameTwoSirens(other: Copy, dropped: Copy): string {
  const sirens = `${sirenOf(other)} dans ${other.file}, ${sirenOf(dropped)} dans ${dropped.file}`;
  const who =
    nameKey(other.territory) === nameKey(dropped.territory)
      ? 'le même nom porte'
      : 'deux copies prises pour un même territoire portent';
  return (
    ` Attention${NBSP}: ${who} deux SIREN (${sirens}). S’il s’agit du même territoire, l’un des deux SIREN est ` +
    `faux, à corriger dans ${SETTINGS} de ${other.file} ou de ${dropped.file}. S’il s’agit de deux ` +
    `territoires de même nom, les chiffres de ${dropped.file} n’y sont pas${NBSP}: l’un d’eux doit prendre un autre ` +
    `nom dans son plan et régénérer son classeur.${BY_THE_TERRITORY}`
  );
}

/**
 * Of the two, the copy whose Paramètres name was typed over its recorded one, the other's: `[renamed, other]`, when
 * the other shows that recorded name in its Paramètres. Not when both show names typed over: workbooks made from one
 * workbook all record its name (territory-copies.ts), which joins nothing; they are copies by some other mark (a
 * SIREN left unchanged), the one to tell.
 */
function typedOver(kept: Copy, dropped: Copy): [Copy, Copy] | null {
  for (const [copy, other] of [
    [kept, dropped],
    [dropped, kept],
  ]) {
    const recorded = nameKey(copy.recordedTerritory);
    if (recorded !== '' && recorded !== nameKey(copy.territory) && recorded === nameKey(other.territory))
      return [copy, other];
  }
  return null;
}

const missing = (dropped: Copy) => `S’il s’agit de deux territoires, les chiffres de ${dropped.file} n’y sont pas`;

/**
 * A name typed over Paramètres' in `copy`, whose workbook was created for a name of `other`. With one SIREN, the
 * likely mistake is the name (put back), else two territories each owe their own SIREN.
 */
function nameTypedOver(copy: Copy, other: Copy, dropped: Copy): string {
  const lead =
    ` Attention${NBSP}: ${SETTINGS} de ${copy.file} nomme le territoire ${quotedShort(copy.territory)}, mais ce classeur ` +
    `a été créé pour ${quotedShort(copy.recordedTerritory)}, comme ${other.file}`;
  const siren = sirenOf(copy);
  if (siren !== null && siren === sirenOf(other))
    return (
      `${lead}, et ${other.file} et ${copy.file} ont le même SIREN (${siren})${NBSP}: les deux sont pris pour des ` +
      `copies d’un même territoire. S’il s’agit du même territoire, ${quotedShort(copy.recordedTerritory)} est à ` +
      `remettre dans ${SETTINGS} de ${copy.file}. S’il s’agit de deux territoires, chacun doit saisir son propre ` +
      `SIREN dans ${SETTINGS}${NBSP}; les chiffres de ${dropped.file} n’y sont pas.${BY_THE_TERRITORY}`
    );
  return (
    `${lead}${NBSP}: les deux sont pris pour des copies d’un même territoire. ${missing(dropped)}${NBSP}: chacun doit ` +
    `avoir son propre classeur, créé à partir de son plan.${BY_THE_TERRITORY}`
  );
}

/** The names copies show, each once in the spelling of its first copy, with the files showing it. */
function namesShown(copies: readonly Copy[]): string {
  const files = new Map<string, { name: string; files: string[] }>();
  for (const copy of copies) {
    const shown = files.get(nameKey(copy.territory));
    if (shown) shown.files.push(copy.file);
    else files.set(nameKey(copy.territory), { name: copy.territory, files: [copy.file] });
  }
  const names = [...files.values()].map((shown) => `${quotedShort(shown.name)} dans ${frenchList(shown.files)}`);
  // A name in several files lists them with « et »: the names are then told apart by semicolons.
  return [...files.values()].some((shown) => shown.files.length > 1) ? names.join(`${NBSP}; `) : frenchList(names);
}

/**
 * Of workbooks made from one and given other territories in Paramètres (territory-copies.ts, `clonesOfOneWorkbook`,
 * files in name order): kept apart, each counted, never one dropped from the totals, but for the files `together`
 * taken for copies of one territory (by a SIREN or a name they share: the duplicates say which is kept); what to fill
 * so that each is known (its SIREN), and what to do if one of them is a copy after all. Nothing tells a clone from
 * the territory renamed by hand, which the note does not pretend to.
 */
export function clonesNote(family: readonly Copy[], together: readonly (readonly string[])[] = []): string {
  const typedOver = family.filter(
    (copy) => nameKey(copy.recordedTerritory) !== '' && nameKey(copy.recordedTerritory) !== nameKey(copy.territory),
  );
  const recorded = typedOver[0]?.recordedTerritory ?? '';
  const original = family.filter((copy) => nameKey(copy.territory) === nameKey(recorded));
  const withoutSiren = family.filter((copy) => sirenOf(copy) === null);
  const once =
    together.length === 0
      ? ''
      : `, sauf les copies d’un même territoire, qui ne comptent qu’une fois (voir les doublons)${NBSP}: ` +
        together.map((files) => frenchList(files)).join(`${NBSP}; `);
  return (
    `${frenchList(family.map((copy) => copy.file))} ont été créés à partir d’un même classeur, celui de ` +
    `${quotedShort(recorded)}, et ${SETTINGS} y nomme d’autres territoires (${namesShown(typedOver)})${NBSP}: ` +
    `rien ne dit lequel serait le même territoire renommé, et chacun est compté comme un territoire distinct${once}. ` +
    `Pour que chacun soit reconnu, le SIREN de l’EPCI de chaque territoire est à saisir dans ${SETTINGS} de ` +
    `${frenchList(withoutSiren.map((copy) => copy.file))}${NBSP}; si l’un d’eux est une copie de ` +
    `${frenchList(original.map((copy) => copy.file))}, ${quotedShort(recorded)} est à y remettre dans ${SETTINGS}.` +
    BY_THE_TERRITORY
  );
}

/** A chain of copies from one file to another (territory-copies.ts, `chainsFrom`). */
export type CopyChain = { copy: Copy; by: CopyLink }[];

/** How `next` is joined to `previous`, said of `previous`. */
function linkWords(previous: Copy, { copy: next, by }: CopyChain[number]): string {
  if (by === 'siren') return `a le même SIREN (${sirenOf(previous)}) que ${next.file}`;
  if (by === 'name') return `porte le même nom que ${next.file}`;
  if (by === 'createdFor') return `a été créé pour le nom que porte ${next.file}`;
  return `porte le nom pour lequel ${next.file} a été créé`;
}

/** Which files link `from` to the last of `chain`, and how: `b.xlsx les relie : a.xlsx a le même SIREN (…) que …`. */
function linkSentence(from: Copy, chain: CopyChain): string {
  const between = chain.slice(0, -1).map((step) => step.copy.file);
  const steps = chain.map((step, index) =>
    index === 0 ? `${from.file} ${linkWords(from, step)}` : `qui ${linkWords(chain[index - 1].copy, step)}`,
  );
  return `${frenchList(between)} ${between.length > 1 ? 'les relient' : 'les relie'}${NBSP}: ${steps.join(', ')}.`;
}

/** Two names, no SIREN in common, no name typed over: joined through other copies, which are named (`chain`). */
function twoNames(kept: Copy, dropped: Copy, chain: CopyChain): string {
  const link =
    chain.length > 1
      ? ` ${linkSentence(kept, chain)}`
      : `${NBSP}; d’autres copies les relient (même SIREN ou même nom).`;
  return (
    ` Attention${NBSP}: les deux fichiers ne nomment pas le territoire de la même façon (${quotedShort(kept.territory)} ` +
    `dans ${kept.file}, ${quotedShort(dropped.territory)} dans ${dropped.file})${chain.length > 1 ? '.' : ''}${link} ` +
    `${missing(dropped)}${NBSP}: vérifiez les SIREN et les noms de ces copies dans ${SETTINGS}.`
  );
}

/**
 * The warning for `dropped`, taken for a copy of `kept`'s territory, or empty when they name it alike. `contradicting`
 * is the copy whose valid SIREN differs from the dropped one's (the kept one when it has a SIREN), if any;
 * `plansDiffer`, whether their plans share almost no fiche (`plansApart`); `chain`, the copies that join them.
 */
export function identityWarning(
  kept: Copy,
  dropped: Copy,
  contradicting: Copy | undefined,
  { plansDiffer, chain = () => [] }: { plansDiffer: boolean; chain?: () => CopyChain } = { plansDiffer: false },
): string {
  if (contradicting) return oneNameTwoSirens(contradicting, dropped);
  if (nameKey(kept.territory) === nameKey(dropped.territory)) return '';
  const renamed = typedOver(kept, dropped);
  if (renamed) return nameTypedOver(...renamed, dropped);
  const siren = sirenOf(kept);
  return siren !== null && siren === sirenOf(dropped)
    ? oneSirenTwoNames(kept, dropped, plansDiffer)
    : twoNames(kept, dropped, chain());
}
