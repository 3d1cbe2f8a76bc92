import type { Issue } from '../issues';
import { createIssue } from '../issues';
import { nameKey } from '../name-key';

/** A sheet and the row keys it holds (under its `Clé` header). */
export interface SheetKeys {
  sheet: string;
  keys: readonly string[];
  /**
   * The expected sheet whose table it holds, told by its header row, for a sheet whose rows have no keys
   * (`Compétences AO`); absent otherwise.
   */
  tableOf?: string;
}

/**
 * Every expected sheet (Paramètres, _ctg, each `Axe N` the key list needs) that the workbook lacks. A lost axis
 * sheet whose stored keys are, at least half of them, in one sheet the workbook does not expect (a person renamed
 * it) is said to be that sheet renamed: its rows are not lost, the sheet only needs its name back. So is a lost sheet
 * without keys (`Compétences AO`) when an unexpected sheet holds its table (`tableOf`), and any lost sheet when an
 * unexpected sheet has its name but for accents, case or spacing (« Parametres »).
 */
export function missingSheetIssues(
  expectedSheets: readonly string[],
  presentSheets: readonly string[],
  {
    expectedKeys = [],
    unexpectedSheets = [],
  }: { expectedKeys?: readonly SheetKeys[]; unexpectedSheets?: readonly SheetKeys[] } = {},
): Issue[] {
  const present = new Set(presentSheets);
  const taken = new Set<string>();
  return [...new Set(expectedSheets)]
    .filter((name) => !present.has(name))
    .map((name) => {
      const keys = new Set(expectedKeys.find((sheet) => sheet.sheet === name)?.keys ?? []);
      const renamed =
        likelyRenamed(keys, unexpectedSheets, taken) ??
        unexpectedSheets.find((sheet) => sheet.tableOf === name && !taken.has(sheet.sheet))?.sheet ??
        // A name typed again without its accent or case (« Parametres »): the sheet itself, whatever it holds.
        unexpectedSheets.find((sheet) => nameKey(sheet.sheet) === nameKey(name) && !taken.has(sheet.sheet))?.sheet ??
        null;
      if (renamed) taken.add(renamed);
      const params: Record<string, string> = renamed ? { sheetName: name, renamedAs: renamed } : { sheetName: name };
      return createIssue('missing-sheet', { sheet: name, cell: null, rowKey: null }, params);
    });
}

/** The sheet holding most of `keys`, if it holds at least half of them; null otherwise. */
function likelyRenamed(keys: Set<string>, candidates: readonly SheetKeys[], taken: Set<string>): string | null {
  if (keys.size === 0) return null;
  let best: { sheet: string; shared: number } | null = null;
  for (const candidate of candidates) {
    if (taken.has(candidate.sheet)) continue;
    const shared = new Set(candidate.keys.filter((key) => keys.has(key))).size;
    if (shared * 2 >= keys.size && (!best || shared > best.shared)) best = { sheet: candidate.sheet, shared };
  }
  return best?.sheet ?? null;
}
