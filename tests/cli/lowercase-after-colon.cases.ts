// After « : » a French sentence goes on in lower case: a capital there is a name's (a sheet, a proper noun, a code,
// a file). Scanned: the literal texts of the command line and of the message catalogue, and every catalogue message
// as the command line prints it after a label of its own (« Usage incorrect : », « Note : », a file's name…).
import * as path from 'path';
import { issueCodes, type IssueCode } from '../../src/domain/issue-codes';
import { createIssue, type Issue, type IssueLocation } from '../../src/domain/issues';
import { messageAreas, renderMessage, type MessageCode } from '../../src/domain/messages';
import { afterColon } from '../../src/domain/messages/after-colon';
import { texts } from '../../src/cli/texts';
import { wordsOf } from '../helpers/french-typography';
import { SRC, tsFilesUnder } from '../helpers/source-files';
import { sample } from '../messages/sample-params';

/** The words that keep their capital after « : », with why: names, never the start of a sentence going on. */
const NAMES: Record<string, string> = {
  Axe: 'an axis sheet’s name (« Axe 1, cellule L12 : »)',
  Notes: 'a sheet a person added, « Notes du COPIL » (the locations below)',
  Pélussin: 'a commune of the sample params',
  Unexpected: 'a JSON parser’s own words, quoted as data (sample params)',
};

/** Each capitalised word right after « : » that is no name: a capital and lower-case letters only (« Le », « L’… »). */
function capitalsAfterColon(text: string): string[] {
  return [...text.matchAll(/\u00a0: (\p{Lu}[\p{L}\d-]*)/gu)]
    .map((match) => match[1])
    .filter((word) => /^\p{Lu}\p{Ll}*$/u.test(word) && !(word in NAMES));
}

const files = [
  ...tsFilesUnder(path.join(SRC, 'cli')),
  ...tsFilesUnder(path.join(SRC, 'domain', 'messages')),
  ...tsFilesUnder(path.join(SRC, 'domain', 'issue-codes')),
];

const locations: IssueLocation[] = [
  { sheet: 'Axe 1', cell: 'L12', rowKey: 'G1' },
  { sheet: 'Notes du COPIL', cell: 'B4', rowKey: null },
  { sheet: null, cell: null, rowKey: null },
];

/** Every line the command line prints with an issue after a label of its own. */
function printedAfterLabels(issue: Issue): string[] {
  return [
    texts.inFile('suivi.xlsx', issue),
    texts.inPlace.wrongUsage('suivi.xlsx', [issue]),
    texts.bilan.wrongUsage(issue),
    texts.bilan.warning(issue),
    texts.closeQuarter.done(
      { file: 'suivi.xlsx', backup: null, closed: '2026-T1', next: '2026-T2', nextIsLast: false, historyRows: 3 },
      [issue],
    ),
    texts.merge.rejectedLine('retour.xlsx', issue),
    texts.merge.noteLine('retour.xlsx', issue),
    texts.merge.noteLine('', issue),
    texts.undo.note(issue),
  ];
}

describe('a lower-case letter after « : », but for a name', () => {
  it('the scan finds a capital that starts a sentence going on, and lets names be (it can fail)', () => {
    expect(capitalsAfterColon('Usage incorrect\u00a0: La convention')).toEqual(['La']);
    expect(capitalsAfterColon('Note\u00a0: L’année')).toEqual(['L']);
    expect(capitalsAfterColon('Note\u00a0: Axe 1, cellule L12\u00a0: G1-C2, CCMP, LibreOffice')).toEqual([]);
  });

  it('lowers the first word of a message put after « : », never a name it starts with', () => {
    expect(afterColon('Le trimestre 2026-T2 avait déjà été clôturé.')).toBe(
      'le trimestre 2026-T2 avait déjà été clôturé.',
    );
    expect(afterColon('L’année (2027) ne se donne que pour un bilan annuel.')).toBe(
      'l’année (2027) ne se donne que pour un bilan annuel.',
    );
    expect(afterColon('En-tête « Nom » mal orthographié.')).toBe('en-tête « Nom » mal orthographié.');
    expect(afterColon('Notes du COPIL, cellule B4\u00a0: texte.', 'Notes du COPIL')).toBe(
      'Notes du COPIL, cellule B4\u00a0: texte.',
    );
    for (const name of ['LibreOffice n’a pas pu', 'CCMP porte', 'G1-C2 manque', '«\u00a02026-5\u00a0»', 'Excel ouvre'])
      expect(afterColon(name)).toBe(name);
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))('no literal text of %s has one', (_, file) => {
    const found = wordsOf(file)
      .map(({ line, text }) => ({ line, words: capitalsAfterColon(text) }))
      .filter(({ words }) => words.length > 0);
    expect(found).toEqual([]);
  });

  it.each(Object.keys(issueCodes) as IssueCode[])(
    'the command line prints %s after its labels in lower case',
    (code) => {
      const found = locations
        .flatMap((location) => printedAfterLabels(createIssue(code, location, sample)))
        .flatMap(capitalsAfterColon);
      expect(found).toEqual([]);
    },
  );

  it.each(
    [messageAreas.plan, messageAreas.planSource, messageAreas.xlsx].flatMap((area) =>
      Object.keys(area),
    ) as MessageCode[],
  )('the command line prints %s after a file’s name or a line number in lower case', (code) => {
    const message = renderMessage(code, sample);
    const found = [texts.inFile('convention.txt', message), texts.plan.warningLine(40, message)].flatMap(
      capitalsAfterColon,
    );
    expect(found).toEqual([]);
  });
});
