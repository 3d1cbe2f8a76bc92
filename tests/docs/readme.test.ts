import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFailureDescriptions, planWarningDescriptions } from '../../src/domain/messages/plan';
import { issueCodes } from '../../src/domain/issue-codes';
import { cliErrorCodes } from '../../src/cli/failure';
import { texts } from '../../src/cli/texts';

const read = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');
const readme = read('README.md');
/** The users' pages of docs/, in French: the command line in full, the problem codes. */
const commandsPage = read('docs/COMMANDES.md');
const codesPage = read('docs/CODES.md');

/** The command names `help` lists, in its order. */
const commandNames = [...texts.usage.matchAll(/^ {2}([a-z][a-z-]+)\b/gm)].map((match) => match[1]);

describe('README', () => {
  it('gives the two commands of a fresh machine: set up and write the workbook of the embedded plan, run the tests', () => {
    expect(readme).toContain('npm ci && npm run build && npx ctg-suivi generate');
    expect(readme).toMatch(/```sh\nnpm test\n```/);
  });

  it('lists every command but help and version in its table, and links to the users’ pages', () => {
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(commandNames.filter((name) => name !== 'help' && name !== 'version'));
    expect(readme).toContain('](docs/COMMANDES.md)');
    expect(readme).toContain('](docs/CODES.md)');
  });
});

describe('docs/COMMANDES.md', () => {
  it('has a section for every command `help` lists, in the same order', () => {
    const sections = [...commandsPage.matchAll(/^### ([a-z-]+)$/gm)].map((match) => match[1]);
    expect(commandNames.length).toBeGreaterThan(10);
    expect(sections).toEqual(commandNames);
  });

  it('lists every error code of the command line', () => {
    for (const code of cliErrorCodes) expect(commandsPage).toContain(`\`${code}\``);
  });
});

describe('docs/CODES.md', () => {
  it('lists every workbook issue code, validation and rewrites, with the severity the code gives it', () => {
    for (const [code, { severity }] of Object.entries(issueCodes)) {
      expect(codesPage).toContain(`| \`${code}\` | ${severity === 'error' ? 'erreur' : 'avertissement'} |`);
    }
  });

  it('describes each code as the code describes itself, then adds what it will', () => {
    const descriptions: [string, string][] = [
      ...Object.entries(issueCodes).map(([code, entry]): [string, string] => [code, entry.description]),
      ...Object.entries({ ...planWarningDescriptions, ...planFailureDescriptions }),
    ];
    const differing = descriptions.filter(([code, description]) => {
      const row = new RegExp(`^\\| \`${code}\` \\|(?: [a-z]+ \\|)? (.*) \\|$`, 'm').exec(codesPage);
      return !row?.[1].startsWith(description);
    });
    expect(differing.map(([code]) => code)).toEqual([]);
  });

  it('lists no code that nothing gives any more', () => {
    const listed = [...codesPage.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    const known = new Set([
      ...Object.keys(issueCodes),
      ...Object.keys(planWarningDescriptions),
      ...Object.keys(planFailureDescriptions),
    ]);
    expect(listed.length).toBeGreaterThanOrEqual(known.size);
    expect(listed.filter((code) => !known.has(code))).toEqual([]);
    expect(listed.filter((code, index) => listed.indexOf(code) !== index)).toEqual([]);
  });

  it('lists every warning and refusal of the convention reader', () => {
    for (const code of [...Object.keys(planWarningDescriptions), ...Object.keys(planFailureDescriptions)]) {
      expect(codesPage).toContain(`| \`${code}\` |`);
    }
  });
});
