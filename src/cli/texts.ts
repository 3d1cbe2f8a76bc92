import { basename } from 'node:path';
/** Every word the command line prints, in French, in one place. */
import {
  afterColon,
  agree,
  cellLeftSinceMerge,
  cellsGivenBack,
  countOf,
  documentKindName,
  finalBilanStep,
  frenchDay,
  frenchDayAndTime,
  frenchNumber,
  frenchRate,
  HOW_TO_EXTRACT,
  leftOutFile,
  outsideConvention,
  quarterLagSentence,
  quarterLagText,
  unmatchedAdvice,
  unmatchedFichesText,
  quotedShort,
  renderIssueMessage,
  shellWord,
  shownName,
  renderMessage,
  type AmbiguousTake,
  type CellLeftSinceMerge,
  type CheckedExtract,
  type JournalValue,
  type Issue,
  type MessageCode,
  type MessageParams,
} from '../app';
import type { ConversionUse } from './spreadsheet-conversion';
import type { Backup } from './output-file';

/** What an input file given on the command line should be, for the messages that say so. */
export type InputKind = 'workbook' | 'plan';

/**
 * How many workbooks the command reads where a file is given: one (validate, compute, bilan, merge's tracking
 * workbook…), or several (a consolidation, a merge's returned files): what to give it of a zip archive's workbooks.
 */
export type WorkbooksTaken = 'one' | 'several';

const expectedFile: Record<InputKind, string> = {
  workbook: 'classeur de suivi .xlsx',
  plan: 'plan d’actions (convention exportée en texte .txt, ou plan .json)',
};

/** No partner named in the plan: where to name them before any partner's extract can be written. */
const namePartnersFirst =
  'Nommez d’abord les partenaires de chaque fiche dans sa colonne « Partenaires », sur les feuilles d’axe du ' +
  'classeur de suivi (plusieurs noms séparés par « ; »), puis refaites l’extrait : --partenaire NOM ou ' +
  '--tous-les-partenaires.';

const HELP = 'Lancez « npx ctg-suivi help » pour l’aide.';

/** The workbook each command writes, for the example a message about its -o gives; a tracking workbook otherwise. */
const OUTPUT_EXAMPLES: Record<string, string> = {
  consolidate: 'consolidation.xlsx',
  extract: 'extrait.xlsx',
  bilan: 'bilan.xlsx',
};

export function outputExample(command: string): string {
  return OUTPUT_EXAMPLES[command] ?? 'suivi.xlsx';
}

const outputValue = (example: string) => `le nom du classeur à écrire, qui finit par .xlsx, par exemple -o ${example}`;

/**
 * `consolidate --quarter`'s value: any quarter, each territory measured at it even outside its convention (the
 * other commands' is a quarter of the workbook's convention).
 */
const CONSOLIDATE_QUARTER_VALUE =
  'le trimestre AAAA-Tn auquel mesurer chaque territoire, par exemple --quarter 2027-T1';

/** What the value of each string option is, for a value forgotten (-o's: `outputValue`, the command's example). */
const optionValues: Record<string, string> = {
  quarter: 'un trimestre AAAA-Tn de la convention, par exemple --quarter 2027-T1',
  plan: 'le fichier du plan d’actions (.txt ou .json), par exemple --plan convention.txt',
  partenaire: 'le nom d’un partenaire de la colonne « Partenaires », par exemple --partenaire "Centre social"',
  commune: 'le nom d’une commune, par exemple --commune Jonzieux',
  porteur: 'le nom d’un porteur, par exemple --porteur CCMP',
  dossier: 'le dossier où écrire les extraits, par exemple --dossier extraits',
  kind: 'le type de bilan, annuel, intermediaire ou final, par exemple --kind annuel',
  year: 'l’année d’un bilan annuel, par exemple --year 2027',
  prefer: 'master (garder la valeur du classeur) ou incoming (prendre la valeur renvoyée), par exemple --prefer master',
  take:
    'le conflit à prendre, CLÉ:COLONNE, ou CLÉ:COLONNE:FICHIER pour la valeur d’un des fichiers renvoyés, par exemple ' +
    '--take G1-QN1:2026-T3',
  sheet: 'le nom de la feuille où le tableau est collé, par exemple --sheet Retour',
};

function optionValueOf(command: string, name: string): string {
  if (name === 'output') return outputValue(outputExample(command));
  if (command === 'consolidate' && name === 'quarter') return CONSOLIDATE_QUARTER_VALUE;
  return optionValues[name] ?? 'une valeur';
}

/**
 * What a person does once the file LibreOffice could not convert is saved as .xlsx: a territory's workbook found in a
 * folder goes back there, one given by name is given again.
 */
const afterConversion: Record<ConversionUse, string> = {
  merge: 'fusionnez le fichier .xlsx',
  validate: 'vérifiez le fichier .xlsx',
  'consolidate-folder': 'mettez-le à la place de l’ancien fichier dans le dossier et relancez la consolidation',
  'consolidate-given': 'donnez le fichier .xlsx à la commande à la place de celui-ci et relancez la consolidation',
};

/** A consolidation lists each file beside its reason: its message does not name the file again. */
const listedBeside = (use: ConversionUse) => use === 'consolidate-folder' || use === 'consolidate-given';

/** Why the system refused to read or write a file, by error code: in a few words, and what to check (if anything). */
const SYSTEM_REASONS: Record<string, [string, string?]> = {
  EACCES: ['accès refusé', 'vérifiez vos droits sur ce fichier et son dossier'],
  EPERM: ['accès refusé', 'vérifiez vos droits sur ce fichier et son dossier'],
  EBUSY: ['le fichier est utilisé par un autre programme', 'fermez-le dans Excel ou LibreOffice'],
  ENOSPC: ['le disque est plein'],
  EROFS: ['le disque est en lecture seule'],
  EISDIR: ['c’est un dossier'],
  ENAMETOOLONG: ['le nom du fichier est trop long', 'choisissez un nom plus court'],
};

/** The reason in a few words, for a sentence that gives its own advice. */
function shortSystemReason(code: string | undefined): string {
  return (code && SYSTEM_REASONS[code]?.[0]) || `erreur du système ${code ?? 'inconnue'}`;
}

/** Why the system refused to read or write a file, from its error code, with what to check. */
function systemReason(code: string | undefined): string {
  const known = code ? SYSTEM_REASONS[code] : undefined;
  if (!known) return `erreur du système (${code ?? 'inconnue'})`;
  return known[1] ? `${known[0]} (${known[1]})` : known[0];
}

const isAccessRefused = (code: string | undefined) => code === 'EACCES' || code === 'EPERM';

/** Why a folder could not be listed. */
function folderReason(code: string | undefined): string {
  if (code === 'ENOENT') return 'il n’existe plus'; // listed a moment before: a share disconnected since, say
  return isAccessRefused(code) ? 'accès refusé' : systemReason(code);
}

/** What to do about it: the rights to it, or the disk or share it is on. */
function folderAdvice(code: string | undefined): string {
  return isAccessRefused(code)
    ? 'Vérifiez les droits d’accès à ce dossier'
    : 'Vérifiez que le disque ou le partage réseau où il se trouve est bien accessible';
}

/** How many names a line lists before « et N autres ». */
const LISTED_NAMES = 5;

/** `A, B, C, D, E et 295 autres`: a list cut to its first names, said whole when one more would be all. */
function firstOf(names: readonly string[]): string {
  if (names.length <= LISTED_NAMES + 1) return names.map(shownName).join(', ');
  return `${names.slice(0, LISTED_NAMES).map(shownName).join(', ')} et ${countOf(names.length - LISTED_NAMES, 'autre')}`;
}

/** Where the first territory names a champ or public outside the vocabulary, and what it may have meant. */
export interface UnmatchedWhere {
  place: { territory: string; file: string; sheet: string; cell: string; fiches: number };
  suggestions: readonly string[];
}

/** The first territory's fiches and the first one's cell, then the other territories that name it. */
function unmatchedPlace(place: UnmatchedWhere['place'], territories: readonly string[]): string {
  const others = territories.filter((territory) => territory !== place.territory);
  return `${shownName(place.territory)} : ${unmatchedFichesText(place)}${others.length > 0 ? ` ; aussi ${firstOf(others)}` : ''}`;
}

/** A message put after « : »: an issue's (which may start with its sheet's name) or a message of the catalogue. */
function goingOn(message: Issue | string): string {
  return typeof message === 'string' ? afterColon(message) : afterColon(renderIssueMessage(message), message.sheet);
}

/** A --take's value as it is typed: always between quotes, as a key and column with spaces needs them. */
const takeWord = (take: string): string => `"${take.replace(/["\\$`]/g, '\\$&')}"`;

/** One cell of `takeAmbiguous`: the takes, the values they would take one after the other, the --take to give. */
function ambiguousCell(cell: AmbiguousTake, shown: (value: JournalValue) => string): string {
  const takes = [
    ...cell.takes.map((take) => `--take ${takeWord(take)}`),
    ...(cell.preferIncoming ? ['--prefer incoming'] : []),
  ];
  const values = cell.candidates.map(({ value, source, partner }) => `${shown(value)} (${source}, ${partner})`);
  const options = [...new Set(cell.candidates.map(({ take }) => `--take ${takeWord(take)}`))];
  const sameNames = cell.sameNames.map(
    (name) => ` Plusieurs fichiers renvoyés s’appellent ${name} : renommez-en un pour le nommer dans --take.`,
  );
  return (
    `${takes.join(' et ')} ${takes.length > 1 ? 'prendraient' : 'prendrait'} pour ${cell.key}, ${cell.column} ` +
    `plusieurs valeurs renvoyées, la dernière remplaçant les autres : ${values.join(', ')}. Ne donnez pour cette ` +
    `cellule qu’un --take, celui de la valeur à prendre : ${options.join(' ou ')}.${sameNames.join('')}`
  );
}

/** The commands that work on the master, and refuse a partner's extract given in its place. */
export type MasterCommand = 'compute' | 'close-quarter' | 'undo' | 'extract' | 'bilan' | 'merge' | 'generate';

