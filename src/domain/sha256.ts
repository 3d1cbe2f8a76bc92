/**
 * SHA-256 of a text's UTF-8 bytes, in lower-case hex: what fingerprints `_ctg`'s key list (plan-keys.ts). Web Crypto
 * by default, which the task pane and Node both have; the command line gives Node's own, synchronous
 * (src/cli/node-digest.ts): Web Crypto's digest goes through a thread pool and back, which cost a consolidation more
 * than the hash itself, once per file.
 */
export type Sha256Hex = (text: string) => string | Promise<string>;

const webCryptoSha256: Sha256Hex = async (text) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

let sha256: Sha256Hex = webCryptoSha256;

/** The hash used from now on, in this thread; null: Web Crypto's again. */
export function setSha256(hash: Sha256Hex | null): void {
  sha256 = hash ?? webCryptoSha256;
}

export async function sha256Hex(text: string): Promise<string> {
  return sha256(text);
}
