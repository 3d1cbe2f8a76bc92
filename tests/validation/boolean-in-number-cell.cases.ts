import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

// A partner's TRUE typed in a quantitative quarter (or pasted from a checkbox): French Excel shows « VRAI ».
it('quotes a boolean as French Excel shows it, without the advice meant for a comment typed as a value', async () => {
  const grids = await cleanGrids();
  const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', true);
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  expect(issue.code).toBe('quarter-value-not-number');
  const message = renderIssueMessage(issue);
  expect(message).toContain('(valeur lue\u00a0: «\u00a0VRAI\u00a0»)');
  expect(message).not.toContain('true');
  expect(message).not.toContain('Commentaire');
});
