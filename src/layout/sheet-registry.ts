import { readSheets, type AnyWorkbookGrids, type SheetGrid } from '../domain/grid';
import type { Quarter } from '../domain/periods';
import type { Plan } from '../domain/plan';
import type { GridTable, SpecTable } from './kept-cells';
import type { DefinedNameSpec, SheetSpec } from './workbook-spec';

/**
 * A workbook as a registry of sheet modules (docs/ARCHITECTURE.md, « Rules of the house »): each module says which
 * sheets of a workbook are its, builds them, and tells the readers what they need to know of them (read back or
 * copied, required by validation, where a person's own cells are). The registry is an ordered list, a value that
 * the builders and readers take: its order is the sheets' order, and each kind of workbook has its own.
 */

/** How a person's cells in a rebuilt sheet are told from the tools' own (kept-cells.ts). */
export type KeptCellsRule =
  /** A sheet of fixed shape: a cell the tools do not write is kept at its address. */
  | {
      kind: 'fixed';
      /** Where each row read goes back (null: read past, not written back); absent: the same row. */
      rowPlaces?: (grid: SheetGrid) => (row: number) => number | null;
      /**
       * Texts the tools wrote in the sheet in earlier formats (a Guide paragraph reworded since): found there, they are
       * the tools' own, replaced without being taken for a person's typing (typed-over-texts.ts).
       */
      formerTexts?: readonly string[];
      /**
       * Cells whose text the sheet's reader judges typed over or not itself (Paramètres' labels), by A1 address as
       * read: its verdict there replaces the general rule's, so that the reader's warning and the rewrite's Journal
       * line come from one decision (typed-over-texts.ts).
       */
      typedOverCells?: (grid: SheetGrid) => ReadonlyMap<string, boolean>;
      /**
       * The plan's texts it shows that are read back from the axis sheets (Annexe 4: axis and fiche titles,
       * porteurs). Found holding another text, such a cell is not a text of the tools typed over: it holds an older
       * copy (the text changed in its axis sheet since) or a person's typing, and the rewrite shows what the axis
       * sheets hold now (typed-over-texts.ts).
       */
      axisTextCopies?: (plan: Plan) => ReadonlySet<string>;
      /**
       * Texts an earlier version of the tools wrote at some of its cells and the current one writes otherwise, for the
       * plan, by A1 address (Annexe 4's steering calendar before the mid-term of a period over whole months was
       * counted in months). Found at its cell, such a text is the tools' own: written again in place, neither typed
       * over (typed-over-texts.ts) nor a change of the sheet's shape (src/app/shape-keeping-changes.ts).
       */
      earlierTexts?: (plan: Plan) => ReadonlyMap<string, string>;
    }
  /** A table: added columns follow their rows (kept-cells.ts). */
  | {
      kind: 'table';
      /**
       * How its rows change on a rewrite: `keyed`, rows told apart by their identity columns, which the tools never
       * change (an axis sheet's keys); `appended`, records only ever added below the last one (Journal, Historique,
       * Archives), whose autofilter grows with them.
       */
      rows: 'keyed' | 'appended';
      /** The table as the layout builds it. */
      specTable: (sheet: SheetSpec) => SpecTable;
      /** The table as found in a grid; null when it cannot be found (then nothing is kept apart). */
      gridTable: (grid: SheetGrid, context: { quarters: readonly Quarter[]; built: SpecTable }) => GridTable | null;
    };

/** The sheets validation requires of a workbook, and in which order it reports the missing ones. */
export interface ExpectedSheets<Expect> {
  /** Missing sheets are reported by rank, then in the order `names` gives. */
  rank: number;
  names: (context: Expect) => readonly string[];
}

/**
 * How a module reads its sheets back: from the grids of the sheets it owns, in workbook order (none when the
 * workbook has none), and what the workbook's reader hands every module (`Read`).
 */
export type SheetReader<Read, Reading> = (grids: readonly SheetGrid[], context: Read) => Reading;

/**
 * One sheet (or one kind of sheet, as the axis sheets) of a workbook. `Build` is what the workbook's builder
 * hands every module; `Expect` what validation knows when it lists the sheets a workbook must have; `Read` what
 * the workbook's reader hands every module's reader, and `Reading` what this one's gives.
 */
export interface SheetModule<Build, Expect = void, Read = void, Reading = unknown> {
  /** Unique in a registry. */
  id: string;
  /** Whether a sheet of that name is this module's (a module of copied sheets owns none). */
  owns: (name: string) => boolean;
  /** Its sheets, in order: none, one, or one per axis. */
  build: (context: Build) => SheetSpec[];
  /** The defined names it adds to the workbook. */
  definedNames?: (context: Build) => DefinedNameSpec[];
  /**
   * Whether a workbook's copy of its sheets is read and rebuilt (`always`), rebuilt only when its reader could
   * read it (`whenRead`: otherwise it is copied as found, so that nothing in it is lost), or never.
   */
  carried: 'always' | 'whenRead' | 'never';
  expected?: ExpectedSheets<Expect>;
  /** How a person's cells in its rebuilt sheets are kept; absent: the sheet is the tools' alone. */
  kept?: KeptCellsRule;
  /** Its reader, run by `readSheetModules`; absent: nothing of its sheets is read back. */
  read?: SheetReader<Read, Reading>;
}

