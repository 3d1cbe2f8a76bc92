import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli } from '../cli/run-cli';
import { readXlsx } from '../../src/xlsx/reader';
import type { Plan } from '../../src/domain/plan';
import { samplePlan } from '../layout/helpers/sample-plan';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A return whose extract was made before the plan lost one of its rows: the officer is told that the row was removed
 * from the plan, not that the file may come from another workbook, nor to type its value by hand in a row that is
 * no longer there.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-retired-'));
const path = (name: string) => join(folder, name);

/** The workbook `master` generated again from the sample plan as `amend` leaves it (written to `planFile`). */
async function regenerate(planFile: string, master: string, amend: (plan: Plan) => void = () => undefined) {
  const plan = samplePlan();
  amend(plan);
  writeFileSync(path(planFile), JSON.stringify(plan));
  const regenerated = await runCli(['generate', '--plan', path(planFile), '-o', path(master), '--force']);
  expect(regenerated.code).toBe(0);
}

/** The workbook `master` generated again from the sample plan without criterion G1-QN2 (written to `planFile`). */
async function regenerateWithoutG1QN2(planFile: string, master: string): Promise<void> {
  await regenerate(planFile, master, (plan) => {
    const fiche = plan.axes.flatMap((axis) => axis.fiches).find((one) => one.key === 'G1')!;
    fiche.criteria = fiche.criteria.filter((criterion) => criterion.key !== 'G1-QN2');
  });
}

/** The sample plan without fiche G1 (and its criteria). */
function withoutG1(plan: Plan): void {
  for (const axis of plan.axes) axis.fiches = axis.fiches.filter((fiche) => fiche.key !== 'G1');
}

