import { gridCell, gridText, gridValue, type SheetGrid } from '../../../domain/grid';
import { createIssue } from '../../../domain/issues';
import { type WorkbookIssue } from '../../../domain/issues';
import { keyListFingerprint, type KeyEntry } from '../../../domain/plan-keys';
import { isRowKey } from '../../../domain/plan';
import { parentKeyOf, rowTypeOfKey, type AxisSheetReading } from '../../../domain/tracking';
import type { SheetKeys } from '../../../domain/validation/sheets';
import { matchListValue, rowTypes, type RowType } from '../../../domain/vocabulary';
import { cellAddress } from '../../a1';
import { shownCellValue } from '../../../domain/messages/shown-cell-value';
import {
  CTG_FORMAT_VERSION,
  ctgMetaRows,
  ctgMetaValueCell,
  KEY_AXES_SINCE_VERSION,
  KEY_COLUMNS,
  KEYS_FIRST_ROW,
  META_VALUE_COLUMN,
  type CtgMetaField,
} from './ctg-meta-layout';
import { migrateKeyAxes } from './key-axes-migration';
import { readSentValues, type SentValue } from './sent-values';
import {
  axisOfRow,
  ctgBlockRows,
  isEmptyKeyRow,
  isKeyAloneClearedRow,
  keyListEndRow,
  keyListGapMatters,
  retiredRowReading,
  type CtgBlockRows,
  type KeyListGap,
} from './ctg-meta-blocks';
import { changedRetiredKeyIssues } from './retired-key-changes';
import { shownContent, typedCellIssues } from './ctg-meta-typed-cells';

/** What `_ctg` says about the workbook. */
export interface CtgMeta {
  /** The format of the meta: as stored by `readCtgMeta`, the current one once `migrateCtgMeta` has run. */
  formatVersion: number;
  /**
   * The version the workbook was written in when older than this code's (it is migrated on its next rewrite,
   * which journals it once); null when it is the current one.
   */
  migratedFrom: number | null;
  planFingerprint: string;
  territory: string;
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  lastWrittenAt: string;
  /** Empty unless the workbook is an extract made for a partner. */
  extractPartner: string;
  masterFingerprint: string;
  /** An extract's last open quarter as stored (`AAAA-Tn`), else empty. */
  extractUpTo: string;
  /** An extract's `Valeurs envoyées` (empty for a master). */
  sentValues: SentValue[];
  keys: KeyEntry[];
  /** Keys removed from the plan since generation, never given again (empty when none). */
  retiredKeys: KeyEntry[];
  /** The key list's rows whose key was cleared or that were emptied by hand (cleared-keys.ts); absent when none. */
  clearedKeys?: ClearedKeyRow[];
}

/**
 * A row of the key list whose key was cleared by hand (`left`: its type, parent key and axis as read; `typeShown`, the
 * type cell as shown, when it was changed or cleared too), or that was emptied (no `left`): the list is read on past
 * it (`keyListEndRow`), its key to be found in the axis sheets.
 */
export interface ClearedKeyRow {
  /** Its row in `_ctg`. */
  row: number;
  /** Where its key stood in the list as read: right before `keys[at]`. */
  at: number;
  left?: { type: RowType | null; parentKey: string; axis: number | null; typeShown?: string };
}

export interface CtgMetaReading {
  /** Null when the sheet cannot be used (no version, or a newer one): the workbook is then not readable. */
  meta: CtgMeta | null;
  issues: WorkbookIssue[];
  /** The format version the workbook was written in, before migration (null when `meta` is). */
  writtenVersion: number | null;
}

/**
 * What a migration step may look at besides `_ctg`: the workbook's axis sheets as read, and the keys held by its
 * other read sheets that are not the tool's (an axis sheet renamed).
 */
export interface MigrationInput {
  axisSheets: readonly AxisSheetReading[];
  otherSheets: readonly SheetKeys[];
}

type MigrationStep = (meta: CtgMeta, workbook: MigrationInput) => CtgMeta;

