import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { masterAndCcmpExtract } from '../merge/helpers/returned-extract';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';

/**
 * A partner's extract given to a command where the master is expected (a user's trial: `compute ext/ludo.xlsx`
 * answered « 1 erreur à corriger d’abord… puis les fichiers renvoyés »): every command says what the file is, whose
 * extract it is, what the command works on and how the extract's values reach the master; nothing is written. And
 * `validate`, which does check an extract, says what it checked.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-extract-given-'));
const path = (name: string) => join(folder, name);
const master = path('suivi.xlsx');
// A space in the name: the command to copy quotes it.
const extract = path('extrait ccmp.xlsx');

beforeAll(async () => {
  await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, extract);
}, 60_000);

const refusal = (work: string) =>
  [
    `${extract} est l’extrait envoyé à «\u00a0CCMP\u00a0», pas le classeur de suivi\u00a0: rien n’a été fait.`,
    work,
    'Pour reprendre dans le classeur de suivi ce que «\u00a0CCMP\u00a0» a saisi dans cet extrait, fusionnez-le\u00a0: ' +
      `npx ctg-suivi merge suivi.xlsx "${extract}" (suivi.xlsx\u00a0: votre classeur de suivi).`,
  ].join('\n');

const onMaster = (command: string, work: string) =>
  `La commande ${command} ${work} du classeur de suivi (le classeur maître)\u00a0: lancez-la sur celui-ci.`;

describe('a partner’s extract given where the master is expected', () => {
  it.each([
    ['compute', [extract], onMaster('compute', 'recalcule les taux')],
    ['close-quarter', [extract], onMaster('close-quarter', 'clôture le trimestre en cours')],
    ['undo', [extract], onMaster('undo', 'annule la dernière fusion')],
    ['extract', [extract, '--porteur', 'CCMP', '-o', path('autre.xlsx')], onMaster('extract', 'fait les extraits')],
    ['bilan', [extract, '--kind', 'annuel'], onMaster('bilan', 'fait le bilan')],
    [
      'merge',
      [extract, master],
      'La commande merge prend d’abord le classeur de suivi (le classeur maître), puis les fichiers renvoyés.',
    ],
    [
      'generate',
      ['-o', extract, '--force'],
      'La commande generate écrit un classeur de suivi, ou le régénère avec --force, jamais par-dessus un ' +
        'extrait\u00a0: donnez à -o le classeur de suivi, ou un autre nom.',
    ],
    [
      'generate',
      ['-o', extract],
      'La commande generate écrit un classeur de suivi, ou le régénère avec --force, jamais par-dessus un ' +
        'extrait\u00a0: donnez à -o le classeur de suivi, ou un autre nom.',
    ],
  ])(
    '%s %p: says whose extract it is, what the command works on and how to merge it; exit 2, nothing written',
    async (command, args, work) => {
      const before = readdirSync(folder).sort();
      const bytes = readFileSync(extract);
      const run = await runCli([command, ...args]);
      expect(run).toEqual({ code: 2, stdout: '', stderr: `${refusal(work)}\n` });
      expect(run.stderr).not.toContain('erreur');

      const json = await runCli([command, ...args, '--json']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).error).toEqual({
        code: 'workbook-is-extract',
        message: refusal(work),
        file: extract,
      });
      expect(readFileSync(extract).equals(bytes)).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(before);
    },
    60_000,
  );
});

describe('validate on a partner’s extract', () => {
  it('says whose extract it is, from which master, and what was checked', async () => {
    const ctg = fileGrids(extract).sheets.find((sheet) => sheet.name === '_ctg')!;
    // The day it was made in Paris, as the user reads it (the instant is UTC: 23:30 on the 6th is the 7th in Paris).
    const madeOn = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(
      new Date(String(ctg.rows[6][1]!.value)),
    );
    const territory = String(ctg.rows[3][1]!.value);
    const quarter = String(ctg.rows[10][1]!.value);

    const run = await runCli(['validate', extract]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${extract.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u00a0: 0 erreur, `));
    expect(lines[1]).toBe(
      `C’est l’extrait envoyé à «\u00a0CCMP\u00a0», fait le ${madeOn} à partir du classeur de suivi du ` +
        `territoire «\u00a0${territory}\u00a0», à compléter jusqu’au trimestre ${quarter}\u00a0; ce n’est pas le classeur ` +
        'de suivi.',
    );
    expect(lines[2]).toBe(
      'Dans un extrait, validate vérifie sa forme (feuilles, clés, en-têtes) et les cellules que «\u00a0CCMP\u00a0» ' +
        'remplit (types, listes, valeurs attendues)\u00a0: ses problèmes portent sur ce que ce destinataire remplit ou ' +
        'a changé, pas sur le classeur de suivi. Ce que la fusion en reprendrait\u00a0: npx ctg-suivi merge suivi.xlsx ' +
        `"${extract}" --dry-run (suivi.xlsx\u00a0: votre classeur de suivi).`,
    );

    const json = JSON.parse((await runCli(['validate', extract, '--json'])).stdout);
    expect(json.extract).toEqual({
      recipient: 'CCMP',
      territory,
      madeAt: String(ctg.rows[6][1]!.value),
      quarter,
    });
  });

  it('says nothing of an extract for the master', async () => {
    const run = await runCli(['validate', master]);
    expect(run.stdout).not.toContain('extrait');
    expect(JSON.parse((await runCli(['validate', master, '--json'])).stdout).extract).toBeNull();
  });
});
