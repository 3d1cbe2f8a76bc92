import { Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { concatenated } from './bytes';

/**
 * How the .xlsx back end deflates the parts it writes (the writer's post-processing, the patch's changed parts):
 * fflate by default (the task pane), Node's zlib where the command line sets it (src/cli/node-deflater.ts), several
 * times faster on a large workbook.
 */

/** Deflates a whole part (raw DEFLATE, no header), as a zip entry holds it. */
export type RawDeflater = (data: Uint8Array) => Uint8Array;

let rawDeflater: RawDeflater | null = null;

/** The deflater every zip written from now on in this thread uses; null for fflate's own. */
export function setRawDeflater(deflater: RawDeflater | null): void {
  rawDeflater = deflater;
}

/**
 * ZIP's method 8: the part's bytes deflated by `deflate` in one piece (chunks pushed before the last are kept until
 * it comes), its size and CRC those of the bytes pushed.
 */
class DeflatedEntry extends ZipPassThrough {
  private readonly pushed: Uint8Array[] = [];

  constructor(
    filename: string,
    private readonly deflate: RawDeflater,
  ) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.pushed.push(chunk);
    if (!final) return;
    const whole = this.pushed.length === 1 ? chunk : concatenated(this.pushed);
    this.ondata(null, this.deflate(whole) as Uint8Array<ArrayBuffer>, true);
  }
}

/** Adds the part `name` to `zip`, deflated at level 6 (by the deflater set, if any). */
export function addDeflated(zip: Zip, name: string, bytes: Uint8Array): void {
  const entry = rawDeflater ? new DeflatedEntry(name, rawDeflater) : new ZipDeflate(name, { level: 6 });
  zip.add(entry);
  entry.push(bytes as Uint8Array<ArrayBuffer>, true);
}

/** A zip being written: `build` adds its entries, and the zip's bytes come back. */
export function writeZip(build: (zip: Zip) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  build(zip);
  zip.end();
  return concatenated(chunks);
}

/**
 * The zip of `files` (path → bytes), each part deflated at level 6. Folders too (`xl/`, as ExcelJS's zip lists them):
 * deflated and empty, as `zipSync` writes them, since streaming readers refuse a stored entry with a data descriptor.
 */
export function zipParts(files: Record<string, Uint8Array>): Uint8Array {
  if (!rawDeflater) return zipSync(files, { level: 6 });
  return writeZip((zip) => {
    for (const [path, data] of Object.entries(files)) addDeflated(zip, path, data);
  });
}
