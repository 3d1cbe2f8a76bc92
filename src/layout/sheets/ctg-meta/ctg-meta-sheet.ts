import { isoTimestamp } from '../../../domain/excel-dates';
import type { KeyEntry } from '../../../domain/plan-keys';
import type { Plan } from '../../../domain/plan';
import { quarterLabel, type Quarter } from '../../../domain/periods';
import {
  CTG_FORMAT_VERSION,
  ctgMetaLabels,
  ctgMetaRows,
  KEY_COLUMNS,
  KEYS_FIRST_ROW,
  KEYS_HEADER_ROW,
  KEYS_TITLE_ROW,
  META_LABEL_COLUMN,
  retiredKeysTitleRow,
  sentValuesTitleRow,
  META_VALUE_COLUMN,
  type CtgMetaField,
} from './ctg-meta-layout';
import { cell, emptySheet, setCell, standardProtection } from '../../sheet-building';
import { headerStyle, labelStyle, TEXT_FORMAT, titleStyle } from '../../styles';
import { metaTexts, sheetNames } from '../../texts';
import type { ScalarValue, SheetSpec } from '../../workbook-spec';
import { writeSentValues, type SentValue } from './sent-values';

/** What `_ctg` says of an extract (docs/WORKBOOK.md, « Extracts »). */
export interface ExtractMetaInput {
  /** The recipient's name (B9). */
  partner: string;
  /** The master's plan fingerprint (B10). */
  masterFingerprint: string;
  /** The last quarter the extract opens (B11); absent in an extract written before B11 existed. */
  upTo?: Quarter;
  /** The values it was sent with, in its recipient's input cells (the `Valeurs envoyées` block). */
  sent?: readonly SentValue[];
}

export interface CtgMetaInput {
  plan: Plan;
  keys: readonly KeyEntry[];
  fingerprint: string;
  /** Last write time; the generation time too unless `generatedAt` is given. */
  now: Date;
  /** The generation time of a workbook written again, as stored (kept as it is). */
  generatedAt?: string;
  /** Keys removed from the plan since generation (never given again). */
  retiredKeys?: readonly KeyEntry[];
  /** For an extract: the partner it was made for, the master's fingerprint, its quarter and what it was sent with. */
  extract?: ExtractMetaInput;
}

/** `_ctg`, hidden (not very hidden, so that a person can still look): what recognises the workbook. */
export function buildCtgMetaSheet({
  plan,
  keys,
  fingerprint,
  now,
  generatedAt,
  retiredKeys = [],
  extract,
}: CtgMetaInput): SheetSpec {
  const sheet = emptySheet(sheetNames.meta, 'hidden');
  sheet.columns = [
    { width: 30, numFmt: TEXT_FORMAT },
    { width: 68, numFmt: TEXT_FORMAT },
    { width: 14, numFmt: TEXT_FORMAT },
    { width: 8, numFmt: 'General' },
  ];
  setCell(sheet, 1, 1, cell(metaTexts.title, titleStyle));

  const timestamp = isoTimestamp(now);
  const values: Record<CtgMetaField, ScalarValue> = {
    formatVersion: CTG_FORMAT_VERSION,
    planFingerprint: fingerprint,
    territory: plan.territory,
    periodStart: plan.period.start,
    periodEnd: plan.period.end,
    generatedAt: generatedAt || timestamp,
    lastWrittenAt: timestamp,
    extractPartner: extract?.partner || null,
    masterFingerprint: extract?.masterFingerprint || null,
    extractUpTo: extract?.upTo ? quarterLabel(extract.upTo) : null,
  };
  for (const field of Object.keys(ctgMetaRows) as CtgMetaField[]) {
    setCell(sheet, ctgMetaRows[field], META_LABEL_COLUMN, cell(ctgMetaLabels[field], labelStyle));
    const numFmt = typeof values[field] === 'number' ? 'General' : TEXT_FORMAT;
    setCell(sheet, ctgMetaRows[field], META_VALUE_COLUMN, cell(values[field], { numFmt }));
  }

  setCell(sheet, KEYS_TITLE_ROW, 1, cell(metaTexts.keysTitle, labelStyle));
  setCell(sheet, KEYS_HEADER_ROW, KEY_COLUMNS.key, cell(metaTexts.keyHeader, headerStyle));
  setCell(sheet, KEYS_HEADER_ROW, KEY_COLUMNS.type, cell(metaTexts.typeHeader, headerStyle));
  setCell(sheet, KEYS_HEADER_ROW, KEY_COLUMNS.parentKey, cell(metaTexts.parentHeader, headerStyle));
  setCell(sheet, KEYS_HEADER_ROW, KEY_COLUMNS.axis, cell(metaTexts.axisHeader, headerStyle));
  const writeKey = (row: number, entry: KeyEntry) => {
    const text = { numFmt: TEXT_FORMAT };
    setCell(sheet, row, KEY_COLUMNS.key, cell(entry.key, text));
    setCell(sheet, row, KEY_COLUMNS.type, cell(entry.type, text));
    setCell(sheet, row, KEY_COLUMNS.parentKey, cell(entry.parentKey, text));
    // Unknown only for a retired fiche of a format 1 workbook: left empty.
    setCell(sheet, row, KEY_COLUMNS.axis, cell(entry.axis ?? null, { numFmt: 'General' }));
  };
  keys.forEach((entry, index) => writeKey(KEYS_FIRST_ROW + index, entry));
  if (retiredKeys.length > 0) {
    const titleRow = retiredKeysTitleRow(keys.length);
    setCell(sheet, titleRow, 1, cell(metaTexts.retiredKeysTitle, labelStyle));
    retiredKeys.forEach((entry, index) => writeKey(titleRow + 1 + index, entry));
  }
  if (extract?.sent) writeSentValues(sheet, sentValuesTitleRow(keys.length, retiredKeys.length), extract.sent);
  sheet.protection = standardProtection;
  return sheet;
}
