import { deflateRawSync } from 'node:zlib';
import { setRawDeflater, type RawDeflater } from '../xlsx/zip-writing';

/** Node's zlib, native: a large workbook's parts deflate several times faster than with fflate's JavaScript. */
export const nodeRawDeflater: RawDeflater = (data) => deflateRawSync(data, { level: 6 });

/** The .xlsx back end deflates with Node's zlib from now on, in this thread: called where the command line starts. */
export function useNodeDeflater(): void {
  setRawDeflater(nodeRawDeflater);
}
