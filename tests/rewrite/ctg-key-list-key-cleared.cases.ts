import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * A key of `_ctg`'s key list cleared by hand (or its whole row emptied) is the tools' record damaged, not a value
 * typed: the list is read on past it, the key is found at its place in the axis sheets, and one error at the key cell
 * says what to type back. No row of the axis sheets is said unknown (to be deleted, which would lose its values), no
 * cell of the list named as typed, no key of it taken for a block's title; every rewrite is refused until it is back.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const NBSP = '\u00a0';
const q = (text: string) => `«${NBSP}${text}${NBSP}»`;
// The sample plan's key list: G1, G1-QN1, G1-QN2 (row 16, in Axe 1's row 6), G1-QL1…
const ROW = 16;

async function withKeyListRowCleared(columns: number[]) {
  const file = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  const meta = sheet(file.grids(), '_ctg');
  expect([gridText(meta, ROW, 1), gridText(meta, ROW + 1, 1)]).toEqual(['G1-QN2', 'G1-QL1']);
  expect(gridText(sheet(file.grids(), 'Axe 1'), 6, 1)).toBe('G1-QN2');
  for (const column of columns) put(meta, ROW, column, null);
  return { file, meta };
}

const errorsOf = async (file: ReturnType<typeof filePort>) =>
  (await validateWorkbook(file.port, { today: later })).issues.filter((issue) => issue.severity === 'error');

describe('a key cleared in _ctg’s key list', () => {
  it('is one error at its cell, saying which key to type back, found at its place in the axis sheet', async () => {
    const { file } = await withKeyListRowCleared([1]);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell, renderIssueMessage(issue)])).toEqual([
      [
        'ctg-key-list-invalid',
        '_ctg',
        `A${ROW}`,
        `_ctg, cellule A${ROW}${NBSP}: la clé de cette ligne de la liste des clés (type ${q('Quantitatif')}, clé ` +
          `parente ${q('G1')}, axe 1) a été effacée. Cette liste est l’enregistrement des clés du classeur, que ` +
          `l’outil écrit seul, pas une saisie à déplacer${NBSP}: retapez ${q('G1-QN2')} en A${ROW} (la clé de la ` +
          `ligne 6 de la feuille ${q('Axe 1')}, à sa place dans la liste), ou annulez la saisie (Ctrl+Z). Le ` +
          'classeur n’est pas réécrit d’ici là.',
      ],
    ]);
    const refused = await refusal(file, (port) => computeAndWrite(port, { now: later }));
    expect(refused.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-key-list-invalid', `A${ROW}`]]);
  }, 60_000);

  it('lets the workbook be written again once the key is typed back', async () => {
    const { file, meta } = await withKeyListRowCleared([1]);
    put(meta, ROW, 1, { value: 'G1-QN2' });

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(gridText(sheet(file.grids(), '_ctg'), ROW, 1)).toBe('G1-QN2');
    expect(await errorsOf(file)).toEqual([]);
  }, 60_000);

  it('is found for a fiche’s key, the first of the list, its criteria under it read', async () => {
    const { file, meta } = await withKeyListRowCleared([]);
    put(meta, 14, 1, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.cell, issue.rowKey])).toEqual([
      ['ctg-key-list-invalid', 'A14', 'G1'],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(`(type ${q('Fiche')}, axe 1) a été effacée`);
    expect(renderIssueMessage(errors[0])).toContain(`retapez ${q('G1')} en A14 (la clé de la ligne 4 de la feuille`);
  }, 60_000);

  it('not found at its place (the axis sheet’s key edited too), says to undo, and no row is said to be deleted', async () => {
    const { file } = await withKeyListRowCleared([1]);
    put(sheet(file.grids(), 'Axe 1'), 6, 1, { value: 'G1-QN7' });

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['unknown-key', 'Axe 1', 'A6'],
      ['ctg-key-list-invalid', '_ctg', `A${ROW}`],
    ]);
    const [unknown, cleared] = errors.map((issue) => renderIssueMessage(issue));
    expect(unknown).not.toContain('Supprimez la ligne');
    expect(unknown).toContain(`la clé ${q('G1-QN7')} n’est pas dans la liste des clés de la feuille masquée`);
    expect(unknown).toContain(`une clé a été effacée à la main (_ctg!A${ROW})`);
    expect(unknown).toContain('Ne supprimez pas cette ligne, ses valeurs seraient perdues');
    expect(cleared).toContain(
      'annulez la saisie (Ctrl+Z), ou reprenez la ligne dans une copie du classeur enregistrée avant. Ne supprimez ' +
        `aucune ligne des feuilles d’axe en attendant${NBSP}: leurs valeurs seraient perdues.`,
    );
    expect(cleared).not.toContain('retapez');
  }, 60_000);
});

