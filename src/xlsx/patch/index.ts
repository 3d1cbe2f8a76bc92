/** The package patch: changes cells of an existing .xlsx, everything else kept as it was. */
export { patchXlsx } from './patch-xlsx';
