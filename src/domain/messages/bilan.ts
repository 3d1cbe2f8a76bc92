import type { IssueCode } from '../issue-codes';
import { frenchDay, frenchNumber } from './numbers';
import { personalDataWords } from './workbook';
import type { MessageTemplate } from './types';

/** What a cell of Historique emptied by hand says first: merged cells take no value until unmerged. */
const unmergeFirst =
  'Si des cellules ont été fusionnées là, annulez d’abord la fusion : elles ne gardent que la valeur de la première.';

/** Messages of a bilan of the convention (src/app/bilan): its refusals, and the sentences of its first page. */
export const bilanMessages = {
  'bilan-year-outside': (p) =>
    `La convention n’a aucun trimestre en ${String(p.year ?? '')} : un bilan annuel se fait pour une année de ` +
    `${String(p.first ?? '')} à ${String(p.last ?? '')}.`,
  'bilan-year-not-annual': (p) =>
    `L’année (${String(p.year ?? '')}) ne se donne que pour un bilan annuel : le bilan ${String(p.kind ?? '')} ` +
    'couvre sa propre période. Retirez l’année, ou demandez un bilan annuel.',
  'bilan-period-not-over': (p) =>
    p.state === 'future'
      ? `Période à venir : elle commence en ${String(p.first ?? '')}, après le trimestre en cours ` +
        `(${String(p.measuredTo ?? '')}). Rien n’y est encore attendu ; les chiffres cumulés, la réalisation et ` +
        `l’état des fiches sont ceux de ${String(p.measuredTo ?? '')}.`
      : `Période en cours : les chiffres sont arrêtés au trimestre en cours, ${String(p.measuredTo ?? '')}.`,
  'bilan-period-not-ended': (p) =>
    `Période en cours : elle se termine le ${frenchDay(String(p.endsOn ?? ''))}, bien que le classeur soit déjà passé ` +
    `au trimestre ${String(p.current ?? '')}. Les chiffres sont arrêtés à ${String(p.last ?? '')} et l’état des fiches ` +
    `est celui des feuilles d’axe ; refaites le bilan après le ${frenchDay(String(p.endsOn ?? ''))} pour ses chiffres définitifs.`,
  // `journalled`: 1 when the Journal records its closing, though Historique has no row of it (deleted).
  'bilan-quarter-not-closed': (p) =>
    Number(p.journalled) === 1
      ? `Le trimestre ${String(p.quarter ?? '')} a été clôturé (le Journal le note), mais « Historique » ` +
        'n’en garde aucune ligne : l’état des fiches est celui des feuilles d’axe, pas celui de la clôture. Si ' +
        'ses lignes ont été effacées, reprenez-les d’une copie du classeur enregistrée avant.'
      : `Le trimestre ${String(p.quarter ?? '')} n’a pas été clôturé : l’état des fiches est celui des feuilles d’axe.`,
  'bilan-quarter-closed-empty': (p) =>
    `Le trimestre ${String(p.quarter ?? '')} a été clôturé sans qu’aucun état n’y soit saisi (statut, avancement, ` +
    'mise en œuvre, difficultés, commentaire) : l’état des fiches à la fin de la période est vide.',
  // `otherCell`, `other`: a copy of the same key and field that the bilan reads instead; `asText`: 1 for a number
  // stored as text, which looks the same as the number.
  'bilan-closed-value-unreadable': (p) =>
    `Historique, cellule ${String(p.cell ?? '')} : ` +
    (String(p.value ?? '').trim() === ''
      ? `la valeur du champ « ${String(p.field ?? '')} » est vide ; `
      : `« ${String(p.value ?? '')} » n’est pas une valeur possible du champ « ${String(p.field ?? '')} »` +
        `${Number(p.asText) === 1 ? ' (un nombre enregistré comme texte)' : ''} ; `) +
    (p.otherCell
      ? `le bilan ne lit donc pas cette ligne, mais la cellule ${String(p.otherCell)}, qui donne la même clé et le même ` +
        `champ (« ${String(p.other ?? '')} »), pour ${String(p.key ?? '')} à la fin de ${String(p.quarter ?? '')}. ` +
        'Supprimez cette ligne, puis refaites le bilan.'
      : `le bilan le lit donc comme vide pour ${String(p.key ?? '')} à la fin de ${String(p.quarter ?? '')}. ` +
        (String(p.value ?? '').trim() === ''
          ? `${unmergeFirst} Remettez la valeur que la clôture a copiée, d’après une copie du classeur enregistrée ` +
            'avant au besoin, puis refaites le bilan.'
          : 'Corrigez la cellule, puis refaites le bilan.')),
  // `keyless`: 1 for a row whose Clé is empty (`field` its Champ, at times empty too).
  'bilan-closed-row-unreadable': (p) => {
    if (Number(p.keyless) === 1) {
      const field = String(p.field ?? '').trim();
      const [what, missing, putBack] =
        field === '' ? ['', 'ni clé ni champ', 'sa clé et son champ'] : [`${field}, `, 'pas de clé', 'sa clé'];
      return (
        `Historique, cellule ${String(p.cell ?? '')} : cette ligne de ${String(p.quarter ?? '')} ` +
        `(${what}« ${String(p.value ?? '')} ») n’a ${missing} ; le bilan ne sait pas de quelle fiche ou de quel ` +
        `critère est cette valeur et ne la lit pas. ${unmergeFirst} Remettez ${putBack}, d’après une copie du ` +
        'classeur enregistrée avant au besoin, puis refaites le bilan.'
      );
    }
    return String(p.value ?? '').trim() === ''
      ? `Historique, cellule ${String(p.cell ?? '')} : le champ est vide ; le bilan ne lit donc pas cette valeur de ` +
          `${String(p.key ?? '')} à la fin de ${String(p.quarter ?? '')}. ${unmergeFirst} Saisissez le champ que la clôture a copié ` +
          '(Statut, Avancement (%), Mise en œuvre, Difficultés, Commentaire), puis refaites le bilan.'
      : `Historique, cellule ${String(p.cell ?? '')} : « ${String(p.value ?? '')} » n’est pas un champ que la clôture copie ` +
          `(Statut, Avancement (%), Mise en œuvre, Difficultés, Commentaire) ; le bilan ne lit donc pas cette valeur de ` +
          `${String(p.key ?? '')} à la fin de ${String(p.quarter ?? '')}. Corrigez la cellule, puis refaites le bilan.`;
  },
  'bilan-closed-row-misnamed': (p) =>
    `Historique, cellule ${String(p.cell ?? '')}\u00a0: «\u00a0${String(p.value ?? '')}\u00a0» n’est pas écrit comme la ` +
    `clôture l’écrit («\u00a0${String(p.expected ?? '')}\u00a0»)\u00a0; le bilan ne lit donc pas cette ligne ` +
    `(${String(p.key ?? '')}, ${String(p.field ?? '')}, ${String(p.quarter ?? '')}). Corrigez la cellule, puis refaites le bilan.`,
  // `blank`: 1 when another copy gives another value, so that the field is read as blank.
  'bilan-closed-row-duplicate': (p) =>
    `Historique, cellule ${String(p.cell ?? '')} : cette ligne (${String(p.key ?? '')}, ${String(p.field ?? '')}, ` +
    `${String(p.quarter ?? '')}) répète la ligne ${String(p.row ?? '')}` +
    (Number(p.blank) === 1
      ? ` (« ${String(p.value ?? '')} »), mais une autre ligne donne une autre valeur : le bilan laisse ce champ ` +
        'vide. Supprimez la ligne en double.'
      : `, et leurs valeurs se lisent de même (« ${String(p.value ?? '')} ») ; le bilan lit cette valeur une ` +
        'fois. Supprimez la ligne en double.'),
  'bilan-closed-row-conflict': (p) =>
    `Historique, cellule ${String(p.cell ?? '')}\u00a0: «\u00a0${String(p.value ?? '')}\u00a0» est une deuxième valeur ` +
    `du champ «\u00a0${String(p.field ?? '')}\u00a0» de ${String(p.key ?? '')} à la fin de ${String(p.quarter ?? '')}, ` +
    `quand la cellule ${String(p.otherCell ?? '')} donne «\u00a0${String(p.other ?? '')}\u00a0»\u00a0; la clôture ` +
    `n’en écrit qu’une, et le bilan ne peut savoir laquelle est juste\u00a0: il n’en lit aucune et laisse ce champ ` +
    `vide pour ${String(p.key ?? '')}. Supprimez la ligne fausse, puis refaites le bilan.`,
  // `outOfPeriod`: 1 for a quarter written as a closing writes it, out of the period (« 2025-T4 »): a change of the
  // convention's period keeps the rows of the quarters it takes out, right as they are; `count` of them, the last at
  // `lastRow`, named once.
  'bilan-closed-quarter-unknown': (p) => {
    const names = [p.key, p.field].map((name) => String(name ?? '')).filter((name) => name !== '');
    const value = `Historique, cellule ${String(p.cell ?? '')} : « ${String(p.value ?? '')} »`;
    const period = `(${String(p.first ?? '')} à ${String(p.last ?? '')})`;
    // Only the rows of a quarter out of the period are counted: a typo is named at each of its rows.
    const many = Number(p.outOfPeriod) === 1 && Number(p.count ?? 1) > 1 && Number(p.lastRow) > 0;
    const unread = many
      ? `aucun bilan ne lit donc ses ${frenchNumber(Number(p.count))} lignes (la première ici, la dernière ligne ` +
        `${frenchNumber(Number(p.lastRow))}).`
      : `aucun bilan ne lit donc cette ligne${names.length > 0 ? ` (${names.join(', ')})` : ''}.`;
    const leave = many
      ? 'laissez-les telles quelles (elles gardent l’état des fiches à sa fin)'
      : 'laissez-la telle quelle (elle garde l’état des fiches à sa fin)';
    if (String(p.value ?? '').trim() === '')
      return (
        `Historique, cellule ${String(p.cell ?? '')} : le trimestre est vide ; ${unread} ${unmergeFirst} Saisissez le trimestre ` +
        'clôturé (AAAA-Tn), puis refaites le bilan.'
      );
    return Number(p.outOfPeriod) === 1
      ? `${value} est un trimestre hors de la période de la convention ${period} ; ${unread} Si la période a ` +
          `changé depuis la clôture de ce trimestre, ${leave} ; sinon, corrigez le trimestre (AAAA-Tn), puis ` +
          'refaites le bilan.'
      : `${value} n’est pas un trimestre de la convention ${period} ; ${unread} Corrigez la cellule (le ` +
          'trimestre clôturé, AAAA-Tn), puis refaites le bilan.';
  },
  'bilan-personal-data': (p) =>
    `Bilan, feuille « ${String(p.sheet ?? '')} », cellule ${String(p.cell ?? '')} : le texte semble contenir ` +
    `${personalDataWords(p.kinds)}, et le bilan le contient tel quel (son PDF aussi). Si c’est une donnée ` +
    'personnelle, effacez-la du classeur de suivi, puis refaites le bilan.',
  'bilan-cdsf-empty': () =>
    'Aucune fiche ne relève du volet petite enfance (public « Petite enfance », ou « Familles » avec un champ ' +
    '« Soutien à la parentalité » ou « Besoin de garde ») : le bilan ne contient aucune fiche.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
