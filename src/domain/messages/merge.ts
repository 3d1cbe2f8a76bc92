import { frenchList } from './french-list';
import { headerText, paramText } from './param-text';
import type { IssueCode } from '../issue-codes';
import type { JournalValue } from '../journal';
import type { ConflictReason } from '../merge/cell-decision';
import { sameValue } from '../merge/cell-decision';
import type { MessageParams, MessageTemplate } from './types';
import { agree, countOf } from './plural';
import { frenchDay, frenchNumber } from './numbers';
import { whyNoDate } from './impossible-date';
import { isFormulaText } from './formula-text';
import { frenchFormula } from './french-formula';
import { NUMBER_EXPECTED, numberAloneAdvice } from './number-alone-advice';
import { percentRead, personalDataWords, quoted, valueOf, withInvisiblesShown } from './workbook';
import { shownName } from './shown-cell-value';

/**
 * Messages of a merge of returned rows: each says where in the returned file (sheet, cell), what was not taken and
 * why, and what to do. The master is never changed by what these report.
 */

/** How many keys a message lists (`keys`, the first of them). */
const listedKeys = (p: MessageParams) => (Array.isArray(p.keys) ? p.keys.length : 0);

/** « Axe 1, cellule M5 » (the returned file's sheet and cell), or the sheet alone. */
function where(p: MessageParams): string {
  return p.cell ? `${paramText(p.sheet)}, cellule ${paramText(p.cell)}` : paramText(p.sheet);
}

/** The values a refused row holds, as the merge quotes them (« 2026-T3 : 9 »), in brackets; nothing without any. */
const typedValues = (p: MessageParams) => (paramText(p.values) === '' ? '' : ` (${paramText(p.values)})`);

/**
 * A refused value as the partner typed it: a text with its invisible characters shown by name (« En[espace
 * insécable]cours » is not the list's « En cours »), and the sentence saying so; a number or a date as shown.
 */
function refusedValue(p: MessageParams): { quoted: string; hint: string } {
  const shown = p.typed === 'text' ? withInvisiblesShown(p.value) : paramText(p.value);
  const hint =
    shown === paramText(p.value)
      ? ''
      : ' La valeur contient des caractères invisibles, montrés entre crochets : retapez-la, puis fusionnez à nouveau.';
  return { quoted: quoted(shown), hint };
}

/** « Axe 1 », or « Axe 1 », « Axe 2 » et « Axe 3 »: the sheets a message names, each quoted. */
function sheetsNamed(sheets: readonly string[]): string {
  const each = sheets.map((sheet) => `« ${paramText(sheet)} »`);
  return frenchList(each);
}

/**
 * A copy of axis sheets' table the partner added without `Clé` (`axisSheets`: the sheets its titles are on, none
 * when they name no row): what it copies, what of it the merge takes, where to type what was typed in it.
 */
function keylessCopyText(p: MessageParams): string {
  const sheets = Array.isArray(p.axisSheets) ? p.axisSheets.map(String) : [];
  const copied =
    sheets.length === 0
      ? 'un tableau des feuilles d’axe sans sa colonne « Clé »'
      : sheets.length === 1
        ? `le tableau de la feuille ${sheetsNamed(sheets)} sans sa colonne « Clé »`
        : `le tableau des feuilles ${sheetsNamed(sheets)} sans leur colonne « Clé »`;
  const merged =
    sheets.length === 1
      ? `la feuille ${sheetsNamed(sheets)} de l’extrait, avec ses clés, est fusionnée`
      : `les feuilles ${sheets.length === 0 ? 'd’axe' : sheetsNamed(sheets)} de l’extrait, avec leurs clés, sont fusionnées`;
  const there =
    sheets.length === 0
      ? 'la feuille d’axe de leur ligne elle-même'
      : sheets.length === 1
        ? `la feuille ${sheetsNamed(sheets)} elle-même`
        : `les feuilles ${sheetsNamed(sheets)} elles-mêmes`;
  return (
    `${where(p)} : cette feuille reprend ${copied} (une copie que le partenaire a ajoutée, pour l’imprimer par ` +
    `exemple) : elle n’est pas fusionnée, rien n’en est repris ; ${merged}. Si des valeurs ont été saisies dans cette ` +
    `copie, saisissez-les dans ${there}, puis fusionnez à nouveau (sans remettre de colonne « Clé » dans la copie, ` +
    'dont les clés seraient alors en double).'
  );
}

/**
 * A value typed in a keyless copy that the file's axis sheets do not hold on the row of its title: where that row is
 * and what it holds there (`axisRow` > 0), or that no sheet of the file holds the row with its key (cut from its
 * sheet, `key` the master's when its title names one row).
 */
