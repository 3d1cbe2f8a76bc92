import type { ProtectionSpec, WorkbookSpec } from '../layout/workbook-spec';
import { unusedNames } from './temporary-names';
import { excelNameKey, type WorkbookFacts } from './workbook-facts';

/** One sheet of the spec: the name it is written under, the one it takes at the switch, the sheet it replaces. */
export interface SwitchSheet {
  real: string;
  temporary: string;
  /** The sheet it replaces (same name, any case), as the workbook spells it, its id and its name while set aside. */
  old?: { name: string; id: string; aside: string };
  visible: boolean;
  protection?: ProtectionSpec;
}

/** What a write does to the workbook's sheets and names, decided from the facts before anything is queued. */
export interface SwitchPlan {
  sheets: SwitchSheet[];
  /** A new workbook's lone empty sheet, deleted at the switch. */
  blank?: { name: string; id: string };
  /** Ids of every sheet there before the write: the others are this write's. */
  idsBefore: string[];
  /** Defined names of the spec the workbook holds (replaced at the switch) and lacks (added with the new sheets). */
  staleNames: string[];
  addedNames: string[];
  /**
   * Sheets the user added, kept after ours — a sheet named like a temporary one too (`ctg-nouvelle-1`): a name
   * says nothing of who made a sheet, and what a person made is never deleted; the temporary names avoid it.
   */
  kept: string[];
}

export function planSwitch(spec: WorkbookSpec, facts: WorkbookFacts): SwitchPlan {
  const existing = facts.sheets;
  const specNames = new Set(spec.sheets.map((sheet) => excelNameKey(sheet.name)));
  const replaced = existing.filter((name) => specNames.has(excelNameKey(name)));
  const blankNewWorkbook = existing.length === 1 && replaced.length === 0 && facts.firstSheetBlank;
  const taken = new Set(existing.map(excelNameKey));
  const temporary = unusedNames('ctg-nouvelle', spec.sheets.length, taken);
  const aside = unusedNames('ctg-ancienne', spec.sheets.length, taken);
  const idOf = (name: string) => facts.ids[existing.indexOf(name)];
  const definedNames = new Set(facts.definedNames.map(excelNameKey));
  return {
    sheets: spec.sheets.map((sheet, index) => {
      const old = replaced.find((name) => excelNameKey(name) === excelNameKey(sheet.name));
      return {
        real: sheet.name,
        temporary: temporary[index],
        ...(old ? { old: { name: old, id: idOf(old), aside: aside[index] } } : {}),
        visible: sheet.visibility === 'visible',
        ...(sheet.protection ? { protection: sheet.protection } : {}),
      };
    }),
    ...(blankNewWorkbook ? { blank: { name: existing[0], id: facts.ids[0] } } : {}),
    idsBefore: [...facts.ids],
    staleNames: spec.definedNames.map((n) => n.name).filter((name) => definedNames.has(excelNameKey(name))),
    addedNames: spec.definedNames.map((n) => n.name).filter((name) => !definedNames.has(excelNameKey(name))),
    kept: existing.filter((name) => !specNames.has(excelNameKey(name)) && !blankNewWorkbook),
  };
}
