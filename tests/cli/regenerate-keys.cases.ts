import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import type { GridCell } from '../../src/domain/grid';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-regenerate-keys-'));
const path = (name: string) => join(workDir, name);
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
const nbsp = '\u00a0';

/**
 * A column a person adds by hand after the table of each of `sheets`, headed « Suivi interne » (row 3), each row
 * under the header given to `fill` with its cell in that column.
 */
async function addColumnByHand(
  workbook: string,
  sheets: readonly string[],
  fill: (row: ExcelJS.Row, cell: ExcelJS.Cell, sheet: string) => void,
): Promise<void> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(workbook);
  for (const name of sheets) {
    const sheet = excel.getWorksheet(name)!;
    const added = sheet.getRow(3).cellCount + 1;
    sheet.getRow(3).getCell(added).value = 'Suivi interne';
    sheet.eachRow((row) => {
      if (row.number > 3) fill(row, row.getCell(added), name);
    });
  }
  await excel.xlsx.writeFile(workbook);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const refLine = (ref: string) => `Réf de la fiche action :\n\n${ref}\n`;
/** The text of a fiche, from its ref to the next fiche's. */
function ficheBlock(text: string, ref: string): string {
  const start = text.indexOf(refLine(ref));
  return text.slice(start, text.indexOf('Réf de la fiche action :', start + 1));
}

/** A fiche the plan writes without a ref. */
const unreferencedFiche = [
  'Réf de la fiche action :',
  'Intérêt :',
  'intérêt',
  'Méthodologie :',
  'Collective',
  'Public cible :',
  'Global',
  'Fiche nouvelle sans référence',
  'Budget :',
  'Existant',
  "Porteur de l'action :",
  'CCMP',
  'Territoire(s) cible(s) :',
  'CCMP',
  "Champ(s) d'intervention(s) :",
  'Accès aux droits',
  "Contexte de l'action :",
  'Contexte.',
  'Objectif(s)',
  '- Objectif un',
  'Critères',
  'Critères quantitatifs :',
  '- Nombre de rendez-vous',
  'Critères qualitatifs :',
  '- Avis',
  '',
].join('\n\n');

const axis2Heading = "2) Structurer, observer et affirmer le rôle d'autorité organisatrice de la Petite Enfance\n\n";

/**
 * The convention with refs that are not letters then digits (F2 written « AD-1 », F3 « 1.2 », PE5 none), and G1
 * listing « Nombre de jeunes » twice.
 */
function firstPlan(): string {
  let text = replaceOnce(seedText, refLine('F2'), refLine('AD-1'));
  text = replaceOnce(text, refLine('F3'), refLine('1.2'));
  text = replaceOnce(text, refLine('PE5'), 'Réf de la fiche action :\n\n');
  return replaceOnce(text, "- Nombre d'animations, temps fort\n", '- Nombre de jeunes\n- Nombre de jeunes\n');
}

/**
 * The plan amended: a fiche without a ref inserted first in axis 1, the first « Nombre de jeunes » reworded, PE4
 * moved from axis 1 to axis 2, axis 2 renamed.
 */
function amendedPlan(): string {
  let text = firstPlan();
  text = replaceOnce(text, refLine('G1'), `${unreferencedFiche}${refLine('G1')}`);
  text = replaceOnce(
    text,
    '- Nombre de jeunes\n- Nombre de jeunes\n',
    '- Nombre de jeunes inscrits\n- Nombre de jeunes\n',
  );
  const block = ficheBlock(text, 'PE4');
  text = replaceOnce(text, block, '');
  return replaceOnce(
    text,
    `${axis2Heading}${refLine('PE7')}`,
    `2) Autorité organisatrice de la Petite Enfance\n\n${block}${refLine('PE7')}`,
  );
}

/** Types values into the axis sheets with Excel's file format library, as a person editing the file would. */
async function typeValues(file: string, values: [key: string, header: string, value: string | number][]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const [key, header, value] of values) {
    let done = false;
    workbook.eachSheet((sheet) => {
      if (!sheet.name.startsWith('Axe ')) return;
      const column = (sheet.getRow(3).values as unknown[]).indexOf(header);
      sheet.eachRow((row) => {
        if (row.getCell(1).value !== key) return;
        row.getCell(column).value = value;
        done = true;
      });
    });
    if (!done) throw new Error(`no row ${key}`);
  }
  await workbook.xlsx.writeFile(file);
}