/**
 * Older formats are brought to the current one here, step by step: the steps listed under a version take the meta
 * as read with that version's layout and return it in the next version's shape. Whatever the steps, a rewrite
 * journals the update once (`formatUpdateJournalEntry`, src/layout/workbook-layout.ts).
 */
const migrations: Record<number, MigrationStep[]> = {
  1: [migrateKeyAxes],
  // 2 → 3 changes no cell that is read: the rewrite that migrates rebuilds the workbook, without tables or groups.
  2: [],
};

/** The meta as `readCtgMeta` gave it, brought to CTG_FORMAT_VERSION (`migratedFrom` says from which version). */
export function migrateCtgMeta(meta: CtgMeta, workbook: MigrationInput): CtgMeta {
  let current = meta;
  for (let version = meta.formatVersion; version < CTG_FORMAT_VERSION; version += 1) {
    for (const step of migrations[version] ?? []) current = step(current, workbook);
  }
  const migratedFrom = meta.formatVersion < CTG_FORMAT_VERSION ? meta.formatVersion : null;
  return { ...current, formatVersion: CTG_FORMAT_VERSION, migratedFrom };
}

/**
 * The key list's rows. A row whose key was cleared, or emptied, by hand (`keyListEndRow` reads on past it) is no key
 * read: it is kept aside, where it stood, for its key to be found in the axis sheets (cleared-keys.ts); the criteria
 * under a fiche's row so cleared are read with the fiche key they name.
 */
function readKeys(
  grid: SheetGrid,
  blocks: CtgBlockRows,
  withAxes: boolean,
  issues: WorkbookIssue[],
): { keys: KeyEntry[]; cleared: ClearedKeyRow[] } {
  const keys: KeyEntry[] = [];
  const cleared: ClearedKeyRow[] = [];
  const fiches = new Set<string>();
  // A fiche's key cleared (or a row emptied) since the last fiche read: the criteria under it name a fiche not read.
  let ficheCleared = false;
  for (let row = KEYS_FIRST_ROW, end = blocks.keyListEnd; row < end; row += 1) {
    const key = gridText(grid, row, KEY_COLUMNS.key);
    const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
    const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
    const axis = withAxes ? axisOfRow(grid, row) : null;
    if (key === '') {
      const emptied = isEmptyKeyRow(grid, row);
      // Its type changed too: what the cell shows, to be said; a row without a parent key is a fiche's.
      const typeChanged = !emptied && !isKeyAloneClearedRow(grid, row);
      const typeShown = typeChanged ? { typeShown: shownContent(gridCell(grid, row, KEY_COLUMNS.type)) } : {};
      cleared.push(
        emptied
          ? { row, at: keys.length }
          : { row, at: keys.length, left: { type, parentKey: parent, axis, ...typeShown } },
      );
      ficheCleared ||= emptied || type === 'Fiche' || (typeChanged && parent === '');
      continue;
    }
    const parentRead = fiches.has(parent) || (ficheCleared && rowTypeOfKey(parent) === 'Fiche');
    const valid =
      isRowKey(key) && type !== null && (type === 'Fiche' ? parent === '' : parentRead) && (!withAxes || axis !== null);
    const keyType = rowTypeOfKey(key);
    let read: RowType;
    if (valid && keyType !== null && isOtherCriterionType(type, keyType)) {
      // The key's QN/QL may as well be the cell changed: both are named. Read with the type its key gives meanwhile.
      const typeCell = cellAddress(row, KEY_COLUMNS.type);
      const params = { key, changed: 'either', type, typeCell, expected: keyType };
      const cell = cellAddress(row, KEY_COLUMNS.key);
      issues.push(createIssue('ctg-key-list-invalid', { sheet: grid.name, cell, rowKey: key }, params));
      read = keyType;
    } else if (valid && type !== null) read = type;
    else if (keyType !== null && isTypeAloneChanged(key, keyType, parent, parentRead, !withAxes || axis !== null)) {
      // The tools' row with its type changed by hand: read with the type its key gives, said where to type it back.
      const typeCell = cellAddress(row, KEY_COLUMNS.type);
      const value = shownContent(gridCell(grid, row, KEY_COLUMNS.type));
      const params = { key, changed: 'type', value, expected: keyType };
      issues.push(createIssue('ctg-key-list-invalid', { sheet: grid.name, cell: typeCell, rowKey: key }, params));
      read = keyType;
    } else {
      const cell = cellAddress(row, KEY_COLUMNS.key);
      issues.push(createIssue('ctg-key-list-invalid', { sheet: grid.name, cell, rowKey: key }, { key }));
      continue;
    }
    if (read === 'Fiche') {
      fiches.add(key);
      ficheCleared = false;
    }
    keys.push({ key, type: read, parentKey: read === 'Fiche' ? null : parent, ...(axis === null ? {} : { axis }) });
  }
  return { keys, cleared };
}