function keylessCopyValueText(p: MessageParams): string {
  const copy =
    `${where(p)} : cette feuille, une copie sans colonne « Clé » d’un tableau des feuilles d’axe (que le partenaire ` +
    `a ajoutée), porte ${quoted(p.value)} sous « ${headerText(p.header)} » ` +
    (paramText(p.title) === '' ? 'sur une ligne sans intitulé' : `à la ligne ${quoted(p.title)}`);
  const notTaken = 'cette valeur n’est pas reprise, la copie n’étant pas fusionnée';
  const sheet = `la feuille « ${paramText(p.axisSheet)} »`;
  if (Number(p.axisRow) > 0) {
    const there = paramText(p.axisValue) === '' ? 'est vide' : `porte ${quoted(p.axisValue)}`;
    return (
      `${copy}, alors que cette ligne de ${sheet} (ligne ${paramText(p.axisRow)}) y ${there} : ${notTaken}. ` +
      `Si la valeur de la copie est la bonne, saisissez-la dans ${sheet} elle-même, ligne ${paramText(p.axisRow)}, ` +
      'sinon effacez-la de la copie, puis fusionnez à nouveau (sans remettre de colonne « Clé » dans la copie, dont ' +
      'les clés seraient alors en double).'
    );
  }
  if (paramText(p.key) === '' && paramText(p.axisSheet) === '') {
    // Its title names no row (edited in the copy, or one several rows share): where it belongs is not known.
    return (
      `${copy}${paramText(p.title) === '' ? '' : ', un intitulé qu’aucune ligne des feuilles d’axe du fichier ne porte'} : ` +
      `${notTaken}. Si elle n’est pas déjà sur sa ligne dans sa feuille d’axe, saisissez-la sur cette ligne, puis ` +
      'effacez-la de la copie, et fusionnez à nouveau.'
    );
  }
  const key = paramText(p.key) === '' ? '' : ` « ${paramText(p.key)} »`;
  const home = paramText(p.axisSheet) === '' ? 'sa feuille d’axe' : sheet;
  return (
    `${copy}, qu’aucune feuille d’axe du fichier ne porte avec sa clé : ${notTaken}. Remettez cette ligne, avec ` +
    `sa clé${key}, dans ${home}, et la valeur sous « ${headerText(p.header)} », ou renvoyez l’extrait au ` +
    'partenaire pour qu’il le complète à nouveau, puis fusionnez à nouveau.'
  );
}

/** Who merged a range of cells: the partner named, or « le partenaire » when the file does not say yet. */
const mergedBy = (p: MessageParams) => (paramText(p.partner) === '' ? 'le partenaire' : paramText(p.partner));

/** « les cellules A5:A7, que CCMP a fusionnées »: the partner's merged range (`range`) hiding a cell. */
const mergedRange = (p: MessageParams) => `les cellules ${paramText(p.range)}, que ${mergedBy(p)} a fusionnées`;

/** Why a cell under a merged range reads empty. */
const firstValueKept = 'une fusion ne garde que la valeur de sa première cellule';

/**
 * A table without its key column: none of its rows can be placed. `extract`: 1 when the file is an extract;
 * `keysKept`: 1 when a column still holds the keys, only its header lost (`typedHeader`: what the cell holds now);
 * `headerRowMissing`: 1 when the table lost its whole header row, at its first row's key.
 */
function keyColumnMissingText(p: MessageParams): string {
  const extract = Number(p.extract) === 1;
  if (Number(p.keysKept) === 1 && paramText(p.range) !== '')
    return (
      `${where(p)} : cette colonne donne la clé de chaque ligne, mais son en-tête est masqué par ${mergedRange(p)} ` +
      `(${firstValueKept}) : aucune valeur de la feuille « ${paramText(p.sheet)} » n’est reprise. Annulez la ` +
      'fusion de ces cellules, saisissez « Clé » dans cette cellule, puis fusionnez à nouveau.'
    );
  if (Number(p.keysKept) === 1)
    return (
      `${where(p)} : cette colonne donne la clé de chaque ligne, mais son en-tête n’est plus « Clé » ` +
      `(${paramText(p.typedHeader) === '' ? 'vide' : quoted(p.typedHeader)}) : aucune valeur de la feuille ` +
      `« ${paramText(p.sheet)} » n’est reprise. Saisissez « Clé » dans cette cellule, puis fusionnez à nouveau.`
    );
  const nothingTaken = `aucune valeur de la feuille « ${paramText(p.sheet)} » n’est reprise.`;
  if (Number(p.headerRowMissing) === 1)
    return (
      `${where(p)} : le tableau de cette feuille n’a plus sa ligne d’en-têtes (« Clé », « Type », « Intitulé »…), ` +
      `qui dit ce que contient chaque colonne (elle a été supprimée) : ${nothingTaken} ` +
      (extract
        ? 'Insérez au-dessus de cette cellule la ligne d’en-têtes de l’extrait envoyé, ou renvoyez l’extrait au ' +
          'partenaire pour qu’il le complète à nouveau, puis fusionnez à nouveau.'
        : 'Insérez au-dessus de cette cellule la ligne d’en-têtes du suivi, ou envoyez au partenaire un extrait à ' +
          'compléter, puis fusionnez à nouveau.')
    );
  return (
    `${where(p)} : le tableau de cette feuille n’a plus de colonne « Clé », qui donne la clé de chaque ligne (elle a ` +
    `été supprimée) : ${nothingTaken} ` +
    (extract
      ? 'Remettez la colonne « Clé » de l’extrait envoyé en première colonne du tableau, ou renvoyez l’extrait au ' +
        'partenaire pour qu’il le complète à nouveau, puis fusionnez à nouveau.'
      : 'Ajoutez-y une colonne « Clé » qui donne la clé de chaque ligne, celle du classeur de suivi, ou envoyez au ' +
        'partenaire un extrait à compléter, puis fusionnez à nouveau.')
  );
}

