import { measureTerritory } from '../../src/app/consolidate';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { bilanDay, closedWorkbook } from '../bilan/helpers/closed-workbook';

/**
 * Historique deleted from a workbook whose Journal records closings: an error that refuses its rewrites and bilans
 * (src/app/history-expected.ts), but no figure of a consolidation reads Historique, so a territory read whole (its
 * Journal read too) is measured all the same, as one whose Journal is missing is.
 */

it('measures a territory whose Historique is missing, read whole, its error said by validation', async () => {
  const closed = await closedWorkbook();
  const grids: WorkbookGrids = { sheets: closed.sheets.filter((sheet) => sheet.name !== 'Historique') };
  const report = await validateGrids(grids, { today: bilanDay });
  expect(report.issues.filter((issue) => issue.severity === 'error')).toMatchObject([
    { code: 'missing-sheet', sheet: 'Historique', params: { closedQuarter: '2026-T4' } },
  ]);
  const outcome = await measureTerritory('classeur.xlsx', grids, { today: bilanDay });
  expect(outcome.ok).toBe(true);
}, 60_000);
