import { createHash } from 'node:crypto';
import { setSha256 } from '../app';

/** Node's SHA-256, native and synchronous: no trip through Web Crypto's thread pool for each workbook read. */
export const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Fingerprints are hashed with Node's crypto from now on, in this thread: called where the command line starts
 * (main.ts) and where a consolidation's worker thread starts (measure-worker.ts).
 */
export function useNodeDigest(): void {
  setSha256(nodeSha256);
}
