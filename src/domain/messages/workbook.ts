import { headerText, paramText } from './param-text';
import { quotedShort } from './shown-cell-value';
import type { IssueCode } from '../issue-codes';
import { frenchDay, frenchNumber, frenchPercent } from './numbers';
import { whyNoDate } from './impossible-date';
import { outsideVocabularyWarning, regenerationHow, workbookNamed } from './consolidation-unmatched';
import { isFormulaText } from './formula-text';
import { frenchFormula } from './french-formula';
import { numberAloneAdvice } from './number-alone-advice';
import { agree, countOf } from './plural';
import { editorOnly } from './editor-only';
import type { MessageParams, MessageSurface, MessageTemplate } from './types';
import type { PersonalDataKind } from '../personal-data';
import { ERASED_PERSONAL_DATA } from '../personal-data-erasure';
import { UNREAD_FORMULA } from '../grid';
import { hasOtherMinus, isDotAmbiguousNumberText, NUMBER_BOUND, numberOfText } from '../tracking-values';

/**
 * Messages of the tracking workbook's validation (src/domain/validation). Each says where (from the issue's
 * sheet and cell, passed in the params by `renderIssueMessage`) and what to do.
 */

/**
 * A consolidation or a bilan given where a tracking workbook is expected (`not-a-tracking-workbook` with `madeAs`):
 * what it is and which workbook to give instead, rather than a missing sheet to look for.
 */
function toolOutputGiven(madeAs: MessageParams[string], surface: MessageSurface): string | null {
  const give = surface === 'task-pane' ? 'ouvrez' : 'donnez';
  if (madeAs === 'consolidation') {
    const written = surface === 'task-pane' ? '' : ' (écrit par « ctg-suivi consolidate » ou par le volet)';
    return (
      `Ce classeur est un classeur de consolidation${written}, pas un classeur de suivi CTG : ` +
      `${give} à la place le classeur de suivi d’un territoire.`
    );
  }
  if (madeAs === 'bilan') {
    const written = surface === 'task-pane' ? '' : ' (écrit par « ctg-suivi bilan » ou par le volet)';
    return (
      `Ce classeur est un bilan${written}, pas un classeur de suivi CTG : ` +
      `${give} à la place le classeur de suivi dont il est tiré.`
    );
  }
  return null;
}

/** A param quoted in a message: a long text by its start and its length (`quotedShort`), as a cell's value may be. */
export function quoted(value: MessageParams[string]): string {
  return quotedShort(paramText(value));
}

export function quotedList(value: MessageParams[string]): string {
  return Array.isArray(value) ? value.map((item) => quoted(item)).join(', ') : quoted(value);
}

/** `Axe 3, cellule L12 : `, `Axe 3 (clé G1) : `, `Axe 3 : ` or nothing. */
export function where(p: MessageParams): string {
  const sheet = paramText(p.sheet);
  if (sheet === '') return '';
  if (p.cell) return `${sheet}, cellule ${paramText(p.cell)} : `;
  if (p.rowKey) return `${sheet} (clé ${paramText(p.rowKey)}) : `;
  return `${sheet} : `;
}

/** « (colonne « 2026-T2 ») » after a cell, or nothing when its column has no header. */
const ofColumn = (header: MessageParams[string]): string =>
  paramText(header) === '' ? '' : ` (colonne ${quoted(headerText(header))})`;

/** How to undo a merge of cells, in Excel's words (LibreOffice's menu is alike). */
const UNMERGE = 'Défusionnez ces cellules (« Fusionner et centrer », onglet Accueil)';

/**
 * A merged range of an axis table (`merged-cells`), by `reason`: what the cell it hides (`hidden`) is to the table,
 * then, for a value, what the range shows and where it is read.
 */
function mergedCellsMessage(p: MessageParams): string {
  const range = paramText(p.range);
  const hidden = `${paramText(p.hidden)}${ofColumn(p.header)}`;
  const merged = `${where(p)}les cellules ${range} sont fusionnées`;
  const unchanged = ' ; le classeur n’est pas réécrit d’ici là.';
  if (p.reason === 'header')
    return (
      `${merged} sur la ligne des en-têtes, et ${hidden} y est masquée par la fusion : l’outil trouve chaque ` +
      `colonne par l’en-tête écrit dans sa propre cellule. ${UNMERGE} et vérifiez que chaque colonne a son en-tête` +
      unchanged
    );
  const value = paramText(p.value);
  if (p.reason === 'key')
    return (
      `${merged}, et ${hidden}, masquée par la fusion, ` +
      (value === '' ? 'est lue vide' : `contient ${quoted(value)} sans que personne la voie`) +
      ' : la clé et le type de chaque ligne disent à l’outil quelle fiche ou quel critère elle suit. ' +
      `${UNMERGE} et vérifiez que chaque ligne a sa clé et son type, sans les modifier${unchanged}`
    );
  const first = paramText(p.shown);
  const shownOver =
    first === ''
      ? ''
      : ` La valeur ${quoted(first)}, affichée sur toute la plage, n’est lue que dans ${paramText(p.cell)}` +
        `${ofColumn(p.firstHeader)}.`;
  if (p.reason === 'value')
    return (
      `${merged}, et ${hidden}, masquée par la fusion, contient ${quoted(value)} : l’outil lit cette valeur, ` +
      `que personne ne voit.${shownOver} ${UNMERGE}, puis gardez ou effacez chaque valeur qu’elles font ` +
      `réapparaître, chacune dans la cellule de sa colonne${unchanged}`
    );
  if (p.reason === 'rate')
    return (
      `${merged}, et ${hidden}, un taux calculé par l’outil, est masquée par la fusion : le calcul y écrirait un ` +
      `taux que personne ne verrait. ${UNMERGE}${unchanged}`
    );
  return (
    `${merged}, et ${hidden}, masquée par la fusion, est lue vide et ne peut pas être remplie.${shownOver} ` +
    `${UNMERGE}, puis saisissez chaque valeur dans la cellule de sa colonne${unchanged}`
  );
}

/**
 * What rewrites the workbook and so tidies it (the tools' texts put back, personal data erased from the records):
 * « Calculer » in the pane; the command line names its command too, which its user may run instead.
 */
