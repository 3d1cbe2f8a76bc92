import { formatAddress, parseAddress } from './a1';
import { FakeRequestContext } from './context';
import { isValidDefinedName } from './defined-names';
import { FakeErrorCodes, officeError } from './errors';
import { NameEntry } from './model';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';

const notFound = (what: string) =>
  officeError(FakeErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`);

function nameType(formula: string): string {
  const body = formula.slice(1);
  if (parseAddress(body)?.sheet !== undefined) return 'Range';
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return 'Double';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^".*"$/.test(body)) return 'String';
  return 'Formula';
}

/** `Excel.NamedItem`. */
export class FakeNamedItem extends FakeClientObject {
  protected readonly typeName = 'NamedItem';

  protected override instantiate(): void {
    this.entry();
  }
  protected readonly scalarProperties = ['name', 'formula', 'type', 'value', 'visible', 'comment', 'scope'];
  declare readonly name: string;
  declare formula: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare visible: boolean;
  declare comment: string;
  declare readonly scope: string;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => NameEntry | undefined,
    private readonly description: string,
    orNull = false,
  ) {
    super(context);
    if (orNull) this.checkNullAtSync();
  }

  private entry(): NameEntry {
    const entry = this.locate();
    if (!entry) throw notFound(`name ${this.description}`);
    return entry;
  }

  protected override isMissing(): boolean {
    return !this.locate();
  }

  protected readProperty(name: string): unknown {
    const entry = this.entry();
    switch (name) {
      case 'type':
        return nameType(entry.formula);
      case 'value':
        return entry.formula.slice(1);
      case 'scope':
        return entry.sheetId === undefined ? 'Workbook' : 'Worksheet';
      default:
        return (entry as unknown as Record<string, unknown>)[name];
    }
  }

  protected override writeProperty(name: string, value: unknown): void {
    const entry = this.entry();
    if (name === 'formula') entry.formula = String(value).startsWith('=') ? String(value) : `=${String(value)}`;
    else (entry as unknown as Record<string, unknown>)[name] = value;
    this.context.env.model.engine.invalidate();
  }

  getRange(): FakeRange {
    const model = this.context.env.model;
    const parsed = () => {
      const p = parseAddress(this.entry().formula.slice(1));
      if (!p || p.sheet === undefined)
        throw officeError(FakeErrorCodes.invalidArgument, 'The name does not refer to a range.');
      return p;
    };
    const handle: SheetHandle = {
      resolveSheet: () =>
        model.sheetByName(parsed().sheet!) ??
        (() => {
          throw notFound('sheet of the name');
        })(),
    };
    return new FakeRange(this.context, handle, () => parsed().rect);
  }

  delete(): void {
    this.queueCall(
      'delete',
      [],
      () => {
        const names = this.context.env.model.names;
        names.splice(names.indexOf(this.entry()), 1);
        this.context.env.model.engine.invalidate();
      },
      '1.4',
    );
  }
}
defineProxyProperties(FakeNamedItem, {
  name: {},
  type: {},
  value: {},
  scope: {},
  formula: { writable: true, api: '1.7' },
  visible: { writable: true },
  comment: { writable: true, api: '1.4' },
});

/** `workbook.names` or `worksheet.names` (scoped to that sheet). */
export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected readonly typeName = 'NamedItemCollection';

  protected override instantiate(): void {
    this.sheet?.resolveSheet();
  }

  constructor(
    context: FakeRequestContext,
    private readonly sheet?: SheetHandle,
  ) {
    super(context);
  }

  private scopeId(): number | undefined {
    return this.sheet?.resolveSheet().id;
  }

  private entries(): NameEntry[] {
    const scope = this.scopeId();
    return this.context.env.model.names.filter((n) => n.sheetId === scope);
  }

  protected itemKeys(): unknown[] {
    return this.entries().map((n) => n.name);
  }

  protected itemProxy(key: unknown): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(String(key)), String(key));
  }

  /** A name must follow Excel's rules (defined-names.ts: not `A1`, not `R1C1`), and be unique in its scope (any case). */
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    this.queueCall(
      'add',
      [name, typeof reference === 'string' ? reference : '(range)', comment],
      () => {
        const model = this.context.env.model;
        if (!isValidDefinedName(name))
          throw officeError(FakeErrorCodes.invalidArgument, `The name '${name}' is not valid.`);
        if (this.find(name)) throw officeError(FakeErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
        let formula: string;
        if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const { sheet, rect } = reference.target();
          formula = `=${formatAddress(sheet.name, rect, true)}`;
        }
        model.names.push({ name, formula, comment, visible: true, sheetId: this.scopeId() });
        model.engine.invalidate();
      },
      '1.4',
    );
    return new FakeNamedItem(this.context, () => this.find(name), name);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), name, true);
  }

  private find(name: string): NameEntry | undefined {
    return this.entries().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
}
