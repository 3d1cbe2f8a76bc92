// The messages of the catalogue and of the Office.js back end are shown in the task pane as well as printed by the
// command line: their apostrophes are curly, as in the pane's own texts.
import * as fs from 'fs';
import * as path from 'path';
import { typographyFaults, wordsOf } from '../helpers/french-typography';

const SRC = path.join(__dirname, '..', '..', 'src');
const MESSAGES = path.join(SRC, 'domain', 'messages');
const files = [
  ...fs
    .readdirSync(MESSAGES)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(MESSAGES, name)),
  path.join(SRC, 'excel', 'excel-texts.ts'),
];

const faultsOf = (text: string) => typographyFaults(text).filter((fault) => fault === 'straight apostrophe');

describe('typography of the messages', () => {
  it('the scan finds a straight apostrophe (it can fail)', () => {
    expect(faultsOf("Le fichier n'est pas lisible")).toEqual(['straight apostrophe']);
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))('no string of %s breaks the rules', (_, file) => {
    const faults = wordsOf(file)
      .map(({ line, text }) => ({ line, text, faults: faultsOf(text) }))
      .filter(({ faults }) => faults.length > 0);
    expect(faults).toEqual([]);
  });
});
