import { higherApiVersion, requiredApiVersion } from './api-sets';
import { FakeRequestContext, QueuedOperation, ReadResult } from './context';
import { FakeErrorCodes, officeError, propertyNotLoaded } from './errors';

/**
 * Proxy semantics shared by every fake object, as in Office.js: a property is readable only once `load` asked
 * for it and a `sync` brought it back; a write is queued and applied at the next `sync`, in order.
 */

export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadSpec>;
}

function emptySpec(all = false): LoadSpec {
  return { all, props: new Set(), nav: new Map() };
}

/** Accepts what Office.js's `load` accepts: nothing, `"a, b/c"`, `["a", "b/c"]` or `{select, expand}`. */
export function parseLoadArgument(arg: unknown): LoadSpec {
  if (arg === undefined || arg === null) return emptySpec(true);
  let paths: string[] = [];
  if (typeof arg === 'string') paths = arg.split(',');
  else if (Array.isArray(arg)) paths = arg.map(String);
  else if (typeof arg === 'object') {
    const { select, expand } = arg as { select?: string | string[]; expand?: string | string[] };
    const list = (v?: string | string[]): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v.split(','));
    paths = list(select);
    for (const nav of list(expand)) paths.push(`${nav.trim()}/*`);
    if (paths.length === 0) return emptySpec(true);
  }
  const spec = emptySpec();
  for (const raw of paths) {
    const parts = raw.trim().split('/').filter(Boolean);
    if (parts.length === 0) continue;
    let node = spec;
    for (let i = 0; i < parts.length - 1; i++) {
      let child = node.nav.get(parts[i]);
      if (!child) node.nav.set(parts[i], (child = emptySpec()));
      node = child;
    }
    const last = parts[parts.length - 1];
    if (last === '*' || last === '$all') node.all = true;
    else node.props.add(last);
  }
  return spec;
}

function describe(spec: LoadSpec): unknown {
  return {
    all: spec.all,
    props: [...spec.props],
    nav: Object.fromEntries([...spec.nav].map(([k, v]) => [k, describe(v)])),
  };
}

export abstract class FakeClientObject {
  protected abstract readonly typeName: string;
  /** Loadable scalar properties, loaded by a bare `load()`. */
  protected abstract readonly scalarProperties: readonly string[];
  /** True for objects from a `*OrNullObject` method. */
  protected orNull = false;
  protected readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;

  /**
   * Like Office.js's ClientObject constructor, queues an Instantiate action (unless results are being processed):
   * the object's path is resolved at that point of the batch, so `getItem('absent')` fails the sync even if the
   * object is never used, and an `*OrNullObject` learns whether it exists.
   */
  constructor(readonly context: FakeRequestContext) {
    if (context.processing) return;
    const op: QueuedOperation = {
      kind: 'instantiate',
      statement: '',
      payload: null,
      run: () => {
        if (this.orNull) {
          const missing = this.isMissing();
          return { response: missing, apply: () => (this.nullState = missing) };
        }
        this.instantiate();
        return { response: true, apply: () => (this.nullState ??= false) };
      },
    };
    // The type name is a subclass field, set after this constructor: read it when the statement is needed.
    Object.defineProperty(op, 'statement', { get: () => `${this.typeName}.instantiate` });
    context.enqueue(op);
  }

  /** Resolves what the object stands for (throws ItemNotFound or InvalidArgument as Excel would). */
  protected instantiate(): void {}

  /** Computes a property from the model, during `sync`, in batch order. */
  protected abstract readProperty(name: string): unknown;

  /** Applies a queued property write, during `sync`. */
  protected writeProperty(name: string, _value: unknown): void {
    throw officeError(FakeErrorCodes.invalidArgument, `The property '${name}' is read-only.`);
  }

  /** Sub-objects reachable without loading (`range.format`, `format.font`…). */
  protected navigationProperty(_name: string): FakeClientObject | undefined {
    return undefined;
  }

  /** For `*OrNullObject` objects: whether the target is absent, evaluated during `sync`. */
  protected isMissing(): boolean {
    return false;
  }

  /** As in Office.js: unknown (throws) until the object came back from a sync, ordinary objects included. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  /** Called by `*OrNullObject` factories: the Instantiate action then tells whether the object exists. */
  protected checkNullAtSync(): this {
    this.orNull = true;
    return this;
  }

  protected getLoaded<T>(name: string): T {
    // Office.js returns undefined rather than throwing for a property of a null object.
    if (this.nullState === true && !this.loadedValues.has(name)) return undefined as T;
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loadedValues.get(name) as T;
  }

  /** Queues a property write. The proxy shows the written value at once, as Office.js proxies do. */
  protected queueWrite(name: string, value: unknown, api?: string): void {
    this.loadedValues.set(name, value);
    this.context.enqueue({
      kind: 'write',
      statement: `${this.typeName}.${name}`,
      payload: value,
      api,
      run: () => {
        this.requirePresent();
        this.writeProperty(name, value);
      },
    });
  }

  /** Queues a method call with no result. */
  protected queueCall(method: string, args: unknown[], run: () => void, api?: string): void {
    this.context.enqueue({
      kind: 'write',
      statement: `${this.typeName}.${method}`,
      payload: args,
      api,
      run: () => {
        this.requirePresent();
        run();
      },
    });
  }

  /** Writes and calls on a null object fail: code that forgets `isNullObject` is caught. */
  protected requirePresent(): void {
    if (this.orNull && this.isMissing()) {
      throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist.", this.typeName);
    }
  }

