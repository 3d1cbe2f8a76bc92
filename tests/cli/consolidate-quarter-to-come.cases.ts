import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fichesOf, independentCounts, quartersOf } from '../consolidation/helpers/independent-figures';
import { aixToCome, folderOf, pilat, pilatEnded, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * A Caf consolidates, on 5 December 2026, a territory measured at 2026-T3 and the blank workbook of a convention
 * that starts in 2027 (its Q, its first quarter, has not begun): nothing is expected of the latter yet, which the
 * command says, and the total is the other territory's alone, as the counts pool. Validation of that blank workbook
 * warns of no value missing in a quarter still to come.
 */

const trialDay = new Date('2026-12-05T10:00:00Z');
let folder: string;

describe('consolidate-quarter-to-come', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-to-come-'));
    for (const spec of [pilat, aixToCome]) writeFileSync(join(folder, spec.name), await territoryBytes(spec));
  }, 60_000);

  beforeEach(() => clockAt(trialDay));
  afterEach(restoreClock);

  const percent = (filled: number, expected: number) =>
    `${(Math.round((1000 * filled) / expected) / 10).toLocaleString('fr-FR', { minimumFractionDigits: 1 })}\u00a0%`;

  describe('consolidate: a convention still to come', () => {
    it('says that its quarter has not begun, expects nothing of it, and totals the other territory alone', async () => {
      const run = await runCli(['consolidate', folder, '-o', join(folder, 'consolidation.xlsx')]);
      expect(run.code).toBe(0);
      const grids = gridsOf(new Uint8Array(readFileSync(join(folder, pilat.name))));
      const own = independentCounts(fichesOf(grids), quartersOf(grids), '2026-T3', '2026-T4');
      const lines = run.stdout.split('\n');
      const aixStart = `  Vals d’Aix et Isable — ${join(folder, aixToCome.name)} (2027-T1)`;
      const aixLine = lines.findIndex((line) => line.startsWith(aixStart));
      expect(lines.slice(aixLine, aixLine + 2)).toEqual([
        `${aixStart}\u00a0: renseignement de la période — (cumulé —), réalisation —`,
        '    2027-T1 n’a pas encore commencé\u00a0: rien n’y est encore attendu, et le cumul ne compte que les ' +
          'trimestres déjà commencés.',
      ]);
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^2 territoires\u00a0: renseignement de la période ${percent(own.periodFilled, own.periodExpected)} `,
          ),
        ),
      );
    });

    it('gives the fact in the JSON and the workbook', async () => {
      const output = join(folder, 'consolidation-json.xlsx');
      const run = await runCli(['consolidate', folder, '-o', output, '--json']);
      const json = JSON.parse(run.stdout);
      const aix = json.territories.find(
        (territory: { file: string }) => territory.file === join(folder, aixToCome.name),
      );
      expect(aix).toMatchObject({
        quarter: '2027-T1',
        quarterOutside: null,
        quarterNotBegun: true,
        fillPeriod: null,
        fillCumulative: null,
        counts: expect.objectContaining({ period: { expected: 0, filled: 0 }, cumulative: { expected: 0, filled: 0 } }),
      });
      const territories = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Territoires')!;
      const row = territories.rows.find((cells) => cells?.[0]?.value === 'Vals d’Aix et Isable')!;
      expect(row[3]?.value).toBe('2027-T1 (pas encore commencé)');
    });
  });

  describe('consolidate --quarter after a convention that is over', () => {
    it('says that the quarter is after the convention’s end and names its last quarter, not that it has not begun', async () => {
      const own = await folderOf(pilatEnded, 'ctg-consolidate-ended-');
      const output = join(own, 'consolidation.xlsx');
      const run = await runCli(['consolidate', own, '--quarter', '2031-T1', '-o', output]);
      const lines = run.stdout.split('\n');
      const line = lines.findIndex((text) => text.startsWith('  Monts du Pilat — '));
      expect(lines[line + 1]).toBe(
        '    2031-T1 est après la fin de sa convention, dont le dernier trimestre est 2025-T4\u00a0: tous ses ' +
          'trimestres comptent, le renseignement de la période n’est pas défini.',
      );
      const territories = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Territoires')!;
      const row = territories.rows.find((cells) => cells?.[0]?.value === 'Monts du Pilat')!;
      // Named as the command line names it: the last quarter says how long ago the convention ended.
      expect(row[3]?.value).toBe('2031-T1 (après la fin de sa convention, dont le dernier trimestre est 2025-T4)');
      // The JSON keeps its shape: the note is in the text only.
      const json = await runCli(['consolidate', own, '--quarter', '2031-T1', '-o', output, '--force', '--json']);
      const [territory] = JSON.parse(json.stdout).territories;
      expect(territory).toMatchObject({ quarter: '2031-T1', quarterOutside: 'after' });
      expect(Object.keys(territory)).toEqual([
        'name',
        'epci',
        'siren',
        'file',
        'quarter',
        'quarterOutside',
        'quarterNotBegun',
        'quarterLag',
        'fillPeriod',
        'fillCumulative',
        'achievement',
        'errors',
        'warnings',
        'counts',
        'lastWrite',
        'latestUpdate',
        'savedAt',
        'ao',
        'aoUnread',
        'textCut',
        'planColumnsEmptied',
        'missingColumns',
      ]);
    });
  });

  describe('validate: a quarter still to come', () => {
    it('warns of no value missing before the quarter begins', async () => {
      const run = await runCli(['validate', join(folder, aixToCome.name), '--json']);
      const codes = JSON.parse(run.stdout).issues.map((issue: { code: string }) => issue.code);
      expect(codes).not.toContain('incomplete-current-quarter');
    });
  });
});
