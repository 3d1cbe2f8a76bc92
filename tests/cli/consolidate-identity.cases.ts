import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { forez, pilat, pilatEarlier, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli } from './run-cli';

/**
 * Copies of one territory that do not carry the same identity, as a Caf's folder holds them: a SIREN with two digits
 * swapped, a copy without SIREN, a territory renamed by hand in Paramètres. Each is taken for a copy of the same
 * territory, counted once, said with both files, and the command exits 1 so that someone checks.
 */

const NBSP = '\u00a0';
let root: string;
const inRoot = (...parts: string[]) => join(root, ...parts);

interface Json {
  territories: { name: string; file: string; siren: string | null }[];
  duplicates: {
    kept: string;
    dropped: string;
    siren: string | null;
    droppedSiren: string | null;
    namesDiffer: boolean;
    sirensDiffer: boolean;
    reason: string;
  }[];
}

async function consolidate(json: boolean, ...paths: string[]) {
  return runCli(['consolidate', ...paths, '-o', inRoot('consolidation.xlsx'), '--force', ...(json ? ['--json'] : [])]);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-identity-'));
  mkdirSync(inRoot('sirens'));
  // The same territory three times: its SIREN (200000001), an earlier copy whose SIREN has two digits swapped, and a
  // copy where no SIREN was typed.
  writeFileSync(inRoot('sirens', 'pilat.xlsx'), await territoryBytes(pilat));
  writeFileSync(inRoot('sirens', 'pilat-ancien.xlsx'), await territoryBytes({ ...pilatEarlier, siren: '200000010' }));
  writeFileSync(inRoot('sirens', 'pilat-sans-siren.xlsx'), await territoryBytes({ ...pilatEarlier, siren: undefined }));
  // Two byte-identical copies (a, c) and one of the same day whose SIREN has two digits swapped (b).
  mkdirSync(inRoot('three'));
  const pilatBytes = await territoryBytes(pilat);
  writeFileSync(inRoot('three', 'a.xlsx'), pilatBytes);
  writeFileSync(inRoot('three', 'b-siren-faux.xlsx'), await territoryBytes({ ...pilat, siren: '200000010' }));
  writeFileSync(inRoot('three', 'c.xlsx'), pilatBytes);
  // The earlier copy, its territory renamed by hand in Paramètres, no SIREN: `_ctg` still records « Monts du Pilat ».
  const unnamed = await territoryBytes({ ...pilatEarlier, siren: undefined });
  writeFileSync(
    inRoot('pilat-renomme.xlsx'),
    await editXlsx(unnamed, [
      { sheet: 'Paramètres', cell: settingsValueCell('territory'), value: 'CC du Pilat (nouveau nom)' },
    ]),
  );
}, 60_000);

