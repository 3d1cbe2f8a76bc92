import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import { measureFiles } from '../../src/cli/consolidate/measure-pool';
import { editedBytes, pilat, territoryFolder, type TerritoryFolder } from './helpers/territories';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { ctgMetaValueCell } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { runCli } from '../cli/run-cli';

/**
 * Territory workbooks edited by hand the ways a Caf will meet: a renamed axis sheet, a deleted column, a duplicated
 * key, a formula typed where a value goes, a text that looks like a formula. A broken structure leaves the file out
 * with a reason naming where; the others are consolidated.
 */

const today = new Date('2027-06-01T10:00:00Z');
let files: TerritoryFolder;

async function edited(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const path = files.path(name);
  writeFileSync(path, await editedBytes(files.bytes.get(pilat.name)!, edit));
  return path;
}

/** The row of a key in an axis sheet. */
function rowOfKey(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

beforeAll(async () => {
  files = await territoryFolder();
}, 60_000);

it('leaves out a renamed axis sheet, a deleted column and a duplicated key, each with where; keeps formulas typed in cells, a result counted as a value and a formula’s text as a text', async () => {
  const renamed = await edited('renomme.xlsx', (workbook) => {
    workbook.getWorksheet('Axe 13')!.name = 'Accès aux droits';
  });
  const columnGone = await edited('colonne.xlsx', (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    let statusColumn = 0;
    sheet.getRow(3).eachCell((cell, column) => {
      if (cell.value === 'Statut') statusColumn = column;
    });
    sheet.spliceColumns(statusColumn, 1);
  });
  const duplicated = await edited('doublon-cle.xlsx', (workbook) => {
    rowOfKey(workbook.getWorksheet('Axe 1')!, 'G2').getCell(1).value = 'G1';
  });
  const formula = await edited('formule.xlsx', (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    const columnOf = (header: string) => {
      let found = 0;
      sheet.getRow(3).eachCell((cell, column) => {
        if (cell.value === header) found = column;
      });
      return found;
    };
    // A formula a person typed in a quarter cell (its result is the value), and a formula's text typed as a text.
    rowOfKey(sheet, 'G1-QN1').getCell(columnOf('2026-T3')).value = { formula: '1+1', result: 2 };
    rowOfKey(sheet, 'G2').getCell(columnOf('Difficultés')).value = '=HYPERLINK("http://exemple.fr")';
  });
  const outcomes = await measureFiles([renamed, columnGone, duplicated, formula, files.path(pilat.name)], {
    quarter: null,
    today,
    workers: 1,
  });
  const result = consolidate(outcomes, null);
  const reasons = new Map(result.rejected.map((rejected) => [rejected.file, rejected]));
  // The sheet renamed is found by its keys, as validation finds it: the advice is to give it its name back.
  expect(reasons.get(renamed)).toMatchObject({
    code: 'missing-sheet',
    reason: expect.stringMatching(
      /^La feuille «\u00a0Axe 13\u00a0» manque\. La feuille «\u00a0Accès aux droits\u00a0» semble être «\u00a0Axe 13\u00a0» renommée\u00a0: rendez-lui son nom\./,
    ),
  });
  expect(reasons.get(columnGone)).toMatchObject({ code: 'missing-column', reason: expect.stringContaining('Statut') });
  expect(reasons.get(duplicated)!.code).toMatch(/duplicate-key|key-changed|missing-row/);
  expect(reasons.get(duplicated)!.reason).toContain('Axe 1');
  // The formulas' copy is a copy of the same territory, given first: kept, the formula's result counted as a value
  // (2026-T3 of G1-QN1 now filled) as the workbook's own figures count it, the formula itself a data error
  // (`formula-in-input-cell`: a rewrite would keep its result alone), and the formula's text as a text (one more
  // fiche with difficulties).
  const original = outcomes[4].ok ? outcomes[4].measure : null;
  expect(result.territories).toEqual([
    expect.objectContaining({
      file: formula,
      errors: 1,
      counts: expect.objectContaining({
        period: { ...original!.counts.period, filled: original!.counts.period.filled + 1 },
        fichesWithDifficulties: original!.counts.fichesWithDifficulties + 1,
      }),
    }),
  ]);
  expect(result.duplicates).toEqual([expect.objectContaining({ kept: formula, dropped: files.path(pilat.name) })]);
});

it('says what « Paramètres » B9 holds when it is no quarter: a date typed there as a date, an empty cell as empty', async () => {
  const dated = await edited('b9-date.xlsx', (workbook) => {
    const cell = workbook.getWorksheet('Paramètres')!.getCell('B9');
    cell.value = new Date(Date.UTC(2027, 0, 15));
    cell.numFmt = 'dd/mm/yyyy';
  });
  const spaced = await edited('b9-espace.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = '2026 T4';
  });
  const empty = await edited('b9-vide.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = null;
  });
  const outcomes = await measureFiles([dated, spaced, empty], { quarter: null, today });
  // The quarter the text means, as validate suggests it (« saisissez 2027-T1 »).
  const end = (meant: string) =>
    ` n’est pas un trimestre de la forme AAAA-Tn\u00a0: le classeur est écarté. Saisissez ${meant} dans le classeur, ou donnez ` +
    'le trimestre à mesurer pour tous avec --quarter AAAA-Tn. Cellule B9 de la feuille «\u00a0Paramètres\u00a0».';
  expect(consolidate(outcomes, null).rejected.map(({ file, reason }) => ({ file, reason }))).toEqual([
    {
      file: dated,
      reason:
        'Le trimestre en cours de «\u00a0Paramètres\u00a0» (valeur lue\u00a0: «\u00a015/01/2027\u00a0»)' +
        end('2027-T1'),
    },
    {
      file: spaced,
      reason:
        'Le trimestre en cours de «\u00a0Paramètres\u00a0» (valeur lue\u00a0: «\u00a02026 T4\u00a0»)' + end('2026-T4'),
    },
    {
      file: empty,
      reason:
        'Le trimestre en cours de «\u00a0Paramètres\u00a0» est vide\u00a0: le classeur est écarté. Saisissez-le ' +
        'dans le classeur (AAAA-Tn, par exemple 2027-T2), ou donnez le trimestre à mesurer pour tous avec ' +
        '--quarter AAAA-Tn. Cellule B9 de la feuille «\u00a0Paramètres\u00a0».',
    },
  ]);
});

