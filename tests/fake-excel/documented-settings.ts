import { isEntireColumns, isEntireRows, parseAddress, Rect } from './a1';
import excelEnums from './excel-enums.json';

/**
 * What the Office.js reference documents for the page layout, chart and conditional format settings the fake
 * models, checked at sync: a value outside it fails with InvalidArgument at that member. Each rule says where it
 * comes from; the enums are @types/office-js's (excel-enums.json, kept equal to the typings by
 * documented-settings.test.ts). Rules are keyed by the Excel class and member (`PageLayout.zoom`,
 * `ChartAxis.minimum`), whatever path led there (`Chart.axes.valueAxis.minimum`).
 */

/** Why a value is refused, or null when the reference documents it. */
type Check = (value: unknown) => string | null;
type CallCheck = (args: readonly unknown[]) => string | null;

export const DOCUMENTED_ENUMS = [
  'ChartLegendPosition',
  'ChartSeriesBy',
  'ChartType',
  'ConditionalCellValueOperator',
  'ConditionalDataBarDirection',
  'ConditionalFormatColorCriterionType',
  'ConditionalFormatRuleType',
  'ConditionalFormatType',
  'PageOrientation',
  'PaperType',
  'PrintMarginUnit',
] as const;
type EnumName = (typeof DOCUMENTED_ENUMS)[number];
const ENUMS = excelEnums as Record<EnumName, string[]>;

const show = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));
const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const absent = (value: unknown): boolean => value === undefined || value === null;

const oneOf =
  (name: EnumName): Check =>
  (value) =>
    typeof value === 'string' && ENUMS[name].includes(value) ? null : `${show(value)} is not an Excel.${name}`;
const text: Check = (value) => (typeof value === 'string' ? null : `${show(value)} is not a string`);
const flag: Check = (value) => (typeof value === 'boolean' ? null : `${show(value)} is not a boolean`);

/** Only the members the interface declares (a misspelt one would be dropped by Excel, silently). */
function onlyKeys(value: Record<string, unknown>, keys: readonly string[], what: string): string | null {
  const unknown = Object.keys(value).filter((key) => !keys.includes(key));
  return unknown.length ? `${what} has no member ${unknown.join(', ')}` : null;
}

/**
 * HTML colour: « #RRGGBB (e.g., "FFA500") or as a named HTML color (e.g., "orange") » (ConditionalRangeFill.color,
 * ConditionalDataBarPositiveFormat.fillColor); the example without `#` is accepted as the reference shows it.
 */
