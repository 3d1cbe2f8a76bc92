import { formatAddress, type Rect } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, type SheetHandle } from './range';

/**
 * `Excel.RangeAreas` as `Range.getMergedAreasOrNullObject()` (ExcelApi 1.13) gives it: the merged areas of a range,
 * `address` (each area with its sheet, joined by commas) and `areaCount`, and `areas`, a `RangeCollection` of one
 * range per area (_docs_). As Excel: only the areas whose first cell is inside the range are given
 * (OfficeDev/office-js#3611); none makes a null object; past 512 « this method will fail to return the result »
 * (_docs_): the sync fails, with GeneralException, the fake's reading of a failure the reference does not name.
 */

/** The most merged areas Excel gives back (_docs_, `Range.getMergedAreasOrNullObject`). */
export const MAX_MERGED_AREAS = 512;

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  protected readonly typeName = 'RangeCollection';

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
    private readonly rects: () => Rect[],
  ) {
    super(context);
  }

  protected itemKeys(): unknown[] {
    return this.rects().map((_, index) => index);
  }

  protected itemProxy(key: unknown): FakeRange {
    return new FakeRange(this.context, this.sheet, () => this.rects()[key as number] ?? null);
  }
}

export class FakeRangeAreas extends FakeClientObject {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  declare readonly address: string;
  declare readonly areaCount: number;
  private areasProxy?: FakeRangeCollection;
  private found: Rect[] | undefined;

  /** `within` runs during sync: the range whose merged areas are asked. */
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
    private readonly within: () => Rect,
  ) {
    super(context);
    this.checkNullAtSync();
  }

  /** The merged areas whose first cell is in the range, found once, at the first look of the sync. */
  private rects(): Rect[] {
    if (this.found) return this.found;
    const { row, column, rowCount, columnCount } = this.within();
    const inside = (rect: Rect) =>
      rect.row >= row && rect.row < row + rowCount && rect.column >= column && rect.column < column + columnCount;
    const found = this.sheet.resolveSheet().merges.filter(inside);
    if (found.length > MAX_MERGED_AREAS)
      throw officeError(FakeErrorCodes.generalException, 'There are too many merged areas in the range.');
    return (this.found = found);
  }

  get areas(): FakeRangeCollection {
    return (this.areasProxy ??= new FakeRangeCollection(this.context, this.sheet, () => this.rects()));
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return name === 'areas' ? this.areas : undefined;
  }

  protected override isMissing(): boolean {
    return this.rects().length === 0;
  }

  protected readProperty(name: string): unknown {
    const rects = this.rects();
    if (name === 'areaCount') return rects.length;
    return rects.map((rect) => formatAddress(this.sheet.resolveSheet().name, rect)).join(',');
  }
}
defineProxyProperties(FakeRangeAreas, { address: {}, areaCount: {} });
