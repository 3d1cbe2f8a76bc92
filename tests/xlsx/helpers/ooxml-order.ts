import { SaxesParser } from 'saxes';

/** Children of `<worksheet>` in the order of ECMA-376 CT_Worksheet. */
export const WORKSHEET_CHILD_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Children of `<sheetPr>` in the order of CT_SheetPr. */
export const SHEET_PR_CHILD_ORDER = ['tabColor', 'outlinePr', 'pageSetUpPr'];

/** The local names of the children of the root element, and of the root's `<sheetPr>`. */
export function worksheetChildren(xml: string): { top: string[]; sheetPr: string[] } {
  const parser = new SaxesParser();
  const stack: string[] = [];
  const top: string[] = [];
  const sheetPr: string[] = [];
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (stack.length === 1) top.push(name);
    if (stack.length === 2 && stack[1] === 'sheetPr') sheetPr.push(name);
    stack.push(name);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return { top, sheetPr };
}

/** Element names that come after one that the schema puts later (empty when in order), or that it does not know. */
export function orderViolations(names: readonly string[], order: readonly string[]): string[] {
  const violations: string[] = [];
  let last = -1;
  for (const name of names) {
    const index = order.indexOf(name);
    if (index < 0) violations.push(`${name} (unknown)`);
    else if (index < last) violations.push(`${name} after ${order[last]}`);
    else last = index;
  }
  return violations;
}