describe('one territory name under two SIRENs', () => {
  it('is one territory, the newer copy kept, the other SIREN named with its file, and exit 1', async () => {
    const run = await consolidate(true, inRoot('sirens'));
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.territories).toEqual([
      expect.objectContaining({ file: inRoot('sirens', 'pilat.xlsx'), siren: '200000001' }),
    ]);
    const [old, none] = [inRoot('sirens', 'pilat-ancien.xlsx'), inRoot('sirens', 'pilat-sans-siren.xlsx')];
    expect(
      json.duplicates.map(({ dropped, siren, droppedSiren, sirensDiffer, namesDiffer }) => ({
        dropped,
        siren,
        droppedSiren,
        sirensDiffer,
        namesDiffer,
      })),
    ).toEqual([
      { dropped: old, siren: null, droppedSiren: '200000010', sirensDiffer: true, namesDiffer: false },
      { dropped: none, siren: null, droppedSiren: null, sirensDiffer: false, namesDiffer: false },
    ]);
    const kept = inRoot('sirens', 'pilat.xlsx');
    expect(json.duplicates[0].reason).toContain(
      `Attention${NBSP}: le même nom porte deux SIREN (200000001 dans ${kept}, 200000010 dans ${old}). S’il s’agit ` +
        `du même territoire, l’un des deux SIREN est faux, à corriger dans «${NBSP}Paramètres${NBSP}» de ${kept} ` +
        `ou de ${old}.`,
    );
  }, 60_000);

  it('prints each territory with its file, and the duplicate with both files', async () => {
    const run = await consolidate(false, inRoot('sirens'));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(
      lines.filter((line) => line.startsWith(`  Monts du Pilat — ${inRoot('sirens', 'pilat.xlsx')} (2026-T3)`)),
    ).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('  Doublon de Monts du Pilat'))).toHaveLength(2);
  }, 60_000);
  it('says of each copy not kept its own SIREN beside the kept one’s: no warning for an identical copy', async () => {
    const run = await consolidate(true, inRoot('three'));
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    const [a, b, c] = ['a.xlsx', 'b-siren-faux.xlsx', 'c.xlsx'].map((file) => inRoot('three', file));
    expect(
      json.duplicates.map(({ kept, dropped, siren, droppedSiren, sirensDiffer }) => ({
        kept,
        dropped,
        siren,
        droppedSiren,
        sirensDiffer,
      })),
    ).toEqual([
      // a and b share the name, not the SIREN.
      { kept: a, dropped: b, siren: null, droppedSiren: '200000010', sirensDiffer: true },
      { kept: a, dropped: c, siren: '200000001', droppedSiren: '200000001', sirensDiffer: false },
    ]);
    expect(json.duplicates[0].reason).toContain(
      `le même nom porte deux SIREN (200000001 dans ${a}, 200000010 dans ${b})`,
    );
    expect(json.duplicates[1].reason).not.toMatch(/SIREN|Attention/);
  }, 60_000);
});

describe('a territory renamed by hand in Paramètres', () => {
  it('is joined to its copies by the name its workbook was created for, and said', async () => {
    const renamed = inRoot('pilat-renomme.xlsx');
    const original = inRoot('sirens', 'pilat.xlsx');
    const run = await consolidate(true, renamed, original);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.territories).toEqual([expect.objectContaining({ file: original, name: 'Monts du Pilat' })]);
    expect(json.duplicates).toEqual([expect.objectContaining({ kept: original, dropped: renamed, namesDiffer: true })]);
    expect(json.duplicates[0].reason).toContain(
      `Attention${NBSP}: «${NBSP}Paramètres${NBSP}» de ${renamed} nomme le territoire ` +
        `«${NBSP}CC du Pilat (nouveau nom)${NBSP}», mais ce classeur a été créé pour «${NBSP}Monts du Pilat${NBSP}», ` +
        `comme ${original}${NBSP}: les deux sont pris pour des copies d’un même territoire.`,
    );
  }, 60_000);
});

describe('two workbooks made from one, each given a territory in Paramètres, one SIREN left unchanged', () => {
  it('says that one SIREN bears two names, to correct, not that one of them was created for the other', async () => {
    // As the docs allow: copies of one generated workbook, each given its own territory and SIREN in Paramètres;
    // here the SIREN of the second was not changed. Neither shows the name both were created for (« Monts du
    // Pilat »): they are taken for one territory by their SIREN alone, which is what to correct.
    mkdirSync(inRoot('made-from-one'));
    const bytes = await territoryBytes(pilat);
    const [alpha, beta] = [inRoot('made-from-one', 'alpha.xlsx'), inRoot('made-from-one', 'beta.xlsx')];
    for (const [file, name] of [
      [alpha, 'Val d’Alpha'],
      [beta, 'Plateau de Beta'],
    ])
      writeFileSync(
        file,
        await editXlsx(bytes, [{ sheet: 'Paramètres', cell: settingsValueCell('territory'), value: name }]),
      );
    const run = await consolidate(true, alpha, beta);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.duplicates).toEqual([expect.objectContaining({ kept: alpha, dropped: beta, namesDiffer: true })]);
    const { reason } = json.duplicates[0];
    expect(reason).toContain(
      `le même SIREN porte deux noms («${NBSP}Val d’Alpha${NBSP}» et «${NBSP}Plateau de Beta${NBSP}»)`,
    );
    expect(reason).toContain(
      `l’un des deux SIREN est faux, à corriger dans «${NBSP}Paramètres${NBSP}» de ${alpha} ou de ${beta}`,
    );
    expect(reason).not.toContain('a été créé pour');
  }, 60_000);
});