export const rewriteByCompute = (surface: MessageSurface) =>
  surface === 'task-pane' ? '« Calculer »' : '« Calculer », « npx ctg-suivi compute »';

/** The words of each kind of personal data (src/domain/personal-data.ts); the merge's messages say them too. */
export const personalDataKinds: Record<PersonalDataKind, string> = {
  email: 'une adresse électronique',
  phone: 'un numéro de téléphone',
  socialSecurityNumber: 'un numéro de sécurité sociale',
  iban: 'un IBAN',
};

/** `['email', 'iban']` → « une adresse électronique et un IBAN ». */
export function personalDataWords(kinds: MessageParams[string]): string {
  const list = Array.isArray(kinds) ? kinds.map(String) : [];
  return (
    list.map((kind) => personalDataKinds[kind as PersonalDataKind] ?? kind).join(' et ') || 'une donnée personnelle'
  );
}

const INVISIBLE_NAMES: Record<string, string> = {
  '\u00a0': 'espace insécable',
  '\u202f': 'espace fine insécable',
  '\t': 'tabulation',
  '\n': 'retour à la ligne',
  '\r': 'retour à la ligne',
  '\u200b': 'espace de largeur nulle',
  '\ufeff': 'espace de largeur nulle',
};

/**
 * A refused text with its invisible characters shown (`En[espace insécable]cours`): white space other than the
 * plain space, which a list compares as a different character and which the person cannot see in the cell.
 */
export function withInvisiblesShown(value: MessageParams[string]): string {
  return paramText(value).replace(
    /[^\S ]|[\u200b\ufeff]/g,
    (char) => `[${INVISIBLE_NAMES[char] ?? 'espace spéciale'}]`,
  );
}

/**
 * The refused list value quoted, and when a text holds invisible characters, a sentence saying what they are. A
 * number or a date (`typed` other than `text`) is quoted as French Excel shows it, its thousands' no-break space
 * being the formatter's, not the person's.
 */
export function listValueShown(
  value: MessageParams[string],
  typed: MessageParams[string],
): { quoted: string; hint: string } {
  const text = paramText(value);
  const shown = typed === undefined || typed === 'text' ? withInvisiblesShown(value) : text;
  const hint =
    shown === text
      ? ''
      : ' La valeur contient des caractères invisibles, montrés entre crochets\u00a0: retapez-la ou choisissez-la ' +
        'dans la liste.';
  return { quoted: quoted(shown), hint };
}

/**
 * What to do with a number typed as text: converted as it is, a percentage text (« 85 % ») would become 0,85 in a
 * percentage format, which is read as it is stored, so it is retyped without its sign instead; « 1.500 », a thousands
 * dot or a decimal point, is retyped without the dot, as the merge asks (it refuses it).
 */
function numberAsTextAdvice(p: MessageParams, convert: string): string {
  if (paramText(p.value).includes('%')) return 'Retapez le nombre sans le signe\u00a0%\u00a0: 85 et non 85\u00a0%.';
  const minus = hasOtherMinus(paramText(p.value)) ? numberOfText(paramText(p.value)) : null;
  if (minus !== null) return `Retapez le nombre avec le signe moins du clavier : ${frenchNumber(minus)}.`;
  if (isDotAmbiguousNumberText(paramText(p.value)))
    return `Retapez le nombre sans point\u00a0: ${frenchNumber(1500)} pour mille cinq cents, ${frenchNumber(1.5)} pour un et demi.`;
  return convert;
}

/**
 * What to do with such a text where a number is expected: type what the formula would give, in a cell formatted as
 * a number first, or it would be a number stored as text in turn.
 */
const FORMULA_TEXT_ADVICE =
  'C’est une formule enregistrée comme texte (cellule au format Texte, ou formule tapée après une apostrophe) : le ' +
  'tableur ne la calcule pas. Remettez le format Nombre à la cellule, puis saisissez son résultat, le nombre lui-même.';

/**
 * What to do with a quarter's value that is no number: a dash apart from its number (« – 5 ») typed as a minus sign, or
 * taken out; a boolean retyped (nothing to say); a formula typed as text replaced by its result; a number with its
 * unit or a word typed alone, the rest moved to « Commentaire »; a unit or a word alone replaced by the number; any
 * other text moved to « Commentaire ».
 */
function quarterNotNumberAdvice(p: MessageParams): string {
  if (typeof p.negative === 'number') {
    return (
      ` Pour le nombre négatif ${frenchNumber(p.negative)}, tapez le signe moins du clavier collé au chiffre ; pour ` +
      `${frenchNumber(-p.negative)}, retirez le tiret.`
    );
  }
  if (p.typed === 'boolean') return '';
  if (isFormulaText(p.value)) return ` ${FORMULA_TEXT_ADVICE}`;
  const numberAlone = numberAloneAdvice(p.value);
  if (numberAlone !== '') return numberAlone;
  return ' Mettez le commentaire dans la colonne « Commentaire ».';
}

/** `la valeur du trimestre 2026-T4` or `la valeur de la colonne « Cible »`. */
export function valueOf(p: MessageParams): string {
  return p.quarter
    ? `la valeur du trimestre ${paramText(p.quarter)}`
    : `la valeur de la colonne ${quoted(headerText(p.header))}`;
}

/** A percentage read as stored: `elle affiche « 85 % »`, the value read, and the whole number meant. */
export function percentRead(p: MessageParams): { shows: string; read: string; meant: string } {
  const fraction = Number(p.number ?? p.value);
  return {
    shows: `elle affiche ${quoted(frenchPercent(fraction))}`,
    read: frenchNumber(fraction),
    meant: frenchNumber(Math.round(fraction * 100 * 1e9) / 1e9),
  };
}

/**
 * How many criteria a sorted table (or a row dragged) put away from their fiche, and where: the start of what is said
 * of it. One criterion alone was most likely dragged, not sorted.
 */
