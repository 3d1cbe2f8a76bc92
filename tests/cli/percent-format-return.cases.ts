import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { masterAndCcmpExtract } from '../merge/helpers/returned-extract';
import { runCli } from './run-cli';
import { typeWithExcel, type ExcelEdit } from './type-with-excel';

/**
 * A returned extract whose cells the partner showed as a percentage, as Excel stores it: « 50 % » typed is the number
 * 0.5 in a cell of format « 0% », and a format given to a date keeps its serial number. What `validate` says of the
 * extract and what `merge` does with it.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z');
const PERCENT = '0%';
/** What a number refused in a cell formatted as percent is told: the cell's format to change, then the value retyped. */
const PERCENT_FORMAT_ADVICE =
  ' La cellule est au format pourcentage\u00a0: donnez-lui un format de nombre (Format de cellule > Nombre), puis ' +
  'retapez la valeur, sans le signe\u00a0%.';

interface Said {
  code: string;
  cell: string;
  severity?: string;
  message: string;
}

describe('a returned extract with cells shown as a percentage', () => {
  let folder = '';
  let master = '';
  let masterBytes: Uint8Array = new Uint8Array();
  let extractBytes: Uint8Array = new Uint8Array();
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-percent-format-'));
    master = join(folder, 'suivi.xlsx');
    // The master sends a count of 0,5 in 2026-T2, a rate (Unité « % ») of 0,5 and of 0, an Avancement of 1 and of 0,
    // and dates: a fiche's last update, an officer's Unité holding a date, a comment that is a date.
    ({ masterBytes, extractBytes } = await masterAndCcmpExtract(generatedOn, master, join(folder, 'extrait.xlsx'), [
      { key: 'G1-QN1', header: '2026-T2', value: 0.5 },
      { key: 'G1-QN2', header: 'Unité', value: '%' },
      { key: 'G1-QN2', header: '2026-T1', value: 0 },
      { key: 'G1-QN2', header: '2026-T2', value: 0.5 },
      { key: 'G1', header: 'Avancement (%)', value: 0 },
      { key: 'G1-B', header: 'Avancement (%)', value: 1 },
      { key: 'G1', header: 'Dernière mise à jour', value: 46200, isDate: true },
      { key: 'G1-QN1', header: 'Unité', value: 46023, isDate: true },
      { key: 'G1-QN1', header: 'Commentaire', value: 46100, isDate: true },
      // A number that is also a date's serial number, in a number cell.
      { key: 'G1-QN1', header: 'Cible', value: 46023 },
    ]));
  }, 60_000);

  /** The extract returned with `edits` typed into it, its path. */
  async function returned(name: string, edits: readonly ExcelEdit[]): Promise<string> {
    const file = join(folder, name);
    writeFileSync(file, extractBytes);
    await typeWithExcel(file, edits);
    return file;
  }

  /** What `validate` says of G1 and its criterion's cells, a quarter's completeness aside. */
  async function validated(file: string): Promise<Said[]> {
    const report = JSON.parse((await runCli(['validate', file, '--json'])).stdout) as {
      issues: (Said & { rowKey: string | null })[];
    };
    return report.issues.filter(
      (issue) => issue.rowKey?.startsWith('G1') === true && issue.code !== 'incomplete-current-quarter',
    );
  }

  async function merged(file: string) {
    const run = await runCli(['merge', master, file, '--dry-run', '--json']);
    const { applied, conflicts, rejected, notes } = JSON.parse(run.stdout) as Record<string, unknown[]>;
    return { code: run.code, applied, conflicts, rejected, notes };
  }

  it('warns of « 50 % » typed over the 0,5 a count was sent with, in validate and merge, and keeps 0,5', async () => {
    const file = await returned('retour-50.xlsx', [{ key: 'G1-QN1', header: '2026-T2', value: 0.5, numFmt: PERCENT }]);
    const said = await validated(file);
    expect(said).toEqual([expect.objectContaining({ severity: 'warning', code: 'merge-percent-kept' })]);
    expect(said[0].message).toBe(
      `Axe 1, cellule ${said[0].cell}\u00a0: la valeur du trimestre 2026-T2 est au format pourcentage (elle affiche ` +
        '«\u00a050\u00a0%\u00a0»)\u00a0: elle est lue telle qu’elle est enregistrée, 0,5, la valeur envoyée, et ne ' +
        'change rien au classeur de suivi. Si le partenaire voulait dire 50, vérifiez-le avec lui et saisissez 50 ' +
        'dans le classeur de suivi.',
    );
    const merge = await merged(file);
    expect(merge).toMatchObject({ code: 0, applied: [], conflicts: [], rejected: [] });
    expect(merge.notes).toEqual([
      {
        source: 'retour-50.xlsx',
        sheet: 'Axe 1',
        cell: said[0].cell,
        code: 'merge-percent-kept',
        message: said[0].message,
      },
    ]);
  }, 60_000);

  // Rates are stored as whole numbers (80 for 80 %, docs/DOMAIN.md), Avancement too: « 50 % » there reads 0,5 all the same.
  it('warns of a percentage typed over the number sent in a rate and in Avancement, as in a count', async () => {
    const file = await returned('retour-taux.xlsx', [
      { key: 'G1-QN2', header: '2026-T2', value: 0.5, numFmt: PERCENT },
      { key: 'G1-B', header: 'Avancement (%)', value: 1, numFmt: PERCENT },
    ]);
    const said = await validated(file);
    expect(said.map(({ code, severity }) => [code, severity])).toEqual([
      ['merge-percent-kept', 'warning'],
      ['merge-percent-kept', 'warning'],
    ]);
    expect(said[1].message).toBe(
      `Axe 1, cellule ${said[1].cell}\u00a0: la valeur de la colonne «\u00a0Avancement (%)\u00a0» est au format ` +
        'pourcentage (elle affiche «\u00a0100\u00a0%\u00a0»)\u00a0: elle est lue telle qu’elle est enregistrée, 1, la ' +
        'valeur envoyée, et ne change rien au classeur de suivi. Si le partenaire voulait dire 100, vérifiez-le avec ' +
        'lui et saisissez 100 dans le classeur de suivi.',
    );
    const merge = await merged(file);
    expect(merge).toMatchObject({ code: 0, applied: [], conflicts: [], rejected: [] });
    expect(merge.notes).toEqual(said.map(({ cell, message }) => expect.objectContaining({ cell, message })));
  }, 60_000);

  it('says nothing of « 0 % » typed over a 0 sent: the same number either way', async () => {
    const file = await returned('retour-zero.xlsx', [
      { key: 'G1-QN2', header: '2026-T1', value: 0, numFmt: PERCENT },
      { key: 'G1', header: 'Avancement (%)', value: 0, numFmt: PERCENT },
    ]);
    expect(await validated(file)).toEqual([]);
    expect(await merged(file)).toMatchObject({ code: 0, applied: [], conflicts: [], rejected: [], notes: [] });
  }, 60_000);

  it('says nothing in merge of a count the master itself shows as a percentage, sent so and returned as sent', async () => {
    const shownMaster = join(folder, 'suivi-pourcentage.xlsx');
    writeFileSync(shownMaster, masterBytes);
    await typeWithExcel(shownMaster, [{ key: 'G1-QN1', header: '2026-T2', value: 0.5, numFmt: PERCENT }]);
    const extract = join(folder, 'extrait-pourcentage.xlsx');
    expect((await runCli(['extract', shownMaster, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
    // Its own validation tells the officer of the cell; the partner did nothing to it.
    const run = await runCli(['merge', shownMaster, extract, '--dry-run', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ applied: [], conflicts: [], rejected: [], notes: [] });
  }, 60_000);

  // A user trial formatted a quarter column as percent and typed 7: the cell shows « 700 % », 7 stored. Typing 7
  // without a « % » is what they did: the cell's format is what to change.
  it('says of a count typed in a cell formatted as percent (7 shown « 700 % ») to give it a number format', async () => {
    const file = await returned('retour-700.xlsx', [{ key: 'G1-QN1', header: '2026-T3', value: 7, numFmt: PERCENT }]);
    const said = await validated(file);
    expect(said).toEqual([expect.objectContaining({ severity: 'error', code: 'merge-wrong-value' })]);
    expect(said[0].message).toBe(
      `Axe 1, cellule ${said[0].cell}\u00a0: «\u00a0700\u00a0%\u00a0» n’est pas une valeur possible pour ` +
        `«\u00a02026-T3\u00a0» (un nombre)\u00a0; elle n’est pas reprise.${PERCENT_FORMAT_ADVICE}`,
    );
    const merge = await merged(file);
    expect(merge.rejected).toEqual([
      expect.objectContaining({ cell: said[0].cell, code: 'merge-wrong-value', message: said[0].message }),
    ]);
  }, 60_000);

  it('refuses a fresh « 50 % » in a count, and validate says it as merge does', async () => {
    const file = await returned('retour-neuf.xlsx', [
      { key: 'G1-QN1', header: '2026-T3', value: 0.5, numFmt: PERCENT },
    ]);
    const said = await validated(file);
    expect(said).toEqual([expect.objectContaining({ severity: 'error', code: 'merge-wrong-value' })]);
    const merge = await merged(file);
    expect(merge).toMatchObject({ code: 1, applied: [], conflicts: [], notes: [] });
    expect(merge.rejected).toEqual([
      expect.objectContaining({ cell: said[0].cell, code: 'merge-wrong-value', message: said[0].message }),
    ]);
    expect(said[0].message).toBe(
      `Axe 1, cellule ${said[0].cell}\u00a0: «\u00a050\u00a0%\u00a0» n’est pas une valeur possible pour ` +
        `«\u00a02026-T3\u00a0» (un nombre)\u00a0; elle n’est pas reprise.${PERCENT_FORMAT_ADVICE}`,
    );
  }, 60_000);

  it('says nothing of dates and numbers the partner only showed as a percentage, a text column’s date among them', async () => {
    const file = await returned('retour-dates.xlsx', [
      { key: 'G1', header: 'Dernière mise à jour', value: 46200, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Unité', value: 46023, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Commentaire', value: 46100, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Cible', value: 46023, numFmt: PERCENT },
    ]);
    expect(await validated(file)).toEqual([]);
    expect(await merged(file)).toMatchObject({ code: 0, applied: [], conflicts: [], rejected: [], notes: [] });
  }, 60_000);

  it('still sees a date or a number changed while shown as a percentage', async () => {
    const file = await returned('retour-dates-changees.xlsx', [
      { key: 'G1', header: 'Dernière mise à jour', value: 46201, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Unité', value: 46024, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Commentaire', value: 46101, numFmt: PERCENT },
      { key: 'G1-QN1', header: 'Cible', value: 46024, numFmt: PERCENT },
    ]);
    expect(await validated(file)).toEqual([
      expect.objectContaining({ code: 'merge-reserved-cell', params: expect.objectContaining({ header: 'Unité' }) }),
      expect.objectContaining({ code: 'merge-reserved-cell', params: expect.objectContaining({ header: 'Cible' }) }),
    ]);
    const merge = await merged(file);
    expect(merge.rejected).toEqual([
      expect.objectContaining({ column: 'Unité', code: 'merge-reserved-cell' }),
      expect.objectContaining({ column: 'Cible', code: 'merge-reserved-cell' }),
    ]);
    // The partner's own cells changed: changes, here against values the officer typed, so offered as conflicts.
    expect(merge.conflicts).toEqual([
      expect.objectContaining({ column: 'Dernière mise à jour', incoming: '2026-06-28' }),
      expect.objectContaining({ column: 'Commentaire', incoming: '4\u00a0610\u00a0100\u00a0%' }),
    ]);
  }, 60_000);
});
