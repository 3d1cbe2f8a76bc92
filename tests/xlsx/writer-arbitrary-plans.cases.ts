import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { initialCurrentQuarter, quarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import { planKeyList } from '../../src/domain/plan-keys';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { checkCtgFingerprint, readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { readSettings } from '../../src/layout/sheets/settings/settings-read';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { gridOfWorksheet, loadWithExcelJs } from './helpers/exceljs-load';
import { generateBytes } from './helpers/generate-bytes';
import { orderViolations, SHEET_PR_CHILD_ORDER, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';

const today = new Date('2027-06-15T08:00:00Z');

describe('generating the workbook of arbitrary plans', () => {
  test('sheets, titles, headers, keys and texts read back exactly; XML in schema order; _ctg and Paramètres consistent', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const { bytes } = await generateBytes(plan, today);
        const workbook = await loadWithExcelJs(bytes);
        const axisNames = plan.axes.map((axis) => `Axe ${axis.number}`);
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
          'Guide',
          'Paramètres',
          ...axisNames,
          'Annexe 4 – Suivi',
          'Compétences AO',
          'Journal',
          'Historique',
          'Contributions',
          '_ctg',
        ]);

        const columns = axisColumns(quartersOfPeriod(plan.period));
        const keyRows: unknown[][] = [];
        for (const axis of plan.axes) {
          const sheet = workbook.getWorksheet(`Axe ${axis.number}`)!;
          expect(sheet.getCell('A1').value).toBe(`Axe ${axis.number} – ${axis.title}`);
          expect(columns.map((_, index) => sheet.getRow(3).getCell(index + 1).value)).toEqual(
            columns.map((c) => c.header),
          );
          const expectedTexts = axis.fiches.flatMap((fiche) => [
            fiche.title,
            ...fiche.criteria.map((criterion) => criterion.text),
          ]);
          expectedTexts.forEach((text, index) => {
            const at = (column: number) => sheet.getCell(4 + index, column).value;
            keyRows.push([at(1), at(2)]);
            expect(at(3)).toBe(text);
          });
          expect(sheet.getRow(4 + expectedTexts.length).getCell(1).value).toBeNull();
        }
        expect(keyRows).toEqual(planKeyList(plan).map((entry) => [entry.key, entry.type]));

        const files = unzipSync(bytes);
        for (const path of Object.keys(files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
          const { top, sheetPr } = worksheetChildren(strFromU8(files[path]));
          expect(orderViolations(top, WORKSHEET_CHILD_ORDER)).toEqual([]);
          expect(orderViolations(sheetPr, SHEET_PR_CHILD_ORDER)).toEqual([]);
        }
        // No table: every axis sheet has a sheet-level filter (a named _FilterDatabase), as do the Journal,
        // Historique and Contributions.
        expect(Object.keys(files).filter((name) => /^xl\/tables\//.test(name))).toEqual([]);
        const filterNames = strFromU8(files['xl/workbook.xml']).match(/_xlnm\._FilterDatabase/g) ?? [];
        expect(filterNames).toHaveLength(plan.axes.length + 3);

        const settings = readSettings(gridOfWorksheet(workbook.getWorksheet('Paramètres')!));
        expect(settings.issues).toEqual([]);
        expect(settings.settings.currentQuarterText).toBe(quarterLabel(initialCurrentQuarter(plan.period, today)));
        expect([settings.settings.periodStart, settings.settings.periodEnd]).toEqual([
          plan.period.start,
          plan.period.end,
        ]);
        const meta = readCtgMeta(gridOfWorksheet(workbook.getWorksheet('_ctg')!));
        expect(meta.issues).toEqual([]);
        expect(meta.meta!.keys).toEqual(planKeyList(plan));
        expect(meta.meta!.territory).toBe(plan.territory);
        expect(await checkCtgFingerprint(meta.meta!, '_ctg')).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
