import { paramText } from './param-text';
import type { MessageTemplate } from './types';

/**
 * What a merge refuses before reading anything (the command line) or before its preview (the pane), of the sources
 * it is given: a returned file given twice, two of the same name (the command line: the pane's given twice), a pasted
 * table said to be in one of the tool's own sheets. Params: `file` (as the user gave it), `first` (the other file of
 * its name), `name`, `example` (a name to rename it to), `sheet`.
 */

export const mergeInputMessages = {
  // Merged against itself, a file's values would be listed twice and conflict with themselves.
  'merge-returned-twice': (p, surface) =>
    surface === 'task-pane'
      ? `${paramText(p.file)} est choisi deux fois parmi les fichiers renvoyés : choisissez chaque fichier une seule ` +
        'fois. Deux fichiers différents du même nom sont à renommer pour être fusionnés ensemble. Rien n’a été écrit.'
      : `${paramText(p.file)} est donné deux fois parmi les fichiers renvoyés : donnez chaque fichier une seule fois. ` +
        'Rien n’a été lu ni écrit.',
  // The merge names each returned file by its name alone: in its lines, the Journal, Contributions and --take.
  'merge-returned-same-name': (p, surface) =>
    `${paramText(p.first)} et ${paramText(p.file)} portent le même nom, ${paramText(p.name)} : la fusion nomme ` +
    'chaque fichier renvoyé par son nom (dans ses lignes, le Journal' +
    (surface === 'task-pane' ? ' et « Contributions »' : ', « Contributions » et --take') +
    ') et ne pourrait pas ' +
    `les distinguer. Renommez l’un des deux (par exemple ${paramText(p.example)}), puis relancez la fusion. Rien n’a ` +
    'été lu ni écrit.',
  'merge-sheet-of-the-tool': (p, surface) =>
    `« ${paramText(p.sheet)} » est une feuille de l’outil, pas un tableau collé : ` +
    (surface === 'task-pane'
      ? 'choisissez la feuille où le tableau reçu a été collé.'
      : 'donnez avec --sheet le nom de la feuille où le tableau reçu a été collé. Rien n’a été lu ni écrit.'),
} satisfies Record<string, MessageTemplate>;

export type MergeInputCode = keyof typeof mergeInputMessages;
