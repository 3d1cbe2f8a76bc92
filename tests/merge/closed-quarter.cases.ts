import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readHistorySheet } from '../../src/layout/sheets/history/history-sheet';
import { gridsOf } from '../xlsx-patch/helpers';
import { sheet, valueAt } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { fillExtract, masterAndCcmpExtract, type KeyedEdit } from './helpers/returned-extract';

/**
 * A merge, or its undo, that changes what a closing copied into « Historique » (a late return for a quarter already
 * closed, a merge undone after the closing): Historique keeps the closing's snapshot, so the officer is told, with
 * the way to bring it up to date; and an undo leaves « Abandonnée en » in step with the Statut it gives back.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3, over by the time the tests run

let folder: string;
const path = (name: string) => join(folder, name);
const masterGrids = () => gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx'))));
const historyOf = (quarter: string) =>
  readHistorySheet(sheet(masterGrids(), 'Historique'))
    .entries.filter((entry) => entry.quarter === quarter)
    .map((entry) => `${entry.key} ${entry.field} ${String(entry.value.value)}`);

async function cli(...args: string[]) {
  const run = await runCli(args);
  return { ...run, said: run.stdout.replace(/\u00a0/g, ' ') };
}

/** The master and CCMP's return of its 2026-T3 extract, filled with `edits`. */
async function masterAndReturn(edits: readonly KeyedEdit[]) {
  folder = mkdtempSync(join(tmpdir(), 'ctg-merge-closed-'));
  const { extractBytes } = await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), path('extrait.xlsx'));
  writeFileSync(path('retour.xlsx'), await fillExtract(extractBytes, edits));
}

/** The way to bring Historique up to date, with the command to type on the workbook named `workbook`. */
const advice = (workbook: string) =>
  `remettez 2026-T3 comme trimestre en cours (« npx ctg-suivi compute ${workbook} --quarter 2026-T3 », ou le champ ` +
  '« Trimestre en cours » du volet) ' +
  'et clôturez-le à nouveau';

/** The arguments of the first command a message gives to type (« npx ctg-suivi … »). */
function commandGiven(said: string): string[] {
  const command = /« npx ctg-suivi ([^»]+) »/.exec(said);
  if (!command) throw new Error(`no command in: ${said}`);
  return command[1].split(' ');
}

describe('a merge or an undo after the quarter was closed', () => {
  it('undoing a merge the closing copied says that Historique still holds its values, and how to update it', async () => {
    await masterAndReturn([{ key: 'G1', header: 'Mise en œuvre', value: 'Mauvais fichier' }]);
    expect((await cli('merge', path('suivi.xlsx'), path('retour.xlsx'))).code).toBe(0);
    expect((await cli('close-quarter', path('suivi.xlsx'))).code).toBe(0);
    expect(historyOf('2026-T3')).toContain('G1 Mise en œuvre Mauvais fichier');

    const undo = await cli('undo', path('suivi.xlsx'));
    expect(undo.code).toBe(0);
    expect(valueAt(masterGrids(), 'G1', 'Mise en œuvre')?.value ?? null).toBeNull();
    expect(undo.said).toContain('le trimestre 2026-T3 a été clôturé depuis cette fusion');
    expect(undo.said).toContain(advice(path('suivi.xlsx')));

    // Doing as told, the command typed as the message gives it, brings Historique up to date.
    expect((await cli(...commandGiven(undo.said))).code).toBe(0);
    expect((await cli('close-quarter', path('suivi.xlsx'))).code).toBe(0);
    expect(historyOf('2026-T3')).not.toContain('G1 Mise en œuvre Mauvais fichier');
    expect(historyOf('2026-T3')).toContain('G1 Statut En cours');
  }, 90_000);

  it('undoing a merge before any closing says nothing of Historique', async () => {
    await masterAndReturn([{ key: 'G1', header: 'Mise en œuvre', value: 'Mauvais fichier' }]);
    await cli('merge', path('suivi.xlsx'), path('retour.xlsx'));
    const undo = await cli('undo', path('suivi.xlsx'));
    expect(undo.code).toBe(0);
    expect(undo.said).not.toContain('clôturé');
  }, 60_000);

  it('a late return for a quarter already closed is merged with the same note', async () => {
    await masterAndReturn([{ key: 'G1', header: 'Avancement (%)', value: 100 }]);
    expect((await cli('close-quarter', path('suivi.xlsx'))).code).toBe(0);
    const merge = await cli('merge', path('suivi.xlsx'), path('retour.xlsx'));
    expect(merge.code).toBe(0);
    expect(valueAt(masterGrids(), 'G1', 'Avancement (%)')?.value).toBe(100);
    expect(merge.said).toContain('le trimestre 2026-T3 est déjà clôturé');
    expect(merge.said).toContain(advice(path('suivi.xlsx')));
    expect(historyOf('2026-T3')).not.toContain('G1 Avancement (%) 100');
  }, 60_000);

  it('a late return merged into -o names that file, the one to put the quarter back in, in its note and --json', async () => {
    await masterAndReturn([{ key: 'G1', header: 'Avancement (%)', value: 100 }]);
    expect((await cli('close-quarter', path('suivi.xlsx'))).code).toBe(0);
    const out = path('suivi fusionné.xlsx');
    const merge = await cli('merge', path('suivi.xlsx'), path('retour.xlsx'), '-o', out, '--json');
    expect(merge.code).toBe(0);
    const [note] = JSON.parse(merge.stdout).notes.filter((n: { code: string }) => n.code === 'merge-closed-quarter');
    expect(note.message.replace(/\u00a0/g, ' ')).toContain(advice(`"${out}"`));
  }, 60_000);

  it('undoing a merge that set « Abandonnée » empties « Abandonnée en » a compute had filled', async () => {
    await masterAndReturn([{ key: 'G1', header: 'Statut', value: 'Abandonnée' }]);
    // The officer had typed « En cours »: the partner's change is a conflict, taken.
    expect((await cli('merge', path('suivi.xlsx'), path('retour.xlsx'), '--prefer', 'incoming')).code).toBe(0);
    await cli('compute', path('suivi.xlsx'));
    expect(valueAt(masterGrids(), 'G1', 'Abandonnée en')?.value).toBe('2026-T3');

    expect((await cli('undo', path('suivi.xlsx'))).code).toBe(0);
    expect(valueAt(masterGrids(), 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(masterGrids(), 'G1', 'Abandonnée en')?.value ?? null).toBeNull();
    const validate = await cli('validate', path('suivi.xlsx'), '--json');
    expect(JSON.parse(validate.stdout).errors).toBe(0);
  }, 60_000);
});
