import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

/**
 * A date the spreadsheet kept as text (a cell formatted Text, or typed after an apostrophe) reads like a date to the
 * person: the message says it is text, not to type a date, which they believe they did.
 */
async function messageFor(value: string | number): Promise<string> {
  const grids = await cleanGrids();
  setValue(sheet(grids, 'Axe 1'), 'G2', 'Dernière mise à jour', value);
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((one) => one.code === 'date-invalid');
  if (!issue) throw new Error('no date-invalid');
  return renderIssueMessage(issue);
}

describe('date-invalid', () => {
  it('says a date kept as text is text, and how to make it a date', async () => {
    expect(await messageFor('15/06/2026')).toMatch(
      /la cellule contient le texte «\u00a015\/06\/2026\u00a0», que le tableur ne lit pas comme une date.*au format Date/,
    );
  });

  it('keeps the general advice for anything else (a word, a year alone)', async () => {
    expect(await messageFor('hier')).toContain('Saisissez une date reconnue par le tableur (par exemple 15/03/2026)');
    expect(await messageFor(2026)).toContain('pas du texte ni une année seule');
  });
});
