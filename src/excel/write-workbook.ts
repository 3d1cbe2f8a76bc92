import { columnLetters, rangeAddress } from '../layout/a1';
import { runExcel } from './excel-run';
import { PERCENT_FORMAT } from '../layout/styles';
import { printScalePercent } from '../layout/print-width';
import type { ConditionalFormatSpec, SheetSpec, ValidationSpec, WorkbookSpec } from '../layout/workbook-spec';
import { columnWidthInPoints } from '../layout/column-width';
import { excelWorkbookError } from './excel-errors';
import { stopsBeforeSwitch } from './edits-since-read';
import { checkOldSheets } from './old-sheets-check';
import { queueCellNotesWrite } from './cell-notes';
import type { PartialWorkbookGrids } from '../app/port';
import { protectionShape, queueProtection, queueSwitch, switchShape } from './sheet-switch';
import { planSwitch, type SwitchPlan } from './switch-plan';
import { specUnderNames } from './temporary-names';
import { recoverWrite } from './write-recovery';
import { degradationNotes, excelVisualTexts, type DegradationNote } from './excel-texts';
import { completionChartOf, dataBarsOf, type CompletionChartPlan, type DataBarPlan } from './excel-visuals';
import type { FormatBlock } from './sheet-plan';
import { planSheet, type SheetPlan } from './sheet-plan';
import { RequestBatcher, rowBands } from './request-batcher';
import { cellWriteBytes, operationBytes, type OperationShape } from './request-size';
import type { ExcelCapabilities } from './requirements';
import { queueWorkbookFacts, excelNameKey, type WorkbookFacts } from './workbook-facts';

/**
 * Writes a WorkbookSpec into the open workbook with Office.js, equivalent to what src/xlsx writes with ExcelJS.
 * Round trips: one sync to learn the workbook's sheets and names (none when a read just learnt them: a rewrite),
 * then everything queued into one request (more only when Excel on the web's request size limit would be passed:
 * RequestBatcher splits by size).
 *
 * Never a half-written workbook. Office.js does not roll a failed request back: what the request did before the
 * failing action stays done (learn.microsoft.com,
 * OfficeExtension.Error `traceMessages`: the commands of a batch before its error ran). So the old sheets stay as they are, with their names, until the new ones are whole:
 *
 * 1. the new sheets are added under temporary names (`ctg-nouvelle-N`), their references written to those names,
 *    and filled: content, validations, conditional formats, filters; then hidden (the mark that the content is
 *    all in);
 * 2. presentation, which the workbook can do without: chart, data bars, page layout;
 * 3. protection of the new sheets;
 * 4. the switch, a few small actions: old sheets renamed aside (`ctg-ancienne-N`), new ones renamed into place
 *    (Excel rewrites the references to a renamed sheet, so they follow), shown, the old ones deleted, then names,
 *    positions, the active sheet, the document's title. No table and no outline group is written (a workbook of
 *    an older format had them; docs/WORKBOOK.md, « Protection »).
 *
 * A failure anywhere is followed by a look at the sheets (write-recovery.ts): before the switch the new sheets are
 * deleted and the old workbook is as it was (a failure in 2 or 3 instead retries 3 and 4, with a note); within
 * it, the old sheets are renamed back, or, once every new sheet holds its name, the switch is finished. Sheets the
 * user added are kept, after ours. A workbook that holds nothing but one empty sheet (a new workbook) loses it.
 */

export interface WriteOptions {
  capabilities: ExcelCapabilities;
  /** Request size budget per sync (bytes); default just under Excel on the web's 5 MB. */
  requestBudgetBytes?: number;
  /** What a read of this workbook just learnt: the write then starts without asking (one round trip less). */
  facts?: WorkbookFacts;
  /** The grids that read learnt: the old sheets are compared with them before they are deleted. */
  grids?: PartialWorkbookGrids;
}

export interface WriteOutcome {
  /** French notes on what this version of Excel could not do (each once). */
  notes: string[];
  /** Round trips of the write: 2, or 1 when given the facts; more only when the request size forced a split. */
  syncs: number;
  /** The workbook's sheets after the write (ours in order, then the ones the user added). */
  sheets: string[];
  /** The counted size of each batched request (RequestBatcher.sentBytes). */
  requestBytes: number[];
}

