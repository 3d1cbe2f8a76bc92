import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { runCli } from './run-cli';

/**
 * Two copies of one territory's workbook with the same dates, one with more values filled in axis 1, as a Caf meets
 * them in a folder of territories: the consolidation keeps one, says by which order (not a choice the Caf made), and
 * which figures the copies do not share, so that the Caf checks which one is right.
 */

const NBSP = '\u00a0';
let root: string;
let folder: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-copies-'));
  folder = join(root, 'territoires');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-pilat.xlsx'), await territoryBytes(pilat));
  const more = [
    { key: 'G1-QN1', header: '2026-T3', value: 7 },
    { key: 'G2-QN2', header: '2026-T2', value: 900 },
  ];
  writeFileSync(join(folder, 'b-pilat.xlsx'), await territoryBytes({ ...pilat, entries: [...pilat.entries, ...more] }));
  // As many values, one of them typed otherwise (« Satisfaisant » in one copy, « Peu satisfaisant » in the other):
  // no count tells them apart.
  const retyped = pilat.entries.map((entry) =>
    entry.key === 'G1-QL1' && entry.header === '2026-T3' ? { ...entry, value: 'Peu satisfaisant' } : entry,
  );
  mkdirSync(join(root, 'autres'));
  writeFileSync(join(root, 'autres', 'a-pilat.xlsx'), await territoryBytes(pilat));
  writeFileSync(join(root, 'autres', 'b-pilat.xlsx'), await territoryBytes({ ...pilat, entries: retyped }));
}, 60_000);

async function duplicateReason(...paths: string[]) {
  const run = await runCli(['consolidate', ...paths, '-o', join(root, 'consolidation.xlsx'), '--force', '--json']);
  // Their figures differ and no date tells which is up to date: to check, as the reason asks.
  expect(run.code).toBe(1);
  const { duplicates } = JSON.parse(run.stdout) as {
    duplicates: { kept: string; dropped: string; tieDiffers: boolean; reason: string }[];
  };
  expect(duplicates).toEqual([expect.objectContaining({ tieDiffers: true })]);
  return duplicates[0];
}

describe('two copies of a territory that no date tells apart', () => {
  it('found in a folder: the one with more values filled is kept, whatever its name, and still to check', async () => {
    const [a, b] = [join(folder, 'a-pilat.xlsx'), join(folder, 'b-pilat.xlsx')];
    const duplicate = await duplicateReason(folder);
    expect(duplicate).toMatchObject({ kept: b, dropped: a });
    expect(duplicate.reason).toContain(
      `rien ne dit lequel est le plus récent. «${NBSP}${b}${NBSP}» est gardé parce qu’il a plus de valeurs ` +
        `renseignées que «${NBSP}${a}${NBSP}».`,
    );
    expect(duplicate.reason).not.toContain('dans l’ordre des noms');
    expect(duplicate.reason).toMatch(
      /Attention, les deux copies n’ont pas les mêmes chiffres \(fichier gardé contre fichier non retenu\)\u00a0: valeurs renseignées \(cumul\) (\d+) contre (\d+) \((\d+) contre (\d+) dans l’axe 1\)/,
    );
    const [, kept, dropped] = /valeurs renseignées \(cumul\) (\d+) contre (\d+)/.exec(duplicate.reason)!.map(Number);
    expect(kept - dropped).toBe(2);
    expect(duplicate.reason).toContain(
      `Vérifiez laquelle est à jour${NBSP}; si c’est «${NBSP}${a}${NBSP}», retirez «${NBSP}${b}${NBSP}»`,
    );

    // The text output says the same on the duplicate's line; given in either order, the same copy is kept.
    const run = await runCli(['consolidate', folder, '-o', join(root, 'consolidation.xlsx'), '--force']);
    expect(run.stdout).toContain(`parce qu’il a plus de valeurs renseignées que «${NBSP}${a}${NBSP}»`);
    expect(await duplicateReason(a, b)).toMatchObject({ kept: b, dropped: a });
  }, 60_000);

  it('with as many values but one typed otherwise: says in which axis the values differ', async () => {
    const others = join(root, 'autres');
    const duplicate = await duplicateReason(others);
    expect(duplicate.reason).toContain(
      `Attention${NBSP}: les deux copies n’ont pas les mêmes valeurs saisies dans l’axe 1. Vérifiez laquelle est à jour`,
    );
  }, 60_000);

  it('given by name, as many values filled: the first given is kept, and the reason says it was given first', async () => {
    const others = join(root, 'autres');
    const [a, b] = [join(others, 'a-pilat.xlsx'), join(others, 'b-pilat.xlsx')];
    const duplicate = await duplicateReason(b, a);
    expect(duplicate).toMatchObject({ kept: b, dropped: a });
    expect(duplicate.reason).toContain(
      `«${NBSP}${b}${NBSP}» est gardé parce qu’il vient avant «${NBSP}${a}${NBSP}» dans l’ordre des fichiers ` +
        'donnés à la commande.',
    );
  }, 60_000);
});

describe('many copies of one territory in a folder (a workbook saved again and again under new names)', () => {
  it('prints the first twenty, then how many more and where they all are, as for the names outside the vocabulary', async () => {
    // Eighty copies made 79 lines of some 400 characters each, pushing the territories' lines out of sight.
    const copies = join(root, 'copies');
    mkdirSync(copies);
    const bytes = await territoryBytes(pilat);
    for (let index = 1; index <= 26; index += 1) writeFileSync(join(copies, `pilat-${index}.xlsx`), bytes);
    const output = join(root, 'consolidation-copies.xlsx');
    const run = await runCli(['consolidate', copies, '-o', output, '--force']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('  Doublon de Monts du Pilat'))).toHaveLength(20);
    expect(lines).toContain(
      `  … et 5 autres doublons non retenus${NBSP}: la feuille «${NBSP}Fichiers écartés${NBSP}» du classeur les ` +
        'donne tous, avec la raison de chaque choix.',
    );
    expect(lines[lines.length - 2]).toBe(
      `Consolidation terminée${NBSP}: 1 territoire, 0 fichier écarté, 25 doublons non retenus.`,
    );
    const json = JSON.parse((await runCli(['consolidate', copies, '-o', output, '--force', '--json'])).stdout);
    expect(json.duplicates).toHaveLength(25);
  }, 60_000);
});
