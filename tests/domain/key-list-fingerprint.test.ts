import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { keyListFingerprint, keyListJson, type KeyEntry } from '../../src/domain/plan-keys';
import { setSha256, sha256Hex } from '../../src/domain/sha256';
import { nodeSha256 } from '../../src/cli/node-digest';

// The text fingerprinted since format 1, as the format defines it: JSON of the arrays, an axis only where known.
const definedJson = (entries: readonly KeyEntry[]) =>
  JSON.stringify(
    entries.map((entry) =>
      entry.axis === undefined
        ? [entry.key, entry.type, entry.parentKey]
        : [entry.key, entry.type, entry.parentKey, entry.axis],
    ),
  );

const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const entry: fc.Arbitrary<KeyEntry> = fc.record(
  {
    key: anyText,
    type: fc.constantFrom('Fiche', 'Quantitatif', 'Qualitatif'),
    parentKey: fc.option(anyText, { nil: null }),
    axis: fc.integer({ min: 1, max: 99 }),
  },
  { requiredKeys: ['key', 'type', 'parentKey'] },
);

afterEach(() => setSha256(null));

test('the key list’s text is the JSON of its arrays, whatever its keys hold (quotes, accents, control characters)', () => {
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 20 }), (entries) => keyListJson(entries) === definedJson(entries)),
  );
  expect(keyListJson([])).toBe('[]');
  expect(keyListJson([{ key: 'A1', type: 'Fiche', parentKey: null, axis: 1 }])).toBe('[["A1","Fiche",null,1]]');
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
  const expected = createHash('sha256').update('[["A1","Fiche",null,1],["A1-QN1","Quantitatif","A1",1]]').digest('hex');
  expect(await keyListFingerprint(entries)).toBe(expected);
  setSha256(nodeSha256);
  expect(await keyListFingerprint(entries)).toBe(expected);
});
