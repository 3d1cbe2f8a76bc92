import type { WorkbookGrids } from '../../../src/domain/grid';
import { cellAddress } from '../../../src/layout/a1';
import type { FakeExcel } from '../../fake-excel';

/**
 * Puts a workbook read from a file (its grids) into a fake Excel, as if that file were opened: every sheet in
 * order with its visibility, text cells formatted `@` so that they stay text, date cells in a date format, and
 * formulas as formulas (the fake computes them). The fake's own first sheet goes.
 */
export function seedFromGrids(fake: FakeExcel, grids: WorkbookGrids): void {
  const starting = fake.inspect.sheetNames();
  for (const grid of grids.sheets) {
    fake.seed.sheet(grid.name);
    grid.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        const address = cellAddress(r + 1, c + 1);
        // A formula as Excel holds it, computed by the fake: a rate cell holding its value alone would be a value
        // typed over the tools' formula.
        if (cell.formula) {
          fake.seed.sheet(grid.name, [[`=${cell.formula}`]], address);
          return;
        }
        if (cell.value === null || cell.value === '') return;
        if (typeof cell.value === 'string') fake.seed.numberFormat(grid.name, address, '@');
        if (cell.isDate) fake.seed.numberFormat(grid.name, address, 'dd/mm/yyyy');
        fake.seed.sheet(grid.name, [[cell.value]], address);
      }),
    );
    if (grid.visibility !== 'visible')
      fake.seed.visibility(grid.name, grid.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
  }
  for (const name of starting) if (!grids.sheets.some((grid) => grid.name === name)) fake.seed.removeSheet(name);
}