describe('a key cleared in _ctg’s key list, its type changed in the same row', () => {
  it('goes on reading the list past it, and says to type back both the key and the type found', async () => {
    const { file, meta } = await withKeyListRowCleared([1]);
    put(meta, ROW, 2, { value: 'Quantitatf' });

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell, renderIssueMessage(issue)])).toEqual([
      [
        'ctg-key-list-invalid',
        '_ctg',
        `A${ROW}`,
        `_ctg, cellule A${ROW}${NBSP}: la clé de cette ligne de la liste des clés (clé parente ${q('G1')}, axe 1) ` +
          `a été effacée, et son type remplacé par ${q('Quantitatf')}. Cette liste est l’enregistrement des clés ` +
          `du classeur, que l’outil écrit seul, pas une saisie à déplacer${NBSP}: retapez ${q('G1-QN2')} en ` +
          `A${ROW} et ${q('Quantitatif')} en B${ROW} (la clé et le type de la ligne 6 de la feuille ${q('Axe 1')}, ` +
          'à sa place dans la liste), ou annulez la saisie (Ctrl+Z). Le classeur n’est pas réécrit d’ici là.',
      ],
    ]);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('of a fiche, its type cleared: the keys under it still read, the fiche’s key and type to type back', async () => {
    const { file, meta } = await withKeyListRowCleared([]);
    put(meta, 14, 1, null);
    put(meta, 14, 2, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.cell, issue.rowKey])).toEqual([
      ['ctg-key-list-invalid', 'A14', 'G1'],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(
      `la clé de cette ligne de la liste des clés (axe 1) a été effacée, et son type aussi.`,
    );
    expect(renderIssueMessage(errors[0])).toContain(`retapez ${q('G1')} en A14 et ${q('Fiche')} en B14`);
  }, 60_000);

  it('with the row under it emptied, reads the list on past both, never a retired keys’ title to type back', async () => {
    const { file, meta } = await withKeyListRowCleared([1]);
    put(meta, ROW, 2, { value: 'Quantitatf' });
    for (let column = 1; column <= 4; column += 1) put(meta, ROW + 1, column, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell, issue.rowKey])).toEqual([
      ['ctg-key-list-invalid', '_ctg', `A${ROW}`, 'G1-QN2'],
      ['ctg-key-list-invalid', '_ctg', `A${ROW + 1}`, 'G1-QL1'],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(
      `retapez ${q('G1-QN2')} en A${ROW} et ${q('Quantitatif')} en B${ROW}`,
    );
    expect(renderIssueMessage(errors[1])).toContain(`retapez en A${ROW + 1}:D${ROW + 1} ${q('G1-QL1')}`);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('lets the workbook be written again once both are typed back', async () => {
    const { file, meta } = await withKeyListRowCleared([1]);
    put(meta, ROW, 2, { value: 'Fiche' });
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
    put(meta, ROW, 1, { value: 'G1-QN2' });
    put(meta, ROW, 2, { value: 'Quantitatif' });

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(await errorsOf(file)).toEqual([]);
  }, 60_000);
});

describe('a row of _ctg’s key list emptied (its four cells)', () => {
  it('is one error at its key cell, saying what to type back in its four cells', async () => {
    const { file } = await withKeyListRowCleared([1, 2, 3, 4]);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell, renderIssueMessage(issue)])).toEqual([
      [
        'ctg-key-list-invalid',
        '_ctg',
        `A${ROW}`,
        `_ctg, cellule A${ROW}${NBSP}: la ligne ${ROW} de la liste des clés a été vidée. Cette liste est ` +
          'l’enregistrement des clés du classeur, que l’outil écrit seul, pas une saisie à déplacer' +
          `${NBSP}: retapez en A${ROW}:D${ROW} ${q('G1-QN2')}, ${q('Quantitatif')}, ${q('G1')} et ${q('1')} (la ` +
          `clé, le type, la clé parente et l’axe de la ligne 6 de la feuille ${q('Axe 1')}, à sa place dans la ` +
          'liste), ou annulez la saisie (Ctrl+Z). Le classeur n’est pas réécrit d’ici là.',
      ],
    ]);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('lets the workbook be written again once its four cells are typed back', async () => {
    const { file, meta } = await withKeyListRowCleared([1, 2, 3, 4]);
    [{ value: 'G1-QN2' }, { value: 'Quantitatif' }, { value: 'G1' }, { value: 1 }].forEach((cell, index) =>
      put(meta, ROW, index + 1, cell),
    );

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(await errorsOf(file)).toEqual([]);
  }, 60_000);
});

