/**
 * Every batch of the add-in runs with `delayForCellEdit: true` (Excel.RunOptions): while a person is typing in a
 * cell, Excel holds the request until they leave it (their value entered first) instead of failing it. Hosts
 * without the `DelayForCellEdit` set ignore the option (Office.js's runtime sets the request's flag only where
 * `isSetSupported("DelayForCellEdit")`) and fail as before with InvalidOperationInCellEditMode, explained in French.
 * A rewrite's look at what it replaces (edits-since-read.ts) then sees the value entered.
 */
export function runExcel<T>(excel: typeof Excel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return excel.run({ delayForCellEdit: true }, batch);
}
