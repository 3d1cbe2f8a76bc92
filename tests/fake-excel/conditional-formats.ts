import { FakeRequestContext } from './context';
import { METHOD_RULES } from './documented-settings';
import { FakeErrorCodes, officeError } from './errors';
import { ConditionalFormatEntry } from './model';
import { assertSheetUnprotected } from './protection-rules';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import type { FakeRange } from './range';
import { Recorded, createRecorder } from './recorder';

/** The sub-object each type fills in (`cf.cellValue.rule = …`). */
const DETAILS = ['cellValue', 'colorScale', 'dataBar', 'custom', 'iconSet', 'topBottom', 'preset', 'textComparison'];

/** One conditional format; its type-specific details are recorded as plain settings. */
export class FakeConditionalFormat extends FakeClientObject {
  protected readonly typeName = 'ConditionalFormat';

  protected override instantiate(): void {
    this.entry();
  }
  protected readonly scalarProperties = ['id', 'type', 'priority', 'stopIfTrue'];
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  declare readonly cellValue: Recorded;
  declare readonly colorScale: Recorded;
  declare readonly dataBar: Recorded;
  declare readonly custom: Recorded;
  declare readonly iconSet: Recorded;
  declare readonly topBottom: Recorded;
  declare readonly preset: Recorded;
  declare readonly textComparison: Recorded;
  private readonly details = new Map<string, Recorded>();

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    readonly entryId: string,
  ) {
    super(context);
    for (const name of DETAILS) {
      Object.defineProperty(this, name, {
        get: () => {
          let recorder = this.details.get(name);
          if (!recorder) {
            recorder = createRecorder(
              context,
              `ConditionalFormat.${name}`,
              () => {
                const settings = this.entry().settings;
                return (settings[name] ??= {}) as Record<string, unknown>;
              },
              [],
              '1.6',
            );
            this.details.set(name, recorder);
          }
          return recorder;
        },
      });
    }
  }

  entry(): ConditionalFormatEntry {
    const { sheet } = this.range.target();
    const found = sheet.conditionalFormats.find((f) => f.id === this.entryId);
    if (!found)
      throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist.", 'ConditionalFormat');
    return found;
  }

  protected readProperty(name: string): unknown {
    const entry = this.entry();
    if (name === 'id') return entry.id;
    if (name === 'type') return entry.type;
    if (name === 'priority') return this.range.target().sheet.conditionalFormats.indexOf(entry);
    return entry.settings.stopIfTrue ?? false;
  }

  protected override writeProperty(name: string, value: unknown): void {
    this.entry().settings[name] = value;
  }

  delete(): void {
    this.queueCall(
      'delete',
      [],
      () => {
        const { sheet } = this.range.target();
        sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(this.entry()), 1);
      },
      '1.6',
    );
  }
}
defineProxyProperties(FakeConditionalFormat, {
  id: {},
  type: {},
  priority: { writable: true, api: '1.6' },
  stopIfTrue: { writable: true, api: '1.6' },
});

/** `Range.conditionalFormats`: `add(type)` puts the new format at the top priority, as Excel does. */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  protected readonly typeName = 'ConditionalFormatCollection';

  protected override instantiate(): void {
    this.range.target();
  }

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  protected itemKeys(): unknown[] {
    const { sheet, rect } = this.range.target();
    return sheet.conditionalFormats
      .filter(
        (f) =>
          f.rect.row < rect.row + rect.rowCount &&
          rect.row < f.rect.row + f.rect.rowCount &&
          f.rect.column < rect.column + rect.columnCount &&
          rect.column < f.rect.column + f.rect.columnCount,
      )
      .map((f) => f.id);
  }

  protected itemProxy(key: unknown): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, this.range, String(key));
  }

  add(type: string): FakeConditionalFormat {
    const id = this.context.env.model.newObjectId('cf');
    this.queueCall(
      'add',
      [type],
      () => {
        const refused = METHOD_RULES['ConditionalFormatCollection.add']([type]);
        if (refused) throw officeError(FakeErrorCodes.invalidArgument, `ConditionalFormatCollection.add: ${refused}.`);
        const { sheet, rect } = this.range.target();
        assertSheetUnprotected(sheet, 'conditional format');
        sheet.conditionalFormats.unshift({ id, rect, type, settings: {} });
      },
      '1.6',
    );
    return new FakeConditionalFormat(this.context, this.range, id);
  }

  clearAll(): void {
    this.queueCall(
      'clearAll',
      [],
      () => {
        const { sheet } = this.range.target();
        assertSheetUnprotected(sheet, 'conditional format');
        const ids = new Set(this.itemKeys());
        for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--)
          if (ids.has(sheet.conditionalFormats[i].id)) sheet.conditionalFormats.splice(i, 1);
      },
      '1.6',
    );
  }
}
