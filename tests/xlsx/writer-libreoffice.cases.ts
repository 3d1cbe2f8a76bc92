import * as fs from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import type ExcelJS from 'exceljs';
import { planKeyList } from '../../src/domain/plan-keys';
import { quartersOfPeriod } from '../../src/domain/periods';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { readSettings } from '../../src/layout/sheets/settings/settings-read';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { samplePlan } from '../layout/helpers/sample-plan';
import { gridOfWorksheet, loadWithExcelJs } from './helpers/exceljs-load';
import { cellLockedInXml } from './helpers/xml-cell-protection';
import { generateBytes } from './helpers/generate-bytes';
import { recalcProfileSource, saveOneThroughLibreOffice } from '../helpers/libreoffice';

const plan = samplePlan();
const columns = axisColumns(quartersOfPeriod(plan.period));
const column = (id: string) => columns.findIndex((candidate) => candidate.id === id) + 1;
const available = { soffice: hasBinary('soffice'), 'LibreOffice recalc profile': fs.existsSync(recalcProfileSource()) };

/** Lists after a LibreOffice save may be written as the defined name or as the range it stands for. */
function listSource(cell: ExcelJS.Cell): string {
  const validation = cell.dataValidation as ExcelJS.DataValidation | undefined;
  return validation?.type === 'list' ? String(validation.formulae[0]) : `not a list: ${JSON.stringify(validation)}`;
}

describe('a generated workbook opened, recalculated and saved by LibreOffice', () => {
  itWhenAvailable(available)('keeps its sheets, keys, settings, list validations and protection', async () => {
    const { bytes } = await generateBytes(plan, new Date('2027-03-10T09:00:00Z'));
    const saved = saveOneThroughLibreOffice(bytes, 'suivi', { scratch: 'xlsx-writer-libreoffice' });
    const workbook = await loadWithExcelJs(saved);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Guide',
      'Paramètres',
      'Axe 1',
      'Axe 13',
      'Annexe 4 – Suivi',
      'Compétences AO',
      'Journal',
      'Historique',
      'Contributions',
      '_ctg',
    ]);
    expect(workbook.getWorksheet('_ctg')!.state).toBe('hidden');

    const keys = plan.axes.flatMap((axis) => {
      const sheet = workbook.getWorksheet(`Axe ${axis.number}`)!;
      expect(sheet.getRow(3).getCell(1).value).toBe('Clé');
      const found: unknown[] = [];
      for (let row = 4; sheet.getRow(row).getCell(1).value !== null; row += 1)
        found.push(sheet.getRow(row).getCell(1).value);
      return found;
    });
    expect(keys).toEqual(planKeyList(plan).map((entry) => entry.key));

    const settings = readSettings(gridOfWorksheet(workbook.getWorksheet('Paramètres')!));
    expect(settings.issues).toEqual([]);
    expect(settings.settings.currentQuarterText).toBe('2027-T1');
    const meta = readCtgMeta(gridOfWorksheet(workbook.getWorksheet('_ctg')!));
    expect(meta.issues).toEqual([]);
    expect(meta.meta!.keys).toEqual(planKeyList(plan));

    const axis1 = workbook.getWorksheet('Axe 1')!;
    expect(listSource(axis1.getCell(4, column('status')))).toMatch(/ctg_statuts|Paramètres.*\$A\$13:\$A\$17/);
    expect(listSource(axis1.getCell(5, column('frequency')))).toMatch(/ctg_frequences|Paramètres.*\$C\$13:\$C\$15/);
    expect(listSource(axis1.getCell(7, column('quarter')))).toMatch(/ctg_echelle|Paramètres.*\$B\$13:\$B\$16/);

    // LibreOffice writes the flags as true/false, which ExcelJS does not read back: look at the XML.
    const files = unzipSync(saved);
    const protections = Object.keys(files)
      .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
      .map((path) => /<sheetProtection\b[^>]*>/.exec(strFromU8(files[path]))?.[0] ?? 'none');
    expect(protections).toHaveLength(10);
    for (const protection of protections) {
      expect(protection).toMatch(/\bsheet="(1|true)"/);
      expect(protection).toMatch(/\bautoFilter="(0|false)"/);
      expect(protection).not.toMatch(/password|hashValue/i);
    }
    // The sheet filters (kept thanks to their _FilterDatabase names) survive, with « use AutoFilter » allowed above;
    // there is no table.
    expect(Object.keys(files).filter((path) => /^xl\/tables\//.test(path))).toEqual([]);
    expect(strFromU8(files['xl/worksheets/sheet3.xml'])).toMatch(/<autoFilter ref="A3:AS12"/);
    expect(strFromU8(files['xl/worksheets/sheet4.xml'])).toMatch(/<autoFilter ref="A3:AS6"/);
    const journalPart = `xl/worksheets/sheet${workbook.worksheets.findIndex((sheet) => sheet.name === 'Journal') + 1}.xml`;
    expect(strFromU8(files[journalPart])).toMatch(/<autoFilter ref="A1:L2"/);
    const names = (workbook.definedNames.model as { name: string }[]).map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining(['ctg_statuts', 'ctg_echelle', 'ctg_frequences', 'ctg_regles', 'ctg_trimestres']),
    );
    const axis1Path = 'xl/worksheets/sheet3.xml';
    expect(cellLockedInXml(files, axis1Path, axis1.getCell(4, column('status')).address)).toBe(false);
    expect(cellLockedInXml(files, axis1Path, axis1.getCell(5, column('quarter')).address)).toBe(false);
    expect(cellLockedInXml(files, axis1Path, axis1.getCell(4, column('key')).address)).toBe(true);
    expect(cellLockedInXml(files, axis1Path, axis1.getCell(5, column('status')).address)).toBe(true);
    expect(axis1.getCell(9, column('title')).value).toBe('=1+1');
  });
});
