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

  it('says a date that does not exist is none, which day or month is wrong, and to type a real date', async () => {
    // Excel keeps as text what it cannot read as a day, whatever the format; the day retyped stays text in a Text cell
    // (tests/cli/date-in-text-cell.cases.ts): the format is said too.
    const february = await messageFor('31/02/2026');
    expect(february).toContain(
      'la cellule contient le texte «\u00a031/02/2026\u00a0», qui n’est pas une date\u00a0: le 31 février 2026 n’existe ' +
        'pas (février 2026 n’a que 28 jours). Mettez la cellule au format Date (au format Texte, la date saisie ' +
        'resterait du texte), puis saisissez à sa place la date voulue, un jour qui existe, écrit jour/mois/année.',
    );
    expect(await messageFor('31/04/2026')).toContain('le 31 avril 2026 n’existe pas (avril n’a que 30 jours)');
    expect(await messageFor('15/13/2026')).toContain(
      'qui n’est pas une date\u00a0: il n’y a pas de mois 13 (une date s’écrit jour/mois/année)',
    );
    expect(await messageFor('0.3.26')).toContain('qui n’est pas une date\u00a0: il n’y a pas de jour 0.');
    // 2028 is a leap year: a day that exists, kept as text.
    expect(await messageFor('29/02/2028')).toContain('que le tableur ne lit pas comme une date');
  });

  it('keeps the general advice for anything else (a word, a year alone)', async () => {
    expect(await messageFor('hier')).toContain('Saisissez une date reconnue par le tableur (par exemple 15/03/2026)');
    expect(await messageFor(2026)).toContain('pas du texte ni une année seule');
  });
});
