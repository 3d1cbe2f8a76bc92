import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BY_THE_TERRITORY, editedBytes, forez, pilat, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * « Compétences AO » renamed (« AO ») or deleted in a territory's workbook: the rates do not read it, so the
 * consolidation keeps the territory and its figures and flags only its AO part, with the reason `validate` gives —
 * which recognises the renamed sheet by its table, as it recognises a renamed axis sheet by its keys.
 */

const today = new Date('2026-08-20T10:00:00Z');
const NBSP = '\u00a0';
const quoted = (name: string) => `«${NBSP}${name}${NBSP}»`;
const renamedReason =
  `La feuille ${quoted('Compétences AO')} manque. La feuille ${quoted('AO')} semble être ` +
  `${quoted('Compétences AO')} renommée${NBSP}: rendez-lui son nom.`;
/** The reason as it goes on after « : » (« Compétences AO non lues : la feuille … »). */
const renamedAfterColon = `l${renamedReason.slice(1)}${BY_THE_TERRITORY}`;
const deletedReason =
  `La feuille ${quoted('Compétences AO')} manque. Elle a sans doute été supprimée ou renommée${NBSP}: ` +
  'rétablissez-la (à partir d’une copie de sauvegarde) sous ce nom exact.';

const folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-ao-sheet-'));
const renamedFolder = join(folder, 'renommee');
const deletedFolder = join(folder, 'supprimee');
const soundFolder = join(folder, 'saine');

describe('consolidate-ao-sheet', () => {
  beforeAll(async () => {
    const sound = await territoryBytes(pilat);
    for (const dir of [renamedFolder, deletedFolder, soundFolder]) mkdirSync(dir);
    writeFileSync(join(soundFolder, 'pilat.xlsx'), sound);
    writeFileSync(
      join(renamedFolder, 'pilat.xlsx'),
      await editedBytes(sound, (workbook) => void (workbook.getWorksheet('Compétences AO')!.name = 'AO')),
    );
    writeFileSync(join(renamedFolder, 'forez.xlsx'), await territoryBytes(forez));
    writeFileSync(
      join(deletedFolder, 'pilat.xlsx'),
      await editedBytes(sound, (workbook) => workbook.removeWorksheet(workbook.getWorksheet('Compétences AO')!.id)),
    );
  }, 60_000);

  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  const pilatOf = (json: { territories: { name: string }[] }) =>
    json.territories.find((territory) => territory.name === 'Monts du Pilat') as Record<string, unknown>;

  describe('a territory whose « Compétences AO » was renamed', () => {
    it('is kept with its figures, its AO part flagged with validation’s reason (--json)', async () => {
      const run = await runCli(['consolidate', renamedFolder, '-o', join(folder, 'renommee.xlsx'), '--json']);
      const json = JSON.parse(run.stdout);
      expect(json.rejected).toEqual([]);
      const reference = JSON.parse(
        (await runCli(['consolidate', soundFolder, '-o', join(folder, 'saine.xlsx'), '--json'])).stdout,
      );
      const pilatJson = pilatOf(json);
      expect(pilatJson.counts).toEqual(pilatOf(reference).counts);
      expect(pilatJson.ao).toEqual([]);
      expect(pilatJson.aoUnread).toEqual({ code: 'missing-sheet', reason: renamedReason + BY_THE_TERRITORY });
      expect(pilatJson.errors).toBe(1);
      expect(pilatOf(reference).aoUnread).toBeNull();
      const forezJson = json.territories.find((territory: { name: string }) => territory.name !== 'Monts du Pilat');
      expect(forezJson.aoUnread).toBeNull();
      expect(forezJson.ao.length).toBeGreaterThan(0);
      expect(run.code).toBe(1);
    });

    it('says so under the territory’s line, and in the workbook’s AO sheet', async () => {
      const output = join(folder, 'renommee-texte.xlsx');
      const run = await runCli(['consolidate', renamedFolder, '-o', output]);
      const lines = run.stdout.split('\n');
      const at = lines.findIndex((line) => line.startsWith('  Monts du Pilat — '));
      expect(lines[at + 1]).toBe(`    Compétences AO non lues${NBSP}: ${renamedAfterColon}`);
      const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find(
        (candidate) => candidate.name === 'Compétences AO',
      )!;
      const rows = sheet.rows.filter((row) => row?.[0]?.value === 'Monts du Pilat');
      expect(rows.map((row) => row[1]?.value)).toEqual([`Non lues${NBSP}: ${renamedAfterColon}`]);
      expect(sheet.rows.some((row) => typeof row?.[0]?.value === 'string' && row[0].value.startsWith('Forez'))).toBe(
        true,
      );
    });

    it('is said renamed by validate, with the same words', async () => {
      const run = await runCli(['validate', join(renamedFolder, 'pilat.xlsx'), '--json']);
      const errors = JSON.parse(run.stdout).issues.filter((issue: { severity: string }) => issue.severity === 'error');
      expect(errors).toEqual([
        expect.objectContaining({ code: 'missing-sheet', sheet: 'Compétences AO', message: renamedReason }),
      ]);
    });
  });

  describe('a territory whose « Compétences AO » was deleted', () => {
    it('is kept with its figures, its AO part flagged as missing', async () => {
      const run = await runCli(['consolidate', deletedFolder, '-o', join(folder, 'supprimee.xlsx'), '--json']);
      const json = JSON.parse(run.stdout);
      expect(json.rejected).toEqual([]);
      expect(pilatOf(json).aoUnread).toEqual({ code: 'missing-sheet', reason: deletedReason + BY_THE_TERRITORY });
      expect(run.code).toBe(1);
    });

    it('says how to see its one error without promising a cell it does not have', async () => {
      const run = await runCli(['consolidate', deletedFolder, '-o', join(folder, 'supprimee-texte.xlsx')]);
      const lines = run.stdout.split('\n');
      const at = lines.findIndex((line) => line.startsWith('  Monts du Pilat — '));
      expect(lines[at]).toContain('1 erreur de données');
      expect(lines.slice(at + 1, at + 3)).toEqual([
        `    Compétences AO non lues${NBSP}: l${deletedReason.slice(1)}${BY_THE_TERRITORY}`,
        `    Pour la voir et savoir où la corriger${NBSP}: npx ctg-suivi validate ${join(deletedFolder, 'pilat.xlsx')}`,
      ]);
    });
  });
});
