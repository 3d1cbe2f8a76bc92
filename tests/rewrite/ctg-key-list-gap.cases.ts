import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, type SheetGrid } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG2 } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * Empty rows under rows of `_ctg`'s key list, with keys under them and no block's title below, are either rows of
 * the list emptied by hand or the empty row the tools leave under the list with the retired keys' title cleared, or
 * its row deleted. Told by the fingerprint: live keys are never said to be retired keys under a title to type back
 * (which would retire them), nor retired keys live keys whose rows are missing.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const NBSP = '\u00a0';
const q = (text: string) => `«${NBSP}${text}${NBSP}»`;

const errorsOf = async (file: ReturnType<typeof filePort>) =>
  (await validateWorkbook(file.port, { today: later })).issues.filter((issue) => issue.severity === 'error');

const emptyRow = (meta: SheetGrid, row: number) => [1, 2, 3, 4].forEach((column) => put(meta, row, column, null));

describe('two rows of _ctg’s key list emptied together, no retired keys below', () => {
  async function withRowsEmptied() {
    const file = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    const meta = sheet(file.grids(), '_ctg');
    // The sample plan's key list: G1, G1-QN1, G1-QN2 (row 16, Axe 1's row 6), G1-QL1 (row 17, Axe 1's row 7)…
    expect([16, 17].map((row) => gridText(meta, row, 1))).toEqual(['G1-QN2', 'G1-QL1']);
    emptyRow(meta, 16);
    emptyRow(meta, 17);
    return { file, meta };
  }

  it('is one error per row saying what to type back, never that the keys under them are retired keys', async () => {
    const { file } = await withRowsEmptied();

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['ctg-key-list-invalid', '_ctg', 'A16'],
      ['ctg-key-list-invalid', '_ctg', 'A17'],
    ]);
    const [first, second] = errors.map((issue) => renderIssueMessage(issue));
    expect(first).toContain(
      `retapez en A16:D16 ${q('G1-QN2')}, ${q('Quantitatif')}, ${q('G1')} et ${q('1')} (la clé, le type, la clé ` +
        `parente et l’axe de la ligne 6 de la feuille ${q('Axe 1')}, à sa place dans la liste)`,
    );
    expect(second).toContain(`retapez en A17:D17 ${q('G1-QL1')}, ${q('Qualitatif')}, ${q('G1')} et ${q('1')}`);
    expect(errors.map((issue) => renderIssueMessage(issue)).join('\n')).not.toContain(metaTexts.retiredKeysTitle);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('lets the workbook be written again once both rows are typed back, no key retired', async () => {
    const { file, meta } = await withRowsEmptied();
    [
      ['G1-QN2', 'Quantitatif'],
      ['G1-QL1', 'Qualitatif'],
    ].forEach(([key, type], index) =>
      [{ value: key }, { value: type }, { value: 'G1' }, { value: 1 }].forEach((cell, column) =>
        put(meta, 16 + index, column + 1, cell),
      ),
    );

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(await errorsOf(file)).toEqual([]);
    const rewritten = sheet(file.grids(), '_ctg');
    expect(rewritten.rows.some((_, index) => gridText(rewritten, index + 1, 1) === metaTexts.retiredKeysTitle)).toBe(
      false,
    );
  }, 60_000);
});