/** What to ask of a partner whose merged cells hide what the merge reads. */
const undoMerge = 'Demandez au partenaire d’annuler la fusion de ces cellules, puis fusionnez à nouveau son fichier.';

/** « X et Y »: the columns whose headers a merged range hides. */
function columnsNamed(p: MessageParams): string {
  const columns = Array.isArray(p.columns) ? p.columns.map(String) : [];
  return frenchList(columns);
}

export const mergeMessages = {
  'merge-unknown-key': (p) =>
    `${where(p)} : la clé « ${withInvisiblesShown(p.key)} » n’existe pas dans le classeur de suivi ; la ligne n’est pas reprise${typedValues(p)}. ` +
    (withInvisiblesShown(p.key) === paramText(p.key)
      ? 'Vérifiez que le fichier vient bien de ce classeur, ou saisissez la valeur à la main.'
      : 'La clé contient des caractères invisibles, montrés entre crochets : retapez-la, puis fusionnez à nouveau.'),
  'merge-retired-key': (p) =>
    `${where(p)} : la ligne « ${paramText(p.key)} » a été retirée du plan depuis que l’extrait a été fait ; ses ` +
    `valeurs ne sont pas reprises${typedValues(p)}. Si elles comptent encore, saisissez-les dans la ligne du plan qui la remplace.`,
  // A copy of a sheet (« Axe 1 (2) », often hidden) repeats every key the partner sees once: named, for it to be deleted.
  // A row whose key was retyped over another's (it carries that other key's title) is named, for its key to be given
  // back: keeping « one row per key » would delete it, its values with it.
  'merge-duplicate-key': (p) =>
    `${where(p)} : la clé « ${paramText(p.key)} » apparaît sur ${paramText(p.count)} lignes du fichier` +
    (p.retypedKey !== undefined
      ? ` ; aucune n’est reprise. La ligne de la cellule ${paramText(p.retypedCell)} porte l’intitulé de ` +
        `« ${paramText(p.retypedKey)} » : sa clé a sans doute été retapée ; remettez-lui « ${paramText(p.retypedKey)} » ` +
        '(ne supprimez aucune de ces lignes), puis fusionnez à nouveau.'
      : p.otherSheet === undefined
        ? ` ; aucune n’est reprise. Gardez une seule ligne par clé, puis fusionnez à nouveau.`
        : `, dont une dans la feuille « ${paramText(p.otherSheet)} »${Number(p.otherSheetHidden) === 1 ? ' (masquée)' : ''} ; ` +
          'aucune n’est reprise. Gardez une seule ligne par clé (supprimez la feuille en trop si c’est une copie), puis ' +
          'fusionnez à nouveau.'),
  'merge-key-changed': (p) =>
    `${where(p)} : la ligne de clé « ${paramText(p.key)} » porte l’intitulé de « ${paramText(p.other)} » ; la clé a sans ` +
    `doute été modifiée. Rien de cette ligne n’est repris : remettez-lui la clé ${quoted(p.other)}, celle de son ` +
    'intitulé, puis fusionnez à nouveau.',
  'merge-plan-cell-edited': (p) =>
    `${where(p)} : la colonne « ${headerText(p.header)} » vient du plan et a été ` +
    (paramText(p.value) === '' ? 'vidée' : `modifiée (${quoted(p.value)})`) +
    ' ; cette cellule n’est pas reprise, les autres valeurs de la ligne le sont. Le plan se modifie par une ' +
    'régénération depuis la convention.',
  'merge-reserved-cell': (p) =>
    `${where(p)} : la colonne « ${headerText(p.header)} » est réservée au coordinateur ; la valeur ${quoted(p.value)} ` +
    'n’est pas reprise. Saisissez-la dans le classeur de suivi si elle est juste.',
  'merge-formula': (p) =>
    `${where(p)} : la cellule contient une formule (${shownName(`=${frenchFormula(paramText(p.formula))}`)}) ; elle n’est pas reprise. Demandez au ` +
    'partenaire d’y saisir la valeur elle-même.',
  // Kept, since it is the same number; the partner likely typed 50 % for 50, which only they can say.
  'merge-percent-kept': (p) => {
    const percent = percentRead(p);
    return (
      `${where(p)} : ${valueOf(p)} est au format pourcentage (${percent.shows}) : elle est lue telle qu’elle est ` +
      `enregistrée, ${percent.read}, ${p.sent === 1 ? 'la valeur envoyée' : 'celle du classeur de suivi'}, et ne change ` +
      `rien au classeur de suivi. Si le partenaire voulait dire ${percent.meant}, vérifiez-le avec lui et saisissez ` +
      `${percent.meant} dans le classeur de suivi.`
    );
  },
  'merge-wrong-value': (p) =>
    p.read === 'impossibleDate'
      ? `${where(p)} : ${quoted(p.value)}, dans « ${headerText(p.header)} », n’est pas une date : ${whyNoDate(p)} ; il ` +
        'n’est pas repris. Demandez au partenaire la date voulue, un jour qui existe, puis saisissez-la dans le classeur ' +
        // Retyped in the partner's cell formatted as Text, the day would stay text: a second merge, a second refusal.
        'de suivi, ou fusionnez à nouveau son fichier corrigé, la cellule mise au format Date (au format Texte, la date ' +
        'saisie resterait du texte).'
      : p.read === 'text'
        ? `${where(p)} : ${quoted(p.value)} est un texte, pas une date, dans « ${headerText(p.header)} » : le tableur ne ` +
          'l’a pas lu comme une date (cellule au format Texte, ou date tapée après une apostrophe) ; il n’est pas repris. ' +
          'Mettez la cellule au format Date, puis retapez la date (par exemple 15/03/2026).'
        : `${where(p)} : ${refusedValue(p).quoted} n’est pas une valeur possible pour « ${headerText(p.header)} » ` +
          `(${paramText(p.expected)}) ; elle n’est pas reprise.${refusedValue(p).hint}` +
          (p.typed === 'text' && isFormulaText(p.value)
            ? ' C’est une formule enregistrée comme texte (cellule au format Texte), que le tableur ne calcule pas : ' +
              'demandez au partenaire d’y saisir son résultat.'
            : // A number with its unit (« 12 enfants ») where a number alone goes: what to type, as validation says.
              p.typed === 'text' && paramText(p.expected) === NUMBER_EXPECTED
              ? numberAloneAdvice(p.value)
              : // A number the cell's percent format shows so (7 as « 700 % »): typed again there, it would again be.
                p.read === 'percentFormat'
                ? ' La cellule est au format pourcentage : donnez-lui un format de nombre (Format de cellule > ' +
                  'Nombre), puis retapez la valeur, sans le signe %.'
                : ''),
  'merge-quarter-not-open': (p) =>
    `${where(p)} : une valeur (${quoted(p.value)}) a été saisie pour ${paramText(p.quarter)}, trimestre que ` +
    `le suivi n’ouvre pas encore à ce partenaire (jusqu’à ${paramText(p.upTo)}) ; elle n’est pas reprise.`,
  'merge-personal-data': (p) =>
    `${where(p)} : le texte de « ${headerText(p.header)} » semble contenir ${personalDataWords(p.kinds)}. Le suivi ne doit ` +
    'contenir aucune donnée personnelle : effacez-la du classeur de suivi.',
  'merge-personal-data-refused': (p, surface) =>
    `${where(p)} : le texte de « ${headerText(p.header)} » contient ${personalDataWords(p.kinds)} ; il n’est pas repris` +
    (surface === 'task-pane' ? '.' : ' (option --refuse-personal-data).'),
  'merge-other-territory': (p) =>
    `Le fichier est celui du territoire « ${paramText(p.territory)} », pas de « ${paramText(p.expected)} » : rien ` +
    'n’en est repris.',
  // A territory's conventions follow one another, often with the same refs: the previous one's file is none of this one's.
  'merge-other-convention': (p, surface) =>
    `Le fichier est celui de la convention du ${frenchDay(paramText(p.start))} au ${frenchDay(paramText(p.end))} du ` +
    `territoire, pas de celle du classeur de suivi (du ${frenchDay(paramText(p.expectedStart))} au ` +
    `${frenchDay(paramText(p.expectedEnd))}) : rien n’en est repris. Fusionnez-le dans le classeur de suivi de cette ` +
    `convention-là ; pour celle-ci, envoyez au partenaire un extrait du classeur de suivi ` +
    (surface === 'task-pane' ? '(« Préparer les extraits »).' : '(npx ctg-suivi extract).'),
  // The master knows no such recipient: the officer took it out of its fiches since the extract, or `_ctg` was retyped.
  'merge-recipient-unknown': (p) =>
    `Le fichier dit être l’extrait de « ${paramText(p.partner)} », que le classeur de suivi ne connaît pas (ni porteur, ni ` +
    'commune, ni partenaire d’une fiche) : rien n’en est repris. Si ce destinataire a été retiré des fiches depuis ' +
    'l’extrait, remettez son nom dans la colonne « Partenaires » de ses fiches, puis fusionnez à nouveau. Sinon, ' +
    'l’onglet caché « _ctg » du fichier a sans doute été modifié : demandez au partenaire le fichier tel que ' +
    'l’extrait le lui a donné, ou faites-lui un nouvel extrait.',
  // A name typed for a file without `_ctg` that no fiche goes to: a slip of the name, or a partner the fiches lack.
  'merge-partner-not-recipient': (p, surface) => {
    const count = Number(p.count);
    const listed = Array.isArray(p.recipients) ? p.recipients.length : 0;
    const names =
      paramText(p.recipients) + (count > listed ? `, et ${countOf(count - listed, 'autre', 'autres')}` : '');
    return (
      `« ${paramText(p.partner)} » n’est aucun des destinataires du classeur de suivi` +
      `${surface === 'task-pane' ? '' : ' (--partenaire)'} : aucune fiche ne va à ce nom, rien n’en est repris. ` +
      `Vérifiez son orthographe (destinataires : ${names}) ; s’il s’agit d’un nouveau partenaire, ajoutez-le à la ` +
      'colonne « Partenaires » de ses fiches, puis fusionnez à nouveau.'
    );
  },
  // The command line's --partenaire names the partner of every file; the pane asks it only for files that do not say.
  'merge-partner-contradicted': (p, surface) =>
    `Le fichier est l’extrait fait pour « ${paramText(p.partner)} », pas pour « ${paramText(p.typed)} »` +
    `${surface === 'task-pane' ? '' : ' (--partenaire)'} : rien n’en est repris. ` +
    (surface === 'task-pane'
      ? 'Fusionnez-le sans nommer de partenaire pour le reprendre au nom de son destinataire.'
      : 'Fusionnez-le sans --partenaire pour le reprendre au nom de son destinataire.'),
  'merge-closed-quarter': (p, surface) => {
    const quarter = paramText(p.quarter);
    const stands =
      Number(p.undone) === 1
        ? `Le trimestre ${quarter} a été clôturé depuis cette fusion : « Historique » garde les valeurs qu’elle avait ` +
          'apportées, et le bilan de sa période les reprendra.'
        : `Le trimestre ${quarter} est déjà clôturé : « Historique » garde l’état de sa clôture, sans les valeurs ` +
          'reprises ici, et le bilan de sa période ne les verra pas.';
    const back =
      paramText(p.current) !== paramText(p.next)
        ? `, puis remettez ${paramText(p.current)} comme trimestre en cours`
        : '';
    // Where the current quarter is chosen: the pane's field, and on the command line its option too, on the workbook
    // the command line names (`workbook`, as a shell word), so that the command can be typed as it is written.
    const workbook = p.workbook === undefined ? 'suivi.xlsx' : paramText(p.workbook);
    const how =
      surface === 'task-pane'
        ? '(champ « Trimestre en cours » du volet)'
        : `(« npx ctg-suivi compute ${workbook} --quarter ${quarter} », ou le champ « Trimestre en cours » du volet)`;
    return (
      `${stands} Pour mettre « Historique » à jour, remettez ${quarter} comme trimestre en cours ${how} ` +
      `et clôturez-le à nouveau${back} : la nouvelle clôture remplace l’ancienne, chaque ` +
      'changement noté dans le Journal.'
    );
  },
  'merge-sent-rows-missing': (p) => {
    const count = Number(p.count);
    const keys = paramText(p.keys) + (count > listedKeys(p) ? `, et ${count - listedKeys(p)} autres` : '');
    return (
      `${countOf(count, 'ligne envoyée', 'lignes envoyées')} dans l’extrait ${agree(count, 'n’est', 'ne sont')} plus dans le fichier renvoyé ` +
      `(${keys}) : rien n’en est repris. Si le partenaire a supprimé ${agree(count, 'cette ligne', 'ces lignes')}, la colonne ` +
      `« Clé » ou ${agree(count, 'sa', 'leur')} feuille, ou renommé celle-ci, demandez-lui de ${agree(count, 'la', 'les')} rétablir.`
    );
  },
  'merge-sent-columns-missing': (p) => {
    const count = Number(p.count);
    const keys = paramText(p.keys) + (count > listedKeys(p) ? `, et ${count - listedKeys(p)} autres` : '');
    return (
      `${paramText(p.sheet)} : la colonne « ${headerText(p.header)} », envoyée avec des valeurs dans l’extrait (${keys}), n’est plus ` +
      'dans le fichier renvoyé : rien n’en est repris et le classeur garde ses valeurs. Si le partenaire l’a supprimée, ' +
      'demandez-lui de la rétablir.'
    );
  },
  'merge-plan-changed': () =>
    'Le plan a changé depuis que cet extrait a été fait : chaque ligne est reprise par sa clé, et celles que le ' +
    'plan n’a plus sont signalées.',
  'merge-without-extract': () =>
    'Ce fichier n’est pas un extrait fait par l’outil pour un partenaire : ses lignes sont lues par leur clé et ' +
    'les en-têtes de colonnes, pour le partenaire indiqué. Vérifiez-le.',
  'merge-partner-unknown': (p, surface) =>
    (p.sheet ? `La feuille « ${paramText(p.sheet)} » ne dit pas` : 'Le fichier n’indique pas') +
    ' de quel partenaire viennent ses valeurs : ' +
    (surface === 'task-pane' ? 'indiquez-le dans le volet' : 'donnez-le (--partenaire NOM, ou dans le volet)') +
    ', puis fusionnez à nouveau. Rien n’en est repris.',
  // `extract`: 1 when the file has an extract's `_ctg` (its tables deleted), 0 for another workbook.
  'merge-no-rows': (p) =>
    p.sheet
      ? `La feuille « ${paramText(p.sheet)} » ne contient aucun tableau avec une colonne « Clé » : rien n’en est repris.`
      : Number(p.extract) === 1 && p.renamedAs
        ? 'Le fichier est un extrait, mais ne contient plus aucun tableau avec une colonne « Clé » sous un nom que la ' +
          `fusion lit : la feuille « ${paramText(p.renamedAs)} », du nom d’une feuille de l’outil que la fusion ne lit ` +
          `jamais, en tient un, sans doute la feuille « ${paramText(p.axisSheet)} » de l’extrait renommée. Rendez-lui ` +
          'ce nom, puis fusionnez à nouveau : rien n’en est repris d’ici là.'
        : Number(p.extract) === 1
          ? 'Le fichier est un extrait, mais ne contient plus aucun tableau avec une colonne « Clé » (ses feuilles ' +
            'd’axe ont sans doute été supprimées) : rien n’en est repris. Demandez au partenaire le fichier tel que ' +
            'l’extrait le lui a donné, avec ses valeurs.'
          : 'Le fichier n’est pas un extrait de l’outil et ne contient aucun tableau avec une colonne « Clé » : ' +
            'rien n’en est repris. Vérifiez que c’est bien le fichier renvoyé par le partenaire (son extrait, ou un ' +
            'tableau dont une colonne « Clé » donne la clé de chaque ligne).',
  'merge-key-column-missing': (p) => keyColumnMissingText(p),
  // A sheet the partner added beside the extract's own, a copy of their table without `Clé` (made to print).
  'merge-keyless-copy-not-read': (p) => keylessCopyText(p),
  // A value such a copy holds that its axis sheets do not: lost with the copy, so refused.
  'merge-keyless-copy-value': (p) => keylessCopyValueText(p),
  'merge-column-duplicate': (p) =>
    `${where(p)} : la colonne « ${headerText(p.header)} » est en double : seule la première est lue, les valeurs de ` +
    'celle-ci ne sont pas reprises. Recopiez-les dans la première, puis supprimez celle-ci.',
  // A header retyped a letter or two off: read as no column of the tracking, its values would be passed over.
  'merge-column-renamed': (p) =>
    `${where(p)} : l’en-tête « ${headerText(p.header)} » a sans doute été retapé : c’est celui de la colonne ` +
    `« ${headerText(p.column)} » du suivi, dont ${countOf(Number(p.count), 'valeur')} ` +
    `${agree(Number(p.count), 'n’est pas reprise', 'ne sont pas reprises')}. Remettez « ${headerText(p.column)} » dans cette ` +
    'cellule, puis fusionnez à nouveau.',
  // A column the partner added to the table: unlike a master, whose rewrite keeps such a column, the merge takes
  // nothing of it, so what it holds is counted (`count`) for the officer to ask the partner (`partner`).
  'merge-column-ignored': (p) => {
    const count = Number(p.count ?? 0);
    const column =
      `${where(p)} : la colonne « ${headerText(p.header)} » n’est pas une colonne du suivi : la fusion ne la ` +
      'reprend pas';
    if (count === 0) return `${column} ; elle est vide, rien n’est perdu.`;
    const values = agree(count, 'cette valeur', 'ces valeurs');
    return (
      `${column}, et ${agree(count, 'sa valeur', `ses ${frenchNumber(count)} valeurs`)} ne ` +
      `${agree(count, 'sera', 'seront')} pas dans le classeur de suivi. Ce que le partenaire veut faire lire se saisit ` +
      'dans la colonne « Commentaire » de la ligne (« Mise en œuvre » ou « Difficultés » pour une fiche) : demandez à ' +
      `« ${paramText(p.partner)} » ce que ${agree(count, 'dit', 'disent')} ${values} et, s’il le faut, de ` +
      `${agree(count, 'l’y', 'les y')} reporter.`
    );
  },
  // A sheet the partner added (remarks, a table of its own): nothing of it is read, and nothing else would say it is there.
  'merge-sheet-not-read': (p) =>
    `${where(p)} : cette feuille n’a pas de colonne « Clé » et n’est pas lue : rien n’en est repris. Elle commence ` +
    `par ${quoted(p.value)}. Lisez-la : le partenaire y a peut-être écrit des remarques ou des valeurs à reporter dans le ` +
    'classeur de suivi.',
  // A remark typed beside a row: no column places it, and nothing else would say it was there.
  'merge-cell-without-header': (p) =>
    `${where(p)} : la valeur ${quoted(p.value)} est saisie ` +
    (Number(p.above) === 1
      ? 'au-dessus du tableau, hors de ses lignes'
      : 'dans une colonne sans en-tête, qui n’est pas une colonne du suivi') +
    ' : elle n’est pas reprise. Si elle doit l’être, saisissez-la dans la colonne du suivi qui convient ' +
    '(« Commentaire », « Difficultés »…), puis fusionnez à nouveau.',
  // A partner explains a figure in a note as often as in « Commentaire »: a merge takes cell values only.
  'merge-cell-note': (p) =>
    `${where(p)} : une note est attachée à cette cellule (${quoted(p.value)}) ; les notes ne sont pas reprises. ` +
    'Si elle compte, reportez-la dans la colonne du suivi qui convient (« Commentaire », « Difficultés »…) du classeur de suivi.',
  'merge-value-in-computed-cell': (p) =>
    `${where(p)} : la valeur ${quoted(p.value)} est saisie sur « ${headerText(p.header)} », un taux calculé par l’outil : ` +
    'elle n’est pas reprise (le taux est recalculé à partir des valeurs du trimestre).',
  'merge-cell-not-used': (p) =>
    `${where(p)} : la colonne « ${headerText(p.header)} » ne concerne pas la ligne ${paramText(p.key)} (cellule grise) ; la ` +
    `valeur ${quoted(p.value)} n’est pas reprise. Vérifiez la ligne où le partenaire voulait la saisir.`,
  'merge-row-without-key': (p) =>
    paramText(p.range) === ''
      ? `${where(p)} : cette ligne contient des valeurs mais pas de clé (une ligne ajoutée, ou sa clé effacée) ; ` +
        'elles ne sont pas reprises. Saisissez-les dans la ligne de la fiche ou du critère, puis fusionnez à nouveau.'
      : `${where(p)} : la clé de cette ligne est masquée par ${mergedRange(p)} (${firstValueKept}) : les ` +
        `valeurs de la ligne ne sont pas reprises, et le classeur garde les siennes. ${undoMerge}`,
  // A cell the partner never fills, hidden under cells they merged: read empty, never taken, nothing lost.
  'merge-merged-cell': (p) =>
    `${where(p)} : ${mergedBy(p)} a fusionné les cellules ${paramText(p.range)}, qui masquent cette cellule de la ` +
    `colonne « ${headerText(p.header)} » : elle est lue vide, mais cette colonne n’est pas de celles que remplissent ` +
    'les partenaires ; rien n’en est repris et le classeur garde sa valeur.',
  'merge-merged-header': (p) => {
    const count = Number(p.count);
    const several = Array.isArray(p.columns) && p.columns.length > 1;
    return (
      `${where(p)} : ${mergedBy(p)} a fusionné les cellules ${paramText(p.range)} de la ligne des en-têtes, qui ` +
      (several
        ? `masquent les en-têtes des colonnes ${columnsNamed(p)} : ces colonnes ne sont pas lues`
        : `masquent l’en-tête de la colonne ${columnsNamed(p)} : cette colonne n’est pas lue`) +
      // What the columns hold, the extract's own values among them: never said as typed by the partner.
      `, et ${count > 1 ? `les ${countOf(count, 'valeur')}` : 'la valeur'} ` +
      `qu’${several ? 'elles contiennent' : 'elle contient'} ` +
      `${agree(count, 'n’est pas reprise', 'ne sont pas reprises')} ; le classeur garde les siennes. ${undoMerge}`
    );
  },
  'merge-row-not-sent': (p) =>
    `${where(p)} : la ligne ${paramText(p.key)} n’était pas dans l’extrait envoyé à ${paramText(p.partner)} ; elle n’est ` +
    'pas reprise. Envoyez-lui un extrait à jour si cette fiche le concerne.',
  'merge-row-not-partner': (p) =>
    `${where(p)} : la fiche ${paramText(p.fiche)} ne va pas à « ${paramText(p.partner)} » (ni sa colonne « Partenaires », ni ` +
    'ses porteurs et territoires ne le désignent) ; la ligne n’est pas reprise. Si c’est bien son action, ajoutez-le ' +
    'dans « Partenaires » de la fiche, puis fusionnez à nouveau.',
  // A copy of a returned file under another name (same bytes): merged once, under the first name given.
  'merge-same-file': (p) =>
    `« ${paramText(p.file)} » est le même fichier que « ${paramText(p.sameAs)} » (contenu identique, octet pour ` +
    `octet) : il n’est fusionné qu’une fois, sous le nom « ${paramText(p.sameAs)} », et rien n’en est repris ni ` +
    'refusé deux fois.',
  // `take`: `KEY:COLUMN` or `KEY:COLUMN:FILE`, as the command line's --take gives it, or as the pane makes it of a
  // conflict chosen. `filesButForCase`: the returned files whose names differ from its file only by case, when several
  // do (none of them taken).
  'merge-take-unused': (p, surface) =>
    surface === 'task-pane'
      ? `La valeur renvoyée choisie pour la ligne ${paramText(p.take).split(':')[0]} ne correspond plus à aucun conflit ` +
        'de cette fusion : elle n’est pas prise. Le classeur a sans doute changé depuis l’aperçu : cliquez à nouveau ' +
        'sur « Voir les changements », puis refaites vos choix.'
      : `--take ${paramText(p.take)} ne correspond à aucun conflit de cette fusion : il n’a rien pris. ` +
        takeUnusedHint(p),
} satisfies Record<Extract<IssueCode, `merge-${string}`>, MessageTemplate>;

