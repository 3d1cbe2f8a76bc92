import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { embeddedPlan } from '../../src/app';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-compute-cli-'));
const path = (name: string) => join(workDir, name);

function sheetRows(file: string, name: string) {
  return fileGrids(file).sheets.find((sheet) => sheet.name === name)?.rows ?? null;
}

/** The value under `header` in the row of `key`, in whichever axis sheet holds it. */
function valueOf(file: string, key: string, header: string): unknown {
  for (const sheet of fileGrids(file).sheets.filter((s) => s.name.startsWith('Axe '))) {
    const headerRow = sheet.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const column = sheet.rows[headerRow].findIndex((cell) => cell?.value === header);
    const row = sheet.rows.find((cells) => cells?.[0]?.value === key);
    if (row) return row[column]?.value ?? null;
  }
  return undefined;
}

function currentQuarter(file: string): unknown {
  return sheetRows(file, 'Paramètres')![8][1]?.value;
}

describe('ctg-suivi compute and close-quarter', () => {
  const workbook = path('suivi.xlsx');
  let quarter = '';

  beforeAll(async () => {
    await generatedWorkbook(workbook);
    quarter = String(currentQuarter(workbook));
    await typeWithExcel(workbook, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1', header: 'Avancement (%)', value: 40 },
      { key: 'G1', header: 'Mise en œuvre', value: '=réunions mensuelles' },
      { key: 'G1', header: 'Difficultés', value: 'Calendrier des élus' },
      { key: 'G1-QN1', header: quarter, value: 0 },
      { key: 'G1-QN1', header: 'Cible', value: 12 },
      { key: 'G1-QN1', header: 'Commentaire', value: 'Premier comité tenu' },
      { key: 'G1-QN1', header: 'Unité', value: 'réunions' },
    ]);
  }, 60_000);

  it('recalculates in place, keeps the old file as .bak and every entered value, and prints the figures', async () => {
    const before = readFileSync(workbook);
    const run = await runCli(['compute', workbook, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(`${workbook}.bak`).equals(before)).toBe(true);
    const figures = JSON.parse(run.stdout);
    expect(figures.quarter).toBe(quarter);
    expect(figures.backup).toBe(`${workbook}.bak`);
    const axis1 = figures.axes.find((axis: { number: number }) => axis.number === 1);
    expect(axis1.statusCounts.inProgress).toBe(1);
    expect(axis1.fillPeriod).toBeGreaterThan(0);
    expect(figures.axes.find((axis: { number: number }) => axis.number === 2).fillPeriod).toBe(0);
    expect(figures.overall.fillPeriod).toBeGreaterThan(0);
    expect(figures.overall.fillPeriod).toBeLessThan(axis1.fillPeriod);
    // G1-QN1: value 0, target 12, no baseline → 0 achieved, a defined rate.
    expect(figures.overall.achievement).toBe(0);
    expect(figures.carriers.map((carrier: { name: string }) => carrier.name)).toContain('CCMP');
    expect(Array.isArray(figures.ao)).toBe(true);

    expect(valueOf(workbook, 'G1', 'Statut')).toBe('En cours');
    expect(valueOf(workbook, 'G1', 'Avancement (%)')).toBe(40);
    expect(valueOf(workbook, 'G1', 'Mise en œuvre')).toBe('=réunions mensuelles');
    expect(valueOf(workbook, 'G1-QN1', quarter)).toBe(0);
    expect(valueOf(workbook, 'G1-QN1', 'Commentaire')).toBe('Premier comité tenu');
    expect(currentQuarter(workbook)).toBe(quarter);

    const validate = await runCli(['validate', workbook, '--json']);
    expect(JSON.parse(validate.stdout).errors).toBe(0);
  }, 60_000);

  it('prints the figures in French without --json', async () => {
    const run = await runCli(['compute', workbook]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`trimestre en cours\u00a0: ${quarter}`);
    expect(run.stdout).toMatch(/Ensemble\u00a0: renseignement de la période \d+(,\d)?\u00a0%/);
    expect(run.stdout).toContain('Axe 1 – ');
  }, 60_000);

  it('writes to -o only when the file is new or --force is given, leaving the input untouched', async () => {
    const before = readFileSync(workbook);
    const out = path('copie.xlsx');
    expect((await runCli(['compute', workbook, '-o', out])).code).toBe(0);
    expect(readFileSync(workbook).equals(before)).toBe(true);
    expect(valueOf(out, 'G1', 'Statut')).toBe('En cours');
    const refused = await runCli(['compute', workbook, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('existe déjà');
    expect((await runCli(['compute', workbook, '-o', out, '--force'])).code).toBe(0);
    expect(existsSync(`${out}.bak`)).toBe(true);
  }, 60_000);

  it('closes the quarter: Historique rows, a Journal line, Q moved on, entered values kept', async () => {
    const closedFile = path('cloture.xlsx');
    writeFileSync(closedFile, readFileSync(workbook));
    const run = await runCli(['close-quarter', closedFile, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.closed).toBe(quarter);
    const [year, q] = quarter.split('-T').map(Number);
    const next = q === 4 ? `${year + 1}-T1` : `${year}-T${q + 1}`;
    expect(summary.next).toBe(next);
    expect(currentQuarter(closedFile)).toBe(next);

    const history = sheetRows(closedFile, 'Historique')!;
    expect(history[0].map((cell) => cell?.value)).toEqual(['Trimestre', 'Clé', 'Champ', 'Valeur', 'Date de clôture']);
    const rows = history.slice(1).map((row) => row.slice(0, 4).map((cell) => cell?.value ?? null));
    expect(rows).toEqual([
      [quarter, 'G1', 'Statut', 'En cours'],
      [quarter, 'G1', 'Avancement (%)', 40],
      [quarter, 'G1', 'Mise en œuvre', '=réunions mensuelles'],
      [quarter, 'G1', 'Difficultés', 'Calendrier des élus'],
      [quarter, 'G1-QN1', 'Commentaire', 'Premier comité tenu'],
    ]);
    expect(summary.historyRows).toBe(5);

    const journal = sheetRows(closedFile, 'Journal')!.map((row) => row.map((cell) => cell?.value ?? null));
    expect(journal[1][1]).toBe('Génération');
    expect(journal[journal.length - 1].slice(1)).toEqual([
      'Clôture du trimestre',
      null,
      'Trimestre en cours',
      quarter,
      next,
      'clôture-trimestre',
      'currentQuarter',
      'texte',
      'texte',
    ]);
    expect(valueOf(closedFile, 'G1', 'Statut')).toBe('En cours');
    expect(valueOf(closedFile, 'G1-QN1', quarter)).toBe(0);
    expect(existsSync(`${closedFile}.bak`)).toBe(true);
  }, 60_000);

  it('closing the same quarter again replaces its history rows instead of adding to them, and journals the change', async () => {
    const again = path('recloture.xlsx');
    writeFileSync(again, readFileSync(workbook));
    expect((await runCli(['close-quarter', again])).code).toBe(0);
    await typeWithExcel(again, [
      { sheet: 'Paramètres', cell: 'B9', value: quarter },
      { key: 'G1', header: 'Statut', value: 'Réalisée' },
      { key: 'G1-QN2', header: 'Commentaire', value: 'Ajouté après la clôture' },
    ]);
    const run = await runCli(['close-quarter', again]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Note\u00a0: le trimestre ${quarter} avait déjà été clôturé\u00a0: son historique est remplacé par l’état ` +
        'actuel, avec 1 valeur ajoutée et 1 valeur modifiée depuis, chacune notée dans le Journal',
    );
    const history = sheetRows(again, 'Historique')!.slice(1);
    expect(run.stdout).toContain(
      `Trimestre ${quarter} clôturé dans ${again}\u00a0: ${history.length} valeurs copiées dans «\u00a0Historique\u00a0».`,
    );
    expect(history.filter((row) => row[2]?.value === 'Statut').map((row) => row[3]?.value)).toEqual(['Réalisée']);
    const journal = sheetRows(again, 'Journal')!.map((row) => row.map((cell) => cell?.value ?? null));
    const historyLines = journal.filter((row) => String(row[7]).startsWith(`history:${quarter}:`));
    expect(historyLines.map((row) => row.slice(1, 10))).toEqual([
      [
        'Clôture du trimestre',
        'G1',
        `Historique ${quarter} – Statut`,
        'En cours',
        'Réalisée',
        'clôture-trimestre',
        `history:${quarter}:status`,
        'texte',
        'texte',
      ],
      [
        'Clôture du trimestre',
        'G1-QN2',
        `Historique ${quarter} – Commentaire`,
        null,
        'Ajouté après la clôture',
        'clôture-trimestre',
        `history:${quarter}:comment`,
        'vide',
        'texte',
      ],
    ]);

    // Closed once more with nothing changed since: said plainly, and the Journal gains the quarter's move only.
    await typeWithExcel(again, [{ sheet: 'Paramètres', cell: 'B9', value: quarter }]);
    const unchanged = await runCli(['close-quarter', again]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain(
      `Note\u00a0: le trimestre ${quarter} avait déjà été clôturé, et rien n’a changé depuis\u00a0: son historique reste le même.`,
    );
    const after = sheetRows(again, 'Journal')!.map((row) => row.map((cell) => cell?.value ?? null));
    expect(after.slice(journal.length).map((row) => row[3])).toEqual(['Trimestre en cours']);
  }, 60_000);

  it('refuses to close the last quarter of the convention, with a French message and exit 1, leaving the file alone', async () => {
    const last = path('dernier.xlsx');
    writeFileSync(last, readFileSync(workbook));
    await typeWithExcel(last, [{ sheet: 'Paramètres', cell: 'B9', value: '2030-T4' }]);
    const before = readFileSync(last);
    const run = await runCli(['close-quarter', last]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dernier de la convention');
    expect(readFileSync(last).equals(before)).toBe(true);
    expect(existsSync(`${last}.bak`)).toBe(false);
  }, 60_000);

  it('generate --force over an existing tracking workbook regenerates it from the amended plan, keeping every entered value', async () => {
    const target = path('regenere.xlsx');
    writeFileSync(target, readFileSync(workbook));
    const plan = embeddedPlan().plan;
    const g1 = plan.axes[0].fiches[0];
    const firstKey = g1.criteria[0].key;
    g1.title = `${g1.title} (modifié)`;
    g1.criteria.push({ key: 'G1-QN99', kind: 'quantitative', text: 'Nombre de nouveaux partenaires', line: 0 });
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').length - 1;
    const planFile = path('plan-modifie.json');
    writeFileSync(planFile, JSON.stringify(plan));

    const before = readFileSync(target);
    const refused = await runCli(['generate', '--plan', planFile, '-o', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('classeur de suivi');
    expect(readFileSync(target).equals(before)).toBe(true);

    const run = await runCli(['generate', '--plan', planFile, '-o', target, '--force', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ regenerated: true, backup: `${target}.bak`, removed: [], changed: ['G1'] });
    expect(summary.added).toEqual([`G1-QN${quantitative + 1}`]);
    expect(valueOf(target, 'G1', 'Statut')).toBe('En cours');
    expect(valueOf(target, 'G1', 'Intitulé')).toBe(g1.title);
    expect(valueOf(target, firstKey, quarter)).toBe(0);
    expect(valueOf(target, firstKey, 'Commentaire')).toBe('Premier comité tenu');
    expect(valueOf(target, `G1-QN${quantitative + 1}`, 'Intitulé')).toBe('Nombre de nouveaux partenaires');
    const journal = sheetRows(target, 'Journal')!.map((row) => row.map((cell) => cell?.value ?? null));
    expect(
      journal.some((row) => row[1] === 'Régénération depuis le plan' && row[2] === 'G1' && row[3] === 'Intitulé'),
    ).toBe(true);
    expect(JSON.parse((await runCli(['validate', target, '--json'])).stdout).errors).toBe(0);
  }, 60_000);

  it('validate warns of a quarter typed in « Abandonnée en » beside another Statut, which compute then empties', async () => {
    const file = path('abandon.xlsx');
    await generatedWorkbook(file);
    const q = String(currentQuarter(file));
    await typeWithExcel(file, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1', header: 'Abandonnée en', value: q },
    ]);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `cellule [A-Z]+\\d+\u00a0: «\u00a0Abandonnée en\u00a0» donne ${q}, mais le statut de la fiche «\u00a0G1\u00a0» ` +
          'est «\u00a0En cours\u00a0», pas «\u00a0Abandonnée\u00a0»\\. Le prochain calcul \\(«\u00a0Calculer\u00a0», ' +
          '«\u00a0npx ctg-suivi compute\u00a0»\\) ou une clôture du trimestre videra cette cellule',
      ),
    );
    expect((await runCli(['compute', file])).code).toBe(0);
    expect(valueOf(file, 'G1', 'Abandonnée en') ?? null).toBeNull();
    expect((await runCli(['validate', file])).stdout).not.toContain('Abandonnée en');
  }, 60_000);

  it('refuses to rewrite a workbook with validation errors (exit 1, the list), and an unreadable file (exit 2)', async () => {
    const broken = path('erreurs.xlsx');
    writeFileSync(broken, readFileSync(workbook));
    await typeWithExcel(broken, [{ key: 'G1', header: 'Avancement (%)', value: 'la moitié' }]);
    const before = readFileSync(broken);
    for (const command of ['compute', 'close-quarter']) {
      const run = await runCli([command, broken]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('n’a pas été modifié');
      expect(run.stderr).toContain('Axe 1');
      expect(readFileSync(broken).equals(before)).toBe(true);
    }
    const json = await runCli(['compute', broken, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ written: false, errors: 1 });

    writeFileSync(path('texte.xlsx'), 'bonjour');
    const unreadable = await runCli(['compute', path('texte.xlsx')]);
    expect(unreadable.code).toBe(2);
    expect((await runCli(['compute'])).code).toBe(2);
    expect((await runCli(['close-quarter', path('absent.xlsx')])).code).toBe(2);
  }, 60_000);
});
