/**
 * A small OLE compound file (MS-CFB, version 3: 512-byte sectors) as a legacy .xls is, for the tests of what the
 * reader tells of one: its header, one sector of allocation table, one of directory (the root and a `Workbook`
 * stream), then the stream's sectors.
 */

const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const TABLE_SECTOR = 0xfffffffd;
const FREE = 0xffffffff;

function directoryEntry(view: DataView, at: number, name: string, type: number, start: number, size: number) {
  Array.from(name).forEach((char, i) => view.setUint16(at + 2 * i, char.charCodeAt(0), true));
  view.setUint16(at + 64, 2 * (name.length + 1), true);
  view.setUint8(at + 66, type);
  for (const sibling of [68, 72, 76]) view.setUint32(at + sibling, FREE, true);
  view.setUint32(at + 116, start, true);
  view.setUint32(at + 120, size, true);
}

/**
 * A compound file holding one stream of `streamSectors` sectors (at least 8: never a mini stream). `unused`: what the
 * allocation table says of the sectors no stream uses, up to the table's end (free; the SheetJS library, which many
 * web applications export their .xls with, writes them as ends of chains).
 */
export function compoundFile(streamSectors = 16, unused: 'free' | 'end-of-chain' = 'free'): Uint8Array {
  const sectors = 2 + streamSectors;
  const bytes = new Uint8Array(SECTOR * (1 + sectors));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // one sector of allocation table
  view.setUint32(48, 1, true); // the directory in sector 1
  view.setUint32(56, 4096, true);
  view.setUint32(60, END_OF_CHAIN, true);
  view.setUint32(68, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + 4 * i, i === 0 ? 0 : FREE, true);
  // The allocation table, in sector 0: itself, the directory's one sector, the stream's chain, then free sectors.
  const table = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) {
    const next =
      i === 0
        ? TABLE_SECTOR
        : i === 1
          ? END_OF_CHAIN
          : i < sectors - 1
            ? i + 1
            : i === sectors - 1
              ? END_OF_CHAIN
              : unused === 'free'
                ? FREE
                : END_OF_CHAIN;
    view.setUint32(table + 4 * i, next, true);
  }
  const directory = 2 * SECTOR;
  directoryEntry(view, directory, 'Root Entry', 5, END_OF_CHAIN, 0);
  view.setUint32(directory + 76, 1, true); // the root's child: the stream
  directoryEntry(view, directory + 128, 'Workbook', 2, 2, streamSectors * SECTOR);
  for (let at = 3 * SECTOR; at < bytes.length; at++) bytes[at] = at % 251;
  return bytes;
}