/**
 * What to check of a --take that took nothing: the name its file was merged under when it names a byte-identical copy,
 * its file's exact spelling when only case tells the returns apart.
 */
function takeUnusedHint(p: MessageParams): string {
  const parts = paramText(p.take).split(':');
  if (p.mergedAs !== undefined) {
    const example = [...parts.slice(0, 2), paramText(p.mergedAs)].join(':');
    return (
      `« ${paramText(p.copy)} » est une copie de « ${paramText(p.mergedAs)} », fusionnée sous ce nom : ` +
      `nommez-le dans --take (par exemple --take "${example}").`
    );
  }
  if (Array.isArray(p.filesButForCase) && p.filesButForCase.length > 1) {
    const example = [...parts.slice(0, 2), String(p.filesButForCase[0])].join(':');
    return (
      `Plusieurs fichiers renvoyés portent ce nom aux majuscules près (${paramText(p.filesButForCase)}) : écrivez-le ` +
      `avec les majuscules de celui dont la valeur est à prendre (par exemple --take "${example}").`
    );
  }
  return parts.length > 2
    ? 'Vérifiez la clé, la colonne et le nom du fichier renvoyé (par exemple --take "G1-QN1:2026-T3:retour.xlsx").'
    : 'Vérifiez la clé et la colonne (par exemple --take "G1-QN1:2026-T3").';
}

