import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * A workbook open in a spreadsheet (its lock file beside it: LibreOffice's `.~lock.<name>#`, Excel's `~$<name>`)
 * rewritten in place: the spreadsheet's next save would replace what the command wrote, both saying they were done.
 * The command refuses before any work, naming the lock file, and says what to do.
 */

const NBSP = '\u00a0';
const folder = mkdtempSync(join(tmpdir(), 'ctg-open-elsewhere-'));
const workbook = join(folder, 'suivi.xlsx');

beforeAll(() => generatedWorkbook(workbook), 60_000);

it.each([['.~lock.suivi.xlsx#'], ['~$suivi.xlsx']])(
  'compute and close-quarter leave a workbook whose lock file %s is beside it',
  async (lockName) => {
    const lock = join(folder, lockName);
    writeFileSync(lock, 'Marie,poste-12,…');
    const before = readFileSync(workbook);
    for (const command of ['compute', 'close-quarter']) {
      const run = await runCli([command, workbook, '--json']);
      expect(run.code).toBe(2);
      const { error } = JSON.parse(run.stdout);
      expect(error.code).toBe('workbook-open');
      expect(error.message).toBe(
        `${workbook} est ouvert dans un tableur (son fichier de verrou, ${lock}, est à côté)${NBSP}: il n’a pas été ` +
          'modifié, car le prochain enregistrement du tableur remplacerait ce que la commande y écrirait. Fermez-le, ' +
          `puis relancez la commande${NBSP}; s’il n’est ouvert nulle part (verrou resté après un arrêt du tableur), ` +
          `supprimez ${lock}.`,
      );
    }
    expect(readFileSync(workbook).equals(before)).toBe(true);
    rmSync(lock);
    expect((await runCli(['compute', workbook])).code).toBe(0);
  },
  60_000,
);