/** What each command on the master does, in a few words: for an option typed that is one (`merge --undo`). */
const commandWork: Record<Exclude<MasterCommand, 'merge' | 'generate'>, string> = {
  compute: 'recalcule les taux',
  'close-quarter': 'clôture le trimestre en cours',
  undo: 'annule la dernière fusion',
  extract: 'fait les extraits',
  bilan: 'fait le bilan',
};

function commandAsOption(option: string): string {
  const command = option.replace(/^-+/, '');
  const work = (commandWork as Partial<Record<string, string>>)[command];
  return work ? ` « ${command} » est une commande à part, qui ${work} : npx ctg-suivi ${command} suivi.xlsx.` : '';
}

const onMaster = (command: string, work: string) =>
  `La commande ${command} ${work} du classeur de suivi (le classeur maître) : lancez-la sur celui-ci.`;

/** What each of them does with the master, said to whoever gave it a partner's extract instead. */
const masterWork: Record<MasterCommand, string> = {
  compute: onMaster('compute', commandWork.compute),
  'close-quarter': onMaster('close-quarter', commandWork['close-quarter']),
  undo: onMaster('undo', commandWork.undo),
  extract: onMaster('extract', commandWork.extract),
  bilan: onMaster('bilan', commandWork.bilan),
  merge: 'La commande merge prend d’abord le classeur de suivi (le classeur maître), puis les fichiers renvoyés.',
  generate:
    'La commande generate écrit un classeur de suivi, ou le régénère avec --force, jamais par-dessus un ' +
    'extrait : donnez à -o le classeur de suivi, ou un autre nom.',
};

/** An extract's personal data, each as an issue line: in the file written, or left out of it. */
export interface PersonalDataLines {
  held: string[];
  leftOut: string[];
}

/** An extract's personal data, said before its e-mail: what the file written holds, what was left out of it. */
function personalDataBlock({ held, leftOut }: PersonalDataLines): string[] {
  const some = (lines: string[]) =>
    `${countOf(lines.length, 'texte')} qui ${agree(lines.length, 'semble', 'semblent')} contenir une donnée personnelle`;
  return [
    ...(held.length === 0
      ? []
      : [
          '',
          `À vérifier avant d’envoyer ce fichier : il contient ${some(held)}. Pour refaire l’extrait, ajoutez ` +
            '--force : sans lui, ce fichier déjà écrit n’est pas remplacé.',
          ...held,
        ]),
    ...(leftOut.length === 0
      ? []
      : ['', `${agree(leftOut.length, 'Laissé', 'Laissés')} hors de ce fichier : ${some(leftOut)}.`, ...leftOut]),
  ];
}

/**
 * Where the replaced file is kept: `<name>.bak`, and, when a different `.bak` was there, the `<name>.N.bak` it was
 * renamed to (src/cli/output-file.ts), so that no file appears the user was not told of.
 */
function keptAs(backup: Backup): string {
  return backup.earlier === null
    ? backup.file
    : `${backup.file} ; la copie qui portait déjà ce nom est renommée ${backup.earlier}`;
}

/** `Compétences AO` after a regeneration: rows added and removed, the removed rows' values kept in the Journal. */
function aoRowsLine({ added, removed, journalled }: { added: number; removed: number; journalled: number }): string {
  const parts = [
    ...(added > 0 ? [countOf(added, 'ligne ajoutée', 'lignes ajoutées')] : []),
    ...(removed > 0 ? [countOf(removed, 'ligne retirée', 'lignes retirées')] : []),
  ];
  const kept =
    journalled > 0 ? ` (${countOf(journalled, 'valeur saisie notée', 'valeurs saisies notées')} dans le Journal)` : '';
  return `Compétences AO : ${parts.join(', ')}${kept}`;
}

/** `2027-T1 → 2027-T2`, or the quarter alone when the cell it replaces was empty. */
function quarterChangeText({ from, to }: { from: string | null; to: string }): string {
  return from === null ? `${to} (la cellule était vide)` : `${from} → ${to}`;
}

/** Fiches per status, as a bilan counts them. */
interface StatusCountsText {
  notStarted: number;
  inProgress: number;
  done: number;
  postponed: number;
  abandoned: number;
}

interface Rates {
  fillPeriod: number | null;
  fillCumulative: number | null;
  achievement: number | null;
}

/** A rate as the tools show it everywhere (`frenchRate`): `0 %`, `0,3 %`, `100 %`; `—` when undefined. */
export const percent = frenchRate;

/** A text at Excel's limit after LibreOffice's conversion, which cuts a longer one to that length, without a word. */
function textCutWords(at: { sheet: string; cell: string }, limit: number): string {
  return (
    `Un texte a exactement ${frenchNumber(limit)} caractères après la conversion par LibreOffice (feuille « ${at.sheet} », ` +
    `cellule ${at.cell}), la limite d’Excel, à laquelle LibreOffice coupe un texte plus long : il a sans doute été coupé`
  );
}

function ratesLine(rates: Rates): string {
  return `renseignement de la période ${percent(rates.fillPeriod)} (cumulé ${percent(rates.fillCumulative)}), réalisation ${percent(rates.achievement)}`;
}

/** A cell an undo left, where it is: `Axe 1!Y5 G1-QN1, 2026-T3`; its key and column alone when it has no place. */
interface UndoneCellPlace {
  key: string;
  column: string;
  sheet: string | null;
  cell: string | null;
}

function undoneCellPlace(cell: UndoneCellPlace): string {
  const place = cell.sheet === null ? '' : cell.cell === null ? `${cell.sheet} ` : `${cell.sheet}!${cell.cell} `;
  return `${place}${cell.key}, ${cell.column}`;
}

/**
 * A cell an undo left as it is: changed since the merge, or back at its value before it; maybe removed from the
 * workbook since (`leftPlan`), with its row from the plan or with its quarter's column from a changed period, said as
 * the task pane says it (cellLeftSinceMerge).
 */
interface CellLeft extends UndoneCellPlace {
  leftPlan: CellLeftSinceMerge | null;
}

function notGivenBack(cell: CellLeft): string {
  if (cell.leftPlan === null) return `  Non rétablie (modifiée depuis la fusion) : ${undoneCellPlace(cell)}`;
  const { reason, archive } = cellLeftSinceMerge(cell.leftPlan);
  return `  Non rétablie (${reason}) : ${undoneCellPlace(cell)} ; ${archive}.`;
}

function nothingToGiveBack(cell: CellLeft): string {
  const already = 'Rien à rétablir (déjà à sa valeur d’avant la fusion';
  if (cell.leftPlan === null) return `  ${already}) : ${undoneCellPlace(cell)}`;
  const { reason, archive } = cellLeftSinceMerge(cell.leftPlan);
  return `  ${already} ; ${reason}) : ${undoneCellPlace(cell)} ; ${archive}.`;
}

