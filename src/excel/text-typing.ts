/**
 * Whether Excel may store a text written through `range.values` as something else than that text, in a cell whose
 * number format is not `@`. Office.js types `values` as a person's typing (in en-US): "If the returned value starts
 * with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula" (the reference of
 * Range.values), `@…` is taken as a formula too, and numbers, percentages, dates, times, currencies, booleans and
 * error literals (`#N/A`) are converted; a leading `'` is dropped. A text without a digit, without one of those
 * leading characters and other than TRUE or FALSE is kept as it is. Such texts are written into an `@` cell, their
 * format put back afterwards (Excel does not type a cell again when its format changes).
 *
 * The whole-workbook writer asks this of every text in a cell not formatted `@`, so that the texts Excel keeps
 * anyway (most labels) cost no format write; a cell change puts every text through `@` (they are few).
 */
export function excelMayRetype(text: string): boolean {
  const trimmed = text.trim();
  return /\d/.test(trimmed) || /^[=+\-@'#]/.test(text) || /^(true|false)$/i.test(trimmed);
}