describe('the last row of _ctg’s key list emptied', () => {
  it('is found by the fingerprint, said at its key cell, and its row in the axis sheet not said unknown', async () => {
    const { file, meta } = await withKeyListRowCleared([]);
    const last = 25;
    expect([gridText(meta, last, 1), gridText(meta, last + 1, 1)]).toEqual(['S14', '']);
    for (let column = 1; column <= 4; column += 1) put(meta, last, column, null);

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['ctg-key-list-invalid', '_ctg', `A${last}`],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(
      `la ligne ${last} de la liste des clés a été vidée. Cette liste est l’enregistrement des clés du classeur`,
    );
    expect(renderIssueMessage(errors[0])).toContain(
      `retapez en A${last}:D${last} ${q('S14')}, ${q('Fiche')}, rien et ${q('13')} (la clé, le type, la clé parente ` +
        `et l’axe de la ligne 6 de la feuille ${q('Axe 13')}, à sa place dans la liste)`,
    );
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('with a row added by hand at the list’s end, never says to give its key to the emptied row’s axis row', async () => {
    const { file, meta } = await withKeyListRowCleared([]);
    for (let column = 1; column <= 4; column += 1) put(meta, 25, column, null);
    [{ value: 'S15' }, { value: 'Fiche' }, null, { value: 13 }].forEach((cell, index) =>
      put(meta, 26, index + 1, cell),
    );

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['unknown-key', 'Axe 13', 'A6'],
      ['ctg-key-list-invalid', '_ctg', 'A25'],
    ]);
    const [unknown, emptied] = errors.map((issue) => renderIssueMessage(issue));
    expect(unknown).toBe(
      `Axe 13, cellule A6${NBSP}: la clé ${q('S14')} n’est pas dans la liste des clés de la feuille masquée ` +
        `${q('_ctg')}, où une clé a été effacée à la main (_ctg!A25)${NBSP}: c’est peut-être la sienne. Ne supprimez ` +
        `pas cette ligne, ses valeurs seraient perdues${NBSP}: rétablissez d’abord la liste des clés (voir l’erreur ` +
        `de ${q('_ctg')}).`,
    );
    expect(emptied).toContain(`la ligne 25 de la liste des clés a été vidée`);
    expect(emptied).toContain('annulez la saisie (Ctrl+Z), ou reprenez la ligne dans une copie du classeur');
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);

  it('is found too with a row added by hand after it, which alone is said unknown to the workbook', async () => {
    const { file, meta } = await withKeyListRowCleared([]);
    for (let column = 1; column <= 4; column += 1) put(meta, 25, column, null);
    const axis = sheet(file.grids(), 'Axe 13');
    put(axis, 7, 1, { value: 'S15' });
    put(axis, 7, 2, { value: 'Fiche' });

    const errors = await errorsOf(file);

    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['unknown-key', 'Axe 13', 'A7'],
      ['ctg-key-list-invalid', '_ctg', 'A25'],
    ]);
    const [unknown, emptied] = errors.map((issue) => renderIssueMessage(issue));
    expect(unknown).toContain(`la clé ${q('S15')} est inconnue de ce classeur (ligne ajoutée à la main`);
    expect(emptied).toContain(
      `retapez en A25:D25 ${q('S14')}, ${q('Fiche')}, rien et ${q('13')} (la clé, le type, la clé parente et l’axe ` +
        `de la ligne 6 de la feuille ${q('Axe 13')}, à sa place dans la liste)`,
    );
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);
});
