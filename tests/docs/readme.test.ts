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

  it('lists every workbook issue code with the severity the code gives it', () => {
    for (const [code, { severity }] of Object.entries(issueCodes)) {
      expect(readme).toContain(`| \`${code}\` | ${severity === 'error' ? 'erreur' : 'avertissement'} |`);
    }
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