it('says that « Paramètres » B9 is a formula without its result, not that it is empty', async () => {
  const formula = await edited('b9-formule.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = { formula: 'A1+1' } as never;
  });
  const [outcome] = await measureFiles([formula], { quarter: null, today });
  expect(consolidate([outcome], null).rejected.map(({ reason }) => reason)).toEqual([
    'Le trimestre en cours de «\u00a0Paramètres\u00a0» est une formule sans valeur calculée («\u00a0=A1+1\u00a0»)\u00a0: ' +
      'le classeur est écarté. Ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou donnez le trimestre à ' +
      'mesurer pour tous avec --quarter AAAA-Tn. Cellule B9 de la feuille «\u00a0Paramètres\u00a0».',
  ]);
});

it('shows a territory’s name with its spacing tidied, as its duplicates and its row say it', async () => {
  const spaced = await edited('nom-espaces.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.getCell(settingsValueCell('territory')).value = '  Monts   du\u00a0Pilat ';
  });
  const [outcome] = await measureFiles([spaced], { quarter: null, today });
  expect(outcome.ok && outcome.measure.territory).toBe('Monts du Pilat');
});

it('leaves out a convention lengthened by hand in `_ctg` for that reason, not for the quarter columns it lacks', async () => {
  const lengthened = await edited('prolongee.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell('B6').value = '2031-12-31';
  });
  const [outcome] = await measureFiles([lengthened], { quarter: null, today });
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.rejected.code).toBe('ctg-period-changed');
  expect(outcome.rejected.reason).toContain('a été modifié à la main');
  expect(outcome.rejected.reason).toContain('Remettez «\u00a02030-12-31\u00a0»');
});

