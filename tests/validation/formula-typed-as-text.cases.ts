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

  // A function call is a formula whatever follows it: its name in English or French (accents, dots, digits), its
  // arguments separated by « ; » or « , », nested.
  it.each([
    '+SUM(A1:A3)',
    '-SOMME(A1:A3)',
    '+SUM(A1:A3)*2',
    '+MOYENNE(B2;B3)',
    '+SOMME.SI(A1:A3;">0")',
    '+NB.SI.ENS(A1:A9;"Oui";B1:B9;">=2")',
    '+ARRONDI(MOYENNE(A1:A3);0)/2',
    '-ÉCARTYPE.STANDARD(A1:A3)',
    '+LOG10(100)',
    '+ SI(A1>0; A1; 0)',
    '=SOMME(A1:A3)',
    '=SUM(A1:A3)*2',
  ])('says of « %s » that it is a formula stored as text, to type its result', async (text) => {
    const issue = await issueFor(text);
    expect(issue.code).toBe('quarter-value-not-number');
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la valeur du trimestre 2026-T1 d’un critère quantitatif doit être un ` +
        `nombre (valeur lue\u00a0: «\u00a0${text}\u00a0»). C’est une formule enregistrée comme texte (cellule au ` +
        'format Texte, ou formule tapée après une apostrophe)\u00a0: le tableur ne la calcule pas. Remettez le format ' +
        'Nombre à la cellule, puis saisissez son résultat, le nombre lui-même.',
    );
  });

  // Words with brackets, a number with a remark in brackets, are remarks: their place is « Commentaire ». So is a word
  // in small letters glued to its bracket (Excel writes a function's name in capitals), and a bracket left open.
  it.each([
    '- Atelier (2 séances)',
    '+ SOMME des familles',
    '+Réunion(s) prévue(s)',
    '-Atelier(2)',
    '-ateliers(3)',
    '+Total(12)',
    '+SOMME(A1 2+3',
  ])('says of « %s » to move it to « Commentaire »', async (text) => {
    const message = renderIssueMessage(await issueFor(text));
    expect(message).toContain('Mettez le commentaire dans la colonne «\u00a0Commentaire\u00a0»');
    expect(message).not.toContain('formule');
  });

  // A text read as a formula piece by piece: brackets nested past any formula's depth are a remark, not a crash.
  it('says of brackets nested thousands deep to move the text to « Commentaire »', async () => {
    const message = renderIssueMessage(await issueFor(`+${'SOMME('.repeat(5000)}1${')'.repeat(5000)}`));
    expect(message).toContain('Mettez le commentaire dans la colonne «\u00a0Commentaire\u00a0»');
  });

  it('says of « -10 % » typed as text to retype it without its sign, no formula', async () => {
    const issue = await issueFor('-10 %');
    expect(issue.code).toBe('quarter-value-number-as-text');
    expect(renderIssueMessage(issue)).toContain('Retapez le nombre sans le signe\u00a0%');
    expect(renderIssueMessage(issue)).not.toContain('formule');
  });

  it('says of « -5 » typed as text that it is a number stored as text, no formula', async () => {
    const issue = await issueFor('-5');
    expect(issue.code).toBe('quarter-value-number-as-text');
    expect(renderIssueMessage(issue)).not.toContain('formule');
  });

  // A user trial typed the unit or a word after the number: the number alone is what to type, the rest a comment.
  it.each([
    ['12 enfants', '12', 'enfants'],
    ['3 500 €', '3 500', '€'],
    ['-5 (estimation)', '-5', '(estimation)'],
  ])('says of « %s » to type the number alone, %s, and the rest in « Commentaire »', async (text, number, rest) => {
    const issue = await issueFor(text);
    expect(issue.code).toBe('quarter-value-not-number');
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la valeur du trimestre 2026-T1 d’un critère quantitatif doit être un ` +
        `nombre (valeur lue\u00a0: «\u00a0${text}\u00a0»). Tapez le nombre seul, «\u00a0${number}\u00a0», et mettez ` +
        `le reste, «\u00a0${rest}\u00a0», dans la colonne «\u00a0Commentaire\u00a0».`,
    );
  });

  // A user trial typed the unit alone, no number: there is nothing to move to « Commentaire », a number to type.
  it.each(['€', 'enfants'])('says of « %s » alone to type the number, or leave the cell empty', async (text) => {
    const issue = await issueFor(text);
    expect(issue.code).toBe('quarter-value-not-number');
    expect(renderIssueMessage(issue)).toBe(
      `Axe 1, cellule ${issue.cell}\u00a0: la valeur du trimestre 2026-T1 d’un critère quantitatif doit être un ` +
        `nombre (valeur lue\u00a0: «\u00a0${text}\u00a0»). Il n’y a pas de nombre à garder\u00a0: tapez le nombre ` +
        'lui-même, sans unité, ou laissez la cellule vide s’il n’est pas connu.',
    );
  });

  it('says of a remark after a dash to move it to « Commentaire »', async () => {
    const message = renderIssueMessage(await issueFor('- 5 familles reçues, voir le bilan'));
    expect(message).toContain('Mettez le commentaire dans la colonne «\u00a0Commentaire\u00a0»');
    expect(message).not.toContain('formule');
  });
});

// A user trial read « SUM(W14:Y14) » of the =SOMME(W14:Y14) typed: a formula is quoted as French Excel shows it.
it('quotes a formula in an input cell as French Excel shows it, =SOMME(W14:Y14)', async () => {
  const grids = await cleanGrids();
  const cell = setValue(sheet(grids, 'Axe 1'), 'G1-QN1', '2026-T1', 12, { formula: 'SUM(W14:Y14)' });
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  const issue = report.issues.find((candidate) => candidate.cell === cell && candidate.sheet === 'Axe 1')!;
  expect(issue.code).toBe('formula-in-input-cell');
  expect(renderIssueMessage(issue)).toContain('contient une formule («\u00a0=SOMME(W14:Y14)\u00a0»)');
});
