import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { countOf, renderMessage } from '../../src/app';
import type { MessageCode, MessageParams } from '../../src/domain/messages';
import { texts } from '../../src/cli/texts';
import { journalWords } from '../../src/domain/journal';
import { readXlsx } from '../../src/xlsx/reader';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// Every count the command line prints agrees with its number (« 1 ligne retirée », « 2 lignes retirées »), never
// « ligne(s) »; and a current quarter repaired from an empty cell says the cell was empty.
const workDir = mkdtempSync(join(tmpdir(), 'ctg-counts-'));
const path = (name: string) => join(workDir, name);

const PARENTHESISED_PLURAL = /\((s|es|x|nt)\)/;

describe('counts in the messages of rewrites', () => {
  it.each<[MessageCode, MessageParams, string]>([
    ['quarter-closed-again', { quarter: '2027-T1', added: 1 }, 'avec 1 valeur ajoutée depuis, notée dans le Journal'],
    [
      'quarter-closed-again',
      { quarter: '2027-T1', added: 2, changed: 1 },
      'avec 2 valeurs ajoutées et 1 valeur modifiée depuis, chacune notée',
    ],
    [
      'quarter-closed-again',
      { quarter: '2027-T1', changed: 3, removed: 2 },
      'avec 3 valeurs modifiées et 2 valeurs effacées depuis',
    ],
    ['quarter-closed-again', { quarter: '2027-T1', removed: 1 }, 'avec 1 valeur effacée depuis, notée dans'],
    ['quarter-closed-again', { quarter: '2027-T1', added: 0, changed: 0, removed: 0 }, 'rien n’a changé depuis'],
    ['rows-archived', { count: 1, keys: ['G1-C2'] }, '1 ligne retirée du plan avait des valeurs saisies'],
    ['rows-archived', { count: 2, keys: ['G1-C2', 'G1-C3'] }, '2 lignes retirées du plan avaient des valeurs saisies'],
    ['rows-removed', { keys: ['G1-C2'] }, 'Ligne retirée du plan, sans valeur saisie\u00a0: G1-C2.'],
    ['rows-removed', { keys: ['G1-C2', 'G1-C3'] }, 'Lignes retirées du plan, sans valeur saisie\u00a0: G1-C2, G1-C3.'],
    ['rows-added', { keys: ['G1-C9'] }, 'Ligne ajoutée au plan\u00a0: G1-C9.'],
    ['rows-added', { keys: ['G1-C8', 'G1-C9'] }, 'Lignes ajoutées au plan\u00a0: G1-C8, G1-C9.'],
    ['rows-changed', { keys: ['G1-C1'] }, 'Ligne dont le texte du plan a changé'],
    ['rows-changed', { keys: ['G1-C1', 'G2-C1'] }, 'Lignes dont le texte du plan a changé'],
    ['ao-rows-removed', { names: ['Pélussin'], values: 1 }, 'Commune absente du nouveau plan, retirée de'],
    ['ao-rows-removed', { names: ['Pélussin'], values: 1 }, 'Sa valeur saisie est notée dans le Journal.'],
    [
      'ao-rows-removed',
      { names: ['Pélussin', 'Véranne'], values: 3 },
      'Communes absentes du nouveau plan, retirées de',
    ],
    ['ao-rows-removed', { names: ['Pélussin', 'Véranne'], values: 3 }, 'Leurs 3 valeurs saisies sont notées'],
  ])('%s with %p', (code, params, expected) => {
    const message = renderMessage(code, params);
    expect(message).toContain(expected);
    expect(message).not.toMatch(PARENTHESISED_PLURAL);
  });

  it('the command line’s own texts agree too', () => {
    expect(texts.inPlace.notWritten('suivi.xlsx', 1)).toBe(
      'suivi.xlsx n’a pas été modifié\u00a0: 1 erreur à corriger d’abord.',
    );
    expect(texts.inPlace.notWritten('suivi.xlsx', 2)).toContain('2 erreurs à corriger');
    const closed = (historyRows: number) =>
      texts.closeQuarter.done(
        { file: 's.xlsx', backup: null, closed: '2027-T1', next: '2027-T2', nextIsLast: false, historyRows },
        [],
      );
    expect(closed(1)).toContain('1 valeur copiée');
    expect(closed(0)).toContain('aucune valeur copiée');
    expect(closed(5)).toContain('5 valeurs copiées');
    expect(texts.plan.axisLine(1, 'Parentalité', 1, 1, 0)).toBe(
      '  Axe 1 – Parentalité\u00a0: 1 fiche, 1 critère (1 quantitatif, 0 qualitatif)',
    );
    expect(texts.plan.axisLine(2, 'Jeunesse', 3, 4, 2)).toContain('6 critères (4 quantitatifs, 2 qualitatifs)');
    const merged = (confirmed: number) =>
      texts.merge.summary({ applied: 1, unchanged: confirmed, confirmed, conflicts: 1, rejected: 1 });
    expect(merged(1)).toBe(
      '1 valeur reprise, 1 inchangée (dont 1 confirmée, notée dans «\u00a0Contributions\u00a0»), ' +
        '1 conflit en attente, 1 refus.',
    );
    expect(merged(2)).toContain('2 inchangées (dont 2 confirmées, notées dans');
    expect(merged(0)).toBe('1 valeur reprise, 0 inchangée, 1 conflit en attente, 1 refus.');
    expect(journalWords.mergedCount(1, 1)).toBe('1 valeur reprise, 1 confirmée');
    expect(journalWords.mergedCount(0, 0)).toBe('0 valeur reprise');
  });

  it('writes a count of thousands with its no-break space, as the workbooks show it', () => {
    expect(countOf(1595, 'erreur de données', 'erreurs de données')).toBe('1\u00a0595 erreurs de données');
    expect(countOf(1_000_000, 'cellule')).toBe('1\u00a0000\u00a0000 cellules');
    expect(countOf(999, 'cellule')).toBe('999 cellules');
  });
});

describe('a current quarter repaired from an empty cell', () => {
  it('says the cell was empty, and gives quarterChange.from null in JSON', async () => {
    const original = path('suivi.xlsx');
    await generatedWorkbook(original);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(original);
    workbook.getWorksheet('Paramètres')!.getCell('B9').value = null;
    const emptied = [path('vide-texte.xlsx'), path('vide-json.xlsx')];
    await workbook.xlsx.writeFile(emptied[0]);
    copyFileSync(emptied[0], emptied[1]);

    const run = await runCli(['compute', emptied[0], '--quarter', '2027-T1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Trimestre en cours\u00a0: 2027-T1 (la cellule était vide)');
    expect(run.stdout).not.toContain(' → ');

    const json = await runCli(['compute', emptied[1], '--quarter', '2027-T1', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).quarterChange).toEqual({ from: null, to: '2027-T1' });
    const read = readXlsx(new Uint8Array(readFileSync(emptied[1])));
    expect(read.ok && read.grids.sheets.find((sheet) => sheet.name === 'Paramètres')!.rows[8][1]?.value).toBe(
      '2027-T1',
    );
  }, 60_000);
});
