import * as fs from 'fs';
import * as path from 'path';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { runCli } from '../cli/run-cli';
import { samplePlan } from '../layout/helpers/sample-plan';
import { sheet } from '../rewrite/helpers';
import { filledWorkbook, gridsOf, workbookFileIn } from './helpers';
import {
  ALL_PERSON_SETTINGS,
  editAsAPerson,
  PERSON_ENTRIES,
  PERSON_NUMBER_FORMAT,
  personsSettings,
} from './person-edits';

/**
 * A workbook generated now has Historique from the start (headers, no values): its first closing only appends to
 * it, so the file is patched and what a person set around the cells stays.
 */

const today = new Date('2026-05-10T09:00:00Z');
const scratch = path.resolve(__dirname, '..', '..', '.scratch', 'xlsx-patch-first-closing');

const values = (rows: readonly (readonly ({ value: unknown } | null)[] | null)[]) =>
  rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));

describe('the first closing of a workbook generated with Historique', () => {
  it('is generated with an empty Historique after the Journal', async () => {
    const { spec } = await buildNewWorkbook(samplePlan(), { today });
    const names = spec.sheets.map((one) => one.name);
    expect(names.indexOf('Historique')).toBe(names.indexOf('Journal') + 1);
    const history = spec.sheets.find((one) => one.name === 'Historique')!;
    expect(history.rows.map((row) => row.cells.map((cell) => cell?.value ?? null))).toEqual([
      ['Trimestre', 'Clé', 'Champ', 'Valeur', 'Date de clôture'],
    ]);
  });

  it('keeps a person’s hidden column, width and number format on the command line, with Historique and Journal right', async () => {
    const filled = await filledWorkbook(samplePlan(), PERSON_ENTRIES, today);
    const edited = editAsAPerson(filled, gridsOf(filled));
    expect(personsSettings(edited)).toMatchObject({
      hiddenColumn: true,
      width: true,
      numberFormat: PERSON_NUMBER_FORMAT,
    });
    const file = workbookFileIn(scratch, edited);

    const run = await runCli(['close-quarter', file]);
    expect(run.code).toBe(0);
    const after = new Uint8Array(fs.readFileSync(file));
    expect(personsSettings(after)).toMatchObject(ALL_PERSON_SETTINGS);

    const grids = gridsOf(after);
    const history = values(sheet(grids, 'Historique').rows);
    expect(history[0]).toEqual(['Trimestre', 'Clé', 'Champ', 'Valeur', 'Date de clôture']);
    expect(history.slice(1).map((row) => row.slice(0, 4))).toEqual([['2026-T2', 'G1', 'Statut', 'En cours']]);
    // The generation's line, then the closing's, appended.
    const journal = values(sheet(grids, 'Journal').rows).slice(1);
    expect(journal.map((row) => [row[1], row[4], row[5]])).toEqual([
      ['Génération', null, 'Classeur généré'],
      ['Clôture du trimestre', '2026-T2', '2026-T3'],
    ]);
    expect(values(sheet(grids, 'Paramètres').rows)[8][1]).toBe('2026-T3');
    expect((await runCli(['validate', file])).code).toBe(0);
  }, 60_000);
});