const NOTE_ORDER: DegradationNote[] = ['pageLayout', 'sheetAutoFilter', 'cellComments', 'cellNotes', 'presentation'];

export async function writeWorkbookSpec(
  excel: typeof Excel,
  spec: WorkbookSpec,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const { capabilities } = options;
  const missing = new Set<DegradationNote>();
  let factsSyncs = 0;
  let plan: SwitchPlan | null = null;
  let batcher: RequestBatcher | null = null;
  let recoverySyncs = 0;
  let checkSyncs = 0;
  await runExcel(excel, async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    let facts = options.facts;
    if (!facts) {
      const factsOf = queueWorkbookFacts(context, capabilities);
      await context.sync();
      factsSyncs = 1;
      facts = factsOf();
    }

    if (facts.structureProtected) throw excelWorkbookError('WorkbookStructureProtected');
    const current = planSwitch(spec, facts);
    const requests = new RequestBatcher(context, options.requestBudgetBytes);
    batcher = requests;
    const q = (shape: OperationShape, enqueue: () => void) => requests.queue(operationBytes(shape), enqueue);

    // Everything this write expects to find is looked up first: when the facts came from an earlier read and the
    // workbook changed since, the request fails here (ItemNotFound), before anything was changed.
    const lookups = current.sheets.filter((sheet) => sheet.old).length + current.staleNames.length;
    await q({ objects: 3 + lookups, actions: 1, payload: [current.sheets, current.staleNames] }, () => {
      workbook.application.suspendApiCalculationUntilNextSync();
      for (const sheet of current.sheets) if (sheet.old) worksheets.getItem(sheet.old.name);
      for (const name of current.staleNames) workbook.names.getItem(name);
    });
    plan = current;

    // 1. The new sheets under temporary names, beside the old ones; the names this workbook lacks.
    const temporary = specUnderNames(spec, new Map(current.sheets.map((s) => [excelNameKey(s.real), s.temporary])));
    const created = new Map<string, Excel.Worksheet>();
    for (const sheet of temporary.sheets)
      await q({ objects: 1, payload: sheet.name }, () => created.set(sheet.name, worksheets.add(sheet.name)));
    for (const name of temporary.definedNames.filter((n) => current.addedNames.includes(n.name)))
      await q({ objects: 2, payload: name }, () => workbook.names.add(name.name, `=${name.ref}`));
    for (const sheet of temporary.sheets)
      await queueSheetContent(requests, created.get(sheet.name)!, sheet, planSheet(sheet));
    // The notes and comments on cells, where the rewrite placed them (cell-notes.ts). Deleting an old sheet deletes
    // those on it: where this Excel cannot read them (so none came with the read), the rewrite says it.
    for (const sheet of temporary.sheets)
      if (sheet.notes && !(await queueCellNotesWrite(requests, created.get(sheet.name)!, sheet.notes, capabilities)))
        missing.add('cellComments');
    if (current.sheets.some((sheet) => sheet.old))
      if (!capabilities.cellComments) missing.add('cellComments');
      else if (!capabilities.cellNotes) missing.add('cellNotes');
    // Filters once every value is in.
    for (const sheet of temporary.sheets)
      await queueFilter(requests, created.get(sheet.name)!, sheet, capabilities, missing);
    // The mark that the content is all in (write-recovery.ts reads it).
    for (const sheet of temporary.sheets)
      await q({ actions: 1, payload: 'Hidden' }, () => {
        created.get(sheet.name)!.visibility = 'Hidden';
      });

    // 2. Presentation, on the real spec's sheets (the visuals are found by sheet name), before any protection.
    for (const [index, sheet] of spec.sheets.entries())
      await queuePresentation(requests, created.get(temporary.sheets[index].name)!, sheet, capabilities, missing);

    // Nothing a person typed in the old sheets since the read goes with them, nor in a new workbook's empty sheet
    // since the write began: looked at once the new sheets are whole, just before the switch deletes the old ones
    // (edits-since-read.ts).
    if (options.grids || current.blank)
      checkSyncs = await checkOldSheets(context, requests, current, facts, options.grids, capabilities);

    // 3 and 4. Protection, then the switch.
    await q(protectionShape(current), () => queueProtection(context, current));
    await q(switchShape(current, spec), () => queueSwitch(context, current, spec));
    await requests.flush();
  }).catch(async (error: unknown) => {
    // Nothing was changed before the plan was made (the facts, the lookups).
    if (!plan) throw error;
    // A person's edit: back to the workbook they had (theirs included), never the switch tried again.
    const recovered = await recoverWrite(excel, plan, spec, error, stopsBeforeSwitch(error));
    if (recovered.presentationIncomplete) missing.add('presentation');
    recoverySyncs = recovered.syncs;
  });
  const done = plan as SwitchPlan | null;
  const sent = batcher as RequestBatcher | null;
  return {
    notes: NOTE_ORDER.filter((note) => missing.has(note)).map((note) => degradationNotes[note]),
    syncs: factsSyncs + (sent ? sent.syncs : 0) + checkSyncs + recoverySyncs,
    sheets: [...spec.sheets.map((sheet) => sheet.name), ...(done ? done.kept : [])],
    requestBytes: sent ? sent.sentBytes : [],
  };
}

