import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// `compute --quarter` on a real .xlsx: the embedded plan runs 2026–2030, so its quarters are 2026-T1 … 2030-T4.
const workDir = mkdtempSync(join(tmpdir(), 'ctg-compute-quarter-'));
const path = (name: string) => join(workDir, name);

const rowsOf = (file: string, name: string) =>
  fileGrids(file)
    .sheets.find((sheet) => sheet.name === name)!
    .rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));

const currentQuarter = (file: string) => rowsOf(file, 'Paramètres')[8][1];

/** A quarter of the convention other than `quarter`. */
const otherThan = (quarter: string) => (quarter === '2027-T2' ? '2027-T3' : '2027-T2');

describe('ctg-suivi compute --quarter', () => {
  const original = path('suivi.xlsx');
  let quarter = '';

  beforeAll(async () => {
    await generatedWorkbook(original);
    quarter = String(currentQuarter(original));
  }, 60_000);

  const copy = (name: string) => {
    writeFileSync(path(name), readFileSync(original));
    return path(name);
  };

  it('makes the chosen quarter current in Paramètres, journals it and gives the figures of that quarter', async () => {
    const file = copy('choisi.xlsx');
    const chosen = otherThan(quarter);
    const run = await runCli(['compute', file, '--quarter', chosen, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.quarter).toBe(chosen);
    expect(output.quarterChange).toEqual({ from: quarter, to: chosen });
    expect(currentQuarter(file)).toBe(chosen);
    const journal = rowsOf(file, 'Journal');
    expect(journal.at(-1)?.slice(1)).toEqual([
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      quarter,
      chosen,
      'choix-trimestre',
      'currentQuarter',
      'texte',
      'texte',
    ]);
    expect(String(journal.at(-1)?.[0])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(existsSync(`${file}.bak`)).toBe(true);
    expect(String(currentQuarter(`${file}.bak`))).toBe(quarter);

    const validate = await runCli(['validate', file, '--json']);
    expect(JSON.parse(validate.stdout).errors).toBe(0);
  }, 60_000);

  it('says so in French without --json, and says nothing of it when the quarter is already the current one', async () => {
    const file = copy('francais.xlsx');
    const chosen = otherThan(quarter);
    const run = await runCli(['compute', file, '--quarter', chosen]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Trimestre en cours\u00a0: ${quarter} → ${chosen}`);
    expect(run.stdout).toContain(`(trimestre en cours\u00a0: ${chosen})`);
    const journalLength = rowsOf(file, 'Journal').length;

    const again = await runCli(['compute', file, '--quarter', chosen]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('→');
    expect(rowsOf(file, 'Journal')).toHaveLength(journalLength);
    expect(currentQuarter(file)).toBe(chosen);
  }, 60_000);

  it('warns when the chosen quarter is far ahead of today, naming the quarter today falls in', async () => {
    const file = copy('en-avance.xlsx');
    // The workbook was generated today: its current quarter is today's.
    const run = await runCli(['compute', file, '--quarter', '2030-T4']);
    expect(run.code).toBe(0);
    expect(currentQuarter(file)).toBe('2030-T4');
    expect(run.stdout).toContain(`aujourd’hui est en ${quarter}`);
    expect(run.stdout).toContain(`--quarter ${quarter}`);
    const next = await runCli(['compute', copy('suivant.xlsx'), '--quarter', otherThan(quarter)]);
    if (otherThan(quarter) < quarter) expect(next.stdout).not.toContain('aujourd’hui est en');
  }, 60_000);

  it('writes the chosen quarter to -o, leaving the input as it was', async () => {
    const file = copy('source.xlsx');
    const before = readFileSync(file);
    const out = path('sortie.xlsx');
    const run = await runCli(['compute', file, '--quarter', '2030-T4', '-o', out, '--json']);
    expect(run.code).toBe(0);
    expect(currentQuarter(out)).toBe('2030-T4');
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it.each([
    ['2031-T1', 'en dehors de la convention'],
    ['2025-T4', 'en dehors de la convention'],
    ['2027-T5', 'AAAA-Tn'],
    ['juin', 'AAAA-Tn'],
  ])(
    'refuses %p as wrong usage (exit 2), naming the allowed quarters, the file untouched',
    async (wrong, says) => {
      const dir = mkdtempSync(join(workDir, 'refus-'));
      const file = join(dir, 'suivi.xlsx');
      writeFileSync(file, readFileSync(original));
      const before = readFileSync(file);
      const run = await runCli(['compute', file, '--quarter', wrong]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage incorrect');
      expect(run.stderr).toContain(says);
      expect(run.stderr).toContain('de 2026-T1 à 2030-T4');
      expect(run.stderr).toContain('n’a pas été modifié');
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    },
    60_000,
  );

  it('refuses an empty --quarter (a shell variable unset) as empty, before reading the file, which is untouched', async () => {
    const dir = mkdtempSync(join(workDir, 'vide-'));
    const file = join(dir, 'suivi.xlsx');
    writeFileSync(file, readFileSync(original));
    const before = readFileSync(file);
    const run = await runCli(['compute', file, '--quarter', '']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('L’option «\u00a0--quarter\u00a0» de «\u00a0compute\u00a0» est vide\u00a0: donnez');
    expect(run.stderr).toContain('AAAA-Tn');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
  }, 60_000);

  it('takes a quarter typed in lower case with spaces around, writing and saying it as 2027-T2', async () => {
    const file = copy('minuscules.xlsx');
    const chosen = otherThan(quarter);
    const run = await runCli(['compute', file, '--quarter', ` ${chosen.toLowerCase()} `]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Trimestre en cours\u00a0: ${quarter} → ${chosen}`);
    expect(run.stdout).toContain(`(trimestre en cours\u00a0: ${chosen})`);
    expect(currentQuarter(file)).toBe(chosen);
    expect(rowsOf(file, 'Journal').at(-1)?.[5]).toBe(chosen);
  }, 60_000);

  it('says a malformed --quarter as consolidate says it: the option, the value typed and an example', async () => {
    const file = copy('mal-ecrit.xlsx');
    const said = (text: string) => text.replace(/^Usage incorrect\u00a0: /, '').split('\n')[0];
    const computed = await runCli(['compute', file, '--quarter', 'T2 2027']);
    expect(computed.code).toBe(2);
    const consolidated = await runCli(['consolidate', file, '-o', path('c.xlsx'), '--quarter', 'T2 2027']);
    expect(consolidated.code).toBe(2);
    // A year and a quarter written otherwise: the quarter it most likely means, as the option takes it.
    const wording =
      /^--quarter attend un trimestre de la forme AAAA-Tn, pas «\u00a0T2 2027\u00a0»\u00a0: écrivez --quarter 2027-T2\./;
    expect(said(computed.stderr)).toMatch(wording);
    expect(said(consolidated.stderr)).toMatch(wording);
    // compute knows the workbook's convention, and says which quarters it has.
    expect(said(computed.stderr)).toContain('Choisissez un trimestre de la convention, de 2026-T1 à 2030-T4.');
    const json = await runCli(['compute', file, '--quarter', 'T2 2027', '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'quarter-malformed', option: '--quarter' });
  }, 60_000);

  it('with --json, a refused quarter is one JSON document with the French message, and exit 2', async () => {
    const file = copy('refus-json.xlsx');
    const before = readFileSync(file);
    const run = await runCli(['compute', file, '--quarter', '2031-T1', '--json']);
    expect(run.code).toBe(2);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ written: false, errors: 1 });
    expect(output.issues[0]).toMatchObject({ code: 'quarter-outside-convention', severity: 'error' });
    expect(output.issues[0].message).toContain('de 2026-T1 à 2030-T4');
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('--quarter needs a value, and close-quarter does not take it (exit 2)', async () => {
    const file = copy('usage.xlsx');
    const before = readFileSync(file);
    expect((await runCli(['compute', file, '--quarter'])).code).toBe(2);
    expect((await runCli(['close-quarter', file, '--quarter', '2027-T2'])).code).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('the help lists --quarter', async () => {
    expect((await runCli(['help'])).stdout).toContain('compute suivi.xlsx [--quarter AAAA-Tn]');
  });

  it('repairs a current quarter typed wrong by hand: refused without --quarter (exit 1), computed with it (exit 0)', async () => {
    const file = copy('b9-casse.xlsx');
    // Typed by hand in Excel, as people do: a space instead of the dash.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = '2027 T2';
    await workbook.xlsx.writeFile(file);

    const refused = await runCli(['compute', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('B9');

    const run = await runCli(['compute', file, '--quarter', '2027-T2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Trimestre en cours\u00a0: 2027 T2 → 2027-T2');
    expect(currentQuarter(file)).toBe('2027-T2');
    expect(rowsOf(file, 'Journal').at(-1)?.slice(1)).toEqual([
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      '2027 T2',
      '2027-T2',
      'choix-trimestre',
      'currentQuarter',
      'texte',
      'texte',
    ]);
    expect(JSON.parse((await runCli(['validate', file, '--json'])).stdout).errors).toBe(0);
  }, 60_000);

  it('replaces a current quarter typed as a formula, the Journal keeping the formula as text, not its result', async () => {
    const file = copy('b9-formule.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = { formula: '"2027-T"&"2"', result: '2027-T2' };
    await workbook.xlsx.writeFile(file);

    const refused = await runCli(['compute', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(
      'cellule B9\u00a0: la cellule de «\u00a0Trimestre en cours\u00a0» contient une formule',
    );

    const run = await runCli(['compute', file, '--quarter', '2027-T3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Trimestre en cours\u00a0: ="2027-T"&"2" → 2027-T3');
    expect(currentQuarter(file)).toBe('2027-T3');
    expect(rowsOf(file, 'Journal').at(-1)?.slice(1, 10)).toEqual([
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      '="2027-T"&"2"',
      '2027-T3',
      'choix-trimestre',
      'currentQuarter',
      'texte',
      'texte',
    ]);
    const journal = fileGrids(file).sheets.find((sheet) => sheet.name === 'Journal')!;
    expect(journal.rows.at(-1)?.[4]?.formula).toBeUndefined();
    expect(JSON.parse((await runCli(['validate', file, '--json'])).stdout).errors).toBe(0);
  }, 60_000);

  it('shows a small rate with its decimal, not « 0 % », on the command line and in the workbook', async () => {
    // One value in 2026-T1 among hundreds expected: a cumulative rate of a fraction of a percent at 2026-T2.
    const file = copy('petit-taux.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Axe 1')!;
    const headers = sheet.getRow(3).values as unknown[];
    const [typeColumn, quarterColumn, rateColumn] = ['Type', '2026-T1', 'Renseignement cumulé'].map((header) =>
      headers.indexOf(header),
    );
    let criterionRow = 0;
    sheet.eachRow((row, number) => {
      if (criterionRow === 0 && row.getCell(typeColumn).value === 'Quantitatif') criterionRow = number;
    });
    sheet.getRow(criterionRow).getCell(quarterColumn).value = 4;
    await workbook.xlsx.writeFile(file);

    const json = JSON.parse((await runCli(['compute', file, '--quarter', '2026-T2', '--json'])).stdout);
    const rate = json.overall.fillCumulative as number;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(0.005);
    const run = await runCli(['compute', file]);
    expect(run.code).toBe(0);
    const overall = run.stdout.split('\n').find((line) => line.startsWith('Ensemble'));
    expect(overall).toContain(`(cumulé ${(rate * 100).toFixed(1).replace('.', ',')}\u00a0%)`);
    expect(overall).not.toContain('cumulé 0\u00a0%');

    // The workbook shows it alike: its rate cells' format has the decimal (LibreOffice renders it: rate-format test).
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(file);
    expect(written.getWorksheet('Axe 1')!.getRow(criterionRow).getCell(rateColumn).numFmt).toBe(
      '[=0]0"\u00a0"%;[=1]0"\u00a0"%;0.0"\u00a0"%',
    );
  }, 60_000);
});
