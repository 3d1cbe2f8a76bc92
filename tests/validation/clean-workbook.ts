import type { CellValue, GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { planSchema, type Plan } from '../../src/domain/plan';
import { KEY_HEADER } from '../../src/layout/sheets/axis/axis-columns';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { CellSpec, SheetSpec } from '../../src/layout/workbook-spec';

/**
 * Test material: a small plan and the grids a reader would return for its freshly generated workbook. The grids
 * come from the layout's own sheet specs (values, formulas' cached results, date formats), not from a file, so
 * validation is tested without the writer and the reader; end-to-end tests on files live elsewhere.
 */

const criterion = (key: string, kind: 'quantitative' | 'qualitative', text: string) => ({ key, kind, text, line: 0 });

function fiche(ref: string, title: string, criteria: ReturnType<typeof criterion>[]) {
  return {
    ref,
    key: ref,
    title,
    interest: 'intérêt fort',
    methodology: 'Collective',
    publics: ['Familles'],
    budget: 'Existant',
    carriers: ['CCMP'],
    territories: ['CCMP'],
    fields: ['Accès aux droits'],
    context: '',
    objectives: [],
    criteria,
    line: 0,
  };
}

/** Two axes with a gap in their numbers (1 and 3), fiches with quantitative, qualitative and annual criteria. */
export function smallPlan(): Plan {
  return planSchema.parse({
    formatVersion: 1,
    territory: 'Territoire test',
    parties: { caf: 'Caf test', epci: 'Communauté de communes test', epciShortName: 'CCT', communes: [] },
    period: { start: '2026-01-01', end: '2030-12-31' },
    axes: [
      {
        number: 1,
        title: 'Accès aux droits',
        objectives: [],
        line: 0,
        fiches: [
          fiche('G1', 'Guichet unique', [
            criterion('G1-QN1', 'quantitative', 'Nombre de familles accueillies'),
            criterion('G1-QN2', 'quantitative', 'Nombre de permanences par an'),
            criterion('G1-QL1', 'qualitative', 'Satisfaction des familles'),
          ]),
          fiche('G2', 'Communication', [criterion('G2-QN1', 'quantitative', 'Taux de diffusion')]),
          fiche('G3', 'Fiche sans critère', []),
        ],
      },
      {
        number: 3,
        title: 'Petite enfance',
        objectives: [],
        line: 0,
        fiches: [
          fiche('PE1', 'Relais petite enfance', [
            criterion('PE1-QN1', 'quantitative', "Nombre d'assistants maternels"),
            criterion('PE1-QL1', 'qualitative', 'Qualité du partenariat'),
          ]),
        ],
      },
    ],
    aoTable: [],
    facilities: [],
  });
}

/** 15 August 2026: the workbook is generated in 2026-T3. */
export const GENERATION_DAY = new Date(2026, 7, 15);

const DATE_FORMAT = /(^|[^a-z])(d|dd|m|mm|yy|yyyy)([^a-z]|$)/i;

function gridCellOf(spec: CellSpec | null | undefined): GridCell | null {
  if (!spec) return null;
  const numFmt = spec.style?.numFmt ?? '';
  const isDate = numFmt !== '@' && DATE_FORMAT.test(numFmt);
  const value = spec.value;
  if (value !== null && typeof value === 'object') {
    return { value: value.result, formula: value.formula, ...(isDate ? { isDate } : {}) };
  }
  if (value === null) return null;
  return { value, ...(isDate ? { isDate } : {}) };
}

function gridOf(sheet: SheetSpec): SheetGrid {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    rows: sheet.rows.map((row) => (row ? row.cells.map(gridCellOf) : [])),
  };
}

export async function cleanGrids(plan: Plan = smallPlan(), today: Date = GENERATION_DAY): Promise<WorkbookGrids> {
  const { spec } = await buildNewWorkbook(plan, { today });
  return { sheets: spec.sheets.map(gridOf) };
}

// ---- Mutations, with their own way of finding cells (by header text and key), independent of the reader.

export function sheet(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

export function headerRowIndex(grid: SheetGrid): number {
  const index = grid.rows.findIndex((row) => row.some((cell) => cell?.value === KEY_HEADER));
  if (index < 0) throw new Error(`no header row in ${grid.name}`);
  return index;
}

export function columnIndex(grid: SheetGrid, header: string): number {
  const index = grid.rows[headerRowIndex(grid)].findIndex((cell) => cell?.value === header);
  if (index < 0) throw new Error(`no column ${header} in ${grid.name}`);
  return index;
}

export function rowIndex(grid: SheetGrid, key: string): number {
  const keyColumn = columnIndex(grid, KEY_HEADER);
  const index = grid.rows.findIndex((row) => row[keyColumn]?.value === key);
  if (index < 0) throw new Error(`no row ${key} in ${grid.name}`);
  return index;
}

/** A1 address of the cell of row `key`, column `header`. */
export function addressOf(grid: SheetGrid, key: string, header: string): string {
  return `${letters(columnIndex(grid, header) + 1)}${rowIndex(grid, key) + 1}`;
}

export function setCellAt(grid: SheetGrid, row: number, column: number, cell: GridCell | null): void {
  while (grid.rows.length <= row) grid.rows.push([]);
  const cells = grid.rows[row];
  while (cells.length <= column) cells.push(null);
  cells[column] = cell;
}

/** Sets the value of row `key`, column `header`; returns its address. */
export function setValue(
  grid: SheetGrid,
  key: string,
  header: string,
  value: CellValue,
  extra: Partial<GridCell> = {},
): string {
  const address = addressOf(grid, key, header);
  setCellAt(grid, rowIndex(grid, key), columnIndex(grid, header), value === null ? null : { value, ...extra });
  return address;
}

export function addressAt(row: number, column: number): string {
  return `${letters(column + 1)}${row + 1}`;
}
