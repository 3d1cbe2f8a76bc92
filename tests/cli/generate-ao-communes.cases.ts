import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-generate-ao-communes-'));
const path = (name: string) => join(workDir, name);
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');

const box = (checked: boolean, label: string) => `<input${checked ? ' checked=""' : ''} type="checkbox"/> ${label}`;
/** A commune's cell of the AO block: exercised by the commune, or nothing ticked. */
const cell = (byCommune: boolean) => box(byCommune, 'Exercée par la commune');
/** The seed's AO block, the EPCI's row only, followed by rows for two communes that keep two competences. */
const epciRow = seedText
  .split('\n')
  .find((line) => line.startsWith('EPCI Communauté de Communes des Monts du Pilat\t'))!;
const withCommunes = seedText.replace(
  `${epciRow}\n`,
  `${epciRow}\n` +
    `${['Commune de Marlhes', '2 634', cell(false), cell(false), cell(true), cell(true)].join('\t')}\n` +
    `${['Commune du Bessat', '458', cell(false), cell(false), cell(true), cell(false)].join('\t')}\n`,
);

function aoNames(file: string): string[] {
  const sheet = fileGrids(file).sheets.find((candidate) => candidate.name === 'Compétences AO');
  if (!sheet || !('rows' in sheet)) throw new Error('no Compétences AO');
  return sheet.rows.filter((row) => row?.[1]?.value === 'Commune').map((row) => String(row?.[0]?.value));
}

function aoRow(file: string, name: string): Record<string, unknown> {
  const sheet = fileGrids(file).sheets.find((candidate) => candidate.name === 'Compétences AO');
  if (!sheet || !('rows' in sheet)) throw new Error('no Compétences AO');
  const headerIndex = sheet.rows.findIndex((row) => row?.[0]?.value === 'Nom');
  const headers = sheet.rows[headerIndex].map((c) => String(c?.value ?? ''));
  const row = sheet.rows.slice(headerIndex + 1).find((r) => r?.[0]?.value === name);
  if (!row) throw new Error(`no row ${name}`);
  return Object.fromEntries(headers.map((header, index) => [header, row[index]?.value ?? null]));
}

describe('ctg-suivi generate: the AO block’s rows of communes reach « Compétences AO »', () => {
  it('writes each commune’s population and holders from its own row, the EPCI’s transfers where it ticks none', async () => {
    writeFileSync(path('convention.txt'), withCommunes);
    const workbook = path('suivi.xlsx');
    expect((await runCli(['generate', '--plan', path('convention.txt'), '-o', workbook])).code).toBe(0);
    const marlhes = aoRow(workbook, 'Marlhès');
    expect(marlhes['Population (INSEE)']).toBe(2634);
    expect(marlhes["Planifier l'offre d'accueil"]).toBe('Commune');
    expect(marlhes['Soutenir la qualité']).toBe('Commune');
    // Nothing ticked in its row for « Recenser »: the EPCI's row says all communes transferred it.
    expect(marlhes['Recenser les besoins']).toBe("Transférée à l'EPCI par toutes les communes");
    const bessat = aoRow(workbook, 'Le Bessat');
    expect(bessat['Population (INSEE)']).toBe(458);
    expect(bessat["Planifier l'offre d'accueil"]).toBe('Commune');
    // One row per commune: its block row is not added again under its written name.
    expect(aoNames(workbook).filter((name) => /Marlh|Bessat/i.test(name))).toEqual(['Le Bessat', 'Marlhès']);
    // A commune the block has no row for keeps the EPCI's holders and an empty population.
    expect(aoRow(workbook, 'Graix')['Population (INSEE)']).toBeNull();
  }, 60_000);
});
