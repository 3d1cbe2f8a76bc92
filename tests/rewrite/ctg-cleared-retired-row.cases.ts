import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, type SheetGrid } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG2 } from '../layout/helpers/sample-plan';
import { filePort, put, roundTrip, sheet } from './helpers';

/**
 * A row of `_ctg`'s retired keys emptied by hand (its four cells cleared): the retired keys under it are still the
 * tools' record, read as retired keys and kept by the next rewrite, never named as typed by a person; the emptied row
 * is a warning at its key cell (its key is lost to the tools), and the next rewrite writes the block without it.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

function retiredTitleRow(meta: SheetGrid): number {
  return meta.rows.findIndex((_, index) => gridText(meta, index + 1, 1) === metaTexts.retiredKeysTitle) + 1;
}

/** The retired keys of `_ctg` as written, row after row from the block's title to the first empty row. */
function retiredKeysWritten(meta: SheetGrid): string[] {
  const keys: string[] = [];
  for (let row = retiredTitleRow(meta) + 1; gridText(meta, row, 1) !== ''; row += 1) keys.push(gridText(meta, row, 1));
  return keys;
}

/** A workbook regenerated without G2, then the retired keys block's row of `key` emptied (its four cells). */
async function withRetiredRowCleared(key: string) {
  const generated = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  expect((await regenerateAndWrite(generated.port, samplePlanWithoutG2(), { now: today })).status).toBe('done');
  const file = filePort(generated.grids());
  const meta = sheet(file.grids(), '_ctg');
  const title = retiredTitleRow(meta);
  expect(retiredKeysWritten(meta)).toEqual(['G2', 'G2-QN1', 'G2-QN2']);
  const row = title + 1 + ['G2', 'G2-QN1', 'G2-QN2'].indexOf(key);
  for (let column = 1; column <= 4; column += 1) put(meta, row, column, null);
  return { file, row };
}

const metaIssues = async (file: ReturnType<typeof filePort>) =>
  (await validateWorkbook(file.port, { today: later })).issues.filter((issue) => issue.sheet === '_ctg');

describe('a row emptied in the middle of _ctg’s retired keys', () => {
  it('is a warning at its key cell, the keys under it read as retired keys, not as values typed', async () => {
    const { file, row } = await withRetiredRowCleared('G2-QN1');

    const issues = await metaIssues(file);

    expect(issues.map((issue) => [issue.code, issue.severity, issue.cell])).toEqual([
      ['ctg-retired-key-cleared', 'warning', `A${row}`],
    ]);
    expect(renderIssueMessage(issues[0])).toBe(
      `_ctg, cellule A${row}\u00a0: la ligne ${row} des clés retirées a été vidée. L’outil ne sait plus quelle clé ` +
        'elle gardait pour ne jamais la réattribuer. Annulez la saisie (Ctrl+Z) ou reprenez la ligne dans une copie ' +
        'du classeur enregistrée avant, si vous le pouvez\u00a0; sinon, la prochaine écriture du classeur ' +
        'supprimera la ligne vide.',
    );
  }, 60_000);

  it('is dropped by the next rewrite, which keeps every other retired key', async () => {
    const { file } = await withRetiredRowCleared('G2-QN1');

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');

    expect(retiredKeysWritten(sheet(file.grids(), '_ctg'))).toEqual(['G2', 'G2-QN2']);
    expect(await metaIssues(file)).toEqual([]);
  }, 60_000);
});

describe('the last row of _ctg’s retired keys emptied', () => {
  it('ends the block there, as ever: nothing said, the other keys kept by the next rewrite', async () => {
    const { file } = await withRetiredRowCleared('G2-QN2');

    expect(await metaIssues(file)).toEqual([]);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');

    expect(retiredKeysWritten(sheet(file.grids(), '_ctg'))).toEqual(['G2', 'G2-QN1']);
  }, 60_000);
});
