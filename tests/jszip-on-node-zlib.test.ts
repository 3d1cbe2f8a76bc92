// The suites' `jszip` (tests/jszip-on-node-zlib.ts) is the package's own, its DEFLATE and CRC-32 done by Node's zlib:
// the same CRC-32s, the same bytes out of an inflated entry (pako's, where zlib refuses a damaged one), and DEFLATE
// streams pako reads back.
import JSZip from 'jszip';

/* eslint-disable @typescript-eslint/no-require-imports */
type Chunk = { data: unknown; meta: unknown };
type Worker = { processChunk(chunk: Chunk): void; flush(): void; push(chunk: Chunk): void };
const own = require('jszip/lib/index') as typeof JSZip;
const flate = require('jszip/lib/flate') as {
  compressWorker(o: { level?: number }): Worker;
  uncompressWorker(): Worker;
};
const Crc32Probe = require('jszip/lib/stream/Crc32Probe') as new () => Worker & { streamInfo: Record<string, number> };
const jszipCrc32 = require('jszip/lib/crc32') as (input: unknown, crc?: number) => number;
const pako = require('pako') as {
  inflateRaw(data: Uint8Array): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  Inflate: new (o: object) => { onData(d: Uint8Array): void; push(d: Uint8Array, last: boolean): boolean };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Bytes that deflate to something (repeated words) but are not all alike. */
function sample(length: number, seed: number): Uint8Array {
  const words = ['<row r="', '"><c t="s"><v>', '</v></c>', 'Été ', 'Axe 1', String(seed)];
  let text = '';
  for (let index = 0; text.length < length; index += 1) text += words[(index * 7 + seed) % words.length] + index;
  return new TextEncoder().encode(text).slice(0, length);
}

/** What a worker pushes for `parts`, joined. */
function through(worker: Worker, parts: Uint8Array[]): Uint8Array {
  const out: Uint8Array[] = [];
  worker.push = (chunk) => out.push(chunk.data as Uint8Array);
  for (const data of parts) worker.processChunk({ data, meta: {} });
  worker.flush();
  return new Uint8Array(Buffer.concat(out));
}

/** Byte for byte the same (jest's toEqual walks a typed array element by element: seconds for these sizes). */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

/** A stream split in a few chunks, as jszip hands an entry's data on. */
const chunksOf = (bytes: Uint8Array) => [bytes.subarray(0, 1000), bytes.subarray(1000, 5000), bytes.subarray(5000)];

describe('jszip as the suites load it', () => {
  it('is the package’s own', () => {
    expect(JSZip).toBe(own);
    expect((flate.compressWorker({}) as unknown as { name: string }).name).toBe('NodeFlateWorker/Deflate');
  });

  it('deflates entries into streams pako inflates, and inflates pako’s', () => {
    for (const [length, seed] of [
      [0, 0],
      [1, 1],
      [70_000, 2],
      [300_000, 3],
    ]) {
      const bytes = sample(length, seed);
      expect([length, same(pako.inflateRaw(through(flate.compressWorker({}), chunksOf(bytes))), bytes)]).toEqual([
        length,
        true,
      ]);
      expect([length, same(through(flate.uncompressWorker(), chunksOf(pako.deflateRaw(bytes))), bytes)]).toEqual([
        length,
        true,
      ]);
    }
  });

  it('inflates a cut entry, which zlib refuses, to what pako gives', () => {
    const whole = pako.deflateRaw(sample(300_000, 5));
    const damaged = whole.slice(0, Math.floor(whole.length * 0.8));
    const parts: Uint8Array[] = [];
    const inflater = new pako.Inflate({ raw: true });
    inflater.onData = (data) => parts.push(data);
    inflater.push(damaged, true);
    expect(parts.length).toBeGreaterThan(0);
    expect(() => require('zlib').inflateRawSync(damaged)).toThrow(); // eslint-disable-line @typescript-eslint/no-require-imports
    expect(same(through(flate.uncompressWorker(), chunksOf(damaged)), new Uint8Array(Buffer.concat(parts)))).toBe(true);
  });

  it('computes the CRC-32 of an entry’s chunks as jszip does, an empty one included', () => {
    const chunks: unknown[] = [
      sample(10, 1),
      sample(5000, 2),
      new Uint8Array(0),
      sample(3, 3),
      'binaire\u00e9',
      [1, 2],
    ];
    const probe = new Crc32Probe();
    probe.push = () => undefined;
    let expected = 0;
    for (const data of chunks) {
      probe.processChunk({ data, meta: {} });
      expected = jszipCrc32(data, expected);
      expect(probe.streamInfo.crc32).toBe(expected);
    }
  });

  it('writes a zip read back whole, its CRC-32s checked', async () => {
    const zip = new JSZip();
    const files = [0, 1000, 300_000].map((length, seed) => [`part${seed}.xml`, sample(length, seed)] as const);
    for (const [name, bytes] of files) zip.file(name, bytes);
    const written = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const read = await JSZip.loadAsync(written, { checkCRC32: true });
    for (const [name, bytes] of files)
      expect([name, same(await read.file(name)!.async('uint8array'), bytes)]).toEqual([name, true]);
  });
});
