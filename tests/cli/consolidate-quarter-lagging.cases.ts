import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderOf, pilat, pilatEnded, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * A trial: a territory measured at its current quarter far behind today's, or whose convention has ended, was
 * counted with no word. The command line, the « Territoires » sheet and --json say how far behind it is, or when its
 * convention ended.
 */

const NBSP = '\u00a0';
let folder: string;

const trimestreOf = (output: string, territory: string) => {
  const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Territoires')!;
  return sheet.rows.find((cells) => cells?.[0]?.value === territory)?.[3]?.value;
};

describe('consolidate: a territory measured behind today', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-lagging-'));
    // Its Q is 2026-T3.
    writeFileSync(join(folder, pilat.name), await territoryBytes(pilat));
  }, 60_000);
  afterEach(restoreClock);

  it('says by how many quarters its quarter lags today’s, on its line, its row and in --json', async () => {
    clockAt(new Date('2027-06-01T10:00:00Z'));
    const output = join(folder, 'lagging.xlsx');
    const run = await runCli(['consolidate', folder, '-o', output]);
    const lines = run.stdout.split('\n');
    const line = lines.findIndex((text) => text.startsWith('  Monts du Pilat — '));
    expect(lines[line + 1]).toBe(
      `    Mesuré à 2026-T3${NBSP}: 3 trimestres derrière celui d’aujourd’hui, 2027-T2${NBSP}; ses chiffres sont ` +
        'ceux de ce trimestre. Pour les mettre à jour, demandez au territoire de clôturer ses trimestres ou de ' +
        `mettre à jour son trimestre en cours (feuille «${NBSP}Paramètres${NBSP}»)${NBSP}; pour mesurer tous les ` +
        'territoires au même trimestre, donnez-le avec --quarter AAAA-Tn.',
    );
    expect(trimestreOf(output, 'Monts du Pilat')).toBe('2026-T3 (3 trimestres derrière celui d’aujourd’hui, 2027-T2)');
    const json = await runCli(['consolidate', folder, '-o', output, '--force', '--json']);
    expect(JSON.parse(json.stdout).territories[0].quarterLag).toEqual({ behind: 3, todays: '2027-T2', ended: null });
  });

  it('says nothing of a territory at today’s quarter or the one just ended, nor at a --quarter given to all', async () => {
    const output = join(folder, 'on-time.xlsx');
    for (const day of ['2026-08-20T10:00:00Z', '2026-11-05T10:00:00Z']) {
      clockAt(new Date(day));
      const run = await runCli(['consolidate', folder, '-o', output, '--force']);
      const lines = run.stdout.split('\n');
      expect(lines[lines.findIndex((text) => text.startsWith('  Monts du Pilat — ')) + 1]).not.toMatch(/Mesuré à/);
      const json = await runCli(['consolidate', folder, '-o', output, '--force', '--json']);
      expect(JSON.parse(json.stdout).territories[0].quarterLag).toBeNull();
    }
    clockAt(new Date('2027-06-01T10:00:00Z'));
    const asked = await runCli(['consolidate', folder, '--quarter', '2026-T3', '-o', output, '--force', '--json']);
    expect(JSON.parse(asked.stdout).territories[0].quarterLag).toBeNull();
    expect(trimestreOf(output, 'Monts du Pilat')).toBe('2026-T3');
  });

  it('says that its convention ended, and when', async () => {
    const own = await folderOf(pilatEnded, 'ctg-consolidate-ended-');
    clockAt(new Date('2026-12-07T10:00:00Z'));
    const output = join(own, 'consolidation.xlsx');
    const run = await runCli(['consolidate', own, '-o', output]);
    const lines = run.stdout.split('\n');
    const line = lines.findIndex((text) => text.startsWith('  Monts du Pilat — '));
    expect(lines[line + 1]).toBe(
      `    Mesuré à 2025-T4${NBSP}: sa convention a pris fin en 2025-T4${NBSP}; ses chiffres sont ceux de cette ` +
        'convention terminée.',
    );
    expect(trimestreOf(output, 'Monts du Pilat')).toBe('2025-T4 (sa convention a pris fin en 2025-T4)');
    const json = await runCli(['consolidate', own, '-o', output, '--force', '--json']);
    expect(JSON.parse(json.stdout).territories[0].quarterLag).toEqual({
      behind: 0,
      todays: '2025-T4',
      ended: '2025-T4',
    });
  });
});
