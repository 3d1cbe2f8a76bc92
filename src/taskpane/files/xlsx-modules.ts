/**
 * The .xlsx back end, loaded when a file is picked or produced: neither the reader nor the writer (and ExcelJS,
 * which the writer loads in turn) is in the pane's first scripts (tests/build/taskpane-bundle.test.ts).
 */
export const loadXlsxReader = () => import(/* webpackChunkName: "xlsx-reader" */ '../../xlsx/reader');

export const loadXlsxWriter = () => import(/* webpackChunkName: "xlsx-writer" */ '../../xlsx/writer');
