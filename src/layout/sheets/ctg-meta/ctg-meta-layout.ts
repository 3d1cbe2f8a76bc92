import { cellAddress } from '../../a1';
import { metaTexts } from '../../texts';

/**
 * Where each value of the hidden `_ctg` sheet lives (label in column A, value in column B), and where the key
 * list starts. The builder writes there, `readCtgMeta` reads there; writers that update the last write date use
 * `ctgMetaValueCell('lastWrittenAt')`.
 */

/**
 * The format this code writes; a reader refuses a newer one and migrates an older one (`migrateCtgMeta` in
 * ctg-meta-read.ts, on the next rewrite). 1: the first. 2: the key list gives each key's axis (column `Axe`), and
 * the axis sheets' fiche rows gain « Abandonnée en » (axis-columns-by-format.ts). 3: the axis sheets have a
 * sheet-level filter instead of an Excel table, and no outline groups (nothing read changes: the rewrite that
 * migrates a workbook rebuilds it, which writes the new layout).
 */
export const CTG_FORMAT_VERSION = 3;

export const META_LABEL_COLUMN = 1;
export const META_VALUE_COLUMN = 2;

export type CtgMetaField =
  | 'formatVersion'
  | 'planFingerprint'
  | 'territory'
  | 'periodStart'
  | 'periodEnd'
  | 'generatedAt'
  | 'lastWrittenAt'
  | 'extractPartner'
  | 'masterFingerprint'
  | 'extractUpTo';

export const ctgMetaRows: Record<CtgMetaField, number> = {
  formatVersion: 2,
  planFingerprint: 3,
  territory: 4,
  periodStart: 5,
  periodEnd: 6,
  generatedAt: 7,
  lastWrittenAt: 8,
  extractPartner: 9,
  masterFingerprint: 10,
  extractUpTo: 11,
};

export const ctgMetaLabels: Record<CtgMetaField, string> = {
  formatVersion: metaTexts.formatVersion,
  planFingerprint: metaTexts.planFingerprint,
  territory: metaTexts.territory,
  periodStart: metaTexts.periodStart,
  periodEnd: metaTexts.periodEnd,
  generatedAt: metaTexts.generatedAt,
  lastWrittenAt: metaTexts.lastWrittenAt,
  extractPartner: metaTexts.extractPartner,
  masterFingerprint: metaTexts.masterFingerprint,
  extractUpTo: metaTexts.extractUpTo,
};

export function ctgMetaValueCell(field: CtgMetaField): string {
  return cellAddress(ctgMetaRows[field], META_VALUE_COLUMN);
}

/**
 * Key list: title row, header row (Clé | Type | Clé parente | Axe), then one row per key from KEYS_FIRST_ROW. `Axe`
 * is N of the `Axe N` sheet that holds the row (since format 2; format 1 had the first three columns only).
 */
export const KEYS_TITLE_ROW = 12;
export const KEYS_HEADER_ROW = 13;
export const KEYS_FIRST_ROW = 14;
export const KEY_COLUMNS = { key: 1, type: 2, parentKey: 3, axis: 4 } as const;
/** The first format whose key list has the `Axe` column. */
export const KEY_AXES_SINCE_VERSION = 2;

/**
 * Keys of rows removed from the plan, so that their indices are never given again (docs/WORKBOOK.md, « Keys » and « _ctg »): after
 * the key list, one empty row, a title row, then one row per key in the key list's columns. Readers find the
 * block by its title; the fingerprint covers the key list only.
 */
export function retiredKeysTitleRow(keyCount: number): number {
  return KEYS_FIRST_ROW + keyCount + 1;
}

/**
 * An extract's `Valeurs envoyées` block (docs/WORKBOOK.md, « Extracts »): after the key list and the retired keys
 * block, one empty row, its title, its header row, then one row per value sent. Readers find it by its title.
 */
export function sentValuesTitleRow(keyCount: number, retiredCount: number): number {
  const afterKeys = retiredKeysTitleRow(keyCount);
  return retiredCount === 0 ? afterKeys : afterKeys + 1 + retiredCount + 1;
}
export const SENT_COLUMNS = { key: 1, field: 2, type: 3, value: 4 } as const;
