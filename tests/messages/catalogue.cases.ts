/**
 * The one catalogue (src/domain/messages): every code an issue, the convention reader, a plan JSON or the .xlsx
 * reader can give is rendered into a French sentence. The compiler checks that each code has a template; these
 * tests render each one with sample params, as a person would read it. In the task pane, neither these messages nor
 * the pane's own texts name the command line.
 */
import * as path from 'path';
import { issueCodes, type IssueCode } from '../../src/domain/issue-codes';
import { createIssue, renderIssueMessage, renderIssueMessageFor } from '../../src/domain/issues';
import { messageAreas, renderMessage, type MessageCode } from '../../src/domain/messages';
import { wordsOf } from '../helpers/french-typography';
import { sample } from './sample-params';

/** What a pane text must never name: the command line, its commands (`ctg-suivi`, `npx`) or its options. */
function namesTheCommandLine(text: string): string[] {
  const patterns = [/(^|[\s(«])--[a-z]/, /ctg-suivi|npx /, /ligne de commande/i];
  return patterns.filter((pattern) => pattern.test(text)).map(String);
}

const TASKPANE_TEXTS = path.join(__dirname, '..', '..', 'src', 'taskpane', 'texts.ts');

/** What a message must never show: a value missing from its params, or a value printed as code. */
const BROKEN = /undefined|null|NaN|\[object|Problème non décrit/;

const areaCodes = Object.values(messageAreas).flatMap((area) => Object.keys(area)) as MessageCode[];

describe('the message catalogue', () => {
  it.each(areaCodes)('renders %s as a French sentence', (code) => {
    const message = renderMessage(code, sample);
    expect(message).not.toMatch(BROKEN);
    expect(message).toMatch(/^\S.*[.)»]$/s);
  });

  it('has each code in one area only', () => {
    expect(areaCodes.filter((code, index) => areaCodes.indexOf(code) !== index)).toEqual([]);
  });

  it('has a message for every code of the issue table, and no issue message without a code in it', () => {
    expect(Object.keys(messageAreas.issues).sort()).toEqual(Object.keys(issueCodes).sort());
  });

  it.each(Object.keys(issueCodes) as IssueCode[])('renders the issue %s where it is', (code) => {
    const message = renderIssueMessage(createIssue(code, { sheet: 'Axe 1', cell: 'L12', rowKey: 'G1' }, sample));
    expect(message).not.toMatch(BROKEN);
    expect(createIssue(code, { sheet: null, cell: null }).severity).toBe(issueCodes[code].severity);
  });
});

describe('the catalogue read in the task pane', () => {
  it.each(areaCodes)('renders %s as a French sentence', (code) => {
    const message = renderMessage(code, sample, 'task-pane');
    expect(message).not.toMatch(BROKEN);
    expect(message).toMatch(/^\S.*[.)»]$/s);
  });

  it.each(areaCodes)('names no option or command of the command line in %s', (code) => {
    const messages = [renderMessage(code, sample, 'task-pane')];
    if (code in issueCodes) {
      const issue = createIssue(code as IssueCode, { sheet: 'Axe 1', cell: 'L12', rowKey: 'G1' }, sample);
      messages.push(renderIssueMessageFor('task-pane', issue));
    }
    for (const message of messages) expect(namesTheCommandLine(message)).toEqual([]);
  });

  it('names no option or command of the command line in the pane’s own texts (src/taskpane/texts.ts)', () => {
    const words = wordsOf(TASKPANE_TEXTS);
    expect(words.length).toBeGreaterThan(100);
    const naming = words.filter(({ text }) => namesTheCommandLine(text).length > 0);
    expect(naming).toEqual([]);
  });

  it('finds the command line named (it can fail)', () => {
    expect(namesTheCommandLine('un plan produit par « ctg-suivi plan --json »')).toHaveLength(2);
    expect(namesTheCommandLine('utilisez la ligne de commande')).toHaveLength(1);
    expect(namesTheCommandLine('lancez npx tsx bin/plan.ts')).toHaveLength(1);
    expect(namesTheCommandLine('Réessayez, ou enregistrez le classeur.')).toEqual([]);
  });

  it('names the button that checked an extract: the open workbook’s or a picked file’s, never the command', () => {
    const open = renderMessage('checked-extract-scope', { ...sample, checked: 'open-workbook' }, 'task-pane');
    expect(open).toContain('«\u00a0Vérifier le classeur\u00a0» vérifie sa forme');
    expect(open).toContain('enregistrez ce classeur au format .xlsx, ouvrez le classeur de suivi');
    expect(open).not.toMatch(/ctg-suivi|npx |--[a-z]/);
    const file = renderMessage('checked-extract-scope', { ...sample, checked: 'file' }, 'task-pane');
    expect(file).toContain('«\u00a0Vérifier un fichier…\u00a0» vérifie sa forme');
    expect(file).not.toContain('enregistrez');
    // The command line checks files only: the same words whatever the pane would say.
    expect(renderMessage('checked-extract-scope', { ...sample, checked: 'open-workbook' })).toContain(
      'validate vérifie sa forme',
    );
  });

  it('differs from the command line’s where the command line names its options (it can fail)', () => {
    const params = { ...sample, sent: 0 };
    expect(renderMessage('extract-personal-data', params)).toContain('--refuse-personal-data');
    expect(renderMessage('extract-personal-data', params, 'task-pane')).not.toContain('--refuse-personal-data');
  });
});

describe('an empty current quarter', () => {
  it('is said to be empty, not quoted as an empty text', () => {
    const at = { sheet: 'Paramètres', cell: 'B9' };
    const empty = renderIssueMessage(
      createIssue('current-quarter-invalid', at, { value: '', first: '2026-T1', last: '2030-T4' }),
    );
    expect(empty).toBe(
      'Paramètres, cellule B9\u00a0: le trimestre en cours est vide. Saisissez un texte de la forme AAAA-Tn compris ' +
        'entre 2026-T1 et 2030-T4.',
    );
    const wrong = renderIssueMessage(
      createIssue('current-quarter-invalid', at, { value: '2026-T5', first: '2026-T1', last: '2030-T4' }),
    );
    expect(wrong).toContain('(valeur lue\u00a0: «\u00a02026-T5\u00a0»)');
  });
});
