import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { CellFormat } from './format-store';
import { assertFormatAllowed, assertSheetUnprotected } from './protection-rules';
import { FakeClientObject, defineProxyProperties } from './proxy';
import type { FakeRange } from './range';

/** Excel's defaults, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** A common value over the range, or null when cells differ (as Excel reports mixed formats). */
function uniform<T>(values: Iterable<T>): T | null {
  let first: T | undefined;
  let seen = false;
  for (const v of values) {
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) return null;
  }
  return seen ? (first as T) : null;
}

function* cellsOf(range: FakeRange): Iterable<[number, number]> {
  const { rect } = range.target();
  // A whole column reads its first cells only: enough for a uniform format, and bounded.
  const rows = Math.min(rect.rowCount, 2048);
  const columns = Math.min(rect.columnCount, 256);
  for (let r = rect.row; r < rect.row + rows; r++)
    for (let c = rect.column; c < rect.column + columns; c++) yield [r, c];
}

/** A format object whose properties map to per-cell format keys (font, fill, protection). */
abstract class CellFormatPart extends FakeClientObject {
  protected override instantiate(): void {
    this.range.target();
  }
  protected abstract readonly keys: Record<string, keyof CellFormat>;

  constructor(
    context: FakeRequestContext,
    protected readonly range: FakeRange,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    const { sheet } = this.range.target();
    const key = this.keys[name];
    return uniform([...cellsOf(this.range)].map(([r, c]) => sheet.formats.get(r, c, key)));
  }

  protected override writeProperty(name: string, value: unknown): void {
    if (value === null || value === undefined) {
      throw officeError(FakeErrorCodes.invalidArgument, `${this.typeName}.${name} cannot be set to null.`);
    }
    const { sheet, rect } = this.range.target();
    const key = this.keys[name];
    if (key === 'locked' || key === 'formulaHidden') assertSheetUnprotected(sheet, 'cell protection');
    else assertFormatAllowed(sheet, 'cells');
    sheet.formats.setRect(rect, key, value as never);
  }
}

export class FakeRangeFont extends CellFormatPart {
  protected readonly typeName = 'RangeFont';
  protected readonly keys: Record<string, keyof CellFormat> = {
    bold: 'bold',
    italic: 'italic',
    color: 'fontColor',
    name: 'fontName',
    size: 'fontSize',
    underline: 'underline',
  };
  protected readonly scalarProperties = Object.keys(this.keys);
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare name: string;
  declare size: number;
  declare underline: string;
}
defineProxyProperties(FakeRangeFont, {
  bold: { writable: true },
  italic: { writable: true },
  color: { writable: true },
  name: { writable: true },
  size: { writable: true },
  underline: { writable: true },
});

export class FakeRangeFill extends CellFormatPart {
  protected readonly typeName = 'RangeFill';
  protected readonly keys: Record<string, keyof CellFormat> = { color: 'fillColor' };
  protected readonly scalarProperties = ['color'];
  declare color: string;

  clear(): void {
    this.queueCall('clear', [], () => {
      const { sheet, rect } = this.range.target();
      assertFormatAllowed(sheet, 'cells');
      sheet.formats.setRect(rect, 'fillColor', null);
    });
  }
}
defineProxyProperties(FakeRangeFill, { color: { writable: true } });

export class FakeFormatProtection extends CellFormatPart {
  protected readonly typeName = 'FormatProtection';
  protected readonly keys: Record<string, keyof CellFormat> = { locked: 'locked', formulaHidden: 'formulaHidden' };
  protected readonly scalarProperties = ['locked', 'formulaHidden'];
  declare locked: boolean;
  declare formulaHidden: boolean;
}
defineProxyProperties(FakeFormatProtection, {
  locked: { writable: true, api: '1.2' },
  formulaHidden: { writable: true, api: '1.2' },
});

const BORDER_SIDES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_DEFAULTS: Record<string, unknown> = { style: 'None', color: '#000000', weight: 'Thin' };

/** One side of a range's borders; what is set is recorded per range and side. */
export class FakeRangeBorder extends FakeClientObject {
  protected readonly typeName = 'RangeBorder';