/** Whether a criterion's key is listed with the other criterion's type (`G1-QN1` typed `Qualitatif`). */
function isOtherCriterionType(type: RowType | null, keyType: RowType): boolean {
  return type !== null && type !== 'Fiche' && keyType !== 'Fiche' && type !== keyType;
}

/**
 * Whether a key row that does not read is the tools' with its type alone changed by hand: its key's suffix gives the
 * type (docs/WORKBOOK.md, « Keys »), and the rest of the row is as the tools write it for that type (the parent key
 * the key gives, a fiche listed above for a criterion (`parentRead`); the axis read).
 */
function isTypeAloneChanged(
  key: string,
  keyType: RowType,
  parent: string,
  parentRead: boolean,
  axisRead: boolean,
): boolean {
  if (!axisRead || parent !== (parentKeyOf(key) ?? '')) return false;
  return keyType === 'Fiche' || parentRead;
}

/**
 * The block titled `metaTexts.retiredKeysTitle` below the key list (its title changed by hand: `retiredKeysTitle`); a
 * row that is no retired key is skipped here (only indices matter), and named: as typed by a person (`ctg-cell-typed`,
 * ctg-meta-typed-cells.ts), or as the tools' row with its key or type (or both) changed by hand (`ctg-retired-key-changed`,
 * retired-key-changes.ts), or as emptied by hand, its key lost (`ctg-retired-key-cleared`, the block read on past
 * it: `retiredBlockEndRow`). An axis that cannot be read is left out (it is only told).
 */
function readRetiredKeys(grid: SheetGrid, { retired }: CtgBlockRows): KeyEntry[] {
  const keys: KeyEntry[] = [];
  if (retired === null) return keys;
  for (let row = retired.title.row + 1; row < retired.end; row += 1) {
    const key = gridText(grid, row, KEY_COLUMNS.key);
    const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
    if (retiredRowReading(grid, row) !== 'retired-key' || type === null) continue;
    const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
    const axis = axisOfRow(grid, row);
    keys.push({ key, type, parentKey: type === 'Fiche' ? null : parent, ...(axis === null ? {} : { axis }) });
  }
  return keys;
}

/**
 * Reads `_ctg` at the positions of ctg-meta-layout.ts, as stored. A missing or newer format version is an error and
 * gives no meta (`format-too-new` names both versions); an older one is read with its own layout, for
 * `migrateCtgMeta` to bring up to date once the axis sheets are read. `gap`: how empty rows under rows of the key
 * list are read (`KeyListGap`; by their count alone unless `readCtgMetaSettled` has told which they are).
 */
