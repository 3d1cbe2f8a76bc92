/**
 * OLE compound files (CFB) are not zips: Excel stores a password-protected workbook in one (the encrypted
 * package as a stream), and legacy .xls, .doc… are compound files too. Each calls for a different thing to do.
 */

const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The directory entry name, in UTF-16LE, of the stream an encrypted OOXML workbook is kept in (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE_NAME = Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]);

function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE_NAME[0];
  for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (ENCRYPTED_PACKAGE_NAME.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}

/** `encrypted` for a password-protected workbook, `legacy-format` for any other compound file, null otherwise. */
export function compoundFileKind(bytes: Uint8Array): 'encrypted' | 'legacy-format' | null {
  if (!COMPOUND_FILE_SIGNATURE.every((byte, i) => bytes[i] === byte)) return null;
  return hasEncryptedPackage(bytes) ? 'encrypted' : 'legacy-format';
}