it('names the copy a territory is measured from when another copy is left out, and warns when the one left out is newer', async () => {
  // pilat.xlsx was written on 2026-08-10: one copy left out is written later, the other earlier.
  const lastWrite = ctgMetaValueCell('lastWrittenAt');
  const newerBroken = await edited('pilat-plus-recent-casse.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell(lastWrite).value = '2027-05-01T00:00:00.000Z';
    workbook.getWorksheet('Axe 1')!.name = 'Axe un';
  });
  const olderBroken = await edited('pilat-ancien-casse.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell(lastWrite).value = '2000-01-01T00:00:00.000Z';
    workbook.getWorksheet('Axe 1')!.name = 'Axe un';
  });
  const kept = files.path(pilat.name);
  const outcomes = await measureFiles([newerBroken, kept, olderBroken], { quarter: null, today });
  const consolidation = consolidate(outcomes, null);
  expect(consolidation.territories.map((territory) => territory.file)).toEqual([kept]);
  const reasons = new Map(consolidation.rejected.map(({ file, reason }) => [file, reason]));
  expect(reasons.get(newerBroken)).toContain(
    'Attention\u00a0: les chiffres de «\u00a0Monts du Pilat\u00a0» viennent d’une copie ' +
      `plus ancienne, «\u00a0${kept}\u00a0»\u00a0; c’est ce fichier-ci que le territoire doit corriger.`,
  );
  expect(reasons.get(olderBroken)).toContain(
    `Les chiffres de «\u00a0Monts du Pilat\u00a0» viennent d’une autre copie, «\u00a0${kept}\u00a0».`,
  );
});

it('tells a copy whose convention’s end was changed by hand in `_ctg` by its dates, not as another convention', async () => {
  // The same convention as pilat.xlsx, its end typed over (2030 → 2031): a copy, not a convention to come.
  const lengthened = await edited('pilat-prolongee.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell(ctgMetaValueCell('periodEnd')).value = '2031-12-31';
  });
  const kept = files.path(pilat.name);
  const consolidation = consolidate(
    await measureFiles([lengthened, kept], { quarter: null, today }),
    null,
    undefined,
    today,
  );
  expect(consolidation.rejected.map(({ file, code }) => ({ file, code }))).toEqual([
    { file: lengthened, code: 'ctg-period-changed' },
  ]);
  expect(consolidation.rejected[0].reason).toContain(
    `Les chiffres de «\u00a0Monts du Pilat\u00a0» viennent d’une autre copie, «\u00a0${kept}\u00a0».`,
  );
});

it('does not let a « Dernière mise à jour » typed in the future make an older copy the newest', async () => {
  // pilat.xlsx was written on 2026-08-10; this copy, written earlier, has a fiche « updated » in 2099.
  const typo = await edited('pilat-date-future.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell(ctgMetaValueCell('lastWrittenAt')).value = '2026-01-01T00:00:00.000Z';
    const sheet = workbook.getWorksheet('Axe 1')!;
    let column = 0;
    sheet.getRow(3).eachCell((cell, index) => {
      if (cell.value === 'Dernière mise à jour') column = index;
    });
    rowOfKey(sheet, 'G1').getCell(column).value = new Date(Date.UTC(2099, 0, 1));
  });
  const kept = files.path(pilat.name);
  const consolidation = consolidate(await measureFiles([typo, kept], { quarter: null, today }), null);
  expect(consolidation.territories.map((territory) => territory.file)).toEqual([kept]);
  expect(consolidation.duplicates.map(({ kept: file, dropped }) => [file, dropped])).toEqual([[kept, typo]]);
  const measured = await measureFiles([typo], { quarter: null, today });
  expect(measured[0].ok && measured[0].measure.warnings).toBeGreaterThan(0);
});

it('does not let a `_ctg` last write dated in the future (a clock ahead) make a copy the newest', async () => {
  // pilat.xlsx was written on 2026-08-10; this copy was written by a machine whose clock said 2099.
  const clockAhead = await edited('pilat-horloge.xlsx', (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell(ctgMetaValueCell('lastWrittenAt')).value = '2099-01-01T00:00:00.000Z';
  });
  const kept = files.path(pilat.name);
  const consolidation = consolidate(await measureFiles([clockAhead, kept], { quarter: null, today }), null);
  expect(consolidation.territories.map((territory) => territory.file)).toEqual([kept]);
  expect(consolidation.duplicates.map(({ kept: file, dropped }) => [file, dropped])).toEqual([[kept, clockAhead]]);
});

