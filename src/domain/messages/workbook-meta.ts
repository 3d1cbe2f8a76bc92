import type { MessageTemplate } from './types';

/** Messages about `Paramètres` and `_ctg` (src/layout/settings-read.ts, src/layout/ctg-meta-read.ts). */
export const workbookMetaMessages: Record<string, MessageTemplate> = {
  'settings-label-missing': (p) =>
    `La feuille « Paramètres » a été modifiée : l'intitulé « ${p.label} » n'est plus à sa place.`,
  'settings-date-invalid': (p) => `« ${p.label} » ne contient pas une date lisible.`,
  'settings-quarter-invalid': (p) =>
    `Le trimestre en cours « ${p.value} » n'est pas de la forme AAAA-Tn (par exemple 2026-T3).`,
  'settings-quarter-outside-period': (p) =>
    `Le trimestre en cours ${p.value} est en dehors de la convention (du ${p.start} au ${p.end}).`,
  'settings-siren-invalid': (p) => `Le SIREN de l'EPCI « ${p.value} » ne compte pas 9 chiffres.`,
  'ctg-format-version-missing': () =>
    "La feuille technique « _ctg » n'indique pas de version de format : ce classeur n'est pas un suivi CTG lisible.",
  'format-too-new': (p) =>
    `Ce classeur a été créé par une version plus récente de l'outil (format ${p.found}, cette version lit jusqu'au format ${p.supported}). Mettez l'outil à jour.`,
  'ctg-key-list-invalid': (p) =>
    `La liste des clés de la feuille « _ctg » contient une ligne illisible (« ${p.key} »).`,
  'ctg-fingerprint-mismatch': () =>
    'La liste des clés de la feuille « _ctg » a été modifiée : son empreinte ne correspond plus.',
};
