import { formatAddress, Rect } from './a1';
import { memberAlong } from './api-sets';
import { FakeRequestContext } from './context';
import { METHOD_RULES, PROPERTY_RULES, WHOLE_OBJECT_PROPERTIES } from './documented-settings';
import { FakeErrorCodes, officeError, propertyNotLoaded } from './errors';

type Settings = Record<string, unknown>;

/** How tests and callers see a recorder: any property, at any depth. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Recorded = { [key: string]: any };

/**
 * A stand-in for option-heavy sub-objects (conditional format details, chart title, page layout): every property
 * set, at any depth, is queued and recorded as plain data at sync; named methods are recorded as calls
 * (`{setPrintTitleRows: [["$1:$3"]]}`). At sync, a value the reference does not document for that member fails
 * with InvalidArgument (documented-settings.ts); members without a rule are recorded unchecked.
 */
export function createRecorder(
  context: FakeRequestContext,
  statement: string,
  settings: () => Settings,
  methods: readonly string[] = [],
  api?: string,
): Recorded {
  const local: Settings = {};
  const children = new Map<string, Settings>();
  const write = (key: string, payload: unknown, record: (target: Settings) => void, refusal?: () => string | null) => {
    context.enqueue({
      kind: 'write',
      statement: `${statement}.${key}`,
      payload,
      api,
      run: () => {
        const refused = refusal?.();
        if (refused)
          throw officeError(FakeErrorCodes.invalidArgument, `${memberAlong(`${statement}.${key}`)}: ${refused}.`);
        record(settings());
      },
    });
  };
  const ruleKey = (key: string) => memberAlong(`${statement}.${key}`) ?? '';
  const proxy: Settings = new Proxy(local, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key === 'load') return () => proxy;
      if (key === 'toJSON') return () => ({ ...target });
      if (key === 'set') {
        return (props: Settings) => {
          for (const [k, v] of Object.entries(props)) proxy[k] = v;
        };
      }
      if (methods.includes(key)) {
        const rule = METHOD_RULES[ruleKey(key)];
        return (...args: unknown[]) =>
          write(
            key,
            describeForPayload(args),
            (s) => {
              const calls = (s[key] as unknown[][] | undefined) ?? [];
              calls.push(args.map(plain));
              s[key] = calls;
            },
            rule && (() => rule(args)),
          );
      }
      if (key in target) return target[key];
      if (WHOLE_OBJECT_PROPERTIES.has(ruleKey(key))) {
        const [className, member] = ruleKey(key).split('.');
        throw propertyNotLoaded(className, member);
      }
      let child = children.get(key);
      if (!child) {
        const childSettings = (): Settings => {
          const s = settings();
          if (!s[key] || typeof s[key] !== 'object') s[key] = {};
          return s[key] as Settings;
        };
        // Sub-objects keep the method names (a chart's `axes.categoryAxis.setCategoryNames`).
        child = createRecorder(context, `${statement}.${key}`, childSettings, methods, api);
        children.set(key, child);
      }
      return child;
    },
    set(target, key, value) {
      if (typeof key !== 'string') return false;
      target[key] = value;
      const rule = PROPERTY_RULES[ruleKey(key)];
      write(key, describeForPayload(value), (s) => (s[key] = plain(value)), rule && (() => rule(value)));
      return true;
    },
  });
  return proxy;
}

interface RangeLike {
  target(): { sheet: { name: string }; rect: Rect };
}

const isRange = (v: unknown): v is RangeLike =>
  !!v && typeof v === 'object' && typeof (v as RangeLike).target === 'function';

/** At sync time: a Range becomes its absolute address, anything else a copy. */
function plain(value: unknown): unknown {
  if (isRange(value)) {
    const { sheet, rect } = value.target();
    return formatAddress(sheet.name, rect, true);
  }
  return value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}

/** At queue time, for the payload size only (a Range cannot be resolved before sync). */
function describeForPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(describeForPayload);
  return isRange(value) ? '(range)' : value;
}
