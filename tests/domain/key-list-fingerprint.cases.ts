import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { keyListFingerprint, keyListJson, type KeyEntry } from '../../src/domain/plan-keys';
import { setSha256, sha256Hex } from '../../src/domain/sha256';
import { nodeSha256 } from '../../src/cli/node-digest';

describe('key-list-fingerprint', () => {
  afterEach(() => setSha256(null));

  test('the key list’s text is the JSON of its arrays, an axis only where the list records one', () => {
    expect(keyListJson([])).toBe('[]');
    expect(keyListJson([{ key: 'A1', type: 'Fiche', parentKey: null, axis: 1 }])).toBe('[["A1","Fiche",null,1]]');
    expect(keyListJson([{ key: 'A"1', type: 'Qualitatif', parentKey: 'A1' }])).toBe('[["A\\"1","Qualitatif","A1"]]');
  });

  test('Node’s synchronous SHA-256 gives Web Crypto’s, for any text (lone surrogates included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 64 }), async (text) => {
        setSha256(null);
        const webCrypto = await sha256Hex(text);
        setSha256(nodeSha256);
        expect(await sha256Hex(text)).toBe(webCrypto);
      }),
    );
  });

  test('a fingerprint is the SHA-256 of the key list’s text, with either hash', async () => {
    const entries: KeyEntry[] = [
      { key: 'A1', type: 'Fiche', parentKey: null, axis: 1 },
      { key: 'A1-QN1', type: 'Quantitatif', parentKey: 'A1', axis: 1 },
    ];
    const expected = createHash('sha256')
      .update('[["A1","Fiche",null,1],["A1-QN1","Quantitatif","A1",1]]')
      .digest('hex');
    expect(await keyListFingerprint(entries)).toBe(expected);
    setSha256(nodeSha256);
    expect(await keyListFingerprint(entries)).toBe(expected);
  });
});
