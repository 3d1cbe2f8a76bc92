import { consolidationSheets } from '../sheet-selections';

/**
 * What a consolidation reads of each territory's workbook, on the command line and in the pane alike (options of
 * `readXlsx`, src/xlsx/reader/README.md): the figures' sheets only, and the Journal when Historique is missing
 * (`consolidationSheets`); formula texts left where a cell has a result (the figures need to know a cell holds a
 * formula, and its text only where it has none); each sheet up to the end of its cells (a consolidation never writes
 * a workbook back); when the file was last saved, which tells apart two copies of a territory whose own dates are
 * the same.
 */
export const consolidationRead = {
  sheets: consolidationSheets,
  formulaTexts: false,
  sheetTails: false,
  savedAt: true,
} as const;
