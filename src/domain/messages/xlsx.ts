import { frenchNumber } from './numbers';
import type { MessageParams, MessageSurface, MessageTemplate } from './types';

const MEGABYTE = 1024 * 1024;

/** Megabytes → "12,5 Mo" (the French way: comma, non-breaking space), at most `decimals` decimals. */
const megabytesText = (value: number, decimals: number) =>
  `${value.toLocaleString('fr-FR', { maximumFractionDigits: decimals })}\u00a0Mo`;

/** The most decimals `sizeOverLimit` shows, however near its limit a size is (a limit of whole megabytes needs one). */
const MAX_SIZE_DECIMALS = 3;

/**
 * A file's size and the limit it is over, in megabytes with one decimal at most (`55 Mo`, `au plus 50 Mo`); a file
 * just over the limit has its size rounded up, with more decimals when one still shows them alike, so that it never
 * reads within the limit it was refused for (`50,1 Mo, au plus 50 Mo`, never `50 Mo, au plus 50 Mo`).
 */
function sizeOverLimit(sizeBytes: MessageParams[string], limitBytes: MessageParams[string]): [string, string] {
  const size = Number(sizeBytes) / MEGABYTE;
  const limit = Number(limitBytes) / MEGABYTE;
  const limitShown = (decimals: number) => Number(limit.toFixed(decimals));
  if (!(size > limit) || Number(size.toFixed(1)) > limitShown(1))
    return [megabytesText(size, 1), megabytesText(limit, 1)];
  // The tiny term keeps a size of exactly 50,1 Mo from being rounded up to 50,2 by the float product.
  const roundedUp = (decimals: number) => Math.ceil(size * 10 ** decimals - 1e-9) / 10 ** decimals;
  let decimals = 1;
  while (decimals < MAX_SIZE_DECIMALS && roundedUp(decimals) <= limitShown(decimals)) decimals += 1;
  return [megabytesText(roundedUp(decimals), decimals), megabytesText(limit, decimals)];
}

const where = (p: MessageParams): string =>
  p.sheet ? ` (feuille « ${p.sheet} »${p.cell ? `, cellule ${p.cell}` : ''})` : '';

const RESAVE = 'Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis réessayez.';

/** Saving a workbook of another format as .xlsx, and where each program does it (its « Save as » and its type). */
const SAVE_AS_XLSX = 'enregistrez-le au format .xlsx, puis réessayez avec ce fichier .xlsx.';
const IN_EXCEL = 'menu Fichier › Enregistrer sous, type « Classeur Excel (*.xlsx) »';
const IN_LIBREOFFICE = 'menu Fichier › Enregistrer sous, type « Excel 2007-365 (.xlsx) »';

/** How a person extracts a zip archive, on the two systems a Caf's officers use. */
export const HOW_TO_EXTRACT = '(clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac)';

/**
 * A zip archive of workbooks (`workbooks`: how many it holds; `archives`, other zip archives, which may hold them):
 * extracting them is what helps, where the pane chooses files (its file dialogs all take several) and the command
 * line is given them: all of them to a command that reads several (`several`: a consolidation, a merge's returned
 * files), one of them to a command that reads one workbook.
 */
function zipArchive(workbooks: number, archives: number, surface: MessageSurface, several: boolean): string {
  if (workbooks === 0 && archives > 0) {
    const one = archives === 1;
    return (
      'Ce fichier est une archive .zip, pas un classeur, et elle ne contient pas de classeur mais ' +
      `${one ? 'une autre archive .zip' : `${frenchNumber(archives)} autres archives .zip`}\u00a0: extrayez-${one ? 'la' : 'les'} ` +
      `${HOW_TO_EXTRACT}, puis extrayez de même les classeurs qu’${one ? 'elle contient' : 'elles contiennent'}.`
    );
  }
  if (workbooks === 0)
    return (
      `Ce fichier est une archive .zip, pas un classeur, et elle ne contient aucun classeur : demandez le classeur ` +
      'de suivi à qui vous l’a envoyée.'
    );
  const one = workbooks === 1;
  const held = one ? 'le classeur qu’elle contient' : `les ${frenchNumber(workbooks)} classeurs qu’elle contient`;
  const then =
    surface === 'task-pane'
      ? `choisissez-${one ? 'le' : 'les'}.`
      : one || several
        ? `donnez-${one ? 'le' : 'les'} à la commande à sa place.`
        : 'donnez à la commande, à sa place, celui de ces classeurs à traiter\u00a0: elle n’en lit qu’un à la fois.';
  return `Ce fichier est une archive .zip, pas un classeur : extrayez-en ${held} ${HOW_TO_EXTRACT}, puis ${then}`;
}

