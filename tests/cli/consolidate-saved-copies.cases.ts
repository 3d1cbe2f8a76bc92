import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { runCli } from './run-cli';

/**
 * Two copies of one territory's workbook, both filled in plain Excel from the same generated file: `_ctg`'s last
 * write and the fiches' dates are the same, so only the date Excel recorded when saving each tells the newer.
 */

/** The workbook with `dcterms:modified` set to `savedAt` in its core properties, everything else as it was. */
function savedOn(bytes: Uint8Array, savedAt: string): Uint8Array {
  const parts = unzipSync(bytes);
  const core = strFromU8(parts['docProps/core.xml']);
  const changed = core.replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${savedAt}$2`);
  expect(changed).not.toBe(core);
  parts['docProps/core.xml'] = strToU8(changed);
  return zipSync(parts);
}

let folder: string;
const path = (name: string) => join(folder, name);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ctg-saved-copies-'));
  const bytes = await territoryBytes(pilat);
  writeFileSync(path('envoye.xlsx'), savedOn(bytes, '2026-09-15T08:00:00Z'));
  writeFileSync(path('retour.xlsx'), savedOn(bytes, '2026-10-02T14:30:00Z'));
  // A clock ahead on the machine that saved it: that date does not count.
  writeFileSync(path('horloge.xlsx'), savedOn(bytes, '2099-01-01T00:00:00Z'));
}, 60_000);

async function consolidated(...names: string[]) {
  const run = await runCli(['consolidate', ...names.map(path), '-o', path('consolidation.xlsx'), '--force', '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as {
    territories: { file: string; lastWrite: string | null; savedAt: string | null }[];
    duplicates: { kept: string; dropped: string; reason: string }[];
  };
}

describe('two copies of a territory with the same recorded dates', () => {
  it.each([
    ['given first', ['retour.xlsx', 'envoye.xlsx']],
    ['given second', ['envoye.xlsx', 'retour.xlsx']],
  ])(
    'keeps the one saved later, %s',
    async (_, order) => {
      const json = await consolidated(...order);
      expect(json.territories).toMatchObject([
        { file: path('retour.xlsx'), lastWrite: '2026-08-10T10:00:00Z', savedAt: '2026-10-02T14:30:00Z' },
      ]);
      expect(json.duplicates).toEqual([
        {
          territory: 'Monts du Pilat',
          siren: '200000001',
          kept: path('retour.xlsx'),
          dropped: path('envoye.xlsx'),
          droppedTerritory: 'Monts du Pilat',
          droppedSiren: '200000001',
          namesDiffer: false,
          sirensDiffer: false,
          conventionsDiffer: false,
          olderHasMore: false,
          tieDiffers: false,
          reason:
            'Mêmes dates\u00a0: classeur écrit par l’outil le 10/08/2026 à 12:00 (heure de Paris)\u00a0; fichier enregistré plus tard\u00a0: ' +
            'le 02/10/2026, contre le 15/09/2026.',
        },
      ]);
    },
    60_000,
  );

  it('does not count a save date after today', async () => {
    const json = await consolidated('horloge.xlsx', 'envoye.xlsx');
    expect(json.territories).toMatchObject([{ file: path('envoye.xlsx'), savedAt: '2026-09-15T08:00:00Z' }]);
    expect(json.duplicates[0].reason).toBe(
      'Mêmes dates\u00a0: classeur écrit par l’outil le 10/08/2026 à 12:00 (heure de Paris)\u00a0; seul le fichier gardé a une date ' +
        'd’enregistrement valable\u00a0: le 15/09/2026.',
    );
  }, 60_000);
});

it('ends in code 1 when the copy not kept, older, has more values filled: the kept one may be the wrong one', async () => {
  const entries = [...pilat.entries, { key: 'G1-QN1', header: '2026-T3', value: 7 }];
  writeFileSync(path('plus-rempli.xlsx'), savedOn(await territoryBytes({ ...pilat, entries }), '2026-09-15T08:00:00Z'));
  const run = await runCli([
    'consolidate',
    path('retour.xlsx'),
    path('plus-rempli.xlsx'),
    '-o',
    path('c.xlsx'),
    '--json',
  ]);
  const json = JSON.parse(run.stdout) as { duplicates: { kept: string; olderHasMore: boolean; reason: string }[] };
  expect(json.duplicates).toEqual([
    expect.objectContaining({
      kept: path('retour.xlsx'),
      olderHasMore: true,
      reason: expect.stringContaining('Attention, la copie non retenue, plus ancienne, a plus de valeurs renseignées'),
    }),
  ]);
  expect(run.code).toBe(1);
}, 60_000);

it('ends in code 1 when no date tells two copies apart and their figures differ: either may be the one up to date', async () => {
  // The same dates, saved hours apart: a value typed in one, or removed from the other when corrected.
  const entries = [...pilat.entries, { key: 'G1-QN1', header: '2026-T3', value: 7 }];
  writeFileSync(path('complete.xlsx'), savedOn(await territoryBytes({ ...pilat, entries }), '2026-09-15T09:00:00Z'));
  const run = await runCli([
    'consolidate',
    path('envoye.xlsx'),
    path('complete.xlsx'),
    '-o',
    path('c.xlsx'),
    '--force',
    '--json',
  ]);
  const json = JSON.parse(run.stdout) as { duplicates: { kept: string; tieDiffers: boolean; reason: string }[] };
  expect(json.duplicates).toEqual([
    expect.objectContaining({
      kept: path('complete.xlsx'),
      tieDiffers: true,
      reason: expect.stringContaining(
        `«\u00a0${path('complete.xlsx')}\u00a0» est gardé parce qu’il a plus de valeurs renseignées que ` +
          `«\u00a0${path('envoye.xlsx')}\u00a0».`,
      ),
    }),
  ]);
  expect(json.duplicates[0].reason).toContain('Vérifiez laquelle est à jour');
  expect(run.code).toBe(1);
  // The same figures, no date to tell them apart: nothing to check.
  writeFileSync(path('copie.xlsx'), savedOn(await territoryBytes(pilat), '2026-09-15T10:00:00Z'));
  const same = await runCli(['consolidate', path('envoye.xlsx'), path('copie.xlsx'), '-o', path('c.xlsx'), '--force']);
  expect(same.code).toBe(0);
}, 60_000);
