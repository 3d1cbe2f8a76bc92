import {
  recipientFichesOfPlan,
  recipientKey,
  sameRecipient,
  type Recipient,
  type RecipientFiche,
  type RecipientParties,
} from '../domain/recipients';
import type { ContributionEntry } from '../domain/contributions';
import type { EnteredCell } from '../layout/entered-values';
import type { WorkbookState } from './workbook-state';

/**
 * What a master tells of its recipients and of the values an extract holds (docs/WORKBOOK.md, « Extracts »).
 */

/**
 * The EPCI and the communes of a master: a workbook stores the EPCI's name in Paramètres (its short name is then
 * told by its initials) and the communes as the commune rows of `Compétences AO` (one spelling each), beside
 * whatever the plan itself knows.
 */
export function partiesOfState(state: WorkbookState): RecipientParties {
  const { parties } = state.plan;
  const known = new Set(parties.communes.map((commune) => commune.name));
  const fromAo = (state.ao?.rows ?? [])
    .filter((row) => !row.isEpci && row.name.trim() !== '' && !known.has(row.name))
    .map((row) => ({ name: row.name, spellings: [row.name] }));
  return { epci: parties.epci, epciShortName: parties.epciShortName, communes: [...parties.communes, ...fromAo] };
}

/** A cell's value as entered, as text ('' when empty): what the Partenaires cell names. */
function textOf(cell: EnteredCell | undefined): string {
  const value = cell?.value;
  return value === null || value === undefined ? '' : String(value);
}

/** The master's fiches as the recipient rules read them, with their Partenaires as entered. */
export function recipientFichesOfState(state: WorkbookState): RecipientFiche[] {
  return recipientFichesOfPlan(state.plan, (key) => textOf(state.entered.get(key)?.get('partners')));
}

/** Where one value of an extract comes from: the master's row key, its field id or quarter label. */
export interface SentCell {
  key: string;
  field: string;
}

/**
 * THE value an extract sends its recipient in one of its input cells (null: the cell goes empty): the recipient's
 * own latest contribution to the cell, else the master's value when the row goes to this recipient alone and no
 * other recipient contributed to the cell, else nothing: an extract holds nothing of another recipient's.
 * `contributions`: the master's current contributions of the cell, by recipient.
 */
export function sentValueOf(
  state: WorkbookState,
  recipient: Recipient,
  cell: SentCell,
  rowRecipients: readonly Recipient[],
  contributions: ReadonlyMap<string, ContributionEntry> = new Map(),
): EnteredCell | null {
  const own = contributions.get(recipientKey(recipient.name));
  if (own && own.value.type !== 'empty') return { value: own.value.value, isDate: own.value.type === 'date' };
  const others = [...contributions].some(
    ([who, line]) => who !== recipientKey(recipient.name) && line.value.type !== 'empty',
  );
  const alone = rowRecipients.length === 1 && sameRecipient(rowRecipients[0], recipient);
  if (!alone || others) return null;
  return state.entered.get(cell.key)?.get(cell.field) ?? null;
}
