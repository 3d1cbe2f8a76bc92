import { renderIssueMessage } from '../../src/domain/issues';
import { hasMessage, renderMessage } from '../../src/domain/messages';
import { keyListFingerprint, keyListJson, planKeyList } from '../../src/domain/plan-keys';
import {
  CTG_FORMAT_VERSION,
  ctgMetaRows,
  KEY_COLUMNS,
  KEYS_FIRST_ROW,
  META_VALUE_COLUMN,
} from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { checkCtgFingerprint, readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { buildCtgMetaSheet } from '../../src/layout/sheets/ctg-meta/ctg-meta-sheet';
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
  test('is the SHA-256 hex of the JSON of the ordered [key, type, parentKey, axis] list', async () => {
    const json = keyListJson(keys);
    expect(JSON.parse(json).slice(0, 3)).toEqual([
      ['G1', 'Fiche', null, 1],
      ['G1-QN1', 'Quantitatif', 'G1', 1],
      ['G1-QN2', 'Quantitatif', 'G1', 1],
    ]);
    expect(await keyListFingerprint(keys)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
  });

  test('of a format 1 list (no axes) is still the one format 1 wrote, of [key, type, parentKey]', async () => {
    const v1 = keys.map(({ key, type, parentKey }) => ({ key, type, parentKey }));
    expect(JSON.parse(keyListJson(v1))[0]).toEqual(['G1', 'Fiche', null]);
  });

  test('changes when a key moves to another axis', async () => {
    const moved = keys.map((entry) => (entry.key === 'G1' ? { ...entry, axis: 2 } : entry));
    expect(await keyListFingerprint(moved)).not.toBe(await keyListFingerprint(keys));
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
    expect(renderMessage('format-too-new', issues[0].params)).toMatch(
      new RegExp(`version plus récente.*format ${CTG_FORMAT_VERSION}.*npm ci && npm run build`),
    );
    // The pane is updated by whoever deployed it: the person is told to ask them, not to run a command.
    const inPane = renderMessage('format-too-new', issues[0].params, 'task-pane');
    expect(inPane).toContain(
      'Le complément doit être mis à jour\u00a0: demandez à qui l’a installé pour votre organisation ' +
        '(son administrateur Microsoft 365) d’en publier la nouvelle version, puis rouvrez le classeur.',
    );
    expect(inPane).not.toContain('npm');
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
    // A version that is there but no version is quoted, not said to be missing.
    const message = renderIssueMessage(issues[0]);
    if (value === null) expect(message).toContain('n’indique pas de version de format');
    else expect(message).toContain(`indique «\u00a0${String(value).replace('.', ',')}\u00a0» comme version de format`);
  });

  test('a version written as text "2" (a file resaved elsewhere) still reads', async () => {
    const grid = withCell(await metaGrid(), ctgMetaRows.formatVersion, META_VALUE_COLUMN, { value: '2' });
    expect(readCtgMeta(grid).meta?.formatVersion).toBe(2);
    expect(readCtgMeta(grid).meta?.keys).toEqual(keys);
    expect(readCtgMeta(grid).writtenVersion).toBe(2);
  });

  test('the key list has an « Axe » column: each key is read with its axis, as a number or as text', async () => {
    const grid = await metaGrid();
    expect(grid.rows[KEYS_FIRST_ROW - 2].map((cell) => cell?.value)).toEqual(['Clé', 'Type', 'Clé parente', 'Axe']);
    const asText = withCell(grid, KEYS_FIRST_ROW, KEY_COLUMNS.axis, { value: '1' });
    expect(readCtgMeta(asText).meta!.keys[0]).toEqual({ key: 'G1', type: 'Fiche', parentKey: null, axis: 1 });
  });

  test.each([[null], ['un'], [0]])('a key row whose axis is %p is an error on that row', async (value) => {
    const grid = withCell(await metaGrid(), KEYS_FIRST_ROW + 1, KEY_COLUMNS.axis, value === null ? null : { value });
    const { meta, issues } = readCtgMeta(grid);
    expect(issues.map((issue) => [issue.code, issue.cell, issue.rowKey])).toEqual([
      ['ctg-key-list-invalid', `A${KEYS_FIRST_ROW + 1}`, 'G1-QN1'],
    ]);
    expect(meta!.keys).toHaveLength(keys.length - 1);
  });

  test('a broken key row is an error on that row; an edited key list no longer matches its fingerprint', async () => {
    const grid = withCell(await metaGrid(), KEYS_FIRST_ROW + 1, KEY_COLUMNS.parentKey, { value: 'G9' });
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

  /**
   * The key's suffix fixes its row type (docs/WORKBOOK.md, « Keys »): a row whose type alone was changed by hand is
   * the tools' row still, and the error at its type cell says which type to type back. The key is read with that
   * type meanwhile, so that neither its fiche's criteria nor its rows in the axis sheets are reported for it.
   */
  describe('a key row whose type alone was changed by hand', () => {
    const NBSP = '\u00a0';
    const issuesOf = (grid: Awaited<ReturnType<typeof metaGrid>>) =>
      readCtgMeta(grid).issues.map((issue) => [issue.code, issue.cell, issue.rowKey, renderIssueMessage(issue)]);

    test('is said at its type cell, with the type its key gives to type back', async () => {
      const row = KEYS_FIRST_ROW + 1; // G1-QN1's
      const grid = withCell(await metaGrid(), row, KEY_COLUMNS.type, { value: 'Quantitatf' });
      expect(issuesOf(grid)).toEqual([
        [
          'ctg-key-list-invalid',
          `B${row}`,
          'G1-QN1',
          `_ctg, cellule B${row}${NBSP}: le type de la clé «${NBSP}G1-QN1${NBSP}» dans la liste des clés a été ` +
            `remplacé par «${NBSP}Quantitatf${NBSP}». Cette liste est l’enregistrement des clés du classeur, que ` +
            `l’outil écrit seul, pas une saisie à déplacer${NBSP}: retapez «${NBSP}Quantitatif${NBSP}» en B${row}, le ` +
            'type que donne sa clé, ou annulez la saisie (Ctrl+Z). Le classeur n’est pas réécrit d’ici là.',
        ],
      ]);
      const { meta } = readCtgMeta(grid);
      expect(meta!.keys).toEqual(keys);
      expect(await checkCtgFingerprint(meta!, '_ctg')).toEqual([]);
    });

    test('a fiche’s type cleared is said alone, its criteria still read', async () => {
      const grid = withCell(await metaGrid(), KEYS_FIRST_ROW, KEY_COLUMNS.type, null);
      expect(issuesOf(grid).map(([code, cell, , message]) => [code, cell, message!.split('. ')[0]])).toEqual([
        [
          'ctg-key-list-invalid',
          `B${KEYS_FIRST_ROW}`,
          `_ctg, cellule B${KEYS_FIRST_ROW}${NBSP}: le type de la clé «${NBSP}G1${NBSP}» dans la liste des clés a ` +
            'été effacé',
        ],
      ]);
      expect(renderIssueMessage(readCtgMeta(grid).issues[0])).toContain(
        `retapez «${NBSP}Fiche${NBSP}» en B${KEYS_FIRST_ROW}`,
      );
      expect(readCtgMeta(grid).meta!.keys).toEqual(keys);
    });

    test('a criterion’s key typed « Fiche » is said the same way', async () => {
      const grid = withCell(await metaGrid(), KEYS_FIRST_ROW + 1, KEY_COLUMNS.type, { value: 'Fiche' });
      expect(issuesOf(grid).map(([code, cell, , message]) => [code, cell, message!.split('. ')[0]])).toEqual([
        [
          'ctg-key-list-invalid',
          `B${KEYS_FIRST_ROW + 1}`,
          `_ctg, cellule B${KEYS_FIRST_ROW + 1}${NBSP}: le type de la clé «${NBSP}G1-QN1${NBSP}» dans la liste des ` +
            `clés a été remplacé par «${NBSP}Fiche${NBSP}»`,
        ],
      ]);
    });

    test('a criterion key with the other criterion’s type names both cells: either may be the one changed', async () => {
      const row = KEYS_FIRST_ROW + 1; // G1-QN1's
      const grid = withCell(await metaGrid(), row, KEY_COLUMNS.type, { value: 'Qualitatif' });
      expect(issuesOf(grid)).toEqual([
        [
          'ctg-key-list-invalid',
          `A${row}`,
          'G1-QN1',
          `_ctg, cellule A${row}${NBSP}: la clé «${NBSP}G1-QN1${NBSP}» et le type «${NBSP}Qualitatif${NBSP}» de cette ` +
            `ligne de la liste des clés ne vont pas ensemble${NBSP}: l’un des deux a été modifié à la main. Cette ` +
            `liste est l’enregistrement des clés du classeur, que l’outil écrit seul, pas une saisie à ` +
            `déplacer${NBSP}: retapez celui qui a changé, en A${row} la clé qui s’y trouvait ou en B${row} le type ` +
            `«${NBSP}Quantitatif${NBSP}» que donne la clé, ou annulez la saisie (Ctrl+Z). Le classeur n’est pas ` +
            'réécrit d’ici là.',
        ],
      ]);
      const { meta } = readCtgMeta(grid);
      expect(meta!.keys).toEqual(keys);
      expect(await checkCtgFingerprint(meta!, '_ctg')).toEqual([]);
    });

    test('is the unreadable row it was when something else of the row was changed too', async () => {
      const row = KEYS_FIRST_ROW + 1;
      const grid = withCell(
        withCell(await metaGrid(), row, KEY_COLUMNS.type, { value: 'Quantitatf' }),
        row,
        KEY_COLUMNS.axis,
        null,
      );
      expect(issuesOf(grid)).toEqual([
        [
          'ctg-key-list-invalid',
          `A${row}`,
          'G1-QN1',
          `La liste des clés de la feuille «${NBSP}_ctg${NBSP}» contient une ligne illisible («${NBSP}G1-QN1${NBSP}»).`,
        ],
      ]);
    });
  });
});