function allNull(rows: readonly (readonly unknown[])[]): boolean {
  return rows.every((row) => row.every((cell) => cell === null));
}

function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

async function queueSheetContent(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  sheet: SheetSpec,
  plan: SheetPlan,
): Promise<void> {
  const q = (shape: OperationShape, enqueue: () => void) => batcher.queue(operationBytes(shape), enqueue);
  /** A whole-columns or whole-rows range, one property of it (or of its format) set. */
  const onRange = (payload: unknown, format = false): OperationShape => ({
    ranges: 1,
    objects: format ? 1 : 0,
    actions: 1,
    payload,
  });
  if (sheet.tabColor)
    await q({ actions: 1, payload: sheet.tabColor }, () => (worksheet.tabColor = `#${sheet.tabColor}`));

  // Whole-column formats and widths first: rows added later by the user take them too.
  for (const run of plan.columnFormats)
    await q(onRange(run.value), () => {
      // A single value applies to every cell of the range.
      worksheet.getRange(columnsAddress(run.first, run.last)).numberFormat = run.value as unknown as string[][];
    });
  for (const run of plan.columnWidths)
    await q(onRange(run.value, true), () => {
      worksheet.getRange(columnsAddress(run.first, run.last)).format.columnWidth = columnWidthInPoints(run.value);
    });
  for (const run of plan.hiddenColumns)
    await q(onRange(true), () => {
      worksheet.getRange(columnsAddress(run.first, run.last)).columnHidden = true;
    });

  // Number formats before values, so that a text in an `@` cell is never read as a formula or a number.
  const band = Math.max(1024, Math.floor(batcher.budgetBytes / 4));
  /** A 2-D block from 0-based (top, left), in row bands that each fit one request; all-null bands may be skipped. */
  const writeBlock = async <T>(
    top: number,
    left: number,
    width: number,
    rows: T[][],
    write: (range: Excel.Range, part: T[][]) => void,
    skipAllNull = false,
  ) => {
    for (const part of rowBands(rows, band)) {
      if (skipAllNull && allNull(part.rows)) continue;
      await batcher.queue(cellWriteBytes(part.rows, part.bytes), () =>
        write(worksheet.getRangeByIndexes(top + part.start, left, part.rows.length, width), part.rows),
      );
    }
  };
  if (plan.rowCount > 0 && plan.columnCount > 0) {
    const setFormats = (range: Excel.Range, part: typeof plan.numberFormats) => void (range.numberFormat = part);
    await writeBlock(0, 0, plan.columnCount, plan.numberFormats, setFormats, true);
    await writeBlock(0, 0, plan.columnCount, plan.values, (range, part) => void (range.values = part));
  }
  const formulas = plan.formulas;
  if (formulas) {
    const [top, left, width] = [formulas.top - 1, formulas.left - 1, formulas.rows[0].length];
    await writeBlock(top, left, width, formulas.rows, (range, part) => void (range.formulas = part));
  }
  const after = plan.formatsAfter;
  if (after) {
    const setFormats = (range: Excel.Range, part: (string | null)[][]) => void (range.numberFormat = part);
    await writeBlock(after.top - 1, after.left - 1, after.rows[0].length, after.rows, setFormats, true);
  }

  for (const run of plan.rowHeights)
    await q(onRange(run.value, true), () => {
      worksheet.getRange(`${run.first}:${run.last}`).format.rowHeight = run.value;
    });
  for (const block of plan.formatBlocks) await q(formatBlockShape(block), () => applyFormats(worksheet, block));
  for (const merge of sheet.merges) await q(onRange(merge), () => worksheet.getRange(merge).merge(false));

  if (sheet.freeze) {
    const { rows, columns } = sheet.freeze;
    await q({ ranges: 1, objects: 1, actions: 1 }, () => {
      if (rows > 0 && columns > 0)
        worksheet.freezePanes.freezeAt(worksheet.getRange(rangeAddress(1, 1, rows, columns)));
      else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
      else if (columns > 0) worksheet.freezePanes.freezeColumns(columns);
    });
  }

  for (const validation of sheet.validations)
    for (const range of validation.ranges)
      await q({ ranges: 1, objects: 1, actions: 3, payload: [range, validation] }, () =>
        applyValidation(worksheet.getRange(range).dataValidation, validation),
      );

  // Office.js puts each new rule first; adding them in reverse keeps the spec's order (its first rule wins).
  for (const format of [...sheet.conditionalFormats].reverse())
    await q({ ranges: 1, objects: 6, actions: 5, payload: format }, () => applyConditionalFormat(worksheet, format));
}

