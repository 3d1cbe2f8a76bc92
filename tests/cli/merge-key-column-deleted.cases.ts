import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { fillExtract } from '../merge/helpers/fill-extract';
import { copyOfSheet, withKeylessCopy } from '../merge/helpers/keyless-copy';
import { expectSameBytes } from '../helpers/same-bytes';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * A partner who deleted the `Clé` column of an axis sheet (column A, which looks like codes to them): no row of that
 * sheet can be placed. The merge printed only notes and exited 0, so the officer believed it done while nothing was
 * taken; it now refuses the sheet, naming the column, the sheet and what to do, and leaves the master as it was.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-key-column-'));
const master = join(folder, 'suivi.xlsx');
const sent = join(folder, 'extrait ccmp.xlsx');
let masterBytes: Uint8Array;
let filled: Uint8Array;

/** The file with the first column (`Clé`) of each named sheet deleted, as a spreadsheet deletes a column. */
async function withKeyColumnDeleted(bytes: Uint8Array, sheets: (name: string) => boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  workbook.eachSheet((sheet) => {
    if (sheets(sheet.name)) sheet.spliceColumns(1, 1);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  await generatedWorkbook(master);
  expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', sent])).code).toBe(0);
  masterBytes = new Uint8Array(readFileSync(master));
  filled = await fillExtract(new Uint8Array(readFileSync(sent)), [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
}, 60_000);

const refusal =
  'Axe 1, cellule A3\u00a0: le tableau de cette feuille n’a plus de colonne «\u00a0Clé\u00a0», qui donne la clé de ' +
  'chaque ligne (elle a été supprimée)\u00a0: aucune valeur de la feuille «\u00a0Axe 1\u00a0» n’est reprise. Remettez ' +
  'la colonne «\u00a0Clé\u00a0» de l’extrait envoyé en première colonne du tableau, ou renvoyez l’extrait au ' +
  'partenaire pour qu’il le complète à nouveau, puis fusionnez à nouveau.';

it('refuses the sheet whose Clé column was deleted, naming the column and the sheet (exit 1, master untouched)', async () => {
  const returned = join(folder, 'retour sans clé.xlsx');
  writeFileSync(returned, await withKeyColumnDeleted(filled, (name) => name === 'Axe 1'));
  const run = await runCli(['merge', master, returned]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`  Refusé (retour sans clé.xlsx)\u00a0: ${refusal}\n`);
  // Said once, as the refusal it is: not also as a sheet of remarks the merge does not read.
  expect(run.stdout).not.toContain('n’est pas lue');
  expect(run.stdout).toContain('0 valeur reprise, 0 inchangée, 0 conflit en attente, 1 refus.');
  expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
});

it('names each sheet that lost its Clé column when none is left, not axis sheets deleted', async () => {
  const returned = join(folder, 'retour sans aucune clé.xlsx');
  writeFileSync(returned, await withKeyColumnDeleted(filled, (name) => name.startsWith('Axe ')));
  const run = await runCli(['merge', master, returned, '--json']);
  expect(run.code).toBe(1);
  const { rejected, written } = JSON.parse(run.stdout);
  expect(written).toBe(false);
  expect(rejected[0]).toEqual({
    source: 'retour sans aucune clé.xlsx',
    sheet: 'Axe 1',
    cell: 'A3',
    key: null,
    column: null,
    code: 'merge-key-column-missing',
    message: refusal,
  });
  expect(rejected.map((refused: { code: string }) => refused.code)).not.toContain('merge-no-rows');
  expect(rejected.length).toBeGreaterThan(1);
  expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
});

it('refuses, row by row, a sheet whose Clé cells were all cleared, the column still there (exit 1, master untouched)', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(filled) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Axe 1')!;
  sheet.eachRow((row, number) => {
    if (number > 3) row.getCell(1).value = null;
  });
  const returned = join(folder, 'retour clés vidées.xlsx');
  writeFileSync(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));
  const run = await runCli(['merge', master, returned, '--json']);
  expect(run.code).toBe(1);
  const { rejected, applied, written } = JSON.parse(run.stdout);
  expect(written).toBe(false);
  expect(applied).toEqual([]);
  expect(rejected[0]).toMatchObject({ code: 'merge-row-without-key', sheet: 'Axe 1', cell: 'A4' });
  expect(rejected.every((refused: { code: string }) => refused.code === 'merge-row-without-key')).toBe(true);
  expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
});

/** The file with a sheet the partner added, its rows as given. */
async function withAddedSheet(bytes: Uint8Array, name: string, rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

it.each([
  [
    'a sheet of remarks on actions',
    'Remarques',
    [
      ['Intitulé', 'Commentaire'],
      ['Accueil jeunes', 'Retard de recrutement'],
    ],
  ],
  [
    'a summary the partner made',
    'Synthèse',
    [
      ['Type', 'Statut', 'Nombre'],
      ['Fiche', 'En cours', 3],
    ],
  ],
])(
  'takes a return with %s, a table of a few of the tracking headers, read as not read, not as a deleted Clé column',
  async (_, name, rows) => {
    const returned = join(folder, `retour avec ${name}.xlsx`);
    writeFileSync(returned, await withAddedSheet(filled, name, rows as ExcelJS.CellValue[][]));
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).not.toContain('n’a plus de colonne');
    expect(run.stdout).toContain(
      `  Note (retour avec ${name}.xlsx)\u00a0: ${name}, cellule A1\u00a0: cette feuille n’a pas de colonne «\u00a0Clé\u00a0» ` +
        `et n’est pas lue\u00a0: rien n’en est repris. Elle commence par «\u00a0${String(rows[0][0])}\u00a0».`,
    );
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    expect(run.code).toBe(0);
  },
);

it.each([
  ['cleared', null, 'vide'],
  ['retyped « Clef »', 'Clef', '«\u00a0Clef\u00a0»'],
])(
  'refuses a sheet whose Clé header was %s, its keys still there, telling to type the header again, not to put back a column',
  async (_, header, shown) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(filled) as unknown as ExcelJS.Buffer);
    workbook.getWorksheet('Axe 1')!.getCell('A3').value = header;
    const returned = join(folder, 'retour en-tête clé.xlsx');
    writeFileSync(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(['merge', master, returned]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  Refusé (retour en-tête clé.xlsx)\u00a0: Axe 1, cellule A3\u00a0: cette colonne donne la clé de chaque ligne, ' +
        `mais son en-tête n’est plus «\u00a0Clé\u00a0» (${shown})\u00a0: aucune valeur de la feuille «\u00a0Axe 1\u00a0» ` +
        'n’est reprise. Saisissez «\u00a0Clé\u00a0» dans cette cellule, puis fusionnez à nouveau.\n',
    );
    expect(run.stdout).not.toContain('elle a été supprimée');
    expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
  },
);

