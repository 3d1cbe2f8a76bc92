import { afterColon } from '../../src/domain/messages/after-colon';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { patchXlsx } from '../../src/xlsx/patch';
import { XlsxUnreadableError } from '../../src/xlsx/reader';
import { readZipDirectory } from '../../src/xlsx/reader/zip-directory';
import { compressedDataOf } from '../../src/xlsx/reader/zip-entry-stream';
import { renderMessage } from '../../src/domain/messages';
import { runCli } from '../cli/run-cli';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbook, gridsOf, workbookFileIn } from './helpers';

/**
 * A package holding a zip bomb: an entry that declares a few bytes and inflates to hundreds of megabytes. The
 * patch never inflates an entry it does not change (copied as its compressed bytes), and a part it must open is
 * inflated within the reader's limits, refused with the reader's error otherwise.
 */

const today = new Date('2026-05-10T09:00:00Z');
const BOMB_BYTES = 300 * 1024 * 1024;
const DECLARED_BYTES = 1_000;

/** A raw deflate stream of `size` zero bytes, written by hand (fixed Huffman codes: a literal, then copies of 258). */
function deflatedZeros(size: number): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  const put = (value: number, count: number) => {
    buffer |= value << bits;
    bits += count;
    while (bits >= 8) {
      out.push(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, count: number) => {
    for (let bit = count - 1; bit >= 0; bit -= 1) put((value >> bit) & 1, 1);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman codes
  code(0x30, 8); // the literal 0
  for (let made = 1; made + 258 <= size; made += 258) {
    code(0b11000101, 8); // length 258
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  if (bits > 0) put(0, 8 - bits);
  return Uint8Array.from(out);
}

/** The zip's entries as they are, and `extra` ones stored raw: their compressed bytes with the sizes they declare. */
function zipWith(parts: Record<string, Uint8Array>, raw: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name in raw) {
      const file: ZipInputFile = { filename: name, size: DECLARED_BYTES, crc: 0, compression: 8 };
      zip.add(file);
      file.ondata!(null, new Uint8Array(raw[name]), true);
    } else {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(data, true);
    }
  }
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((sum, one) => sum + one.length, 0));
  chunks.reduce((at, one) => (bytes.set(one, at), at + one.length), 0);
  return bytes;
}

function compressedBytesOf(bytes: Uint8Array, part: string): Uint8Array {
  const entry = readZipDirectory(bytes).entries.get(part.toLowerCase());
  if (!entry) throw new Error(`no entry ${part}`);
  return compressedDataOf(bytes, entry);
}

function scratchFile(bytes: Uint8Array): string {
  return workbookFileIn(path.resolve(__dirname, '..', '..', '.scratch', 'xlsx-patch-hostile'), bytes);
}

async function trackingWorkbook(): Promise<Uint8Array> {
  return filledWorkbook(
    samplePlan(),
    [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN2', header: '2026-T2', value: 12 },
    ],
    today,
  );
}

describe('a package with a zip bomb, patched', () => {
  const bomb = deflatedZeros(BOMB_BYTES);

  it('copies an entry it does not change as its compressed bytes, never inflated', async () => {
    const files = unzipSync(await trackingWorkbook());
    const original = zipWith({ ...files, 'xl/media/image1.png': new Uint8Array() }, { 'xl/media/image1.png': bomb });
    const file = scratchFile(original);

    const run = await runCli(['compute', file]);
    expect(run.code).toBe(0);
    const after = new Uint8Array(fs.readFileSync(file));
    expect(after).not.toEqual(original);
    // Compared as bytes (a diff of two megabytes would be unreadable).
    expect(Buffer.compare(compressedBytesOf(after, 'xl/media/image1.png'), bomb)).toBe(0);
    expect(gridsOf(after).sheets.map((sheet) => sheet.name)).toEqual(gridsOf(original).sheets.map((one) => one.name));
  });

  it('refuses with the reader’s error when a part it must open is a bomb, and writes nothing', async () => {
    const files = unzipSync(await trackingWorkbook());
    const rels = 'xl/_rels/workbook.xml.rels';
    const calcChain =
      '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>';
    const withChain = {
      ...files,
      [rels]: strToU8(
        new TextDecoder().decode(files[rels]).replace('</Relationships>', `${calcChain}</Relationships>`),
      ),
      'xl/calcChain.xml': strToU8('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    };
    const original = zipWith(withChain, { '[Content_Types].xml': bomb });
    const axis = gridsOf(original).sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const formulaRow = axis.rows.findIndex((row) => row?.some((cell) => cell?.formula));
    const column = axis.rows[formulaRow]!.findIndex((cell) => cell?.formula);
    const change = {
      cells: [{ sheet: 'Axe 1', row: formulaRow + 1, column: column + 1, content: { formula: '1+1', result: 2 } }],
      ranges: [],
    };
    let refusal: unknown = null;
    try {
      patchXlsx(original, change);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(XlsxUnreadableError);
    expect((refusal as XlsxUnreadableError).error.code).toBe('zip-bomb');
    expect((refusal as XlsxUnreadableError).message).toBe(renderMessage('zip-bomb', {}));

    // On the command line: compute for another quarter writes new cached results, so the calculation chain goes:
    // refused, file untouched.
    const file = scratchFile(original);
    const run = await runCli(['compute', file, '--quarter', '2026-T3']);
    expect(run.code).toBe(2);
    // After the file's name and « : », the message goes on in lower case.
    expect(run.stderr).toContain(`${file}\u00a0: ${afterColon(renderMessage('zip-bomb', {}))}`);
    expect(Buffer.compare(fs.readFileSync(file), original)).toBe(0);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['suivi.xlsx']);
  });
});