/** The axis rows of a file: sheet, key, and the cells by header. */
function axisRows(file: string) {
  const rows: { sheet: string; key: unknown; cell: (header: string) => unknown }[] = [];
  for (const sheet of fileGrids(file).sheets) {
    if (!sheet.name.startsWith('Axe ') || !('rows' in sheet)) continue;
    const headers = (sheet.rows[2] ?? []).map((cell: GridCell | null) => cell?.value);
    for (const row of sheet.rows.slice(3))
      rows.push({
        sheet: sheet.name,
        key: row?.[0]?.value,
        cell: (header: string) => row?.[headers.indexOf(header)]?.value ?? null,
      });
  }
  return rows;
}

function journalLines(file: string): unknown[][] {
  const journal = fileGrids(file).sheets.find((sheet) => sheet.name === 'Journal');
  if (!journal || !('rows' in journal)) throw new Error('no Journal');
  return journal.rows.map((row) => (row ?? []).slice(2, 6).map((cell) => cell?.value ?? null));
}

describe('ctg-suivi generate --force from an amended plan: every value stays with its fiche and criterion', () => {
  const workbook = path('suivi.xlsx');
  let stdout = '';

  beforeAll(async () => {
    writeFileSync(path('plan.txt'), firstPlan());
    writeFileSync(path('plan-modifie.txt'), amendedPlan());
    await generatedWorkbook(workbook, { plan: path('plan.txt') });
    await typeValues(workbook, [
      ['AD1-QN1', '2026-T1', 5],
      ['F1-2-QN1', '2026-T1', 7],
      ['SANSREF1-QN1', '2026-T1', 9],
      ['G1-QN2', '2026-T1', 10],
      ['G1-QN3', '2026-T1', 20],
      ['PE4', 'Statut', 'En cours'],
      ['PE4-QN1', '2026-T1', 3],
    ]);
    const run = await runCli(['generate', '--plan', path('plan-modifie.txt'), '-o', workbook, '--force']);
    expect(run.code).toBe(0);
    stdout = run.stdout;
  }, 120_000);

  it('keys a fiche by its written ref, so a fiche inserted before it moves no value', () => {
    const rows = axisRows(workbook);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect([row('AD1').cell('Intitulé'), row('AD1-QN1').cell('2026-T1')]).toEqual([
      "Renforcer l'accompagnement à la parentalité sur le territoire",
      5,
    ]);
    expect(row('F1-2-QN1').cell('2026-T1')).toBe(7);
    expect(rows.some((r) => r.key === 'SANSREF1' || r.key === 'SANSREF2')).toBe(true);
  });

  it('finds a fiche without a ref by its title: the one inserted before it takes a new key, empty', () => {
    const rows = axisRows(workbook);
    const old = rows.find((r) => r.key === 'SANSREF1')!;
    expect(old.cell('Intitulé')).not.toBe('Fiche nouvelle sans référence');
    expect(rows.find((r) => r.key === 'SANSREF1-QN1')?.cell('2026-T1')).toBe(9);
    const added = rows.find((r) => r.cell('Intitulé') === 'Fiche nouvelle sans référence')!;
    expect(added.key).toBe('SANSREF2');
    expect(rows.find((r) => r.key === 'SANSREF2-QN1')?.cell('2026-T1')).toBeNull();
  });

  it('keeps each of two criteria worded alike with its value, rows in the plan’s order, and says the guess', () => {
    const g1 = axisRows(workbook).filter((r) => typeof r.key === 'string' && r.key.startsWith('G1-QN'));
    expect(g1.slice(1, 3).map((r) => [r.key, r.cell('Intitulé'), r.cell('2026-T1')])).toEqual([
      ['G1-QN2', 'Nombre de jeunes inscrits', 10],
      ['G1-QN3', 'Nombre de jeunes', 20],
    ]);
    // One of the two reworded: « Nombre de jeunes » now once, which row it is the tools can only guess.
    expect(stdout).toContain(
      `Fiche G1 : « Nombre de jeunes » figurait 2 fois parmi ses critères, le nouveau plan l’écrit 1 fois.`,
    );
    expect(stdout).toContain('vérifiez les lignes G1-QN2, G1-QN3.');
    expect(journalLines(workbook)).toContainEqual([
      'G1',
      'Critères de même libellé',
      `2 critères « Nombre de jeunes »`,
      `1 critère « Nombre de jeunes » : valeurs saisies gardées dans l’ordre des lignes, lignes à vérifier (G1-QN2, G1-QN3)`,
    ]);
  });

  it('says and journals a fiche moved to another axis, with its values, and an axis renamed', () => {
    const pe4 = axisRows(workbook).find((r) => r.key === 'PE4')!;
    expect([pe4.sheet, pe4.cell('Statut')]).toEqual(['Axe 2', 'En cours']);
    expect(
      axisRows(workbook)
        .find((r) => r.key === 'PE4-QN1')
        ?.cell('2026-T1'),
    ).toBe(3);
    expect(stdout).toContain(`Fiche déplacée dans un autre axe (valeurs saisies gardées)${nbsp}: PE4 (Axe 1 → Axe 2).`);
    expect(stdout).toContain(
      `Titre de l’axe remplacé par celui du plan${nbsp}: Axe 2, «${nbsp}Structurer, observer et affirmer le rôle d'autorité organisatrice de la Petite Enfance${nbsp}» → «${nbsp}Autorité organisatrice de la Petite Enfance${nbsp}».`,
    );
    const lines = journalLines(workbook);
    expect(lines).toContainEqual(['PE4', 'Axe', 'Axe 1', 'Axe 2']);
    expect(lines).toContainEqual([
      'Axe 2',
      'Titre de l’axe',
      "Structurer, observer et affirmer le rôle d'autorité organisatrice de la Petite Enfance",
      'Autorité organisatrice de la Petite Enfance',
    ]);
  });
});

