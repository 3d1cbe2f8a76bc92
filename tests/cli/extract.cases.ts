import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { embeddedPlan, readExtractMeta } from '../../src/app';
import { isRecipientInput } from '../../src/domain/recipients';
import { quarterIndex, quarterLabel, quartersOfPeriod, parseQuarterLabel } from '../../src/domain/periods';
import { loadWithExcelJs, isLocked, sheetProtectionOf } from '../xlsx/helpers/exceljs-load';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-extract-cli-'));
const path = (name: string) => join(workDir, name);

/** `30/09/2026`: the last day of a quarter, as the e-mail writes it. */
function lastDayOf(quarter: { year: number; q: number }): string {
  const end = new Date(Date.UTC(quarter.year, quarter.q * 3, 0));
  return end.toLocaleDateString('fr-FR', { timeZone: 'UTC' });
}

/** Every row key of the axis sheets of a file, and the axis sheets' names. */
function keysOf(file: string): string[] {
  return fileGrids(file)
    .sheets.filter((sheet) => sheet.name.startsWith('Axe '))
    .flatMap((sheet) => sheet.rows.slice(3).map((row) => String(row?.[0]?.value ?? '')))
    .filter((key) => key !== '');
}

/** The value under `header` in the row of `key`, in whichever axis sheet holds it (undefined: no such row). */
function valueOf(file: string, key: string, header: string): unknown {
  for (const sheet of fileGrids(file).sheets.filter((s) => s.name.startsWith('Axe '))) {
    const column = sheet.rows[2].findIndex((cell) => cell?.value === header);
    const row = sheet.rows.find((cells) => cells?.[0]?.value === key);
    if (row) return row[column]?.value ?? null;
  }
  return undefined;
}

/** The cell of `key` under `header` in a workbook loaded by ExcelJS. */
function cellOf(workbook: ExcelJS.Workbook, key: string, header: string): ExcelJS.Cell {
  for (const sheet of workbook.worksheets.filter((s) => s.name.startsWith('Axe '))) {
    let column = 0;
    sheet.getRow(3).eachCell((cell, index) => {
      if (cell.value === header) column = index;
    });
    let found: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === key) found = row.getCell(column);
    });
    if (found) return found;
  }
  throw new Error(`no row ${key}`);
}

