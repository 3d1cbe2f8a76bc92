import { axisNumberOfSheetName } from '../layout/sheets/axis/read-axis-sheet';
import { sheetNames } from '../layout/texts';
import type { SheetSelection } from './port';

/**
 * The sheets a use case reads when it needs only part of a workbook (`port.read({ sheets })`). Every sheet is still
 * listed; these say whose cells are read. Validation and the rewrites read the whole workbook: a renamed axis sheet
 * is recognised by the keys it holds, and a rewrite carries every sheet over.
 */

/** None: the sheet list alone (is there a `_ctg`?). */
export const sheetListOnly: SheetSelection = () => false;

/** `_ctg` and Paramètres: whether a workbook is a tracking workbook, its convention and current quarter. */
export const statusSheets: SheetSelection = (name) => name === sheetNames.meta || name === sheetNames.settings;

/**
 * The sheets the figures need: `_ctg`, Paramètres, the axis sheets and Compétences AO, what `readTrackingWorkbook`
 * parses. The figures of a workbook (`readFigures`) read these only; the consolidation of many these and the Journal
 * when Historique is missing (`consolidationSheets`; the others too when an axis sheet is missing, for it renamed:
 * `measureTerritory`).
 */
export const figureSheets: SheetSelection = (name, listed) =>
  statusSheets(name, listed) || name === sheetNames.ao || axisNumberOfSheetName(name) !== null;

/**
 * The sheets a bilan needs: the figures' sheets, `Historique`, the states of the quarters closed, and the Journal,
 * which tells the quarters closed when Historique lost them (src/app/history-expected.ts); the others too when an
 * axis sheet is missing, for it renamed (`buildBilan`'s `reread`).
 */
export const bilanSheets: SheetSelection = (name, listed) =>
  figureSheets(name, listed) || name === sheetNames.history || name === sheetNames.journal;

/**
 * The sheets a consolidation reads of each territory: the figures' sheets, and the Journal when the workbook has no
 * `Historique`, for validation to tell whether it is expected (a closing journalled: src/app/history-expected.ts) and
 * count its error as `validate` does. A workbook that has the sheet, as every one generated now, is read without it.
 */
export const consolidationSheets: SheetSelection = (name, listed) =>
  figureSheets(name, listed) || (name === sheetNames.journal && !listed.includes(sheetNames.history));

/** The Journal alone: whether there is a merge to undo (`hasMergeToUndo`). */
export const journalSheet: SheetSelection = (name) => name === sheetNames.journal;

/** `_ctg`, the tools' hidden record: a person shown it (a cell of it to correct) is told to change nothing else. */
export const isToolsRecordSheet = (name: string): boolean => name === sheetNames.meta;