describe('ctg-suivi generate --force over two criteria of a fiche worded alike, both filled', () => {
  const filled = path('suivi-meme-libelle.xlsx');
  /** G1's criteria from « Nombre de permanences dans les communes » to the two « Nombre de jeunes », as amended. */
  const amended = (criteria: string[]) =>
    replaceOnce(
      firstPlan(),
      '- Nombre de permanences dans les communes\n- Nombre de jeunes\n- Nombre de jeunes\n',
      criteria.map((text) => `- ${text}\n`).join(''),
    );
  /** The filled workbook regenerated, as a copy, from the plan with G1's criteria amended so. */
  async function regenerated(name: string, criteria: string[]) {
    const workbook = path(`${name}.xlsx`);
    copyFileSync(filled, workbook);
    writeFileSync(path(`${name}.txt`), amended(criteria));
    const run = await runCli(['generate', '--plan', path(`${name}.txt`), '-o', workbook, '--force']);
    expect(run.code).toBe(0);
    const g1 = axisRows(workbook).filter((r) => typeof r.key === 'string' && r.key.startsWith('G1-QN'));
    const rows = g1.map((r) => [r.key, r.cell('Intitulé'), r.cell('2026-T1'), r.cell('Commentaire')]);
    return { workbook, stdout: run.stdout, rows };
  }

  beforeAll(async () => {
    writeFileSync(path('plan-meme-libelle.txt'), firstPlan());
    await generatedWorkbook(filled, { plan: path('plan-meme-libelle.txt') });
    await typeValues(filled, [
      ['G1-QN2', '2026-T1', 10],
      ['G1-QN2', 'Commentaire', 'premier'],
      ['G1-QN3', '2026-T1', 20],
      ['G1-QN3', 'Commentaire', 'second'],
    ]);
  }, 120_000);

  it('pairs the two in their order when a criterion is inserted before them: each row keeps its own values', async () => {
    const { rows, stdout } = await regenerated('insere', [
      'Nombre de permanences dans les communes',
      'Nombre de ludothèques partenaires',
      'Nombre de jeunes',
      'Nombre de jeunes',
    ]);
    expect(rows.slice(1, 4).map((row) => row.slice(1))).toEqual([
      ['Nombre de ludothèques partenaires', null, null],
      ['Nombre de jeunes', 10, 'premier'],
      ['Nombre de jeunes', 20, 'second'],
    ]);
    expect(stdout).not.toContain('figurait');
  }, 120_000);

  it('keeps each value on its row when the second is reworded and a criterion inserted before them', async () => {
    const { rows, stdout } = await regenerated('insere-reformule', [
      'Nombre de permanences dans les communes',
      'Nombre de familles accueillies',
      'Nombre de jeunes',
      'Nombre de jeunes inscrits',
    ]);
    expect(rows.slice(1, 4)).toEqual([
      ['G1-QN7', 'Nombre de familles accueillies', null, null],
      ['G1-QN2', 'Nombre de jeunes', 10, 'premier'],
      ['G1-QN3', 'Nombre de jeunes inscrits', 20, 'second'],
    ]);
    expect(stdout).toContain('vérifiez les lignes G1-QN2, G1-QN3.');
  }, 120_000);

  it('says and journals one of them removed: values kept in order, the row left without a partner archived', async () => {
    const { workbook, rows, stdout } = await regenerated('retire', [
      'Nombre de permanences dans les communes',
      'Nombre de jeunes',
    ]);
    expect(rows.slice(1, 2)).toEqual([['G1-QN2', 'Nombre de jeunes', 10, 'premier']]);
    expect(stdout).toContain(
      `Fiche G1 : « Nombre de jeunes » figurait 2 fois parmi ses critères, le nouveau plan l’écrit 1 fois. ` +
        `Les valeurs saisies sont gardées dans l’ordre des lignes ainsi libellées, sans certitude que chacune soit sur ` +
        `la bonne : vérifiez la ligne G1-QN2.`,
    );
    expect(stdout).toContain('G1-QN3');
    expect(journalLines(workbook)).toContainEqual([
      'G1',
      'Critères de même libellé',
      `2 critères « Nombre de jeunes »`,
      `1 critère « Nombre de jeunes » : valeurs saisies gardées dans l’ordre des lignes, ligne à vérifier (G1-QN2)`,
    ]);
    const archives = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Archives');
    if (!archives || !('rows' in archives)) throw new Error('no Archives');
    const archived = archives.rows.map((row) => (row ?? []).slice(1).map((cell) => cell?.value ?? null));
    expect(archived).toEqual(
      expect.arrayContaining([
        ['G1-QN3', 'Quantitatif', 'Nombre de jeunes', '2026-T1', 20],
        ['G1-QN3', 'Quantitatif', 'Nombre de jeunes', 'Commentaire', 'second'],
      ]),
    );
  }, 120_000);
});

