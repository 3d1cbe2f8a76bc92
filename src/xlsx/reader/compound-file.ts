/**
 * OLE compound files (CFB) are not zips: Excel stores a password-protected workbook in one (the encrypted
 * package as a stream), and legacy .xls, .doc… are compound files too. Each calls for a different thing to do; one
 * cut short (a download or a copy interrupted) is said to be cut, before anything tries to convert what is left.
 */

const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The directory entry name, in UTF-16LE, of the stream an encrypted OOXML workbook is kept in (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE_NAME = Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]);

/** The header's size, whatever the sectors' (a 4 096-byte sector's header is padded with zeros to its end). */
const HEADER_BYTES = 512;
/** A sector number that is no sector: free, end of a chain, or a sector of the allocation table itself. */
const LAST_SECTOR_NUMBER = 0xfffffffa;
/** The allocation table's first 109 sectors, listed in the header; any others in a chain of DIFAT sectors. */
const HEADER_DIFAT_ENTRIES = 109;

function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE_NAME[0];
  for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (ENCRYPTED_PACKAGE_NAME.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}

/**
 * Whether the file stops before sectors its header or its allocation table (MS-CFB) say are there: a sector a chain of
 * the table goes from or on to that starts past the end, or a sector of the table itself not whole. The last sector may
 * be short (some writers leave it so). A header this code does not make sense of (a sector size neither 512 nor 4 096
 * bytes) is left to the program that converts the file.
 */
function isCutShort(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (view.getUint16(28, true) !== 0xfffe || (sectorShift !== 9 && sectorShift !== 12)) return false;
  const sectorSize = 2 ** sectorShift;
  const start = (sector: number) => (sector + 1) * sectorSize;
  const isWhole = (sector: number) => start(sector) + sectorSize <= bytes.length;
  const sectorCount = Math.floor(bytes.length / sectorSize);
  const tableSectorCount = view.getUint32(44, true);
  if (tableSectorCount > sectorCount) return true;

  // The allocation table's sectors: those the header lists, then those of the DIFAT chain.
  const tableSectors: number[] = [];
  for (let i = 0; i < Math.min(tableSectorCount, HEADER_DIFAT_ENTRIES); i++)
    tableSectors.push(view.getUint32(76 + 4 * i, true));
  let difat = view.getUint32(68, true);
  const perDifatSector = sectorSize / 4 - 1;
  for (let hops = 0; tableSectors.length < tableSectorCount && difat <= LAST_SECTOR_NUMBER; hops++) {
    if (!isWhole(difat)) return true;
    // A chain that comes back on itself is damage, not a cut: left to the conversion.
    if (hops > sectorCount) return false;
    for (let i = 0; i < perDifatSector && tableSectors.length < tableSectorCount; i++)
      tableSectors.push(view.getUint32(start(difat) + 4 * i, true));
    difat = view.getUint32(start(difat) + 4 * perDifatSector, true);
  }

  const directoryStart = view.getUint32(48, true);
  let lastUsed = directoryStart <= LAST_SECTOR_NUMBER ? directoryStart : 0;
  for (const [index, sector] of tableSectors.entries()) {
    if (sector > LAST_SECTOR_NUMBER) continue;
    if (!isWhole(sector)) return true;
    // Only a sector a chain goes on to is sure to be there, and the one it goes from: an entry ending a chain alone may
    // be no sector at all (the SheetJS library marks every sector past the file's end so, rather than free).
    for (let i = 0; i < sectorSize / 4; i++) {
      const next = view.getUint32(start(sector) + 4 * i, true);
      if (next <= LAST_SECTOR_NUMBER) lastUsed = Math.max(lastUsed, next, (index * sectorSize) / 4 + i);
    }
  }
  return start(lastUsed) >= bytes.length;
}

/** Whether `bytes` (the file's, or only its first ones) open as a compound file does. */
export const isCompoundFile = (bytes: Uint8Array): boolean =>
  COMPOUND_FILE_SIGNATURE.every((byte, i) => bytes[i] === byte);

/**
 * `truncated` for a compound file cut short, `encrypted` for a password-protected workbook, `legacy-format` for any
 * other compound file, null otherwise.
 */
export function compoundFileKind(bytes: Uint8Array): 'truncated' | 'encrypted' | 'legacy-format' | null {
  if (!isCompoundFile(bytes)) return null;
  if (isCutShort(bytes)) return 'truncated';
  return hasEncryptedPackage(bytes) ? 'encrypted' : 'legacy-format';
}