  protected override instantiate(): void {
    this.range.target();
  }
  protected readonly scalarProperties = ['sideIndex', 'style', 'color', 'weight'];
  declare readonly sideIndex: string;
  declare style: string;
  declare color: string;
  declare weight: string;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly side: string,
  ) {
    super(context);
  }

  private entry(create: boolean) {
    const { sheet, rect } = this.range.target();
    const same = (e: { rect: typeof rect; side: string }) =>
      e.side === this.side &&
      e.rect.row === rect.row &&
      e.rect.column === rect.column &&
      e.rect.rowCount === rect.rowCount &&
      e.rect.columnCount === rect.columnCount;
    let entry = sheet.borders.find(same);
    if (!entry && create) sheet.borders.push((entry = { rect, side: this.side, props: {} }));
    return entry;
  }

  protected readProperty(name: string): unknown {
    if (name === 'sideIndex') return this.side;
    return this.entry(false)?.props[name] ?? BORDER_DEFAULTS[name];
  }

  protected override writeProperty(name: string, value: unknown): void {
    if (!BORDER_SIDES.includes(this.side))
      throw officeError(FakeErrorCodes.invalidArgument, `Unknown border ${this.side}.`);
    assertFormatAllowed(this.range.target().sheet, 'cells');
    this.entry(true)!.props[name] = value;
  }
}
defineProxyProperties(FakeRangeBorder, {
  sideIndex: {},
  style: { writable: true },
  color: { writable: true },
  weight: { writable: true },
});

/** `Range.format.borders`: `getItem('EdgeTop')`… */
export class FakeRangeBorderCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  getItem(side: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.range, side);
  }
}

/** `Range.format`: alignment and wrap per cell, widths per column, heights per row. */
export class FakeRangeFormat extends CellFormatPart {
  protected readonly typeName = 'RangeFormat';
  protected readonly keys: Record<string, keyof CellFormat> = {
    wrapText: 'wrapText',
    horizontalAlignment: 'horizontalAlignment',
    verticalAlignment: 'verticalAlignment',
  };
  protected readonly scalarProperties = [
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
    'columnWidth',
    'rowHeight',
  ];
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare columnWidth: number;
  declare rowHeight: number;
  private lazy_font?: FakeRangeFont;
  get font(): FakeRangeFont {
    return (this.lazy_font ??= new FakeRangeFont(this.context, this.range));
  }
  private lazy_fill?: FakeRangeFill;
  get fill(): FakeRangeFill {
    return (this.lazy_fill ??= new FakeRangeFill(this.context, this.range));
  }
  private lazy_protection?: FakeFormatProtection;
  get protection(): FakeFormatProtection {
    return (this.lazy_protection ??= new FakeFormatProtection(this.context, this.range));
  }
  private lazy_borders?: FakeRangeBorderCollection;
  get borders(): FakeRangeBorderCollection {
    return (this.lazy_borders ??= new FakeRangeBorderCollection(this.context, this.range));
  }

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range);
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return ({ font: this.font, fill: this.fill, protection: this.protection } as Record<string, FakeClientObject>)[
      name
    ];
  }

  protected override readProperty(name: string): unknown {
    const { sheet, rect } = this.range.target();
    if (name === 'columnWidth') {
      const columns = Array.from(
        { length: Math.min(rect.columnCount, 16384) },
        (_, i) => sheet.columnWidths.get(rect.column + i) ?? DEFAULT_COLUMN_WIDTH,
      );
      return uniform(columns);
    }
    if (name === 'rowHeight') {
      const rows = Array.from(
        { length: Math.min(rect.rowCount, 2048) },
        (_, i) => sheet.rowHeights.get(rect.row + i) ?? DEFAULT_ROW_HEIGHT,
      );
      return uniform(rows);
    }
    return super.readProperty(name);
  }

  protected override writeProperty(name: string, value: unknown): void {
    const { sheet, rect } = this.range.target();
    if (name === 'columnWidth' || name === 'rowHeight') {
      if (typeof value !== 'number' || !(value >= 0))
        throw officeError(FakeErrorCodes.invalidArgument, `Invalid ${name}.`);
      const byColumn = name === 'columnWidth';
      assertFormatAllowed(sheet, byColumn ? 'columns' : 'rows');
      const map = byColumn ? sheet.columnWidths : sheet.rowHeights;
      const [start, count] = byColumn ? [rect.column, rect.columnCount] : [rect.row, Math.min(rect.rowCount, 100_000)];
      for (let i = start; i < start + count; i++) map.set(i, value);
      return;
    }
    super.writeProperty(name, value);
  }

  autofitColumns(): void {
    this.queueCall('autofitColumns', [], () => assertFormatAllowed(this.range.target().sheet, 'columns'), '1.2');
  }

  autofitRows(): void {
    this.queueCall('autofitRows', [], () => assertFormatAllowed(this.range.target().sheet, 'rows'), '1.2');
  }
}
defineProxyProperties(FakeRangeFormat, {
  wrapText: { writable: true },
  horizontalAlignment: { writable: true },
  verticalAlignment: { writable: true },
  columnWidth: { writable: true, api: '1.2' },
  rowHeight: { writable: true, api: '1.2' },
});
