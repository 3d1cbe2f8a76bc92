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

// Excel reads an entry starting with « + » or « - » as a formula when it is no plain number (« +10+2 » becomes
// =+10+2, a number-keypad habit): typed as text, it is the same formula never computed. A plain negative number typed
// as text keeps its own advice, and a remark after a dash is still a comment.
describe('a text starting with « + » or « - » in a quantitative quarter', () => {
  async function issueFor(text: string) {
    const grids = await cleanGrids();
    const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', text);
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    return report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  }

  it.each(['+10+2', '-5+2', '+ 10 * 3', '-(4+2)/2'])(
    'says of « %s » to type its result, as of « =10+2 »',
    async (text) => {
      const issue = await issueFor(text);
      expect(issue.code).toBe('quarter-value-not-number');
      const message = renderIssueMessage(issue);
      expect(message).toContain('formule enregistrée comme texte');
      expect(message).toContain('saisissez son résultat');
      expect(message).not.toContain('Commentaire');
    },
  );

  it('says of « -5 » typed as text that it is a number stored as text, no formula', async () => {
    const issue = await issueFor('-5');
    expect(issue.code).toBe('quarter-value-number-as-text');
    expect(renderIssueMessage(issue)).not.toContain('formule');
  });

  it('says of a remark after a dash to move it to « Commentaire »', async () => {
    const message = renderIssueMessage(await issueFor('- 5 familles reçues, voir le bilan'));
    expect(message).toContain('Mettez le commentaire dans la colonne «\u00a0Commentaire\u00a0»');
    expect(message).not.toContain('formule');
  });
});
