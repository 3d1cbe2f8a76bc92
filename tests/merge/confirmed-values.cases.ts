import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cellAddress } from '../../src/layout/a1';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { gridsOf } from '../xlsx-patch/helpers';
import { locate, sheet } from '../rewrite/helpers';
import { runCli } from '../cli/run-cli';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A return holding values the master already has, typed by the officer after the extract was sent and written
 * otherwise by the partner (« en cours » for `En cours`, 3 in a quarter cell holding 3): each is « inchangée » in
 * the printed report, a confirmation the partner gave, and the report, the Journal's « Fichier fusionné » line and
 * the Contributions rows tell the same story (docs/WORKBOOK.md, « Merging returned rows »).
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-confirmed-'));
const path = (name: string) => join(folder, name);

const masterGrids = () => gridsOf(new Uint8Array(readFileSync(path('suivi.xlsx'))));

/** The officer's typing in the master, by key and header. */
async function typeInMaster(entries: { key: string; header: string; value: string | number }[]) {
  const bytes = new Uint8Array(readFileSync(path('suivi.xlsx')));
  const axis = sheet(gridsOf(bytes), 'Axe 1');
  const edits = entries.map(({ key, header, value }) => {
    const at = locate(axis, key, header)!;
    return { sheet: 'Axe 1', cell: cellAddress(at.row + 1, at.column + 1), value };
  });
  writeFileSync(path('suivi.xlsx'), await editXlsx(bytes, edits));
}

describe('values a partner returns that only confirm the master’s', () => {
  it('are unchanged in the report, confirmations in the Journal line, and the partner’s rows in Contributions', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait.xlsx'),
    );
    // Sent empty; the officer has typed them since.
    await typeInMaster([
      { key: 'G2', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 3 },
    ]);
    writeFileSync(
      path('retour.xlsx'),
      await fillExtract(extractBytes, [
        { key: 'G2', header: 'Statut', value: 'en cours' },
        { key: 'G1-QN1', header: '2026-T2', value: 3 },
        { key: 'G1-QN1', header: '2026-T3', value: 5 },
      ]),
    );

    const first = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx')]);
    expect(first.code).toBe(0);
    // G1's Statut and G1-QN1's 2026-T1 came back as sent: unchanged too, but no confirmation.
    expect(first.stdout).toContain(
      '1 valeur reprise, 4 inchangées (dont 2 confirmées, notées dans «\u00a0Contributions\u00a0»), ' +
        '0 conflit en attente, 0 refus.',
    );
    const journal = readJournalSheet(sheet(masterGrids(), 'Journal')).entries.filter(
      (line) => line.operation === 'merge',
    );
    expect(journal.map((line) => `${line.label} ${line.rowKey ?? ''} ${String(line.after.value)}`)).toEqual([
      '2026-T3 G1-QN1 5',
      'Fichier fusionné  1 valeur reprise, 2 confirmées',
    ]);
    const contributions = readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries;
    expect(
      contributions.map((line) => `${line.partner} ${line.key} ${line.field} ${String(line.value.value)}`),
    ).toEqual(['CCMP G1-QN1 2026-T2 3', 'CCMP G1-QN1 2026-T3 5', 'CCMP G2 status En cours']);

    // Merged again, every value is the partner's own already: nothing more to record.
    const again = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx')]);
    expect(again.stdout).toContain('0 valeur reprise, 5 inchangées, 0 conflit en attente, 0 refus.');
    expect(again.stdout).toContain('Le classeur n’a pas été modifié');

    // Undone, the merge takes back its three contributions, the confirmations with the value taken.
    const undo = await runCli(['undo', path('suivi.xlsx'), '--json']);
    expect(JSON.parse(undo.stdout)).toMatchObject({ contributionsRemoved: 3, restored: [{ key: 'G1-QN1' }] });
    expect(readContributionsSheet(sheet(masterGrids(), 'Contributions')).entries).toEqual([]);
  }, 60_000);
});
