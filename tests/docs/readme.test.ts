import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFailureDescriptions, planWarningDescriptions } from '../../src/domain/messages/plan';
import { issueCodes } from '../../src/domain/issue-codes';
import { cliErrorCodes } from '../../src/cli/failure';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('gives the two commands of a fresh machine: set up and write the workbook of the embedded plan, run the tests', () => {
    expect(readme).toContain('npm ci && npm run build && npx ctg-suivi generate');
    expect(readme).toMatch(/```sh\nnpm test\n```/);
  });

  it('lists every workbook issue code, validation and rewrites, with the severity the code gives it', () => {
    for (const [code, { severity }] of Object.entries(issueCodes)) {
      expect(readme).toContain(`| \`${code}\` | ${severity === 'error' ? 'erreur' : 'avertissement'} |`);
    }
  });

  it('describes each code in « Codes des problèmes » as the code describes itself, then adds what it will', () => {
    const section = readme.slice(readme.indexOf('## Codes des problèmes'), readme.indexOf('## Organisation du code'));
    const descriptions: [string, string][] = [
      ...Object.entries(issueCodes).map(([code, entry]): [string, string] => [code, entry.description]),
      ...Object.entries({ ...planWarningDescriptions, ...planFailureDescriptions }),
    ];
    const differing = descriptions.filter(([code, description]) => {
      const row = new RegExp(`^\\| \`${code}\` \\|(?: [a-z]+ \\|)? (.*) \\|$`, 'm').exec(section);
      return !row?.[1].startsWith(description);
    });
    expect(differing.map(([code]) => code)).toEqual([]);
  });

  it('lists no code that nothing gives any more in « Codes des problèmes »', () => {
    const section = readme.slice(readme.indexOf('## Codes des problèmes'), readme.indexOf('## Organisation du code'));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
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
      expect(readme).toContain(`| \`${code}\` |`);
    }
  });

  it('lists every error code of the command line in its section', () => {
    const section = readme.slice(readme.indexOf('## Ligne de commande'), readme.indexOf('## Codes des problèmes'));
    for (const code of cliErrorCodes) expect(section).toContain(`\`${code}\``);
  });
});
