import { renameSheets } from '../layout/formula-references';
import type { ConditionalFormatSpec, SheetSpec, ValidationSpec, WorkbookSpec } from '../layout/workbook-spec';
import { excelNameKey } from './workbook-facts';

/**
 * A rewrite writes its new sheets under temporary names beside the old ones, which keep theirs until the new
 * workbook is whole (write-workbook.ts). The spec's references (`'Axe 1'!$K$4`, always quoted: src/layout/a1.ts;
 * a person's formula copied back may name a sheet without quotes) are written to the temporary names; when a sheet is renamed, Excel rewrites the references to it, so they
 * come back to the real names with the sheets.
 */

/** `count` names `${stem}-1`, `${stem}-2`… that no sheet holds, taken as they are given. */
export function unusedNames(stem: string, count: number, taken: Set<string>): string[] {
  return Array.from({ length: count }, (_, index) => {
    let name = `${stem}-${index + 1}`;
    for (let n = 1; taken.has(excelNameKey(name)); n += 1) name = `${stem}-${index + 1}-${n}`;
    taken.add(excelNameKey(name));
    return name;
  });
}

/**
 * A formula or reference with each sheet reference of `renamed` (real → temporary) changed, quoted or bare
 * (`Paramètres!B9` as a person may type it); string literals kept.
 */
export function withSheetsRenamed(text: string, renamed: ReadonlyMap<string, string>): string {
  return renameSheets(text, (sheet) => renamed.get(excelNameKey(sheet)));
}

/** The spec with its sheets named as `renamed` says and every reference to them following. */
export function specUnderNames(spec: WorkbookSpec, renamed: ReadonlyMap<string, string>): WorkbookSpec {
  const ref = (text: string) => withSheetsRenamed(text, renamed);
  const validation = (v: ValidationSpec): ValidationSpec => (v.kind === 'list' ? { ...v, source: ref(v.source) } : v);
  const conditional = (f: ConditionalFormatSpec): ConditionalFormatSpec =>
    f.kind === 'cellValue'
      ? { ...f, formulas: f.formulas.map(ref) }
      : f.kind === 'expression'
        ? { ...f, formula: ref(f.formula) }
        : f;
  const sheet = (s: SheetSpec): SheetSpec => ({
    ...s,
    name: renamed.get(excelNameKey(s.name)) ?? s.name,
    rows: s.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) =>
        cell && cell.value !== null && typeof cell.value === 'object'
          ? { ...cell, value: { ...cell.value, formula: ref(cell.value.formula) } }
          : cell,
      ),
    })),
    validations: s.validations.map(validation),
    conditionalFormats: s.conditionalFormats.map(conditional),
  });
  return {
    ...spec,
    sheets: spec.sheets.map(sheet),
    definedNames: spec.definedNames.map((name) => ({ ...name, ref: ref(name.ref) })),
  };
}