describe('ctg-suivi extract', () => {
  const master = path('suivi.xlsx');
  const plan = embeddedPlan().plan;
  const quarters = quartersOfPeriod(plan.period);
  let quarter = '';
  let later = '';

  beforeAll(async () => {
    await generatedWorkbook(master);
    quarter = String(fileGrids(master).sheets.find((s) => s.name === 'Paramètres')!.rows[8][1]!.value);
    later = quarterLabel(quarters.find((q) => quarterIndex(q) > quarterIndex(parseQuarterLabel(quarter)!))!);
    await typeWithExcel(master, [
      // E19: « Mairie (s) » on Jonzieux alone: its values go to Jonzieux.
      { key: 'E19', header: 'Statut', value: 'En cours' },
      { key: 'E19', header: 'Difficultés', value: 'Local indisponible' },
      { key: 'E19-QN1', header: quarter, value: 7 },
      { key: 'E19-QN1', header: 'Unité', value: 'familles' },
      // G1: « Mairie (s) » and CCMP on the whole EPCI: every commune and CCMP get it, nobody its values.
      { key: 'G1', header: 'Statut', value: 'Réalisée' },
      { key: 'G1-QN1', header: quarter, value: 99 },
      // G9: CCMP and « Acteur (s) du territoire », with two named partners.
      { key: 'G9', header: 'Partenaires', value: 'Centre social Le Colibri ; Familles rurales' },
      { key: 'G9', header: 'Mise en œuvre', value: 'Ateliers parents' },
    ]);
  }, 60_000);

  /**
   * A copy at `out` of the master's extract for Graix, made once by `extract` for the tests that check it as written
   * and as a partner returns it edited: each edits its own copy.
   */
  let graixBytes: Uint8Array | undefined;
  async function graixExtractAt(out: string): Promise<void> {
    if (!graixBytes) {
      const made = path('graix-extrait.xlsx');
      expect((await runCli(['extract', master, '--commune', 'Graix', '-o', made])).code).toBe(0);
      graixBytes = readFileSync(made);
    }
    writeFileSync(out, graixBytes);
  }

  it('writes the commune’s rows only, its own values, the officer’s fields locked, and prints the e-mail', async () => {
    const out = path('jonzieux.xlsx');
    const run = await runCli(['extract', master, '--commune', 'JONZIEUX', '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Extrait écrit pour «\u00a0Jonzieux\u00a0» (commune)\u00a0: ' + out);
    expect(run.stdout).toContain(`jusqu’au trimestre ${quarter} inclus`);
    expect(run.stdout).toContain('Enregistrez le fichier au format .xlsx et renvoyez-le en pièce jointe');

    const grids = fileGrids(out);
    expect(grids.sheets.map((sheet) => sheet.name)).toEqual([
      'Guide',
      'Paramètres',
      ...grids.sheets.filter((sheet) => sheet.name.startsWith('Axe ')).map((sheet) => sheet.name),
      '_ctg',
    ]);
    const keys = keysOf(out);
    expect(keys).toContain('E19');
    expect(keys).toContain('E19-QN1');
    expect(keys).toContain('G1');
    expect(keys).not.toContain('PE4'); // CCMP alone
    expect(keys).not.toContain('G9');
    // Each fiche comes with all its criteria.
    const e19 = plan.axes.flatMap((axis) => axis.fiches).find((fiche) => fiche.key === 'E19')!;
    for (const criterion of e19.criteria) expect(keys).toContain(criterion.key);

    expect(valueOf(out, 'E19', 'Statut')).toBe('En cours');
    expect(valueOf(out, 'E19', 'Difficultés')).toBe('Local indisponible');
    expect(valueOf(out, 'E19-QN1', quarter)).toBe(7);
    expect(valueOf(out, 'E19-QN1', 'Unité')).toBe('familles');
    // G1 has other recipients: nothing of its values.
    expect(valueOf(out, 'G1', 'Statut')).toBeNull();
    expect(valueOf(out, 'G1-QN1', quarter)).toBeNull();

    expect(readExtractMeta(fileGrids(master))).toBeNull();
    const meta = readExtractMeta(grids)!;
    expect(meta.partner).toBe('Jonzieux');
    expect(meta.upTo && quarterLabel(meta.upTo)).toBe(quarter);
    const masterMeta = fileGrids(master).sheets.find((sheet) => sheet.name === '_ctg')!;
    expect(meta.masterFingerprint).toBe(masterMeta.rows[2][1]!.value);
    expect(meta.sent).toEqual(
      expect.arrayContaining([
        { key: 'E19', field: 'status', value: { type: 'text', value: 'En cours' } },
        { key: 'E19-QN1', field: quarter, value: { type: 'number', value: 7 } },
      ]),
    );
    const inputs = meta.sent.filter((sent) => isRecipientInput(sent.field, meta.upTo!));
    expect(inputs.some((sent) => sent.key === 'G1' || sent.key === 'G1-QN1')).toBe(false);
    // The officer's own fields are recorded as sent too (a merge tells the officer's change since from the
    // recipient's), but are no input of the recipient's.
    expect(inputs.some((sent) => sent.field === 'unit')).toBe(false);
    expect(meta.sent).toContainEqual({ key: 'E19-QN1', field: 'unit', value: { type: 'text', value: 'familles' } });
    const ctg = grids.sheets.find((sheet) => sheet.name === '_ctg')!;
    expect(ctg.rows[10][0]!.value).toBe('Extrait jusqu’au trimestre');
    expect(ctg.rows[10][1]!.value).toBe(quarter);

    const workbook = await loadWithExcelJs(new Uint8Array(readFileSync(out)));
    expect(isLocked(cellOf(workbook, 'E19', 'Statut'))).toBe(false);
    expect(isLocked(cellOf(workbook, 'E19', 'Partenaires'))).toBe(true);
    expect(isLocked(cellOf(workbook, 'E19-QN1', quarter))).toBe(false);
    expect(isLocked(cellOf(workbook, 'E19-QN1', later))).toBe(true);
    expect(isLocked(cellOf(workbook, 'E19-QN1', 'Unité'))).toBe(true);
    expect(isLocked(cellOf(workbook, 'E19-QN1', 'Cible'))).toBe(true);
    expect(isLocked(cellOf(workbook, 'E19-QN1', 'Commentaire'))).toBe(false);
    expect(isLocked(workbook.getWorksheet('Paramètres')!.getCell('B9'))).toBe(true);
    for (const sheet of workbook.worksheets) expect(sheetProtectionOf(sheet).sheet).toBe(true);
    expect(String(workbook.getWorksheet('Guide')!.getCell('A4').value)).toContain('«\u00a0Jonzieux\u00a0»');
    // An .ods or .xls returned is converted (by the command line with LibreOffice, by hand for the pane), not lost.
    const guide = workbook.getWorksheet('Guide')!.getColumn(1).values.map(String).join('\n');
    expect(guide).toContain(
      'Garder le fichier au format .xlsx (Fichier > Enregistrer sous > Classeur Excel). Enregistré en .xls ou .ods, ' +
        'il devra être converti avant d’être relu\u00a0; en .csv, il ne pourrait plus l’être.',
    );
    expect(guide).not.toContain('ne pourrait plus être relu');
  }, 60_000);

  it('gives a named partner the fiches that name it, and CCMP those it carries', async () => {
    const run = await runCli(['extract', master, '--partenaire', 'familles rurales', '--dossier', workDir, '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.extracts).toHaveLength(1);
    const [extract] = document.extracts;
    expect(extract).toMatchObject({ recipient: 'Familles rurales', kind: 'partner', quarter });
    expect(extract.file).toBe(
      join(workDir, `suivi-ctg-communaute-de-communes-des-monts-du-pilat-familles-rurales-${quarter}.xlsx`),
    );
    expect(keysOf(extract.file).filter((key) => !key.includes('-Q'))).toEqual(['G9']);
    // G9 goes to CCMP too: its Mise en œuvre stays in the master.
    expect(valueOf(extract.file, 'G9', 'Mise en œuvre')).toBeNull();
    expect(valueOf(extract.file, 'G9', 'Partenaires')).toBe('Centre social Le Colibri ; Familles rurales');
    expect(extract.rows).toBe(keysOf(extract.file).length);
    expect(extract.coveringText).toContain('Familles rurales');

    const ccmp = JSON.parse(
      (await runCli(['extract', master, '--porteur', 'CCMP', '--dossier', workDir, '--json'])).stdout,
    );
    const ccmpKeys = keysOf(ccmp.extracts[0].file);
    expect(ccmpKeys).toContain('PE4');
    expect(ccmpKeys).not.toContain('E19');
  }, 60_000);

  it('an extract as written validates: none of the master’s sheets it leaves out is missing', async () => {
    const out = path('graix.xlsx');
    await graixExtractAt(out);
    const run = await runCli(['validate', out, '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('validate on a returned extract says what merge does of numbers typed as text and of formulas', async () => {
    const out = path('graix-retour.xlsx');
    await graixExtractAt(out);
    const quarter = quarterLabel(readExtractMeta(fileGrids(out))!.upTo!);
    const [first, second, third] = keysOf(out).filter((key) => /-QN\d+$/.test(key));
    await typeWithExcel(out, [
      { key: first, header: quarter, value: '3,5' },
      { key: second, header: quarter, value: '1 200' },
      { key: third, header: quarter, value: { formula: '1+1' } as ExcelJS.CellValue },
    ]);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const of = (key: string) => report.issues.filter((issue: { rowKey: string }) => issue.rowKey === key);
    expect(of(first)).toEqual([expect.objectContaining({ severity: 'warning', code: 'extract-number-as-text' })]);
    expect(of(first)[0].message).toContain('la fusion la reprendra comme le nombre 3,5');
    expect(of(second)[0].message).toContain('la fusion la reprendra comme le nombre 1\u00a0200');
    expect(of(third)).toEqual([expect.objectContaining({ severity: 'error', code: 'merge-formula' })]);
    expect(of(third)[0].message).toContain('elle n’est pas reprise');
    expect(JSON.stringify(report.issues)).not.toMatch(/ouvrez et enregistrez|Convertissez-la/);
  }, 60_000);

  it('validate on an extract whose first quarter column was deleted names that column, not the hidden dates, as merge treats it', async () => {
    const out = path('graix-colonne.xlsx');
    await graixExtractAt(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    for (const sheet of workbook.worksheets.filter((s) => s.name.startsWith('Axe '))) {
      let column = 0;
      sheet.getRow(3).eachCell((cell, index) => {
        if (cell.value === '2026-T1') column = index;
      });
      if (column > 0) sheet.spliceColumns(column, 1);
    }
    await workbook.xlsx.writeFile(out);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const errors = report.issues.filter((issue: { severity: string }) => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((issue: { code: string; sheet: string }) => issue.code)).toEqual(
      errors.map(() => 'extract-column-missing'),
    );
    // Said to whoever checks the return: what the merge does without it, what to ask; no deletion to undo.
    expect(errors[0].message).toContain('la colonne «\u00a02026-T1\u00a0» manque à cet extrait');
    expect(errors[0].message).toContain('la fusion n’en reprendra aucune valeur');
    expect(errors[0].message).toContain('(npx ctg-suivi extract).');
    expect(errors[0].message).not.toContain('Ctrl+Z');
  }, 60_000);

  it('validate on a returned extract names the officer’s and the plan’s cells the partner changed, as merge refuses them', async () => {
    const out = path('graix-cible.xlsx');
    await graixExtractAt(out);
    const criterion = keysOf(out).find((key) => /-QN\d+$/.test(key))!;
    const fiche = keysOf(out).find((key) => !key.includes('-Q'))!;
    const target = valueOf(out, criterion, 'Cible');
    await typeWithExcel(out, [
      { key: criterion, header: 'Cible', value: typeof target === 'number' ? target + 7 : 7 },
      { key: fiche, header: 'Intitulé', value: 'Un autre intitulé' },
    ]);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const of = (key: string) =>
      report.issues.filter(
        (issue: { rowKey: string; severity: string }) => issue.rowKey === key && issue.severity === 'error',
      );
    expect(of(criterion)).toEqual([expect.objectContaining({ severity: 'error', code: 'merge-reserved-cell' })]);
    expect(of(criterion)[0].message).toContain('la colonne «\u00a0Cible\u00a0» est réservée au coordinateur');
    expect(of(fiche)).toEqual([expect.objectContaining({ severity: 'error', code: 'merge-plan-cell-edited' })]);
    expect(of(fiche)[0].message).toContain('modifiée («\u00a0Un autre intitulé\u00a0»)');
  }, 60_000);

  it('validate on a returned extract says a value typed after its last quarter is not taken, not to move the quarter', async () => {
    const out = path('graix-plus-tard.xlsx');
    await graixExtractAt(out);
    const upTo = readExtractMeta(fileGrids(out))!.upTo!;
    const later = quarterLabel({ year: upTo.year + 1, q: upTo.q });
    const criterion = keysOf(out).find((key) => /-QN\d+$/.test(key))!;
    await typeWithExcel(out, [{ key: criterion, header: later, value: 4 }]);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const issue = report.issues.find((candidate: { rowKey: string }) => candidate.rowKey === criterion);
    expect(issue).toEqual(expect.objectContaining({ code: 'merge-quarter-not-open' }));
    expect(issue.message).toContain(`a été saisie pour ${later}`);
    expect(issue.message).toContain('elle n’est pas reprise');
    expect(issue.message).not.toContain('avancez le trimestre en cours');
  }, 60_000);

  it('validate on a returned extract says a value typed over a rate is not taken, as merge notes it', async () => {
    const out = path('graix-taux.xlsx');
    await graixExtractAt(out);
    const criterion = keysOf(out).find((key) => /-QN\d+$/.test(key))!;
    await typeWithExcel(out, [{ key: criterion, header: 'Renseignement cumulé', value: 0.5 }]);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const issue = report.issues.find((candidate: { rowKey: string }) => candidate.rowKey === criterion);
    expect(issue).toEqual(expect.objectContaining({ severity: 'warning', code: 'merge-value-in-computed-cell' }));
    expect(issue.message).toContain('elle n’est pas reprise');
    // An extract is never rewritten: no word of a rewrite that would wait.
    expect(issue.message).not.toContain('réécrit');
    expect(report.errors).toBe(0);
  }, 60_000);

  it('validate on a returned extract says a row pasted from another extract was not sent, as merge refuses it', async () => {
    const out = path('graix-colle.xlsx');
    await graixExtractAt(out);
    const sent = new Set(keysOf(out));
    const other = keysOf(master).find((key) => !sent.has(key) && !key.includes('-'))!;
    // The row of a fiche the commune was not sent, pasted under its table with a value typed in.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Axe 1')!;
    const statut = (sheet.getRow(3).values as unknown[]).indexOf('Statut');
    const row = sheet.getRow(sheet.rowCount + 1);
    row.getCell(1).value = other;
    row.getCell(2).value = 'Fiche';
    row.getCell(statut).value = 'En cours';
    await workbook.xlsx.writeFile(out);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const issue = report.issues.find((candidate: { rowKey: string }) => candidate.rowKey === other);
    expect(issue).toEqual(expect.objectContaining({ severity: 'error', code: 'merge-row-not-sent' }));
    expect(issue.message).toContain(`la ligne ${other} n’était pas dans l’extrait envoyé à Graix`);
    // Nothing to add to the plan: the fiche is there, it was not sent to this commune.
    expect(issue.message).not.toContain('régénérez');
  }, 60_000);

  it('validate on a returned extract names the keys of a copied axis sheet, whose rows merge refuses', async () => {
    const out = path('graix-copie.xlsx');
    await graixExtractAt(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const axis = workbook.worksheets.find((one) => one.name.startsWith('Axe '))!;
    const copy = workbook.addWorksheet(`${axis.name} (2)`);
    axis.eachRow((row, number) => {
      row.eachCell((cell, column) => void (copy.getRow(number).getCell(column).value = cell.value));
    });
    await workbook.xlsx.writeFile(out);
    const report = JSON.parse((await runCli(['validate', out, '--json'])).stdout);
    const copied = report.issues.filter((issue: { sheet: string }) => issue.sheet === `${axis.name} (2)`);
    expect(copied.length).toBeGreaterThan(0);
    expect(copied[0]).toEqual(expect.objectContaining({ severity: 'error', code: 'merge-duplicate-key' }));
    expect(copied[0].message).toContain(
      `apparaît sur 2 lignes du fichier, dont une dans la feuille «\u00a0${axis.name}\u00a0»`,
    );
    const merged = await runCli(['merge', master, out, '--dry-run', '--json']);
    const refused = JSON.parse(merged.stdout).rejected.filter(
      (one: { code: string }) => one.code === 'merge-duplicate-key',
    );
    expect(refused.length).toBe(copied.length * 2);
  }, 60_000);

  it('warns of personal data at its cell, and leaves it out of the extract with --refuse-personal-data', async () => {
    const master2 = path('suivi-donnees.xlsx');
    writeFileSync(master2, readFileSync(master));
    await typeWithExcel(master2, [{ key: 'E19', header: 'Difficultés', value: 'Appeler Mme X au 06 12 34 56 78' }]);
    const warned = JSON.parse(
      (await runCli(['extract', master2, '--commune', 'Jonzieux', '-o', path('jonzieux-1.xlsx'), '--json'])).stdout,
    );
    expect(warned.warnings).toEqual([expect.objectContaining({ code: 'extract-personal-data', rowKey: 'E19' })]);
    expect(warned.warnings[0].message).toContain(
      'Ligne E19, colonne\u00a0«\u00a0Difficultés\u00a0»'.replace('colonne\u00a0', 'colonne '),
    );
    expect(valueOf(path('jonzieux-1.xlsx'), 'E19', 'Difficultés')).toBe('Appeler Mme X au 06 12 34 56 78');
    const run = await runCli([
      'extract',
      master2,
      '--commune',
      'Jonzieux',
      '-o',
      path('jonzieux-2.xlsx'),
      '--refuse-personal-data',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const refused = JSON.parse(run.stdout);
    expect(refused.warnings).toEqual([
      expect.objectContaining({ code: 'extract-personal-data-left-out', rowKey: 'E19' }),
    ]);
    expect(refused.warnings[0].message).toContain('un numéro de téléphone');
    expect(valueOf(path('jonzieux-2.xlsx'), 'E19', 'Difficultés')).toBeNull();
    expect(valueOf(path('jonzieux-2.xlsx'), 'E19', 'Statut')).toBe('En cours');
  }, 60_000);

  it('says the personal data found is in the extract written, in that extract’s block, before its e-mail', async () => {
    const master3 = path('suivi-donnees-texte.xlsx');
    writeFileSync(master3, readFileSync(master));
    await typeWithExcel(master3, [
      { key: 'E19', header: 'Difficultés', value: 'Appeler Mme X au 06 12 34 56 78' },
      // The officer's own field, locked in the extract: among the values sent too, which `_ctg` keeps.
      { key: 'E19-QN1', header: 'Unité', value: 'familles (liste\u00a0: mairie@jonzieux.fr)' },
    ]);
    const folder = path('communes-donnees');
    mkdirSync(folder);
    const run = await runCli(['extract', master3, '--toutes-les-communes', '--dossier', folder]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    const warning =
      'Ligne E19, colonne «\u00a0Difficultés\u00a0»\u00a0: le texte semble contenir un numéro de téléphone, et ' +
      'l’extrait le contient tel quel, dans sa cellule et dans sa feuille cachée «\u00a0_ctg\u00a0» (les valeurs ' +
      'envoyées). Si c’est une donnée personnelle, l’effacer dans l’extrait ne suffit pas\u00a0: effacez-la du ' +
      'classeur de suivi, puis refaites l’extrait, ou refaites-le avec --refuse-personal-data pour l’en laisser hors.';
    const unitWarning =
      'Ligne E19-QN1, colonne «\u00a0Unité\u00a0»\u00a0: le texte semble contenir une adresse électronique, et ' +
      'l’extrait le contient tel quel, dans sa cellule et dans sa feuille cachée «\u00a0_ctg\u00a0» (les valeurs ' +
      'envoyées). Si c’est une donnée personnelle, l’effacer dans l’extrait ne suffit pas\u00a0: effacez-la du ' +
      'classeur de suivi, puis refaites l’extrait, ou refaites-le avec --refuse-personal-data pour l’en laisser hors.';
    const header =
      'À vérifier avant d’envoyer ce fichier\u00a0: il contient 2 textes qui semblent contenir une donnée ' +
      'personnelle. Pour refaire l’extrait, ajoutez --force\u00a0: sans lui, ce fichier déjà écrit n’est pas remplacé.';
    expect(out).toContain(warning);
    expect(out).toContain(unitWarning);
    expect(out).not.toContain('partirait');
    // In Jonzieux's block (E19 goes to Jonzieux alone), after its file's name and before the e-mail to copy.
    const block = out.indexOf('Extrait écrit pour «\u00a0Jonzieux\u00a0»');
    const email = out.indexOf('Texte du message', block);
    expect(block).toBeGreaterThanOrEqual(0);
    expect(out.indexOf(header)).toBeGreaterThan(block);
    expect(out.indexOf(warning)).toBeGreaterThan(out.indexOf(header));
    expect(out.indexOf(warning)).toBeLessThan(email);
    expect(out.indexOf(unitWarning)).toBeGreaterThan(out.indexOf(header));
    expect(out.indexOf(unitWarning)).toBeLessThan(email);
    expect(out.split(header)).toHaveLength(2);
    expect(out.split(warning)).toHaveLength(2);

    // The same in --json: each extract lists its own warnings.
    const json = await runCli(['extract', master3, '--commune', 'Jonzieux', '-o', path('jonzieux-3.xlsx'), '--json']);
    const { extracts, warnings } = JSON.parse(json.stdout);
    expect(extracts[0].warnings).toEqual([
      expect.objectContaining({ code: 'extract-personal-data', rowKey: 'E19', message: warning }),
      expect.objectContaining({ code: 'extract-personal-data', rowKey: 'E19-QN1', message: unitWarning }),
    ]);
    expect(warnings).toEqual(extracts[0].warnings);

    // Left out with --refuse-personal-data: said in the block too, as what was done.
    const refused = await runCli([
      'extract',
      master3,
      '--commune',
      'Jonzieux',
      '-o',
      path('jonzieux-4.xlsx'),
      '--refuse-personal-data',
    ]);
    const leftOut = refused.stdout.indexOf(
      'Laissés hors de ce fichier\u00a0: 2 textes qui semblent contenir une donnée personnelle.',
    );
    expect(leftOut).toBeGreaterThan(0);
    expect(leftOut).toBeLessThan(refused.stdout.indexOf('Texte du message'));
    expect(refused.stdout).not.toContain('À vérifier avant d’envoyer');
  }, 120_000);

  it('writes one file per commune into --dossier, each named after its commune', async () => {
    const folder = path('communes');
    mkdirSync(folder);
    const run = await runCli(['extract', master, '--toutes-les-communes', '--dossier', folder, '--json']);
    expect(run.code).toBe(0);
    const { extracts, warnings } = JSON.parse(run.stdout);
    expect(extracts.map((extract: { recipient: string }) => extract.recipient)).toEqual(
      plan.parties.communes.map((commune) => commune.name),
    );
    expect(readdirSync(folder).sort()).toEqual(
      extracts.map((extract: { file: string }) => extract.file.slice(folder.length + 1)).sort(),
    );
    expect(warnings).toEqual([]);
    // Nothing of Jonzieux's values in another commune's extract.
    const planfoy = extracts.find((extract: { recipient: string }) => extract.recipient === 'Planfoy').file;
    expect(keysOf(planfoy)).not.toContain('E19');
    const planfoyMeta = readExtractMeta(fileGrids(planfoy))!;
    expect(planfoyMeta.sent.filter((sent) => isRecipientInput(sent.field, planfoyMeta.upTo!))).toEqual([]);
  }, 120_000);

  it('finds a commune written with « St » or « St. » for « Saint », never one with « Ste » for it', async () => {
    for (const [name, file] of [
      ['St-Genest-Malifaux', 'st-genest.xlsx'],
      ['ST. GENEST MALIFAUX', 'st-point-genest.xlsx'],
    ]) {
      const run = await runCli(['extract', master, '--commune', name, '-o', path(file)]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Extrait écrit pour «\u00a0Saint-Genest-Malifaux\u00a0» (commune)');
      expect(readExtractMeta(fileGrids(path(file)))!.partner).toBe('Saint-Genest-Malifaux');
    }
    const sainte = await runCli(['extract', master, '--commune', 'Ste-Genest-Malifaux', '-o', path('ste.xlsx')]);
    expect(sainte.code).toBe(2);
    expect(sainte.stderr).toContain('Aucun destinataire ne s’appelle «\u00a0Ste-Genest-Malifaux\u00a0»');
    expect(existsSync(path('ste.xlsx'))).toBe(false);
  }, 60_000);

  it('asks for the file back at the end of the extract’s quarter, the date said the French way', async () => {
    const run = await runCli(['extract', master, '--commune', 'Graix', '-o', path('graix-date.xlsx')]);
    expect(run.code).toBe(0);
    const end = lastDayOf(parseQuarterLabel(quarter)!);
    expect(run.stdout).toContain(`en réponse à ce message, dès la fin du trimestre ${quarter} (le ${end}).`);
    expect(run.stdout).not.toContain('Avertissements');
  }, 60_000);

  /** A copy of the master whose current quarter is `back` quarters behind today's. */
  async function masterBehind(name: string, back: number): Promise<{ file: string; current: string }> {
    const current = quarterLabel(quarters[quarters.findIndex((q) => quarterLabel(q) === quarter) - back]);
    const file = path(name);
    writeFileSync(file, readFileSync(master));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = current;
    await workbook.xlsx.writeFile(file);
    return { file, current };
  }

  it('says nothing of the quarter just ended, collected before it is closed, and asks for the file at once', async () => {
    const { file, current } = await masterBehind('suivi-trimestre-fini.xlsx', 1);
    const end = lastDayOf(parseQuarterLabel(current)!);

    const run = await runCli(['extract', file, '--commune', 'Graix', '-o', path('graix-fini.xlsx')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`à compléter jusqu’au trimestre ${current}`);
    expect(run.stdout).not.toContain('Avertissements');
    expect(run.stdout).not.toContain('Clôturez');
    expect(run.stdout).toContain(
      `en réponse à ce message, dès que possible\u00a0: le trimestre ${current} s’est terminé le ${end}.`,
    );
    expect(run.stdout).not.toContain(`(le ${end})`);

    const json = await runCli(['extract', file, '--commune', 'Graix', '-o', path('graix-fini-json.xlsx'), '--json']);
    expect(JSON.parse(json.stdout).warnings).toEqual([]);
  }, 120_000);

  it('warns when a quarter ended after the master’s would be left out of the extracts, saying how to ask for it', async () => {
    const { file, current } = await masterBehind('suivi-en-retard.xlsx', 2);
    const skipped = quarterLabel(quarters[quarters.findIndex((q) => quarterLabel(q) === quarter) - 1]);
    const end = lastDayOf(parseQuarterLabel(current)!);

    const run = await runCli(['extract', file, '--commune', 'Graix', '-o', path('graix-retard.xlsx')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`à compléter jusqu’au trimestre ${current}`);
    expect(run.stdout).toContain(
      `Paramètres, cellule B9\u00a0: les extraits s’arrêtent au trimestre en cours, ${current}, ` +
        `alors que ${skipped} est déjà terminé\u00a0; les partenaires ne pourront pas y saisir leurs valeurs. Pour les ` +
        `leur demander, passez d’abord le trimestre en cours à ${skipped}, le dernier terminé, puis refaites les extraits.`,
    );
    // Said before the e-mail, which is not to be sent as it is.
    expect(run.stdout.indexOf('les extraits s’arrêtent')).toBeLessThan(run.stdout.indexOf('Texte du message'));
    expect(run.stdout).not.toContain('Clôturez');
    expect(run.stdout).toContain(
      `en réponse à ce message, dès que possible\u00a0: le trimestre ${current} s’est terminé le ${end}.`,
    );

    mkdirSync(path('communes-retard'));
    const json = await runCli([
      'extract',
      file,
      '--toutes-les-communes',
      '--dossier',
      path('communes-retard'),
      '--json',
    ]);
    expect(json.code).toBe(0);
    const { extracts, warnings } = JSON.parse(json.stdout);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'extract-quarter-behind',
        severity: 'warning',
        sheet: 'Paramètres',
        cell: 'B9',
        params: { current, ended: [skipped] },
      }),
    ]);
    for (const extract of extracts) expect(extract.coveringText).toContain(`s’est terminé le ${end}.`);
  }, 120_000);

  it('refuses an unknown recipient, naming the known ones, and writes nothing (exit 2)', async () => {
    const run = await runCli(['extract', master, '--partenaire', 'Préfecture', '-o', path('rien.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Aucun destinataire ne s’appelle «\u00a0Préfecture\u00a0»');
    expect(run.stderr).toContain('Jonzieux');
    expect(run.stderr).toContain('Centre social Le Colibri');
    expect(existsSync(path('rien.xlsx'))).toBe(false);
    const json = await runCli(['extract', master, '--commune', 'Atlantis', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('unknown-recipient');
  }, 60_000);

  // A user trial asked for « Mairie (s) », which compute lists under « Par porteur »: a kind of porteur, not one body.
  it('says a kind of porteur (« Mairie (s) », « Acteur (s) du territoire ») is no recipient, and which options to use', async () => {
    const mairies = await runCli(['extract', master, '--porteur', 'Mairie (s)', '-o', path('mairies.xlsx')]);
    expect(mairies.code).toBe(2);
    expect(mairies.stderr).toContain(
      '«\u00a0Mairie (s)\u00a0» est une catégorie de porteurs du plan, pas un destinataire\u00a0: ses fiches vont à ' +
        'la mairie de chaque commune de leur territoire, chacune recevant son extrait. Donnez une commune, ' +
        '--commune NOM, ou --toutes-les-communes pour l’extrait de chacune. Communes\u00a0: ',
    );
    expect(mairies.stderr).toContain('Jonzieux');
    expect(mairies.stderr).not.toContain('Aucun destinataire');
    expect(existsSync(path('mairies.xlsx'))).toBe(false);
    const actors = await runCli(['extract', master, '--partenaire', 'Acteur (s) du territoire', '--json']);
    expect(actors.code).toBe(2);
    const { error } = JSON.parse(actors.stdout);
    expect(error.code).toBe('unknown-recipient');
    expect(error.message).toContain(
      '«\u00a0Acteur (s) du territoire\u00a0» est une catégorie de porteurs du plan, pas un destinataire\u00a0: ses ' +
        'fiches vont aux partenaires que nomme leur colonne «\u00a0Partenaires\u00a0», chacun recevant son extrait. ' +
        'Donnez un partenaire, --partenaire NOM, ou --tous-les-partenaires pour l’extrait de chacun. Partenaires\u00a0: ',
    );
    expect(error.message).toContain('Centre social Le Colibri');
  }, 60_000);

  // A user trial: with no partner named yet, neither message said where to name them.
  it('says to fill in the fiches’ « Partenaires » column first when no partner is named (exit 2)', async () => {
    const bare = path('sans-partenaires.xlsx');
    await generatedWorkbook(bare);
    const fillFirst =
      'Nommez d’abord les partenaires de chaque fiche dans sa colonne «\u00a0Partenaires\u00a0», sur les feuilles ' +
      'd’axe du classeur de suivi (plusieurs noms séparés par «\u00a0;\u00a0»), puis refaites l’extrait\u00a0: ' +
      '--partenaire NOM ou --tous-les-partenaires.';
    const actors = await runCli(['extract', bare, '--porteur', 'Acteur (s) du territoire']);
    expect(actors.code).toBe(2);
    expect(actors.stderr).toContain(`Aucune fiche n’en nomme encore. ${fillFirst}`);
    const all = await runCli(['extract', bare, '--tous-les-partenaires']);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain(`aucun extrait à écrire. ${fillFirst}`);
  }, 60_000);

  it('names the recipient a name mistyped by a letter or two meant, before the known ones (exit 2)', async () => {
    const run = await runCli(['extract', master, '--commune', 'Marles', '-o', path('marles.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Aucun destinataire ne s’appelle «\u00a0Marles\u00a0»\u00a0: vouliez-vous dire «\u00a0Marlhès\u00a0»\u00a0?',
    );
    expect(run.stderr).toContain('Jonzieux');
    expect(existsSync(path('marles.xlsx'))).toBe(false);
  }, 60_000);

  it('never replaces a file with -o without --force', async () => {
    const out = path('existant.xlsx');
    writeFileSync(out, 'pas un classeur');
    const run = await runCli(['extract', master, '--commune', 'Graix', '-o', out]);
    expect(run.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('pas un classeur');
    expect((await runCli(['extract', master, '--commune', 'Graix', '-o', out, '--force'])).code).toBe(0);
    expect(readExtractMeta(fileGrids(out))!.partner).toBe('Graix');
  }, 60_000);

  it('says that a missing --dossier is missing, without advising -o', async () => {
    const run = await runCli(['extract', master, '--toutes-les-communes', '--dossier', path('absent')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--dossier');
    // As a word: the folder's random name, quoted in the message, may hold « -o » (« ctg-extract-cli-oOV6ga »).
    expect(run.stderr).not.toMatch(/(^|\s)-o\b/);
  }, 60_000);

  it('says that a --dossier that is a file is a file, not a folder to create', async () => {
    const file = path('pas-un-dossier.xlsx');
    writeFileSync(file, 'un fichier');
    const run = await runCli(['extract', master, '--toutes-les-communes', '--dossier', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `${file} est un fichier, pas un dossier\u00a0: donnez avec --dossier le dossier où écrire les extraits. ` +
        'Rien n’a été écrit.',
    );
  }, 60_000);

  it('asks for exactly one choice of recipients', async () => {
    expect((await runCli(['extract', master])).code).toBe(2);
    const both = await runCli(['extract', master, '--commune', 'Graix', '--porteur', 'CCMP', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout).error.code).toBe('conflicting-options');
  }, 60_000);
});

describe('extract from a master with a data error', () => {
  it('says that no extract was written, not that the master was left alone', async () => {
    const master = path('suivi-erreur.xlsx');
    await generatedWorkbook(master);
    await typeWithExcel(master, [{ key: 'E19', header: 'Statut', value: 'Presque fini' }]);
    const run = await runCli(['extract', master, '--commune', 'Jonzieux', '-o', path('extrait-erreur.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `Aucun extrait n’a été écrit\u00a0: ${master} a 1 erreur à corriger d’abord.`,
    );
    expect(run.stderr).not.toContain('n’a pas été modifié');
    expect(existsSync(path('extrait-erreur.xlsx'))).toBe(false);
    const json = JSON.parse((await runCli(['extract', master, '--commune', 'Jonzieux', '--json'])).stdout);
    expect(json.error.message).toBe(`Aucun extrait n’a été écrit\u00a0: ${master} a 1 erreur à corriger d’abord.`);
  });
});
