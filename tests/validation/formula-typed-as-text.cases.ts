import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

// A formula typed into a cell formatted as text stays the text « =10+2 »: the spreadsheet never computes it. It is
// no comment, and its result is what belongs in the cell.
it('says of a formula typed as text in a quantitative quarter to type its result, not to move a comment', async () => {
  const grids = await cleanGrids();
  const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', '=10+2');
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  expect(issue.code).toBe('quarter-value-not-number');
  const message = renderIssueMessage(issue);
  expect(message).toContain('(valeur lue\u00a0: «\u00a0=10+2\u00a0»)');
  expect(message).toContain('formule enregistrée comme texte');
  expect(message).toContain('saisissez son résultat');
  expect(message).not.toContain('Commentaire');
});

// Typed into a cell still formatted as text, the result would be a number stored as text, refused in turn.
it('says to give the cell a number format before typing the formula’s result', async () => {
  const grids = await cleanGrids();
  const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', '=10+2');
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  expect(renderIssueMessage(issue)).toContain(
    'le tableur ne la calcule pas. Remettez le format Nombre à la cellule, puis saisissez son résultat',
  );
});
