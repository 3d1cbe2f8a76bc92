import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { quarterLabel, quarterOfDate } from '../../src/domain/periods';
import { planSchema, type Plan } from '../../src/domain/plan';
import { readXlsx } from '../../src/xlsx/reader';
import { pilat, territoryBytes, type TerritorySpec } from '../consolidation/helpers/territories';
import { runCli } from './run-cli';

/**
 * Two workbooks of one territory (one SIREN) that are not copies of one workbook: the previous convention's, finished
 * and written last, beside the current one's; and another territory's workbook where the SIREN of the first was
 * typed by mistake (its plan shares no fiche with the first's).
 */

const NBSP = '\u00a0';
let root: string;
const inRoot = (name: string) => join(root, name);

function planOf(change: (plan: Plan) => void): Plan {
  const plan = structuredClone(pilat.plan) as Plan;
  change(plan);
  return planSchema.parse(plan);
}

/** The same territory's previous convention (2021–2024), its workbook finished and written after the current one's. */
const pilatPrevious: TerritorySpec = {
  ...pilat,
  name: 'pilat-2021.xlsx',
  plan: planOf((plan) => {
    plan.period = { start: '2021-01-01', end: '2024-12-31' };
  }),
  today: new Date('2026-11-20T10:00:00Z'), // Q = 2024-T4, its last quarter
  entries: [{ key: 'G1-QN1', header: '2024-T4', value: 6 }],
};

/** Another territory, its own plan (no fiche title in common), the SIREN of Monts du Pilat typed in its Paramètres. */
const forezWrongSiren: TerritorySpec = {
  ...pilat,
  name: 'forez-siren-du-pilat.xlsx',
  plan: planOf((plan) => {
    plan.territory = 'Monts du Forez';
    for (const axis of plan.axes) for (const fiche of axis.fiches) fiche.title = `${fiche.title} (Forez)`;
  }),
  today: new Date('2026-07-10T10:00:00Z'),
  entries: [],
};

interface Json {
  territories: { name: string; file: string; quarter: string }[];
  duplicates: {
    kept: string;
    dropped: string;
    namesDiffer: boolean;
    sirensDiffer: boolean;
    conventionsDiffer: boolean;
    reason: string;
  }[];
}

const output = () => inRoot('consolidation.xlsx');

async function consolidate(...args: string[]) {
  return runCli(['consolidate', ...args, '-o', output(), '--force']);
}

/** Every text of a sheet of the consolidation workbook, row by row. */
function sheetTexts(name: string): string[][] {
  const read = readXlsx(new Uint8Array(readFileSync(output())));
  if (!read.ok) throw new Error('consolidation unreadable');
  const sheet = read.grids.sheets.find((candidate) => candidate.name === name) as unknown as {
    rows: ({ value: unknown } | null | undefined)[][];
  };
  return sheet.rows.map((row) => (row ?? []).map((cell) => String(cell?.value ?? '')));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-conventions-'));
  writeFileSync(inRoot('pilat-2026.xlsx'), await territoryBytes({ ...pilat, name: 'pilat-2026.xlsx' }));
  writeFileSync(inRoot(pilatPrevious.name), await territoryBytes(pilatPrevious));
  writeFileSync(inRoot(forezWrongSiren.name), await territoryBytes(forezWrongSiren));
}, 60_000);

