import { gridText, gridValue, type SheetGrid } from '../domain/grid';
import { createIssue } from '../domain/validation/issue-codes';
import { type WorkbookIssue } from '../domain/issues';
import { keyListFingerprint, type KeyEntry } from '../domain/plan-keys';
import { rowKeySchema } from '../domain/plan';
import { matchListValue, rowTypes } from '../domain/vocabulary';
import { cellAddress } from './a1';
import {
  CTG_FORMAT_VERSION,
  ctgMetaRows,
  ctgMetaValueCell,
  KEY_COLUMNS,
  KEYS_FIRST_ROW,
  META_VALUE_COLUMN,
  type CtgMetaField,
} from './ctg-meta-layout';
import { metaTexts } from './texts';

/** What `_ctg` says about the workbook. */
export interface CtgMeta {
  formatVersion: number;
  planFingerprint: string;
  territory: string;
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  lastWrittenAt: string;
  /** Empty unless the workbook is an extract made for a partner. */
  extractPartner: string;
  masterFingerprint: string;
  keys: KeyEntry[];
  /** Keys removed from the plan since generation, never given again (empty when none). */
  retiredKeys: KeyEntry[];
}

export interface CtgMetaReading {
  /** Null when the sheet cannot be used (no version, or a newer one): the workbook is then not readable. */
  meta: CtgMeta | null;
  issues: WorkbookIssue[];
  /** The format version the workbook was written in, before migration (null when `meta` is). */
  writtenVersion: number | null;
}

/**
 * Older formats are brought to the current one here, step by step (none exists yet: version 1 is the first).
 * Each step takes the meta as read with the older layout and returns it in the next version's shape.
 */
const migrations: Record<number, (meta: CtgMeta) => CtgMeta> = {};

function migrate(meta: CtgMeta): CtgMeta {
  let current = meta;
  for (let version = meta.formatVersion; version < CTG_FORMAT_VERSION; version += 1) {
    const step = migrations[version];
    current = step ? step(current) : current;
  }
  return { ...current, formatVersion: CTG_FORMAT_VERSION };
}

function readKeys(grid: SheetGrid, issues: WorkbookIssue[]): KeyEntry[] {
  const keys: KeyEntry[] = [];
  const fiches = new Set<string>();
  for (let row = KEYS_FIRST_ROW; row <= grid.rows.length; row += 1) {
    const key = gridText(grid, row, KEY_COLUMNS.key);
    if (key === '') break;
    const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
    const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
    const cell = cellAddress(row, KEY_COLUMNS.key);
    const valid =
      rowKeySchema.safeParse(key).success && type !== null && (type === 'Fiche' ? parent === '' : fiches.has(parent));
    if (!valid || type === null) {
      issues.push(createIssue('ctg-key-list-invalid', { sheet: grid.name, cell, rowKey: key }, { key }));
      continue;
    }
    if (type === 'Fiche') fiches.add(key);
    keys.push({ key, type, parentKey: type === 'Fiche' ? null : parent });
  }
  return keys;
}

/** The block titled `metaTexts.retiredKeysTitle` below the key list; malformed rows are skipped (only indices matter). */
function readRetiredKeys(grid: SheetGrid): KeyEntry[] {
  let row = KEYS_FIRST_ROW;
  while (row <= grid.rows.length && gridText(grid, row, KEY_COLUMNS.key) !== metaTexts.retiredKeysTitle) row += 1;
  const keys: KeyEntry[] = [];
  for (row += 1; row <= grid.rows.length; row += 1) {
    const key = gridText(grid, row, KEY_COLUMNS.key);
    if (key === '') break;
    const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
    if (!rowKeySchema.safeParse(key).success || type === null) continue;
    const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
    keys.push({ key, type, parentKey: type === 'Fiche' ? null : parent });
  }
  return keys;
}

/**
 * Reads `_ctg` at the positions of ctg-meta-layout.ts. A missing or newer format version is an error and gives
 * no meta (`format-too-new` names both versions); an older one is migrated.
 */
export function readCtgMeta(grid: SheetGrid): CtgMetaReading {
  const issues: WorkbookIssue[] = [];
  const sheet = grid.name;
  const version = gridValue(grid, ctgMetaRows.formatVersion, META_VALUE_COLUMN);
  const versionNumber = typeof version === 'string' && /^\d+$/.test(version.trim()) ? Number(version) : version;
  const versionCell = ctgMetaValueCell('formatVersion');
  if (typeof versionNumber !== 'number' || !Number.isInteger(versionNumber) || versionNumber < 1) {
    issues.push(createIssue('ctg-format-version-missing', { sheet, cell: versionCell }));
    return { meta: null, issues, writtenVersion: null };
  }
  if (versionNumber > CTG_FORMAT_VERSION) {
    issues.push(
      createIssue(
        'format-too-new',
        { sheet, cell: versionCell },
        {
          found: versionNumber,
          supported: CTG_FORMAT_VERSION,
        },
      ),
    );
    return { meta: null, issues, writtenVersion: null };
  }
  const text = (field: CtgMetaField) => gridText(grid, ctgMetaRows[field], META_VALUE_COLUMN);
  const meta: CtgMeta = {
    formatVersion: versionNumber,
    planFingerprint: text('planFingerprint'),
    territory: text('territory'),
    periodStart: text('periodStart'),
    periodEnd: text('periodEnd'),
    generatedAt: text('generatedAt'),
    lastWrittenAt: text('lastWrittenAt'),
    extractPartner: text('extractPartner'),
    masterFingerprint: text('masterFingerprint'),
    keys: readKeys(grid, issues),
    retiredKeys: readRetiredKeys(grid),
  };
  return { meta: migrate(meta), issues, writtenVersion: versionNumber };
}

/** An error when the stored fingerprint is not the one of the stored key list (the key list was edited). */
export async function checkCtgFingerprint(meta: CtgMeta, sheet: string): Promise<WorkbookIssue[]> {
  const expected = await keyListFingerprint(meta.keys);
  if (expected === meta.planFingerprint) return [];
  const cell = ctgMetaValueCell('planFingerprint');
  return [createIssue('ctg-fingerprint-mismatch', { sheet, cell }, {})];
}
