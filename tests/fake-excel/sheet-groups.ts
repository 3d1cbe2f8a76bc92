import type { NameEntry, SheetModel, WorkbookModel } from './model';
import { referencedSheets } from './sheet-references';

/** Sheets whose formulas refer to each other, and the workbook's names they may use: evaluated together. */
export interface SheetGroup {
  sheets: SheetModel[];
  names: NameEntry[];
}

/** Functions that reach sheets their arguments do not name, or count them: a workbook holding one is one group. */
const UNBOUNDED = /\b(?:INDIRECT|SHEETS?)\s*\(/i;

/** What a formula may use: the sheets it names (null: it may reach others), its text in lower case for names. */
interface FormulaUses {
  referred: string[] | null;
  lower: string;
}

/**
 * Kept by formula text: the groups are made again after every change, and a workbook's formulas are mostly the same
 * texts from one change to the next (and from one fake to the next, the generated plan's).
 */
const usesByFormula = new Map<string, FormulaUses>();
const USES_KEPT = 200_000;

function usesOf(formula: string): FormulaUses {
  let uses = usesByFormula.get(formula);
  if (!uses) {
    if (usesByFormula.size >= USES_KEPT) usesByFormula.clear();
    const referred = UNBOUNDED.test(formula) ? null : referencedSheets(formula);
    usesByFormula.set(formula, (uses = { referred, lower: formula.toLowerCase() }));
  }
  return uses;
}

/**
 * The workbook's sheets in groups that can be evaluated apart, by sheet name: a formula's value depends only on the
 * sheets it refers to, directly or through a workbook name it may use (any name its text holds, whatever the case),
 * and on those they refer to in turn. A rewrite writes its new sheets beside the old ones, their formulas naming
 * only each other, and reads the old sheets back before deleting them: as one workbook that state was evaluated anew
 * (twice the embedded plan's cells, seconds of HyperFormula), as two groups the old sheets are the workbook as it
 * was, already evaluated. Any formula the scan cannot read whole (sheet-references.ts `referencedSheets`), one
 * naming a sheet the workbook lacks, or one with INDIRECT or SHEET(S), makes the whole workbook one group.
 */
export function sheetGroups(workbook: WorkbookModel): Map<string, SheetGroup> {
  const sheets = workbook.sheets;
  const names = workbook.names.filter((n) => n.sheetId === undefined);
  const whole = (): Map<string, SheetGroup> => {
    const group = { sheets: [...sheets], names };
    return new Map(sheets.map((sheet) => [sheet.name, group]));
  };
  // One node per sheet, then one per name; each formula joins its node with those of what it may use.
  const parent = Array.from({ length: sheets.length + names.length }, (_, node) => node);
  const root = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]];
    return node;
  };
  const join = (a: number, b: number) => {
    parent[root(a)] = root(b);
  };
  const sheetNodes = new Map(sheets.map((sheet, index) => [sheet.name.toLowerCase(), index]));
  const lowerNames = names.map((n) => n.name.toLowerCase());
  const joinUses = (node: number, formula: string): boolean => {
    const { referred, lower } = usesOf(formula);
    if (referred === null) return false;
    for (const name of referred) {
      const sheet = sheetNodes.get(name);
      if (sheet === undefined) return false;
      join(node, sheet);
    }
    for (let index = 0; index < lowerNames.length; index++)
      if (lower.includes(lowerNames[index])) join(node, sheets.length + index);
    return true;
  };
  for (let index = 0; index < sheets.length; index++)
    for (const cell of sheets[index].cells.values())
      if (cell.formula !== undefined && !joinUses(index, cell.formula)) return whole();
  for (let index = 0; index < names.length; index++)
    if (!joinUses(sheets.length + index, names[index].formula)) return whole();

  const groups = new Map<number, SheetGroup>();
  const groupOf = (node: number): SheetGroup => {
    const key = root(node);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sheets: [], names: [] }));
    return group;
  };
  sheets.forEach((sheet, index) => groupOf(index).sheets.push(sheet));
  names.forEach((n, index) => {
    const group = groups.get(root(sheets.length + index));
    // A name no sheet's formula may use is left out: it changes no value.
    if (group) group.names.push(n);
  });
  return new Map(sheets.map((sheet, index) => [sheet.name, groupOf(index)]));
}
