import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../src/xlsx/writer';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { runCli } from './run-cli';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * `merge --sheet NOM` naming a sheet the master lacks: the message lists the sheets the person can name instead, those
 * where a table may have been pasted. Not the tool's own (Guide, the axis sheets, Journal…, and `_ctg`, hidden in
 * Excel), which --sheet refuses anyway, as the pane does not offer them.
 */

const today = new Date('2026-08-10T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-sheet-'));
const master = join(folder, 'suivi.xlsx');
const pasted = join(folder, 'suivi-colle.xlsx');
let masterBytes: Uint8Array;
let pastedBytes: Uint8Array;

beforeAll(async () => {
  masterBytes = await writeXlsx((await buildNewWorkbook(samplePlan(), { today })).spec);
  writeFileSync(master, masterBytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(masterBytes) as unknown as ExcelJS.Buffer);
  workbook.addWorksheet('Retour mail').addRow(['Clé', 'Statut']);
  workbook.addWorksheet('Notes');
  pastedBytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  writeFileSync(pasted, pastedBytes);
}, 30_000);

describe('merge --sheet naming a sheet the master lacks', () => {
  it('lists the sheets a person added, not the tool’s own nor its hidden _ctg (exit 2, nothing written)', async () => {
    const run = await runCli(['merge', pasted, '--sheet', 'Retour', '--partenaire', 'CCMP']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `${pasted} n’a pas de feuille «\u00a0Retour\u00a0» (feuilles ajoutées au classeur\u00a0: Retour mail, Notes). ` +
        'Donnez avec --sheet le nom exact de la feuille où le tableau a été collé.\n',
    });
    expectSameBytes(new Uint8Array(readFileSync(pasted)), pastedBytes);
  });

  it('says where to paste the table when the master has no sheet of the person’s', async () => {
    const run = await runCli(['merge', master, '--sheet', 'Retour', '--partenaire', 'CCMP', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'sheet-not-found',
        option: '--sheet',
        message:
          `${master} n’a pas de feuille «\u00a0Retour\u00a0», ni aucune feuille ajoutée où un tableau aurait été ` +
          'collé\u00a0: collez le tableau reçu dans une nouvelle feuille du classeur, puis donnez son nom avec --sheet.',
      },
    });
    expect(run.stdout).not.toContain('_ctg');
    expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
  });
});

/**
 * `merge suivi.xlsx --sheet retour.xlsx`: the returned file given as if it were a pasted sheet. A value Excel would
 * never take for a sheet's name (a path: Excel allows neither slash nor backslash in one) is refused before anything is read; a
 * plain file name is only known not to be a sheet once the master is read, and is then said to be a file.
 */
describe('merge --sheet given a returned file rather than a sheet', () => {
  const returned = join(folder, 'retour.xlsx');
  beforeAll(() => copyFileSync(master, returned));

  it('refuses a path to a file before reading anything, saying to give it without --sheet', async () => {
    const run = await runCli(['merge', join(folder, 'absent.xlsx'), '--sheet', returned, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'sheet-is-a-file',
        option: '--sheet',
        message:
          `${returned} est un fichier, pas une feuille du classeur\u00a0: --sheet attend le nom de la feuille où un ` +
          'tableau reçu a été collé. Pour fusionner ce fichier renvoyé, donnez-le après le classeur de suivi, sans ' +
          `--sheet\u00a0: npx ctg-suivi merge ${join(folder, 'absent.xlsx')} ${returned}. Rien n’a été lu ni écrit.`,
      },
    });
  });

  it('refuses a name Excel would not give a sheet, before reading anything', async () => {
    const run = await runCli(['merge', join(folder, 'absent.xlsx'), '--sheet', 'Retour/mai']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '«\u00a0Retour/mai\u00a0» ne peut pas être le nom d’une feuille (Excel n’y permet aucun des caractères ' +
        '\\/?*[]:)\u00a0: donnez avec --sheet le nom exact de la feuille où le tableau reçu a été collé. Rien ' +
        'n’a été lu ni écrit.\n',
    });
  });

  it('says a file name beside the command is a file, once the master has no such sheet', async () => {
    const before = process.cwd();
    process.chdir(folder);
    try {
      const run = await runCli(['merge', master, '--sheet', 'retour.xlsx', '--partenaire', 'CCMP']);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr:
          '«\u00a0retour.xlsx\u00a0» est un fichier, pas une feuille du classeur\u00a0: --sheet attend le nom de la ' +
          'feuille où un tableau reçu a été collé. Pour fusionner ce fichier renvoyé, donnez-le après le classeur de ' +
          `suivi, sans --sheet\u00a0: npx ctg-suivi merge ${master} retour.xlsx. Rien n’a été écrit.\n`,
      });
    } finally {
      process.chdir(before);
    }
    expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
  });
});
