import { criterionTextsOfPlan, ficheTextsOfPlan } from '../domain/axis-fields';
import { cellJournalValue, textValue } from '../domain/journal';
import { createIssue, type Issue } from '../domain/issues';
import { personalDataKindsIn } from '../domain/personal-data';
import { frenchDay } from '../domain/messages/numbers';
import { quoted } from '../domain/messages/workbook';
import {
  endedQuartersAfter,
  hasEnded,
  parseQuarterLabel,
  parseTypedQuarter,
  quarterIndex,
  quarterLabel,
  quarterLastDay,
  quartersOfPeriod,
  type Quarter,
} from '../domain/periods';
import type { Fiche, Plan } from '../domain/plan';
import {
  fichesWithoutRecipient,
  findRecipient,
  isRecipientInput,
  listRecipients,
  recipientsOfRow,
  rowsOfRecipient,
  type Recipient,
  type RecipientKind,
} from '../domain/recipients';
import type { EnteredCell, EnteredValues } from '../layout/entered-values';
import { axisColumns, fieldOfHeader } from '../layout/sheets/axis/axis-columns';
import { AXIS_FIRST_DATA_ROW } from '../layout/sheets/axis/axis-sheet';
import { axisNumberOfSheetName } from '../layout/sheets/axis/read-axis-sheet';
import type { SentValue } from '../layout/sheets/ctg-meta/sent-values';
import { settingsValueCell } from '../layout/sheets/settings/settings-layout';
import { sheetNames } from '../layout/texts';
import { buildExtractWorkbook } from '../layout/workbook-layout';
import type { WorkbookSpec } from '../layout/workbook-spec';
import { ContributionIndex } from './contribution-index';
import { partiesOfState, recipientFichesOfState, sentValueOf } from './extract-values';
import { extractFileName } from './file-names';
import type { WorkbookState } from './workbook-state';

/**
 * A partner's extract of a master (docs/WORKBOOK.md, « Extracts »): the recipient's fiches with all their criteria,
 * its inputs opened up to a quarter, what it is sent with recorded in `_ctg`, and the words of the e-mail.
 */

export interface WorkbookExtract {
  recipient: Recipient;
  spec: WorkbookSpec;
  /** `suivi-ctg-<territoire>-<destinataire>-AAAA-Tn.xlsx`. */
  fileName: string;
  /** The text of the e-mail the file goes with, in French. */
  coveringText: string;
  /** The last quarter it opens, `AAAA-Tn`. */
  quarter: string;
  fiches: number;
  /** Fiche and criterion rows. */
  rows: number;
  sent: SentValue[];
  /** Personal data in the cells it holds (one per cell). */
  warnings: Issue[];
}

export type ExtractOutcome = { ok: true; extract: WorkbookExtract } | { ok: false; issues: Issue[] };

/** Every recipient of a master, or those of one kind (`--toutes-les-communes`, `--tous-les-partenaires`). */
export function recipientsOfWorkbook(state: WorkbookState, kind?: RecipientKind): Recipient[] {
  return listRecipients(recipientFichesOfState(state), partiesOfState(state), kind);
}

/** The recipient a user named (any kind, any spelling of a commune); null when nobody has that name. */
export function findWorkbookRecipient(state: WorkbookState, name: string): Recipient | null {
  return findRecipient(recipientsOfWorkbook(state), name, partiesOfState(state));
}

/**
 * What the officer is told of a master before sending its extracts: the fiches that go to nobody
 * (`fiches-without-recipient`), and the quarters ended after the current one (`extract-quarter-behind`): the
 * extracts open no later quarter, so the partners could not fill those. The quarter just ended is no such quarter:
 * collecting it before closing it is the usual round, and its e-mails ask for the files back at once. None when
 * neither.
 */
