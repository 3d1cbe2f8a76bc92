import { copyFileSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { sheet } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { typeWithExcel } from '../cli/type-with-excel';
import { partnerRound } from './helpers/partner-round';

/**
 * Whose a returned extract is (docs/WORKBOOK.md, « Merging returned rows », whose rows): the recipient its `_ctg`
 * names must be one the master knows, and report only on the fiches that go to it there; `--partenaire` naming
 * another is refused; the same conflict or file named twice is said once.
 */

const { master, masterGrids, masterValue, returned, path } = partnerRound('ctg-merge-recipients-', [
  { key: 'G1', header: 'Partenaires', value: 'Centre social ; Mairie de Marlhes' },
  { key: 'G2', header: 'Partenaires', value: 'Mairie de Marlhes' },
]);

describe('an extract whose `_ctg` recipient was retyped', () => {
  it('is refused whole when the master knows no such recipient', async () => {
    const file = await returned(
      'Mairie de Marlhes',
      'toto.xlsx',
      [{ key: 'G2', header: 'Statut', value: 'Réalisée' }],
      'Toto SARL',
    );
    const run = await runCli(['merge', master, file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'le fichier dit être l’extrait de «\u00a0Toto SARL\u00a0», que le classeur de suivi ne connaît pas',
    );
    expect(run.stdout).toContain('Le classeur n’a pas été modifié');
    expect(masterValue('G2', 'Statut')).toBeNull();
  }, 60_000);

  it('is refused whole, with the way back, when the officer took the recipient out of its fiches since', async () => {
    const file = await returned('Mairie de Marlhes', 'retiree.xlsx', [
      { key: 'G2', header: 'Statut', value: 'Réalisée' },
    ]);
    await typeWithExcel(master, [
      { key: 'G1', header: 'Partenaires', value: 'Centre social' },
      { key: 'G2', header: 'Partenaires', value: null },
    ]);
    const run = await runCli(['merge', master, file]);
    expect(run.code).toBe(1);
    const said = run.stdout.replace(/\u00a0/g, ' ');
    expect(said).toContain('l’extrait de « Mairie de Marlhes », que le classeur de suivi ne connaît pas');
    expect(said).toContain(
      'Si ce destinataire a été retiré des fiches depuis l’extrait, remettez son nom dans la colonne « Partenaires » ' +
        'de ses fiches, puis fusionnez à nouveau.',
    );
    expect(masterValue('G2', 'Statut')).toBeNull();
  }, 60_000);

  it('reports only on the fiches that go to the recipient it names in the master', async () => {
    const file = await returned(
      'Mairie de Marlhes',
      'comme-centre.xlsx',
      [
        { key: 'G1', header: 'Statut', value: 'En cours' },
        { key: 'G2', header: 'Statut', value: 'Réalisée' },
      ],
      'Centre social',
    );
    const run = await runCli(['merge', master, file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('la fiche G2 ne va pas à «\u00a0Centre social\u00a0»');
    expect(masterValue('G2', 'Statut')).toBeNull();
    expect(masterValue('G1', 'Statut')).toBe('En cours');
    const contributions = readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries;
    expect(contributions.map((line) => `${line.partner} ${line.key}`)).toEqual(['Centre social G1']);
  }, 60_000);
});

describe('--partenaire given with an extract', () => {
  it('is refused when it names another partner than the extract’s, and accepted when it names the same', async () => {
    const file = await returned('Mairie de Marlhes', 'mairie.xlsx', [
      { key: 'G2', header: 'Statut', value: 'Réalisée' },
    ]);
    const other = await runCli(['merge', master, file, '--partenaire', 'Centre social']);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(
      'le fichier est l’extrait fait pour «\u00a0Mairie de Marlhes\u00a0», pas pour «\u00a0Centre social\u00a0» (--partenaire)',
    );
    expect(masterValue('G2', 'Statut')).toBeNull();

    const same = await runCli(['merge', master, file, '--partenaire', 'mairie de marlhes']);
    expect(same.code).toBe(0);
    expect(masterValue('G2', 'Statut')).toBe('Réalisée');
  }, 60_000);
});

describe('the same conflict or file named twice', () => {
  it('takes a conflict named by its header and its id once, and refuses a file given twice', async () => {
    const centre = await returned('Centre social', 'centre.xlsx', [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
    const mairie = await returned('Mairie de Marlhes', 'mairie2.xlsx', [
      { key: 'G1', header: 'Statut', value: 'Réalisée' },
    ]);
    expect((await runCli(['merge', master, centre])).code).toBe(0);

    const twice = await runCli(['merge', master, mairie, mairie, '--dry-run']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('mairie2.xlsx est donné deux fois parmi les fichiers renvoyés');

    const taken = await runCli(['merge', master, mairie, '--take', 'G1:Statut', '--take', 'g1:status']);
    expect(taken.stdout).not.toContain('ne correspond à aucun conflit');
    expect(taken.code).toBe(0);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
  }, 60_000);

  it('refuses two returned files of the same name from two folders, which its lines could not tell apart', async () => {
    const first = await returned('Centre social', 'retour.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]);
    const second = await returned('Mairie de Marlhes', 'autre.xlsx', [
      { key: 'G1', header: 'Statut', value: 'Reportée' },
    ]);
    mkdirSync(path('d2'), { recursive: true });
    const moved = path(join('d2', 'retour.xlsx'));
    renameSync(second, moved);
    const before = readFileSync(master);
    const run = await runCli(['merge', master, first, moved]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${first} et ${moved} portent le même nom, retour.xlsx\u00a0: la fusion nomme chaque fichier renvoyé par son ` +
        'nom (dans ses lignes, le Journal, «\u00a0Contributions\u00a0» et --take) et ne pourrait pas les distinguer. ' +
        'Renommez l’un des deux (par exemple retour-2.xlsx), puis relancez la fusion. Rien n’a été lu ni écrit.',
    );
    expect(readFileSync(master).equals(before)).toBe(true);
    const json = JSON.parse((await runCli(['merge', master, first, moved, '--json'])).stdout);
    expect(json.error).toEqual(expect.objectContaining({ code: 'returned-same-name', file: moved }));
  }, 60_000);

  it('merges once a copy of a returned file saved under another name, saying which file it repeats', async () => {
    const first = await returned('Mairie de Marlhes', 'retour_mairie.xlsx', [
      { key: 'G1', header: 'Statut', value: 'Réalisée' },
      { key: 'G1-QN1', header: '2026-T3', value: 'beaucoup' },
    ]);
    const copy = path('retour_mairie (1).xlsx');
    copyFileSync(first, copy);
    const alone = await runCli(['merge', master, first, '--dry-run', '--json']);
    const both = await runCli(['merge', master, first, copy, '--json']);
    // As the file given alone: a refused value makes the exit 1, the copy adds no refusal and no exit of its own.
    expect(both.code).toBe(alone.code);
    expect(both.code).toBe(1);
    const report = JSON.parse(both.stdout);
    expect(report.rejected).toEqual(JSON.parse(alone.stdout).rejected);
    expect(report.applied.map((change: { source: string }) => change.source)).toEqual(['retour_mairie.xlsx']);
    expect(report.notes).toEqual([
      expect.objectContaining({
        source: 'retour_mairie.xlsx',
        code: 'merge-same-file',
        message:
          '«\u00a0retour_mairie (1).xlsx\u00a0» est le même fichier que «\u00a0retour_mairie.xlsx\u00a0» (contenu ' +
          'identique, octet pour octet)\u00a0: il n’est fusionné qu’une fois, sous le nom «\u00a0retour_mairie.xlsx\u00a0», ' +
          'et rien n’en est repris ni refusé deux fois.',
      }),
    ]);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    // The Journal and Contributions hold the value once, under the copies' shortest name.
    const contributions = readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries;
    expect(contributions.map((line) => `${line.file} ${line.key}`)).toEqual(['retour_mairie.xlsx G1']);

    // A --take naming the copy is told the name its file was merged under.
    const named = await runCli([
      'merge',
      master,
      first,
      copy,
      '--take',
      'G1:Statut:retour_mairie (1).xlsx',
      '--dry-run',
    ]);
    expect(named.stdout).toContain(
      '«\u00a0retour_mairie (1).xlsx\u00a0» est une copie de «\u00a0retour_mairie.xlsx\u00a0», fusionnée sous ce ' +
        'nom\u00a0: nommez-le dans --take (par exemple --take "G1:Statut:retour_mairie.xlsx").',
    );

    // The lines say it once, the refusal once; given in the other order, the same file is merged, not the first given.
    const lines = await runCli(['merge', master, copy, first, '--dry-run']);
    expect(lines.stdout.split('beaucoup').length - 1).toBe(1);
    expect(lines.stdout).toContain(
      '«\u00a0retour_mairie (1).xlsx\u00a0» est le même fichier que «\u00a0retour_mairie.xlsx\u00a0»',
    );
  }, 60_000);
});