export function readCtgMeta(grid: SheetGrid, gap: KeyListGap = 'by-count'): CtgMetaReading {
  const issues: WorkbookIssue[] = [];
  const sheet = grid.name;
  const version = gridValue(grid, ctgMetaRows.formatVersion, META_VALUE_COLUMN);
  const versionNumber = typeof version === 'string' && /^\d+$/.test(version.trim()) ? Number(version) : version;
  const versionCell = ctgMetaValueCell('formatVersion');
  if (typeof versionNumber !== 'number' || !Number.isInteger(versionNumber) || versionNumber < 1) {
    // What is there, if anything, as a person sees it (« 2,5 »): a version typed wrong is not a missing one.
    const found: Record<string, string | number> =
      version === null || (typeof version === 'string' && version.trim() === '')
        ? { current: CTG_FORMAT_VERSION }
        : { value: shownCellValue({ value: version }), current: CTG_FORMAT_VERSION };
    issues.push(createIssue('ctg-format-version-missing', { sheet, cell: versionCell }, found));
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
  const blocks = ctgBlockRows(grid, gap);
  const { keys, cleared } = readKeys(grid, blocks, versionNumber >= KEY_AXES_SINCE_VERSION, issues);
  const meta: CtgMeta = {
    formatVersion: versionNumber,
    migratedFrom: null,
    planFingerprint: text('planFingerprint'),
    territory: text('territory'),
    periodStart: text('periodStart'),
    periodEnd: text('periodEnd'),
    generatedAt: text('generatedAt'),
    lastWrittenAt: text('lastWrittenAt'),
    extractPartner: text('extractPartner'),
    masterFingerprint: text('masterFingerprint'),
    extractUpTo: text('extractUpTo'),
    sentValues: readSentValues(grid, blocks.sentTitleRow),
    keys,
    retiredKeys: readRetiredKeys(grid, blocks),
    ...(cleared.length === 0 ? {} : { clearedKeys: cleared }),
  };
  // A partner's extract is never written again by the tools (its `_ctg` is not rewritten): nothing there is lost.
  const isExtract = meta.extractPartner !== '' || meta.masterFingerprint !== '' || meta.extractUpTo !== '';
  if (!isExtract) issues.push(...changedRetiredKeyIssues(grid, blocks), ...typedCellIssues(grid, blocks));
  return { meta, issues, writtenVersion: versionNumber };
}

/**
 * `_ctg` read (`reading`, by `readCtgMeta` as is) with the empty rows under rows of its key list, keys under them and
 * no block's title below, told by the fingerprint (`KeyListGap`): when the keys above them are the list it was taken
 * of, the list ends there and the keys under them are the retired keys, their title cleared or its row deleted; else
 * they are rows of the list emptied by hand, their keys found in the axis sheets (cleared-keys.ts). Never, by their
 * count alone, live keys said to be retired under a title to type back, nor retired keys live keys gone. With a key
 * cleared above them, the list there is whole only once that key is found in the axis sheets: it is read as rows of
 * the list emptied meanwhile, and the list read as ending there is `underList`, for the caller to try then; so it is
 * when neither has the fingerprint (the list changed otherwise too): read so by the empty rows' count too (`byCount`:
 * two or more, the title cleared), the axis sheets tell the keys under them retired when they hold none of them.
 */
export async function readCtgMetaSettled(grid: SheetGrid, reading: CtgMetaReading): Promise<SettledCtgMeta> {
  if (!reading.meta || !keyListGapMatters(grid)) return { reading };
  const underList = readCtgMeta(grid, 'under-list');
  const inList = readCtgMeta(grid, 'in-list');
  if (!underList.meta) return { reading: inList };
  const byCount = keyListEndRow(grid) === keyListEndRow(grid, 'under-list');
  if (underList.meta.clearedKeys) return { reading: inList, underList, byCount };
  const whole = (await keyListFingerprint(underList.meta.keys)) === underList.meta.planFingerprint;
  return whole ? { reading: underList } : { reading: inList, underList, byCount };
}

/**
 * `_ctg` as `readCtgMetaSettled` reads it, and the list read as ending at empty rows, to try with the axis sheets
 * (`byCount`: as the empty rows' count alone reads them).
 */
export interface SettledCtgMeta {
  reading: CtgMetaReading;
  underList?: CtgMetaReading;
  byCount?: boolean;
}

/** An error when the stored fingerprint is not the one of the stored key list (the key list was edited). */
export async function checkCtgFingerprint(meta: CtgMeta, sheet: string): Promise<WorkbookIssue[]> {
  const expected = await keyListFingerprint(meta.keys);
  if (expected === meta.planFingerprint) return [];
  const cell = ctgMetaValueCell('planFingerprint');
  return [createIssue('ctg-fingerprint-mismatch', { sheet, cell }, {})];
}
