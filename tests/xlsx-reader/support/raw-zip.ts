/**
 * A zip written field by field, so that a test can make its headers say what it wants (sizes that lie, an
 * encrypted flag, an unknown compression method). CRCs are left at 0: the reader checks sizes, not CRCs.
 */
import { deflateSync, strToU8 } from 'fflate';
import { concatenated } from '../../../src/xlsx/bytes';

export interface RawZipEntry {
  name: string;
  /** The bytes stored in the zip (already compressed when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8 | number;
  /** The uncompressed size written in the headers. */
  declaredSize: number;
  flags?: number;
}

/** An entry whose declared size is the truth, deflated. */
export function honestEntry(name: string, content: string): RawZipEntry {
  const bytes = strToU8(content);
  return { name, data: deflateSync(bytes), method: 8, declaredSize: bytes.length };
}

/**
 * With `zip64`, the central directory says 0xFFFFFFFF for sizes and offsets and gives them in the zip64 extra
 * field, and the end record points to a zip64 end record, as some streaming writers do for any size.
 */
export function rawZip(entries: RawZipEntry[], { zip64 = false } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, entry.flags ?? 0, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, Math.min(entry.declaredSize, 0xffffffff), true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, zip64 ? 45 : 20, true);
    header.setUint16(6, zip64 ? 45 : 20, true);
    header.setUint16(8, entry.flags ?? 0, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(20, zip64 ? 0xffffffff : entry.data.length, true);
    header.setUint32(24, zip64 ? 0xffffffff : Math.min(entry.declaredSize, 0xffffffff), true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, zip64 ? 0xffffffff : offset, true);
    central.push(new Uint8Array(header.buffer), name);
    if (zip64) {
      const extra = new DataView(new ArrayBuffer(28));
      extra.setUint16(0, 1, true);
      extra.setUint16(2, 24, true);
      extra.setBigUint64(4, BigInt(entry.declaredSize), true);
      extra.setBigUint64(12, BigInt(entry.data.length), true);
      extra.setBigUint64(20, BigInt(offset), true);
      header.setUint16(30, 28, true);
      central.push(new Uint8Array(extra.buffer));
    }
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const tail: Uint8Array[] = [];
  if (zip64) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(entries.length), true);
    record.setBigUint64(32, BigInt(entries.length), true);
    record.setBigUint64(40, BigInt(centralSize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + centralSize), true);
    locator.setUint32(16, 1, true);
    tail.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : entries.length, true);
  end.setUint16(10, zip64 ? 0xffff : entries.length, true);
  end.setUint32(12, zip64 ? 0xffffffff : centralSize, true);
  end.setUint32(16, zip64 ? 0xffffffff : offset, true);
  return concatenated([...chunks, ...central, ...tail, new Uint8Array(end.buffer)]);
}

/**
 * A raw deflate stream in one fixed-Huffman block: `prefix`, then `fill` once and `matches` copies of 258 more
 * (length 258 at distance 1, 13 bits each: about 1 byte for every 160 produced), then `suffix`. It inflates to
 * `prefix.length + 1 + 258 × matches + suffix.length` bytes.
 */
export function repetitiveDeflateStream(prefix: string, fill: string, matches: number, suffix = ''): Uint8Array {
  const literals = strToU8(prefix).length + strToU8(suffix).length + 1;
  const out = new Uint8Array(Math.ceil((3 + 9 * literals + 13 * matches + 7) / 8) + 1);
  let bit = 0;
  const writeBits = (value: number, length: number, msbFirst: boolean): void => {
    for (let i = 0; i < length; i++) {
      const b = msbFirst ? (value >> (length - 1 - i)) & 1 : (value >> i) & 1;
      if (b) out[bit >> 3] |= 1 << (bit & 7);
      bit++;
    }
  };
  const literal = (byte: number): void =>
    byte < 144 ? writeBits(0x30 + byte, 8, true) : writeBits(0x190 + byte - 144, 9, true);
  writeBits(1, 1, false); // BFINAL
  writeBits(1, 2, false); // BTYPE = 01, fixed Huffman
  strToU8(prefix).forEach(literal);
  literal(fill.charCodeAt(0));
  for (let i = 0; i < matches; i++) {
    writeBits(0b11000101, 8, true); // length code 285 = 258
    writeBits(0, 5, true); // distance code 0 = 1
  }
  strToU8(suffix).forEach(literal);
  writeBits(0, 7, true); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}
