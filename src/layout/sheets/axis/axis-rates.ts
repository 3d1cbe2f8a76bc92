import type { Quarter } from '../../../domain/periods';
import type { Axis } from '../../../domain/plan';
import {
  achievementRate,
  criterionRowRates,
  ficheRowRates,
  type RateAxis,
  type RateWindow,
} from '../../../domain/rates';
import { cellAddress, rangeAddress } from '../../a1';
import { colors } from '../../styles';
import { axisGeometry, axisRefs } from '../../formulas/axis-geometry';
import { rowAbsoluteAddress } from '../../formulas/references';
import {
  criterionAchievementFormula,
  criterionFillFormula,
  ficheAchievementFormula,
  ficheFillFormula,
  missingInCurrentQuarterExpression,
} from '../../formulas/axis-row-formulas';
import type { CellSpec, SheetSpec } from '../../workbook-spec';

/**
 * The live rates of an axis sheet (issue "Completion"): `Renseignement cumulé` and `Réalisation` on fiche and
 * criterion rows as formulas, each with the result src/domain/rates computes from the same values (cached, for
 * viewers that do not recalculate), and the mark on the expected, empty cells of Q. Applied to a sheet built by
 * buildAxisSheet, whose rows are the plan's fiches each followed by its criteria.
 */

/** A rate as a cached result: a fraction, or the empty text the formula gives when it is undefined. */
export function cachedRate(rate: number | null): number | string {
  return rate === null ? '' : rate;
}

function withFormula(sheet: SheetSpec, row: number, column: number, formula: string, result: number | string): void {
  const cells = sheet.rows[row - 1].cells;
  const previous: CellSpec | null = cells[column - 1] ?? null;
  cells[column - 1] = { value: { formula, result }, ...(previous?.style ? { style: previous.style } : {}) };
}

/**
 * Sets the rate cells and the mark of `sheet` (built by buildAxisSheet for `axis`), and returns it; the cached
 * results are the rates of `rates`, the axis's inputs in the workbook's figures (workbook-figures.ts).
 */
export function addAxisRates(
  sheet: SheetSpec,
  axis: Axis,
  quarters: readonly Quarter[],
  window: RateWindow,
  rates: RateAxis,
): SheetSpec {
  const geometry = axisGeometry(quarters);
  const refs = axisRefs(geometry, null, true);
  const fillColumn = geometry.column('fillCumulative');
  const achievementColumn = geometry.column('achievement');
  let row = geometry.firstDataRow;
  axis.fiches.forEach((fiche, ficheIndex) => {
    const ficheRow = row;
    const ficheInputs = rates.fiches[ficheIndex];
    const top = ficheRow + 1;
    const bottom = ficheRow + fiche.criteria.length;
    if (fiche.criteria.length > 0) {
      const ficheRates = ficheRowRates(ficheInputs, window);
      withFormula(
        sheet,
        ficheRow,
        fillColumn,
        ficheFillFormula(refs, ficheRow, top, bottom),
        cachedRate(ficheRates.fillCumulative),
      );
      withFormula(
        sheet,
        ficheRow,
        achievementColumn,
        ficheAchievementFormula(refs, top, bottom),
        cachedRate(ficheRates.achievement),
      );
    }
    fiche.criteria.forEach((criterion, index) => {
      const criterionRow = top + index;
      const inputs = ficheInputs.criteria[index];
      const { fillCumulative } = criterionRowRates(inputs, window);
      withFormula(
        sheet,
        criterionRow,
        fillColumn,
        criterionFillFormula(refs, criterionRow, criterion.kind, ficheRow),
        cachedRate(fillCumulative),
      );
      // A qualitative criterion has no achievement: its cell stays empty (the fiche's mean skips it).
      if (criterion.kind === 'quantitative') {
        withFormula(
          sheet,
          criterionRow,
          achievementColumn,
          criterionAchievementFormula(refs, criterionRow, ficheRow),
          cachedRate(achievementRate(inputs, window)),
        );
      }
    });
    row = bottom + 1;
  });
  const lastRow = row - 1;
  if (lastRow < geometry.firstDataRow) return sheet;
  const { firstQuarterColumn, lastQuarterColumn, headerRow, firstDataRow } = geometry;
  const headerRef = rowAbsoluteAddress(headerRow, firstQuarterColumn);
  sheet.conditionalFormats.push({
    kind: 'expression',
    range: rangeAddress(firstDataRow, firstQuarterColumn, lastRow, lastQuarterColumn),
    formula: missingInCurrentQuarterExpression(
      refs,
      cellAddress(firstDataRow, firstQuarterColumn),
      headerRef,
      firstDataRow,
      { first: firstDataRow, last: lastRow },
    ),
    style: { fill: colors.missingFill },
  });
  return sheet;
}