/** The workbook with the Archives lines of `key`'s `column` in reverse order, as an officer sorting the sheet may. */
async function withArchivedLinesReversed(bytes: Uint8Array, key: string, column: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Archives')!;
  const lines: number[] = [];
  sheet.eachRow((row, number) => {
    if (row.getCell(2).value === key && row.getCell(5).value === column) lines.push(number);
  });
  expect(lines.length).toBeGreaterThan(1);
  const values = lines.map((number) => [1, 2, 3, 4, 5, 6].map((index) => sheet.getRow(number).getCell(index).value));
  lines.forEach((number, at) =>
    values[values.length - 1 - at].forEach((value, index) => (sheet.getRow(number).getCell(index + 1).value = value)),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('a return holding a row the amended plan removed', () => {
  it('refuses its values saying the row left the plan since the extract', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi.xlsx'),
      path('extrait.xlsx'),
    );
    writeFileSync(
      path('retour.xlsx'),
      await fillExtract(extractBytes, [
        { key: 'G1-QN1', header: '2026-T2', value: 5 },
        { key: 'G1-QN2', header: '2026-T2', value: 7 },
      ]),
    );
    await regenerateWithoutG1QN2('plan.json', 'suivi.xlsx');

    const run = await runCli(['merge', path('suivi.xlsx'), path('retour.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/G1-QN1, 2026-T2\u00a0: vide → «\u00a05\u00a0»/);
    const refusal = run.stdout.split('\n').find((line) => line.includes('G1-QN2'));
    expect(refusal).toMatch(
      /^ {2}Refusé \(retour\.xlsx\)\u00a0: Axe 1, cellule A\d+\u00a0: la ligne «\u00a0G1-QN2\u00a0» a été retirée du plan /,
    );
    expect(refusal).not.toContain('vient bien de ce classeur');
    // What the partner typed there is quoted: it is not taken, and the officer may type it elsewhere.
    expect(refusal).toContain('ses valeurs ne sont pas reprises (2026-T2\u00a0: 7)');
  }, 60_000);
});

// The merge's value left the tracking with its row (it is in Archives): the cell is not back at its value before the
// merge, and the undo says it could not give it back, because its row left the plan, and where its value is.
describe('undoing a merge whose row the amended plan removed since', () => {
  it('reports the cell as not given back, its row out of the plan and its value in Archives', async () => {
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      path('suivi-undo.xlsx'),
      path('extrait-undo.xlsx'),
    );
    writeFileSync(
      path('retour-undo.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN2', header: '2026-T2', value: 7 }]),
    );
    expect((await runCli(['merge', path('suivi-undo.xlsx'), path('retour-undo.xlsx')])).code).toBe(0);
    await regenerateWithoutG1QN2('plan-undo.json', 'suivi-undo.xlsx');

    // Written elsewhere (-o): the workbook keeps its merge for the --json run below.
    const told = await runCli(['undo', path('suivi-undo.xlsx'), '-o', path('annule-undo.xlsx')]);
    expect(told.code).toBe(1);
    const notGivenBack = told.stdout.split('\n').filter((line) => line.includes('G1-QN2'));
    expect(notGivenBack).toEqual([
      '  Non rétablie (ligne retirée du plan depuis la fusion)\u00a0: G1-QN2, 2026-T2\u00a0; sa valeur au retrait de ' +
        'la ligne, «\u00a07\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
    ]);
    expect(told.stdout).not.toContain('!');

    const run = await runCli(['undo', path('suivi-undo.xlsx'), '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.alreadyBefore).toEqual([]);
    expect(report.changedSince).toEqual([
      {
        key: 'G1-QN2',
        column: '2026-T2',
        merged: 7,
        now: null,
        leftPlan: { removed: 'row', archived: true, value: 7, backInPlan: false },
      },
    ]);
    expect(run.code).toBe(1);
  }, 60_000);

  // A fiche's key is the plan's ref: removed by a regeneration and put back by the next, its row is there again, its
  // cells empty. Archives holds a value of each removal: the one the cell held at the last, since the merge, is told.
  it('says of a fiche removed and put back since which of its values Archives keeps, at its cell', async () => {
    const master = path('suivi-remise.xlsx');
    await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, path('extrait-ancien.xlsx'));
    // Before the merge, G1 left the plan (its Statut « En cours » in Archives), came back empty, and was typed again.
    await regenerate('sans-g1-avant.json', 'suivi-remise.xlsx', withoutG1);
    await regenerate('complet-avant.json', 'suivi-remise.xlsx');
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1', header: 'Statut', value: 'Reportée', sheet: 'Axe 1' }]),
    );
    const extract = path('extrait-remise.xlsx');
    expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
    const returned = [{ key: 'G1', header: 'Statut', value: 'Réalisée' }];
    writeFileSync(path('retour-remise.xlsx'), await fillExtract(readFileSync(extract), returned));
    // The officer's Statut is not in the extract: the partner's is a conflict, taken.
    expect((await runCli(['merge', master, path('retour-remise.xlsx'), '--take', 'G1:Statut'])).code).toBe(0);
    await regenerate('sans-g1-apres.json', 'suivi-remise.xlsx', withoutG1);
    await regenerate('complet-apres.json', 'suivi-remise.xlsx');

    const told = await runCli(['undo', master, '-o', path('annule-remise.xlsx')]);
    expect(told.code).toBe(1);
    expect(told.stdout.split('\n').filter((line) => line.includes('G1, Statut'))).toEqual([
      '  Non rétablie (ligne retirée du plan depuis la fusion, puis remise)\u00a0: Axe 1!K4 G1, Statut\u00a0; sa ' +
        'valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
    ]);
  }, 90_000);

  // Empty before the merge, removed with its row and put back empty: back at its value before the merge, nothing to
  // give back, but the merge's value is in Archives, which is said (it read « Rien à rétablir » alone).
  it('says of a fiche empty before the merge, removed and put back since, which value Archives keeps', async () => {
    const master = path('suivi-remise-vide.xlsx');
    await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, path('extrait-vide-ancien.xlsx'));
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1', header: 'Statut', value: null, sheet: 'Axe 1' }]),
    );
    const extract = path('extrait-remise-vide.xlsx');
    expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
    const returned = [{ key: 'G1', header: 'Statut', value: 'Réalisée' }];
    writeFileSync(path('retour-remise-vide.xlsx'), await fillExtract(readFileSync(extract), returned));
    expect((await runCli(['merge', master, path('retour-remise-vide.xlsx')])).code).toBe(0);
    await regenerate('sans-g1-vide.json', 'suivi-remise-vide.xlsx', withoutG1);
    await regenerate('complet-vide.json', 'suivi-remise-vide.xlsx');

    const told = await runCli(['undo', master, '-o', path('annule-remise-vide.xlsx')]);
    expect(told.code).toBe(0);
    expect(told.stdout.split('\n').filter((line) => line.includes('G1, Statut'))).toEqual([
      '  Rien à rétablir (déjà à sa valeur d’avant la fusion\u00a0; ligne retirée du plan depuis la fusion, puis ' +
        'remise)\u00a0: Axe 1!K4 G1, Statut\u00a0; sa valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est ' +
        'gardée dans la feuille «\u00a0Archives\u00a0».',
    ]);
    const json = await runCli(['undo', master, '--json', '-o', path('annule-remise-vide-json.xlsx')]);
    expect(JSON.parse(json.stdout).alreadyBefore).toEqual([
      {
        key: 'G1',
        column: 'Statut',
        merged: 'Réalisée',
        now: null,
        leftPlan: { removed: 'row', archived: true, value: 'Réalisée', backInPlan: true },
      },
    ]);
  }, 90_000);

  // Removed twice since the merge, the fiche's Statut went twice to Archives: the value told is the later, even when
  // the officer sorted Archives so that the earlier is below it.
  it('tells the value of the last removal since the merge, whatever the order of the Archives lines', async () => {
    const master = path('suivi-deux-retraits.xlsx');
    await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, path('extrait-deux-ancien.xlsx'));
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1', header: 'Statut', value: null, sheet: 'Axe 1' }]),
    );
    const extract = path('extrait-deux-retraits.xlsx');
    expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
    const returned = [{ key: 'G1', header: 'Statut', value: 'Réalisée' }];
    writeFileSync(path('retour-deux-retraits.xlsx'), await fillExtract(readFileSync(extract), returned));
    expect((await runCli(['merge', master, path('retour-deux-retraits.xlsx')])).code).toBe(0);
    await regenerate('sans-g1-premier.json', 'suivi-deux-retraits.xlsx', withoutG1);
    await regenerate('complet-premier.json', 'suivi-deux-retraits.xlsx');
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1', header: 'Statut', value: 'Reportée', sheet: 'Axe 1' }]),
    );
    // Archives dates to the second: the second removal in a later second than the first, as an officer's would be.
    await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
    await regenerate('sans-g1-second.json', 'suivi-deux-retraits.xlsx', withoutG1);
    await regenerate('complet-second.json', 'suivi-deux-retraits.xlsx');
    writeFileSync(master, await withArchivedLinesReversed(readFileSync(master), 'G1', 'Statut'));

    const told = await runCli(['undo', master, '-o', path('annule-deux-retraits.xlsx')]);
    expect(told.code).toBe(0);
    expect(told.stdout.split('\n').filter((line) => line.includes('G1, Statut'))).toEqual([
      '  Rien à rétablir (déjà à sa valeur d’avant la fusion\u00a0; ligne retirée du plan depuis la fusion, puis ' +
        'remise)\u00a0: Axe 1!K4 G1, Statut\u00a0; sa valeur au retrait de la ligne, «\u00a0Reportée\u00a0», est ' +
        'gardée dans la feuille «\u00a0Archives\u00a0».',
    ]);
  }, 120_000);
});

