import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { KEYS_FIRST_ROW } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * A key's type in `_ctg`'s key list changed by hand is the tools' row damaged, its type given by its key: the error
 * at its type cell says what to type back, and it alone is said (the key is read, so its rows in the axis sheets
 * are not unknown, nor its fiche's criteria unreadable); every rewrite is refused until it is typed back.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

async function generated() {
  const file = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  const meta = sheet(file.grids(), '_ctg');
  expect(gridText(meta, KEYS_FIRST_ROW, 1)).toBe('G1');
  return { file, meta };
}

describe('a fiche’s type changed by hand in _ctg’s key list', () => {
  it('refuses the rewrite, saying at the type cell which type to type back, and nothing else', async () => {
    const { file, meta } = await generated();
    put(meta, KEYS_FIRST_ROW, 2, { value: 'Fich' });

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-key-list-invalid', `B${KEYS_FIRST_ROW}`]]);
    const message = renderIssueMessage(issues[0]);
    expect(message).toContain(
      'le type de la clé «\u00a0G1\u00a0» dans la liste des clés a été remplacé par «\u00a0Fich\u00a0»',
    );
    expect(message).toContain(`retapez «\u00a0Fiche\u00a0» en B${KEYS_FIRST_ROW}`);
    // Validation, which the pane and the command line both show, says the same, and no key of G1 unknown.
    const report = await validateWorkbook(file.port, { today: later });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)])).toEqual([
      ['ctg-key-list-invalid', `B${KEYS_FIRST_ROW}`, message],
    ]);
  }, 60_000);

  it('writes again once the type is typed back', async () => {
    const { file, meta } = await generated();
    put(meta, KEYS_FIRST_ROW, 2, { value: 'Fich' });
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
    put(meta, KEYS_FIRST_ROW, 2, { value: 'Fiche' });

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(gridText(sheet(file.grids(), '_ctg'), KEYS_FIRST_ROW, 2)).toBe('Fiche');
  }, 60_000);
});

describe('a criterion’s type changed by hand in _ctg’s key list into the other criterion’s', () => {
  it('is said at its key cell, both cells named, not as the axis sheet’s type to change', async () => {
    const { file, meta } = await generated();
    const row = KEYS_FIRST_ROW + 1;
    expect(gridText(meta, row, 1)).toBe('G1-QN1');
    put(meta, row, 2, { value: 'Qualitatif' });

    const report = await validateWorkbook(file.port, { today: later });

    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['ctg-key-list-invalid', '_ctg', `A${row}`],
    ]);
    expect(renderIssueMessage(errors[0])).toContain(
      `en A${row} la clé qui s’y trouvait ou en B${row} le type «\u00a0Quantitatif\u00a0» que donne la clé`,
    );
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
  }, 60_000);
});