describe('_ctg’s retired keys title, its row deleted or its cell cleared', () => {
  /** A workbook regenerated without G2: its key list ends at row 22, the empty row 23, the title at 24, G2… under. */
  async function withRetiredKeys() {
    const generated = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    expect((await regenerateAndWrite(generated.port, samplePlanWithoutG2(), { now: today })).status).toBe('done');
    const file = filePort(generated.grids());
    const meta = sheet(file.grids(), '_ctg');
    expect([22, 23, 24, 25].map((row) => gridText(meta, row, 1))).toEqual([
      'S14',
      '',
      metaTexts.retiredKeysTitle,
      'G2',
    ]);
    return { file, meta };
  }

  async function withTitleRowDeleted() {
    const { file, meta } = await withRetiredKeys();
    meta.rows.splice(23, 1);
    return { file, meta };
  }

  it('cleared, is still said to be the title to type back, the list above it being whole', async () => {
    const { file, meta } = await withRetiredKeys();
    put(meta, 24, 1, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-retired-key-changed', 'A24']]);
    expect(renderIssueMessage(errors[0])).toContain(
      `le titre du bloc des clés retirées a été effacé. Ce bloc est l’enregistrement de l’outil qui garde ces clés ` +
        `pour ne jamais les réattribuer, pas une saisie à déplacer${NBSP}: retapez ${q(metaTexts.retiredKeysTitle)} ` +
        'en A24',
    );
  }, 60_000);

  it('cleared, with a key of the list cleared too, is said with the key to type back, no retired key said live', async () => {
    const { file, meta } = await withRetiredKeys();
    put(meta, 24, 1, null);
    put(meta, 16, 1, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.cell])).toEqual([
      ['ctg-key-list-invalid', 'A16'],
      ['ctg-retired-key-changed', 'A24'],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(`retapez ${q('G1-QN2')} en A16`);
    expect(renderIssueMessage(errors[1])).toContain(`retapez ${q(metaTexts.retiredKeysTitle)} en A24`);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');

    put(meta, 16, 1, { value: 'G1-QN2' });
    put(meta, 24, 1, { value: metaTexts.retiredKeysTitle });
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(await errorsOf(file)).toEqual([]);
  }, 60_000);

  it('its row deleted, with a key of the list cleared too, is said with the key to type back', async () => {
    const { file, meta } = await withTitleRowDeleted();
    put(meta, 16, 1, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.cell])).toEqual([
      ['ctg-key-list-invalid', 'A16'],
      ['ctg-retired-key-changed', 'A24'],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(`retapez ${q('G1-QN2')} en A16`);
    expect(renderIssueMessage(errors[1])).toContain('insérez une ligne au-dessus de la ligne 24');
  }, 60_000);

  it('cleared, with a key of the list typed over too, is still said, no retired key said to be a row gone', async () => {
    const { file, meta } = await withRetiredKeys();
    put(meta, 24, 1, null);
    put(meta, 16, 1, { value: 'G1-QN7' });

    const errors = await errorsOf(file);

    expect(errors.map((issue) => issue.code)).not.toContain('missing-row');
    expect(errors.map((issue) => [issue.code, issue.cell])).toEqual(
      expect.arrayContaining([
        ['ctg-fingerprint-mismatch', 'B3'],
        ['ctg-retired-key-changed', 'A24'],
      ]),
    );
    expect(errors.map((issue) => renderIssueMessage(issue)).join('\n')).not.toContain('la ligne 24 de la liste');
  }, 60_000);

  it('is one error saying the title’s row was deleted and where to put it back, the retired keys read as such', async () => {
    const { file } = await withTitleRowDeleted();

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.sheet, issue.cell, renderIssueMessage(issue)])).toEqual([
      [
        'ctg-retired-key-changed',
        '_ctg',
        'A24',
        `_ctg, cellule A24${NBSP}: la ligne du titre du bloc des clés retirées a été supprimée. Ce bloc est ` +
          'l’enregistrement de l’outil qui garde ces clés pour ne jamais les réattribuer, pas une saisie à ' +
          `déplacer${NBSP}: insérez une ligne au-dessus de la ligne 24 et tapez-y ${q(metaTexts.retiredKeysTitle)} ` +
          `en colonne A, ou annulez la suppression (Ctrl+Z). Le classeur n’est pas réécrit d’ici là.`,
      ],
    ]);
    const errors = await errorsOf(file);
    expect(errors.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-retired-key-changed', 'A24']]);
  }, 60_000);

  it('lets the workbook be written again once the row is inserted with its title, every retired key kept', async () => {
    const { file, meta } = await withTitleRowDeleted();
    meta.rows.splice(23, 0, [{ value: metaTexts.retiredKeysTitle }]);

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    const rewritten = sheet(file.grids(), '_ctg');
    expect([24, 25, 26, 27].map((row) => gridText(rewritten, row, 1))).toEqual([
      metaTexts.retiredKeysTitle,
      'G2',
      'G2-QN1',
      'G2-QN2',
    ]);
    expect(await errorsOf(file)).toEqual([]);
  }, 60_000);
});
