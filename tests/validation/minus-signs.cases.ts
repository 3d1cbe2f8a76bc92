import { validateGrids } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { cleanGrids, GENERATION_DAY, setValue, sheet } from './clean-workbook';

/**
 * A negative number typed in a quantitative quarter with another minus sign than the keyboard's (docs/WORKBOOK.md,
 * « Merging returned rows », numbers typed as text): a number stored as text, told as the merge reads it, with what to type.
 */
async function issueOf(value: string) {
  const grids = await cleanGrids();
  const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', value);
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  return { code: issue.code, message: renderIssueMessage(issue) };
}

describe('a minus sign other than the keyboard’s in a quantitative quarter', () => {
  it.each(['\u22125', '\u2212 5', '\u20135'])('reads %p as the number -5 stored as text, to retype', async (value) => {
    const { code, message } = await issueOf(value);
    expect(code).toBe('quarter-value-number-as-text');
    expect(message).toContain('Retapez le nombre avec le signe moins du clavier\u00a0: -5.');
  });

  it('says of « – 5 », a dash apart from its number, how to type -5 or 5, not to move a comment', async () => {
    const { code, message } = await issueOf('\u2013 5');
    expect(code).toBe('quarter-value-not-number');
    expect(message).toContain(
      '(valeur lue\u00a0: «\u00a0\u2013 5\u00a0»). Pour le nombre négatif -5, tapez le signe moins du clavier collé ' +
        'au chiffre\u00a0; pour 5, retirez le tiret.',
    );
    expect(message).not.toContain('Commentaire');
  });
});
