import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY } from '../validation/clean-workbook';
import { seedPlan } from './ao-cases';
import { aoColumnIndex, aoGrid, aoRowIndex } from './ao-grid';

/**
 * A value refused by a list of Compétences AO is quoted as French Excel shows it: a date as a date, a number the
 * French way; only a text is said to hold invisible characters (its no-break space shown), as in the axis sheets.
 */
async function messageFor(typed: { value: string | number; isDate?: boolean }): Promise<string> {
  const plan = seedPlan();
  const grids = await cleanGrids(plan);
  const grid = aoGrid(grids);
  const row = aoRowIndex(grid, plan.parties.communes[5].name);
  grid.rows[row][aoColumnIndex(grid, 'Soutenir la qualité')] = typed;
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  return renderIssueMessage(report.issues.find((candidate) => candidate.code === 'ao-value-not-in-list')!);
}

it('a date typed in a list cell: quoted as the date shown, not its serial number', async () => {
  // 46 298 is 03/10/2026 in Excel's 1900 date system, formatted as a date as Excel does when one is typed.
  const message = await messageFor({ value: 46298, isDate: true });
  expect(message).toContain('«\u00a003/10/2026\u00a0»');
  expect(message).not.toContain('invisible');
});

it('a large number: quoted the French way, with no word of invisible characters', async () => {
  const message = await messageFor({ value: 12345 });
  expect(message).toContain('«\u00a012\u00a0345\u00a0»');
  expect(message).not.toContain('invisible');
});

it('a text with a no-break space: the space shown, and said to be one', async () => {
  const message = await messageFor({ value: 'Oui\u00a0' });
  expect(message).toContain('«\u00a0Oui[espace insécable]\u00a0»');
  expect(message).toContain('La valeur contient des caractères invisibles');
});