export function criteriaOutOfOrder(p: MessageParams): string {
  const count = Number(p.count ?? 0);
  const cells = Array.isArray(p.cells) ? p.cells.map(String) : [];
  const shown = cells.length > 12 ? [...cells.slice(0, 12), '…'] : cells;
  const cause = count === 1 ? 'une ligne a sans doute été déplacée' : 'le tableau a sans doute été trié';
  return (
    `${where(p)}${countOf(count, 'critère n’est', 'critères ne sont')} plus sous la ligne de ${agree(count, 'sa', 'leur')} fiche ` +
    `(${agree(cells.length, 'cellule', 'cellules')} ${shown.join(', ')}) : ${cause}.`
  );
}

/** What Ctrl+Z undoes for `criteriaOutOfOrder`: one criterion moved, or a sort. */
export const rowsMovedBy = (p: MessageParams) => (Number(p.count ?? 0) === 1 ? 'le déplacement' : 'le tri');

/** What a sort may have left behind, and how to look at some rows without one; nothing of a single row dragged. */
const sortAdvice = (p: MessageParams) =>
  Number(p.count ?? 0) === 1
    ? ''
    : ' Une colonne que vous avez ajoutée à droite du tableau n’est triée avec lui que si elle était sélectionnée : ' +
      'vérifiez d’abord que ses valeurs sont restées en face de leur ligne. Pour ne voir que certaines lignes, filtrez ' +
      'le tableau plutôt que de le trier.';

/**
 * Historique missing from a workbook generated in an older format whose Journal records a closing
 * (src/app/history-expected.ts): it may never have been written (a closing that copied nothing wrote nothing there
 * then), which the tools cannot tell from a sheet deleted. Both are said, with what to do in each.
 */
/**
 * Why a territory's file is left out of a consolidation for a column of an axis sheet missing (`figuresRead`, set by
 * the consolidation for a column its figures read: `consolidationReadsColumn`); empty otherwise.
 */
const figuresReadColumn = (p: MessageParams): string =>
  p.figuresRead
    ? ' Des chiffres de la consolidation lisent cette colonne : le territoire en est écarté jusqu’à ce que la ' +
      'colonne soit remise.'
    : '';

const historyMaybeNeverWritten = (p: MessageParams) =>
  `La feuille ${quoted(p.sheetName)} manque, alors que le Journal note la clôture de ${paramText(p.closedQuarter)}. ` +
  'Elle garde l’état des fiches à chaque clôture de trimestre, que les bilans lisent\u00a0: le classeur n’est pas ' +
  'réécrit, ni aucun bilan fait, sans elle. Ce classeur vient d’un format plus ancien, dont les versions de l’outil ' +
  'pouvaient ne créer la feuille qu’à la première clôture où un état des fiches était saisi (statut, avancement, ' +
  'mise en œuvre, difficultés, commentaire)\u00a0: si aucun ne l’était à ses clôtures, elle n’a jamais existé et ' +
  'rien n’est perdu. Sinon, elle a été supprimée ou renommée\u00a0: rétablissez-la (à partir d’une copie de ' +
  'sauvegarde) sous ce nom exact. Dans le premier cas, ou sans copie, ajoutez une feuille vide nommée ' +
  '«\u00a0Historique\u00a0»\u00a0: les bilans prendront alors l’état des fiches des feuilles d’axe pour les ' +
  'trimestres déjà clôturés, en le disant.';

