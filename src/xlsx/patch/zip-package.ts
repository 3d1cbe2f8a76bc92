/**
 * The entries of an existing .xlsx as the patch sees them: a part the patch opens is inflated within the reader's
 * limits (src/xlsx/reader: its zip directory and bounded inflating), and an entry the patch does not change is
 * copied into the new zip as its compressed bytes, never inflated. An image or a part no one reads costs nothing,
 * whatever it inflates to (a zip bomb); fflate writes the new zip, and the parts that changed are deflated as every
 * part the back end writes (src/xlsx/zip-writing.ts).
 */
import type { Zip, ZipInputFile } from 'fflate';
import { DEFAULT_XLSX_READ_LIMITS, type XlsxReadLimits } from '../reader/limits';
import { fail } from '../reader/read-error';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from '../reader/zip-directory';
import { compressedDataOf, newInflateBudget, streamZipEntry, type InflateBudget } from '../reader/zip-entry-stream';
import { concatenated } from '../bytes';
import { addDeflated, writeZip } from '../zip-writing';

const FLAG_ENCRYPTED = 1;
const UINT32_MAX = 0xffffffff;

export class ZipPackage {
  private readonly directory: ZipDirectory;
  private readonly budget: InflateBudget;
  /** Parts written by the patch, by entry name. */
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();

  /** Fails (XlsxReadFailure) on a file the reader would refuse as a zip: too large, not a zip, cut. */
  constructor(
    private readonly bytes: Uint8Array,
    limits: XlsxReadLimits = DEFAULT_XLSX_READ_LIMITS,
  ) {
    if (bytes.length > limits.maxFileBytes) fail('too-large', { size: bytes.length, limit: limits.maxFileBytes });
    this.directory = readZipDirectory(bytes);
    this.budget = newInflateBudget(limits);
  }

  /** The entry of a part name, whatever its case (part names are case-insensitive); null when there is none. */
  entryName(part: string): string | null {
    const changed = [...this.changed.keys()].find((name) => name.toLowerCase() === part.toLowerCase());
    if (changed) return changed;
    const entry = this.directory.entries.get(part.toLowerCase());
    return entry && !this.removed.has(entry.name) ? entry.name : null;
  }

  /** An entry's bytes, inflated within the reader's limits (all the entries read together, too). */
  read(name: string): Uint8Array {
    const changed = this.changed.get(name);
    if (changed) return changed;
    const entry = this.directory.entries.get(name.toLowerCase());
    if (!entry || this.removed.has(entry.name)) return fail('damaged', { part: name });
    const chunks: Uint8Array[] = [];
    streamZipEntry(this.bytes, entry, this.budget, (chunk) => chunks.push(chunk));
    return concatenated(chunks);
  }

  write(name: string, bytes: Uint8Array): void {
    this.changed.set(name, bytes);
    this.removed.delete(name);
  }

  remove(name: string): void {
    this.changed.delete(name);
    this.removed.add(name);
  }

  /** The new zip: every entry in its order, those the patch did not write copied as they were stored. */
  toBytes(): Uint8Array {
    return writeZip((zip) => {
      const written = new Set<string>();
      for (const entry of this.directory.entries.values()) {
        if (this.removed.has(entry.name)) continue;
        const changed = this.changed.get(entry.name);
        if (changed) addDeflated(zip, entry.name, changed);
        else copied(zip, this.bytes, entry);
        written.add(entry.name);
      }
      for (const [name, bytes] of this.changed) if (!written.has(name)) addDeflated(zip, name, bytes);
    });
  }
}

/** The entry as stored: its compressed bytes, with the size and CRC its central directory record gives. */
function copied(zip: Zip, bytes: Uint8Array, entry: ZipEntry): void {
  // fflate's entries carry no encryption flag: an encrypted entry copied would be garbage. The reader refuses it too.
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) fail('encrypted', { part: entry.name });
  // Sizes past 32 bits would need zip64 records, which fflate does not write; no sane part declares them.
  if (entry.declaredSize > UINT32_MAX || entry.compressedSize > UINT32_MAX) fail('zip-bomb', { part: entry.name });
  const file: ZipInputFile = {
    filename: entry.name,
    size: entry.declaredSize,
    crc: entry.crc32,
    compression: entry.method,
  };
  zip.add(file);
  // A view of the file's own bytes (an ArrayBuffer), which fflate's type wants said.
  file.ondata!(null, compressedDataOf(bytes, entry) as Uint8Array<ArrayBuffer>, true);
}