export type SheetRegistry<Build, Expect = void, Read = void> = readonly SheetModule<Build, Expect, Read>[];

type ReadingOf<Module> = Module extends { read?: SheetReader<never, infer Reading> } ? Reading : never;

/**
 * The readings of a registry, by module id, each of its module's type: only the modules with a reader (a module
 * declared without one reads as `never`, one whose type was widened to `SheetModule` as `unknown`: neither is
 * listed).
 */
export type ReadingsOf<Registry extends readonly { id: string }[]> = {
  readonly [
    Module in Registry[number] as [ReadingOf<Module>] extends [never]
      ? never
      : unknown extends ReadingOf<Module>
        ? never
        : Module['id']
  ]: ReadingOf<Module>;
};

/** The module a sheet of a workbook belongs to, if any. */
export function moduleOfSheet<Build, Expect, Read>(
  registry: SheetRegistry<Build, Expect, Read>,
  name: string,
): SheetModule<Build, Expect, Read> | undefined {
  return registry.find((module) => module.owns(name));
}

/** The workbook's sheets, module by module in the registry's order, and their defined names. */
export function buildSheets<Build, Expect, Read>(
  registry: SheetRegistry<Build, Expect, Read>,
  context: Build,
): { sheets: SheetSpec[]; definedNames: DefinedNameSpec[] } {
  return {
    sheets: registry.flatMap((module) => module.build(context)),
    definedNames: registry.flatMap((module) => module.definedNames?.(context) ?? []),
  };
}

/**
 * Whether a sheet of a workbook is read and rebuilt by the tools; `read` lists the modules whose `whenRead`
 * sheets were read. Every other sheet is copied as found.
 */
export function isCarriedSheet<Build, Expect, Read>(
  registry: SheetRegistry<Build, Expect, Read>,
  name: string,
  read: ReadonlySet<string>,
): boolean {
  const module = moduleOfSheet(registry, name);
  if (!module) return false;
  return module.carried === 'always' || (module.carried === 'whenRead' && read.has(module.id));
}

/**
 * What a workbook's readings read from: kept on the readings object itself, under a symbol key that is not
 * enumerable, so that no listing or copy of the readings has it.
 */
const READINGS_SOURCE = Symbol('readings source');

interface ReadingsSource {
  grids: AnyWorkbookGrids;
  context: unknown;
  kept: Map<string, unknown>;
}

type ReadingsObject = { [READINGS_SOURCE]: ReadingsSource };

/**
 * The getter of a module's reading, one per module for every workbook: it finds the workbook on the object it is
 * asked on. A getter made for each workbook, closed over its grids, goes into V8's shape of the object, which lives
 * until a full collection: every workbook of a consolidation then stayed reachable that long, and each minor
 * collection copied them all (docs/TOOLING.md, « Benchmarks », seventh round).
 */
const readingGetters = new WeakMap<object, (this: ReadingsObject) => unknown>();

function readingGetterOf<Read>(module: SheetModule<never, never, Read>): (this: ReadingsObject) => unknown {
  let getter = readingGetters.get(module);
  if (!getter) {
    const { id } = module;
    getter = function (this: ReadingsObject) {
      const { grids, context, kept } = this[READINGS_SOURCE];
      if (!kept.has(id)) kept.set(id, module.read!(readSheets(grids, module.owns), context as Read));
      return kept.get(id);
    };
    readingGetters.set(module, getter);
  }
  return getter;
}

/**
 * Every module's reading of grids read from a workbook, by module id. Each is read when first asked for, then kept:
 * a use case asks for those it needs, each read once, and a reading whose sheets a selective read skipped throws,
 * naming the first, when asked for (a selection that forgot a sheet is a bug, never an empty sheet: `readSheets`).
 */
export function readSheetModules<Read, Registry extends readonly SheetModule<never, never, Read>[]>(
  registry: Registry,
  grids: AnyWorkbookGrids,
  context: Read,
): ReadingsOf<Registry> {
  const readings = {} as ReadingsObject;
  const source: ReadingsSource = { grids, context, kept: new Map() };
  Object.defineProperty(readings, READINGS_SOURCE, { value: source, enumerable: false });
  for (const module of registry) {
    if (!module.read) continue;
    Object.defineProperty(readings, module.id, { enumerable: true, get: readingGetterOf(module) });
  }
  return readings as unknown as ReadingsOf<Registry>;
}

/** The sheets validation requires, in the order it reports the missing ones. */
export function expectedSheetsOf<Build, Expect, Read>(
  registry: SheetRegistry<Build, Expect, Read>,
  context: Expect,
): string[] {
  return registry
    .flatMap((module) => (module.expected ? [module.expected] : []))
    .map((expected, index) => ({ expected, index }))
    .sort((a, b) => a.expected.rank - b.expected.rank || a.index - b.index)
    .flatMap(({ expected }) => expected.names(context));
}
