import { CellValue, DetailedCellError, HyperFormula, RawCellContent } from 'hyperformula';
import { MAX_COLUMNS, MAX_ROWS } from './a1';
import { forHyperFormula } from './hyperformula-dialect';
import { EVALUATION_STORE_GLOBAL, type ComputedValue, type Evaluation, type EvaluationStore } from './evaluation-store';
import type { NameEntry, SheetModel, WorkbookModel } from './model';
import { sheetGroups, type SheetGroup } from './sheet-groups';

export type { ComputedValue, Evaluation };

/** Excel's grid, not HyperFormula's default of 40 000 rows and 18 278 columns (past which a cell would fail). */
const CONFIG = {
  licenseKey: 'gpl-v3',
  smartRounding: false,
  useArrayArithmetic: true,
  useColumnIndex: true,
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
};

/**
 * The few latest evaluations of this module instance: tests build the same workbook in many fakes (the generated
 * plan, before any change), which share one evaluation rather than each building its own.
 */
const latest = new Map<string, Evaluation>();
const LATEST_KEPT = 3;

/** Functions whose result is not given by the cells alone: such workbooks are not shared beyond this process. */
const VOLATILE = /\b(?:TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

function sharedStore(): EvaluationStore | undefined {
  return (globalThis as Record<string, unknown>)[EVALUATION_STORE_GLOBAL] as EvaluationStore | undefined;
}

/** A HyperFormula instance kept alive, and the input it now holds: later evaluations change only what differs. */
interface LiveEngine {
  hf: HyperFormula;
  sheets: Record<string, RawCellContent[][]>;
  /** Sheet names in order, and the names: an instance serves only workbooks of the same shape. */
  shape: string;
}

/**
 * The live instances, least recently used first: a few only, since an instance of a large workbook weighs hundreds
 * of megabytes and a test run makes many fakes. They are shared by every fake: a test's fakes mostly hold the same
 * generated workbook give or take a few cells, and changing those cells in an instance that holds it costs little
 * where building one from all the cells (parsing every formula) took most of an evaluation. Kept on HyperFormula's
 * class, which jest loads once per worker (tests/hyperformula-per-process.js): the suites of a worker share them too.
 */
const LIVE_ENGINES = Symbol.for('ctg.fakeExcel.liveEngines');
const liveEngines: LiveEngine[] = ((HyperFormula as unknown as Record<symbol, LiveEngine[]>)[LIVE_ENGINES] ??= []);
const LIVE_KEPT = 2;

/**
 * Evaluates the model's formulas with HyperFormula: one HyperFormula sheet per worksheet (same names, so quoted
 * references such as `'Axe 1'!A1` work), workbook names as named expressions. The sheets are evaluated by groups
 * that refer to each other (sheet-groups.ts), a group with the workbook's names its formulas may use. Evaluated
 * again, lazily, when a value is read after any change: the group is compared with what a live instance of the same
 * shape holds (this fake's or another's) and only the cells that differ are set in it (HyperFormula then recomputes
 * what depends on them), which is simpler than mirroring each write and needs no rollback when a batch fails
 * halfway. A group of another shape, or one that differs in more than a few of its cells, gets an instance of its own.
 */
export class FormulaEngine {
  /** Each evaluated group's evaluation, by the names of its sheets. */
  private readonly evaluations = new Map<string, Evaluation>();
  private groups: Map<string, SheetGroup> | null = null;

  constructor(private readonly workbook: WorkbookModel) {}

  invalidate(): void {
    this.evaluations.clear();
    this.groups = null;
  }

  /** The computed value of a formula cell. */
  valueAt(sheetName: string, row: number, column: number): ComputedValue {
    const sheet = this.evaluationOf(sheetName)?.get(sheetName);
    if (!sheet) return { value: '#REF!', isError: true };
    const computed = sheet.get(row * MAX_COLUMNS + column);
    // Only formula cells are evaluated (and only they are asked for): any other cell reads as HyperFormula would.
    return computed ?? plainValue(this.workbook.sheetByName(sheetName)?.cell(row, column)?.value);
  }

  private evaluationOf(sheetName: string): Evaluation | undefined {
    const known = this.evaluations.get(sheetName);
    if (known) return known;
    this.groups ??= sheetGroups(this.workbook);
    const group = this.groups.get(sheetName);
    if (!group) return undefined;
    const evaluation = this.evaluate(group);
    for (const sheet of group.sheets) this.evaluations.set(sheet.name, evaluation);
    return evaluation;
  }

  private evaluate(group: SheetGroup): Evaluation {
    const { sheets, content } = contents(group);
    const kept = latest.get(content);
    if (kept) {
      // Most recently used last, so that it is evicted last.
      latest.delete(content);
      latest.set(content, kept);
      return kept;
    }
    const store = VOLATILE.test(content) ? undefined : sharedStore();
    let evaluation = store?.get(content);
    if (!evaluation) {
      evaluation = evaluateLive(sheets, group);
      store?.set(content, evaluation);
    }
    latest.set(content, evaluation);
    if (latest.size > LATEST_KEPT) latest.delete(latest.keys().next().value as string);
    return evaluation;
  }
}

/** Evaluates `sheets` on a live instance of the same shape, changed where it differs, or on a new one. */
function evaluateLive(sheets: Record<string, RawCellContent[][]>, group: SheetGroup): Evaluation {
  const shape = JSON.stringify([Object.keys(sheets), workbookNames(group.names)]);
  let live: LiveEngine | undefined;
  for (let i = liveEngines.length - 1; i >= 0 && !live; i--) {
    if (liveEngines[i].shape !== shape) continue;
    const changes = changedCells(liveEngines[i], sheets);
    if (changes === undefined) continue; // most cells differ: building anew is quicker
    live = liveEngines.splice(i, 1)[0];
    try {
      live.hf.batch(() => {
        for (const { sheet, row, col, content } of changes)
          // The raw content, which HyperFormula wraps itself: an array made here may not be its realm's `Array`
          // (tests/hyperformula-per-process.js).
          live!.hf.setCellContents({ sheet, row, col }, content);
      });
      live.sheets = sheets;
    } catch (error) {
      live.hf.destroy(); // what it holds is no longer known
      throw error;
    }
  }
  if (!live) live = { hf: buildHyperFormula(sheets, group.names), sheets, shape };
  liveEngines.push(live);
  if (liveEngines.length > LIVE_KEPT) liveEngines.shift()!.hf.destroy();
  return evaluationOf(live.hf, group.sheets);
}

function workbookNames(names: readonly NameEntry[]): string[][] {
  return names.map((n) => [n.name, n.formula]);
}

/** HyperFormula's input for a group, and a text that spells it out whole (the key evaluations are kept under). */
function contents(group: SheetGroup): { sheets: Record<string, RawCellContent[][]>; content: string } {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of group.sheets) {
    const rows: RawCellContent[][] = [];
    for (const [r, c, cell] of sheet.storedCells()) {
      const row = rows[r] ?? (rows[r] = []);
      // A leading apostrophe keeps text as text in HyperFormula (a text "12" must not become a number).
      row[c] =
        cell.formula !== undefined
          ? forHyperFormula(cell.formula)
          : typeof cell.value === 'string'
            ? `'${cell.value}`
            : cell.value;
    }
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? (rows[r] = []);
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    sheets[sheet.name] = rows;
  }
  // JSON writes NaN and ±Infinity as null: spelt out, they cannot pass for an empty cell.
  const content = JSON.stringify([sheets, workbookNames(group.names)], (_, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v,
  );
  return { sheets, content };
}

function buildHyperFormula(sheets: Record<string, RawCellContent[][]>, names: readonly NameEntry[]): HyperFormula {
  const hf = HyperFormula.buildFromSheets(sheets, CONFIG);
  // Excel reads bare TRUE and FALSE as the booleans; HyperFormula knows only TRUE() and FALSE() (bare: #NAME?).
  for (const constant of ['TRUE', 'FALSE']) hf.addNamedExpression(constant, `=${constant}()`);
  for (const n of names) {
    // A name HyperFormula cannot parse simply stays unknown to formulas (#NAME?), as a broken name would in Excel.
    if (hf.isItPossibleToAddNamedExpression(n.name, n.formula)) hf.addNamedExpression(n.name, n.formula);
  }
  return hf;
}

/** A cell to set in an instance: its content differs from what the instance holds. */
interface CellChange {
  sheet: number;
  row: number;
  col: number;
  content: RawCellContent;
}

/**
 * The cells whose content differs between what `live` holds and `sheets` (of the same shape), or undefined when
 * they are more than a sixteenth of the cells: HyperFormula sets a cell some seven times slower than it builds one
 * into a new instance (a plan ten times larger set over the embedded plan's instance took 99 s, built 24 s).
 */
function changedCells(live: LiveEngine, sheets: Record<string, RawCellContent[][]>): CellChange[] | undefined {
  const changes: CellChange[] = [];
  let cells = 0;
  for (const [name, after] of Object.entries(sheets)) {
    const sheet = live.hf.getSheetId(name)!;
    const before = live.sheets[name];
    for (let row = 0; row < Math.max(before.length, after.length); row++) {
      const old = before[row] ?? [];
      const now = after[row] ?? [];
      cells += now.length;
      for (let col = 0; col < Math.max(old.length, now.length); col++) {
        const content = now[col] ?? null;
        if (!Object.is(old[col] ?? null, content)) changes.push({ sheet, row, col, content });
      }
    }
  }
  return changes.length * 16 > cells ? undefined : changes;
}

/** The computed values of the group's formula cells, read from an instance that holds it. */
function evaluationOf(hf: HyperFormula, sheets: readonly SheetModel[]): Evaluation {
  const evaluation: Evaluation = new Map();
  for (const sheet of sheets) {
    const id = hf.getSheetId(sheet.name);
    if (id === undefined) continue;
    const values = new Map<number, ComputedValue>();
    for (const [row, col, cell] of sheet.storedCells()) {
      if (cell.formula) values.set(row * MAX_COLUMNS + col, computedValue(hf.getCellValue({ sheet: id, row, col })));
    }
    evaluation.set(sheet.name, values);
  }
  return evaluation;
}

function computedValue(raw: CellValue): ComputedValue {
  if (raw instanceof DetailedCellError) return { value: raw.value, isError: true };
  // An empty result (a reference to an empty cell) shows as 0 in Excel.
  if (raw === null || raw === undefined) return { value: 0, isError: false };
  return { value: raw, isError: false };
}

/** A cell without formula as HyperFormula reads it back. */
function plainValue(value: string | number | boolean | null | undefined): ComputedValue {
  return { value: value ?? 0, isError: false };
}