describe('a sheet the partner added, a copy of an axis table without its Clé column, the extract’s sheets whole', () => {
  const copyNote = (file: string, sheet: string) =>
    `  Note (${file})\u00a0: ${sheet}, cellule A3\u00a0: cette feuille reprend le tableau de la feuille ` +
    '«\u00a0Axe 1\u00a0» sans sa colonne «\u00a0Clé\u00a0» (une copie que le partenaire a ajoutée, pour l’imprimer par ' +
    'exemple)\u00a0: elle n’est pas fusionnée, rien n’en est repris\u00a0; la feuille «\u00a0Axe 1\u00a0» de l’extrait, ' +
    'avec ses clés, est fusionnée. Si des valeurs ont été saisies dans cette copie, saisissez-les dans la feuille ' +
    '«\u00a0Axe 1\u00a0» elle-même, puis fusionnez à nouveau (sans remettre de colonne «\u00a0Clé\u00a0» dans la ' +
    'copie, dont les clés seraient alors en double).\n';

  it.each(['Impression', 'Copie de Axe 1'])(
    'merges the extract and names « %s » as not merged, with where to type its values, rather than refusing the return',
    async (name) => {
      const file = `retour avec ${name}.xlsx`;
      const returned = join(folder, file);
      writeFileSync(returned, await withKeylessCopy(filled, 'Axe 1', name));
      const run = await runCli(['merge', master, returned, '--dry-run']);
      expect(run.stdout).toContain(copyNote(file, name));
      expect(run.stdout).not.toContain('n’a plus de colonne');
      expect(run.stdout).not.toContain('Remettez la colonne');
      expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
      expect(run.code).toBe(0);
    },
  );

  it('names both axis sheets a printed copy of two of them comes from, and where to type its values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(filled) as unknown as ExcelJS.Buffer);
    const copy = copyOfSheet(workbook, 'Axe 1', 'Impression');
    // The rows of Axe 2 pasted under those of Axe 1, its title and header rows aside.
    workbook.getWorksheet('Axe 2')!.eachRow((row, number) => {
      if (number <= 3) return;
      const values = Array.from({ length: row.cellCount }, (_, index) => {
        const value = row.getCell(index + 1).value;
        return value !== null && typeof value === 'object' && 'formula' in value ? (value.result ?? null) : value;
      });
      copy.addRow(values);
    });
    copy.spliceColumns(1, 1);
    const returned = join(folder, 'retour impression de deux axes.xlsx');
    writeFileSync(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Note (retour impression de deux axes.xlsx)\u00a0: Impression, cellule A3\u00a0: cette feuille reprend le ' +
        'tableau des feuilles «\u00a0Axe 1\u00a0» et «\u00a0Axe 2\u00a0» sans leur colonne «\u00a0Clé\u00a0» (une ' +
        'copie que le partenaire a ajoutée, pour l’imprimer par exemple)\u00a0: elle n’est pas fusionnée, rien n’en est ' +
        'repris\u00a0; les feuilles «\u00a0Axe 1\u00a0» et «\u00a0Axe 2\u00a0» de l’extrait, avec leurs clés, sont ' +
        'fusionnées. Si des valeurs ont été saisies dans cette copie, saisissez-les dans les feuilles «\u00a0Axe 1\u00a0» ' +
        'et «\u00a0Axe 2\u00a0» elles-mêmes, puis fusionnez à nouveau (sans remettre de colonne «\u00a0Clé\u00a0» dans ' +
        'la copie, dont les clés seraient alors en double).\n',
    );
    expect(run.code).toBe(0);
  });

  /** The file with a keyless copy « name » of Axe 1 (its first data row, G1's, on row 4), changed by `change`. */
  async function withChangedCopy(
    name: string,
    change: (copy: ExcelJS.Worksheet, axis: ExcelJS.Worksheet, status: number) => void,
  ): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(filled) as unknown as ExcelJS.Buffer);
    const axis = workbook.getWorksheet('Axe 1')!;
    const copy = copyOfSheet(workbook, 'Axe 1', name);
    copy.spliceColumns(1, 1);
    const status = (axis.getRow(3).values as unknown[]).indexOf('Statut');
    change(copy, axis, status);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  const g1Title =
    '« Garantir la pérennité et l\'évolution du fonctionnement de la ludothèque "tu joues" et du ludobus ' +
    'itinérant »';

  it('refuses a value typed in the copy only, naming the axis sheet’s row to type it in (exit 1)', async () => {
    const returned = join(folder, 'retour copie saisie.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, axis, status) => {
        // In the copy, G1's Statut says « Réalisée »; in Axe 1, where it is merged from, « En cours ».
        copy.getRow(4).getCell(status - 1).value = 'Réalisée';
        expect(axis.getRow(4).getCell(status).value).toBe('En cours');
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Refusé (retour copie saisie.xlsx) : Impression, cellule J4 : cette feuille, une copie sans colonne ' +
        `« Clé » d’un tableau des feuilles d’axe (que le partenaire a ajoutée), porte « Réalisée » sous ` +
        `« Statut » à la ligne ${g1Title}, alors que cette ligne de la feuille « Axe 1 » (ligne 4) y porte ` +
        '« En cours » : cette valeur n’est pas reprise, la copie n’étant pas fusionnée. Si la valeur de la copie ' +
        'est la bonne, saisissez-la dans la feuille « Axe 1 » elle-même, ligne 4, sinon effacez-la de la copie, ' +
        'puis fusionnez à nouveau (sans remettre de colonne « Clé » dans la copie, dont les clés seraient alors ' +
        'en double).\n',
    );
    expect(run.stdout).not.toContain('cette feuille reprend le tableau');
    expect(run.code).toBe(1);
  });

  it('still only notes a copy whose list value is written in another case than its axis sheet’s, as the merge reads it', async () => {
    const returned = join(folder, 'retour copie en minuscules.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, axis, status) => {
        // G1's Statut, « En cours » in Axe 1, typed « en cours  » in the copy: the same value of the list.
        copy.getRow(4).getCell(status - 1).value = 'en cours  ';
        expect(axis.getRow(4).getCell(status).value).toBe('En cours');
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).not.toContain('Refusé');
    expect(run.stdout).toContain('Impression, cellule A3 : cette feuille reprend le tableau');
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    expect(run.code).toBe(0);
  });

  it('still refuses a free text of the copy written in another case than its axis sheet’s (exit 1)', async () => {
    const returned = join(folder, 'retour copie difficultés.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, axis) => {
        // Difficultés is no list: « RAS » and « ras » are two texts, and the copy's would be lost.
        const difficulties = (axis.getRow(3).values as unknown[]).indexOf('Difficultés');
        axis.getRow(4).getCell(difficulties).value = 'RAS';
        copy.getRow(4).getCell(difficulties - 1).value = 'ras';
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Refusé (retour copie difficultés.xlsx) : Impression, cellule N4 : cette feuille, une copie sans colonne ' +
        `« Clé » d’un tableau des feuilles d’axe (que le partenaire a ajoutée), porte « ras » sous ` +
        `« Difficultés » à la ligne ${g1Title}, alors que cette ligne de la feuille « Axe 1 » (ligne 4) y porte ` +
        '« RAS » : cette valeur n’est pas reprise, la copie n’étant pas fusionnée.',
    );
    expect(run.code).toBe(1);
  });

  it('refuses a value the copy holds in a column the partner deleted from its axis sheet (exit 1)', async () => {
    const returned = join(folder, 'retour colonne supprimée.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, axis) => {
        // Difficultés typed in the copy, whose column the partner deleted from every axis sheet of the file.
        const difficulties = (axis.getRow(3).values as unknown[]).indexOf('Difficultés');
        copy.getRow(4).getCell(difficulties - 1).value = 'Retard de recrutement';
        axis.workbook.eachSheet((sheet) => {
          const column = (sheet.getRow(3).values as unknown[]).indexOf('Difficultés');
          if (/^Axe \d+$/.test(sheet.name) && column > 0) sheet.spliceColumns(column, 1);
        });
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toMatch(
      /Refusé \(retour colonne supprimée\.xlsx\)\s:\sImpression, cellule [A-Z]+4\s:\s.*«\sRetard de recrutement\s»/,
    );
    expect(run.code).toBe(1);
  });

  it('refuses a row the partner moved from its axis sheet into the copy, with the values it holds (exit 1)', async () => {
    const returned = join(folder, 'retour ligne déplacée.xlsx');
    // G1's row (its Statut « En cours ») cut from Axe 1, kept only in the copy.
    writeFileSync(
      returned,
      await withChangedCopy('Mes fiches', (_copy, axis) => {
        axis.spliceRows(4, 1);
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Refusé (retour ligne déplacée.xlsx) : Mes fiches, cellule J4 : cette feuille, une copie sans colonne ' +
        `« Clé » d’un tableau des feuilles d’axe (que le partenaire a ajoutée), porte « En cours » sous ` +
        `« Statut » à la ligne ${g1Title}, qu’aucune feuille d’axe du fichier ne porte avec sa clé : cette ` +
        'valeur n’est pas reprise, la copie n’étant pas fusionnée. Remettez cette ligne, avec sa clé « G1 », dans ' +
        'la feuille « Axe 1 », et la valeur sous « Statut », ou renvoyez l’extrait au partenaire pour qu’il le ' +
        'complète à nouveau, puis fusionnez à nouveau.\n',
    );
    expect(run.stdout).not.toContain('cette feuille reprend le tableau');
    expect(run.code).toBe(1);
  });

  it('still only notes a copy whose titles were edited when it holds nothing the axis sheets lack', async () => {
    const returned = join(folder, 'retour copie retitrée.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy) => {
        copy.getRow(5).getCell(2).value = 'Permanences (à imprimer)';
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain('Impression, cellule A3 : cette feuille reprend le tableau');
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    expect(run.code).toBe(0);
  });

  it('still only notes a copy whose title was edited on a row whose values its axis sheet holds too', async () => {
    const returned = join(folder, 'retour copie titre raccourci.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy) => {
        // G1's title shortened in the copy, its Statut « En cours » as in Axe 1, on the same line.
        copy.getRow(4).getCell(2).value = 'Ludothèque et ludobus';
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain('Impression, cellule A3 : cette feuille reprend le tableau');
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    expect(run.code).toBe(0);
  });

  it('refuses a value on a copy’s row whose title names no row, without saying the row is not in the file', async () => {
    const returned = join(folder, 'retour copie titre changé.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, _axis, status) => {
        copy.getRow(4).getCell(2).value = 'Ludothèque et ludobus';
        copy.getRow(4).getCell(status - 1).value = 'Réalisée';
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Refusé (retour copie titre changé.xlsx) : Impression, cellule J4 : cette feuille, une copie sans colonne ' +
        `« Clé » d’un tableau des feuilles d’axe (que le partenaire a ajoutée), porte « Réalisée » sous ` +
        `« Statut » à la ligne « Ludothèque et ludobus », un intitulé qu’aucune ligne des feuilles d’axe du ` +
        'fichier ne porte : cette valeur n’est pas reprise, la copie n’étant pas fusionnée. Si elle n’est pas déjà ' +
        'sur sa ligne dans sa feuille d’axe, saisissez-la sur cette ligne, puis effacez-la de la copie, et fusionnez ' +
        'à nouveau.\n',
    );
    expect(run.code).toBe(1);
  });

  it('refuses a value on a copy’s row whose title was cleared, saying the row has none', async () => {
    const returned = join(folder, 'retour copie sans intitulé.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, _axis, status) => {
        copy.getRow(4).getCell(2).value = null;
        copy.getRow(4).getCell(status - 1).value = 'Réalisée';
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain(
      '  Refusé (retour copie sans intitulé.xlsx) : Impression, cellule J4 : cette feuille, une copie sans ' +
        `colonne « Clé » d’un tableau des feuilles d’axe (que le partenaire a ajoutée), porte « Réalisée » ` +
        `sous « Statut » sur une ligne sans intitulé : cette valeur n’est pas reprise, la copie n’étant pas ` +
        'fusionnée. Si elle n’est pas déjà sur sa ligne dans sa feuille d’axe, saisissez-la sur cette ligne, puis ' +
        'effacez-la de la copie, et fusionnez à nouveau.\n',
    );
    expect(run.code).toBe(1);
  });

  it('still only notes a copy made of formulas reading the axis sheet, an empty cell read as 0', async () => {
    const returned = join(folder, 'retour copie en formules.xlsx');
    writeFileSync(
      returned,
      await withChangedCopy('Impression', (copy, axis, status) => {
        // Statut of each row read from Axe 1 by a formula: Excel shows 0 for an empty cell, « En cours » for G1's.
        for (let row = 4; row <= axis.rowCount; row += 1) {
          const read = axis.getRow(row).getCell(status).value;
          const formula = `'Axe 1'!${axis.getRow(row).getCell(status).address}`;
          copy.getRow(row).getCell(status - 1).value = { formula, result: read ?? 0 } as ExcelJS.CellFormulaValue;
        }
      }),
    );
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain('Impression, cellule A3 : cette feuille reprend le tableau');
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 0 refus.');
    expect(run.code).toBe(0);
  });

  it('does not say an axis sheet the extract was not sent with is merged, for a copy of the master’s', async () => {
    // Le Bessat's extract has no Axe 3; the partner added a keyless copy of the master's Axe 3, printed elsewhere.
    const bessat = join(folder, 'extrait le bessat.xlsx');
    expect((await runCli(['extract', master, '--commune', 'Le Bessat', '-o', bessat])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(bessat) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Axe 3')).toBeUndefined();
    const tracking = new ExcelJS.Workbook();
    await tracking.xlsx.load(readFileSync(master) as unknown as ExcelJS.Buffer);
    const copy = workbook.addWorksheet('Impression');
    tracking.getWorksheet('Axe 3')!.eachRow((row, number) => {
      row.eachCell((cell, column) => {
        const value = cell.value;
        copy.getRow(number).getCell(column).value =
          value !== null && typeof value === 'object' && 'formula' in value ? (value.result ?? null) : value;
      });
    });
    copy.spliceColumns(1, 1);
    const returned = join(folder, 'retour le bessat avec axe 3.xlsx');
    writeFileSync(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.stdout).toContain('Impression, cellule A3 : cette feuille reprend un tableau des feuilles d’axe sans');
    expect(run.stdout).not.toContain('« Axe 3 »');
    expect(run.code).toBe(0);
  });

  it('still refuses the extract’s own sheet whose Clé column was deleted, a copy with its keys beside it', async () => {
    // The partner copied Axe 1 (keys and all), then deleted the Clé column of Axe 1 itself: Axe 1 is the extract's.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(filled) as unknown as ExcelJS.Buffer);
    copyOfSheet(workbook, 'Axe 1', 'Axe 1 (2)');
    workbook.getWorksheet('Axe 1')!.spliceColumns(1, 1);
    const returned = join(folder, 'retour axe 1 sans clé et sa copie.xlsx');
    writeFileSync(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`: ${refusal}\n`);
    expect(run.stdout).not.toContain('cette feuille reprend le tableau');
  });

  it('still refuses the copy when the extract’s own sheet lost its Clé column too', async () => {
    const withCopy = await withKeylessCopy(filled, 'Axe 1', 'Impression');
    const returned = join(folder, 'retour sans clé avec impression.xlsx');
    writeFileSync(returned, await withKeyColumnDeleted(withCopy, (name) => name === 'Axe 1'));
    const run = await runCli(['merge', master, returned, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`: ${refusal}\n`);
    expect(run.stdout).not.toContain('cette feuille reprend le tableau');
  });
});
