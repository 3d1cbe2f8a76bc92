import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from '../../src/xlsx/writer';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { gridsOf } from '../xlsx-patch/helpers';
import { locate, sheet, valueAt, type Entry } from '../rewrite/helpers';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { cellAddress } from '../../src/layout/a1';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { runCli } from './run-cli';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * `ctg-suivi merge` on real files: a partner's copy of the master filled in and merged back, the dry run, the JSON
 * document and the exit codes (an unreadable file never stops the others).
 */

const today = new Date('2026-08-10T10:00:00Z');
let folder: string;
let master: string;
let masterBytes: Uint8Array;

/** A returned file: the master saved again by a partner's spreadsheet with values typed in, by key and header. */
async function returnedFile(name: string, entries: readonly Entry[]): Promise<string> {
  const grids = gridsOf(masterBytes);
  const edits = entries.map((entry) => {
    for (const grid of grids.sheets.filter((sheet) => sheet.name.startsWith('Axe '))) {
      const at = locate(grid, entry.key, entry.header);
      if (at)
        return {
          sheet: grid.name,
          cell: cellAddress(at.row + 1, at.column + 1),
          value: entry.value as string | number | boolean | Date,
          // A date typed in a spreadsheet gets a date format.
          ...(entry.isDate ? { numFmt: 'dd/mm/yyyy' } : {}),
        };
    }
    throw new Error(`no cell for ${entry.key} ${entry.header}`);
  });
  const path = join(folder, name);
  writeFileSync(path, await editXlsx(masterBytes, edits));
  return path;
}