export const workbookMessages = {
  // `lostMeta`: the tracking workbook's sheets are there, `_ctg` alone is not (src/app/lost-meta-sheet.ts).
  'not-a-tracking-workbook': (p, surface, reader) =>
    toolOutputGiven(p.madeAs, surface) ??
    (p.lostMeta
      ? 'Ce classeur a les feuilles d’un classeur de suivi CTG (« Paramètres », feuilles d’axe) mais plus sa ' +
        'feuille masquée « _ctg » : ses feuilles ont sans doute été copiées dans un autre classeur, qui ne l’a ' +
        'pas reprise. Demandez au territoire le fichier d’origine (son classeur de suivi, tel quel), ou reprenez une ' +
        'copie de sauvegarde de ce fichier d’origine.'
      : 'Ce classeur n’est pas un classeur de suivi CTG : la feuille masquée « _ctg » est absente. ' +
        (reader === 'consolidator'
          ? 'S’il vient d’un territoire, demandez-lui son classeur de suivi, tel que l’outil l’a écrit ; sinon, ' +
            'retirez-le des fichiers à consolider.'
          : surface === 'task-pane'
            ? 'Ouvrez le classeur de suivi, ou créez-en un dans l’onglet « Création ».'
            : 'Ouvrez le classeur produit par « ctg-suivi generate » ou par le complément.')),
  'period-unreadable': () =>
    'Les dates de début et de fin de la convention sont illisibles (feuilles « _ctg » et « Paramètres ») : ' +
    'les colonnes des trimestres ne peuvent pas être lues. Rétablissez les dates à partir d’une copie de sauvegarde.',
  'missing-sheet': (p) =>
    paramText(p.sheetName) === 'Historique' && p.olderFormat
      ? historyMaybeNeverWritten(p)
      : p.renamedAs
        ? `La feuille ${quoted(p.sheetName)} manque. La feuille ${quoted(p.renamedAs)} semble être ` +
          `${quoted(p.sheetName)} renommée : rendez-lui son nom.`
        : `La feuille ${quoted(p.sheetName)} manque. Elle a sans doute été supprimée ou renommée : ` +
          'rétablissez-la (à partir d’une copie de sauvegarde) sous ce nom exact.' +
          // The Journal alone can start again empty: the tools append to it (a blank sheet of that name is read so).
          (paramText(p.sheetName) === 'Journal'
            ? ' Elle garde chaque changement fait par l’outil, ce qu’une annulation de fusion reprend : le classeur ' +
              'n’est pas réécrit sans elle. Sans copie, ajoutez une feuille vide nommée « Journal » : les ' +
              'lignes suivantes y seront écrites.'
            : paramText(p.sheetName) === 'Historique'
              ? // Expected once the Journal records a closing (src/app/history-expected.ts), which it names.
                ' Elle garde l’état des fiches à chaque clôture de trimestre (le Journal note celle de ' +
                `${paramText(p.closedQuarter)}), que les bilans lisent : le classeur n’est pas réécrit, ni aucun bilan ` +
                'fait, sans elle. Sans copie, ajoutez une feuille vide nommée « Historique » : les bilans prendront ' +
                'alors l’état des fiches des feuilles d’axe pour les trimestres déjà clôturés, en le disant.'
              : ''),
  'missing-header-row': (p) =>
    typeof p.axisNotInPlan === 'number'
      ? `${where(p)}cette feuille porte le nom d’une feuille d’axe, mais le plan du classeur n’a pas ` +
        `d’axe ${paramText(p.axisNotInPlan)} et la feuille n’a pas de tableau (aucune cellule « Clé ») : l’outil ne la ` +
        'lit pas et le classeur n’est pas réécrit. Si c’est une feuille à vous, renommez-la (par exemple ' +
        `« Notes ${paramText(p.sheet).toLowerCase()} ») : elle sera alors gardée telle quelle.`
      : `${where(p)}la ligne d’en-tête est introuvable (aucune cellule « Clé »). ` +
        'Rétablissez la ligne d’en-tête du tableau.',
  'missing-column': (p, _surface, reader) =>
    p.renamedAs
      ? `${where(p)}la colonne ${quoted(headerText(p.header))} manque, et cet en-tête, ${quoted(p.renamedAs)}, semble être ` +
        `le sien retapé. Remettez ${quoted(headerText(p.header))} dans cette cellule` +
        editorOnly(reader, ' ; ses valeurs ne sont pas lues en attendant') +
        '.' +
        figuresReadColumn(p)
      : `${where(p)}la colonne ${quoted(headerText(p.header))} manque : supprimée, ou son en-tête changé.` +
        figuresReadColumn(p) +
        ` Si ${p.figuresRead ? 'elle' : 'la colonne'} est encore là, remettez-lui cet en-tête exact ; si elle a été ` +
        'supprimée, ' +
        editorOnly(reader, 'annulez la suppression (Ctrl+Z) ou ') +
        'reprenez-la d’une copie du classeur enregistrée avant.' +
        // To the Caf, the column is read by a figure (the file left out) or by none (counted): never read meanwhile.
        editorOnly(reader, ' Ses valeurs ne sont pas lues en attendant.'),
  'duplicate-column': (p) =>
    `${where(p)}l’en-tête ${quoted(headerText(p.header))} apparaît une seconde fois ; seule la première colonne est lue. ` +
    'Supprimez ou renommez la copie.',
  'unknown-column': (p) =>
    `${where(p)}la colonne ${quoted(headerText(p.header))} ne fait pas partie du classeur de suivi : l’outil ne la lit pas, ` +
    'mais il la garde avec ses valeurs, ligne par ligne, après les colonnes du tableau.',
  'merged-cells': mergedCellsMessage,
  'merged-unused-cells': (p) =>
    `${where(p)}les cellules ${paramText(p.range)} sont fusionnées ; celles que la fusion masque sont vides et leur ` +
    'ligne ne les utilise pas (cellules grises, ou colonnes ajoutées au tableau) : rien n’est perdu ni mal lu. Une ' +
    'réécriture du classeur entier les défusionnera ; pour garder le tableau tel que l’outil l’écrit, ' +
    'défusionnez-les (« Fusionner et centrer », onglet Accueil).',
  'grey-cell-value': (p) =>
    `${where(p)}la cellule de la colonne ${quoted(headerText(p.header))} est grisée : une ligne ${quoted(p.rowType)} ne ` +
    `l’utilise pas, et la valeur ${quoted(p.value)} serait effacée au prochain calcul. ` +
    // Compétences AO's EPCI row (its population is the transferring communes'), else an axis row.
    (p.rowType === 'EPCI'
      ? 'La population de l’EPCI est celle des communes qui lui ont transféré une compétence : déplacez la valeur ' +
        'hors du tableau '
      : 'Déplacez-la dans une cellule blanche de la ligne (Commentaire pour un critère, Mise en œuvre ou Difficultés ' +
        'pour une fiche) ') +
    'ou effacez-la ; le classeur n’est pas réécrit d’ici là.',
  // `note`: the cells of a row with no key nor type holding a text or two, a note; `notRowOf`, the key of the row
  // missing at its place, which it is not to be given.
  'empty-key': (p) =>
    Array.isArray(p.note)
      ? `${where(p)}cette ligne n’a ni clé ni type et ne contient que du texte (${p.note.map(String).join(', ')}) : ` +
        'c’est une note, pas une ligne du suivi' +
        (p.notRowOf ? `, et non la ligne de clé ${quoted(p.notRowOf)}, dite disparue` : '') +
        '. Ne lui donnez pas de clé, la note deviendrait une ligne du tableau : déplacez son texte sous le tableau, ' +
        'après une ligne vide, où il est gardé comme note, puis supprimez cette ligne restée vide.'
      : p.expected
        ? `${where(p)}la clé a été effacée. Remettez ${quoted(p.expected)} : les clés ne doivent jamais être modifiées.`
        : `${where(p)}cette ligne est remplie mais n’a pas de clé. Ne créez pas de lignes à la main : ` +
          'ajoutez les fiches et les critères au plan puis régénérez le classeur.',
  // `swappedWith`: the key cell of the row showing this row's key, this row showing its: keys swapped (each row's
  // values then filed under the other's key), or the two rows moved whole (`rowHere`, `rowThere`: their rows), which
  // the workbook alone cannot tell; `keysOnly`: the rows' Types stayed in place, so the keys alone were swapped.
  'key-changed': (p, _surface, reader) => {
    if (p.swappedWith === undefined)
      return (
        `${where(p)}la clé a été modifiée (lue : ${quoted(p.found)}, attendue : ${quoted(p.expected)}). ` +
        `Remettez ${quoted(p.expected)} : les clés ne doivent jamais être modifiées.`
      );
    const swapped =
      `${where(p)}la clé ${quoted(p.found)} et celle de la cellule ${paramText(p.swappedWith)}, ` +
      `${quoted(p.expected)}, sont chacune à la place de l’autre`;
    const keysBack = `${quoted(p.expected)} ici et ${quoted(p.found)} en ${paramText(p.swappedWith)}`;
    if (p.keysOnly === 1)
      return (
        `${swapped} : elles ont été échangées (le ${quoted('Type')} de chaque ligne est resté à sa place), et les valeurs de ` +
        `chaque ligne seraient classées sous la clé de l’autre. Remettez ${keysBack}.`
      );
    return (
      `${swapped} : les clés ont été échangées, ou les deux lignes déplacées entières, ce que le classeur ne dit pas. ` +
      'Tant que ce n’est pas réglé, les valeurs de chaque ligne pourraient être classées sous la clé de l’autre. ' +
      `Si les intitulés sont restés à leur place (comparez-les au plan), remettez ${keysBack}. Si les lignes ont ` +
      'été déplacées entières, intitulés et valeurs avec elles, ne changez pas les clés : échangez les lignes ' +
      `${paramText(p.rowHere)} et ${paramText(p.rowThere)}${editorOnly(reader, ' (ou annulez le déplacement, Ctrl+Z)')}.`
    );
  },
  // `titleDiffers`: the row has another title than the key's row, so it is not its copy but a row whose key was typed
  // over, and which key it had could not be told (by its place or its neighbours). `mayBe`: the row has the key's
  // row's title, but rows of its type are missing (a criterion worded alike moved and typed over may be one of them):
  // copying its values into the other row and deleting it could lose them.
  'duplicate-key': (p, _surface, reader) => {
    const retype =
      'Ne la supprimez pas et ne déplacez pas ses valeurs, elles seraient perdues : retapez ici sa propre clé (une ' +
      `clé dite disparue de ce classeur, ou celle d’une copie de sauvegarde)${editorOnly(reader, ', ou annulez la saisie (Ctrl+Z)')}.`;
    const first = `${where(p)}la clé ${quoted(p.key)} apparaît déjà en ${paramText(p.firstSheet)}, cellule ${paramText(p.firstCell)}`;
    if (p.titleDiffers === 1)
      return (
        `${first}, mais avec un autre intitulé : cette ligne n’en est pas une copie, c’est une autre ligne dont la clé ` +
        `a été remplacée. ${retype}`
      );
    const mayBe = Array.isArray(p.mayBe) ? p.mayBe.length : 0;
    if (mayBe > 0)
      return (
        `${first}, avec le même intitulé, mais ${mayBe === 1 ? 'la ligne' : 'les lignes'} de ${quotedList(p.mayBe)} ` +
        `${mayBe === 1 ? 'a disparu' : 'ont disparu'} de ce classeur : cette ligne est peut-être ` +
        `${mayBe === 1 ? 'la sienne' : 'l’une d’elles'}, un critère au même intitulé dont la clé a été remplacée, et ` +
        `non une copie. ${retype}`
      );
    const only = Array.isArray(p.onlyInCopy) ? p.onlyInCopy.map(String) : [];
    const carry =
      only.length === 0
        ? ''
        : ` Cette ligne seule contient ce qui est saisi en ${only.join(', ')} : reportez-le d’abord dans la ligne d’origine ` +
          `(clé en ${paramText(p.firstCell)}), sans quoi sa suppression le perdrait. Supprimez-la ensuite.`;
    return (
      `${where(p)}la clé ${quoted(p.key)} apparaît déjà en ${paramText(p.firstSheet)}, cellule ${paramText(p.firstCell)}.` +
      (carry === '' ? ' Supprimez la ligne copiée.' : carry)
    );
  },
  // `maybeAt`: the key cell of a row of the same title as another, showing its key, which may be this one's row typed
  // over (`duplicate-key`'s `mayBe`): restored from a backup, this key would be on two rows.
  'missing-row': (p, _surface, reader) =>
    `${where(p)}la ligne de clé ${quoted(p.key)} a disparu` +
    (p.maybeAt
      ? `, ou c’est peut-être la ligne de la cellule ${paramText(p.maybeAt)}, dont la clé a été remplacée : ` +
        `vérifiez-le avant de la rétablir, et retapez-y alors ${quoted(p.key)}. Sinon, `
      : '. ') +
    (reader === 'editor'
      ? `${p.maybeAt ? 's' : 'S'}i vous venez de la supprimer, annulez la suppression (Ctrl+Z) ; sinon, rétablissez-la`
      : `${p.maybeAt ? 'r' : 'R'}établissez-la`) +
    ' à partir d’une copie de sauvegarde (ne supprimez pas de lignes : passez plutôt la fiche au ' +
    'statut « Abandonnée »).',
  // `keyListCleared`: the cells of `_ctg`'s key list whose key was cleared by hand and not found, when there are;
  // `keyList: 'changed'`: the list changed by hand otherwise (its fingerprint no longer matches).
  'unknown-key': (p) =>
    Array.isArray(p.keyListCleared) && p.keyListCleared.length > 0
      ? `${where(p)}la clé ${quoted(p.key)} n’est pas dans la liste des clés de la feuille masquée « _ctg », où ` +
        `une clé a été effacée à la main (${p.keyListCleared.map(String).join(', ')}) : c’est peut-être la sienne. ` +
        'Ne supprimez pas cette ligne, ses valeurs seraient perdues : rétablissez d’abord la liste des clés (voir ' +
        'l’erreur de « _ctg »).'
      : p.keyList === 'changed'
        ? `${where(p)}la clé ${quoted(p.key)} n’est pas dans la liste des clés de la feuille masquée « _ctg », qui a ` +
          'été modifiée à la main (voir l’erreur de « _ctg ») : c’est peut-être la sienne. Ne supprimez pas cette ' +
          'ligne, ses valeurs seraient perdues : rétablissez d’abord la liste des clés.'
        : `${where(p)}la clé ${quoted(p.key)} est inconnue de ce classeur (ligne ajoutée à la main ou copiée d’un ` +
          'autre classeur). Supprimez la ligne, ou ajoutez la fiche ou le critère au plan puis régénérez le classeur.',
  'criterion-outside-fiche': (p) =>
    `${where(p)}le critère ${quoted(p.key)} n’est pas sous sa fiche ${quoted(p.parentKey)}, qui n’est pas dans cette ` +
    'feuille. Coupez la ligne et insérez-la sous la ligne de sa fiche, ' +
    // `ficheSheet`: the fiche's sheet, empty when no sheet has the fiche (deleted).
    (paramText(p.ficheSheet) === '' ? 'dans la feuille de celle-ci.' : `dans la feuille ${quoted(p.ficheSheet)}.`),
  'axis-rows-out-of-order': (p, surface, reader) =>
    `${criteriaOutOfOrder(p)} ` +
    `Lancez « Calculer »${surface === 'task-pane' ? '' : ' (ou « npx ctg-suivi compute » sur ce fichier)'} : ` +
    'chaque ligne reprend sa place sous sa fiche, dans l’ordre du plan, avec ses valeurs.' +
    editorOnly(reader, ` Ou annulez ${rowsMovedBy(p)} (Ctrl+Z) tant que le classeur est ouvert.`) +
    sortAdvice(p),
  'wrong-row-type': (p) =>
    p.erasedKey
      ? `${where(p)}la clé de cette ligne a été effacée ; la clé attendue à cette place est ${quoted(p.erasedKey)}, ` +
        `dont le type est ${quoted(p.expected)} (valeur lue : ${quoted(p.found)}). Remettez ${quoted(p.erasedKey)} ` +
        `dans la colonne « Clé » et ${quoted(p.expected)} dans la colonne « Type ».`
      : `${where(p)}le type doit être ${quoted(p.expected)} pour cette clé (valeur lue : ${quoted(p.found)}). ` +
        `Remettez ${quoted(p.expected)}.`,
  'note-like-row': (p) =>
    `${where(p)}${quoted(p.value)} ${p.looksLike === 'type' ? 'est un type de ligne' : 'a la forme d’une clé de ligne'}, ` +
    'mais une ligne vide le sépare du tableau : il est lu comme une note, pas comme une ligne de suivi. Si c’est une ' +
    'ligne du tableau, supprimez la ou les lignes vides au-dessus d’elle : elle sera lue comme une ligne ajoutée à la ' +
    'main.',
  'progress-invalid': (p) => {
    const rule = `${where(p)}l’avancement doit être un nombre entier de 0 à 100`;
    if (p.read === 'numberAsText') {
      return (
        `${rule}, mais la cellule contient le texte ${quoted(p.value)} (un nombre enregistré comme texte, qui ` +
        `n’est pas compté). ${numberAsTextAdvice(p, 'Convertissez-le en nombre, ou ressaisissez-le dans une cellule au format Nombre.')}`
      );
    }
    if (p.read === 'percent') {
      const percent = percentRead(p);
      return (
        `${rule} ; la cellule est au format pourcentage (${percent.shows}) et elle est lue telle qu’elle est ` +
        `enregistrée, ${percent.read}. Saisissez ${percent.meant} sans « % », au format Nombre.`
      );
    }
    const instead = 'Saisissez un nombre entier de 0 à 100 (sans le signe %), ou videz la cellule';
    if (p.read === 'text') {
      return (
        `${rule}, mais la cellule contient le texte ${quoted(p.value)}. ${instead} ; le texte a sa place dans ` +
        '« Mise en œuvre » ou « Difficultés ».'
      );
    }
    if (p.read === 'fraction') {
      return (
        `${rule} (valeur lue : ${quoted(p.value)}). Si vous avez saisi ${quoted(frenchPercent(Number(p.number)))}, ` +
        `saisissez ${percentRead(p).meant} sans « % ».`
      );
    }
    return `${rule} (valeur lue : ${quoted(p.value)}). ${instead}.`;
  },
  'number-is-date': (p) =>
    `${where(p)}la colonne ${quoted(p.quarter ?? p.header)} attend un nombre, mais la cellule est au format date : ` +
    `elle affiche ${frenchDay(paramText(p.date))} (enregistrée comme le nombre ${frenchNumber(Number(p.value))}). Le ` +
    'tableur prend une saisie comme « 15/03 » pour une date. Remettez le format Nombre à la cellule, puis ' +
    'saisissez la valeur.',
  'number-out-of-bounds': (p) =>
    `${where(p)}la colonne ${quoted(p.quarter ?? p.header)} attend un nombre de −${frenchNumber(NUMBER_BOUND)} à ` +
    `${frenchNumber(NUMBER_BOUND)} : ${quoted(frenchNumber(Number(p.value)))} dépasse cette limite (faute de frappe ?). ` +
    'Corrigez la valeur.',
  'percent-read-as-fraction': (p) => {
    const percent = percentRead(p);
    return (
      `${where(p)}${valueOf(p)} est au format pourcentage (${percent.shows}) : elle est lue telle qu’elle est ` +
      `enregistrée, ${percent.read}. Si vous vouliez dire ${percent.meant}, saisissez ${percent.meant} sans « % », ` +
      'au format Nombre.'
    );
  },
  'number-invalid': (p) =>
    p.read === 'numberAsText'
      ? `${where(p)}la colonne ${quoted(headerText(p.header))} attend un nombre, mais la cellule contient le texte ` +
        `${quoted(p.value)} (un nombre enregistré comme texte, qui n’est pas compté). ` +
        numberAsTextAdvice(p, 'Convertissez-le en nombre, ou ressaisissez-le dans une cellule au format Nombre.')
      : `${where(p)}la colonne ${quoted(headerText(p.header))} attend un nombre (valeur lue : ${quoted(p.value)}). ` +
        'Saisissez un nombre sans unité, ou videz la cellule.',
  'abandoned-in-invalid': (p) =>
    `${where(p)}la colonne ${quoted(headerText(p.header))} attend un trimestre de la convention, de la forme AAAA-Tn, ` +
    `entre ${paramText(p.first)} et ${paramText(p.last)} (valeur lue : ${quoted(p.value)}). Videz la cellule : le calcul y ` +
    'écrit le trimestre en cours quand le statut est « Abandonnée », ou saisissez le trimestre où l’action a cessé.',
  // Statut and « Abandonnée en » disagreeing (docs/WORKBOOK.md, « Abandoned fiches »): what the next compute does with
  // the cell, and what to type instead when that is not what the officer means.
  'abandoned-in-status-mismatch': (p, surface) =>
    p.reason === 'afterCurrent'
      ? `${where(p)}la fiche ${quoted(p.key)} est « Abandonnée », mais ${quoted(headerText(p.header))} donne ${paramText(p.quarter)}, ` +
        `après le trimestre en cours ${paramText(p.current)} : ses critères attendent encore des valeurs d’ici là, et le ` +
        `calcul (${rewriteByCompute(surface)}) garde ce trimestre. Si l’action a déjà cessé, saisissez le trimestre où ` +
        `elle a cessé, ou videz la cellule : le calcul y écrira ${paramText(p.current)}.`
      : `${where(p)}${quoted(headerText(p.header))} donne ${paramText(p.quarter)}, mais le statut de la fiche ${quoted(p.key)} ` +
        `${p.status ? `est ${quoted(p.status)}` : 'est vide'}, pas « Abandonnée ». Le prochain calcul ` +
        `(${rewriteByCompute(surface)}) ou une clôture du trimestre videra cette cellule et gardera ${paramText(p.quarter)} ` +
        `au Journal. Si l’action a cessé, passez son statut à « Abandonnée » : ce trimestre sera gardé ; sinon, ` +
        'videz la cellule.',
  'text-is-error': (p) =>
    `${where(p)}la colonne ${quoted(headerText(p.header))} contient la valeur d’erreur ${quoted(p.value)} au lieu d’un texte. ` +
    'Remplacez la formule par le texte voulu, ou videz la cellule.',
  // In an axis table (a header named) the row's Commentaire can take it; Annexe 4 and Compétences AO have none.
  'value-in-computed-cell': (p) =>
    `${where(p)}${p.header ? `la colonne ${quoted(headerText(p.header))}` : 'cette cellule'} est calculée par l’outil : ` +
    `la valeur ${quoted(p.value)} saisie ici serait remplacée par la formule au prochain calcul. Copiez-la ailleurs ` +
    `(${p.header ? 'Commentaire, ou une cellule hors du tableau' : 'une cellule hors du tableau, ou une autre feuille'}) ` +
    'et effacez-la ; le classeur n’est pas réécrit d’ici là.',
  // In a table (`header`: an axis, Compétences AO) or beside its label (`label`: Paramètres, the declared population).
  'formula-in-input-cell': (p) =>
    `${where(p)}la cellule ${p.label ? `de ${quoted(p.label)}` : `de la colonne ${quoted(headerText(p.header))}`} contient une ` +
    `formule${p.formula === UNREAD_FORMULA ? '' : ` (${quoted(`=${frenchFormula(paramText(p.formula))}`)})`} : le suivi n’y garde que ` +
    `des valeurs, et le prochain calcul n’en garderait que le résultat (${quoted(p.value)}). Remplacez-la par sa ` +
    `valeur (copier, puis collage spécial des valeurs)${p.label ? '' : ' ou mettez la formule hors du tableau'} ; ` +
    'le classeur n’est pas réécrit d’ici là.',
  'formula-without-value': (p) =>
    `${where(p)}formule sans valeur calculée (${quoted(`=${frenchFormula(paramText(p.formula))}`)}) : ouvrez et enregistrez le ` +
    'fichier dans Excel ou LibreOffice, ou saisissez la valeur.',
  'date-invalid': (p) =>
    p.read === 'impossibleDate'
      ? `${where(p)}la cellule contient le texte ${quoted(p.value)}, qui n’est pas une date : ${whyNoDate(p)}. ` +
        // A cell formatted as Text would keep the day retyped as text: its format is said too, for one round.
        'Mettez la cellule au format Date (au format Texte, la date saisie resterait du texte), puis saisissez à sa ' +
        'place la date voulue, un jour qui existe, écrit jour/mois/année.'
      : p.read === 'dateText'
        ? `${where(p)}la cellule contient le texte ${quoted(p.value)}, que le tableur ne lit pas comme une date (cellule ` +
          'au format Texte, ou date tapée après une apostrophe) : mettez la cellule au format Date, puis retapez la date.'
        : `${where(p)}la colonne ${quoted(headerText(p.header))} attend une date du 01/01/2000 au 31/12/2100 (valeur lue : ` +
          `${quoted(p.value)}). Saisissez une date reconnue par le tableur (par exemple 15/03/2026), pas du texte ni une ` +
          'année seule.',
  'update-date-in-future': (p) =>
    `${where(p)}la date de ${quoted(headerText(p.header))} (${paramText(p.date)}) est postérieure à aujourd’hui : vérifiez-la. Tant qu’elle est à venir, ` +
    'elle ne compte pas pour dater le classeur (une consolidation garde la copie la plus récente d’un territoire).',
  'outside-convention-vocabulary': outsideVocabularyWarning,
  // To the Caf (`consolidator`): the consolidation it reads has left those fiches out, and the territory restores them.
  'plan-column-emptied': (p, surface, reader) => {
    const one = Number(p.fiches) === 1;
    const group = p.field === 'fields' ? 'champ d’intervention' : 'public';
    const them = one ? 'la' : 'les';
    const lead =
      `${where(p)}la colonne ${quoted(headerText(p.header))} est vide pour ` +
      `${one ? 'la fiche' : `les ${paramText(p.fiches)} fiches`} de cette feuille, alors que les autres feuilles ` +
      'd’axe la remplissent\u00a0: ';
    const how = regenerationHow(surface, workbookNamed(p), 'ce texte');
    return reader === 'consolidator'
      ? `${lead}cette consolidation ne ${them} compte dans aucun ${group} (ses chiffres par ${group} n’ont pas ` +
          `${one ? 'cette fiche' : 'ces fiches'}). Si la colonne a été supprimée puis remise vide, le territoire en ` +
          'reprend les valeurs d’une copie de son classeur enregistrée avant, ou régénère son classeur depuis le ' +
          `texte de sa convention ${how}.`
      : `${lead}la consolidation de la Caf ne ${them} compterait dans aucun ${group}. Si la colonne a été ` +
          'supprimée puis remise vide, reprenez ses valeurs d’une copie du classeur enregistrée avant, ou régénérez ' +
          `le classeur depuis le texte de la convention ${how}.`;
  },
  'value-not-in-list': (p) => {
    const value = listValueShown(p.value, p.typed);
    return (
      `${where(p)}la valeur ${value.quoted} ne fait pas partie de la liste de la colonne ${quoted(headerText(p.header))}. ` +
      `Choisissez parmi : ${quotedList(p.allowed)}.${value.hint}`
    );
  },
  // `typed`: `boolean` for a TRUE or FALSE (no comment to move), else a text.
  // `negative`: the number a dash apart from it may mean (« – 5 »), to type with the keyboard's minus sign, or without.
  'quarter-value-not-number': (p) =>
    `${where(p)}la valeur du trimestre ${paramText(p.quarter)} d’un critère quantitatif doit être un nombre ` +
    `(valeur lue : ${quoted(p.value)}).${quarterNotNumberAdvice(p)}`,
  'quarter-value-number-as-text': (p) =>
    `${where(p)}la valeur du trimestre ${paramText(p.quarter)} est un nombre enregistré comme texte ` +
    `(${quoted(p.value)}) : elle n’est pas comptée. ${numberAsTextAdvice(p, 'Convertissez-la en nombre ou ressaisissez-la.')}`,
  'quarter-value-not-in-scale': (p) => {
    const value = listValueShown(p.value, p.typed);
    return (
      `${where(p)}la valeur du trimestre ${paramText(p.quarter)} d’un critère qualitatif doit être une valeur de ` +
      `l’échelle (valeur lue : ${value.quoted}). Choisissez parmi : ${quotedList(p.allowed)}.${value.hint}`
    );
  },
  'current-quarter-invalid': (p) =>
    String(p.value ?? '').trim() === ''
      ? `${where(p)}le trimestre en cours est vide. Saisissez un texte de la forme AAAA-Tn compris entre ` +
        `${paramText(p.first)} et ${paramText(p.last)}.`
      : `${where(p)}le trimestre en cours doit être un texte de la forme AAAA-Tn compris entre ${paramText(p.first)} ` +
        `et ${paramText(p.last)} (valeur lue : ${quoted(p.value)})` +
        (paramText(p.meant) === '' ? '.' : ` : saisissez ${paramText(p.meant)}.`),
  'value-after-current-quarter': (p) =>
    `${where(p)}une valeur est saisie pour ${paramText(p.quarter)}, après le trimestre en cours ${paramText(p.current)}. ` +
    'Vérifiez la colonne, ou avancez le trimestre en cours.',
  'done-without-values': (p) =>
    `${where(p)}la fiche ${quoted(p.key)} est « Réalisée » mais aucun de ses critères n’a de valeur. ` +
    'Renseignez les critères ou corrigez le statut.',
  'incomplete-current-quarter': (p) => {
    const count = Number(p.count ?? 0);
    const invalid = Array.isArray(p.invalidCells) ? p.invalidCells.map(String) : [];
    const empty = (Array.isArray(p.cells) ? p.cells.map(String) : []).filter((cell) => !invalid.includes(cell));
    const parts = [
      empty.length > 1 ? `les cellules ${empty.join(', ')} sont vides` : '',
      empty.length === 1 ? `la cellule ${empty[0]} est vide` : '',
      invalid.length > 1 ? `les cellules ${invalid.join(', ')} ont une valeur invalide, non comptée` : '',
      invalid.length === 1 ? `la cellule ${invalid[0]} a une valeur invalide, non comptée` : '',
    ].filter((part) => part !== '');
    return `${paramText(p.sheet)}, fiche ${quoted(p.key)} : ${countOf(count, 'valeur attendue', 'valeurs attendues')} pour ${paramText(p.quarter)} ${agree(
      count,
      'manque',
      'manquent',
    )} (${parts.join(' ; ')}).`;
  },
  'current-quarter-lagging': (p) =>
    `${where(p)}le trimestre en cours est ${paramText(p.current)} alors que nous sommes en ${paramText(p.today)}. ` +
    'Clôturez le trimestre ou mettez à jour le trimestre en cours.',
  'personal-data': (p, surface) => {
    return (
      `${where(p)}la colonne ${quoted(headerText(p.header))} semble contenir ${personalDataWords(p.kinds)}. ` +
      'Le classeur de suivi ne doit pas contenir de données personnelles : retirez-les. Leurs copies gardées dans le ' +
      'Journal, l’Historique, les Archives ou les Contributions en seront effacées à la réécriture suivante ' +
      `(${rewriteByCompute(surface)}).`
    );
  },
  'personal-data-in-records': (p, surface) =>
    `${where(p)}cette valeur gardée contient ${personalDataWords(p.kinds)} qui ` +
    `${agree(Array.isArray(p.kinds) ? p.kinds.length : 1, 'n’est', 'ne sont')} plus dans le suivi. La ` +
    `prochaine réécriture du classeur (${rewriteByCompute(surface)}, ou une clôture, une fusion) l’y remplacera par ` +
    `« ${ERASED_PERSONAL_DATA} » et le notera au Journal.`,
  'tool-text-typed-over': (p, surface) =>
    `${where(p)}cette cellule contient ${quoted(p.value)} à la place du texte de l’outil. La prochaine réécriture ` +
    `du classeur (${rewriteByCompute(surface)}, une clôture, une fusion) y remettra le texte de l’outil et ` +
    'gardera ce qui s’y trouve dans le Journal (source « Texte de l’outil rétabli ») ; elle réécrira ' +
    'alors le classeur entier, et les largeurs, colonnes masquées et mises en forme changées à la main seront ' +
    'remises comme à la génération. Pour garder une note, écrivez-la dans une cellule vide.',
  // `value`: what the cell shows; `text`: what the axis sheets give for it.
  'copied-text-outdated': (p, surface) =>
    `${where(p)}cette cellule montre ${quoted(p.value)}, alors que les feuilles d’axe donnent ${quoted(p.text)}. ` +
    `La prochaine réécriture du classeur (${rewriteByCompute(surface)}, une clôture, une fusion) y mettra ` +
    `${quoted(p.text)} et gardera ${quoted(p.value)} dans le Journal (source « Texte repris des feuilles ` +
    'd’axe ») ; elle réécrira alors le classeur entier, et les largeurs, colonnes masquées et mises en forme ' +
    'changées à la main seront remises comme à la génération. Un titre d’axe, l’intitulé d’une fiche et ses ' +
    'porteurs se changent dans leur feuille d’axe.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