describe('a SIREN cell that holds no SIREN', () => {
  it('is shown as typed in --json and « Territoires », never as its letters run together; a spaced SIREN as its digits', async () => {
    mkdirSync(inRoot('typed'));
    writeFileSync(
      inRoot('typed', 'forez.xlsx'),
      await territoryBytes({ ...forez, siren: `SIREN${NBSP}: 200 000 002` }),
    );
    writeFileSync(inRoot('typed', 'pilat.xlsx'), await territoryBytes({ ...pilat, siren: `200${NBSP}000 001` }));
    const run = await consolidate(true, inRoot('typed'));
    const json = JSON.parse(run.stdout) as Json;
    expect(json.territories.map(({ siren }) => siren)).toEqual([`SIREN${NBSP}: 200 000 002`, '200000001']);
    const grids = gridsOf(new Uint8Array(readFileSync(inRoot('consolidation.xlsx'))));
    const territories = grids.sheets.find((sheet) => sheet.name === 'Territoires')!;
    const sirens = territories.rows.slice(4, 6).map((cells) => cells?.[1]?.value);
    expect(sirens).toEqual([`SIREN${NBSP}: 200 000 002`, '200000001']);
  });
});

describe('workbooks made from one, renamed in Paramètres to two territories, no SIREN typed', () => {
  // As a Caf's trial made them: one generated workbook, no SIREN, copied three times; two copies given another
  // territory in Paramètres, the third left as generated.
  const names = { annonay: 'Communauté de communes du Bassin d’Annonay', roannais: 'Roannais Agglomération' };
  let files: Record<'annonay' | 'pilat' | 'roannais', string>;
  beforeAll(async () => {
    mkdirSync(inRoot('clones'));
    const bytes = await territoryBytes({ ...pilat, siren: undefined });
    files = {
      annonay: inRoot('clones', 'annonay.xlsx'),
      pilat: inRoot('clones', 'pilat.xlsx'),
      roannais: inRoot('clones', 'roannais.xlsx'),
    };
    writeFileSync(files.pilat, bytes);
    for (const key of ['annonay', 'roannais'] as const)
      writeFileSync(
        files[key],
        await editXlsx(bytes, [{ sheet: 'Paramètres', cell: settingsValueCell('territory'), value: names[key] }]),
      );
  }, 60_000);

  it('counts each territory, whatever the order, and says which SIREN to fill where', async () => {
    for (const order of [
      [files.annonay, files.pilat, files.roannais],
      [files.roannais, files.pilat, files.annonay],
    ]) {
      const run = await consolidate(true, ...order);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as Json & { copiesApart: { files: string[]; reason: string }[] };
      expect(json.territories.map((territory) => territory.file).sort()).toEqual(
        [files.annonay, files.pilat, files.roannais].sort(),
      );
      expect(json.duplicates).toEqual([]);
      expect(json.copiesApart).toEqual([
        expect.objectContaining({ files: [files.annonay, files.pilat, files.roannais] }),
      ]);
      const { reason } = json.copiesApart[0];
      expect(reason).toContain(
        `${files.annonay}, ${files.pilat} et ${files.roannais} ont été créés à partir d’un même classeur, celui de ` +
          `«${NBSP}Monts du Pilat${NBSP}»`,
      );
      expect(reason).toContain(`«${NBSP}${names.annonay}${NBSP}» dans ${files.annonay}`);
      expect(reason).toContain(`«${NBSP}${names.roannais}${NBSP}» dans ${files.roannais}`);
      expect(reason).toContain(
        `le SIREN de l’EPCI de chaque territoire est à saisir dans «${NBSP}Paramètres${NBSP}» de ${files.annonay}, ` +
          `${files.pilat} et ${files.roannais}`,
      );
    }
    const text = await consolidate(false, inRoot('clones'));
    expect(text.stdout).not.toContain('Doublon');
    // The workbook says it too, under the duplicates of « Fichiers écartés ».
    const grids = gridsOf(new Uint8Array(readFileSync(inRoot('consolidation.xlsx'))));
    const sheet = grids.sheets.find((candidate) => candidate.name === 'Fichiers écartés')!;
    const texts = sheet.rows.flatMap((cells) => (cells ?? []).map((cell) => String(cell?.value ?? '')));
    expect(texts).toContain('Classeurs créés à partir d’un même classeur (comptés comme des territoires distincts)');
    expect(texts.some((text) => text.includes('le SIREN de l’EPCI de chaque territoire est à saisir'))).toBe(true);
    expect(text.stdout).toMatch(/Consolidation terminée\s:\s3 territoires/);
    expect(text.stdout).toContain(`ont été créés à partir d’un même classeur`);
  }, 120_000);
  it('joins one copy renamed to the one showing the name both were created for, kept on a tie, the link named', async () => {
    for (const order of [
      [files.annonay, files.pilat],
      [files.pilat, files.annonay],
    ]) {
      const run = await consolidate(true, ...order);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as Json;
      expect(json.territories).toEqual([expect.objectContaining({ file: files.pilat, name: 'Monts du Pilat' })]);
      expect(json.duplicates).toEqual([
        expect.objectContaining({ kept: files.pilat, dropped: files.annonay, namesDiffer: true }),
      ]);
      const { reason } = json.duplicates[0];
      expect(reason).toContain(
        `«${NBSP}${files.pilat}${NBSP}» est gardé parce que «${NBSP}Paramètres${NBSP}» y nomme le territoire pour ` +
          `lequel il a été créé, et non «${NBSP}${files.annonay}${NBSP}», où un autre nom a été tapé.`,
      );
      expect(reason).toContain(`mais ce classeur a été créé pour «${NBSP}Monts du Pilat${NBSP}», comme ${files.pilat}`);
    }
  }, 60_000);
});