/** The rate drawn as a bar from `lower` (empty) to `upper` (full), the figure still shown. */
function applyDataBar(worksheet: Excel.Worksheet, bar: DataBarPlan): void {
  const added = worksheet.getRange(bar.range).conditionalFormats.add('DataBar');
  added.dataBar.lowerBoundRule = { type: 'Number', formula: String(bar.lower) };
  added.dataBar.upperBoundRule = { type: 'Number', formula: String(bar.upper) };
  added.dataBar.showDataBarOnly = false;
  added.dataBar.positiveFormat.fillColor = DATA_BAR_COLOR;
}

const DATA_BAR_COLOR = '#5B9BD5';

/** Clustered bars of renseignement période and cumulé per axis, from 0 to 100 %, beside Annexe 4's table. */
function addCompletionChart(worksheet: Excel.Worksheet, plan: CompletionChartPlan): void {
  const chart = worksheet.charts.add('BarClustered', worksheet.getRange(plan.source), 'Columns');
  chart.title.text = excelVisualTexts.completionChartTitle;
  chart.axes.categoryAxis.setCategoryNames(worksheet.getRange(plan.categories));
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = 1;
  chart.axes.valueAxis.numberFormat = PERCENT_FORMAT; // ExcelApi 1.8, the minimum
  chart.legend.position = 'Bottom';
  chart.setPosition(plan.start, plan.end);
}

/** The sheet's autofilter, once its values are in. */
async function queueFilter(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  sheet: SheetSpec,
  capabilities: ExcelCapabilities,
  missing: Set<DegradationNote>,
): Promise<void> {
  const autoFilter = sheet.autoFilter;
  if (!autoFilter) return;
  if (!capabilities.sheetAutoFilter) missing.add('sheetAutoFilter');
  else
    await batcher.queue(operationBytes({ ranges: 1, objects: 1, actions: 1, payload: autoFilter }), () =>
      worksheet.autoFilter.apply(worksheet.getRange(autoFilter)),
    );
}

/**
 * What the workbook can do without (Excel only, or print settings): data bars, Annexe 4's chart, page layout. A
 * failure here leaves the new sheets whole; write-recovery.ts goes on with the switch and the outcome says so.
 */
