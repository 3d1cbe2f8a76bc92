import { processConsole } from '../../src/cli/console';

// Names and texts of a territory's file reach the Caf's terminal: a partner's file must not drive it (clear the
// screen, rewrite the summary, ring the bell) with control characters (Excel writes them as `_x001B_`).
describe('the terminal the command line writes to', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows control characters as their \\u escapes, on stdout and stderr, and keeps line breaks and tabs', () => {
    const terminal = processConsole();
    terminal.out('CC Pilat\u001b[2J\u001b[H\u0007 :\tfin\n');
    terminal.err('Écarté : \u009b31m rouge');
    expect(written).toEqual(['CC Pilat\\u001b[2J\\u001b[H\\u0007 :\tfin\n', 'Écarté : \\u009b31m rouge\n']);
  });

  it('keeps a JSON document the same document: its strings read back as they were', () => {
    const document = { territory: 'CC\u009b31m Pilat\u001b', reason: 'é « » ’' };
    processConsole().out(JSON.stringify(document));
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(written.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(written.join(''))).toEqual(document);
  });
});
