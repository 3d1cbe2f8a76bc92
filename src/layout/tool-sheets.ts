import { axisNumberOfSheetName } from './sheets/axis/read-axis-sheet';
import { sheetNames } from './texts';

const ownSheetNames = new Set<string>(Object.values(sheetNames));

/**
 * Whether a sheet of that name is one the tool writes (Guide, Journal, `_ctg`…, and the axis sheets): never a
 * table a person pasted, nor a renamed axis sheet.
 */
export function isToolSheetName(name: string): boolean {
  return ownSheetNames.has(name) || axisNumberOfSheetName(name) !== null;
}
