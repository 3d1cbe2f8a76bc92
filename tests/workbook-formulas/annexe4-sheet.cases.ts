import { strFromU8, unzipSync } from 'fflate';
import { embeddedPlan } from '../../src/app/plan-source';
import { gridValue } from '../../src/domain/grid';
import { steeringCalendar } from '../../src/domain/steering-calendar';
import { annexe4Layout } from '../../src/layout/sheets/annexe4/annexe4-layout';
import { annexe4Texts, sheetNames } from '../../src/layout/texts';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { SheetSpec } from '../../src/layout/workbook-spec';
import { gridOfSpec } from '../layout/helpers/spec-grid';
import { readGrids, writtenBytes } from './helpers/build-filled';

/**
 * The shape of `Annexe 4 – Suivi` on the seed convention: where it sits, what its rows are, that it is protected
 * and printable, and that every formula of the rates uses only functions all the target engines compute.
 */

const plan = embeddedPlan().plan;
const today = new Date('2027-05-10T10:00:00Z');

/** Function names called in a formula, texts in quotes left out. */
function functionsOf(formula: string): string[] {
  const code = formula.replace(/"[^"]*"/g, '""');
  return [...code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((match) => match[1]);
}

const ALLOWED = new Set([
  'SUMPRODUCT',
  'IFERROR',
  'IF',
  'ISNUMBER',
  'LEFT',
  'RIGHT',
  'LOWER',
  'TRIM',
  'CLEAN',
  'LEN',
  'MOD',
  'MAX',
  'MIN',
  'INT',
  'INDEX',
  'AVERAGE',
  'SUM',
  'COUNT',
  'COUNTA',
  'AND',
  'OR',
  'NOT',
  'SUBSTITUTE',
  'FIND',
  'CHAR',
]);

function formulasOf(sheet: SheetSpec): string[] {
  return sheet.rows.flatMap((row) =>
    row.cells.flatMap((cell) =>
      cell && cell.value !== null && typeof cell.value === 'object' ? [cell.value.formula] : [],
    ),
  );
}

describe('Annexe 4 – Suivi', () => {
  it('comes after the axis sheets and before Compétences AO and Journal, protected and printable on A4 landscape', async () => {
    const { spec } = await buildNewWorkbook(plan, { today });
    const names = spec.sheets.map((sheet) => sheet.name);
    const index = names.indexOf('Annexe 4 \u2013 Suivi');
    expect(index).toBe(names.indexOf(`Axe ${plan.axes[plan.axes.length - 1].number}`) + 1);
    expect(names.slice(index + 1, index + 3)).toEqual(['Compétences AO', 'Journal']);
    const sheet = spec.sheets[index];
    expect(sheet.protection).toEqual(expect.objectContaining({ allowAutoFilter: true }));
    expect(sheet.print).toEqual(expect.objectContaining({ orientation: 'landscape', paper: 'A4', fitToWidth: true }));
  });

  it('has a row per axis, a total row, a row per porteur and the steering calendar of the plan’s dates', async () => {
    const { spec } = await buildNewWorkbook(plan, { today });
    const grid = readGrids(await writtenBytes(spec)).sheets.find((sheet) => sheet.name === sheetNames.annexe4)!;
    const calendar = steeringCalendar(plan.period);
    const layout = annexe4Layout(plan, calendar.length);
    plan.axes.forEach((axis, index) => {
      expect(gridValue(grid, layout.axisRows[index], 1)).toBe(`Axe ${axis.number}`);
      expect(gridValue(grid, layout.axisRows[index], 2)).toBe(axis.title);
    });
    expect(gridValue(grid, layout.totalRow, 1)).toBe(annexe4Texts.total);
    expect(layout.carriers.map((carrier) => gridValue(grid, carrier.row, 1))).toEqual([
      'Mairie (s)',
      'CCMP',
      'Acteur (s) du territoire',
    ]);
    const rows = layout.calendarRows.map((row) => [gridValue(grid, row, 1), gridValue(grid, row, 2)]);
    expect(rows).toEqual([
      ['2026-T4', 'Point d’étape annuel 2026'],
      ['2027-T4', 'Point d’étape annuel 2027'],
      ['2028-T3', 'Bilan intermédiaire'],
      ['2028-T4', 'Point d’étape annuel 2028'],
      ['2029-T4', 'Point d’étape annuel 2029'],
      ['2030-T4', 'Bilan final'],
    ]);
    expect(layout.calendarRows.map((row) => gridValue(grid, row, 3))).toEqual([
      'Passé',
      'À venir',
      'À venir',
      'À venir',
      'À venir',
      'À venir',
    ]);
    const detailKeys = [];
    for (let row = layout.detailFirstRow; row <= layout.detailLastRow; row += 1)
      detailKeys.push(gridValue(grid, row, 1));
    expect(detailKeys).toEqual(plan.axes.flatMap((axis) => axis.fiches.map((fiche) => fiche.key)));
  });

  it('places the bilan intermédiaire of a 2024–2027 convention in 2026-T1, halfway through its 48 months', async () => {
    const leap = { ...plan, period: { start: '2024-01-01', end: '2027-12-31' } };
    const { spec } = await buildNewWorkbook(leap, { today: new Date('2026-02-10T10:00:00Z') });
    const grid = readGrids(await writtenBytes(spec)).sheets.find((sheet) => sheet.name === sheetNames.annexe4)!;
    const layout = annexe4Layout(leap, steeringCalendar(leap.period).length);
    const rows = layout.calendarRows.map((row) => [1, 2, 3].map((column) => gridValue(grid, row, column)));
    expect(rows).toEqual([
      ['2024-T4', 'Point d’étape annuel 2024', 'Passé'],
      ['2025-T4', 'Point d’étape annuel 2025', 'Passé'],
      ['2026-T1', 'Bilan intermédiaire', 'Trimestre en cours'],
      ['2026-T4', 'Point d’étape annuel 2026', 'À venir'],
      ['2027-T4', 'Bilan final', 'À venir'],
    ]);
  });

  it('writes the rates of the axis sheets and of the summary with only functions every target engine computes', async () => {
    const { spec } = await buildNewWorkbook(plan, { today });
    const rateSheets = spec.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name) || sheet.name === sheetNames.annexe4);
    const formulas = rateSheets.flatMap(formulasOf);
    expect(formulas.length).toBeGreaterThan(300);
    const used = new Set(formulas.flatMap(functionsOf));
    expect([...used].filter((name) => !ALLOWED.has(name))).toEqual([]);
    // Excel's limit on a formula's length.
    expect(Math.max(...formulas.map((formula) => formula.length))).toBeLessThanOrEqual(8192);
    for (const formula of formulas) expect(formula).not.toMatch(/TODAY|COLUMN|OFFSET|INDIRECT|LET\(|XLOOKUP/);
  });

  it('is described in the Guide: the rates as the issue defines them', async () => {
    const { spec } = await buildNewWorkbook(plan, { today });
    const guide = gridOfSpec(spec.sheets.find((sheet) => sheet.name === sheetNames.guide)!)
      .rows.flat()
      .map((cell) => String(cell?.value ?? ''))
      .join('\n');
    for (const words of [
      'Taux de renseignement (période)',
      'Taux de renseignement cumulé',
      'Taux de réalisation',
      'Valeur attendue',
      'Valeur renseignée',
      'jamais en faisant la moyenne',
      'Annexe 4 – Suivi',
    ]) {
      expect(guide).toContain(words);
    }
  });

  it('colours rates on a fixed scale (0 %, 50 %, 100 %) in the axis sheets and in the summary', async () => {
    const { spec } = await buildNewWorkbook(plan, { today });
    const files = unzipSync(await writtenBytes(spec));
    const workbook = strFromU8(files['xl/workbook.xml']);
    const names = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((match) => match[1]);
    for (const name of ['Axe 1', 'Annexe 4 – Suivi']) {
      const xml = strFromU8(files[`xl/worksheets/sheet${names.indexOf(name) + 1}.xml`]);
      const scales = [...xml.matchAll(/<colorScale>([\s\S]*?)<\/colorScale>/g)].map((match) =>
        [...match[1].matchAll(/<cfvo type="([^"]+)" val="([^"]+)"/g)].map((cfvo) => `${cfvo[1]}:${cfvo[2]}`),
      );
      expect(scales.length).toBeGreaterThan(1);
      for (const scale of scales) expect(scale).toEqual(['num:0', 'num:0.5', 'num:1']);
    }
  });
});