describe('merge-command', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-merge-'));
    masterBytes = await writeXlsx((await buildNewWorkbook(samplePlan(), { today })).spec);
    master = join(folder, 'suivi.xlsx');
  }, 30_000);

  beforeEach(() => writeFileSync(master, masterBytes));

  describe('ctg-suivi merge', () => {
    it('takes a partner’s values into the master in place, keeps a .bak, and says what it did in French', async () => {
      const returned = await returnedFile('retour.xlsx', [
        { key: 'G1', header: 'Statut', value: 'Réalisée' },
        { key: 'G1-QN1', header: '2026-T3', value: 3 },
      ]);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // The changed cells under a heading, then the counts and the file written.
      const lines = run.stdout.split('\n');
      expect(lines.slice(0, 3)).toEqual([
        'Valeurs reprises\u00a0:',
        expect.stringMatching(/^ {2}Axe 1!\w+ +G1, Statut\u00a0: vide → «\u00a0Réalisée\u00a0» \(retour\.xlsx\)$/),
        expect.stringMatching(/^ {2}Axe 1!\w+ +G1-QN1, 2026-T3\u00a0: vide → «\u00a03\u00a0» \(retour\.xlsx\)$/),
      ]);
      expect(lines[3]).toBe('Notes\u00a0:');
      expect(lines[4]).toMatch(/^ {2}Note \(retour\.xlsx\)\u00a0: ce fichier n’est pas un extrait/);
      // The master's own values, sent back as they were, are unchanged.
      expect(lines[5]).toMatch(/^2 valeurs reprises, \d+ inchangées, 0 conflit en attente, 0 refus\.$/);
      expect(lines[6]).toMatch(/^Classeur .*suivi\.xlsx mis à jour\./);
      const after = gridsOf(new Uint8Array(readFileSync(master)));
      expect(valueAt(after, 'G1', 'Statut')?.value).toBe('Réalisée');
      expect(valueAt(after, 'G1-QN1', '2026-T3')?.value).toBe(3);
      expect(existsSync(`${master}.bak`)).toBe(true);
    });

    it('lists the refusals under a heading of their own, not under the values taken, in the dry run as in the merge', async () => {
      const returned = await returnedFile('retour.xlsx', [
        { key: 'G1-QN1', header: '2026-T3', value: '12 enfants' },
        { key: 'G1-QN2', header: '2026-T3', value: 4 },
      ]);
      const dry = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run']);
      const merged = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
      for (const run of [dry, merged]) {
        expect(run.code).toBe(1);
        expect(run.stdout.split('\n').slice(0, 6)).toEqual([
          'Valeurs reprises\u00a0:',
          expect.stringMatching(/^ {2}Axe 1!\w+ +G1-QN2, 2026-T3\u00a0: vide → «\u00a04\u00a0» \(retour\.xlsx\)$/),
          'Refus (rien n’en est repris)\u00a0:',
          expect.stringMatching(
            /^ {2}Refusé \(retour\.xlsx\)\u00a0: Axe 1, cellule \w+\u00a0: «\u00a012 enfants\u00a0» .*Tapez le nombre seul/,
          ),
          'Notes\u00a0:',
          expect.stringMatching(/^ {2}Note \(retour\.xlsx\)\u00a0: ce fichier n’est pas un extrait/),
        ]);
      }
    });

    it('prints the values taken as French Excel shows them: a number with its thousands apart, a boolean in French', async () => {
      const returned = await returnedFile('retour.xlsx', [
        { key: 'G1', header: 'Mise en œuvre', value: true },
        { key: 'G1-QN1', header: '2026-T3', value: 1234567.5 },
      ]);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run']);
      const lines = run.stdout.split('\n');
      expect(lines).toContainEqual(expect.stringMatching(/ G1, Mise en œuvre\u00a0: vide → «\u00a0VRAI\u00a0» /));
      expect(lines).toContainEqual(
        expect.stringMatching(/ G1-QN1, 2026-T3\u00a0: vide → «\u00a01\u00a0234\u00a0567,5\u00a0» /),
      );
    });

    it('shows a date a partner typed in a text column as a date in the master, not as its serial number', async () => {
      const returned = await returnedFile('retour-date.xlsx', [
        { key: 'G1-QN1', header: 'Commentaire', value: 46341, isDate: true },
      ]);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
      expect(run.stdout).toMatch(/G1-QN1, Commentaire\u00a0: vide → «\u00a015\/11\/2026\u00a0»/);
      const after = gridsOf(new Uint8Array(readFileSync(master)));
      // As the report says it, and as the workbook rebuilt whole keeps it: a date, shown 15/11/2026, never 46341.
      expect(valueAt(after, 'G1-QN1', 'Commentaire')).toMatchObject({ value: 46341, isDate: true });
    });

    it('stores and prints a partner named in another case in the spelling the workbook knows; refuses an unknown one', async () => {
      // The officer named the partner on G1; G2 is not theirs.
      const named = await returnedFile('suivi-nomme.xlsx', [
        { key: 'G1', header: 'Partenaires', value: 'Centre social Le Lien' },
      ]);
      writeFileSync(master, readFileSync(named));
      const returned = await returnedFile('retour-lien.xlsx', [
        { key: 'G1', header: 'Partenaires', value: 'Centre social Le Lien' },
        { key: 'G1', header: 'Statut', value: 'En cours' },
        { key: 'G2', header: 'Statut', value: 'Reportée' },
      ]);
      const run = await runCli(['merge', master, returned, '--partenaire', '  centre social le lien ']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('la fiche G2 ne va pas à «\u00a0Centre social Le Lien\u00a0»');
      const grids = gridsOf(new Uint8Array(readFileSync(master)));
      const contributions = readContributionsSheet(sheet(grids, 'Contributions')).entries;
      expect(contributions.map((line) => `${line.partner}: ${line.key} ${String(line.value.value)}`)).toEqual([
        'Centre social Le Lien: G1 En cours',
      ]);
      const journal = readJournalSheet(sheet(grids, 'Journal')).entries.filter((line) => line.operation === 'merge');
      expect(journal.map((line) => line.partner)).toEqual(['Centre social Le Lien', 'Centre social Le Lien']);

      const unknown = await runCli(['merge', master, returned, '--partenaire', 'association des parents', '--dry-run']);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toContain(
        '«\u00a0association des parents\u00a0» n’est aucun des destinataires du classeur de suivi (--partenaire)\u00a0: ' +
          'aucune fiche ne va à ce nom, rien n’en est repris. Vérifiez son orthographe (destinataires\u00a0: CCMP, ' +
          'Centre social Le Lien)',
      );
      expect(unknown.stdout).not.toContain('ne va pas à');
      // A slip of the name: the recipients whose names hold what was typed come first.
      const slip = await runCli(['merge', master, returned, '--partenaire', 'le lien', '--dry-run']);
      expect(slip.stdout).toContain('(destinataires\u00a0: Centre social Le Lien, CCMP)');
    });

    it('--dry-run lists everything as one JSON document and writes nothing', async () => {
      const returned = await returnedFile('retour-json.xlsx', [
        { key: 'G1', header: 'Statut', value: 'En cours' },
        { key: 'G1', header: 'Avancement (%)', value: 'beaucoup' },
      ]);
      const before = readFileSync(master);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run', '--json']);
      expect(run.code).toBe(1);
      const document = JSON.parse(run.stdout);
      expect(document.written).toBe(false);
      expect(document.applied).toEqual([
        expect.objectContaining({
          key: 'G1',
          column: 'Statut',
          old: null,
          new: 'En cours',
          source: 'retour-json.xlsx',
        }),
      ]);
      expect(document.rejected).toEqual([
        expect.objectContaining({ source: 'retour-json.xlsx', sheet: 'Axe 1', key: 'G1', code: 'merge-wrong-value' }),
      ]);
      expect(document.rejected[0].message).toContain('beaucoup');
      expect(readFileSync(master).equals(before)).toBe(true);
    });

    it('exits 2 when a returned file cannot be read, and still merges the others', async () => {
      const broken = join(folder, 'casse.xlsx');
      writeFileSync(broken, 'pas un classeur');
      const returned = await returnedFile('retour-ok.xlsx', [{ key: 'G2', header: 'Statut', value: 'En cours' }]);
      const run = await runCli(['merge', master, broken, returned, '--partenaire', 'CCMP', '--json']);
      expect(run.code).toBe(2);
      const document = JSON.parse(run.stdout);
      expect(document.unreadable).toEqual([expect.objectContaining({ file: broken })]);
      expect(document.applied).toHaveLength(1);
      expect(valueAt(gridsOf(new Uint8Array(readFileSync(master))), 'G2', 'Statut')?.value).toBe('En cours');
    });

    it('says a --take that took nothing as a note of the merge, with no empty parentheses', async () => {
      const returned = await returnedFile('retour-take.xlsx', [{ key: 'G2', header: 'Statut', value: 'En cours' }]);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--take', 'G1:Statut', '--dry-run']);
      expect(run.stdout).toContain('  Note\u00a0: --take G1:Statut ne correspond à aucun conflit');
      expect(run.stdout).not.toContain('()');
    });

    it('says, as notes of the merge, the personal data its rewrite erased from the records', async () => {
      const email = 'claire.petit@example.fr';
      const first = await returnedFile('retour-courriel.xlsx', [{ key: 'G1', header: 'Difficultés', value: email }]);
      expect((await runCli(['merge', master, first, '--partenaire', 'CCMP'])).code).toBe(0);
      // The officer erases the address from the tracking; the Journal and Contributions still hold it.
      const merged = new Uint8Array(readFileSync(master));
      const at = locate(
        gridsOf(merged).sheets.find((grid) => grid.name === 'Axe 1')!,
        'G1',
        'Difficultés',
      )!;
      writeFileSync(
        master,
        await editXlsx(merged, [{ sheet: 'Axe 1', cell: cellAddress(at.row + 1, at.column + 1), value: '' }]),
      );
      const second = await returnedFile('retour-statut.xlsx', [{ key: 'G2', header: 'Statut', value: 'En cours' }]);
      const run = await runCli(['merge', master, second, '--partenaire', 'CCMP']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        '  Note\u00a0: Journal\u00a0: 1 valeur gardée contenait une adresse électronique qui n’est plus dans le suivi',
      );
      expect(run.stdout).toContain('  Note\u00a0: Contributions\u00a0: 1 valeur gardée contenait');
      const texts = gridsOf(new Uint8Array(readFileSync(master))).sheets.flatMap((grid) =>
        grid.rows.flatMap((row) => (row ?? []).map((cell) => String(cell?.value ?? ''))),
      );
      expect(texts.filter((text) => text.includes(email))).toEqual([]);
      expect(texts.filter((text) => text === '[donnée personnelle effacée]')).toHaveLength(2);
    });

    it('refuses the master given again as a returned file, before anything is read or written', async () => {
      const before = readFileSync(master);
      const run = await runCli(['merge', master, master, '--partenaire', 'CCMP', '--json']);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).error).toEqual({
        code: 'returned-is-master',
        file: master,
        message:
          `${master} est le classeur de suivi lui-même\u00a0: donnez après lui les fichiers renvoyés par les ` +
          'partenaires. Rien n’a été écrit.',
      });
      expect(readFileSync(master).equals(before)).toBe(true);
    });

    it('says a new -o is written, not updated, and the master left as it was', async () => {
      const returned = await returnedFile('retour-nouveau.xlsx', [{ key: 'G2', header: 'Statut', value: 'En cours' }]);
      const output = join(folder, 'fusion-nouvelle.xlsx');
      const before = readFileSync(master);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '-o', output]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Classeur fusionné écrit\u00a0: ${output}.`);
      expect(run.stdout).not.toContain('mis à jour');
      expect(readFileSync(master).equals(before)).toBe(true);
    });

    it('refuses an -o that is one of the returned files: it would be replaced by the merged master', async () => {
      const returned = await returnedFile('retour-o.xlsx', [{ key: 'G2', header: 'Statut', value: 'En cours' }]);
      const before = readFileSync(returned);
      const run = await runCli([
        'merge',
        master,
        returned,
        '--partenaire',
        'CCMP',
        '-o',
        returned,
        '--force',
        '--json',
      ]);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'output-is-input', file: returned });
      expect(readFileSync(returned).equals(before)).toBe(true);
      expect(existsSync(`${returned}.bak`)).toBe(false);
    });

    it('refuses a returned file that is a link to the -o still to be written, as that -o: not as a broken link', async () => {
      const output = join(folder, 'fusion-a-venir.xlsx');
      const link = join(folder, 'retour-vers-sortie.xlsx');
      symlinkSync(output, link);
      const run = await runCli(['merge', master, link, '--partenaire', 'CCMP', '-o', output, '--json']);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).error).toEqual({
        code: 'output-is-input',
        file: link,
        message:
          `${link} est à la fois un fichier renvoyé et le classeur à écrire (-o)\u00a0: donnez à -o un autre nom. ` +
          'Rien n’a été lu ni écrit.',
      });
      expect(existsSync(output)).toBe(false);
    });

    it('answers a wrong --prefer in French, exit 2', async () => {
      const run = await runCli(['merge', master, master, '--prefer', 'mine']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--prefer attend master');
    });

    it('prints each conflict with why it is held and how to take it', async () => {
      const returned = await returnedFile('retour-conflit.xlsx', [{ key: 'G1-QN1', header: '2026-T1', value: 5 }]);
      // The officer typed 4 in the master since.
      const typed = await returnedFile('suivi-saisi.xlsx', [{ key: 'G1-QN1', header: '2026-T1', value: 4 }]);
      writeFileSync(master, readFileSync(typed));
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP']);
      expect(run.code).toBe(1);
      const at = locate(
        gridsOf(masterBytes).sheets.find((grid) => grid.name === 'Axe 1')!,
        'G1-QN1',
        '2026-T1',
      )!;
      const cell = cellAddress(at.row + 1, at.column + 1);
      // No cell changed: no heading of the changed cells.
      expect(run.stdout).not.toContain('Valeurs reprises');
      expect(run.stdout).toContain(
        `  Conflit Axe 1!${cell} G1-QN1, 2026-T1\u00a0: classeur «\u00a04\u00a0», renvoyé «\u00a05\u00a0» ` +
          '(retour-conflit.xlsx\u00a0; le classeur a déjà une autre valeur) — non repris\u00a0: ' +
          '--take "G1-QN1:2026-T1" pour la prendre',
      );
      // The officer typed the value: no partner gave it, and --json says so as it says any value absent (null).
      const json = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run', '--json']);
      expect(JSON.parse(json.stdout).conflicts).toEqual([
        expect.objectContaining({ key: 'G1-QN1', column: '2026-T1', reason: 'master-differs', masterGivenBy: null }),
      ]);
    });

    it('names the partner whose value the workbook holds, in a cell fed by several partners', async () => {
      // G1 goes to CCMP and to the Centre social: CCMP's status is taken, then the Centre social sends another.
      const shared = await returnedFile('suivi-partage.xlsx', [
        { key: 'G1', header: 'Partenaires', value: 'Centre social' },
      ]);
      writeFileSync(master, readFileSync(shared));
      const ccmp = await returnedFile('retour-ccmp.xlsx', [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
      expect((await runCli(['merge', master, ccmp, '--partenaire', 'CCMP'])).code).toBe(0);
      const centre = await returnedFile('retour-centre.xlsx', [{ key: 'G1', header: 'Statut', value: 'Réalisée' }]);
      const run = await runCli(['merge', master, centre, '--partenaire', 'Centre social']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /Conflit Axe 1!\w+ G1, Statut\u00a0: classeur «\u00a0En cours\u00a0», renvoyé «\u00a0Réalisée\u00a0» \(retour-centre\.xlsx\u00a0; le classeur a déjà la valeur donnée par CCMP\) — non repris/,
      );
      // --json names that partner too, as the line does.
      const json = await runCli(['merge', master, centre, '--partenaire', 'Centre social', '--dry-run', '--json']);
      expect(JSON.parse(json.stdout).conflicts).toEqual([
        expect.objectContaining({ key: 'G1', column: 'Statut', reason: 'master-differs', masterGivenBy: 'CCMP' }),
      ]);
    });

    it('shows a long text cut short on its line, whole in the workbook and in --json', async () => {
      const long = `Début ${'x'.repeat(9000)} fin`;
      const returned = await returnedFile('retour-long.xlsx', [{ key: 'G1', header: 'Difficultés', value: long }]);
      const dry = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run']);
      const line = dry.stdout.split('\n').find((text) => text.includes('G1, Difficultés'))!;
      expect(line).toContain(`«\u00a0Début ${'x'.repeat(50)}`);
      expect(line).toContain('…\u00a0» sur 9\u00a0010 caractères');
      expect(line.length).toBeLessThan(400);
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--json']);
      expect(JSON.parse(run.stdout).applied[0].new).toBe(long);
      expect(valueAt(gridsOf(new Uint8Array(readFileSync(master))), 'G1', 'Difficultés')?.value).toBe(long);
    });

    it('refuses a --take that is not CLÉ:COLONNE before any work, exit 2, the master untouched', async () => {
      const returned = await returnedFile('retour-take.xlsx', [{ key: 'G1-QN1', header: '2026-T2', value: 8 }]);
      for (const take of ['G1', 'G1:', ':2026-T2', ' : ']) {
        const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--take', take, '--json']);
        expect(run.code).toBe(2);
        expect(JSON.parse(run.stdout).error).toEqual({
          code: 'invalid-option-value',
          option: '--take',
          message: expect.stringMatching(
            new RegExp(
              `^--take attend une clé et une colonne séparées par deux-points, par exemple --take "G1-QN1:2026-T3", ` +
                `pas «\u00a0${take.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u00a0»\\. Rien n’a été lu ni écrit\\.`,
            ),
          ),
        });
        expect(readFileSync(master).equals(Buffer.from(masterBytes))).toBe(true);
      }
    });

    it('undo gives the cells the last merge changed their value back, and says so; a second undo has nothing left', async () => {
      const before = gridsOf(new Uint8Array(readFileSync(master)));
      const returned = await returnedFile('retour-undo.xlsx', [
        { key: 'G1', header: 'Statut', value: 'Reportée' },
        { key: 'G1-QN1', header: '2026-T2', value: 8 },
      ]);
      expect((await runCli(['merge', master, returned, '--partenaire', 'CCMP'])).code).toBe(0);
      expect(valueAt(gridsOf(new Uint8Array(readFileSync(master))), 'G1', 'Statut')?.value).toBe('Reportée');
      const run = await runCli(['undo', master, '--json']);
      expect(run.code).toBe(0);
      const document = JSON.parse(run.stdout);
      expect(document).toMatchObject({ files: ['retour-undo.xlsx'], contributionsRemoved: 2, written: true });
      expect(document.restored.map((cell: { key: string; column: string }) => `${cell.key} ${cell.column}`)).toEqual([
        'G1-QN1 2026-T2',
        'G1 Statut',
      ]);
      const after = gridsOf(new Uint8Array(readFileSync(master)));
      expect(valueAt(after, 'G1', 'Statut')?.value ?? null).toBe(valueAt(before, 'G1', 'Statut')?.value ?? null);
      expect(valueAt(after, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
      const again = await runCli(['undo', master]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Aucune fusion à annuler');
    });

    it('refuses, exit 2 and in French, an extract given in place of the master, and a --sheet the master lacks', async () => {
      const extract = join(folder, 'extrait-ccmp.xlsx');
      expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract])).code).toBe(0);
      const swapped = await runCli(['merge', extract, master, '--json']);
      expect(swapped.code).toBe(2);
      expect(JSON.parse(swapped.stdout).error).toMatchObject({ code: 'workbook-is-extract' });
      expect(JSON.parse(swapped.stdout).error.message).toContain('l’extrait envoyé à');
      const noSheet = await runCli(['merge', master, '--sheet', 'Retour mail', '--partenaire', 'CCMP']);
      expect(noSheet.code).toBe(2);
      expect(noSheet.stderr).toContain('n’a pas de feuille');
    });

    it('refuses, exit 2 and in French, a --sheet naming one of the tool’s own sheets, the master left as it was', async () => {
      const own = await runCli(['merge', master, '--sheet', 'Journal', '--partenaire', 'CCMP', '--json']);
      expect(own.code).toBe(2);
      expect(JSON.parse(own.stdout).error).toEqual({
        code: 'sheet-of-the-tool',
        option: '--sheet',
        message:
          '«\u00a0Journal\u00a0» est une feuille de l’outil, pas un tableau collé\u00a0: donnez avec --sheet le nom de la ' +
          'feuille où le tableau reçu a été collé. Rien n’a été lu ni écrit.',
      });
      expectSameBytes(new Uint8Array(readFileSync(master)), masterBytes);
    });
  });
});