/**
 * Why a returned value is held as a conflict, and what taking it would give, for the command line's line and the
 * pane's item alike (values shown by `shown`, each interface its own way): a cell fed by several partners holds their
 * aggregate, so the value taken is not what the cell shows; another cell holds the last value taken, whose partner
 * is named (`masterGivenBy`).
 */
export function conflictExplanation(
  conflict: {
    reason: ConflictReason;
    partner: string;
    previous: JournalValue | null;
    incoming: JournalValue;
    result: JournalValue;
    othersGiven?: readonly { partner: string; value: JournalValue }[];
    masterGivenBy?: string | null;
    /** The other returned files' values for the cell, when files of the merge contest it (`MergeConflict.rivals`). */
    rivals?: readonly { source: string; value: JournalValue }[];
    /** The partner's merged range hiding the returned cell, which then reads empty (`MergeConflict.mergedRange`). */
    mergedRange?: string | null;
    returned?: { sheet: string; cell: string };
  },
  shown: (value: JournalValue) => string,
  /** The other files' values are listed beside (the pane's line of the values for the cell): not named here again. */
  rivalsListedApart = false,
): string {
  const { partner, previous, mergedRange: range, returned } = conflict;
  const given = (conflict.othersGiven ?? []).map((other) => `${other.partner} avait donné ${shown(other.value)}`);
  const rivals = (conflict.rivals ?? []).map((rival) => `${shown(rival.value)} (${rival.source})`);
  const rivalsSaid =
    (rivals.length > 1
      ? 'd’autres fichiers renvoyés de cette fusion donnent d’autres valeurs'
      : 'un autre fichier renvoyé de cette fusion donne une autre valeur') +
    (rivalsListedApart ? '' : ` : ${rivals.join(', ')}`);
  const why =
    conflict.reason === 'returns-differ'
      ? rivalsSaid
      : conflict.reason === 'master-emptied'
        ? `la cellule a été vidée dans le classeur alors que ${given.join(' et ')}`
        : conflict.reason === 'emptied'
          ? `${partner} a vidé cette cellule`
          : conflict.reason === 'own-changed'
            ? previous === null || previous.type === 'empty'
              ? `${partner} avait vidé cette cellule`
              : `${partner} avait donné ${shown(previous)}`
            : conflict.masterGivenBy
              ? `le classeur a déjà la valeur donnée par ${conflict.masterGivenBy}`
              : 'le classeur a déjà une autre valeur';
  // A place other files of the merge give other values: said whatever the reason, each file weighed alone.
  const whyAll = conflict.reason !== 'returns-differ' && rivals.length > 0 ? `${why} ; ${rivalsSaid}` : why;
  // Read empty under cells the partner merged: the partner did not empty it, the merge hid it.
  const told =
    range && returned && conflict.incoming.type === 'empty'
      ? `${partner} a fusionné les cellules ${range} de la feuille ${quoted(returned.sheet)} du fichier renvoyé, où ` +
        `${returned.cell}, masquée par la fusion, est vide (${firstValueKept}) ; gardez la valeur du classeur, ` +
        `sauf si ${partner} confirme vouloir la vider`
      : whyAll;
  if (sameValue(conflict.result, conflict.incoming)) return told;
  return `${told} ; prise, la valeur renvoyée donnerait ${shown(conflict.result)} avec celles des autres partenaires`;
}
