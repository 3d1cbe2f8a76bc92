import type { FakeRequestContext } from './context';
import excelApiSets from './excel-api-sets.json';

/**
 * The ExcelApi version each member of the modelled classes needs, as @types/office-js's `[Api set: …]` tags say
 * (excel-api-sets.json, read from the typings by tests/helpers/office-api-typings.ts and kept equal to them by
 * api-sets.test.ts). Every queued operation is checked against it at sync: the fake set to ExcelApi 1.8 refuses
 * `Range.group` (1.10) or `Worksheet.pageLayout` (1.9) with ApiNotFound, as such a host does. A method that only
 * makes an object (`getRangeByIndexes`, `getItemOrNullObject`) is gated by `gateMethodsBySet`; a property is gated
 * when written and when named in a `load`.
 */

/** The Excel classes the fake models, sub-objects of its recorders included. */
export const MODELLED_EXCEL_CLASSES = [
  'Application',
  'AutoFilter',
  'CellValueConditionalFormat',
  'Chart',
  'ChartAxes',
  'ChartAxis',
  'ChartCollection',
  'ChartLegend',
  'ChartTitle',
  'ColorScaleConditionalFormat',
  'Comment',
  'CommentCollection',
  'CommentReply',
  'CommentReplyCollection',
  'ConditionalDataBarNegativeFormat',
  'ConditionalDataBarPositiveFormat',
  'ConditionalFormat',
  'ConditionalFormatCollection',
  'ConditionalFormatRule',
  'ConditionalRangeFill',
  'ConditionalRangeFont',
  'ConditionalRangeFormat',
  'CustomConditionalFormat',
  'DataBarConditionalFormat',
  'DataValidation',
  'DocumentProperties',
  'FormatProtection',
  'IconSetConditionalFormat',
  'NamedItem',
  'NamedItemCollection',
  'Note',
  'NoteCollection',
  'PageLayout',
  'PresetCriteriaConditionalFormat',
  'Range',
  'RangeAreas',
  'RangeBorder',
  'RangeBorderCollection',
  'RangeCollection',
  'RangeFill',
  'RangeFont',
  'RangeFormat',
  'Table',
  'TableCollection',
  'TableRowCollection',
  'TextConditionalFormat',
  'TopBottomConditionalFormat',
  'Workbook',
  'WorkbookProtection',
  'Worksheet',
  'WorksheetCollection',
  'WorksheetFreezePanes',
  'WorksheetProtection',
] as const;

const { versions, types } = excelApiSets as { versions: Record<string, string>; types: Record<string, string> };

/** Asked at every operation of every sync: a few pairs of versions, each compared once. */
const higherOfPair = new Map<string, string>();

function higher(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  const key = `${a} ${b}`;
  let found = higherOfPair.get(key);
  if (found === undefined) higherOfPair.set(key, (found = higherNow(a, b)));
  return found;
}

function higherNow(a: string, b: string): string {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d > 0 ? a : b;
  }
  return a;
}

/**
 * The ExcelApi version a statement needs (`Range.group`, `Chart.axes.categoryAxis.setCategoryNames`): the highest
 * of its class's and of each member along the path; undefined when it needs only 1.1 or is not in the table.
 */
export function requiredApiVersion(statement: string): string | undefined {
  if (!cache.has(statement)) cache.set(statement, versionAlong(statement));
  return cache.get(statement);
}

const cache = new Map<string, string | undefined>();

function versionAlong(statement: string): string | undefined {
  const [className, ...members] = statement.split('.');
  let required: string | undefined = versions[className];
  let type: string | undefined = className;
  for (const member of members) {
    if (!type || member === 'instantiate' || member === 'load') break;
    required = higher(required, versions[`${type}.${member}`]);
    type = types[`${type}.${member}`];
    required = higher(required, type ? versions[type] : undefined);
  }
  return required;
}

export { higher as higherApiVersion };

/**
 * Wraps the methods and getters of a fake class that the table gates: what they queue (the Instantiate action of
 * the object they make, their own call) carries their requirement, so the sync fails with ApiNotFound on an older
 * host at that point of the batch. A newer host sees no difference (no operation added).
 */
export function gateMethodsBySet(target: { prototype: object }, excelClass: string): void {
  const prototype = target.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const version = versions[`${excelClass}.${name}`];
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (!version || !descriptor || name === 'constructor') continue;
    const gate = { statement: `${excelClass}.${name}`, version };
    const gated = <A extends unknown[], R>(inner: (...args: A) => R) =>
      function (this: { context: FakeRequestContext }, ...args: A): R {
        const previous = this.context.creating;
        this.context.creating = gate;
        try {
          return inner.apply(this, args);
        } finally {
          this.context.creating = previous;
        }
      };
    if (typeof descriptor.value === 'function')
      Object.defineProperty(prototype, name, { ...descriptor, value: gated(descriptor.value) });
    else if (descriptor.get) Object.defineProperty(prototype, name, { ...descriptor, get: gated(descriptor.get) });
  }
}

/**
 * The class and member a statement ends on (`Chart.axes.valueAxis.minimum` → `ChartAxis.minimum`), through the
 * sub-objects' classes; undefined when a step leads out of the modelled classes.
 */
export function memberAlong(statement: string): string | undefined {
  const [className, ...members] = statement.split('.');
  const last = members.pop();
  let type: string | undefined = className;
  for (const member of members) type = type ? types[`${type}.${member}`] : undefined;
  return type && last ? `${type}.${last}` : undefined;
}
