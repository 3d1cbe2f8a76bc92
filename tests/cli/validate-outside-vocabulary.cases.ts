import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { runCli } from './run-cli';

/**
 * `validate`'s warning of a champ outside the convention vocabulary says how to regenerate the workbook once its
 * plan's text is corrected: the command, on the file checked, in the text and in `--json`.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-validate-vocabulary-'));
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('ctg-suivi validate and a name outside the vocabulary', () => {
  it('names the command that regenerates the file checked', async () => {
    const file = join(folder, 'pilat.xlsx');
    const entries = [{ key: 'G1', header: "Champ(s) d'intervention", value: 'Parentalité' }];
    writeFileSync(file, await territoryBytes({ ...pilat, entries }));
    const command = `« npx ctg-suivi generate --plan convention.txt -o ${file} --force »`;
    const text = await runCli(['validate', file]);
    expect(plain(text.stdout)).toContain(
      `écrivez-le ainsi dans le texte du plan, puis régénérez le classeur (${command}) : cette cellule vient du plan`,
    );
    const json = JSON.parse((await runCli(['validate', file, '--json'])).stdout);
    const [warning] = json.issues.filter((issue: { code: string }) => issue.code === 'outside-convention-vocabulary');
    expect(plain(warning.message)).toContain(`puis régénérez le classeur (${command})`);
    expect(warning.params.workbook).toBeUndefined();
  });
});
