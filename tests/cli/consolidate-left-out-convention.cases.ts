import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSchema } from '../../src/domain/plan';
import { editedBytes, pilat, territoryBytes, type TerritorySpec } from '../consolidation/helpers/territories';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * One territory's two conventions, the workbook of one of them left out (its « Axe 1 » renamed): the other one's
 * figures are measured, and the reason of the one left out says they are another convention's, not a copy's, and
 * whether it is the one in force, to be fixed, whatever the dates of the two files.
 */

const NBSP = '\u00a0';
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;
const today = new Date('2026-12-05T10:00:00Z'); // 2026-T4: the 2026–2030 convention is in force
let root: string;
const inRoot = (name: string) => join(root, name);

/** The previous convention (2021–2025), finished, its workbook written after the current one's (2026-08-10). */
const pilatPrevious: TerritorySpec = {
  ...pilat,
  name: 'pilat-2021.xlsx',
  plan: planSchema.parse({ ...structuredClone(pilat.plan), period: { start: '2021-01-01', end: '2025-12-31' } }),
  today: new Date('2026-11-20T10:00:00Z'),
  entries: [{ key: 'G1-QN1', header: '2025-T4', value: 6 }],
};

/** A workbook's bytes with its « Axe 1 » renamed: a structure the consolidation leaves out. */
function withAxisRenamed(bytes: Uint8Array): Promise<Uint8Array> {
  return editedBytes(bytes, (workbook) => void (workbook.getWorksheet('Axe 1')!.name = 'Axe un'));
}

interface Json {
  territories: { file: string }[];
  rejected: { file: string; reason: string }[];
}

async function consolidated(...files: string[]) {
  const args = ['consolidate', ...files, '-o', inRoot('consolidation.xlsx'), '--force'];
  const [json, text] = [await runCli([...args, '--json']), await runCli(args)];
  return { json: JSON.parse(json.stdout) as Json, text: text.stdout };
}

describe('consolidate-left-out-convention', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ctg-left-out-convention-'));
    const [current, previous] = [await territoryBytes(pilat), await territoryBytes(pilatPrevious)];
    writeFileSync(inRoot('pilat-2026.xlsx'), current);
    writeFileSync(inRoot('pilat-2026-casse.xlsx'), await withAxisRenamed(current));
    writeFileSync(inRoot('pilat-2021.xlsx'), previous);
    writeFileSync(inRoot('pilat-2021-casse.xlsx'), await withAxisRenamed(previous));
  }, 60_000);

  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  it('warns that the figures are the previous convention’s when the workbook in force is left out', async () => {
    const [broken, previous] = [inRoot('pilat-2026-casse.xlsx'), inRoot('pilat-2021.xlsx')];
    const { json, text } = await consolidated(previous, broken);
    expect(json.territories.map((territory) => territory.file)).toEqual([previous]);
    const note =
      `Attention${NBSP}: les chiffres de ${quoted('Monts du Pilat')} viennent de la convention précédente, ` +
      `2021–2025, ${quoted(previous)}${NBSP}; ce fichier-ci suit la convention en vigueur, 2026–2030${NBSP}: ` +
      'c’est lui que le territoire doit corriger.';
    const [rejected] = json.rejected;
    expect(rejected.file).toBe(broken);
    expect(rejected.reason).toContain('Axe 1');
    expect(rejected.reason.slice(-note.length - 1)).toBe(` ${note}`);
    expect(rejected.reason).not.toContain('copie');
    expect(text).toContain(`  Écarté${NBSP}: ${broken} (territoire ${quoted('Monts du Pilat')}) — ${rejected.reason}`);
  }, 60_000);

  it('says the figures are the convention in force’s when the previous one’s workbook, written later, is left out', async () => {
    const [current, broken] = [inRoot('pilat-2026.xlsx'), inRoot('pilat-2021-casse.xlsx')];
    const { json, text } = await consolidated(broken, current);
    expect(json.territories.map((territory) => territory.file)).toEqual([current]);
    const note =
      `Les chiffres de ${quoted('Monts du Pilat')} viennent de la convention en vigueur, 2026–2030, ` +
      `${quoted(current)}${NBSP}; ce fichier-ci suit la convention 2021–2025.`;
    const [rejected] = json.rejected;
    expect(rejected.file).toBe(broken);
    expect(rejected.reason.slice(-note.length - 1)).toBe(` ${note}`);
    expect(rejected.reason).not.toContain('Attention');
    expect(text).toContain(`  Écarté${NBSP}: ${broken} (territoire ${quoted('Monts du Pilat')}) — ${rejected.reason}`);
  }, 60_000);
});
