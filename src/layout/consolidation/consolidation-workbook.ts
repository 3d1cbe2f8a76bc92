import type { Consolidation } from '../../domain/consolidation/consolidation';
import { EXCEL_CELL_TEXT_LIMIT } from '../../domain/plan-checks';
import { buildGuideSheet } from '../sheets/guide/guide-sheet';
import type { SheetSpec, WorkbookSpec } from '../workbook-spec';
import { buildConsolidationAoSheet } from './consolidation-ao-sheet';
import {
  consolidationGuideSections,
  consolidationGuideTitle,
  consolidationSheetNames,
  consolidationTexts,
} from './consolidation-texts';
import { buildGroupMatrixSheet } from './group-matrix-sheet';
import { buildGroupSheet } from './group-sheet';
import { buildRejectedSheet } from './rejected-sheet';
import { buildTerritoriesSheet } from './territories-sheet';

/**
 * The consolidation workbook (docs/WORKBOOK.md, « Consolidation »): a Guide, the territories, the champs
 * d'intervention and the publics (across territories, then side by side), the AO tables and the files left out.
 * Built from the consolidation alone: every count is a value, every rate a formula over counts of the workbook with
 * its cached result, so that it needs none of the territories' files and a viewer that does not recalculate shows
 * the right figures. Not a tracking workbook: no `_ctg`, no defined names, nothing to type.
 */
export function buildConsolidationWorkbook(consolidation: Consolidation, context: { writtenAt: string }): WorkbookSpec {
  const names = consolidationSheetNames;
  const fields = buildGroupSheet(names.fields, 'field', consolidation.fields);
  const publics = buildGroupSheet(names.publics, 'public', consolidation.publics);
  const matrix = (name: string, kind: 'field' | 'public', sheet: string, built: typeof fields) =>
    buildGroupMatrixSheet(
      name,
      kind,
      { sheet, groups: kind === 'field' ? consolidation.fields : consolidation.publics, rows: built.rows },
      consolidation.territories,
    );
  const sheets = [
    buildGuideSheet(consolidationGuideSections, consolidationGuideTitle),
    buildTerritoriesSheet(consolidation, context.writtenAt),
    fields.sheet,
    matrix(names.fieldsByTerritory, 'field', names.fields, fields),
    publics.sheet,
    matrix(names.publicsByTerritory, 'public', names.publics, publics),
    buildConsolidationAoSheet(consolidation.territories),
    buildRejectedSheet(consolidation),
  ];
  return {
    sheets: sheets.map(withPageHeaderAndFooter).map(withinCellLimit),
    definedNames: [],
    properties: { title: consolidationTexts.workbookTitle, creator: consolidationTexts.creator },
  };
}

/** Every printed page says what it is a page of: the workbook's title above, the sheet and page number below. */
function withPageHeaderAndFooter(sheet: SheetSpec): SheetSpec {
  if (!sheet.print) return sheet;
  const headerFooter = { header: consolidationTexts.workbookTitle, footer: consolidationTexts.pageFooter };
  return { ...sheet, print: { ...sheet.print, headerFooter } };
}

/**
 * The last guard: a text longer than a cell holds (a reason quoting a file's own text) is cut, marked « … », rather
 * than written whole, which LibreOffice cuts without a word and Excel offers to repair. The messages quote long
 * values short (`quotedShort`): this only catches what they did not foresee.
 */
function withinCellLimit(sheet: SheetSpec): SheetSpec {
  const tooLong = (value: unknown) => typeof value === 'string' && value.length > EXCEL_CELL_TEXT_LIMIT;
  if (!sheet.rows.some((row) => row?.cells.some((cell) => tooLong(cell?.value)))) return sheet;
  const rows = sheet.rows.map((row) =>
    row?.cells.some((cell) => tooLong(cell?.value))
      ? {
          ...row,
          cells: row.cells.map((cell) =>
            cell && typeof cell.value === 'string' && tooLong(cell.value)
              ? { ...cell, value: `${cell.value.slice(0, EXCEL_CELL_TEXT_LIMIT - 1)}…` }
              : cell,
          ),
        }
      : row,
  );
  return { ...sheet, rows };
}
