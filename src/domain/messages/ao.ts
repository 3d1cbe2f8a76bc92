import type { IssueCode } from '../issue-codes';
import type { MessageParams, MessageTemplate } from './types';
import { listValueShown, quoted, quotedList, where } from './workbook';

/** Messages about `Compétences AO` (src/layout/sheets/ao/ao-sheet-read.ts, src/domain/validation/ao-table.ts). */

const number = (value: MessageParams[string]) =>
  typeof value === 'number' ? new Intl.NumberFormat('fr-FR').format(value).replace(/\u202f/g, '\u00a0') : '?';

/** `Saint-Genest-Malifaux` or `la population déclarée` when the row has no name. */
const whose = (p: MessageParams) => (p.name ? ` (${String(p.name)})` : '');

export const aoMessages = {
  'ao-header-missing': (p) =>
    `${where(p)}la ligne d’en-tête est introuvable (aucune cellule « Nom » en colonne A) : le tableau des ` +
    'compétences AO ne peut pas être lu. Rétablissez la feuille à partir d’une copie de sauvegarde.',
  'ao-population-invalid': (p) =>
    `${where(p)}la population ${quoted(p.value)}${whose(p)} n’est pas un nombre entier d’habitants. Saisissez la ` +
    'population municipale légale INSEE, sans espace, décimale ni texte ; elle est comptée comme inconnue en attendant.',
  'ao-row-unrecognised': (p) =>
    `${where(p)}la ligne ${String(p.row)}${p.value ? ` (${quoted(p.value)})` : ''} n’est ni une commune ni l’EPCI, ` +
    'au milieu du tableau des compétences : elle serait perdue à la prochaine réécriture. Déplacez son contenu ' +
    'sur une autre feuille, puis supprimez la ligne.',
  'ao-value-not-in-list': (p) => {
    const value = listValueShown(p.value, p.typed);
    return (
      `${where(p)}la valeur ${value.quoted}${whose(p)} ne fait pas partie de la liste de la colonne ` +
      `${quoted(p.header)}. Choisissez parmi\u00a0: ${quotedList(p.allowed)}.${value.hint}`
    );
  },
  'ao-requirement-not-met': (p) =>
    p.obligation === 'rpe'
      ? `${where(p)}${String(p.name)} (${number(p.population)} habitants retenus, plus de ${number(p.threshold)}) ` +
        'doit se doter d’un relais petite enfance depuis le 1er janvier 2026 (art. L. 214-1-3 CASF), mais ' +
        '« RPE existant » indique Non. Mettez Oui si un relais existe, sinon inscrivez sa création au plan d’actions.'
      : `${where(p)}${String(p.name)} (${number(p.population)} habitants retenus, plus de ${number(p.threshold)}) ` +
        'doit disposer d’un schéma pluriannuel de maintien et de développement de l’offre d’accueil du jeune enfant ' +
        '(art. L. 214-1-3 CASF ; une CTG conforme au décret en tient lieu), mais la colonne « Schéma » indique Non.',
  'ao-population-total-mismatch': (p) =>
    `${where(p)}les populations saisies des communes ayant transféré leurs compétences font ${number(p.filled)} ` +
    `habitants, mais la population totale déclarée est de ${number(p.declared)} habitants. ` +
    'Vérifiez les populations saisies et la population déclarée.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