  load(arg?: unknown): this {
    const spec = parseLoadArgument(arg);
    // A property named in the load needs its set (ExcelApi 1.9 for `Worksheet.autoFilter`…).
    const api = [...spec.props, ...spec.nav.keys()].reduce<string | undefined>(
      (highest, name) => higherApiVersion(highest, requiredApiVersion(`${this.typeName}.${name}`)),
      undefined,
    );
    this.context.enqueue({
      kind: 'read',
      statement: `${this.typeName}.load`,
      payload: describe(spec),
      api,
      run: () => this.collect(spec),
    });
    return this;
  }

  /** Reads what `spec` asks for, now; the proxies are filled by `apply` once the batch succeeded. */
  collect(spec: LoadSpec): ReadResult {
    if (this.orNull && this.isMissing()) return { response: null, apply: () => (this.nullState = true) };
    const names = new Set(spec.all ? this.scalarProperties : []);
    for (const p of spec.props) {
      const nav = this.navigationProperty(p);
      if (nav) spec.nav.set(p, spec.nav.get(p) ?? emptySpec(true));
      else if (this.scalarProperties.includes(p)) names.add(p);
      else
        throw officeError(
          FakeErrorCodes.invalidArgument,
          `Cannot find property '${p}' on ${this.typeName}.`,
          `${this.typeName}.load`,
        );
    }
    const values = new Map<string, unknown>();
    for (const name of names) values.set(name, this.readProperty(name));
    const children: ReadResult[] = [];
    for (const [name, childSpec] of spec.nav) {
      const child = this.navigationProperty(name);
      if (!child)
        throw officeError(
          FakeErrorCodes.invalidArgument,
          `Cannot find property '${name}' on ${this.typeName}.`,
          `${this.typeName}.load`,
        );
      children.push(child.collect(childSpec));
    }
    return {
      response: [Object.fromEntries(values), children.map((c) => c.response)],
      apply: () => {
        this.nullState = false;
        for (const [name, value] of values) this.loadedValues.set(name, value);
        for (const child of children) child.apply();
      },
    };
  }

  /** `object.set({...})`: nested plain objects go to the matching sub-object. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const nav = this.navigationProperty(key);
      if (nav && value && typeof value === 'object' && !Array.isArray(value)) nav.set(value as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

export interface PropertySpec {
  writable?: boolean;
  /** Name of a method that queues the write instead of the default single operation. */
  setter?: string;
  /** ExcelApi version needed to write it. */
  api?: string;
}

/**
 * Defines getters (and setters for writable ones) on a class prototype. Classes declare the fields with
 * `declare`, so that class-field semantics do not shadow these accessors.
 */
export function defineProxyProperties(target: { prototype: object }, specs: Record<string, PropertySpec>): void {
  for (const [name, spec] of Object.entries(specs)) {
    const descriptor: PropertyDescriptor = {
      configurable: true,
      enumerable: false,
      get(this: FakeClientObject) {
        return (this as unknown as { getLoaded(n: string): unknown }).getLoaded(name);
      },
    };
    if (spec.writable) {
      descriptor.set = function (this: FakeClientObject, value: unknown) {
        const self = this as unknown as Record<string, (n: string, v: unknown, api?: string) => void>;
        self[spec.setter ?? 'queueWrite'](name, value, spec.api);
      };
    }
    Object.defineProperty(target.prototype, name, descriptor);
  }
}

/** `OfficeExtension.ClientResult`: a method's return value, readable after `sync`. */
export class FakeClientResult<T> {
  private ready = false;
  private result: T | undefined;

  get value(): T {
    if (!this.ready) throw propertyNotLoaded('ClientResult', 'value');
    return this.result as T;
  }

  /** Queues the computation; the value appears after the next successful sync. */
  static queue<T>(context: FakeRequestContext, statement: string, compute: () => T, api?: string): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    context.enqueue({
      kind: 'read',
      statement,
      payload: null,
      api,
      run: () => {
        const value = compute();
        return {
          response: value,
          apply: () => {
            result.result = value;
            result.ready = true;
          },
        };
      },
    });
    return result;
  }
}

/** A collection proxy: `items` needs a load; loading item properties goes through `load('items/name')` or `load('name')`. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  protected readonly scalarProperties: readonly string[] = ['items'];

  /** Keys of the current items, computed during `sync`. */
  protected abstract itemKeys(): unknown[];
  protected abstract itemProxy(key: unknown): T;

  get items(): T[] {
    return this.getLoaded<T[]>('items');
  }

  protected readProperty(name: string): unknown {
    throw officeError(FakeErrorCodes.invalidArgument, `Cannot find property '${name}' on ${this.typeName}.`);
  }

  override collect(spec: LoadSpec): ReadResult {
    const itemSpec = spec.nav.get('items') ?? emptySpec();
    if (spec.all) itemSpec.all = true;
    for (const p of spec.props) if (p !== 'items') itemSpec.props.add(p);
    for (const [k, v] of spec.nav) if (k !== 'items') itemSpec.nav.set(k, v);
    if (!itemSpec.all && itemSpec.props.size === 0 && itemSpec.nav.size === 0) itemSpec.all = true;
    const proxies = this.itemKeys().map((key) => this.itemProxy(key));
    const results = proxies.map((p) => p.collect(itemSpec));
    return {
      response: results.map((r) => r.response),
      apply: () => {
        this.loadedValues.set('items', proxies);
        for (const r of results) r.apply();
      },
    };
  }

  getCount(): FakeClientResult<number> {
    return FakeClientResult.queue(this.context, `${this.typeName}.getCount`, () => this.itemKeys().length);
  }
}