async function queuePresentation(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  sheet: SheetSpec,
  capabilities: ExcelCapabilities,
  missing: Set<DegradationNote>,
): Promise<void> {
  const q = (shape: OperationShape, enqueue: () => void) => batcher.queue(operationBytes(shape), enqueue);
  // A data bar on each rate range, besides its colour scale (the file keeps the colour scale alone).
  for (const bar of dataBarsOf(sheet))
    await q({ ranges: 1, objects: 5, actions: 4, payload: [bar, DATA_BAR_COLOR] }, () => applyDataBar(worksheet, bar));
  const chart = completionChartOf(sheet);
  if (chart)
    await q({ ranges: 3, objects: 7, actions: 8, payload: [chart, excelVisualTexts.completionChartTitle] }, () =>
      addCompletionChart(worksheet, chart),
    );
  const print = sheet.print;
  if (print) {
    if (!capabilities.pageLayout) missing.add('pageLayout');
    else {
      const breaks = sheet.rowBreaks ?? [];
      const across = sheet.columnBreaks ?? [];
      // The page layout, and each page breaks' collection that has breaks.
      const collections = (breaks.length > 0 ? 1 : 0) + (across.length > 0 ? 1 : 0);
      const shape =
        collections === 0
          ? { objects: 1, actions: 5, payload: print }
          : {
              objects: 1 + collections,
              actions: 5 + breaks.length + across.length,
              payload: [print, breaks, across],
            };
      await q(shape, () => {
        const layout = worksheet.pageLayout;
        layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = 'A4';
        // n pages wide, as many tall as needed: a scale computed from the column widths, the one documented way
        // (no documented fit-to-pages value means « as many tall as needed »; see src/excel/README.md).
        layout.zoom = { scale: print.scale ?? printScalePercent(sheet.columns, print) };
        if (print.headerFooter) {
          const pages = layout.headersFooters.defaultForAllPages;
          pages.centerHeader = print.headerFooter.header;
          pages.centerFooter = print.headerFooter.footer;
        }
        const { titleRows, titleColumns } = print;
        if (titleRows) layout.setPrintTitleRows(`$${titleRows.first}:$${titleRows.last}`);
        if (titleColumns)
          layout.setPrintTitleColumns(`$${columnLetters(titleColumns.first)}:$${columnLetters(titleColumns.last)}`);
        // Manual page breaks (ExcelApi 1.9, as pageLayout): « The page break precedes this range ».
        const last = columnLetters(Math.max(1, sheet.columns.length));
        for (const row of breaks) worksheet.horizontalPageBreaks.add(`A${row}:${last}${row}`);
        // Across: before its column, down the sheet's rows.
        const lastRow = Math.max(1, sheet.rows.length);
        for (const column of across) {
          const letters = columnLetters(column);
          worksheet.verticalPageBreaks.add(`${letters}1:${letters}${lastRow}`);
        }
      });
    }
  }
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
/** The layout's thin grey border (the .xlsx writer's FFBFBFBF). */
const BORDER_COLOR = '#BFBFBF';

/** Sets a block's formats (all but the number format) on its rectangle of the sheet. */
export function applyFormats(worksheet: Excel.Worksheet, block: FormatBlock): void {
  const format = worksheet.getRangeByIndexes(
    block.top - 1,
    block.left - 1,
    block.bottom - block.top + 1,
    block.right - block.left + 1,
  ).format;
  const f = block.formats;
  if (f.bold) format.font.bold = true;
  if (f.italic) format.font.italic = true;
  if (typeof f.fontSize === 'number') format.font.size = f.fontSize;
  if (typeof f.fontColor === 'string') format.font.color = `#${f.fontColor}`;
  if (typeof f.fill === 'string') format.fill.color = `#${f.fill}`;
  if (f.wrap) format.wrapText = true;
  if (typeof f.horizontal === 'string') format.horizontalAlignment = HORIZONTAL[f.horizontal];
  if (typeof f.vertical === 'string') format.verticalAlignment = VERTICAL[f.vertical];
  if (f.unlocked) format.protection.locked = false;
  if (f.border) {
    const singleRow = block.top === block.bottom;
    const singleColumn = block.left === block.right;
    for (const edge of BORDER_EDGES) {
      if ((edge === 'InsideHorizontal' && singleRow) || (edge === 'InsideVertical' && singleColumn)) continue;
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOR;
    }
  }
}

/** What `applyFormats` queues for a block: its range, the sub-objects it reaches, one action per property. */
export function formatBlockShape(block: FormatBlock): OperationShape {
  const f = block.formats;
  const font = [f.bold, f.italic, typeof f.fontSize === 'number', typeof f.fontColor === 'string'].filter(Boolean);
  const own = [typeof f.fill === 'string', f.wrap, typeof f.horizontal === 'string', typeof f.vertical === 'string'];
  const edges = f.border ? BORDER_EDGES.length : 0;
  return {
    ranges: 1,
    // format, font, fill, protection, borders and each border edge
    objects: 1 + (font.length > 0 ? 1 : 0) + (f.fill ? 1 : 0) + (f.unlocked ? 1 : 0) + (edges > 0 ? 1 + edges : 0),
    actions: font.length + own.filter(Boolean).length + (f.unlocked ? 1 : 0) + 3 * edges,
    payload: [f, edges > 0 ? BORDER_COLOR.repeat(edges) + 'ContinuousThin'.repeat(edges) : null],
  };
}

const HORIZONTAL: Record<string, Excel.HorizontalAlignment | 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};
const VERTICAL: Record<string, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

