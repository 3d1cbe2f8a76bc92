import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { GridCell } from '../../src/domain/grid';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

// A workbook made while a ref written « I.1 » was keyed `I1` (now `F1-1`): regenerated from the same plan text, its
// fiches keep their keys and every value typed stays on its row.

const workDir = mkdtempSync(join(tmpdir(), 'ctg-regenerate-earlier-keys-'));
const path = (name: string) => join(workDir, name);
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const refLine = (ref: string) => `Réf de la fiche action :\n\n${ref}\n`;
/** The convention with G1 written « I.1 » and F2 « II.3 »: keyed F1-1 and F2-3 today, I1 and II3 before. */
const planText = replaceOnce(replaceOnce(seedText, refLine('G1'), refLine('I.1')), refLine('F2'), refLine('II.3'));
const earlierKeys: Record<string, string> = { 'F1-1': 'I1', 'F2-3': 'II3' };

/** The plan as `plan --json` reads it, each of those fiches and its criteria keyed as they were before. */
async function planWithEarlierKeys(): Promise<string> {
  const run = await runCli(['plan', path('plan.txt'), '--json']);
  expect(run.code).toBe(0);
  const plan = JSON.parse(run.stdout);
  for (const axis of plan.axes)
    for (const fiche of axis.fiches) {
      const earlier = earlierKeys[fiche.key];
      if (!earlier) continue;
      for (const criterion of fiche.criteria) criterion.key = criterion.key.replace(fiche.key, earlier);
      Object.assign(fiche, { ref: earlier, key: earlier, writtenRef: undefined });
    }
  return JSON.stringify(plan);
}

/** The axis rows of a file: key and the cells by header. */
function axisRows(file: string) {
  const rows: { key: unknown; cell: (header: string) => unknown }[] = [];
  for (const sheet of fileGrids(file).sheets) {
    if (!sheet.name.startsWith('Axe ') || !('rows' in sheet)) continue;
    const headers = (sheet.rows[2] ?? []).map((cell: GridCell | null) => cell?.value);
    for (const row of sheet.rows.slice(3))
      rows.push({ key: row?.[0]?.value, cell: (header: string) => row?.[headers.indexOf(header)]?.value ?? null });
  }
  return rows;
}

describe('ctg-suivi generate --force over a workbook whose fiches were keyed by an earlier reading of their refs', () => {
  const workbook = path('suivi.xlsx');
  let stdout = '';

  beforeAll(async () => {
    writeFileSync(path('plan.txt'), planText);
    writeFileSync(path('plan-avant.json'), await planWithEarlierKeys());
    expect((await runCli(['generate', '--plan', path('plan-avant.json'), '-o', workbook])).code).toBe(0);
    await typeWithExcel(workbook, [
      { key: 'I1', header: 'Statut', value: 'En cours' },
      { key: 'I1-QN1', header: '2026-T1', value: 5 },
      { key: 'II3-QN1', header: '2026-T1', value: 7 },
    ]);
    const run = await runCli(['generate', '--plan', path('plan.txt'), '-o', workbook, '--force']);
    expect(run.code).toBe(0);
    stdout = run.stdout;
  }, 120_000);

  it('keeps each fiche on its row, with the values typed, its criteria matched as usual', () => {
    const rows = axisRows(workbook);
    const row = (key: string) => rows.find((r) => r.key === key);
    expect(row('I1')?.cell('Statut')).toBe('En cours');
    expect(row('I1-QN1')?.cell('2026-T1')).toBe(5);
    expect(row('II3-QN1')?.cell('2026-T1')).toBe(7);
    expect(rows.filter((r) => typeof r.key === 'string' && /^(?:F1-1|F2-3)\b/.test(r.key))).toEqual([]);
  });

  it('sends nothing to Archives and says no row removed or added', () => {
    expect(fileGrids(workbook).sheets.map((sheet) => sheet.name)).not.toContain('Archives');
    expect(stdout).not.toContain('Archives');
    expect(stdout).not.toMatch(/retiré|ajouté/);
  });
});