// A changed period removes the columns of the quarters it no longer has, their values going to Archives while the
// rows stay: a merged quarter's cell is then no longer in the workbook, which the undo says as it says a row's.
describe('undoing a merge whose quarter a changed period removed since', () => {
  /** The sample plan with its convention starting on `start`. */
  const startingOn = (start: string) => (plan: Plan) => {
    plan.period = { ...plan.period, start };
  };

  it('says the quarter’s column left the workbook and which value Archives keeps, then that it came back', async () => {
    const master = path('suivi-periode.xlsx');
    await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, path('extrait-periode-ancien.xlsx'));
    // The officer's 3 before the merge: a column put back since, its cell empty, is not back at it.
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1-QN1', header: '2026-T2', value: 3, sheet: 'Axe 1' }]),
    );
    const extract = path('extrait-periode.xlsx');
    expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
    writeFileSync(
      path('retour-periode.xlsx'),
      await fillExtract(readFileSync(extract), [{ key: 'G1-QN1', header: '2026-T2', value: 4 }]),
    );
    // The officer's 3 and the partner's 4 are a conflict, taken.
    expect((await runCli(['merge', master, path('retour-periode.xlsx'), '--take', 'G1-QN1:2026-T2'])).code).toBe(0);
    // The officer corrects the merge's value; then the convention starts later, without 2026-T2.
    writeFileSync(
      master,
      await fillExtract(readFileSync(master), [{ key: 'G1-QN1', header: '2026-T2', value: 5, sheet: 'Axe 1' }]),
    );
    await regenerate('plan-periode.json', 'suivi-periode.xlsx', startingOn('2026-07-01'));

    const told = await runCli(['undo', master, '-o', path('annule-periode.xlsx')]);
    expect(told.code).toBe(1);
    expect(told.stdout.split('\n').filter((line) => line.includes('G1-QN1'))).toEqual([
      '  Non rétablie (colonne du trimestre retirée du classeur depuis la fusion, la période de la convention ayant ' +
        'changé)\u00a0: Axe 1 G1-QN1, 2026-T2\u00a0; sa valeur au retrait de la colonne, «\u00a05\u00a0», est gardée ' +
        'dans la feuille «\u00a0Archives\u00a0».',
    ]);
    const json = await runCli(['undo', master, '--json', '-o', path('annule-periode-json.xlsx')]);
    expect(JSON.parse(json.stdout).changedSince).toEqual([
      {
        key: 'G1-QN1',
        column: '2026-T2',
        merged: 4,
        now: null,
        leftPlan: { removed: 'quarter', archived: true, value: 5, backInPlan: false },
      },
    ]);

    // The period given back: the column is there again, its cells empty, and the Journal tells it left since.
    await regenerate('plan-periode-rendue.json', 'suivi-periode.xlsx');
    const back = await runCli(['undo', master, '-o', path('annule-periode-rendue.xlsx')]);
    expect(back.code).toBe(1);
    expect(back.stdout.split('\n').filter((line) => line.includes('G1-QN1'))).toEqual([
      expect.stringMatching(
        /^ {2}Non rétablie \(colonne du trimestre retirée du classeur depuis la fusion, puis remise, la période de la convention ayant changé\)\u00a0: Axe 1![A-Z]+\d+ G1-QN1, 2026-T2\u00a0; sa valeur au retrait de la colonne, «\u00a05\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0»\.$/,
      ),
    ]);
  }, 120_000);

  // Empty before the merge, its column removed by a changed period and put back by the period given back, the cell
  // empty: nothing to give back, but the merge's value is in Archives, and the column left and came back: said.
  it('says of a quarter empty before the merge whose column left and came back which value Archives keeps', async () => {
    const master = path('suivi-periode-vide.xlsx');
    const { extractBytes } = await masterAndCcmpExtract(
      new Date('2026-08-10T10:00:00Z'),
      master,
      path('extrait-periode-vide.xlsx'),
    );
    writeFileSync(
      path('retour-periode-vide.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN1', header: '2026-T2', value: 4 }]),
    );
    expect((await runCli(['merge', master, path('retour-periode-vide.xlsx')])).code).toBe(0);
    await regenerate('plan-periode-vide.json', 'suivi-periode-vide.xlsx', startingOn('2026-07-01'));
    await regenerate('plan-periode-vide-rendue.json', 'suivi-periode-vide.xlsx');

    const told = await runCli(['undo', master, '-o', path('annule-periode-vide.xlsx')]);
    expect(told.code).toBe(0);
    expect(told.stdout.split('\n').filter((line) => line.includes('G1-QN1'))).toEqual([
      '  Rien à rétablir (déjà à sa valeur d’avant la fusion\u00a0; colonne du trimestre retirée du classeur depuis ' +
        'la fusion, puis remise, la période de la convention ayant changé)\u00a0: Axe 1!X5 G1-QN1, 2026-T2\u00a0; sa ' +
        'valeur au retrait de la colonne, «\u00a04\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
    ]);
  }, 120_000);
});