function applyValidation(target: Excel.DataValidation, validation: ValidationSpec): void {
  switch (validation.kind) {
    case 'list':
      target.rule = { list: { inCellDropDown: true, source: `=${validation.source}` } };
      break;
    case 'whole':
      target.rule = { wholeNumber: { operator: 'Between', formula1: validation.min, formula2: validation.max } };
      break;
    case 'decimal':
      target.rule = { decimal: { operator: 'Between', formula1: validation.min, formula2: validation.max } };
      break;
    case 'date':
      // ISO dates are accepted as they are (DateTimeDataValidation.formula1).
      target.rule = { date: { operator: 'Between', formula1: validation.min, formula2: validation.max } };
      break;
  }
  target.ignoreBlanks = true;
  target.errorAlert = { showAlert: true, style: 'Stop', title: validation.errorTitle, message: validation.error };
}

type CfStyle = { fill?: string; fontColor?: string; bold?: boolean };

function applyCfStyle(format: Excel.ConditionalRangeFormat, style: CfStyle): void {
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.bold) format.font.bold = true;
}

const CELL_VALUE_OPERATORS = {
  equal: 'EqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  between: 'Between',
} as const;

function withEquals(formula: string): string {
  return formula.startsWith('=') ? formula : `=${formula}`;
}

function applyConditionalFormat(worksheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const formats = worksheet.getRange(spec.range).conditionalFormats;
  switch (spec.kind) {
    case 'cellValue': {
      const added = formats.add('CellValue');
      applyCfStyle(added.cellValue.format, spec.style);
      added.cellValue.rule = {
        operator: CELL_VALUE_OPERATORS[spec.operator],
        formula1: withEquals(spec.formulas[0]),
        ...(spec.formulas[1] !== undefined ? { formula2: withEquals(spec.formulas[1]) } : {}),
      };
      break;
    }
    case 'expression': {
      const added = formats.add('Custom');
      added.custom.rule.formula = withEquals(spec.formula);
      applyCfStyle(added.custom.format, spec.style);
      break;
    }
    case 'colorScale': {
      const added = formats.add('ColorScale');
      // As the .xlsx writer: fixed values when the spec gives them, else min, 50th percentile (3 colours), max.
      const colors = spec.colors.map((color) => `#${color}`);
      const thresholds = spec.thresholds;
      const at = (index: number, type: 'LowestValue' | 'Percentile' | 'HighestValue', formula?: string) =>
        thresholds
          ? { type: 'Number' as const, formula: String(thresholds[index]), color: colors[index] }
          : { type, ...(formula ? { formula } : {}), color: colors[index] };
      added.colorScale.criteria = {
        minimum: at(0, 'LowestValue'),
        ...(colors.length === 3 ? { midpoint: at(1, 'Percentile', '50') } : {}),
        maximum: at(colors.length - 1, 'HighestValue'),
      };
      break;
    }
  }
}
