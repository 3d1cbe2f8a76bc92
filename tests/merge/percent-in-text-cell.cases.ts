import type { WorkbookGrids } from '../../src/domain/grid';
import { locate, sheet, valueAt } from '../rewrite/helpers';
import { ccmpReturnSuite } from './helpers/ccmp-return';

/**
 * « 85 % » typed in a text cell of an extract (« Mise en œuvre ») is stored by Excel as 0.85 shown as a percentage. A
 * text cell of the master has no percentage format to show it so: taken as the number, it would read « 0,85 », not
 * what the partner wrote. It is taken as the text the partner saw.
 */

const suite = ccmpReturnSuite('percent-text');

/** The extract with `cell` put at `key`'s `header` in `Axe 1`. */
function returnedWith(key: string, header: string, cell: { value: number; isPercent?: boolean }): WorkbookGrids {
  const grids: WorkbookGrids = {
    sheets: suite.extract().sheets.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) })),
  };
  const axis = sheet(grids, 'Axe 1');
  const at = locate(axis, key, header)!;
  axis.rows[at.row][at.column] = cell;
  return grids;
}

async function merged(grids: WorkbookGrids) {
  const { report, written } = await suite.merge(grids, { dryRun: false });
  return { report, after: written() };
}

describe('a percentage typed in a text cell of a returned extract', () => {
  it('is taken as the text the partner saw, « 85 % », not as the number 0,85', async () => {
    const { report, after } = await merged(returnedWith('G1', 'Mise en œuvre', { value: 0.85, isPercent: true }));
    expect(report.applied.map((change) => [change.key, change.column, change.new])).toEqual([
      ['G1', 'Mise en œuvre', { type: 'text', value: '85\u00a0%' }],
    ]);
    expect(valueAt(after, 'G1', 'Mise en œuvre')?.value).toBe('85\u00a0%');
  });

  it('keeps a number typed there without a percentage as the number', async () => {
    const { after } = await merged(returnedWith('G1', 'Difficultés', { value: 12 }));
    expect(valueAt(after, 'G1', 'Difficultés')?.value).toBe(12);
  });
});
