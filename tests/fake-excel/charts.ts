import { formatAddress } from './a1';
import { FakeRequestContext } from './context';
import { METHOD_RULES } from './documented-settings';
import { FakeErrorCodes, officeError } from './errors';
import { ChartEntry } from './model';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';
import { Recorded, createRecorder } from './recorder';

/** `Excel.Chart`: type, source and settings are recorded; nothing is drawn. */
export class FakeChart extends FakeClientObject {
  protected readonly typeName = 'Chart';

  protected override instantiate(): void {
    this.entry();
  }
  protected readonly scalarProperties = ['id', 'name', 'chartType'];
  declare readonly id: string;
  declare name: string;
  declare chartType: string;
  readonly title: Recorded;
  readonly legend: Recorded;
  readonly axes: Recorded;

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
    private readonly entryId: string,
  ) {
    super(context);
    const settings = (key: string) => () => (this.entry().settings[key] ??= {}) as Record<string, unknown>;
    this.title = createRecorder(context, 'Chart.title', settings('title'));
    this.legend = createRecorder(context, 'Chart.legend', settings('legend'));
    this.axes = createRecorder(context, 'Chart.axes', settings('axes'), ['setCategoryNames']);
  }

  entry(): ChartEntry {
    const found = this.sheet.resolveSheet().charts.find((c) => c.id === this.entryId);
    if (!found) throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist. (chart)");
    return found;
  }

  protected readProperty(name: string): unknown {
    const entry = this.entry();
    return name === 'chartType' ? entry.type : (entry as unknown as Record<string, unknown>)[name];
  }

  protected override writeProperty(name: string, value: unknown): void {
    const entry = this.entry();
    if (name === 'chartType') entry.type = String(value);
    else entry.name = String(value);
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const describe = (c?: string | FakeRange) =>
      c === undefined ? null : typeof c === 'string' ? c : formatAddress(c.target().sheet.name, c.target().rect);
    this.queueCall('setPosition', [typeof startCell === 'string' ? startCell : '(range)'], () => {
      this.entry().settings.position = { start: describe(startCell), end: describe(endCell) };
    });
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const charts = this.sheet.resolveSheet().charts;
      charts.splice(charts.indexOf(this.entry()), 1);
    });
  }
}
defineProxyProperties(FakeChart, { id: {}, name: { writable: true }, chartType: { writable: true } });

export class FakeChartCollection extends FakeCollection<FakeChart> {
  protected readonly typeName = 'ChartCollection';

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected itemKeys(): unknown[] {
    return this.sheet.resolveSheet().charts.map((c) => c.id);
  }

  protected itemProxy(key: unknown): FakeChart {
    return new FakeChart(this.context, this.sheet, String(key));
  }

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    const id = this.context.env.model.newObjectId('chart');
    this.queueCall('add', [type, '(range)', seriesBy], () => {
      const refused = METHOD_RULES['ChartCollection.add']([type, sourceData, seriesBy]);
      if (refused) throw officeError(FakeErrorCodes.invalidArgument, `ChartCollection.add: ${refused}.`);
      const sheet = this.sheet.resolveSheet();
      const { sheet: sourceSheet, rect } = sourceData.target();
      sheet.charts.push({
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: formatAddress(sourceSheet.name, rect),
        seriesBy,
        settings: {},
      });
    });
    return new FakeChart(this.context, this.sheet, id);
  }
}
