import { embeddedPlan } from '../../src/app/plan-source';
import { consolidationSheets } from '../../src/app/sheet-selections';
import { isSkipped } from '../../src/domain/grid';
import { generateOnFake } from './helpers/run-on-fake';

/**
 * A selection that depends on the sheets a workbook has (the Journal read when Historique is missing,
 * `consolidationSheets`) through the Office.js back end, whose first round trip asks for the sheets it last saw: a
 * sheet deleted since must change what is read as it does in the .xlsx reader, not be chosen by that guess.
 */
it('reads the Journal once Historique is deleted, though the port last saw it', async () => {
  const { fake, port } = await generateOnFake(embeddedPlan().plan, new Date('2026-11-28T10:00:00Z'));
  const before = await port.read({ sheets: consolidationSheets });
  expect(isSkipped(before.sheets.find((sheet) => sheet.name === 'Journal')!)).toBe(true);

  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Historique').delete();
    await context.sync();
  });
  const after = await port.read({ sheets: consolidationSheets });
  expect(after.sheets.map((sheet) => sheet.name)).not.toContain('Historique');
  const journal = after.sheets.find((sheet) => sheet.name === 'Journal')!;
  expect(isSkipped(journal) ? null : journal.rows[0]?.[0]?.value).toBe('Date');
}, 60_000);