// A regeneration since the merge that journals a plan figure beside a kept cell (`plan:target`) changed no cell: the
// merge is undone as if it had not run, and the Journal keeps that line.
describe('undoing a merge after a regeneration that journalled a plan’s Cible beside its cell', () => {
  it('gives the merged cell back, the plan’s line left in the Journal', async () => {
    const master = path('suivi-cible.xlsx');
    const { extractBytes } = await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), master, path('x-cible.xlsx'));
    writeFileSync(
      path('retour-cible.xlsx'),
      await fillExtract(extractBytes, [{ key: 'G1-QN1', header: '2026-T2', value: 7 }]),
    );
    expect((await runCli(['merge', master, path('retour-cible.xlsx')])).code).toBe(0);
    await regenerate('plan-cible.json', 'suivi-cible.xlsx', (plan) => {
      plan.axes.flatMap((axis) => axis.fiches).find((one) => one.key === 'G1')!.criteria[0].target = 40;
    });

    const run = await runCli(['undo', master, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.restored.map((cell: { key: string; column: string }) => [cell.key, cell.column])).toEqual([
      ['G1-QN1', '2026-T2'],
    ]);
    expect([report.changedSince, report.alreadyBefore]).toEqual([[], []]);
    const read = readXlsx(new Uint8Array(readFileSync(master)));
    if (!read.ok) throw new Error(read.error.code);
    const journal = read.grids.sheets.find((sheet) => sheet.name === 'Journal')!.rows;
    const fields = journal.map((row) => (row ?? []).map((cell) => cell?.value ?? null)).map((row) => row[7]);
    expect(fields.filter((field) => field === 'plan:target' || field === '2026-T2')).toEqual([
      '2026-T2',
      'plan:target',
      '2026-T2',
    ]);
  }, 90_000);
});
