import type { ProtectionSpec, WorkbookSpec } from '../layout/workbook-spec';
import type { SwitchPlan } from './switch-plan';
import type { OperationShape } from './request-size';
import { excelNameKey } from './workbook-facts';

/**
 * The last steps of a write (write-workbook.ts): the new sheets, whole under their temporary names, are protected,
 * then take the old ones' place. Each step is a few small actions, queued by name: at its place in the request a
 * name designates the sheet it should (`getItem` resolves where it is queued).
 */

/** Office.js's options for a sheet's protection: what the spec allows, nothing else. */
function protectOptions(protection: ProtectionSpec): Excel.WorksheetProtectionOptions {
  return {
    allowAutoFilter: protection.allowAutoFilter,
    allowFormatColumns: protection.allowFormatColumns,
    allowFormatRows: protection.allowFormatRows,
    allowFormatCells: false,
    allowSort: false,
    allowInsertRows: false,
    allowInsertColumns: false,
    allowDeleteRows: false,
    allowDeleteColumns: false,
    allowInsertHyperlinks: false,
    allowPivotTables: false,
  };
}

/** Protects the new sheets the spec protects (`which`: those still to protect, all by default). */
export function queueProtection(
  context: Excel.RequestContext,
  plan: SwitchPlan,
  which: (temporary: string) => boolean = () => true,
): void {
  for (const sheet of plan.sheets) {
    const protection = sheet.protection;
    if (!protection || !which(sheet.temporary)) continue;
    context.workbook.worksheets.getItem(sheet.temporary).protection.protect(protectOptions(protection));
  }
}

/**
 * Old sheets aside, new ones into place and shown, old ones deleted: until the deletes, the old sheets are whole
 * under their aside names (write-recovery.ts names them back); after them, the new ones hold every name.
 */
export function queueSwitch(context: Excel.RequestContext, plan: SwitchPlan, spec: WorkbookSpec): void {
  const worksheets = context.workbook.worksheets;
  for (const sheet of plan.sheets) if (sheet.old) worksheets.getItem(sheet.old.name).name = sheet.old.aside;
  for (const sheet of plan.sheets) worksheets.getItem(sheet.temporary).name = sheet.real;
  for (const sheet of plan.sheets) if (sheet.visible) worksheets.getItem(sheet.real).visibility = 'Visible';
  for (const sheet of plan.sheets) if (sheet.old) worksheets.getItem(sheet.old.aside).delete();
  if (plan.blank) worksheets.getItem(plan.blank.name).delete();
  queueFinish(context, plan, spec, { namesToDelete: plan.staleNames, namesToAdd: plan.staleNames });
}

/**
 * Once the new sheets hold their names: the defined names the old sheets held (they went with them) pointed at the
 * new ones, sheets in the spec's order, the first one shown active, the document's title and author. `present`: the
 * names to delete, then those to add (a name the workbook lacked was added with the new sheets and followed them).
 */
export function queueFinish(
  context: Excel.RequestContext,
  plan: SwitchPlan,
  spec: WorkbookSpec,
  present: { namesToDelete: readonly string[]; namesToAdd: readonly string[] },
): void {
  const workbook = context.workbook;
  const added = new Set(present.namesToAdd.map(excelNameKey));
  for (const name of present.namesToDelete) workbook.names.getItem(name).delete();
  for (const name of spec.definedNames)
    if (added.has(excelNameKey(name.name))) workbook.names.add(name.name, `=${name.ref}`);
  for (const [index, sheet] of plan.sheets.entries()) workbook.worksheets.getItem(sheet.real).position = index;
  const firstVisible = plan.sheets.find((sheet) => sheet.visible);
  if (firstVisible) workbook.worksheets.getItem(firstVisible.real).activate();
  workbook.properties.title = spec.properties.title;
  workbook.properties.author = spec.properties.creator;
}

/** What queueProtection sends, for the request measure: per sheet, its lookup, its protection and the options. */
export function protectionShape(plan: SwitchPlan): OperationShape {
  const options = plan.sheets.flatMap((sheet) => (sheet.protection ? [protectOptions(sheet.protection)] : []));
  return { objects: 2 * options.length, actions: options.length, payload: options };
}

/** What queueSwitch sends: per sheet, up to four lookups and four actions, then the names, positions and title. */
export function switchShape(plan: SwitchPlan, spec: WorkbookSpec): OperationShape {
  const sheets = plan.sheets.length;
  const names = plan.staleNames.length;
  return {
    objects: 4 * sheets + 2 * names + 3,
    actions: 5 * sheets + 2 * names + 3,
    payload: [plan, spec.definedNames, spec.properties],
  };
}