const htmlColor: Check = (value) =>
  typeof value === 'string' && (/^#?[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value))
    ? null
    : `${show(value)} is not an HTML colour (#RRGGBB or a colour name)`;

/** A whole number of pages: « Number of pages to fit horizontally / vertically » (PageLayoutZoomOptions). */
const pages = (value: unknown, member: string): string | null =>
  absent(value) || (Number.isInteger(value) && (value as number) >= 1)
    ? null
    : `${member} ${show(value)} is not a number of pages (1 or more, or null)`;

/**
 * PageLayoutZoomOptions: `scale` « can be between 10 and 400 […] can be null if fit to page tall or wide is
 * specified »; `horizontalFitToPages` / `verticalFitToPages`: « Number of pages to fit […] can be null if
 * percentage scale is used ». A scale and a fit are alternatives: naming both is not documented, nor is 0 pages.
 */
const zoomOptions: Check = (value) => {
  if (!isObject(value)) return `${show(value)} is not a PageLayoutZoomOptions object`;
  const keys = onlyKeys(value, ['horizontalFitToPages', 'verticalFitToPages', 'scale'], 'PageLayoutZoomOptions');
  if (keys) return keys;
  const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = value;
  if (!absent(scale) && !(typeof scale === 'number' && scale >= 10 && scale <= 400))
    return `scale ${show(scale)} is not between 10 and 400`;
  const fit = pages(wide, 'horizontalFitToPages') ?? pages(tall, 'verticalFitToPages');
  if (fit) return fit;
  const fitting = !absent(wide) || !absent(tall);
  if (!absent(scale) && fitting) return 'scale and fit to pages are alternatives (one of them is null)';
  if (absent(scale) && !fitting) return 'neither a scale nor a number of pages';
  return null;
};

/** The worksheet's margins « in points » (PageLayout.leftMargin…): a length, so not negative. */
const points: Check = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : `${show(value)} is not a margin`;

interface RangeLike {
  target(): { rect: Rect };
}
const isRange = (value: unknown): value is RangeLike =>
  !!value && typeof value === 'object' && typeof (value as RangeLike).target === 'function';
const rectOf = (value: unknown): Rect | null =>
  isRange(value) ? value.target().rect : typeof value === 'string' ? (parseAddress(value)?.rect ?? null) : null;

/** setPrintTitleRows: « The range must span the entire row to be valid » (and …Columns: « the entire column »). */
const entire =
  (spans: (rect: Rect) => boolean, what: string): CallCheck =>
  ([target]) => {
    const rect = rectOf(target);
    return rect && spans(rect) ? null : `${isRange(target) ? 'the range' : show(target)} does not span entire ${what}`;
  };

const MARGIN_KEYS = ['top', 'bottom', 'left', 'right', 'header', 'footer'];
/** setPrintMargins(unit: PrintMarginUnit, marginOptions: PageLayoutMarginOptions). */
const printMargins: CallCheck = ([unit, options]) => {
  const badUnit = oneOf('PrintMarginUnit')(unit);
  if (badUnit) return badUnit;
  if (!isObject(options)) return `${show(options)} is not a PageLayoutMarginOptions object`;
  return (
    onlyKeys(options, MARGIN_KEYS, 'PageLayoutMarginOptions') ??
    Object.values(options).reduce<string | null>((found, margin) => found ?? points(margin), null)
  );
};

/** ChartAxis.minimum / maximum: « Can be set to a numeric value or an empty string (for automatic axis values) ». */
const axisBound: Check = (value) =>
  value === '' || (typeof value === 'number' && Number.isFinite(value))
    ? null
    : `${show(value)} is neither a number nor "" (automatic)`;

/** The types whose point is a value the `formula` gives (a number, a percent, a percentile, a formula). */
const VALUED_TYPES = ['Number', 'Percent', 'Percentile', 'Formula'];

/**
 * ConditionalDataBarRule: `type` a ConditionalFormatRuleType; `formula` « The formula, if required, on which to
 * evaluate the data bar rule »: required by the types that name a value.
 */
const dataBarRule: Check = (value) => {
  if (!isObject(value)) return `${show(value)} is not a ConditionalDataBarRule object`;
  const bad =
    onlyKeys(value, ['type', 'formula'], 'ConditionalDataBarRule') ?? oneOf('ConditionalFormatRuleType')(value.type);
  if (bad) return bad;
  if (!absent(value.formula) && typeof value.formula !== 'string')
    return `formula ${show(value.formula)} is not a string`;
  return VALUED_TYPES.includes(value.type as string) && absent(value.formula)
    ? `a ${value.type} bound needs a formula`
    : null;
};

/**
 * ConditionalColorScaleCriterion: `type` a ConditionalFormatColorCriterionType; `formula` « A number, a formula, or
 * null (if type is lowestValue) » (highestValue alike); `color` an HTML colour.
 */
function colorCriterion(value: unknown, point: string): string | null {
  if (!isObject(value)) return `${point} ${show(value)} is not a ConditionalColorScaleCriterion object`;
  const bad =
    onlyKeys(value, ['type', 'formula', 'color'], 'ConditionalColorScaleCriterion') ??
    oneOf('ConditionalFormatColorCriterionType')(value.type) ??
    (absent(value.color) ? null : htmlColor(value.color));
  if (bad) return `${point}: ${bad}`;
  if (!absent(value.formula) && typeof value.formula !== 'string') return `${point}: formula is not a string`;
  return VALUED_TYPES.includes(value.type as string) && absent(value.formula)
    ? `${point}: a ${value.type} point needs a formula`
    : null;
}

/** ConditionalColorScaleCriteria: `minimum` and `maximum` required; « Midpoint is optional when using a two point color scale ». */
const colorScaleCriteria: Check = (value) => {
  if (!isObject(value)) return `${show(value)} is not a ConditionalColorScaleCriteria object`;
  return (
    onlyKeys(value, ['minimum', 'midpoint', 'maximum'], 'ConditionalColorScaleCriteria') ??
    colorCriterion(value.minimum, 'minimum') ??
    (value.midpoint === undefined ? null : colorCriterion(value.midpoint, 'midpoint')) ??
    colorCriterion(value.maximum, 'maximum')
  );
};

/** ConditionalCellValueRule: `operator`, `formula1` required; `formula2` « if required »: by Between / NotBetween. */
const cellValueRule: Check = (value) => {
  if (!isObject(value)) return `${show(value)} is not a ConditionalCellValueRule object`;
  const bad =
    onlyKeys(value, ['operator', 'formula1', 'formula2'], 'ConditionalCellValueRule') ??
    oneOf('ConditionalCellValueOperator')(value.operator);
  if (bad) return bad;
  if (typeof value.formula1 !== 'string') return `formula1 ${show(value.formula1)} is not a string`;
  const between = value.operator === 'Between' || value.operator === 'NotBetween';
  if (between && typeof value.formula2 !== 'string') return `${value.operator} needs formula2`;
  return absent(value.formula2) || typeof value.formula2 === 'string' ? null : 'formula2 is not a string';
};

export const PROPERTY_RULES: Readonly<Record<string, Check>> = {
  'PageLayout.orientation': oneOf('PageOrientation'),
  'PageLayout.paperSize': oneOf('PaperType'),
  'PageLayout.zoom': zoomOptions,
  'PageLayout.leftMargin': points,
  'PageLayout.rightMargin': points,
  'PageLayout.topMargin': points,
  'PageLayout.bottomMargin': points,
  'PageLayout.headerMargin': points,
  'PageLayout.footerMargin': points,
  'ChartTitle.text': text,
  'ChartAxis.minimum': axisBound,
  'ChartAxis.maximum': axisBound,
  'ChartAxis.numberFormat': text,
  'ChartLegend.position': oneOf('ChartLegendPosition'),
  'ChartLegend.visible': flag,
  'DataBarConditionalFormat.lowerBoundRule': dataBarRule,
  'DataBarConditionalFormat.upperBoundRule': dataBarRule,
  'DataBarConditionalFormat.showDataBarOnly': flag,
  'DataBarConditionalFormat.barDirection': oneOf('ConditionalDataBarDirection'),
  'ConditionalDataBarPositiveFormat.fillColor': htmlColor,
  'ConditionalDataBarPositiveFormat.borderColor': htmlColor,
  'ConditionalDataBarPositiveFormat.gradientFill': flag,
  'ColorScaleConditionalFormat.criteria': colorScaleCriteria,
  'CellValueConditionalFormat.rule': cellValueRule,
  'ConditionalFormatRule.formula': text,
  'ConditionalRangeFill.color': htmlColor,
  'ConditionalRangeFont.color': htmlColor,
  'ConditionalRangeFont.bold': flag,
  'ConditionalRangeFont.italic': flag,
};

export const METHOD_RULES: Readonly<Record<string, CallCheck>> = {
  'PageLayout.setPrintTitleRows': entire(isEntireRows, 'rows'),
  'PageLayout.setPrintTitleColumns': entire(isEntireColumns, 'columns'),
  'PageLayout.setPrintMargins': printMargins,
  // « setCategoryNames(sourceData: Range) »: a Range object, not an address.
  'ChartAxis.setCategoryNames': ([source]) => (isRange(source) ? null : `${show(source)} is not a Range`),
  'ChartCollection.add': ([type, , seriesBy]) =>
    oneOf('ChartType')(type) ?? (seriesBy === undefined ? null : oneOf('ChartSeriesBy')(seriesBy)),
  'ConditionalFormatCollection.add': ([type]) => oneOf('ConditionalFormatType')(type),
};

/**
 * Members typed with a JSON interface, which « must be set as a JSON object (use `x.zoom = {...}` instead of
 * `x.zoom.scale = ...`) »: Office.js's getter throws PropertyNotLoaded before a load (_runtime_ `throwIfNotLoaded`),
 * and changing the object it returns sends nothing.
 */
export const WHOLE_OBJECT_PROPERTIES: ReadonlySet<string> = new Set([
  'PageLayout.zoom',
  'DataBarConditionalFormat.lowerBoundRule',
  'DataBarConditionalFormat.upperBoundRule',
  'ColorScaleConditionalFormat.criteria',
  'CellValueConditionalFormat.rule',
]);
