import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFiles } from '../../src/cli/consolidate/measure-pool';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import { gridText, gridValue, type SheetGrid } from '../../src/domain/grid';
import { sheetNames } from '../../src/layout/texts';
import { readXlsx } from '../../src/xlsx/reader';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { editedBytes, pilat, territoryBytes } from './helpers/territories';

/**
 * « Fiches avec difficultés », in the territory's own workbook (Annexe 4's live formula, recalculated by LibreOffice)
 * and in the consolidation: a Difficultés cell that looks empty is blank in both. No-break spaces, typed on a French
 * keyboard or pasted from a word processor, were kept by the formula's TRIM and CLEAN: Annexe 4 counted that fiche,
 * the consolidation did not, and the Caf read two figures for one territory.
 */

const today = new Date('2027-06-01T10:00:00Z');

/** The figure under `header` in the row whose first cell is `label` (the header row is the nearest above with it). */
function figure(grid: SheetGrid, label: string, header: string): unknown {
  let column = 0;
  for (let row = 1; row <= grid.rows.length; row += 1) {
    for (let c = 1; c <= (grid.rows[row - 1]?.length ?? 0); c += 1) if (gridText(grid, row, c) === header) column = c;
    if (gridText(grid, row, 1) === label && column > 0) return gridValue(grid, row, column);
  }
  throw new Error(`no ${label} / ${header}`);
}

describe('fiches with difficulties', () => {
  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'counts neither no-break spaces nor spaces and line breaks alone as difficulties, in Annexe 4 as in the figures',
    async () => {
      const typed = ['\u00a0', ' \n\t ', '\u00a0\u202f ', 'Retard\u00a0du recrutement'];
      const bytes = await editedBytes(await territoryBytes(pilat), (workbook) => {
        for (const sheet of workbook.worksheets.filter((one) => one.name.startsWith('Axe '))) {
          let difficulties = 0;
          sheet.getRow(3).eachCell((cell, column) => {
            if (cell.value === 'Difficultés') difficulties = column;
          });
          sheet.eachRow((row) => {
            if (row.getCell(2).value === 'Fiche' && typed.length > 0) row.getCell(difficulties).value = typed.shift()!;
          });
        }
      });
      expect(typed).toEqual([]);
      const path = join(mkdtempSync(join(tmpdir(), 'ctg-difficulties-')), 'pilat.xlsx');
      writeFileSync(path, bytes);

      const recalculated = readXlsx(saveOneThroughLibreOffice(bytes, 'pilat', { scratch: 'blank-difficulties' }));
      if (!recalculated.ok) throw new Error(recalculated.error.code);
      const annexe = recalculated.grids.sheets.find((candidate) => candidate.name === sheetNames.annexe4)!;
      const shown = figure(annexe as SheetGrid, 'Ensemble du plan', 'Fiches avec difficultés');

      const outcomes = await measureFiles([path], { quarter: null, today, workers: 1 });
      const [territory] = consolidate(outcomes, null).territories;
      // Only the fiche with a text counts.
      expect(shown).toBe(1);
      expect(territory.counts.fichesWithDifficulties).toBe(shown);
    },
    120_000,
  );
});
