import { readFileSync, writeFileSync } from 'node:fs';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { runCli } from '../cli/run-cli';
import { sheet } from '../rewrite/helpers';
import { partnerRound } from './helpers/partner-round';

/**
 * Several returns of one merge holding different values for one cell (docs/WORKBOOK.md, « Merging returned rows »):
 * each conflict's --take names its file, so that the value the officer takes is the one that stays, and a --take that
 * would take two values into one cell, the last replacing the first, is refused before anything is written.
 */

const { master, masterGrids, masterValue, restoreMaster, returned, typeInMaster } = partnerRound('ctg-merge-take-', [
  { key: 'G1', header: 'Partenaires', value: 'Centre social ; Mairie de Marlhes' },
]);

/** The two partners' returns of G1's Statut, the officer having typed « En cours » in the master since. */
async function twoStatuses(centre: string, mairie: string) {
  await typeInMaster('G1', 'Statut', 'En cours');
  return [
    await returned('Centre social', 'centre.xlsx', [{ key: 'G1', header: 'Statut', value: centre }]),
    await returned('Mairie de Marlhes', 'mairie.xlsx', [{ key: 'G1', header: 'Statut', value: mairie }]),
  ];
}

describe('a cell for which several returns of one merge conflict', () => {
  it('names each conflict’s file in the --take to type, and takes that file’s value only', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const dry = await runCli(['merge', master, ...files, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(
      '(centre.xlsx\u00a0; le classeur a déjà une autre valeur\u00a0; un autre fichier renvoyé de cette fusion donne ' +
        'une autre valeur\u00a0: «\u00a0Reportée\u00a0» (mairie.xlsx)) — non repris\u00a0: --take "G1:Statut:centre.xlsx" pour la prendre',
    );
    expect(dry.stdout).toContain(
      '(mairie.xlsx\u00a0; le classeur a déjà une autre valeur\u00a0; un autre fichier renvoyé de cette fusion donne ' +
        'une autre valeur\u00a0: «\u00a0Réalisée\u00a0» (centre.xlsx)) — non repris\u00a0: --take "G1:Statut:mairie.xlsx" pour la prendre',
    );
    // --json gives each conflict's --take as the line does.
    const json = JSON.parse((await runCli(['merge', master, ...files, '--dry-run', '--json'])).stdout);
    expect(json.conflicts.map((conflict: { take: string }) => conflict.take)).toEqual([
      'G1:Statut:centre.xlsx',
      'G1:Statut:mairie.xlsx',
    ]);

    // The first file's value taken: the second file's conflict, told as before the take (the order of the files
    // deciding nothing), is not taken, and the cell keeps the value taken.
    const run = await runCli(['merge', master, ...files, '--take', 'G1:Statut:centre.xlsx']);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '(centre.xlsx\u00a0; le classeur a déjà une autre valeur\u00a0; un autre fichier renvoyé de cette fusion donne ' +
        'une autre valeur\u00a0: «\u00a0Reportée\u00a0» (mairie.xlsx)) — valeur renvoyée reprise',
    );
    expect(run.stdout).toContain(
      'renvoyé «\u00a0Reportée\u00a0» (mairie.xlsx\u00a0; le classeur a déjà une autre valeur\u00a0; un autre fichier ' +
        'renvoyé de cette fusion donne une autre valeur\u00a0: «\u00a0Réalisée\u00a0» (centre.xlsx)) — non repris, la ' +
        'valeur de centre.xlsx est reprise à sa place',
    );
    // Given in the other order, the lines are the same.
    restoreMaster();
    await typeInMaster('G1', 'Statut', 'En cours');
    const reversed = await runCli(['merge', master, ...[...files].reverse(), '--take', 'G1:Statut:centre.xlsx']);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    const conflictLines = (stdout: string) =>
      stdout
        .split('\n')
        .filter((line) => line.includes('Conflit'))
        .sort();
    expect(conflictLines(reversed.stdout)).toEqual(conflictLines(run.stdout));
  }, 60_000);

  it('refuses a bare --take that would take both values, listing them and the --take to type, writing nothing', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const before = readFileSync(master);
    const run = await runCli(['merge', master, ...files, '--take', 'G1:Statut']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '--take "G1:Statut" prendrait pour G1, Statut plusieurs valeurs renvoyées, la dernière remplaçant les autres\u00a0: ' +
        '«\u00a0Réalisée\u00a0» (centre.xlsx, Centre social), «\u00a0Reportée\u00a0» (mairie.xlsx, Mairie de Marlhes). ' +
        'Ne donnez pour cette cellule qu’un --take, celui de la valeur à prendre\u00a0: --take "G1:Statut:centre.xlsx" ou ' +
        '--take "G1:Statut:mairie.xlsx". Rien n’a été écrit.\n',
    );
    expect(readFileSync(master).equals(before)).toBe(true);
    expect(masterValue('G1', 'Statut')).toBe('En cours');

    // A dry run is refused alike, and --json gives the candidates beside the error.
    const json = await runCli(['merge', master, ...files, '--take', 'g1:statut', '--dry-run', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      file: master,
      written: false,
      ambiguousTakes: [
        {
          key: 'G1',
          column: 'Statut',
          takes: ['g1:statut'],
          preferIncoming: false,
          candidates: [
            { source: 'centre.xlsx', partner: 'Centre social', value: 'Réalisée', take: 'G1:Statut:centre.xlsx' },
            { source: 'mairie.xlsx', partner: 'Mairie de Marlhes', value: 'Reportée', take: 'G1:Statut:mairie.xlsx' },
          ],
        },
      ],
      unreadable: [],
      error: {
        code: 'take-ambiguous',
        option: '--take',
        message: expect.stringMatching(/^--take "g1:statut" prendrait pour G1, Statut plusieurs valeurs renvoyées/),
      },
    });
  }, 60_000);

  it('refuses a bare --take whose value taken would make a later return’s value a conflict it takes too', async () => {
    // The Mairie confirms the officer's « En cours », the Centre social says « Réalisée »: the returns disagree, so
    // the confirmation is held too, whichever file comes first, until the officer takes one.
    const files = await twoStatuses('Réalisée', 'En cours');
    const dry = await runCli(['merge', master, ...files, '--dry-run']);
    expect(dry.stdout).toContain('--take "G1:Statut:centre.xlsx" pour la prendre');
    expect(dry.stdout).toContain(
      'renvoyé «\u00a0En cours\u00a0» (mairie.xlsx\u00a0; un autre fichier renvoyé de cette fusion donne une autre ' +
        'valeur\u00a0: «\u00a0Réalisée\u00a0» (centre.xlsx)) — non repris\u00a0: --take "G1:Statut:mairie.xlsx"',
    );
    expect(dry.stdout).toContain('2 conflits en attente');

    const bare = await runCli(['merge', master, ...files, '--take', 'G1:Statut']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(
      '«\u00a0Réalisée\u00a0» (centre.xlsx, Centre social), «\u00a0En cours\u00a0» (mairie.xlsx, Mairie de Marlhes)',
    );
    expect(masterValue('G1', 'Statut')).toBe('En cours');

    const named = await runCli(['merge', master, ...files, '--take', 'G1:Statut:centre.xlsx']);
    expect(named.code).toBe(0);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
  }, 60_000);

  it('says a --take naming a file that has no such conflict took nothing, and to check the file’s name', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const run = await runCli(['merge', master, ...files, '--take', 'G1:Statut:centre-v2.xlsx', '--dry-run']);
    expect(run.stdout).toContain(
      '  Note\u00a0: --take G1:Statut:centre-v2.xlsx ne correspond à aucun conflit de cette fusion\u00a0: il n’a rien ' +
        'pris. Vérifiez la clé, la colonne et le nom du fichier renvoyé (par exemple --take ' +
        '"G1-QN1:2026-T3:retour.xlsx").',
    );
  }, 60_000);

  it('finds the file a --take names whatever its case, as Windows and macOS do', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const run = await runCli(['merge', master, ...files, '--take', 'G1:Statut:Centre.XLSX']);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    expect(run.stdout).toContain('«\u00a0Reportée\u00a0» (mairie.xlsx)) — valeur renvoyée reprise');
    expect(run.stdout).not.toContain('ne correspond à aucun conflit');

    // With --prefer incoming, the other file's value stays out of the cell as it does for the name typed exactly.
    restoreMaster();
    await typeInMaster('G1', 'Statut', 'En cours');
    const preferred = await runCli([
      'merge',
      master,
      ...files,
      '--prefer',
      'incoming',
      '--take',
      'G1:Statut:CENTRE.xlsx',
    ]);
    expect(preferred.code).toBe(0);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
  }, 60_000);

  it('reads the file of a --take by its exact name when two returns’ names differ only by case', async () => {
    await typeInMaster('G1', 'Statut', 'En cours');
    const files = [
      await returned('Centre social', 'retour.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]),
      await returned('Mairie de Marlhes', 'Retour.xlsx', [{ key: 'G1', header: 'Statut', value: 'Reportée' }]),
    ];
    // Neither named exactly: nothing is taken, and the note says why and what to type.
    const loose = await runCli(['merge', master, ...files, '--take', 'G1:Statut:RETOUR.xlsx', '--dry-run']);
    expect(loose.stdout).toContain(
      '  Note\u00a0: --take G1:Statut:RETOUR.xlsx ne correspond à aucun conflit de cette fusion\u00a0: il n’a rien ' +
        'pris. Plusieurs fichiers renvoyés portent ce nom aux majuscules près (retour.xlsx, Retour.xlsx)\u00a0: ' +
        'écrivez-le avec les majuscules de celui dont la valeur est à prendre (par exemple --take ' +
        '"G1:Statut:retour.xlsx").',
    );
    expect(loose.stdout).toContain('2 conflits en attente');

    const exact = await runCli(['merge', master, ...files, '--take', 'G1:Statut:Retour.xlsx']);
    expect(exact.code).toBe(0);
    expect(masterValue('G1', 'Statut')).toBe('Reportée');
  }, 60_000);

  it('refuses two --take that would take two files’ values into the one cell', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const run = await runCli([
      'merge',
      master,
      ...files,
      '--take',
      'G1:Statut:centre.xlsx',
      '--take',
      `G1:Statut:${files[1]}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--take "G1:Statut:centre.xlsx" et --take "G1:Statut:${files[1]}" prendraient pour G1, Statut plusieurs valeurs`,
    );
    expect(masterValue('G1', 'Statut')).toBe('En cours');
  }, 60_000);

  it('takes with a bare --take several partners’ changed values into a quarter cell that adds them', async () => {
    const quarter = (partner: 'Centre social' | 'Mairie de Marlhes', name: string, value: number) =>
      returned(partner, name, [{ key: 'G1-QN1', header: '2026-T3', value }]);
    const first = [
      await quarter('Centre social', 'centre.xlsx', 5),
      await quarter('Mairie de Marlhes', 'mairie.xlsx', 6),
    ];
    expect((await runCli(['merge', master, ...first])).code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBe(11);
    // Each partner changes its own value: two conflicts on the cell, each partner's own contribution.
    const next = [
      await quarter('Centre social', 'centre-2.xlsx', 7),
      await quarter('Mairie de Marlhes', 'mairie-2.xlsx', 8),
    ];
    const dry = JSON.parse((await runCli(['merge', master, ...next, '--dry-run', '--json'])).stdout);
    expect(dry.conflicts.map((conflict: { reason: string }) => conflict.reason)).toEqual([
      'own-changed',
      'own-changed',
    ]);
    const run = await runCli(['merge', master, ...next, '--take', 'G1-QN1:2026-T3']);
    expect(run.code).toBe(0);
    // Neither replaces the other: the cell adds them.
    expect(masterValue('G1-QN1', '2026-T3')).toBe(15);
  }, 60_000);

  it('takes into a quarter cell the officer typed only the partner’s value a --take names, whatever the order', async () => {
    // The officer typed 2; each partner returns its own value: two conflicts, one per partner's share of the cell.
    await typeInMaster('G1-QN1', '2026-T3', 2);
    const typed = readFileSync(master);
    const files = [
      await returned('Centre social', 'centre.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 6 }]),
      await returned('Mairie de Marlhes', 'mairie.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 5 }]),
    ];
    for (const order of [files, [...files].reverse()]) {
      writeFileSync(master, typed);
      const run = await runCli(['merge', master, ...order, '--take', 'G1-QN1:2026-T3:centre.xlsx']);
      // The Mairie's value is not taken unless chosen, whichever file came first.
      expect(masterValue('G1-QN1', '2026-T3')).toBe(6);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('--take "G1-QN1:2026-T3:mairie.xlsx" pour la prendre');
    }
  }, 60_000);

  it('says of the other files’ conflicts on a cell a --take filled that their value is not taken, another being', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const run = await runCli(['merge', master, ...files, '--take', 'G1:Statut:centre.xlsx']);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    // No --take left to type for the cell: the officer chose its value.
    expect(run.stdout).toContain('(centre.xlsx)) — non repris, la valeur de centre.xlsx est reprise à sa place');
    expect(run.stdout).not.toContain('--take "G1:Statut:mairie.xlsx" pour la prendre');
    expect(run.stdout).toContain('0 conflit en attente');
    expect(run.code).toBe(0);
  }, 60_000);

  it('refuses --prefer incoming that would take both values, as a bare --take, writing nothing', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const before = readFileSync(master);
    const run = await runCli(['merge', master, ...files, '--prefer', 'incoming']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--prefer incoming prendrait pour G1, Statut plusieurs valeurs renvoyées, la dernière remplaçant les ' +
        'autres\u00a0: «\u00a0Réalisée\u00a0» (centre.xlsx, Centre social), «\u00a0Reportée\u00a0» (mairie.xlsx, ' +
        'Mairie de Marlhes). Ne donnez pour cette cellule qu’un --take, celui de la valeur à prendre\u00a0: ' +
        '--take "G1:Statut:centre.xlsx" ou --take "G1:Statut:mairie.xlsx".',
    );
    expect(readFileSync(master).equals(before)).toBe(true);
    const json = JSON.parse((await runCli(['merge', master, ...files, '--prefer', 'incoming', '--json'])).stdout);
    expect(json.ambiguousTakes).toEqual([expect.objectContaining({ key: 'G1', takes: [], preferIncoming: true })]);
  }, 60_000);

  it('takes with --prefer incoming the file’s value a --take names for the cell, keeping the other file’s', async () => {
    const files = await twoStatuses('Réalisée', 'Reportée');
    const run = await runCli(['merge', master, ...files, '--prefer', 'incoming', '--take', 'G1:Statut:centre.xlsx']);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '(mairie.xlsx\u00a0; le classeur a déjà une autre valeur\u00a0; un autre fichier renvoyé de cette fusion donne ' +
        'une autre valeur\u00a0: «\u00a0Réalisée\u00a0» (centre.xlsx)) — non repris, la valeur de centre.xlsx est ' +
        'reprise à sa place',
    );
    restoreMaster();
    await typeInMaster('G1', 'Statut', 'En cours');
    const json = JSON.parse(
      (await runCli(['merge', master, ...files, '--prefer', 'incoming', '--take', 'G1:Statut:centre.xlsx', '--json']))
        .stdout,
    );
    const mairieConflict = json.conflicts.find((conflict: { source: string }) => conflict.source === 'mairie.xlsx');
    expect(mairieConflict).toEqual(expect.objectContaining({ resolution: 'master', takenInstead: 'centre.xlsx' }));
  }, 60_000);
});