it('keeps, with its error counted, a workbook whose « Paramètres » has a row inserted: each value is read beside its label', async () => {
  // A user trial's file was left out, its reason saying the values were read beside their labels.
  const inserted = await edited('pilat-ligne-inseree.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.spliceRows(3, 0, ['Note ajoutée']);
  });
  const [outcome] = await measureFiles([inserted], { quarter: null, today, workers: 1 });
  const [original] = await measureFiles([files.path(pilat.name)], { quarter: null, today, workers: 1 });
  expect(outcome.ok && original.ok).toBe(true);
  if (!outcome.ok || !original.ok) return;
  expect(outcome.measure.errors).toBe(original.measure.errors + 1);
  expect(outcome.measure).toMatchObject({
    territory: original.measure.territory,
    siren: original.measure.siren,
    quarter: original.measure.quarter,
    counts: original.measure.counts,
  });
});

it('says of a tracking workbook that lost its hidden sheet `_ctg` (its sheets copied into another workbook) to ask the territory for the original file, in consolidate and validate alike', async () => {
  const copied = await edited('copie-sans-ctg.xlsx', (workbook) => {
    workbook.removeWorksheet(workbook.getWorksheet('_ctg')!.id);
  });
  const [outcome] = await measureFiles([copied], { quarter: null, today });
  const said =
    /^Ce classeur a les feuilles d’un classeur de suivi CTG \(«\u00a0Paramètres\u00a0», feuilles d’axe\) mais plus sa feuille masquée «\u00a0_ctg\u00a0»\u00a0: ses feuilles ont sans doute été copiées dans un autre classeur, qui ne l’a pas reprise\. Demandez au territoire le fichier d’origine/;
  expect(consolidate([outcome], null).rejected).toEqual([
    expect.objectContaining({ code: 'not-a-tracking-workbook', reason: expect.stringMatching(said) }),
  ]);
  const validated = await runCli(['validate', copied]);
  expect(validated.stdout).toMatch(new RegExp(said.source.slice(1)));
  expect(validated.stdout).not.toContain('Ouvrez le classeur produit par');
  // A workbook of other sheets still says it is no tracking workbook.
  const budget = await runCli(['validate', files.path('budget.xlsx')]);
  expect(budget.stdout).toContain('Ouvrez le classeur produit par');
});

it('says « Paramètres » renamed without its accent is that sheet renamed, to give its name back, in consolidate and validate alike', async () => {
  const renamed = await edited('parametres.xlsx', (workbook) => {
    workbook.getWorksheet('Paramètres')!.name = 'Parametres';
  });
  const [outcome] = await measureFiles([renamed], { quarter: null, today });
  const said =
    'La feuille «\u00a0Paramètres\u00a0» manque. La feuille «\u00a0Parametres\u00a0» semble être «\u00a0Paramètres\u00a0» renommée\u00a0: rendez-lui son nom.';
  expect(consolidate([outcome], null).rejected).toEqual([
    expect.objectContaining({ code: 'missing-sheet', reason: expect.stringContaining(said) }),
  ]);
  expect((await runCli(['validate', renamed])).stdout).toContain(said);
});

it('names the sheet of the fiche a criterion row was cut away from, where to insert it back, in consolidate and validate alike', async () => {
  const moved = await edited('critere-deplace.xlsx', (workbook) => {
    const from = workbook.getWorksheet('Axe 1')!;
    const row = rowOfKey(from, 'G1-QN1');
    const values = row.values as ExcelJS.CellValue[];
    from.spliceRows(row.number, 1);
    const to = workbook.getWorksheet('Axe 13')!;
    to.insertRow(rowOfKey(to, 'S13').number + 1, values.slice(1));
  });
  const [outcome] = await measureFiles([moved], { quarter: null, today });
  const said = 'Coupez la ligne et insérez-la sous la ligne de sa fiche, dans la feuille «\u00a0Axe 1\u00a0».';
  expect(consolidate([outcome], null).rejected).toEqual([
    expect.objectContaining({ code: 'criterion-outside-fiche', reason: expect.stringContaining(said) }),
  ]);
  expect((await runCli(['validate', moved])).stdout).toContain(said);
});
