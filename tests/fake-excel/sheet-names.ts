import { FakeErrorCodes, officeError } from './errors';
import { WorkbookModel } from './model';

/**
 * Excel's rules for a sheet name: 1–31 characters, none of `[]:*?/\`, no leading or trailing apostrophe, and not
 * « History » in any case, which Excel keeps for its change history (Excel's rename refuses it; generators such as
 * ClosedXML avoid it for that reason).
 */
export function assertValidSheetName(workbook: WorkbookModel, name: unknown, except?: number): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw officeError(FakeErrorCodes.invalidArgument, `The sheet name '${String(name)}' is not valid.`);
  }
  const existing = workbook.sheetByName(name);
  if (existing && existing.id !== except) {
    throw officeError(FakeErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
  }
  return name;
}