describe('ctg-suivi generate --force, a fiche moved to another axis with a value in a column a person added', () => {
  it('refuses, naming the axis the row goes to, so that the value is copied there rather than erased', async () => {
    const workbook = path('suivi-colonne.xlsx');
    writeFileSync(path('plan-1.txt'), firstPlan());
    writeFileSync(path('plan-2.txt'), amendedPlan());
    await generatedWorkbook(workbook, { plan: path('plan-1.txt') });
    let address = '';
    await addColumnByHand(workbook, ['Axe 1'], (row, cell) => {
      if (row.getCell(1).value !== 'PE4') return;
      cell.value = 'relancer en mars';
      address = cell.address;
    });
    const before = readFileSync(workbook);

    const run = await runCli(['generate', '--plan', path('plan-2.txt'), '-o', workbook, '--force']);
    expect(run.code).toBe(1);
    const said = run.stdout + run.stderr;
    expect(said).toContain(`Axe 1, cellule ${address}${nbsp}: la valeur «${nbsp}relancer en mars${nbsp}»`);
    expect(said).toContain('que la régénération déplace dans l’Axe 2');
    expect(said).not.toContain('que la réécriture ne garde pas');
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 120_000);
});

describe('ctg-suivi generate --force, a fiche moved to an axis whose sheet has the same added column', () => {
  it('writes the value in that column on the moved row, rather than refusing as if the column were missing', async () => {
    const workbook = path('suivi-colonne-partout.xlsx');
    writeFileSync(path('plan-1.txt'), firstPlan());
    writeFileSync(path('plan-2.txt'), amendedPlan());
    await generatedWorkbook(workbook, { plan: path('plan-1.txt') });
    await addColumnByHand(workbook, ['Axe 1', 'Axe 2'], (row, cell) => {
      if (row.getCell(1).value === 'PE4') cell.value = 'relancer en mars';
      if (row.getCell(1).value === 'PE7') cell.value = 'à voir en COPIL';
    });

    const run = await runCli(['generate', '--plan', path('plan-2.txt'), '-o', workbook, '--force']);
    expect(run.stdout + run.stderr).not.toContain('cette colonne n’y existe pas');
    expect(run.code).toBe(0);
    const axis2 = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Axe 2')!;
    const header = (axis2.rows[2] ?? []).map((cell) => cell?.value ?? null);
    const column = header.indexOf('Suivi interne');
    expect(column).toBeGreaterThan(0);
    const valueOnRow = (key: string) => axis2.rows.find((row) => row?.[0]?.value === key)?.[column]?.value ?? null;
    expect(valueOnRow('PE4')).toBe('relancer en mars');
    expect(valueOnRow('PE7')).toBe('à voir en COPIL');
  }, 120_000);
});

describe('ctg-suivi generate --force, an axis removed, the same column added to every axis sheet', () => {
  it('takes the last sheet’s column with its values into the renumbered axis, rather than refusing its header', async () => {
    const workbook = path('suivi-axe-retire.xlsx');
    writeFileSync(path('convention.txt'), seedText);
    const planRun = await runCli(['plan', path('convention.txt'), '--json']);
    const plan = JSON.parse(planRun.stdout) as { axes: { number: number }[] };
    plan.axes.splice(11, 1);
    plan.axes.forEach((axis, index) => (axis.number = index + 1));
    writeFileSync(path('sans-axe-12.json'), JSON.stringify(plan));
    await generatedWorkbook(workbook, { plan: path('convention.txt') });
    await addColumnByHand(workbook, ['Axe 12', 'Axe 13'], (row, cell, name) => {
      if (row.number === 4) cell.value = `première ligne de l’${name}`;
    });

    const run = await runCli(['generate', '--plan', path('sans-axe-12.json'), '-o', workbook, '--force']);
    expect(run.stdout + run.stderr).not.toContain('disparaît avec le plan modifié');
    expect(run.code).toBe(0);
    const axis12 = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Axe 12')!;
    const column = (axis12.rows[2] ?? []).map((cell) => cell?.value ?? null).indexOf('Suivi interne');
    expect(column).toBeGreaterThan(0);
    expect(axis12.rows[3]?.[column]?.value).toBe('première ligne de l’Axe 13');
    expect(fileGrids(workbook).sheets.map((sheet) => sheet.name)).not.toContain('Axe 13');
    const archives = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Archives')!;
    expect(archives.rows.flat().map((cell) => cell?.value)).toContain('première ligne de l’Axe 12');
  }, 120_000);

  it('refuses a note beside the last sheet’s table without saying its axis lost its fiches, which moved', async () => {
    const workbook = path('suivi-axe-retire-note.xlsx');
    await generatedWorkbook(workbook, { plan: path('convention.txt') });
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(workbook);
    const sheet = excel.getWorksheet('Axe 13')!;
    sheet.getRow(1).getCell(sheet.getRow(3).cellCount + 3).value = 'à revoir au COPIL';
    await excel.xlsx.writeFile(workbook);

    const run = await runCli(['generate', '--plan', path('sans-axe-12.json'), '-o', workbook, '--force']);
    expect(run.code).toBe(1);
    const said = run.stdout + run.stderr;
    expect(said).toContain(
      `la feuille «${nbsp}Axe 13${nbsp}» disparaît avec le plan modifié, qui n’a plus d’axe 13 avec des fiches`,
    );
    expect(said).not.toContain('son axe n’a plus de fiche');
  }, 120_000);
});

/**
 * A workbook `name` generated from the first plan, a column « Suivi interne » added by hand to Axe 1 and Axe 2, and in
 * it, on the row of PE4 (which the amended plan moves to Axe 2), the formula `formulaAt` gives for its row number:
 * the workbook, the formula's address and the file's bytes before any regeneration.
 */
async function formulaOnMovedRow(
  name: string,
  formulaAt: (row: number) => { formula: string; result: string | number },
): Promise<{ workbook: string; address: string; before: Buffer }> {
  const workbook = path(name);
  writeFileSync(path('plan-1.txt'), firstPlan());
  writeFileSync(path('plan-2.txt'), amendedPlan());
  await generatedWorkbook(workbook, { plan: path('plan-1.txt') });
  let address = '';
  await addColumnByHand(workbook, ['Axe 1', 'Axe 2'], (row, cell) => {
    if (row.getCell(1).value !== 'PE4') return;
    cell.value = formulaAt(row.number);
    address = cell.address;
  });
  return { workbook, address, before: readFileSync(workbook) };
}

describe('ctg-suivi generate --force, a fiche moved to an axis whose sheet has the same added column, a formula in it', () => {
  it('refuses, saying the formula cannot follow its row to the other sheet and what to do, not that the column is missing', async () => {
    const { workbook, address, before } = await formulaOnMovedRow('suivi-colonne-formule.xlsx', (row) => ({
      formula: `UPPER(C${row})`,
      result: 'RELAIS',
    }));

    const run = await runCli(['generate', '--plan', path('plan-2.txt'), '-o', workbook, '--force']);
    expect(run.code).toBe(1);
    const said = run.stdout + run.stderr;
    expect(said).not.toContain('cette colonne n’y existe pas');
    const row = address.replace(/^[A-Z]+/, '');
    expect(said).toContain(
      `Axe 1, cellule ${address}${nbsp}: la formule «${nbsp}=UPPER(C${row})${nbsp}» de la colonne ajoutée ` +
        `«${nbsp}Suivi interne${nbsp}» est sur la ligne PE4, que la régénération déplace dans l’Axe 2${nbsp}: une ` +
        'formule ne suit pas sa ligne dans une autre feuille, ses références désignant des cellules de celle-ci. ' +
        'Remplacez-la par sa valeur (copier, puis collage spécial des valeurs), qui suivra la ligne dans la colonne ' +
        `«${nbsp}Suivi interne${nbsp}» de l’Axe 2, ou effacez-la et saisissez-la à nouveau dans l’Axe 2 après la ` +
        `régénération, puis recommencez${nbsp}: le classeur n’a pas été modifié.`,
    );
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 120_000);
});

describe('ctg-suivi generate --force, a fiche moved to an axis whose sheet has the same added column, a formula without reference in it', () => {
  it.each([
    ['TODAY()', '=TODAY()', 46000],
    ['1+1', '=1+1', 2],
    ['Paramètres!$B$9', '=Paramètres!$B$9', 3],
  ])(
    'refuses %s without saying its references point into the old sheet, which it has none in',
    async (formula, shown, result) => {
      const { workbook, address, before } = await formulaOnMovedRow(`suivi-colonne-formule-${result}.xlsx`, () => ({
        formula,
        result,
      }));

      const run = await runCli(['generate', '--plan', path('plan-2.txt'), '-o', workbook, '--force']);
      expect(run.code).toBe(1);
      const said = run.stdout + run.stderr;
      expect(said).not.toContain('ses références');
      expect(said).toContain(
        `Axe 1, cellule ${address}${nbsp}: la formule «${nbsp}${shown}${nbsp}» de la colonne ajoutée ` +
          `«${nbsp}Suivi interne${nbsp}» est sur la ligne PE4, que la régénération déplace dans l’Axe 2${nbsp}: la ` +
          'régénération ne déplace dans une autre feuille que des valeurs, jamais une formule saisie à la main. ' +
          'Remplacez-la par sa valeur (copier, puis collage spécial des valeurs), qui suivra la ligne dans la colonne ' +
          `«${nbsp}Suivi interne${nbsp}» de l’Axe 2, ou effacez-la et saisissez-la à nouveau dans l’Axe 2 après la ` +
          `régénération, puis recommencez${nbsp}: le classeur n’a pas été modifié.`,
      );
      expect(readFileSync(workbook).equals(before)).toBe(true);
    },
    120_000,
  );
});
