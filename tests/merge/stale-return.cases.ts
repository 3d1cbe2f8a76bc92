import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gridsOf } from '../xlsx-patch/helpers';
import { valueAt } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A partner's returns merged out of order: an older return given again after a newer one (two files of a folder, the
 * older last) must not silently bring back what the newer one changed.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-stale-'));
const path = (name: string) => join(folder, name);

async function mergeJson(...args: string[]) {
  const run = await runCli(['merge', path('suivi.xlsx'), ...args, '--json']);
  return { code: run.code, json: JSON.parse(run.stdout) };
}

async function extract(name: string): Promise<Uint8Array> {
  const run = await runCli(['extract', path('suivi.xlsx'), '--porteur', 'CCMP', '-o', path(name), '--force']);
  if (run.code !== 0) throw new Error(run.stderr);
  return new Uint8Array(readFileSync(path(name)));
}

const masterValue = () => valueAt(gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx')))), 'G1-QN1', '2026-T2');

describe('an older return merged after a newer one', () => {
  it('holds as a conflict a value its partner has since emptied, rather than bringing it back', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait-1.xlsx'),
    );
    writeFileSync(
      path('retour-1.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN1', header: '2026-T2', value: 12 }]),
    );
    const first = await mergeJson(path('retour-1.xlsx'));
    expect(first.json.applied).toMatchObject([{ key: 'G1-QN1', column: '2026-T2', new: 12 }]);
    expect(masterValue()?.value).toBe(12);

    // The next extract carries 12; the partner empties it, and the officer takes that.
    const second = await extract('extrait-2.xlsx');
    writeFileSync(
      path('retour-2.xlsx'),
      await fillExtract(second, [{ key: 'G1-QN1', header: '2026-T2', value: null }]),
    );
    const emptied = await mergeJson(path('retour-2.xlsx'), '--take', 'G1-QN1:2026-T2');
    expect(emptied.json.conflicts).toMatchObject([{ reason: 'emptied', resolution: 'incoming' }]);
    expect(masterValue()?.value ?? null).toBeNull();

    // The first return again: its 12 differs from what the partner gave last (nothing), so it waits for a choice.
    const again = await mergeJson(path('retour-1.xlsx'));
    expect(again.json.applied).toEqual([]);
    expect(again.json.conflicts).toMatchObject([
      { key: 'G1-QN1', column: '2026-T2', master: null, incoming: 12, reason: 'own-changed', resolution: null },
    ]);
    expect(again.code).toBe(1);
    expect(masterValue()?.value ?? null).toBeNull();
  }, 60_000);

  it('takes a partner’s correction of its own value made on a newer extract that showed it, and still holds the older return', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('b-extrait-1.xlsx'),
    );
    const statusOf = () => valueAt(gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx')))), 'G2', 'Statut');
    writeFileSync(
      path('b-retour-1.xlsx'),
      await fillExtract(extractBytes, [
        { key: 'G2', header: 'Statut', value: 'En cours' },
        { key: 'G1-QN1', header: '2026-T2', value: 12 },
      ]),
    );
    expect((await mergeJson(path('b-retour-1.xlsx'))).json.applied).toHaveLength(2);

    // The next extract shows the partner its own « En cours » and 12; it corrects both, knowing what it gave.
    const second = await extract('b-extrait-2.xlsx');
    writeFileSync(
      path('b-retour-2.xlsx'),
      await fillExtract(second, [
        { key: 'G2', header: 'Statut', value: 'Réalisée' },
        { key: 'G1-QN1', header: '2026-T2', value: 14 },
      ]),
    );
    const corrected = await mergeJson(path('b-retour-2.xlsx'));
    expect(corrected.json.conflicts).toEqual([]);
    expect(corrected.json.applied).toMatchObject([
      { key: 'G1-QN1', column: '2026-T2', old: 12, new: 14 },
      { key: 'G2', column: 'Statut', old: 'En cours', new: 'Réalisée' },
    ]);
    expect(corrected.code).toBe(0);
    expect(statusOf()?.value).toBe('Réalisée');
    expect(masterValue()?.value).toBe(14);

    // The first return again, sent before those values: it waits for a choice, as before.
    const again = await mergeJson(path('b-retour-1.xlsx'));
    expect(again.json.applied).toEqual([]);
    expect(again.json.conflicts).toMatchObject([
      { key: 'G1-QN1', column: '2026-T2', reason: 'own-changed', resolution: null },
      { key: 'G2', column: 'Statut', reason: 'own-changed', resolution: null },
    ]);
    expect(statusOf()?.value).toBe('Réalisée');
    expect(masterValue()?.value).toBe(14);
  }, 60_000);
});
