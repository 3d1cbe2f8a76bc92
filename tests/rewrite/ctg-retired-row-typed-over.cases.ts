import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, type SheetGrid } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG2 } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * A row of `_ctg`'s retired keys whose key and type were both typed over, its parent key and axis left as the tools
 * wrote them, with retired keys under it: the tools write no other row there, so it is their record typed over, not
 * a note to move elsewhere (which would lose the key kept from being given again). Said at its key cell; every
 * rewrite refused until both cells are typed back.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

function retiredTitleRow(meta: SheetGrid): number {
  return meta.rows.findIndex((_, index) => gridText(meta, index + 1, 1) === metaTexts.retiredKeysTitle) + 1;
}

/** A workbook regenerated without G2 (retired G2, G2-QN1, G2-QN2), `key`'s key and type typed over. */
async function withTypedOver(key = 'G2-QN1') {
  const generated = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  expect((await regenerateAndWrite(generated.port, samplePlanWithoutG2(), { now: today })).status).toBe('done');
  const file = filePort(generated.grids());
  const meta = sheet(file.grids(), '_ctg');
  const row = retiredTitleRow(meta) + 1 + ['G2', 'G2-QN1', 'G2-QN2'].indexOf(key);
  expect([gridText(meta, row, 1), gridText(meta, row, 2), gridText(meta, row, 3)]).toEqual([key, 'Quantitatif', 'G2']);
  put(meta, row, 1, { value: 'Voir avec la CAF' });
  put(meta, row, 2, { value: 'à revoir' });
  return { file, meta, row };
}

/** The row of `key` typed over, then its key and type typed back: the workbook is written, every retired key kept. */
async function writesAgainOnceTypedBack(key: string): Promise<void> {
  const { file, meta, row } = await withTypedOver(key);
  put(meta, row, 1, { value: key });
  put(meta, row, 2, { value: 'Quantitatif' });

  expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
  const rewritten = sheet(file.grids(), '_ctg');
  const title = retiredTitleRow(rewritten);
  expect([1, 2, 3].map((offset) => gridText(rewritten, title + offset, 1))).toEqual(['G2', 'G2-QN1', 'G2-QN2']);
}

describe('a retired key’s row whose key and type were both typed over, inside the block', () => {
  it('refuses the rewrite, said at its key cell to be the tools’ record, not to be moved', async () => {
    const { file, row } = await withTypedOver();

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-retired-key-changed', `A${row}`]]);
    const message = renderIssueMessage(issues[0]);
    expect(message).toContain(
      'la clé et le type de cette ligne des clés retirées ont été modifiés à la main (clé «\u00a0Voir avec la ' +
        'CAF\u00a0», type «\u00a0à revoir\u00a0», clé parente «\u00a0G2\u00a0»)',
    );
    expect(message).toContain(`retapez en A${row} la clé et en B${row} le type qui s’y trouvaient`);
    expect(message).not.toContain('Déplacez-le');
    const report = await validateWorkbook(file.port, { today: later });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)])).toEqual([
      ['ctg-retired-key-changed', `A${row}`, message],
    ]);
  }, 60_000);

  it('writes again once both are typed back, every retired key kept', () => writesAgainOnceTypedBack('G2-QN1'), 60_000);
});

describe('the last retired key’s row with its key and type both typed over, at the block’s end', () => {
  it('is said to be the tools’ record typed over, not a value to move elsewhere', async () => {
    const { file, row } = await withTypedOver('G2-QN2');

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-retired-key-changed', `A${row}`]]);
    const message = renderIssueMessage(issues[0]);
    expect(message).toContain(
      'la clé et le type de cette ligne des clés retirées ont été modifiés à la main (clé «\u00a0Voir avec la ' +
        'CAF\u00a0», type «\u00a0à revoir\u00a0», clé parente «\u00a0G2\u00a0»)',
    );
    expect(message).not.toContain('Déplacez-le');
    const report = await validateWorkbook(file.port, { today: later });
    expect(report.issues.filter((issue) => issue.sheet === '_ctg').map((issue) => [issue.code, issue.cell])).toEqual([
      ['ctg-retired-key-changed', `A${row}`],
    ]);
  }, 60_000);

  it('writes again once both are typed back, every retired key kept', () => writesAgainOnceTypedBack('G2-QN2'), 60_000);
});