export function extractWarnings(state: WorkbookState, now: Date): Issue[] {
  const keys = fichesWithoutRecipient(recipientFichesOfState(state), partiesOfState(state));
  const ended = endedQuartersAfter(state.currentQuarter, state.plan.period, now).map(quarterLabel);
  const at = { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter'), rowKey: null };
  const current = quarterLabel(state.currentQuarter);
  return [
    ...(keys.length === 0 ? [] : [createIssue('fiches-without-recipient', { sheet: null, cell: null }, { keys })]),
    ...(ended.length === 0 ? [] : [createIssue('extract-quarter-behind', at, { current, ended })]),
  ];
}

/** The master's plan reduced to the fiches of `keys` (each with all its criteria), axes without any left out. */
function planOfFiches(plan: Plan, keys: ReadonlySet<string>): Plan {
  const axes = plan.axes
    .map((axis) => ({ ...axis, fiches: axis.fiches.filter((fiche) => keys.has(fiche.key)) }))
    .filter((axis) => axis.fiches.length > 0);
  return { ...plan, axes };
}

const emptyCell: EnteredCell = { value: null, isDate: false };
const isEmpty = (cell: EnteredCell | null | undefined) => !cell || cell.value === null || cell.value === '';

/** The plan cells of a fiche and its criteria as the extract shows them (non-empty only), as sent values. */
function sentPlanTexts(fiche: Fiche): SentValue[] {
  const rows: [string, [string, string][]][] = [
    [fiche.key, ficheTextsOfPlan(fiche)],
    ...fiche.criteria.map((criterion): [string, [string, string][]] => [
      criterion.key,
      criterionTextsOfPlan(criterion),
    ]),
  ];
  return rows.flatMap(([key, texts]) =>
    texts.filter(([, text]) => text !== '').map(([field, text]) => ({ key, field, value: textValue(text) })),
  );
}

/**
 * The extract's entered values: the officer's fields as the master holds them, the recipient's inputs up to
 * `upTo` as `sentValueOf` says, the later quarters empty.
 */
function extractValues(
  state: WorkbookState,
  recipient: Recipient,
  plan: Plan,
  upTo: Quarter,
  leftOut: ReadonlySet<string> = new Set(),
): { entered: EnteredValues; sent: SentValue[] } {
  const parties = partiesOfState(state);
  const contributions = new ContributionIndex(state.contributions.entries);
  const fiches = new Map(recipientFichesOfState(state).map((fiche) => [fiche.key, fiche]));
  const entered = new Map<string, Map<string, EnteredCell>>();
  const sent: SentValue[] = [];
  for (const fiche of plan.axes.flatMap((axis) => axis.fiches)) {
    sent.push(...sentPlanTexts(fiche));
    const rowRecipients = recipientsOfRow(fiches.get(fiche.key)!, parties);
    for (const key of [fiche.key, ...fiche.criteria.map((criterion) => criterion.key)]) {
      const row = new Map<string, EnteredCell>();
      for (const [field, master] of state.entered.get(key) ?? []) {
        if (leftOut.has(cellId(key, field))) {
          row.set(field, emptyCell);
          continue;
        }
        if (!isRecipientInput(field, upTo)) {
          const quarter = parseQuarterLabel(field) !== null;
          row.set(field, quarter ? emptyCell : master);
          // The officer's cells too, so that a merge tells the partner's edit from the officer's change since.
          if (!quarter && !isEmpty(master))
            sent.push({ key, field, value: cellJournalValue(master.value, master.isDate) });
          continue;
        }
        const value = sentValueOf(state, recipient, { key, field }, rowRecipients, contributions.current(key, field));
        row.set(field, value ?? emptyCell);
        if (value && !isEmpty(value)) sent.push({ key, field, value: cellJournalValue(value.value, value.isDate) });
      }
      entered.set(key, row);
    }
  }
  return { entered, sent };
}

const cellId = (key: string, field: string) => `${key}\u0000${field}`;

/**
 * One warning per text cell of the extract's input columns that seems to hold personal data; `sent` says whether the
 * extract's `_ctg` keeps a copy too (`Valeurs envoyées`: the recipient's own inputs), which erasing the cell leaves.
 */
function personalDataOf(spec: WorkbookSpec, plan: Plan, sentValues: readonly SentValue[]): Issue[] {
  const columns = axisColumns(quartersOfPeriod(plan.period));
  const sentCells = new Set(sentValues.map((value) => cellId(value.key, value.field)));
  const issues: Issue[] = [];
  for (const sheet of spec.sheets) {
    if (axisNumberOfSheetName(sheet.name) === null) continue;
    sheet.rows.forEach((row, index) => {
      if (index + 1 < AXIS_FIRST_DATA_ROW) return;
      columns.forEach((column, columnIndex) => {
        const value = row.cells[columnIndex]?.value;
        if (!column.input || column.kind !== 'text' || typeof value !== 'string') return;
        const kinds = personalDataKindsIn(value);
        // Named by row and column, not by the extract's cell: the officer cleans the master, where cells differ.
        const at = { sheet: sheet.name, cell: null, rowKey: String(row.cells[0]?.value ?? '') };
        const sent = sentCells.has(cellId(at.rowKey, column.id)) ? 1 : 0;
        if (kinds.length > 0)
          issues.push(createIssue('extract-personal-data', at, { header: column.header, kinds, sent }));
      });
    });
  }
  return issues;
}

/** `30/09/2026`: the last day of a quarter. */
const lastDayOf = (quarter: Quarter) => frenchDay(quarterLastDay(quarter));

/**
 * When the file is to come back: at the end of the quarter, or at once when that end is already past (a master whose
 * current quarter lags, a convention over): a partner is never given a date gone by.
 */
function sendBackWhen(upTo: Quarter, today: Date): string {
  const label = quarterLabel(upTo);
  if (hasEnded(upTo, today)) return `dès que possible : le trimestre ${label} s’est terminé le ${lastDayOf(upTo)}`;
  return `dès la fin du trimestre ${label} (le ${lastDayOf(upTo)})`;
}

/**
 * The e-mail's words: what the file is, what to fill up to which quarter, how and when to send it back. Names go in
 * guillemets: an EPCI's full name (« Communauté de communes… ») or a partner's (« Centre social… ») begins with a
 * common noun that would want an article after « du territoire », « préparé pour »; quoted, any name reads.
 */
export function coveringText(
  territory: string,
  recipient: Recipient,
  upTo: Quarter,
  fiches: number,
  today: Date,
): string {
  const label = quarterLabel(upTo);
  const which =
    fiches > 1
      ? `les ${fiches} fiches actions qui vous concernent, avec leurs critères d’évaluation`
      : 'la fiche action qui vous concerne, avec ses critères d’évaluation';
  return [
    'Bonjour,',
    '',
    `Vous trouverez ci-joint l’extrait du tableau de suivi de la Convention territoriale globale (CTG) du territoire ${quoted(territory)}, préparé pour ${quoted(recipient.name)} : ${which}.`,
    '',
    `Merci de compléter les cellules blanches jusqu’au trimestre ${label} inclus : statut, avancement, mise en œuvre et difficultés de chaque fiche, valeurs et commentaires des critères. La feuille « Guide » explique chaque colonne. Ne renommez pas les feuilles et ne modifiez pas la colonne « Clé ».`,
    '',
    `Enregistrez le fichier au format .xlsx et renvoyez-le en pièce jointe en réponse à ce message, ${sendBackWhen(upTo, today)}.`,
    '',
    'Merci pour votre contribution.',
  ].join('\n');
}

/**
 * The extract of a master (read and valid: `loadValidState`) for one recipient, up to `upTo` (`AAAA-Tn`, the
 * master's current quarter when absent). Refused when the quarter is not one of the convention's or when the
 * recipient has no fiche.
 */
export async function extractWorkbook(
  state: WorkbookState,
  recipient: Recipient,
  { now, upTo, refusePersonalData = false }: { now: Date; upTo?: string; refusePersonalData?: boolean },
): Promise<ExtractOutcome> {
  const quarters = quartersOfPeriod(state.plan.period);
  const quarter = upTo === undefined ? state.currentQuarter : parseTypedQuarter(upTo);
  if (!quarter || !quarters.some((candidate) => quarterIndex(candidate) === quarterIndex(quarter))) {
    const at = { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter') };
    const code = quarter ? 'quarter-outside-convention' : 'quarter-malformed';
    const params = {
      value: upTo?.trim() ?? '',
      first: quarterLabel(quarters[0]),
      last: quarterLabel(quarters[quarters.length - 1]),
    };
    return { ok: false, issues: [createIssue(code, at, params)] };
  }
  const keys = new Set(rowsOfRecipient(recipientFichesOfState(state), recipient, partiesOfState(state)));
  if (keys.size === 0) {
    const issue = createIssue('extract-without-rows', { sheet: null, cell: null }, { recipient: recipient.name });
    return { ok: false, issues: [issue] };
  }
  const plan = planOfFiches(state.plan, keys);
  const build = async (leftOut?: ReadonlySet<string>) => {
    const { entered, sent } = extractValues(state, recipient, plan, quarter, leftOut);
    const { spec } = await buildExtractWorkbook(plan, {
      currentQuarter: quarter,
      now,
      entered,
      settingsInputs: state.settingsInputs,
      journal: [],
      extract: { partner: recipient.name, masterFingerprint: state.meta.planFingerprint, upTo: quarter, sent },
    });
    return { spec, sent };
  };
  let { spec, sent } = await build();
  let warnings = personalDataOf(spec, plan, sent);
  // Asked to, the texts with personal data are left out of the extract (the warnings then say so, cell by cell).
  if (refusePersonalData && warnings.length > 0) {
    const leftOut = new Set(
      warnings.map((issue) => cellId(issue.rowKey ?? '', fieldOfHeader(String(issue.params.header)) ?? '')),
    );
    ({ spec, sent } = await build(leftOut));
    warnings = warnings.map((issue) => createIssue('extract-personal-data-left-out', issue, issue.params));
  }
  const fiches = plan.axes.reduce((count, axis) => count + axis.fiches.length, 0);
  const rows = plan.axes.reduce(
    (count, axis) => count + axis.fiches.reduce((sum, fiche) => sum + 1 + fiche.criteria.length, 0),
    0,
  );
  return {
    ok: true,
    extract: {
      recipient,
      spec,
      fileName: extractFileName(state.plan.territory, recipient.name, quarter),
      coveringText: coveringText(state.plan.territory, recipient, quarter, fiches, now),
      quarter: quarterLabel(quarter),
      fiches,
      rows,
      sent,
      warnings,
    },
  };
}
