import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cellAddress } from '../../src/layout/a1';
import { forez, pilat, territoryBytes } from '../consolidation/helpers/territories';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { locate } from '../rewrite/helpers';
import { gridsOf } from '../xlsx-patch/helpers';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * A territory's workbook saved as .ods with a text longer than Excel's 32 767 characters: the conversion by LibreOffice
 * (the real one) cuts it without a word. The consolidation reads only figures, which no such text changes: the
 * territory is kept and counted, and the cut is said where it is — the command's line, `--json`, the `Territoires`
 * sheet — and makes the command exit 1, as merge and validate refuse the file (docs/WORKBOOK.md, « Consolidation »).
 */

const itWithLibreOffice = itWhenAvailable({ soffice: hasBinary('soffice') });
const today = new Date('2027-06-01T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-cut-'));
const territories = join(folder, 'territoires');
const ods = join(territories, 'pilat.ods');
let cell = '';

describe('consolidate-text-cut', () => {
  beforeAll(async () => {
    mkdirSync(territories);
    // The text is typed as LibreOffice keeps it in an .ods; the .xlsx written with it is only the way there.
    const long = 'Réunions mensuelles avec les familles. '.repeat(1_100);
    expect(long.length).toBeGreaterThan(32_767);
    const bytes = await territoryBytes({
      ...pilat,
      entries: [...pilat.entries, { key: 'G1', header: 'Mise en œuvre', value: long }],
    });
    // Its cell, found in the same workbook without the text (our reader refuses a text over the limit).
    const axis = gridsOf(await territoryBytes(pilat)).sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const at = locate(axis, 'G1', 'Mise en œuvre')!;
    cell = cellAddress(at.row + 1, at.column + 1);
    if (hasBinary('soffice'))
      writeFileSync(ods, convertThroughLibreOffice({ pilat: bytes }, 'ods', { scratch: 'consolidate-cut' }).pilat);
    writeFileSync(join(territories, 'forez.xlsx'), await territoryBytes(forez));
  }, 120_000);

  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  describe('a territory whose text the conversion of its .ods cut', () => {
    itWithLibreOffice(
      'is consolidated with its figures, and the cut is said with its cell (exit 1)',
      async () => {
        const output = join(folder, 'consolidation.xlsx');
        const run = await runCli(['consolidate', territories, '-o', output, '--json']);
        expect(run.code).toBe(1);
        const json = JSON.parse(run.stdout);
        expect(json.rejected).toEqual([]);
        const kept = json.territories.find((territory: { file: string }) => territory.file === ods);
        expect(kept).toMatchObject({ name: 'Monts du Pilat', textCut: { sheet: 'Axe 1', cell } });
        const forezKept = json.territories.find((territory: { file: string }) => territory.file.endsWith('forez.xlsx'));
        expect(forezKept.textCut).toBeNull();

        // Its figures are those of the same workbook read whole.
        const direct = join(folder, 'pilat.xlsx');
        writeFileSync(
          direct,
          await territoryBytes({
            ...pilat,
            entries: [...pilat.entries, { key: 'G1', header: 'Mise en œuvre', value: 'Réunions mensuelles.' }],
          }),
        );
        const alone = JSON.parse(
          (await runCli(['consolidate', direct, '-o', join(folder, 'seul.xlsx'), '--json'])).stdout,
        );
        expect(kept.counts).toEqual(alone.territories[0].counts);

        // The Territoires sheet says it in the row's Fichier (named from the workbook's folder), and counts it in its note.
        const sheet = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Territoires')!;
        const row = sheet.rows.find((cells) => cells?.[0]?.value === 'Monts du Pilat')!;
        expect(row[2]?.value).toBe(
          `${relative(dirname(output), ods)} (texte coupé à la conversion de LibreOffice\u00a0: feuille «\u00a0Axe 1\u00a0», ` +
            `cellule ${cell})`,
        );
        expect(sheet.rows[1][0]?.value).toContain(
          '1 territoire a un texte coupé à la conversion de LibreOffice\u00a0: voir la colonne «\u00a0Fichier\u00a0».',
        );
      },
      120_000,
    );

    itWithLibreOffice(
      'is said under its line on the command line, with what the Caf does',
      async () => {
        const run = await runCli(['consolidate', territories, '-o', join(folder, 'texte.xlsx')]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(
          `    Un texte a exactement 32\u00a0767 caractères après la conversion par LibreOffice (feuille «\u00a0Axe 1\u00a0», ` +
            `cellule ${cell}), la limite d’Excel, à laquelle LibreOffice coupe un texte plus long\u00a0: il a sans doute ` +
            'été coupé. Le territoire est consolidé, ses chiffres ne dépendant pas de ce texte (sauf s’il nomme des ' +
            'champs d’intervention ou des publics)\u00a0; mais validate et merge refusent ce fichier\u00a0: raccourcissez ' +
            'ce texte dans le classeur .ods.',
        );
      },
      120_000,
    );
  });
});
