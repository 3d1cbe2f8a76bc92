import type { WorkbookSpec } from '../layout/workbook-spec';
import { runExcel } from './excel-run';
import { leaving } from './excel-errors';
import { recoveryRefused } from './edits-since-read';
import { queueFinish, queueProtection, queueSwitch } from './sheet-switch';
import type { SwitchPlan } from './switch-plan';
import { excelNameKey } from './workbook-facts';

/**
 * After a failed write request: Office.js kept what the request did before the failing action (no rollback), so
 * the sheets are looked at and the workbook made whole again, old or new:
 *
 * - every new sheet holds its name (the switch reached the deletes): the switch is finished;
 * - every new sheet is whole and hidden under its temporary name, the old ones untouched (a failure in the
 *   presentation, the protection or the first renames): protection and switch are sent again, once, and the
 *   outcome says the presentation may be incomplete;
 * - otherwise the new sheets are deleted, the old ones take their names back, the names added are removed, and the
 *   error is thrown: the workbook is the one the person had.
 *
 * The new sheets are told from the old ones by id (the facts list the ids of the sheets there before).
 */
export interface Recovered {
  presentationIncomplete: boolean;
  syncs: number;
}

interface LoadedSheet {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
}

export async function recoverWrite(
  excel: typeof Excel,
  plan: SwitchPlan,
  spec: WorkbookSpec,
  failure: unknown,
  retried = false,
): Promise<Recovered> {
  let syncs = 0;
  let retryFailure: unknown = null;
  let restored = false;
  const outcome = await runExcel(excel, async (context): Promise<Recovered | null> => {
    const workbook = context.workbook;
    workbook.worksheets.load('items/id,items/name,items/visibility,items/protection/protected');
    workbook.names.load('items/name');
    await context.sync();
    syncs += 1;
    const sheets: LoadedSheet[] = workbook.worksheets.items.map((sheet) => ({
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      protected: sheet.protection.protected,
    }));
    const names = workbook.names.items.map((item) => item.name);
    const before = new Set(plan.idsBefore);
    const created = sheets.filter((sheet) => !before.has(sheet.id));
    const named = (name: string) => (sheet: LoadedSheet) => excelNameKey(sheet.name) === excelNameKey(name);
    const byId = (id: string | undefined) => sheets.find((sheet) => sheet.id === id);

    if (plan.sheets.every((sheet) => created.some(named(sheet.real)))) {
      // Past the renames: finish the switch.
      for (const sheet of plan.sheets) if (byId(sheet.old?.id)) workbook.worksheets.getItem(sheet.old!.id).delete();
      if (byId(plan.blank?.id)) workbook.worksheets.getItem(plan.blank!.id).delete();
      for (const sheet of plan.sheets)
        if (sheet.visible) workbook.worksheets.getItem(sheet.real).visibility = 'Visible';
      const specNames = new Set(spec.definedNames.map((name) => excelNameKey(name.name)));
      queueFinish(context, plan, spec, {
        namesToDelete: names.filter((name) => specNames.has(excelNameKey(name))),
        namesToAdd: spec.definedNames.map((name) => name.name),
      });
      await context.sync();
      syncs += 1;
      return { presentationIncomplete: false, syncs };
    }

    const contentDone = plan.sheets.every(
      (sheet) =>
        created.some((found) => named(sheet.temporary)(found) && found.visibility === 'Hidden') &&
        (!sheet.old || byId(sheet.old.id)?.name === sheet.old.name),
    );
    if (contentDone && !retried) {
      const unprotected = new Set(created.filter((sheet) => !sheet.protected).map((sheet) => excelNameKey(sheet.name)));
      queueProtection(context, plan, (temporary) => unprotected.has(excelNameKey(temporary)));
      queueSwitch(context, plan, spec);
      try {
        await context.sync();
        syncs += 1;
        return { presentationIncomplete: true, syncs };
      } catch (error) {
        syncs += 1;
        retryFailure = error;
        return null;
      }
    }

    // Back to the workbook as it was.
    for (const sheet of created) workbook.worksheets.getItem(sheet.id).delete();
    for (const sheet of plan.sheets) {
      const old = byId(sheet.old?.id);
      if (old && excelNameKey(old.name) === excelNameKey(sheet.old!.aside))
        workbook.worksheets.getItem(old.id).name = sheet.old!.name;
    }
    const added = new Set(plan.addedNames.map(excelNameKey));
    for (const name of names) if (added.has(excelNameKey(name))) workbook.names.getItem(name).delete();
    await context.sync();
    syncs += 1;
    restored = true;
    throw failure;
  }).catch(() => {
    // The workbook given back (the failure's own explanation), or the look or the finishing failed: the first
    // failure, saying whether the workbook is the one the person had.
    throw restored ? leaving(failure, 'restored') : leaving(recoveryRefused(failure), 'sheets-maybe-changed');
  });
  if (outcome) return outcome;
  const again = await recoverWrite(excel, plan, spec, retryFailure, true);
  return { ...again, syncs: syncs + again.syncs };
}
