import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { GridCell } from '../../src/domain/grid';
import { withQuantitative } from '../plan-text/small-convention';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';

const seed = join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt');
const workDir = mkdtempSync(join(tmpdir(), 'ctg-plan-cli-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

describe('ctg-suivi plan', () => {
  it('prints the embedded Monts du Pilat plan: territory, period, quarters, axes with their counts', async () => {
    const run = await runCli(['plan']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Territoire\u00a0: Communauté de communes des Monts du Pilat');
    expect(run.stdout).toContain('Période\u00a0: du 01/01/2026 au 31/12/2030');
    expect(run.stdout).toContain('Trimestres\u00a0: 20 (de 2026-T1 à 2030-T4)');
    expect(run.stdout).toMatch(
      /Axe 1 – Accompagner les familles et renforcer la parentalité\u00a0: 5 fiches, \d+ critères/,
    );
    expect(run.stdout).toMatch(/Axe 13 – .*lecture.*\u00a0: \d+ fiches/);
    expect(run.stdout).toMatch(/Total\u00a0: 13 axes, 48 fiches, \d+ critères/);
    expect(run.stdout).toMatch(/Avertissements\u00a0: \d+/);
  });

  it('gives the plan as JSON with keys, kinds and rendered warnings', async () => {
    const run = await runCli(['plan', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.axes.map((axis: { number: number }) => axis.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    const g1 = json.axes[0].fiches[0];
    expect(g1.ref).toBe('G1');
    expect(g1.title).toBe(
      'Garantir la pérennité et l\'évolution du fonctionnement de la ludothèque "tu joues" et du ludobus itinérant',
    );
    expect(g1.criteria[0]).toMatchObject({
      key: 'G1-QN1',
      kind: 'quantitative',
      text: 'Nombre de permanences dans les communes',
    });
    expect(
      g1.criteria.filter((c: { kind: string }) => c.kind === 'qualitative').map((c: { key: string }) => c.key),
    ).toEqual(['G1-QL1', 'G1-QL2', 'G1-QL3']);
    expect(json.quarters[0]).toBe('2026-T1');
    expect(json.quarters).toHaveLength(20);
    const lastAxis = json.axes[12];
    expect(lastAxis.fiches.map((fiche: { ref: string }) => fiche.ref)).toContain('G47');
    expect(json.warnings.length).toBeGreaterThan(0);
    for (const warning of json.warnings) {
      expect(typeof warning.code).toBe('string');
      expect(warning.line).toBeGreaterThanOrEqual(0);
      expect(warning.message).not.toMatch(/Problème non décrit/);
    }
  });

  it('reads a convention file to the same plan as the embedded one', async () => {
    const path = join(workDir, 'convention.txt');
    copyFileSync(seed, path);
    const fromFile = JSON.parse((await runCli(['plan', path, '--json'])).stdout);
    const embedded = JSON.parse((await runCli(['plan', '--json'])).stdout);
    expect(fromFile).toEqual(embedded);
  });

  it('reads back its own JSON output as a plan', async () => {
    const embedded = (await runCli(['plan', '--json'])).stdout;
    const path = file('plan.json', embedded);
    const run = await runCli(['plan', path, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).axes).toEqual(JSON.parse(embedded).axes);
  });

  it('keeps the Unité, Référence and Cible of a criteria table in its JSON, which generates the same cells as the text', async () => {
    const text = withQuantitative([
      'Indicateur\tRéférence\tCible 2029 (en %)',
      'Taux d’occupation\t60 %\t80',
      'Nombre de places\t2023\t30',
    ]);
    const json = await runCli(['plan', file('chiffres.txt', text), '--json']);
    expect(json.code).toBe(0);
    // « 2023 » under « Référence » is said, where the plan's warnings are.
    expect((await runCli(['plan', join(workDir, 'chiffres.txt')])).stdout.replace(/\u00a0/g, ' ')).toContain(
      '« 2023 » sous « Référence » (fiche I1), critère « Nombre de places » : lu comme une année',
    );
    const read = await runCli(['plan', file('chiffres.json', json.stdout), '--json']);
    expect(JSON.parse(read.stdout).axes).toEqual(JSON.parse(json.stdout).axes);
    /** Unité, Référence and Cible of fiche I1's quantitative rows, in a workbook generated from `plan`. */
    const figures = async (plan: string, workbook: string) => {
      expect((await runCli(['generate', '--plan', plan, '-o', join(workDir, workbook)])).code).toBe(0);
      const grid = fileGrids(join(workDir, workbook)).sheets.find((sheet) => sheet.name === 'Axe 1')!;
      const headers = (grid.rows[2] ?? []).map((cell: GridCell | null) => cell?.value);
      return grid.rows
        .filter((row) => /^I1-QN/.test(String(row?.[0]?.value)))
        .map((row) => ['Unité', 'Référence', 'Cible'].map((header) => row?.[headers.indexOf(header)]?.value ?? null));
    };
    expect(await figures(join(workDir, 'chiffres.json'), 'depuis-json.xlsx')).toEqual([
      ['%', 60, 80],
      ['%', null, 30],
    ]);
    expect(await figures(join(workDir, 'chiffres.txt'), 'depuis-texte.xlsx')).toEqual([
      ['%', 60, 80],
      ['%', null, 30],
    ]);
  });

  it.each([
    [
      'an image',
      'image.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    ],
    ['an empty file', 'vide.txt', ''],
    ['a text without any fiche', 'lettre.txt', 'Madame, Monsieur,\n\nVeuillez trouver ci-joint la convention.\n'],
    ['a broken plan JSON', 'plan.json', '{"axes": ['],
    ['a plan JSON of another shape', 'autre.json', '{"axes": "none"}'],
  ])('refuses %s with one French error and exit 2', async (_label, name, content) => {
    const run = await runCli(['plan', file(name, content)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/Error|at .*\.ts|Problème non décrit/);
  });

  it('says when the file does not exist', async () => {
    const run = await runCli(['plan', join(workDir, 'absente.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Fichier introuvable');
  });

  it('treats usage mistakes as exit 2 with French help', async () => {
    expect((await runCli(['plan', '--jsonn'])).code).toBe(2);
    expect((await runCli(['plan', 'a.txt', 'b.txt'])).code).toBe(2);
    const unknown = await runCli(['planifier']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Commande inconnue\u00a0: «\u00a0planifier\u00a0»');
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['help'])).stdout).toContain('Usage\u00a0: npx ctg-suivi');
  });
});
