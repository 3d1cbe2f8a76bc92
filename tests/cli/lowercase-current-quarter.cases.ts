import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * Paramètres' current quarter typed « 2026-t3 »: the workbook's own formulas read it as 2026-T3 (they take its year
 * and its last digit), so every command reads it so too — the consolidation measures the territory at that quarter
 * with the same figures as when it is typed « 2026-T3 », validation says nothing of the cell, compute gives the
 * quarter's figures.
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-lowercase-quarter-'));
const lower = join(folder, 'minuscule');
const upper = join(folder, 'majuscule');

describe('lowercase-current-quarter', () => {
  beforeAll(async () => {
    const sound = await territoryBytes(pilat); // Q = 2026-T3
    mkdirSync(lower);
    mkdirSync(upper);
    writeFileSync(join(upper, 'pilat.xlsx'), sound);
    writeFileSync(
      join(lower, 'pilat.xlsx'),
      await editXlsx(sound, [{ sheet: 'Paramètres', cell: 'B9', value: '2026-t3' }]),
    );
  }, 60_000);

  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  it('consolidate measures the territory at the quarter typed in lower case, with the same figures', async () => {
    const run = await runCli(['consolidate', lower, '-o', join(folder, 'consolidation-minuscule.xlsx'), '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.rejected).toEqual([]);
    const reference = JSON.parse(
      (await runCli(['consolidate', upper, '-o', join(folder, 'consolidation-majuscule.xlsx'), '--json'])).stdout,
    );
    expect(json.territories).toHaveLength(1);
    expect(json.territories[0]).toMatchObject({ name: 'Monts du Pilat', quarter: '2026-T3' });
    expect(json.territories[0].counts).toEqual(reference.territories[0].counts);
    expect(json.territories[0].errors).toBe(0);
    expect(run.code).toBe(0);
  });

  it('validate says nothing of the cell, and compute gives the figures of that quarter', async () => {
    const file = join(lower, 'pilat.xlsx');
    const validated = await runCli(['validate', file, '--json']);
    const cells = JSON.parse(validated.stdout).issues.filter(
      (issue: { sheet: string; cell: string }) => issue.sheet === 'Paramètres' && issue.cell === 'B9',
    );
    expect(cells).toEqual([]);
    expect(validated.code).toBe(0);
    const computed = await runCli(['compute', file, '--json']);
    expect(computed.stderr).toBe('');
    expect(computed.code).toBe(0);
    expect(JSON.parse(computed.stdout).quarter).toBe('2026-T3');
  });
});
