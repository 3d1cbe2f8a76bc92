import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { sheet } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { partnerRound } from './helpers/partner-round';

/**
 * Two partners feeding the same criterion's quarter cells (docs/WORKBOOK.md, « Merging returned rows »): what the
 * officer decided in the master stands until they choose otherwise, and a value taken is said as taken even when the
 * cell, holding the partners' aggregate, keeps its value.
 */

const { master, masterGrids, masterValue, path, returned, restoreMaster, typeInMaster } = partnerRound(
  'ctg-merge-shared-',
  [{ key: 'G1', header: 'Partenaires', value: 'Centre social ; Mairie de Marlhes' }],
);

describe('a quarter cell the officer emptied after a partner’s value was merged', () => {
  it('is a conflict when another partner returns a value, told with the value that would come back', async () => {
    const centre = await returned('Centre social', 'centre.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 4 }]);
    const mairie = await returned('Mairie de Marlhes', 'mairie.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 6 }]);
    expect((await runCli(['merge', master, centre])).code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBe(4);
    await typeInMaster('G1-QN1', '2026-T3', null);

    const run = await runCli(['merge', master, mairie]);
    expect(run.code).toBe(1);
    expect(masterValue('G1-QN1', '2026-T3')).toBeNull();
    expect(run.stdout).toContain(
      'classeur vide, renvoyé «\u00a06\u00a0» (mairie.xlsx\u00a0; la cellule a été vidée dans le classeur alors que ' +
        'Centre social avait donné «\u00a04\u00a0»\u00a0; prise, la valeur renvoyée donnerait «\u00a010\u00a0» avec ' +
        'celles des autres partenaires)',
    );
    expect(run.stdout).toContain('0 valeur reprise, 0 inchangée, 1 conflit en attente, 0 refus.');
    // --json names the partners whose values the emptying set aside, as the line does.
    const json = await runCli(['merge', master, mairie, '--dry-run', '--json']);
    expect(JSON.parse(json.stdout).conflicts).toEqual([
      expect.objectContaining({
        key: 'G1-QN1',
        reason: 'master-emptied',
        othersGiven: [{ partner: 'Centre social', value: 4 }],
      }),
    ]);

    // Taken on purpose, the cell holds what was announced, and undo gives the emptied cell back.
    const taken = await runCli(['merge', master, mairie, '--take', 'G1-QN1:2026-T3']);
    expect(taken.code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBe(10);
    expect((await runCli(['undo', master])).code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBeNull();
  }, 60_000);
});

describe('a fiche’s Statut the officer emptied after a partner’s value was merged', () => {
  it('is a conflict when another partner returns a value, naming the value emptied', async () => {
    const centre = await returned('Centre social', 'centre-statut.xlsx', [
      { key: 'G1', header: 'Statut', value: 'En cours' },
    ]);
    const mairie = await returned('Mairie de Marlhes', 'mairie-statut.xlsx', [
      { key: 'G1', header: 'Statut', value: 'Réalisée' },
    ]);
    expect((await runCli(['merge', master, centre])).code).toBe(0);
    await typeInMaster('G1', 'Statut', null);

    const run = await runCli(['merge', master, mairie]);
    expect(run.code).toBe(1);
    expect(masterValue('G1', 'Statut')).toBeNull();
    expect(run.stdout).toContain(
      'classeur vide, renvoyé «\u00a0Réalisée\u00a0» (mairie-statut.xlsx\u00a0; la cellule a été vidée dans le ' +
        'classeur alors que Centre social avait donné «\u00a0En cours\u00a0»)',
    );
  }, 60_000);
});

describe('a partner’s value that leaves a shared cell as it was', () => {
  it('is a value taken, listed with the cell’s value and why, not a confirmation', async () => {
    const centre = await returned('Centre social', 'centre-ql.xlsx', [
      { key: 'G1-QL1', header: '2026-T3', value: 'Satisfaisant' },
    ]);
    const mairie = await returned('Mairie de Marlhes', 'mairie-ql.xlsx', [
      { key: 'G1-QL1', header: '2026-T3', value: 'Très satisfaisant' },
    ]);
    expect((await runCli(['merge', master, centre])).code).toBe(0);

    const run = await runCli(['merge', master, mairie]);
    expect(run.code).toBe(0);
    expect(masterValue('G1-QL1', '2026-T3')).toBe('Satisfaisant');
    expect(run.stdout).toContain(
      'G1-QL1, 2026-T3\u00a0: valeur «\u00a0Très satisfaisant\u00a0» reprise (mairie-ql.xlsx)\u00a0; la cellule garde ' +
        '«\u00a0Satisfaisant\u00a0», la valeur que donnent ensemble les contributions des partenaires',
    );
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    const journal = readJournalSheet(sheet(masterGrids(), 'Journal')).entries.filter(
      (line) => line.operation === 'merge',
    );
    expect(journal.at(-1)?.after.value).toBe('1 valeur reprise');
    const contributions = readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries;
    expect(contributions.map((line) => `${line.partner} ${String(line.value.value)}`)).toEqual([
      'Centre social Satisfaisant',
      'Mairie de Marlhes Très satisfaisant',
    ]);

    const json = await runCli(['merge', master, mairie, '--dry-run', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ confirmed: 0, contributed: [] });
    restoreMaster();
    await runCli(['merge', master, centre]);
    const document = JSON.parse((await runCli(['merge', master, mairie, '--dry-run', '--json'])).stdout);
    expect(document).toMatchObject({
      confirmed: 0,
      unchanged: 0,
      contributed: [{ key: 'G1-QL1', column: '2026-T3', value: 'Très satisfaisant', kept: 'Satisfaisant' }],
    });
  }, 60_000);
});

describe('undoing a merge of two files that both fed a quarter cell', () => {
  it('keeps the value the officer typed since, even one equal to the first file’s', async () => {
    const centre = await returned('Centre social', 'centre-undo.xlsx', [
      { key: 'G1-QN1', header: '2026-T3', value: 4 },
    ]);
    const mairie = await returned('Mairie de Marlhes', 'mairie-undo.xlsx', [
      { key: 'G1-QN1', header: '2026-T3', value: 6 },
    ]);
    expect((await runCli(['merge', master, centre, mairie])).code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBe(10);
    // The officer keeps the centre's figure alone: the cell no longer holds what the merge wrote.
    await typeInMaster('G1-QN1', '2026-T3', 4);

    // Two files' lines name the cell: the command line tells it once.
    const told = await runCli(['undo', master, '-o', path('undone.xlsx')]);
    expect(told.code).toBe(1);
    expect(told.stdout.split('\n').filter((line) => line.includes('Non rétablie'))).toEqual([
      expect.stringMatching(/^ {2}Non rétablie \(modifiée depuis la fusion\)\s:\sAxe 1![A-Z]+\d+ G1-QN1, 2026-T3$/),
    ]);
    const run = await runCli(['undo', master, '--json']);
    expect(run.code).toBe(1);
    expect(masterValue('G1-QN1', '2026-T3')).toBe(4);
    const report = JSON.parse(run.stdout);
    expect(report.restored).toEqual([]);
    expect(report.changedSince).toEqual([expect.objectContaining({ key: 'G1-QN1', column: '2026-T3', now: 4 })]);
  }, 60_000);

  // Emptied since, the cell holds what it held before the merge: nothing to give back, and no failure.
  it('says a cell the officer emptied since has nothing to give back, exit 0', async () => {
    const centre = await returned('Centre social', 'centre-emptied.xlsx', [
      { key: 'G1-QN1', header: '2026-T3', value: 4 },
    ]);
    const mairie = await returned('Mairie de Marlhes', 'mairie-emptied.xlsx', [
      { key: 'G1-QN1', header: '2026-T3', value: 6 },
    ]);
    expect((await runCli(['merge', master, centre, mairie])).code).toBe(0);
    await typeInMaster('G1-QN1', '2026-T3', null);

    const told = await runCli(['undo', master, '-o', path('emptied-undone.xlsx')]);
    expect(told.code).toBe(0);
    expect(told.stdout).not.toContain('Non rétablie');
    expect(told.stdout).toMatch(
      /\n {2}Rien à rétablir \(déjà à sa valeur d’avant la fusion\)\s:\sAxe 1![A-Z]+\d+ G1-QN1, 2026-T3\n/,
    );
    const run = await runCli(['undo', master, '--json']);
    expect(run.code).toBe(0);
    expect(masterValue('G1-QN1', '2026-T3')).toBeNull();
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ restored: [], changedSince: [] });
    expect(report.alreadyBefore).toEqual([{ key: 'G1-QN1', column: '2026-T3', merged: 10, now: null, leftPlan: null }]);
  }, 60_000);
});