export const texts = {
  usage: [
    'Usage : npx ctg-suivi <commande> [options]',
    '',
    'Commandes :',
    '  plan [convention.txt|plan.json] [--json]   lit le plan d’actions (par défaut : le plan intégré des Monts du Pilat)',
    '  generate [--plan convention.txt|plan.json] [-o suivi.xlsx] [--force] [--json]',
    '                                           écrit le classeur de suivi du plan (par défaut : le plan intégré) ;',
    '                                           sur un classeur de suivi existant (avec --force), garde toutes les',
    '                                           valeurs saisies, clé par clé, et note les changements au Journal',
    '  validate suivi.xlsx [--json]             vérifie un classeur de suivi, ou l’extrait d’un partenaire :',
    '                                           structure, types, cohérence, complétude ; un .ods ou un .xls est',
    '                                           converti par LibreOffice s’il est installé',
    '  compute suivi.xlsx [--quarter AAAA-Tn] [-o sortie.xlsx] [--force] [--json]',
    '                                           recalcule les taux (renseignement, réalisation) et la synthèse ;',
    '                                           réécrit le classeur sur place (l’ancien gardé en .bak) ou dans -o ;',
    '                                           --quarter choisit d’abord le trimestre en cours (noté au Journal)',
    '  close-quarter suivi.xlsx [-o sortie.xlsx] [--force] [--json]',
    '                                           clôture le trimestre en cours : états des fiches et commentaires',
    '                                           copiés dans « Historique », passage au trimestre suivant',
    '  extract suivi.xlsx (--partenaire P | --commune C | --porteur P | --toutes-les-communes |',
    '                      --tous-les-partenaires) [-o fichier.xlsx | --dossier D] [--refuse-personal-data]',
    '                      [--force] [--json]',
    '                                           écrit l’extrait d’un destinataire (ses fiches seules, à compléter',
    '                                           jusqu’au trimestre en cours) et le texte du message qui l’accompagne',
    '  merge suivi.xlsx retour.xlsx… [--dry-run] [--prefer master|incoming] [--take CLÉ:COLONNE[:FICHIER]…]',
    '        [--partenaire NOM] [--sheet NOM] [--refuse-personal-data] [-o sortie.xlsx] [--force] [--json]',
    '                                           reprend les lignes renvoyées par les partenaires, clé par clé :',
    '                                           chaque changement est noté au Journal, chaque contribution gardée ;',
    '                                           un conflit n’est repris que choisi (--take, --prefer) ; --dry-run',
    '                                           montre tout sans rien écrire ; --sheet fusionne un tableau collé',
    '                                           dans une feuille du classeur ; un .ods ou un .xls est converti',
    '                                           par LibreOffice s’il est installé',
    '  undo suivi.xlsx [-o sortie.xlsx] [--force] [--json]',
    '                                           annule la dernière fusion : les cellules qu’elle a changées',
    '                                           reprennent leur valeur, sauf celles modifiées depuis (signalées)',
    '  consolidate suivi1.xlsx dossier/… -o consolidation.xlsx [--quarter AAAA-Tn] [--force] [--json]',
    '                                           consolide les classeurs de suivi de plusieurs territoires (fichiers,',
    '                                           ou dossiers de classeurs .xlsx, .xlsm, .xlsb, .xls ou .ods ; un .ods',
    '                                           ou un .xls est converti par LibreOffice s’il est installé) : taux',
    '                                           par territoire, par champ d’intervention et par public,',
    '                                           compétences AO, fichiers écartés',
    '  bilan suivi.xlsx --kind annuel|intermediaire|final [--year AAAA] [--cdsf] [-o bilan.xlsx] [--force]',
    '        [--pdf] [--json]',
    '                                           écrit le bilan d’une période de la convention (annuel, à',
    '                                           mi-parcours, final) pour le COPIL, ou son volet petite enfance pour',
    '                                           la CDSF (--cdsf) ; --pdf l’imprime aussi en PDF avec LibreOffice',
    '  help                                     affiche cette aide',
    '  version, --version, -v                   affiche la version de ctg-suivi',
    '',
    'Codes de sortie : 0 terminé, 1 terminé avec des erreurs, 2 entrée illisible ou usage incorrect,',
    '130 ou 143 interrompu par Ctrl-C ou SIGTERM.',
  ].join('\n'),
  unknownCommand: (name: string, meant: string | null) =>
    `Commande inconnue : « ${name} »${meant ? ` (vouliez-vous dire « ${meant} » ?)` : ''}. ` +
    `Lancez « npx ctg-suivi help » pour la liste.`,
  /** `ctg-suivi --version`: the package's version, or that it could not be found (no package.json beside). */
  version: (version: string | null) => (version === null ? 'ctg-suivi (version inconnue)' : `ctg-suivi ${version}`),
  missingCommand: 'Aucune commande donnée : lancez « npx ctg-suivi help » pour la liste des commandes.',
  /** A failure no command foresaw: said, never a stack trace (src/cli/main.ts). */
  unexpectedError: (detail: string) =>
    `Erreur inattendue (${detail}) : la commande s’est arrêtée. Signalez-la, avec la commande tapée et, si possible, les fichiers donnés.`,
  hyphenFileName: (command: string, typed: string) =>
    `« ${typed} » n’est pas une option de « ${command} » : pour un fichier dont le nom commence par un tiret, ` +
    `écrivez « ./${typed} ». ${HELP}`,
  gluedShortOption: (typed: string, option: string, value: string) =>
    `« ${typed} » se lit comme « ${option} ${value} » : pour cela, séparez l’option de sa valeur par ` +
    `une espace ; pour un fichier dont le nom commence par un tiret, écrivez « ./${typed} ». ${HELP}`,
  unknownOption: (command: string, option: string, accepted: string[], meant: string | null) =>
    `« ${command} » ne connaît pas l’option « ${option} »` +
    (meant ? ` : vouliez-vous dire « ${meant} » ?` : '') +
    ` (options possibles : ${accepted.join(', ')}).${commandAsOption(option)} ${HELP}`,
  missingOptionValue: (command: string, option: string, name: string) =>
    `L’option « ${option} » de « ${command} » attend une valeur : ` + `${optionValueOf(command, name)}. ${HELP}`,
  /** An option given an empty value (`--quarter "$TRIMESTRE"`, the variable unset): nothing to quote back. */
  emptyOptionValue: (command: string, option: string, name: string) =>
    `L’option « ${option} » de « ${command} » est vide : donnez ${optionValueOf(command, name)}. ${HELP}`,
  repeatedOption: (option: string, first: string, second: string) =>
    `L’option « ${option} » est donnée deux fois (${first}, puis ${second}) : gardez-en une seule. ${HELP}`,
  optionTakesNoValue: (option: string) =>
    `L’option « ${option} » ne prend pas de valeur : écrivez-la seule (${option}). ${HELP}`,
  tooManyArguments: (command: string) => `« ${command} » attend au plus un fichier. ${HELP}`,
  fileWithSeparatorAfter: (path: string, file: string) =>
    `${path} finit par « ${path.slice(file.length, file.length + 1)} », mais ${file} est un fichier, pas un dossier : ` +
    `retirez le « ${path.slice(file.length, file.length + 1)} » final et réessayez.`,
  /** `orFolder`: where a folder is taken too (consolidate's paths). */
  fileNotFound: (path: string, orFolder = false) =>
    path.trim() === ''
      ? 'Le chemin donné est vide : donnez le chemin du fichier ou du dossier à lire.'
      : `${orFolder ? 'Fichier ou dossier' : 'Fichier'} introuvable : ${path}. Vérifiez le chemin et réessayez.`,
  brokenLink: (path: string, target: string) =>
    `${path} est un lien vers ${target}, qui n’existe pas : rétablissez ce fichier (un partage déconnecté ?) ` +
    'ou donnez le chemin du fichier lui-même.',
  isAFolder: (path: string, kind: InputKind) => `${path} est un dossier : donnez le chemin d’un ${expectedFile[kind]}.`,
  notAFile: (path: string, kind: InputKind) =>
    `${path} n’est pas un fichier ordinaire : donnez le chemin d’un ${expectedFile[kind]}.`,
  /** The same beside the file's name (a consolidation's files left out), which it does not repeat. */
  notAFileBeside: (kind: InputKind) =>
    'Ce n’est pas un fichier ordinaire (un tube ou un périphérique, par exemple) : ' +
    `donnez le chemin d’un ${expectedFile[kind]}.`,
  fileUnreadable: (path: string, reason: string) => `Impossible de lire ${path} : ${reason}.`,
  /** A workbook says the reader's own message (`too-large`), which the task pane and a conversion say too. */
  fileTooLarge: (path: string, size: number, limitBytes: number, kind: InputKind) =>
    kind === 'workbook'
      ? `${path} : ${afterColon(texts.workbookTooLarge(size, limitBytes))}`
      : `Le fichier ${path} est trop volumineux pour être lu (au plus ${Math.round(limitBytes / (1024 * 1024))} Mo) : ` +
        `un ${expectedFile[kind]} est bien plus petit. Vérifiez que c’est le bon fichier.`,
  /** A workbook too large, said beside its name (a consolidation's files left out): the reader's own message. */
  workbookTooLarge: (size: number, limitBytes: number) => renderMessage('too-large', { size, limit: limitBytes }),
  systemReason,
  /** A write refused with ENOENT though its folder was checked just before: gone since, or no file can be made there. */
  noFileCreated: 'le dossier n’existe plus, ou aucun fichier ne peut y être créé (choisissez un autre dossier)',
  inFile: (path: string, message: Issue | string) => `${path} : ${goingOn(message)}`,
  /**
   * Why the reader refused the file at `path` (its code and params), said without its name: the advice that gives a
   * command names the file (a plan given as a workbook: `generate --plan <it>`), and gives a zip archive's workbooks
   * to the command as it `takes` them.
   */
  readRefusal: (path: string, error: { code: MessageCode; params: MessageParams }, takes: WorkbooksTaken) =>
    renderMessage(error.code, {
      ...error.params,
      file: shellWord(path),
      ...(takes === 'several' ? { several: 1 } : {}),
    }),
  fileExists: (path: string) =>
    `Le fichier ${path} existe déjà : choisissez un autre nom avec -o, ou ajoutez --force pour le remplacer (l’ancien sera gardé en .bak).`,
  outputNotXlsx: (path: string, extension: string, suggestion: string) =>
    `${path} : le classeur écrit est un fichier Excel .xlsx, pas ${extension} ; donnez un nom qui finit par .xlsx ` +
    `(par exemple -o ${shellWord(suggestion)}). Excel et LibreOffice ouvrent les fichiers .xlsx. Rien n’a été écrit.`,
  outputEndsWithSpace: (path: string, suggestion: string) =>
    `« ${path} » finit par une espace (un nom collé depuis un message ?) : donnez le nom sans elle, ` +
    `par exemple -o ${shellWord(suggestion)}. Rien n’a été écrit.`,
  outputEmpty: (example: string) => `L’option « -o » est vide : donnez ${outputValue(example)}. Rien n’a été écrit.`,
  /** `sortie.xlsx/` is a slip for `sortie.xlsx`; any other name ending with a slash, a folder to write in. */
  outputIsFolderName: (path: string, example: string) => {
    const name = path.replace(/[\\/]+$/, '');
    const suggestion = /\.xlsx$/i.test(name) ? name : `${path}${example}`;
    return (
      `${path} finit par « ${path.slice(-1)} » : c’est le nom d’un dossier. Donnez avec -o le nom du classeur ` +
      `à écrire, par exemple -o ${shellWord(suggestion)}. Rien n’a été écrit.`
    );
  },
  outputWithoutName: (path: string, example: string) =>
    `${path} n’a pas de nom avant .xlsx : donnez un nom au classeur à écrire, par exemple -o ${shellWord(example)}. ` +
    'Rien n’a été écrit.',
  outputWithoutExtension: (path: string) =>
    `${path} n’a pas d’extension : le classeur écrit est un fichier Excel .xlsx, donnez un nom qui finit par .xlsx ` +
    `(par exemple -o ${shellWord(`${path}.xlsx`)}). Rien n’a été écrit.`,
  outputFolderMissing: (folder: string) =>
    `Le dossier ${folder} n’existe pas : créez-le, ou choisissez un autre chemin avec -o. Rien n’a été écrit.`,
  /** `file`: the file found where -o needs a folder; `suggestion`: a workbook in the folder that holds it. */
  outputUnderAFile: (file: string, suggestion: string) =>
    `${file} est un fichier, pas un dossier : aucun classeur ne peut être écrit dedans. Donnez avec -o un chemin ` +
    `dans un dossier, par exemple -o ${shellWord(suggestion)}. Rien n’a été écrit.`,
  outputIsAFolder: (path: string, suggestion: string) =>
    `${path} est un dossier : donnez avec -o le nom du classeur à écrire dans ce dossier, par exemple ` +
    `-o ${shellWord(suggestion)}. Rien n’a été écrit.`,
  backupUnwritable: (backup: string, code: string | undefined) =>
    `l’ancien fichier ne peut pas être gardé sous ${backup} (${code === 'EISDIR' ? `${backup} est un dossier` : shortSystemReason(code)}) ; ` +
    `renommez ou supprimez ${backup}, ou vérifiez vos droits sur son dossier, puis réessayez`,
  /** The copy of the file replaced (`<name>.bak`, or `<name>.1.bak` beside an earlier one) would have a name too long. */
  backupNameTooLong: (backup: string, inPlace: boolean) =>
    `l’ancien fichier serait gardé sous ${backup}, un nom trop long pour le système ` +
    `(${inPlace ? 'renommez le classeur d’un nom plus court, puis réessayez' : 'donnez à -o un nom plus court'})`,
  outputReadOnly: (path: string, inPlace: boolean) =>
    inPlace
      ? `${path} est en lecture seule : il n’est pas modifié. Retirez-lui la lecture seule, ou écrivez le résultat ` +
        'ailleurs avec -o, puis relancez la commande. Rien n’a été écrit.'
      : `${path} est en lecture seule : il n’est pas remplacé. Retirez-lui la lecture seule, ou donnez un autre ` +
        'nom avec -o. Rien n’a été écrit.',
  /** Ctrl-C or SIGTERM while `path` was written: its temporary file removed, `path` as it was. */
  writeInterrupted: (path: string, replacing: boolean, writtenBefore: readonly string[]) =>
    `Interrompu pendant l’écriture de ${path}\u00a0: ` +
    (writtenBefore.length > 0
      ? `${path} n’a pas été ${replacing ? 'modifié' : 'écrit'} (déjà écrit${writtenBefore.length > 1 ? 's' : ''}\u00a0: ${writtenBefore.join(', ')}).`
      : `${replacing ? `${path} n’a pas été modifié, ` : ''}rien n’a été écrit.`),
  /** Ctrl-C or SIGTERM once `path` was whole: it and those before it are written, the following ones are not. */
  writeInterruptedAfter: (path: string, written: readonly string[]) =>
    `Interrompu après l’écriture de ${path}\u00a0: les fichiers suivants n’ont pas été écrits ` +
    `(déjà écrit${written.length > 1 ? 's' : ''}\u00a0: ${written.join(', ')}).`,
  /** A file to replace that a spreadsheet holds open (its lock file beside it): its next save would undo the write. */
  workbookOpen: (path: string, lock: string) =>
    `${path} est ouvert dans un tableur (son fichier de verrou, ${lock}, est à côté)\u00a0: il n’a pas été modifié, ` +
    'car le prochain enregistrement du tableur remplacerait ce que la commande y écrirait. Fermez-le, puis relancez ' +
    `la commande\u00a0; s’il n’est ouvert nulle part (verrou resté après un arrêt du tableur), supprimez ${lock}.`,
  /** The file a command rewrites in place saved by another program while the command ran: left as saved. */
  changedMeanwhile: (path: string) =>
    `${path} a été enregistré par un autre programme pendant que la commande le lisait et le réécrivait\u00a0: il ` +
    'n’a pas été modifié, et ce qui y a été enregistré entre-temps est gardé. Relancez la commande.',
  fileUnwritable: (path: string, reason: string, replacing: boolean) =>
    `Impossible d’écrire ${path} : ${reason}. ${replacing ? `${path} n’a pas été modifié.` : 'Rien n’a été écrit.'}`,
  generate: {
    existingUnreadable: (path: string, why: string) =>
      `${why}\nRien n’a été écrit : ${path} n’est pas remplacé, car il garde peut-être des valeurs saisies que ` +
      'l’outil ne peut pas reprendre. Réparez-le comme indiqué (ou ouvrez-le dans Excel, qui propose de récupérer ' +
      'un classeur endommagé, et enregistrez-le), puis relancez la commande ; pour créer vraiment un classeur vierge ' +
      `à sa place, déplacez ou renommez d’abord ${path}.`,
    trackingWorkbookExists: (path: string) =>
      `Le fichier ${path} existe déjà et c’est un classeur de suivi : il n’a pas été modifié. Ajoutez --force pour le régénérer depuis ` +
      'le plan en gardant toutes les valeurs saisies (l’ancien fichier sera gardé en .bak), ou choisissez un autre nom avec -o.',
    regenerated: (
      path: string,
      backup: Backup | null,
      notes: string[],
      aoRows: { added: number; removed: number; journalled: number },
    ) =>
      [
        `Classeur de suivi régénéré depuis le plan : ${path}`,
        '  Toutes les valeurs saisies sont gardées, clé par clé ; les changements sont notés dans la feuille « Journal ».',
        ...(backup ? [`  L’ancien fichier est gardé sous ${keptAs(backup)}`] : []),
        ...(aoRows.added + aoRows.removed > 0 ? [`  ${aoRowsLine(aoRows)}`] : []),
        ...notes.map((note) => `  ${note}`),
      ].join('\n'),
    noPositional:
      '« generate » ne prend pas de fichier en argument : donnez le plan avec --plan et le classeur avec -o.',
    progress: 'Écriture du classeur de suivi…',
    done: (
      path: string,
      summary: { visibleSheets: string[]; ficheCount: number; criterionCount: number; currentQuarter: string },
      axes: number,
      planWarnings: number,
      backup: Backup | null,
      planFile: string | null,
    ) =>
      [
        `Classeur de suivi écrit : ${path}`,
        `  ${countOf(axes, 'axe')}, ${countOf(summary.ficheCount, 'fiche')}, ${countOf(summary.criterionCount, 'critère')} ; trimestre en cours : ${summary.currentQuarter}`,
        `  Feuilles : ${summary.visibleSheets.join(', ')}`,
        ...(backup ? [`  L’ancien fichier est gardé sous ${keptAs(backup)}`] : []),
        ...(planWarnings > 0
          ? [
              `  La lecture du plan a donné ${countOf(planWarnings, 'avertissement')} : « npx ctg-suivi plan${planFile === null ? '' : ` ${shellWord(planFile)}`} » les détaille.`,
            ]
          : []),
      ].join('\n'),
  },
  validate: {
    missingFile: '« validate » attend le classeur à vérifier : npx ctg-suivi validate suivi.xlsx',
    progress: 'Vérification du classeur…',
    /** Ctrl-C or SIGTERM while an .ods or .xls is converted (src/cli/interruption.ts). */
    interrupted: 'Vérification interrompue : rien n’a été écrit.',
    summary: (path: string, errors: number, warnings: number) =>
      `${path} : ${countOf(errors, 'erreur')}, ${countOf(warnings, 'avertissement')}`,
    clean: 'Aucun problème trouvé.',
    workbookLevel: 'Classeur',
    sheetHeader: (sheet: string) => `${sheet}`,
    /** Errors are listed before warnings, each by sheet: what stops the workbook comes first, however many warnings. */
    severityHeader: (severity: 'error' | 'warning') =>
      severity === 'error' ? 'Erreurs\u00a0:' : 'Avertissements\u00a0:',
    severity: (severity: 'error' | 'warning') => (severity === 'error' ? 'erreur' : 'avertissement'),
    issueLine: (severity: string, cell: string | null, message: string) =>
      `  ${severity.padEnd(13)} ${(cell ?? '').padEnd(6)} ${message}`,
    converted: (format: string) =>
      `Ce classeur .${format} a été converti en .xlsx par LibreOffice pour être vérifié, dans un dossier temporaire ` +
      'effacé ensuite ; le fichier lui-même n’a pas été modifié.',
    /** A partner's extract: whose, made from what, and what is checked in it (its problems are the partner's). */
    extract: (path: string, facts: CheckedExtract) =>
      [
        renderMessage('checked-file-is-extract', { ...facts }),
        renderMessage('checked-extract-scope', { ...facts, file: shellWord(path) }),
      ].join('\n'),
  },
  /** A partner's extract given where a command needs the master: what it is, what the command does, what to do. */
  extractGiven: (command: MasterCommand, path: string, partner: string) =>
    [
      `${path} est l’extrait envoyé à « ${partner} », pas le classeur de suivi : rien n’a été fait.`,
      masterWork[command],
      `Pour reprendre dans le classeur de suivi ce que « ${partner} » a saisi dans cet extrait, fusionnez-le : ` +
        `npx ctg-suivi merge suivi.xlsx ${shellWord(path)} (suivi.xlsx : votre classeur de suivi).`,
    ].join('\n'),
  inPlace: {
    missingFile: (command: string) =>
      `« ${command} » attend le classeur de suivi : npx ctg-suivi ${command} suivi.xlsx`,
    notWritten: (path: string, errors: number) =>
      `${path} n’a pas été modifié${errors > 0 ? ` : ${countOf(errors, 'erreur')} à corriger d’abord` : ''}.`,
    /** `  Axe 1 F12        message`; a problem of the whole workbook has no place column. */
    issueLine: (sheet: string | null, cell: string | null, message: string) =>
      sheet || cell ? `  ${[sheet, cell].filter(Boolean).join(' ').padEnd(16)} ${message}` : `  ${message}`,
    backup: (backup: Backup) => `  L’ancien fichier est gardé sous ${keptAs(backup)}`,
    wrongUsage: (path: string, issues: readonly Issue[]) =>
      [...issues.map((issue) => `Usage incorrect : ${goingOn(issue)}`), `${path} n’a pas été modifié.`].join('\n'),
  },
  compute: {
    progress: 'Calcul des taux…',
    done: (
      path: string,
      backup: Backup | null,
      figures: {
        quarter: string;
        overall: Rates;
        axes: (Rates & { number: number; title: string })[];
        carriers: (Rates & { name: string })[];
      },
      notes: readonly Issue[],
      quarterChange: { from: string | null; to: string } | null = null,
    ) =>
      [
        `Taux recalculés dans ${path} (trimestre en cours : ${figures.quarter})`,
        ...(quarterChange ? [`  Trimestre en cours : ${quarterChangeText(quarterChange)}`] : []),
        ...(backup ? [`  L’ancien fichier est gardé sous ${keptAs(backup)}`] : []),
        '',
        `Ensemble : ${ratesLine(figures.overall)}`,
        ...figures.axes.map((axis) => `  Axe ${axis.number} – ${axis.title} : ${ratesLine(axis)}`),
        ...(figures.carriers.length > 0 ? ['', 'Par porteur :'] : []),
        ...figures.carriers.map((carrier) => `  ${carrier.name} : ${ratesLine(carrier)}`),
        ...notes.map((note) => `Note : ${goingOn(note)}`),
      ].join('\n'),
  },
  closeQuarter: {
    progress: 'Clôture du trimestre…',
    done: (
      summary: {
        file: string;
        backup: Backup | null;
        closed: string;
        next: string;
        nextIsLast: boolean;
        historyRows: number;
      },
      notes: readonly Issue[],
    ) =>
      [
        `Trimestre ${summary.closed} clôturé dans ${summary.file} : ${summary.historyRows === 0 ? 'aucune valeur copiée' : countOf(summary.historyRows, 'valeur copiée', 'valeurs copiées')} dans « Historique ».`,
        // The last quarter is not closed: what comes after it is said where it becomes the current one.
        `  Trimestre en cours : ${summary.next}` +
          (summary.nextIsLast
            ? `, le dernier de la convention, qui ne se clôture pas. ${finalBilanStep('command-line', shellWord(summary.file))}`
            : ''),
        ...(summary.backup ? [`  L’ancien fichier est gardé sous ${keptAs(summary.backup)}`] : []),
        ...notes.map((note) => `Note : ${goingOn(note)}`),
      ].join('\n'),
  },
  extract: {
    folderMissing: (folder: string) =>
      `Le dossier ${folder} n’existe pas : créez-le, ou donnez avec --dossier un dossier qui existe. Rien n’a été écrit.`,
    folderIsAFile: (file: string) =>
      `${file} est un fichier, pas un dossier : donnez avec --dossier le dossier où écrire les extraits. ` +
      'Rien n’a été écrit.',
    missingFile:
      '« extract » attend le classeur de suivi et un destinataire : npx ctg-suivi extract suivi.xlsx --commune Jonzieux',
    oneRecipient:
      '« extract » attend un seul choix de destinataire : --partenaire P, --commune C, --porteur P, --toutes-les-communes ou --tous-les-partenaires.',
    outputOrFolder: '« extract » prend -o (un fichier) ou --dossier (un dossier), pas les deux.',
    /** A master refused: the extracts are what was not written (the master is only read). */
    notWritten: (path: string, errors: number) =>
      `Aucun extrait n’a été écrit${errors > 0 ? ` : ${path} a ${countOf(errors, 'erreur')} à corriger d’abord` : ''}.`,
    outputForOne:
      '-o nomme un seul fichier : pour plusieurs destinataires, donnez un dossier avec --dossier (chaque extrait y prend son nom).',
    progress: 'Préparation des extraits…',
    noneOfKind: (kind: 'commune' | 'partner') =>
      kind === 'commune'
        ? 'Aucune commune ne reçoit de fiche : aucun extrait à écrire.'
        : `Aucun partenaire n’est nommé dans la colonne « Partenaires » des fiches : aucun extrait à écrire. ${namePartnersFirst}`,
    unknownRecipient: (
      name: string,
      known: { carrier: string[]; commune: string[]; partner: string[] },
      meant: string | null,
    ) =>
      [
        `Aucun destinataire ne s’appelle « ${name} »` +
          (meant ? ` : vouliez-vous dire « ${meant} » ?` : '.') +
          ` Destinataires connus :`,
        `  porteurs : ${known.carrier.join(', ') || 'aucun'}`,
        `  communes : ${known.commune.join(', ') || 'aucune'}`,
        `  partenaires : ${known.partner.join(', ') || 'aucun (colonne « Partenaires » vide)'}`,
      ].join('\n'),
    /**
     * A kind of porteur of the plan (« Mairie (s) », « Acteur (s) du territoire »), which compute lists under « Par
     * porteur » but no one body: who its fiches go to, and the options that name them, with their names.
     */
    carrierKind: (name: string, kind: 'commune' | 'partner', names: string[]) =>
      `« ${name} » est une catégorie de porteurs du plan, pas un destinataire : ` +
      (kind === 'commune'
        ? 'ses fiches vont à la mairie de chaque commune de leur territoire, chacune recevant son extrait. Donnez une ' +
          `commune, --commune NOM, ou --toutes-les-communes pour l’extrait de chacune. Communes : ${names.join(', ') || 'aucune'}.`
        : 'ses fiches vont aux partenaires que nomme leur colonne « Partenaires », chacun recevant son extrait. ' +
          (names.length === 0
            ? `Aucune fiche n’en nomme encore. ${namePartnersFirst}`
            : 'Donnez un partenaire, --partenaire NOM, ou --tous-les-partenaires pour l’extrait de chacun. ' +
              `Partenaires : ${names.join(', ')}.`)),
    kind: (kind: 'partner' | 'commune' | 'carrier') =>
      kind === 'partner' ? 'partenaire' : kind === 'commune' ? 'commune' : 'porteur',
    /**
     * What was written, the warnings of all extracts first, then each extract with its own warnings (personal data
     * in it, or left out of it) before the e-mail: they say what to check before sending that file and this text.
     */
    done: (
      extracts: {
        file: string;
        backup: Backup | null;
        recipient: { kind: 'partner' | 'commune' | 'carrier'; name: string };
        fiches: number;
        rows: number;
        quarter: string;
        coveringText: string;
        personalData: PersonalDataLines;
      }[],
      warnings: string[],
    ) =>
      [
        ...(warnings.length > 0 ? ['Avertissements :', ...warnings, '', '────────', ''] : []),
        ...extracts.flatMap((extract, index) => [
          ...(index > 0 ? ['', '────────', ''] : []),
          `Extrait écrit pour « ${extract.recipient.name} » (${texts.extract.kind(extract.recipient.kind)}) : ${extract.file}`,
          ...(extract.backup ? [`  L’ancien fichier est gardé sous ${keptAs(extract.backup)}`] : []),
          `  ${countOf(extract.fiches, 'fiche')}, ${countOf(extract.rows, 'ligne')} ; à compléter jusqu’au trimestre ${extract.quarter}`,
          ...personalDataBlock(extract.personalData),
          '',
          'Texte du message :',
          '',
          extract.coveringText,
        ]),
      ].join('\n'),
  },
  plan: {
    territory: (name: string) => `Territoire : ${name}`,
    caf: (name: string) => `Caf : ${name}`,
    period: (start: string, end: string) => `Période : du ${frenchDay(start)} au ${frenchDay(end)}`,
    quarters: (count: number, first: string, last: string) => `Trimestres : ${count} (de ${first} à ${last})`,
    communes: (count: number) => `Communes : ${count}`,
    axesHeader: 'Axes :',
    axisLine: (number: number, title: string, fiches: number, quantitative: number, qualitative: number) =>
      `  Axe ${number} – ${title} : ${countOf(fiches, 'fiche')}, ${countOf(quantitative + qualitative, 'critère')} ` +
      `(${countOf(quantitative, 'quantitatif')}, ${countOf(qualitative, 'qualitatif')})`,
    total: (axes: number, fiches: number, criteria: number) =>
      `Total : ${countOf(axes, 'axe')}, ${countOf(fiches, 'fiche')}, ${countOf(criteria, 'critère')}`,
    noWarnings: 'Aucun avertissement.',
    warningsHeader: (count: number) => `Avertissements : ${count}`,
    warningGroup: (code: string, count: number) => `  [${code}] ${count}`,
    warningLine: (line: number, message: string) =>
      line > 0 ? `    ligne ${line} : ${afterColon(message)}` : `    ${message}`,
    source: (origin: string) => `Source : ${origin}`,
    embeddedSource: 'plan intégré (CTG des Monts du Pilat 2026–2030)',
  },
  convert: {
    /** A message about the file, naming it unless it is listed beside it. */
    about: (path: string, message: string, use: ConversionUse) =>
      listedBeside(use) ? message : texts.inFile(path, message),
    missing: (path: string, format: string, use: ConversionUse) =>
      `${listedBeside(use) ? 'Ce fichier' : path} est un classeur .${format} : LibreOffice, qui le convertirait, n’est pas ` +
      'installé sur cet ordinateur. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), ' +
      `puis ${afterConversion[use]}.`,
    timedOut: (path: string, format: string, use: ConversionUse) =>
      `${listedBeside(use) ? '' : `${path} : `}LibreOffice n’a pas converti ce classeur .${format} en moins d’une ` +
      'minute, il a été arrêté. Ouvrez-le dans LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis ' +
      `${afterConversion[use]}.`,
    failed: (path: string, format: string, use: ConversionUse) =>
      `${listedBeside(use) ? '' : `${path} : `}LibreOffice n’a pas pu convertir ce classeur .${format} (fichier abîmé ` +
      'ou protégé par un mot de passe ?). Ouvrez-le dans LibreOffice, enregistrez-le au format Classeur Excel ' +
      `(.xlsx), puis ${afterConversion[use]}.`,
    /** A text at Excel's limit after LibreOffice's conversion, which cuts a longer one to that length. */
    textCut: (path: string, format: string, at: { sheet: string; cell: string }, limit: number) =>
      `${path} : ${afterColon(textCutWords(at, limit))}, et le fichier n’est pas lu. Raccourcissez ce texte dans le classeur ` +
      `.${format}, puis réessayez.`,
  },
  merge: {
    progress: 'Fusion des lignes renvoyées…',
    /** Ctrl-C or SIGTERM while a returned file is read (an .ods or .xls converted): before anything is written. */
    interrupted: 'Fusion interrompue : rien n’a été écrit.',
    /** `added`: the sheets a person added, the only ones --sheet can name (never the tool's own). */
    sheetNotFound: (sheet: string, path: string, added: readonly string[]) =>
      added.length === 0
        ? `${path} n’a pas de feuille « ${sheet} », ni aucune feuille ajoutée où un tableau aurait été collé : ` +
          'collez le tableau reçu dans une nouvelle feuille du classeur, puis donnez son nom avec --sheet.'
        : `${path} n’a pas de feuille « ${sheet} » (feuilles ajoutées au classeur : ${added.join(', ')}). ` +
          'Donnez avec --sheet le nom exact de la feuille où le tableau a été collé.',
    /**
     * --sheet naming a file: the returned file given as if it were a pasted sheet. `read`: said once the master was
     * read (a plain file name could have been a sheet's).
     */
    sheetIsAFile: (sheet: string, master: string, read: boolean) =>
      `${sheet.includes('/') || sheet.includes('\\') ? sheet : `« ${sheet} »`} est un fichier, pas une feuille du ` +
      'classeur : --sheet attend le nom de la feuille où un tableau reçu a été collé. Pour fusionner ce fichier ' +
      `renvoyé, donnez-le après le classeur de suivi, sans --sheet : npx ctg-suivi merge ${master} ${sheet}. ` +
      (read ? 'Rien n’a été écrit.' : 'Rien n’a été lu ni écrit.'),
    sheetNameImpossible: (sheet: string) =>
      `« ${sheet} » ne peut pas être le nom d’une feuille (Excel n’y permet aucun des caractères \\/?*[]:) : ` +
      'donnez avec --sheet le nom exact de la feuille où le tableau reçu a été collé. Rien n’a été lu ni écrit.',
    missingFiles:
      'merge attend le classeur de suivi puis les fichiers renvoyés : npx ctg-suivi merge suivi.xlsx retour.xlsx',
    missingReturned: (path: string) =>
      `merge attend au moins un fichier renvoyé après ${path} (ou --sheet NOM pour un tableau collé dans le classeur).`,
    returnedIsMaster: (path: string) =>
      `${path} est le classeur de suivi lui-même : donnez après lui les fichiers renvoyés par les partenaires. ` +
      'Rien n’a été écrit.',
    returnedTwice: (path: string) => renderMessage('merge-returned-twice', { file: path }),
    /** Two returned files of one name: `example`, the second's name with « -2 » before its extension. */
    returnedSameName: (first: string, path: string) => {
      const name = basename(path);
      const example = name.replace(/(\.[^.]*)?$/, (extension) => `-2${extension}`);
      return renderMessage('merge-returned-same-name', { first, file: path, name, example });
    },
    sheetOfTheTool: (sheet: string) => renderMessage('merge-sheet-of-the-tool', { sheet }),
    outputIsReturned: (path: string) =>
      `${path} est à la fois un fichier renvoyé et le classeur à écrire (-o) : donnez à -o un autre nom. ` +
      'Rien n’a été lu ni écrit.',
    badTake: (value: string) =>
      `--take attend une clé et une colonne séparées par deux-points, par exemple --take "G1-QN1:2026-T3", pas « ${value} ». ` +
      `Rien n’a été lu ni écrit. ${HELP}`,
    badPrefer: (value: string) =>
      `--prefer attend master (garder la valeur du classeur) ou incoming (prendre la valeur renvoyée), pas « ${value} ». ${HELP}`,
    appliedLine: (
      change: { sheet: string; cell: string | null; key: string; column: string; source: string },
      old: string,
      next: string,
    ) =>
      `  ${`${change.sheet}!${change.cell ?? ''}`.padEnd(12)} ${change.key}, ${change.column} : ${old} → ${next} (${change.source})`,
    /** A value taken into a cell fed by several partners whose aggregate stays as it was. */
    contributedLine: (
      kept: { sheet: string; cell: string | null; key: string; column: string; source: string },
      value: string,
      cell: string,
    ) =>
      `  ${`${kept.sheet}!${kept.cell ?? ''}`.padEnd(12)} ${kept.key}, ${kept.column} : valeur ${value} reprise ` +
      `(${kept.source}) ; la cellule garde ${cell}, la valeur que donnent ensemble les contributions des partenaires`,
    conflictLine: (
      conflict: {
        sheet: string;
        cell: string | null;
        key: string;
        column: string;
        source: string;
        resolution: string | null;
        take: string;
        takenInstead: string | null;
      },
      master: string,
      incoming: string,
      why: string,
    ) =>
      `  Conflit ${conflict.sheet}!${conflict.cell ?? ''} ${conflict.key}, ${conflict.column} : classeur ${master}, ` +
      `renvoyé ${incoming} (${conflict.source} ; ${why}) — ${
        conflict.resolution === 'incoming'
          ? 'valeur renvoyée reprise'
          : conflict.resolution === 'master'
            ? conflict.takenInstead !== null
              ? `non repris, la valeur de ${conflict.takenInstead} est reprise à sa place`
              : 'valeur du classeur gardée'
            : `non repris : --take ${takeWord(conflict.take)} pour la prendre`
      }`,
    /**
     * Takes that would put several values in one cell, the last replacing the others: for each such cell, the values
     * with their files and the one --take to give instead, each as it is typed.
     */
    takeAmbiguous: (cells: readonly AmbiguousTake[], shown: (value: JournalValue) => string) =>
      `${cells.map((cell) => ambiguousCell(cell, shown)).join(' ')} Rien n’a été écrit.`,
    /** An issue, or the line counting the others of its kind (`groupedIssues`). */
    rejectedLine: (source: string, issue: Issue | string) => `  Refusé (${source}) : ${goingOn(issue)}`,
    /** A note of the whole merge (a --take that took nothing) has no file. */
    noteLine: (source: string, issue: Issue | string) =>
      `  Note${source === '' ? '' : ` (${source})`} : ${goingOn(issue)}`,
    /** Before the lines of the cells the merge changes. */
    appliedHeading: 'Valeurs reprises :',
    /** Before the conflicts, each saying whether it is taken. */
    conflictsHeading: 'Conflits :',
    /** Before the refusals: nothing of them is taken. */
    rejectedHeading: 'Refus (rien n’en est repris) :',
    /** Before the notes. */
    notesHeading: 'Notes :',
    /** `confirmed`: of the unchanged values, those kept as the partner's contributions (Contributions rows). */
    summary: (counts: { applied: number; unchanged: number; confirmed: number; conflicts: number; rejected: number }) =>
      `${countOf(counts.applied, 'valeur reprise', 'valeurs reprises')}, ` +
      `${countOf(counts.unchanged, 'inchangée', 'inchangées')}` +
      (counts.confirmed > 0
        ? ` (dont ${countOf(counts.confirmed, 'confirmée', 'confirmées')}, ${agree(counts.confirmed, 'notée', 'notées')} dans « Contributions »)`
        : '') +
      `, ${countOf(counts.conflicts, 'conflit')} en attente, ${countOf(counts.rejected, 'refus', 'refus')}.`,
    /** `newFile`: written to -o, the master left as it was; else the master rewritten in place. */
    written: (file: string, backup: Backup | null, newFile: boolean) =>
      `${newFile ? `Classeur fusionné écrit : ${file}.` : `Classeur ${file} mis à jour.`}${backup ? ` L’ancien fichier est gardé sous ${keptAs(backup)}.` : ''}`,
    notWritten: (dryRun: boolean) =>
      dryRun ? 'Rien n’a été écrit (--dry-run).' : 'Le classeur n’a pas été modifié : rien à reprendre.',
    nothingFilled: (files: number) =>
      files === 1
        ? 'Aucune valeur n’est saisie dans le fichier renvoyé : vérifiez que c’est bien celui que le partenaire a ' +
          'complété et renvoyé, et non l’extrait tel qu’il a été envoyé.'
        : 'Aucune valeur n’est saisie dans les fichiers renvoyés : vérifiez que ce sont bien ceux que les ' +
          'partenaires ont complétés et renvoyés, et non les extraits tels qu’ils ont été envoyés.',
  },
  bilan: {
    /** Ctrl-C or SIGTERM while LibreOffice prints the PDF: the .xlsx is written, the PDF (or an earlier one) untouched. */
    interruptedPrinting: (xlsx: string) =>
      `Bilan interrompu pendant son impression en PDF : ${xlsx} est écrit, pas son PDF.`,
    missingFile:
      '« bilan » attend le classeur de suivi et le type de bilan : npx ctg-suivi bilan suivi.xlsx --kind annuel',
    missingKind: `« bilan » attend le type de bilan : --kind annuel, --kind intermediaire ou --kind final. ${HELP}`,
    badKind: (value: string) => `--kind attend annuel, intermediaire ou final, pas « ${value} ». ${HELP}`,
    badYear: (value: string) =>
      `--year attend une année à quatre chiffres, par exemple --year 2027, pas « ${value} ». ${HELP}`,
    progress: 'Préparation du bilan…',
    notWritten: (path: string, errors: number) =>
      `Aucun bilan n’a été écrit : ${path} a ${countOf(errors, 'erreur')} à corriger d’abord (npx ctg-suivi validate ${shellWord(path)}).`,
    wrongUsage: (issue: Issue) => `Usage incorrect : ${goingOn(issue)} Aucun bilan n’a été écrit.`,
    outputIsInput: (path: string) =>
      `${path} est le classeur de suivi : donnez à -o un autre nom (le bilan est un autre classeur). Rien n’a été écrit.`,
    outputIsTrackingWorkbook: (path: string) =>
      `${path} est le classeur de suivi d’un territoire\u00a0: le bilan ne l’écrase pas, même avec --force. ` +
      'Choisissez un autre nom pour -o. Rien n’a été écrit.',
    stateWord: (state: 'over' | 'current' | 'future') =>
      state === 'over' ? 'terminée' : state === 'current' ? 'en cours' : 'à venir',
    /** The period and its state; the first page's sentence on a period not over follows as a warning. */
    periodLine: (period: { first: string; last: string; state: 'over' | 'current' | 'future' }) =>
      `  Période : ${period.first} à ${period.last}, ${texts.bilan.stateWord(period.state)}`,
    figuresLine: (label: string, fiches: number, rates: Rates) =>
      `${label} : ${countOf(fiches, 'fiche')}, renseignement de la période ${percent(rates.fillPeriod)} ` +
      `(cumulé ${percent(rates.fillCumulative)}), réalisation ${percent(rates.achievement)}`,
    plan: 'Ensemble du plan',
    axis: (number: number, title: string) => `  Axe ${number}${title ? ` – ${title}` : ''}`,
    statusLine: (statuses: StatusCountsText, fiches: number, withDifficulties: number) => {
      const withStatus = Object.values(statuses).reduce((sum, count) => sum + count, 0);
      return (
        `Fiches à la fin de la période : ${countOf(statuses.notStarted, 'non démarrée', 'non démarrées')}, ` +
        `${countOf(statuses.inProgress, 'en cours', 'en cours')}, ${countOf(statuses.done, 'réalisée')}, ` +
        `${countOf(statuses.postponed, 'reportée')}, ${countOf(statuses.abandoned, 'abandonnée')}, ` +
        `${countOf(fiches - withStatus, 'sans statut', 'sans statut')} ; ` +
        `${countOf(withDifficulties, 'avec des difficultés', 'avec des difficultés')}`
      );
    },
    warning: (issue: Issue) => `Avertissement : ${goingOn(issue)}`,
    written: (file: string, backup: Backup | null) =>
      `Bilan écrit : ${file}${backup ? ` (l’ancien fichier est gardé sous ${keptAs(backup)})` : ''}`,
    pdfWritten: (file: string, backup: Backup | null) =>
      `PDF écrit : ${file}${backup ? ` (l’ancien fichier est gardé sous ${keptAs(backup)})` : ''}`,
    needsLibreOffice: (xlsx: string) =>
      `Le bilan ${xlsx} est écrit, mais pas son PDF : LibreOffice, qui le convertit, n’est pas installé sur cet ` +
      'ordinateur (ou la variable CTG_LIBREOFFICE ne nomme pas son programme). Installez LibreOffice ' +
      '(https://fr.libreoffice.org ; sous Debian ou Ubuntu : apt-get install libreoffice-calc-nogui) ou donnez ' +
      'dans CTG_LIBREOFFICE le chemin de son programme soffice, puis relancez avec --pdf --force ; ou ouvrez le ' +
      'bilan dans Excel et enregistrez-le en PDF.',
    conversionFailed: (xlsx: string, reason: 'timeout' | 'failed' | 'no-output' | 'too-large') =>
      `Le bilan ${xlsx} est écrit, mais LibreOffice ` +
      (reason === 'timeout'
        ? 'ne l’a pas converti en PDF en moins d’une minute, il a été arrêté'
        : 'n’a pas pu le convertir en PDF') +
      ' : ouvrez le bilan dans Excel ou LibreOffice et enregistrez-le en PDF.',
    /** Said after why the PDF was not printed, when a PDF of that name, left by an earlier run, is still there. */
    earlierPdf: (pdf: string) =>
      ` Attention : ${pdf}, déjà là, est le PDF d’un bilan écrit avant : il ne montre pas le bilan qui vient ` +
      'd’être écrit. Ne l’envoyez pas tel quel.',
  },
  consolidate: {
    missingFiles:
      'consolidate attend des classeurs de suivi ou des dossiers qui en contiennent, et -o : ' +
      'npx ctg-suivi consolidate territoires/ -o consolidation.xlsx',
    missingOutput: 'consolidate écrit un classeur : donnez son nom avec -o, par exemple -o consolidation.xlsx.',
    /** A folder whose listing failed: left out, the others read (`folder-unreadable`). */
    /** A folder given by name where no workbook was found, when other paths gave some: its territories are missing. */
    emptyFolder:
      'Ce dossier ne contient aucun classeur (.xlsx, .xlsm, .xlsb, .xls ou .ods), ni dans ses sous-dossiers\u00a0: ' +
      'vérifiez son chemin, ou retirez-le de la commande.',
    unreadableFolder: (code: string | undefined) =>
      `Dossier illisible (${folderReason(code)}) : les classeurs qu’il contient n’ont pas été lus, les autres sont ` +
      `consolidés. ${folderAdvice(code)}, puis relancez la consolidation.`,
    /**
     * A zip archive found in a folder, whose directory lists `workbooks` not read: left out, as given by name, with
     * where to extract them so that the next run reads them (and says nothing more of the archive).
     */
    zipInFolder: (workbooks: number) => {
      const one = workbooks === 1;
      return (
        `Ce fichier est une archive .zip, pas un classeur\u00a0: ${one ? 'le classeur qu’elle contient n’a pas été lu' : `les ${frenchNumber(workbooks)} classeurs qu’elle contient n’ont pas été lus`}. ` +
        `Extrayez-${one ? 'le' : 'les'} dans ce dossier ${HOW_TO_EXTRACT}, puis relancez la consolidation.`
      );
    },
    /**
     * A zip archive found in a folder whose directory lists `archives` other zip archives, not found extracted in the
     * folders given, and no workbook, or `workbooksRead` read already: left out, with where to extract those archives
     * and then their workbooks.
     */
    zipOfArchivesInFolder: (archives: number, workbooksRead = 0) => {
      const one = archives === 1;
      const others = one ? 'une autre archive .zip' : `${frenchNumber(archives)} autres archives .zip`;
      const read =
        workbooksRead === 1
          ? 'le classeur qu’elle contient a été lu'
          : `les ${frenchNumber(workbooksRead)} classeurs qu’elle contient ont été lus`;
      const held =
        workbooksRead === 0
          ? `, et elle ne contient pas de classeur mais ${others}, dont les classeurs n’ont pas été lus`
          : `\u00a0: ${read}, mais pas ceux ${one ? 'de l’autre archive .zip' : `des ${frenchNumber(archives)} autres archives .zip`} ` +
            'qu’elle contient aussi';
      return (
        `Ce fichier est une archive .zip, pas un classeur${held}. Extrayez-${one ? 'la' : 'les'} dans ce dossier ` +
        `${HOW_TO_EXTRACT}, puis extrayez-y de même les classeurs qu’${one ? 'elle contient' : 'elles contiennent'}, ` +
        'et relancez la consolidation.'
      );
    },
    /**
     * A .zip found in a folder whose directory cannot be read (cut, damaged, no zip at all): left out, as it may hold
     * the territories missing, with how to get a whole copy, or to take it out of the folder when it holds none.
     */
    zipUnreadableInFolder:
      'Ce fichier .zip est endommagé ou incomplet (coupé pendant un téléchargement ou une copie)\u00a0: il ne peut ' +
      'pas être lu comme une archive, et les classeurs qu’il contient peut-être n’ont pas été lus. Téléchargez-le ' +
      'à nouveau ou demandez-en une nouvelle copie à qui vous l’a envoyé, extrayez-en les classeurs dans ce dossier, ' +
      'puis relancez la consolidation\u00a0; s’il ne contient aucun classeur de suivi, retirez-le de ce dossier.',
    /**
     * A .zip found in a folder whose directory is larger than is read (`megabytes`): left out, as it may hold the
     * territories missing, with how to read them; the archive itself, never listed, is to be taken out of the folder.
     */
    zipTooLargeInFolder: (megabytes: number) =>
      `Cette archive .zip est trop grande pour être lue\u00a0: la liste des fichiers qu’elle contient dépasse ` +
      `${frenchNumber(megabytes)}\u00a0Mo, et les classeurs qu’elle contient peut-être n’ont pas été lus. Extrayez-en ` +
      `les classeurs dans ce dossier ${HOW_TO_EXTRACT}, retirez l’archive de ce dossier, puis relancez la consolidation.`,
    /**
     * A file named .zip found in a folder that is no zip at all: what its first bytes seem to be (`found`, as the
     * reader tells a file named .xlsx: a PDF, a text, a plan in JSON), else a file of another format, maybe a
     * spreadsheet; no new copy of it makes it an archive.
     */
    notAZipInFolder: (found: string | undefined) => {
      const name = documentKindName(found);
      const what = found === 'plan-json' ? 'un plan d’actions (JSON)' : name && `un document ${name}`;
      if (what === null)
        return (
          'Ce fichier n’est ni une archive .zip ni un classeur Excel (.xlsx), malgré son nom\u00a0: il ne peut pas ' +
          'être lu. Si c’est un classeur d’un autre format, ouvrez-le dans Excel ou LibreOffice, enregistrez-le au ' +
          'format Classeur Excel (.xlsx) dans ce dossier et relancez la consolidation\u00a0; sinon, retirez-le de ce ' +
          'dossier.'
        );
      return (
        `Ce fichier n’est ni une archive .zip ni un classeur, malgré son nom\u00a0: c’est ${what}, qui ne peut pas ` +
        'être lu comme un tableau de suivi. ' +
        'Retirez-le de ce dossier, ou mettez-y à sa place le classeur de suivi lui-même (.xlsx), à demander à qui ' +
        'vous a envoyé ce document.'
      );
    },
    /** No workbook found, but an archive of some: what to extract rather than « no workbook ». */
    onlyZips: (inputs: string[], zip: string, workbooks: number) =>
      `Aucun classeur dans ${inputs.join(', ')}, mais ${zip} est une archive .zip qui en contient ${frenchNumber(workbooks)}\u00a0: ` +
      `extrayez-${workbooks === 1 ? 'le' : 'les'} dans ce dossier ${HOW_TO_EXTRACT}, puis ` +
      'relancez la consolidation. Rien n’a été écrit.',
    /**
     * No workbook found, and an archive left out that holds none of its own (`reason`, as beside it in the list, a
     * sentence of its own: it has colons of its own).
     */
    onlyZipsLeftOut: (inputs: string[], zip: string, reason: string) =>
      `Aucun classeur dans ${inputs.join(', ')}, et ${zip} est écarté. ${reason} Rien n’a été écrit.`,
    /** Nothing found but folders that could not be listed: the first is the reason nothing was done. */
    onlyUnreadableFolders: (path: string, code: string | undefined) =>
      `Dossier illisible (${folderReason(code)}) : ${path}. ${folderAdvice(code)}, puis relancez la consolidation. ` +
      'Rien n’a été écrit.',
    /** Every file left out: their reasons are printed above, and an earlier consolidation is not replaced. */
    nothingKept:
      'Aucun territoire n’a pu être consolidé : chaque fichier a été écarté, pour la raison donnée avec lui. ' +
      'Corrigez-les ou donnez d’autres classeurs de suivi, puis relancez la consolidation. Rien n’a été écrit.',
    /** Excel's lock file given alone (`territoires/~$pilat.xlsx`): the workbook it stands beside is what to give. */
    lockFileOnly: (path: string, workbook: string) =>
      `${path} est le fichier de verrouillage qu’Excel crée tant que ${workbook} est ouvert, pas un classeur : ` +
      `donnez ${workbook}, ou son dossier, puis relancez la consolidation. Rien n’a été écrit.`,
    noFiles: (inputs: string[]) =>
      `Aucun classeur (.xlsx, .xlsm, .xlsb, .xls ou .ods) dans ${inputs.join(', ')} : rien à consolider.`,
    /** `quarter-malformed`'s message (as `compute --quarter` says it), then the help, as the other usage mistakes. */
    badQuarter: (malformed: string) => `${malformed} ${HELP}`,
    barLabel: 'Consolidation',
    /** Once the bar is gone: building a few hundred territories' workbook takes seconds. */
    writing: 'Écriture du classeur de consolidation…',
    interrupted: 'Consolidation interrompue : rien n’a été écrit.',
    /**
     * A quarter outside the territory's convention, with the convention's first or last quarter (`notOver`: after
     * the end of a convention whose last quarter has not begun, whose quarters count once begun).
     */
    quarterOutside: (
      quarter: string,
      outside: 'before' | 'after',
      convention: { first: string; last: string },
      notOver = false,
    ) =>
      `    ${quarter} est ${outsideConvention(outside, convention)} : ` +
      (outside === 'before'
        ? 'rien n’y est encore attendu.'
        : `${notOver ? 'ses trimestres déjà commencés comptent' : 'tous ses trimestres comptent'}, le renseignement ` +
          'de la période n’est pas défini.'),
    /** Measured at its own quarter behind today's, or after its convention ended (`quarterLag`): its figures are not today's. */
    quarterLagging: (quarter: string, lag: Parameters<typeof quarterLagText>[0]) =>
      `    ${quarterLagSentence(quarter, lag, 'command-line')}.`,
    quarterNotBegun: (quarter: string) =>
      `    ${quarter} n’a pas encore commencé : rien n’y est encore attendu, et le cumul ne compte que les ` +
      'trimestres déjà commencés.',
    /**
     * A territory kept with data errors: its line counts them, this one says where to see them and where to correct
     * them — a cell, or a sheet when the error has no cell (`Compétences AO` deleted) — once the text its conversion
     * cut is shortened, when there is one, as validate refuses the file till then.
     */
    dataErrors: (file: string, errors: number, textCut = false) =>
      `    ${errors === 1 ? 'Pour la voir et savoir où la corriger' : 'Pour les voir et savoir où les corriger'}` +
      `${textCut ? ', une fois ce texte raccourci' : ''}\u00a0: npx ctg-suivi validate ${shellWord(file)}`,
    /** A territory kept whose `Compétences AO` was not read (missing, renamed, unreadable): why. */
    aoUnread: (reason: string) => `    Compétences AO non lues : ${afterColon(reason)}`,
    /**
     * A territory kept though the conversion of its .ods or .xls cut a text: its counts read no such text (but a
     * champ's or a public's name), while merge and validate refuse the file.
     */
    textCut: (at: { sheet: string; cell: string; from: string }, limit: number) =>
      `    ${textCutWords(at, limit)}. Le territoire est consolidé, ses chiffres ne dépendant pas de ce texte ` +
      '(sauf s’il nomme des champs d’intervention ou des publics) ; mais validate et merge refusent ce fichier : ' +
      `raccourcissez ce texte dans le classeur .${at.from}.`,
    outputIsTrackingWorkbook: (path: string) =>
      `${path} est le classeur de suivi d’un territoire\u00a0: la consolidation ne l’écrase pas, même avec --force. ` +
      'Choisissez un autre nom pour -o. Rien n’a été lu ni écrit.',
    outputIsInput: (path: string) =>
      `${path} est à la fois un classeur à consolider et le classeur à écrire (-o) : donnez à -o un autre nom. ` +
      'Rien n’a été lu ni écrit.',
    unexpected: (detail: string) =>
      `Erreur inattendue en lisant ce fichier (${detail}) : il est écarté, les autres sont consolidés.`,
    workerStopped: 'la lecture s’est arrêtée (fichier trop gros pour la mémoire ?)',
    /**
     * Under a territory counted without a column of an axis sheet that no figure reads: which, then validation's
     * message for the Caf, which ends with the territory's correction.
     */
    missingColumn: (column: string, sheet: string, reason: string) =>
      `    Compté sans la colonne ${quotedShort(column)} de ${quotedShort(sheet)}, qu’aucun chiffre de la consolidation ne lit\u00a0: ${reason}`,
    /** A territory and the file its figures come from: its name alone does not say which copy was measured. */
    territoryLine: (name: string, file: string, quarter: string, rates: Rates, errors: number) =>
      `  ${shownName(name)} — ${file} (${quarter}) : ${ratesLine(rates)}${errors > 0 ? `, ${countOf(errors, 'erreur de données', 'erreurs de données')}` : ''}`,
    totalLine: (territories: number, rates: Rates) =>
      `${countOf(territories, 'territoire', 'territoires')} : ${ratesLine(rates)}`,
    rejectedLine: (file: string, reason: string, territory?: string) =>
      `  Écarté : ${leftOutFile(file, territory)} — ${reason}`,
    /**
     * A territory kept whose champs or publics column was emptied in every fiche of an axis sheet: its figures by
     * champ or public miss them; the reason says which sheet and what the territory does.
     */
    planColumnEmptied: (reason: string) => `    ${reason}`,
    duplicateLine: (territory: string, kept: string, dropped: string, reason: string) =>
      `  Doublon de ${shownName(territory)} : ${kept} gardé, ${dropped} non retenu — ${reason}`,
    /** Workbooks made from one for other territories, kept apart: to give each its SIREN. */
    copiesApartLine: (reason: string) => `  Attention\u00a0: ${reason}`,
    /** After the first duplicates: a folder of copies saved again and again would push the territories out of sight. */
    duplicatesMore: (count: number) =>
      `  … et ${countOf(count, 'autre doublon non retenu', 'autres doublons non retenus')} : la feuille ` +
      '« Fichiers écartés » du classeur les donne tous, avec la raison de chaque choix.',
    /**
     * The first territories only: a name many territories use would fill the screen (the workbook lists them all); a
     * name far too long by its start and its length, as every value quoted.
     */
    unmatchedLine: (kind: 'field' | 'public', name: string, territories: string[], where?: UnmatchedWhere) =>
      `  Hors vocabulaire (${kind === 'field' ? 'champ d’intervention' : 'public'}) : ${quotedShort(name)} ` +
      (where
        ? `(${unmatchedPlace(where.place, territories)}) — ` +
          unmatchedAdvice(where.suggestions, 'command-line', shellWord(where.place.file))
        : `(${firstOf(territories)})`),
    /** The names of a kind past the first ones listed: the workbook's sheet of that kind marks them all. */
    unmatchedMore: (kind: 'field' | 'public', count: number) =>
      `  … et ${countOf(count, 'autre nom', 'autres noms')} de ${kind === 'field' ? 'champ d’intervention' : 'public'} ` +
      `hors vocabulaire : la feuille « ${kind === 'field' ? 'Champs d’intervention' : 'Publics'} » du classeur ` +
      `les donne tous (« Oui » dans sa colonne « Hors vocabulaire »).`,
    written: (file: string, backup: Backup | null) =>
      `Classeur ${file} écrit.${backup ? ` L’ancien fichier est gardé sous ${keptAs(backup)}.` : ''}`,
    /** The last line, as the pane's: what was consolidated, left out, and not kept as a copy of a territory. */
    tally: (territories: number, rejected: number, duplicates: number) =>
      `Consolidation terminée : ${countOf(territories, 'territoire')}, ` +
      `${countOf(rejected, 'fichier écarté', 'fichiers écartés')}` +
      `${duplicates > 0 ? `, ${countOf(duplicates, 'doublon non retenu', 'doublons non retenus')}` : ''}.`,
  },
  undo: {
    progress: 'Annulation de la dernière fusion…',
    note: (issue: Issue) => `Note : ${goingOn(issue)}`,
    done: (
      report: {
        mergeAt: string | null;
        files: string[];
        restored: { key: string; field: string }[];
        changedSince: CellLeft[];
        alreadyBefore: CellLeft[];
        contributionsRemoved: number;
      },
      written: { file: string; backup: Backup | null } | null,
    ) =>
      report.mergeAt === null
        ? 'Aucune fusion à annuler : le classeur n’a pas été modifié.'
        : [
            `Fusion du ${frenchDayAndTime(report.mergeAt)} annulée${report.files.length > 0 ? ` (${report.files.join(', ')})` : ''} : ` +
              `${countOf(cellsGivenBack(report.restored).length, 'cellule rétablie', 'cellules rétablies')}, ` +
              `${countOf(report.contributionsRemoved, 'contribution retirée', 'contributions retirées')}.`,
            ...report.changedSince.map(notGivenBack),
            ...report.alreadyBefore.map(nothingToGiveBack),
            ...(written
              ? [
                  `Classeur ${written.file} mis à jour.${written.backup ? ` L’ancien fichier est gardé sous ${keptAs(written.backup)}.` : ''}`,
                ]
              : []),
          ].join('\n'),
  },
};