describe('two conventions of one territory', () => {
  it('measures the convention in force today, not the previous one written last, and says the conventions differ', async () => {
    const [current, previous] = [inRoot('pilat-2026.xlsx'), inRoot(pilatPrevious.name)];
    const run = await consolidate(previous, current, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.territories).toEqual([expect.objectContaining({ file: current, quarter: '2026-T3' })]);
    expect(json.duplicates).toEqual([
      expect.objectContaining({
        kept: current,
        dropped: previous,
        conventionsDiffer: true,
        namesDiffer: false,
        sirensDiffer: false,
      }),
    ]);
    const { reason } = json.duplicates[0];
    expect(reason).toContain(
      `Conventions différentes${NBSP}: «${NBSP}${current}${NBSP}» suit la convention 2026–2030, ` +
        `«${NBSP}${previous}${NBSP}» la convention 2021–2024`,
    );
    const today = quarterLabel(quarterOfDate(new Date()));
    expect(reason).toContain(
      `Ce ne sont pas deux copies d’un même classeur, mais deux conventions du territoire${NBSP}; la consolidation ` +
        `mesure la convention en vigueur, celle qui couvre le trimestre d’aujourd’hui (${today}).`,
    );
    expect(reason).not.toMatch(/Plus récent|rien ne dit/);

    // The text output and the consolidation workbook say the same.
    const text = await consolidate(previous, current);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`  Monts du Pilat — ${current} (2026-T3)`);
    expect(text.stdout).toContain(
      `Doublon de Monts du Pilat${NBSP}: ${current} gardé, ${previous} non retenu — ${reason}`,
    );
    // The workbook names the files from its own folder (docs/WORKBOOK.md, « Consolidation »).
    const [kept, dropped] = [current, previous].map((file) => relative(dirname(output()), file));
    const territories = sheetTexts('Territoires');
    expect(territories.some((row) => row.includes(kept))).toBe(true);
    expect(territories.some((row) => row.includes(dropped))).toBe(false);
    const duplicates = sheetTexts('Fichiers écartés').find((row) => row.includes(dropped));
    const reasonInWorkbook = reason.split(current).join(kept).split(previous).join(dropped);
    expect(duplicates).toEqual(expect.arrayContaining([kept, dropped, reasonInWorkbook]));
  }, 60_000);

  it('measures the convention that holds the quarter asked for', async () => {
    const [current, previous] = [inRoot('pilat-2026.xlsx'), inRoot(pilatPrevious.name)];
    const run = await consolidate(current, previous, '--quarter', '2024-T4', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.territories).toEqual([expect.objectContaining({ file: previous, quarter: '2024-T4' })]);
    expect(json.duplicates).toEqual([
      expect.objectContaining({ kept: previous, dropped: current, conventionsDiffer: true }),
    ]);
    expect(json.duplicates[0].reason).toContain(
      `«${NBSP}${previous}${NBSP}» suit la convention 2021–2024, «${NBSP}${current}${NBSP}» la convention 2026–2030`,
    );
    expect(json.duplicates[0].reason).toContain(
      'la consolidation mesure la convention en vigueur, celle qui couvre le trimestre demandé (2024-T4).',
    );
  }, 60_000);

  it('keeps telling copies of one convention apart by their dates', async () => {
    const current = inRoot('pilat-2026.xlsx');
    const copy = inRoot('pilat-2026-copie.xlsx');
    writeFileSync(copy, await territoryBytes({ ...pilat, today: new Date('2026-05-10T10:00:00Z') }));
    const run = await consolidate(copy, current, '--json');
    const json = JSON.parse(run.stdout) as Json;
    expect(json.duplicates).toEqual([expect.objectContaining({ kept: current, conventionsDiffer: false })]);
    expect(json.duplicates[0].reason).toMatch(/^Plus récent/);
  }, 60_000);
});

describe('one SIREN typed in another territory’s workbook', () => {
  it('says so too when the other territory’s convention overlaps this one’s', async () => {
    const pilatFile = inRoot('pilat-2026.xlsx');
    const forezFile = inRoot('forez-2025.xlsx');
    const forez2025 = planOf((plan) => {
      plan.territory = 'Monts du Forez';
      plan.period = { start: '2025-01-01', end: '2028-12-31' };
      for (const axis of plan.axes) for (const fiche of axis.fiches) fiche.title = `${fiche.title} (Forez)`;
    });
    writeFileSync(forezFile, await territoryBytes({ ...forezWrongSiren, plan: forez2025 }));
    const run = await consolidate(forezFile, pilatFile, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.duplicates).toEqual([
      expect.objectContaining({ kept: pilatFile, dropped: forezFile, namesDiffer: true, conventionsDiffer: false }),
    ]);
    const { reason } = json.duplicates[0];
    // The SIREN leads, then why this one was kept.
    expect(reason).toMatch(
      new RegExp(
        `^Attention${NBSP}: le même SIREN porte deux noms .*, mais leurs plans n’ont presque aucune fiche en commun`,
      ),
    );
    expect(reason).toContain(
      `«${NBSP}${pilatFile}${NBSP}» est gardé${NBSP}: il suit la convention 2026–2030, «${NBSP}${forezFile}${NBSP}» ` +
        'la convention 2025–2028',
    );
    expect(reason).toContain(`à corriger dans «${NBSP}Paramètres${NBSP}» de ${pilatFile} ou de ${forezFile}`);
    // Not told that they are two conventions of one territory, nor that it may have been renamed.
    expect(reason).not.toMatch(/deux conventions du territoire|rien à faire/);
  }, 60_000);

  it('says the plans differ and that one SIREN is most likely wrong, naming both files (exit 1)', async () => {
    const [pilatFile, forezFile] = [inRoot('pilat-2026.xlsx'), inRoot(forezWrongSiren.name)];
    const run = await consolidate(forezFile, pilatFile, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.duplicates).toEqual([
      expect.objectContaining({ kept: pilatFile, dropped: forezFile, namesDiffer: true, conventionsDiffer: false }),
    ]);
    const { reason } = json.duplicates[0];
    expect(reason).toContain(
      `Attention${NBSP}: le même SIREN porte deux noms (${'«'}${NBSP}Monts du Pilat${NBSP}» et ` +
        `«${NBSP}Monts du Forez${NBSP}»), mais leurs plans n’ont presque aucune fiche en commun${NBSP}: ce sont sans ` +
        `doute deux territoires, et le SIREN de l’un des deux est faux, à corriger`,
    );
    expect(reason).toContain(`à corriger dans «${NBSP}Paramètres${NBSP}» de ${pilatFile} ou de ${forezFile}`);
    expect(reason).not.toContain('rien à faire');
  }, 60_000);
});
