import { hasMessage, renderMessage } from '../../src/domain/messages';
import { keyListFingerprint, keyListJson, planKeyList } from '../../src/domain/plan-keys';
import { CTG_FORMAT_VERSION, ctgMetaRows, KEYS_FIRST_ROW, META_VALUE_COLUMN } from '../../src/layout/ctg-meta-layout';
import { checkCtgFingerprint, readCtgMeta } from '../../src/layout/ctg-meta-read';
import { buildCtgMetaSheet } from '../../src/layout/ctg-meta-sheet';
import { createHash } from 'crypto';
import { gridOfSpec, withCell } from './helpers/spec-grid';
import { samplePlan } from './helpers/sample-plan';

const plan = samplePlan();
const keys = planKeyList(plan);
const now = new Date('2026-11-28T10:15:30.456Z');

async function metaGrid() {
  const fingerprint = await keyListFingerprint(keys);
  return gridOfSpec(buildCtgMetaSheet({ plan, keys, fingerprint, now }));
}

describe('the plan fingerprint', () => {
  test('is the SHA-256 hex of the JSON of the ordered [key, type, parentKey] list', async () => {
    const json = keyListJson(keys);
    expect(JSON.parse(json).slice(0, 3)).toEqual([
      ['G1', 'Fiche', null],
      ['G1-QN1', 'Quantitatif', 'G1'],
      ['G1-QN2', 'Quantitatif', 'G1'],
    ]);
    expect(await keyListFingerprint(keys)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
  });

  test('changes when a row moves', async () => {
    const swapped = [keys[1], keys[0], ...keys.slice(2)];
    expect(await keyListFingerprint(swapped)).not.toBe(await keyListFingerprint(keys));
  });
});

describe('readCtgMeta', () => {
  test('reads back the version, the fingerprint, the key list and the dates', async () => {
    const { meta, issues } = readCtgMeta(await metaGrid());
    expect(issues).toEqual([]);
    expect(meta).toMatchObject({
      formatVersion: CTG_FORMAT_VERSION,
      planFingerprint: await keyListFingerprint(keys),
      generatedAt: '2026-11-28T10:15:30Z',
      lastWrittenAt: '2026-11-28T10:15:30Z',
      extractPartner: '',
      masterFingerprint: '',
      keys,
    });
  });

  test('a newer format version is refused with format-too-new, and a clear French message', async () => {
    const grid = withCell(await metaGrid(), ctgMetaRows.formatVersion, META_VALUE_COLUMN, {
      value: CTG_FORMAT_VERSION + 1,
    });
    const { meta, issues } = readCtgMeta(grid);
    expect(meta).toBeNull();
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'format-too-new',
        sheet: '_ctg',
        cell: 'B2',
        rowKey: null,
        params: { found: CTG_FORMAT_VERSION + 1, supported: CTG_FORMAT_VERSION },
      },
    ]);
    expect(renderMessage('format-too-new', issues[0].params)).toMatch(/version plus récente.*format 2/);
  });

  test.each([[null], ['un'], [0], [1.5]])('a format version %p is an error and gives no meta', async (value) => {
    const grid = withCell(
      await metaGrid(),
      ctgMetaRows.formatVersion,
      META_VALUE_COLUMN,
      value === null ? null : { value },
    );
    const { meta, issues } = readCtgMeta(grid);
    expect(meta).toBeNull();
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-format-version-missing', 'B2']]);
    expect(hasMessage('ctg-format-version-missing')).toBe(true);
  });

  test('a version written as text "1" (a file resaved elsewhere) still reads, and is migrated', async () => {
    const grid = withCell(await metaGrid(), ctgMetaRows.formatVersion, META_VALUE_COLUMN, { value: '1' });
    const reading = readCtgMeta(grid);
    expect(reading.writtenVersion).toBe(1);
    expect(reading.meta?.formatVersion).toBe(CTG_FORMAT_VERSION);
  });

  test('a broken key row is an error on that row; an edited key list no longer matches its fingerprint', async () => {
    const grid = withCell(await metaGrid(), KEYS_FIRST_ROW + 1, 2, { value: 'Inconnu' });
    const { meta, issues } = readCtgMeta(grid);
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'ctg-key-list-invalid',
        sheet: '_ctg',
        cell: `A${KEYS_FIRST_ROW + 1}`,
        rowKey: 'G1-QN1',
        params: { key: 'G1-QN1' },
      },
    ]);
    expect(meta!.keys).toHaveLength(keys.length - 1);
    expect((await checkCtgFingerprint(meta!, '_ctg')).map((issue) => issue.code)).toEqual(['ctg-fingerprint-mismatch']);
    expect(hasMessage('ctg-fingerprint-mismatch') && hasMessage('ctg-key-list-invalid')).toBe(true);
  });
});
