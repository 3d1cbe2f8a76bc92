import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gridsOf } from '../xlsx-patch/helpers';
import { cellAt, sheet } from '../rewrite/helpers';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';
import { journalWords } from '../../src/domain/journal';

/**
 * `validate` says what refuses a rewrite before one is tried: a line of a record sheet (Journal, Contributions,
 * Historique, Archives) that the tools cannot read back — a person's note typed under their lines among them —
 * refuses `compute`, so `validate` names it too, at its cell, exit 1.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-validate-records-'));

describe('ctg-suivi validate and the record sheets', () => {
  it('names a note typed under the Contributions lines as the error that refuses compute', async () => {
    const workbook = join(workDir, 'suivi.xlsx');
    await generatedWorkbook(workbook);
    // The officer unprotected the sheet and typed a note under its lines.
    await typeWithExcel(workbook, [{ sheet: 'Contributions', cell: 'A4', value: 'à vérifier avec le Colibri' }]);

    const compute = await runCli(['compute', workbook]);
    expect(compute.code).toBe(1);
    expect(compute.stdout + compute.stderr).toContain('Contributions, cellule A4');

    const before = readFileSync(workbook);
    const validate = await runCli(['validate', workbook]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/\b1 erreur\b/);
    expect(validate.stdout).toContain(
      'Contributions, cellule A4\u00a0: «\u00a0à vérifier avec le Colibri\u00a0» est sur une ligne que l’outil n’a pas écrite',
    );
    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.errors).toBe(1);
    expect(json.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'record-line-not-a-record', sheet: 'Contributions', cell: 'A4' }),
    ]);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 60_000);

  it('names a note typed under the Journal lines, refuses compute until it is moved past the table, then keeps it', async () => {
    const workbook = join(workDir, 'journal-note.xlsx');
    await generatedWorkbook(workbook);
    await typeWithExcel(workbook, [{ sheet: 'Journal', cell: 'A5', value: 'note perso' }]);
    const before = readFileSync(workbook);

    const compute = await runCli(['compute', workbook]);
    expect(compute.code).toBe(1);
    expect(compute.stdout + compute.stderr).toContain(
      'Journal, cellule A5\u00a0: «\u00a0note perso\u00a0» est sur une ligne que l’outil n’a pas écrite',
    );
    expect(compute.stdout + compute.stderr).toContain(
      'à droite du tableau, après sa dernière colonne (L, «\u00a0Partenaire\u00a0»), ou dans une autre feuille, puis relancez.',
    );
    expect(readFileSync(workbook).equals(before)).toBe(true);

    const validate = await runCli(['validate', workbook]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/\b1 erreur\b/);
    expect(validate.stdout).toContain('Journal, cellule A5\u00a0: «\u00a0note perso\u00a0»');
    expect(readFileSync(workbook).equals(before)).toBe(true);

    // Moved past the table's last column (L), as the message says: kept where it is.
    await typeWithExcel(workbook, [
      { sheet: 'Journal', cell: 'A5', value: null },
      { sheet: 'Journal', cell: 'M5', value: 'note perso' },
    ]);
    expect((await runCli(['compute', workbook])).code).toBe(0);
    const journal = sheet(gridsOf(new Uint8Array(readFileSync(workbook))), 'Journal');
    expect(cellAt(journal, 5, 13)?.value).toBe('note perso');
    expect(journal.rows.map((row) => row?.[0]?.value ?? null).filter((value) => value === 'note perso')).toEqual([]);
  }, 60_000);

  it('names the deleted column of the lines’ instant once, at its header, not each line as a note to move away', async () => {
    const workbook = join(workDir, 'instant-deleted.xlsx');
    await generatedWorkbook(workbook);
    const closedAt = '2026-04-02T10:00:00Z';
    await typeWithExcel(workbook, [
      ...['2026-T1', 'G1', 'Statut', 'En cours', closedAt].map((value, index) => ({
        sheet: 'Historique',
        cell: `${'ABCDE'[index]}2`,
        value,
      })),
    ]);
    // Columns deleted by hand: the Journal's Date (A), Historique's Date de clôture (E).
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(workbook);
    edited.getWorksheet('Journal')!.spliceColumns(1, 1);
    edited.getWorksheet('Historique')!.spliceColumns(5, 1);
    await edited.xlsx.writeFile(workbook);
    const before = readFileSync(workbook);

    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    const errors = json.issues.filter((issue: { severity: string }) => issue.severity === 'error');
    expect(
      errors.map(({ code, sheet, cell }: { code: string; sheet: string; cell: string }) => [code, sheet, cell]),
    ).toEqual([
      ['record-header-missing', 'Journal', 'A1'],
      ['record-header-missing', 'Historique', 'E1'],
    ]);
    expect(errors[0].message).toContain(
      'Journal, cellule A1\u00a0: l’en-tête «\u00a0Date\u00a0» n’est plus à sa place\u00a0: sa colonne a été supprimée, ' +
        'vidée ou déplacée',
    );
    expect(errors[0].message).toContain('annulez ce changement (Ctrl+Z)');
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 60_000);

  /** A generated workbook whose Historique holds two lines, then `edit`ed in Historique as a person does by hand. */
  async function historyEdited(name: string, edit: (historique: ExcelJS.Worksheet) => void): Promise<string> {
    const workbook = join(workDir, name);
    await generatedWorkbook(workbook);
    const line = (row: number, field: string) =>
      ['2026-T1', 'G1', field, 'En cours', '2026-04-02T10:00:00Z'].map((value, index) => ({
        sheet: 'Historique',
        cell: `${'ABCDE'[index]}${row}`,
        value,
      }));
    await typeWithExcel(workbook, [...line(2, 'Statut'), ...line(3, 'Difficultés')]);
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(workbook);
    edit(edited.getWorksheet('Historique')!);
    await edited.xlsx.writeFile(workbook);
    return workbook;
  }

  /** The errors `validate --json` names, as [code, sheet, cell], and the first one's message. */
  async function validateErrors(workbook: string) {
    const run = await runCli(['validate', workbook, '--json']);
    const errors: { code: string; sheet: string; cell: string; message: string }[] = JSON.parse(
      run.stdout,
    ).issues.filter((issue: { severity: string }) => issue.severity === 'error');
    return { code: run.code, errors: errors.map(({ code, sheet, cell }) => [code, sheet, cell]), first: errors[0] };
  }

  const restoreWords =
    'n’est plus à sa place\u00a0: sa colonne a été supprimée, vidée ou déplacée, ou son en-tête changé. Si la colonne ' +
    'est encore là, remettez-la dans cette colonne, avec cet en-tête exact\u00a0; si elle a été supprimée ou vidée, ' +
    'annulez ce changement (Ctrl+Z) ou reprenez-la d’une copie du classeur enregistrée avant.';

  it.each([
    ['Trimestre', 1, 'A1'],
    ['Clé', 2, 'B1'],
    ['Champ', 3, 'C1'],
    ['Valeur', 4, 'D1'],
  ])(
    'names a deleted column of Historique (« %s ») once, at its header, not each header after it',
    async (header, column, cell) => {
      const workbook = await historyEdited(`history-deleted-${column}.xlsx`, (historique) =>
        historique.spliceColumns(column, 1),
      );
      const before = readFileSync(workbook);
      const { code, errors, first } = await validateErrors(workbook);
      expect(code).toBe(1);
      expect(errors).toEqual([['record-header-missing', 'Historique', cell]]);
      expect(first.message).toBe(
        `Historique, cellule ${cell}\u00a0: l’en-tête «\u00a0${header}\u00a0» ${restoreWords}` +
          ' Les lignes de cette feuille ne peuvent pas être relues sans elle\u00a0: le classeur n’est pas réécrit en attendant.',
      );
      const compute = await runCli(['compute', workbook]);
      expect(compute.code).toBe(1);
      expect(compute.stdout + compute.stderr).toContain(
        `Historique, cellule ${cell}\u00a0: l’en-tête «\u00a0${header}\u00a0»`,
      );
      expect(readFileSync(workbook).equals(before)).toBe(true);
    },
    60_000,
  );

  it('names a middle column of Historique moved to its end once, at its place, its lines not called notes', async () => {
    const workbook = await historyEdited('history-moved.xlsx', (historique) => {
      const champ = historique.getColumn(3).values.slice();
      historique.spliceColumns(3, 1);
      champ.forEach((value, row) => (historique.getCell(row, 5).value = value ?? null));
    });
    const { code, errors, first } = await validateErrors(workbook);
    expect(code).toBe(1);
    expect(errors).toEqual([['record-header-missing', 'Historique', 'C1']]);
    expect(first.message).toContain(`Historique, cellule C1\u00a0: l’en-tête «\u00a0Champ\u00a0» ${restoreWords}`);
  }, 60_000);

  it('names the cleared header of Historique’s « Champ » once, none of its lines called a note', async () => {
    const workbook = await historyEdited('history-cleared.xlsx', (historique) => {
      historique.getCell('C1').value = null;
    });
    const { code, errors } = await validateErrors(workbook);
    expect(code).toBe(1);
    expect(errors).toEqual([['record-header-missing', 'Historique', 'C1']]);
  }, 60_000);

  it.each([
    ['Référent', 1, 'A1', 'Date de clôture'],
    ['Mes notes', 3, 'C1', 'Date de clôture'],
    ['', 5, 'E1', 'Date de clôture'],
  ])(
    'names a column inserted inside Historique (« %s ») once, at its header, saying to move it past the table',
    async (header, column, cell, lastHeader) => {
      const workbook = await historyEdited(`history-inserted-${column}.xlsx`, (historique) =>
        historique.spliceColumns(column, 0, [header === '' ? null : header, 'vu', null]),
      );
      const before = readFileSync(workbook);
      const { code, errors, first } = await validateErrors(workbook);
      expect(code).toBe(1);
      expect(errors).toEqual([['record-column-inserted', 'Historique', cell]]);
      const letter = cell.slice(0, 1);
      const named =
        header === '' ? `la colonne ${letter}, sans en-tête,` : `la colonne ${letter} («\u00a0${header}\u00a0»)`;
      expect(first.message).toBe(
        `Historique, cellule ${cell}\u00a0: ${named} a été insérée dans le tableau de l’outil, dont les colonnes ` +
          'qui la suivent sont décalées d’une colonne\u00a0: les lignes de cette feuille ne peuvent pas être relues ' +
          'ainsi, et le classeur n’est pas réécrit en attendant. Déplacez cette colonne à droite du tableau, après sa ' +
          `dernière colonne («\u00a0${lastHeader}\u00a0»), où elle sera gardée, ou supprimez-la si elle ne contient ` +
          'rien à garder.',
      );
      const compute = await runCli(['compute', workbook]);
      expect(compute.code).toBe(1);
      expect(compute.stdout + compute.stderr).toContain(`Historique, cellule ${cell}\u00a0: ${named} a été insérée`);
      expect(readFileSync(workbook).equals(before)).toBe(true);
    },
    60_000,
  );

  it('reads Historique again once its inserted column is moved past the table, and keeps it there', async () => {
    const workbook = await historyEdited('history-inserted-moved.xlsx', (historique) => {
      historique.spliceColumns(3, 0, ['Mes notes', 'vu', null]);
      historique.spliceColumns(3, 1);
      ['Mes notes', 'vu'].forEach((value, index) => (historique.getCell(index + 1, 6).value = value));
    });
    expect(await validateErrors(workbook)).toEqual(expect.objectContaining({ code: 0, errors: [] }));
    expect((await runCli(['compute', workbook])).code).toBe(0);
    const historique = sheet(gridsOf(new Uint8Array(readFileSync(workbook))), 'Historique');
    expect([1, 2].map((row) => cellAt(historique, row, 6)?.value)).toEqual(['Mes notes', 'vu']);
  }, 60_000);

  it('reads Historique again once its deleted column is put back, as the message says', async () => {
    const workbook = await historyEdited('history-put-back.xlsx', (historique) => {
      historique.spliceColumns(3, 1);
      historique.spliceColumns(3, 0, ['Champ', 'Statut', 'Difficultés']);
    });
    expect(await validateErrors(workbook)).toEqual(expect.objectContaining({ code: 0, errors: [] }));
    expect((await runCli(['compute', workbook])).code).toBe(0);
  }, 60_000);
  /** The Journal's headers, A to L, as the tools write them. */
  const JOURNAL_HEADERS = [
    'Date',
    'Source',
    'Clé',
    'Colonne',
    'Ancienne valeur',
    'Nouvelle valeur',
    'Opération (code)',
    'Champ (id)',
    'Type ancienne valeur',
    'Type nouvelle valeur',
    'Fichier',
    'Partenaire',
  ];
  /** A line of the tools in the Journal, A to L: a merged value, every column filled. */
  const MERGED_LINE = [
    '2026-04-02T10:00:00Z',
    journalWords.sources.merge,
    'G1-QN2',
    '2026-T1 (2026-T1)',
    null,
    12,
    'fusion',
    '2026-T1',
    'vide',
    'nombre',
    'Suivi CTG – CCMP – 2026-T1.xlsx',
    'CCMP',
  ];

  /** A generated workbook whose Journal holds that line in row 3, then `edit`ed as a person does by hand. */
  async function journalEdited(name: string, edit: (journal: ExcelJS.Worksheet) => void): Promise<string> {
    const workbook = join(workDir, name);
    await generatedWorkbook(workbook);
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(workbook);
    const journal = edited.getWorksheet('Journal')!;
    expect(journal.getRow(1).values).toEqual([undefined, ...JOURNAL_HEADERS]);
    expect(journal.getCell('A3').value).toBeNull();
    MERGED_LINE.forEach((value, index) => (journal.getCell(3, index + 1).value = value));
    edit(journal);
    await edited.xlsx.writeFile(workbook);
    return workbook;
  }

  /** The Journal's line of `at`, by header: what a person reads under each. */
  function journalLineOf(workbook: string, at: string): Record<string, unknown> {
    const journal = sheet(gridsOf(new Uint8Array(readFileSync(workbook))), 'Journal');
    const headers = (journal.rows[0] ?? []).map((found) => found?.value ?? null);
    const line = journal.rows.find((cells) => cells?.[0]?.value === at) ?? [];
    return Object.fromEntries(headers.map((header, index) => [header, line[index]?.value ?? null]));
  }

  it.each([
    ['Source', 2, 'B1'],
    ['Clé', 3, 'C1'],
    ['Nouvelle valeur', 6, 'F1'],
    ['Champ (id)', 8, 'H1'],
    ['Partenaire', 12, 'L1'],
  ])(
    'names a deleted column of the Journal (« %s ») once, at its header, and refuses every rewrite',
    async (header, column, cell) => {
      const workbook = await journalEdited(`journal-deleted-${column}.xlsx`, (journal) =>
        journal.spliceColumns(column, 1),
      );
      const before = readFileSync(workbook);
      const { code, errors, first } = await validateErrors(workbook);
      expect(code).toBe(1);
      expect(errors).toEqual([['record-header-missing', 'Journal', cell]]);
      expect(first.message).toBe(
        `Journal, cellule ${cell}\u00a0: l’en-tête «\u00a0${header}\u00a0» ${restoreWords}` +
          ' Les lignes de cette feuille ne peuvent pas être relues sans elle\u00a0: le classeur n’est pas réécrit en attendant.',
      );
      for (const command of ['compute', 'close-quarter']) {
        const run = await runCli([command, workbook]);
        expect(run.code).toBe(1);
        expect(run.stdout + run.stderr).toContain(`Journal, cellule ${cell}\u00a0: l’en-tête «\u00a0${header}\u00a0»`);
      }
      expect(readFileSync(workbook).equals(before)).toBe(true);
    },
    60_000,
  );

  it('names each of the Journal’s columns G to L deleted together, not reading it as a Journal of format 1', async () => {
    const workbook = await journalEdited('journal-deleted-g-l.xlsx', (journal) => journal.spliceColumns(7, 6));
    const before = readFileSync(workbook);
    const { code, errors } = await validateErrors(workbook);
    expect(code).toBe(1);
    expect(errors).toEqual(
      ['G1', 'H1', 'I1', 'J1', 'K1', 'L1'].map((cell) => ['record-header-missing', 'Journal', cell]),
    );
    expect((await runCli(['compute', workbook])).code).toBe(1);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 60_000);

  it('reads a Journal whose « Clé » was moved past its end by the headers, and keeps a column added after it', async () => {
    const workbook = await journalEdited('journal-moved.xlsx', (journal) => {
      // A column of the person's, after the table; then « Clé » cut and inserted before it.
      journal.getCell('M1').value = 'Mes remarques';
      journal.getCell('M3').value = 'à revoir';
      const keys = [1, 2, 3].map((row) => journal.getCell(row, 3).value);
      journal.spliceColumns(3, 1);
      journal.spliceColumns(12, 0, keys);
    });
    const moved = journalLineOf(workbook, MERGED_LINE[0] as string);
    expect([moved['Clé'], moved['Partenaire'], moved['Mes remarques']]).toEqual(['G1-QN2', 'CCMP', 'à revoir']);
    expect(await validateErrors(workbook)).toEqual(expect.objectContaining({ code: 0, errors: [] }));
    expect((await runCli(['compute', workbook])).code).toBe(0);
    const journal = sheet(gridsOf(new Uint8Array(readFileSync(workbook))), 'Journal');
    expect((journal.rows[0] ?? []).map((found) => found?.value ?? null)).toEqual([...JOURNAL_HEADERS, 'Mes remarques']);
    expect(journalLineOf(workbook, MERGED_LINE[0] as string)).toEqual({
      ...Object.fromEntries(JOURNAL_HEADERS.map((header, index) => [header, MERGED_LINE[index]])),
      'Mes remarques': 'à revoir',
    });
  }, 60_000);
});