describe('one SIREN, the name of one copy typed over in Paramètres', () => {
  it('says that both have the same SIREN, and what to correct: the name back, or a SIREN each', async () => {
    mkdirSync(inRoot('same-siren'));
    const bytes = await territoryBytes(pilat);
    const [a, b] = [inRoot('same-siren', 'a.xlsx'), inRoot('same-siren', 'b.xlsx')];
    writeFileSync(a, bytes);
    writeFileSync(
      b,
      await editXlsx(bytes, [
        { sheet: 'Paramètres', cell: settingsValueCell('territory'), value: 'CC des Monts du Pilat' },
      ]),
    );
    const run = await consolidate(true, a, b);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.duplicates).toEqual([expect.objectContaining({ dropped: b, namesDiffer: true })]);
    const { reason } = json.duplicates[0];
    expect(reason).toContain(`${a} et ${b} ont le même SIREN (200000001)`);
    expect(reason).toContain(
      `S’il s’agit du même territoire, «${NBSP}Monts du Pilat${NBSP}» est à remettre dans «${NBSP}Paramètres${NBSP}» ` +
        `de ${b}`,
    );
    expect(reason).toContain(
      `S’il s’agit de deux territoires, chacun doit saisir son propre SIREN dans «${NBSP}Paramètres${NBSP}»`,
    );
  }, 60_000);
});