const DOCUMENT_KIND_NAMES = new Map([
  ['pdf', 'PDF'],
  ['word', 'Word'],
  ['powerpoint', 'PowerPoint'],
  ['text', 'texte'],
]);

/**
 * The name of a document of another kind the reader told by its bytes (`not-xlsx`'s `found`: « un document PDF »),
 * which no re-saving makes a workbook; null for any other (a spreadsheet it may be, or none told).
 */
export function documentKindName(found: MessageParams[string]): string | null {
  return typeof found === 'string' ? (DOCUMENT_KIND_NAMES.get(found) ?? null) : null;
}

/** Messages of the .xlsx reader (src/xlsx/reader): why a file could not be read, and what to do. */
export const xlsxMessages = {
  'empty-file': () =>
    'Le fichier est vide (0 octet) : vérifiez que vous avez choisi le bon fichier, ou récupérez-en une copie complète.',
  // Said of every file the reader refuses for its size: a tracking workbook, a partner's return, a converted one.
  // Pictures pasted into a real workbook make it that large: it is one, and the remedy is to take them out.
  'too-large': (p) =>
    `Le fichier est trop volumineux pour être lu (${sizeOverLimit(p.size, p.limit).join(', au plus ')}). Un classeur de suivi est d’ordinaire bien plus petit : si c’en est un, supprimez-en les images, objets ou feuilles ajoutés, ou enregistrez-en une copie sans eux, puis réessayez.`,
  encrypted: () =>
    'Le fichier est protégé par un mot de passe : enregistrez-le sans mot de passe dans Excel (Fichier › Informations › Protéger le classeur) puis réessayez.',
  'legacy-format': () =>
    'Ce fichier est un ancien classeur Excel (.xls) ou un autre document Office, pas un classeur Excel (.xlsx) : ' +
    `${SAVE_AS_XLSX} Dans Excel, ${IN_EXCEL} ; dans LibreOffice, ${IN_LIBREOFFICE}.`,
  // `found`: a document of another kind told by its bytes (`pdf`, `word`, `powerpoint`, `text`), which no re-saving
  // makes a workbook; a zip archive (`zip`, with how many `workbooks` and other zip `archives` it holds), whose
  // workbooks are to be extracted (`several`: 1 when the command given it reads several workbooks, which are then all
  // to be given it); a plan d'actions in JSON (`plan-json`), whose workbook is generated from it (`file`: that file
  // as the command line was given it, a shell word); or an OpenDocument spreadsheet (`ods`), which LibreOffice or
  // Excel saves as .xlsx.
  'not-xlsx': (p, surface) => {
    if (p.found === 'plan-json')
      return (
        `Ce fichier est un plan d’actions (JSON), pas un classeur de suivi : générez d’abord le classeur de suivi ` +
        (surface === 'task-pane'
          ? 'depuis ce plan, puis choisissez ce classeur.'
          : `en donnant ce fichier à --plan (npx ctg-suivi generate --plan ${p.file ? String(p.file) : 'plan.json'} ` +
            '-o suivi.xlsx), puis utilisez ce classeur.')
      );
    if (p.found === 'zip') return zipArchive(Number(p.workbooks), Number(p.archives ?? 0), surface, p.several === 1);
    if (p.found === 'ods')
      return (
        'Ce fichier est un classeur OpenDocument (.ods), pas un classeur Excel (.xlsx) : ' +
        `${SAVE_AS_XLSX} Dans LibreOffice, ${IN_LIBREOFFICE} ; dans Excel, ${IN_EXCEL}.`
      );
    const kind = documentKindName(p.found);
    // The pane's file dialog is where another file is chosen; the command line is given one (or finds it in a folder).
    return kind
      ? `Ce fichier est un document ${kind}, pas un classeur : il ne peut pas être lu comme un tableau de suivi. ` +
          (surface === 'task-pane'
            ? 'Choisissez le classeur de suivi lui-même (.xlsx), ou demandez-le à qui vous a envoyé ce document.'
            : 'Utilisez à sa place le classeur lui-même (.xlsx), ou demandez-le à qui vous a envoyé ce document.')
      : `Ce fichier n’est pas un classeur Excel (.xlsx). ${RESAVE}`;
  },
  // `sheet`: the part cut is that sheet's (its XML stops mid-way, or its compressed bytes do).
  truncated: (p) =>
    `Le fichier est incomplet : ${p.sheet ? `la feuille « ${p.sheet} » a été coupée` : 'il a été coupé'} ` +
    '(téléchargement ou copie interrompus). Demandez-en une nouvelle copie ou récupérez l’original.',
  damaged: (p) => `Le fichier est endommagé${where(p)} et ne peut pas être lu. ${RESAVE}`,
  'unsupported-compression': () => `Le fichier est compressé d’une manière que l’outil ne sait pas lire. ${RESAVE}`,
  'zip-bomb': () =>
    'Le fichier se décompresse en un volume anormalement grand, ou annonce des tailles fausses : il n’a pas été ouvert, par sécurité. Vérifiez sa provenance ; s’il est sain, enregistrez-le à nouveau dans Excel puis réessayez.',
  'invalid-xml': (p) =>
    `Le contenu ${p.sheet ? `de la feuille « ${p.sheet} »` : 'du fichier'} est illisible (XML mal formé). ${RESAVE}`,
  'too-many-sheets': (p) =>
    `Le classeur contient trop de feuilles (au plus ${p.limit}) : supprimez les feuilles étrangères au suivi, puis réessayez.`,
  'too-many-cells': (p) =>
    `Le classeur contient trop de cellules remplies (au plus ${Number(p.limit).toLocaleString('fr-FR')})${where(p)} : supprimez les données étrangères au suivi, puis réessayez.`,
  'too-many-strings': (p) =>
    `Le classeur contient trop de textes différents (au plus ${Number(p.limit).toLocaleString('fr-FR')}) : supprimez les données étrangères au suivi, puis réessayez.`,
  'grid-too-large': (p) =>
    `Des cellules sont remplies très loin du tableau${where(p)} : effacez les lignes et colonnes inutilisées au-delà du tableau, enregistrez, puis réessayez.`,
  'text-too-long': (p) =>
    `Un texte dépasse ${Number(p.limit).toLocaleString('fr-FR')} caractères${where(p)}, la limite d’Excel : raccourcissez-le, puis réessayez.`,
  'shared-formulas-too-large': (p) =>
    `Des formules recopiées sur un très grand nombre de cellules${where(p)} dépassent ce que l’outil peut lire : effacez les formules inutiles au-delà du tableau, enregistrez, puis réessayez.`,
  'bad-shared-string': (p) =>
    `Le fichier est endommagé${where(p)} : une cellule renvoie à un texte qui n’existe pas. ${RESAVE}`,
  'bad-cell-reference': (p) =>
    `Le fichier est endommagé${p.sheet ? ` (feuille « ${p.sheet} »)` : ''} : une cellule est placée hors de la feuille (« ${p.ref} »). ${RESAVE}`,
} satisfies Record<string, MessageTemplate>;

/** Why the .xlsx reader (src/xlsx/reader) could not read a file: one code per message above. */
export type XlsxReadErrorCode = keyof typeof xlsxMessages;
