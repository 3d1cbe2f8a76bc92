import { addAxisRates } from './axis-rates';
import { AXIS_HEADER_ROW, buildAxisSheet } from './axis-sheet';
import { axisNumberOfSheetName, axisTableOfGrid } from './read-axis-sheet';
import { readAxisSheets } from './read-axis-sheets';
import { axisSheetName, axisTexts } from '../../texts';
import { trackingModule } from '../../tracking-build';

/** `Axe N`, one per axis of the plan, with its live rates; a table of rows by key. */
export const axisModule = trackingModule({
  id: 'axis',
  owns: (name) => axisNumberOfSheetName(name) !== null,
  build: ({ plan, contents, quarters, figures }) =>
    plan.axes.map((axis, index) =>
      addAxisRates(
        buildAxisSheet(axis, quarters, contents.entered),
        axis,
        quarters,
        figures.window,
        figures.axes[index],
      ),
    ),
  carried: 'always',
  expected: { rank: 3, names: ({ axesOfKeys }) => axesOfKeys.map(axisSheetName) },
  kept: {
    kind: 'table',
    rows: 'keyed',
    specTable: (sheet) => ({
      headerRow: AXIS_HEADER_ROW,
      width: sheet.columns.length,
      identityColumns: [1],
      emptyRowBelow: true,
      formerTexts: axisTexts.formerHints.map((text) => ({ column: 1, text })),
    }),
    gridTable: (grid, { quarters }) => {
      const found = axisTableOfGrid(grid, quarters);
      // Without its header row the sheet is refused by validation: nothing to keep apart.
      return (
        found && {
          headerRow: found.headerRow,
          ours: found.ours,
          identityColumns: [found.keyColumn],
          lastRow: found.lastRow,
        }
      );
    },
  },
  read: (grids, { header }) => readAxisSheets(grids, header()),
});