describe('three returns of one Statut, two of them giving the same value', () => {
  it('takes with the file a --take names the same value of another file, whatever the order', async () => {
    const files = [
      await returned('Centre social', 'centre.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]),
      await returned('Mairie de Marlhes', 'mairie.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]),
      await returned('Centre social', 'centre-2.xlsx', [{ key: 'G1', header: 'Statut', value: 'Reportée' }]),
    ];
    for (const order of [files, [...files].reverse()]) {
      const run = await runCli(['merge', master, ...order, '--take', 'G1:Statut:centre.xlsx', '--json']);
      expect(masterValue('G1', 'Statut')).toBe('Réalisée');
      // The Mairie's « Réalisée » is the value chosen: taken too (its contribution noted), not left pending; the
      // other value is not taken, the one chosen being in its place.
      const report = JSON.parse(run.stdout);
      const resolved = report.conflicts.map(
        (conflict: { take: string; resolution: string | null; takenInstead: string | null }) =>
          `${conflict.take} ${conflict.resolution} ${conflict.takenInstead}`,
      );
      expect(resolved.sort()).toEqual([
        'G1:Statut:centre-2.xlsx master centre.xlsx',
        'G1:Statut:centre.xlsx incoming null',
        'G1:Statut:mairie.xlsx incoming null',
      ]);
      const contributions = readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries;
      expect(contributions.map((line) => line.file).sort()).toEqual(['centre.xlsx', 'mairie.xlsx']);
      expect(run.code).toBe(0);
      restoreMaster();
    }
  }, 60_000);
});

describe('two --take naming files whose values differ, a third file agreeing with one', () => {
  it('refuses them naming only the --take given, never a --prefer incoming that was not', async () => {
    const files = [
      await returned('Centre social', 'centre.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]),
      await returned('Mairie de Marlhes', 'mairie.xlsx', [{ key: 'G1', header: 'Statut', value: 'Reportée' }]),
      await returned('Centre social', 'centre-2.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]),
    ];
    const takes = ['--take', 'G1:Statut:centre.xlsx', '--take', 'G1:Statut:mairie.xlsx'];
    const run = await runCli(['merge', master, ...files, ...takes]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--take "G1:Statut:centre.xlsx" et --take "G1:Statut:mairie.xlsx" prendraient pour G1, Statut plusieurs valeurs',
    );
    expect(run.stderr).not.toContain('--prefer');
    const json = JSON.parse((await runCli(['merge', master, ...files, ...takes, '--json'])).stdout);
    expect(json.ambiguousTakes).toEqual([expect.objectContaining({ key: 'G1', preferIncoming: false })]);
  }, 60_000);
});

describe('two returns of one partner giving two values for one quarter cell', () => {
  /** Two copies of the Centre social's extract, G1-QN1's 2026-T3 set to 7 in one and 9 in the other. */
  const twoCopies = async () => [
    await returned('Centre social', 'a.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 7 }]),
    await returned('Centre social', 'b.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 9 }]),
  ];

  it('holds both values as conflicts, whatever the order of the files, each with the --take that takes it', async () => {
    const files = await twoCopies();
    for (const order of [files, [...files].reverse()]) {
      const dry = await runCli(['merge', master, ...order, '--dry-run']);
      expect(dry.code).toBe(1);
      expect(dry.stdout).not.toContain('Valeurs reprises');
      expect(dry.stdout).toContain('--take "G1-QN1:2026-T3:a.xlsx" pour la prendre');
      expect(dry.stdout).toContain('--take "G1-QN1:2026-T3:b.xlsx" pour la prendre');
      expect(dry.stdout).toContain('un autre fichier renvoyé de cette fusion donne une autre valeur');
      expect(dry.stdout).toContain('2 conflits en attente');
      const json = JSON.parse((await runCli(['merge', master, ...order, '--dry-run', '--json'])).stdout);
      expect(json.applied).toEqual([]);
      expect(json.conflicts.map((conflict: { reason: string; take: string }) => conflict.take).sort()).toEqual([
        'G1-QN1:2026-T3:a.xlsx',
        'G1-QN1:2026-T3:b.xlsx',
      ]);
      expect(json.conflicts.map((conflict: { reason: string }) => conflict.reason)).toEqual([
        'returns-differ',
        'returns-differ',
      ]);
      // Without a choice, nothing of the cell is taken.
      const run = await runCli(['merge', master, ...order]);
      expect(run.code).toBe(1);
      expect(masterValue('G1-QN1', '2026-T3')).toBeNull();
      restoreMaster();
    }
  }, 60_000);

  it('refuses --prefer incoming and a bare --take, which would take both, whatever the order', async () => {
    const files = await twoCopies();
    for (const order of [files, [...files].reverse()]) {
      for (const choice of [
        ['--prefer', 'incoming'],
        ['--take', 'G1-QN1:2026-T3'],
      ]) {
        const before = readFileSync(master);
        const run = await runCli(['merge', master, ...order, ...choice, '--dry-run']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('prendrait pour G1-QN1, 2026-T3 plusieurs valeurs renvoyées');
        expect(run.stderr).toContain('«\u00a07\u00a0» (a.xlsx, Centre social)');
        expect(run.stderr).toContain('«\u00a09\u00a0» (b.xlsx, Centre social)');
        expect(run.stderr).toContain('--take "G1-QN1:2026-T3:a.xlsx"');
        expect(run.stderr).toContain('--take "G1-QN1:2026-T3:b.xlsx"');
        expect(readFileSync(master).equals(before)).toBe(true);
      }
    }
  }, 60_000);

  it('takes the value of the file a --take names, whatever the order, the other one kept out', async () => {
    const files = await twoCopies();
    for (const order of [files, [...files].reverse()]) {
      const run = await runCli(['merge', master, ...order, '--take', 'G1-QN1:2026-T3:b.xlsx']);
      expect(run.code).toBe(0);
      expect(masterValue('G1-QN1', '2026-T3')).toBe(9);
      expect(run.stdout).toContain(
        'renvoyé «\u00a07\u00a0» (a.xlsx\u00a0; un autre fichier renvoyé de cette fusion donne une autre ' +
          'valeur\u00a0: «\u00a09\u00a0» (b.xlsx)) — non repris, la valeur de b.xlsx est reprise à sa place',
      );
      restoreMaster();
      const preferred = await runCli([
        'merge',
        master,
        ...order,
        '--prefer',
        'incoming',
        '--take',
        'G1-QN1:2026-T3:a.xlsx',
      ]);
      expect(preferred.code).toBe(0);
      expect(masterValue('G1-QN1', '2026-T3')).toBe(7);
      restoreMaster();
    }
  }, 60_000);
});

describe('a single return', () => {
  it('keeps the --take of a conflict without its file', async () => {
    await typeInMaster('G1', 'Statut', 'En cours');
    const file = await returned('Centre social', 'centre.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]);
    const dry = await runCli(['merge', master, file, '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout).conflicts).toEqual([expect.objectContaining({ take: 'G1:Statut' })]);
    expect((await runCli(['merge', master, file, '--take', 'G1:Statut'])).code).toBe(0);
    expect(masterValue('G1', 'Statut')).toBe('Réalisée');
  }, 60_000);
});
