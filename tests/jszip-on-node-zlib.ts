/**
 * `jszip` for the suites (jest.config.js `moduleNameMapper`), the zip library inside ExcelJS: the package's own
 * entry, but in the node suites its DEFLATE entries are deflated and inflated by Node's zlib and its CRC-32s computed
 * by `zlib.crc32`, rather than by pako's JavaScript and its own loop. The suites read and write many workbooks with
 * ExcelJS (a person's edits, the writer's output looked at as another program would), and pako and the CRC took
 * ≈ 3 % of them. The bytes are still DEFLATE streams and the same CRC-32s; a stream zlib refuses (a damaged entry)
 * goes through pako as before, so that ExcelJS reads it exactly as it does outside the tests. The task pane's jsdom
 * suites keep the package as it is (a browser's). tests/jszip-on-node-zlib.test.ts checks both against the package's.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as zlib from 'zlib';

type Chunk = { data: unknown; meta: unknown };
interface Worker {
  push(chunk: Chunk): void;
}
interface WorkerClass {
  new (name: string): Worker;
  prototype: { flush(this: Worker): void };
  call(self: Worker, name: string): void;
}
interface PakoStream {
  onData(data: Uint8Array): void;
  push(data: Uint8Array, last: boolean): boolean;
}

const LIB = 'jszip/lib';
const jszip: unknown = require(`${LIB}/index`);

if (typeof window === 'undefined') {
  const flate = require(`${LIB}/flate`) as {
    compressWorker(options: { level?: number }): Worker;
    uncompressWorker(): Worker;
  };
  const GenericWorker = require(`${LIB}/stream/GenericWorker`) as WorkerClass;
  const Crc32Probe = require(`${LIB}/stream/Crc32Probe`) as {
    prototype: { processChunk(this: Worker & { streamInfo: Record<string, number> }, chunk: Chunk): void };
  };
  const jszipCrc32 = require(`${LIB}/crc32`) as (input: unknown, crc?: number) => number;
  const utils = require(`${LIB}/utils`) as {
    inherits(child: unknown, parent: unknown): void;
    transformTo(type: string, data: unknown): Uint8Array;
  };
  const pako = require('pako') as Record<'Deflate' | 'Inflate', new (options: object) => PakoStream>;

  type Action = 'Deflate' | 'Inflate';
  /** What pako gives for the whole input, as jszip's FlateWorker would have pushed it (errors ignored, as it does). */
  const throughPako = (action: Action, level: number, input: Uint8Array): Uint8Array => {
    const parts: Uint8Array[] = [];
    const stream = new pako[action]({ raw: true, level });
    stream.onData = (data) => parts.push(data);
    stream.push(input, true);
    return new Uint8Array(Buffer.concat(parts));
  };
  const throughZlib = (action: Action, level: number, input: Uint8Array): Uint8Array => {
    try {
      const out = action === 'Deflate' ? zlib.deflateRawSync(input, { level }) : zlib.inflateRawSync(input);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch {
      return throughPako(action, level, input);
    }
  };

  /** jszip's FlateWorker, its entry's data (de)compressed at once when the entry ends. */
  function NodeFlateWorker(
    this: Worker & { action: Action; level: number; parts: Uint8Array[]; meta: unknown },
    action: Action,
    level: number,
  ) {
    GenericWorker.call(this, `NodeFlateWorker/${action}`);
    this.action = action;
    this.level = level;
    this.parts = [];
    this.meta = {};
  }
  utils.inherits(NodeFlateWorker, GenericWorker);
  Object.assign(NodeFlateWorker.prototype, {
    processChunk(this: { parts: Uint8Array[]; meta: unknown }, chunk: Chunk) {
      this.meta = chunk.meta;
      this.parts.push(utils.transformTo('uint8array', chunk.data));
    },
    flush(this: Worker & { action: Action; level: number; parts: Uint8Array[]; meta: unknown }) {
      GenericWorker.prototype.flush.call(this);
      const input = this.parts.length === 1 ? this.parts[0] : new Uint8Array(Buffer.concat(this.parts));
      this.parts = [];
      this.push({ data: throughZlib(this.action, this.level, input), meta: this.meta });
    },
  });
  const NodeFlate = NodeFlateWorker as unknown as new (action: Action, level: number) => Worker;
  flate.compressWorker = (options) => new NodeFlate('Deflate', options.level || -1);
  flate.uncompressWorker = () => new NodeFlate('Inflate', -1);

  // The same signed value as jszip's crc32 (which also returns 0 for an empty chunk, whatever came before). Node
  // has zlib.crc32 from 20.15 on (package.json asks Node 20): before, jszip's own is left in place.
  if (typeof zlib.crc32 === 'function')
    Crc32Probe.prototype.processChunk = function (chunk) {
      const { data } = chunk;
      const previous = this.streamInfo.crc32 || 0;
      this.streamInfo.crc32 =
        data instanceof Uint8Array && data.length > 0
          ? zlib.crc32(data, previous >>> 0) | 0
          : jszipCrc32(data, previous);
      this.push(chunk);
    };
}

module.exports = jszip;
