import { quarterLabel, type Quarter } from '../../../domain/periods';
import { isRecipientInput } from '../../../domain/recipients';
import { axisColumns, type AxisColumn } from '../axis/axis-columns';
import { AXIS_FIRST_DATA_ROW } from '../axis/axis-sheet';
import { axisModule } from '../axis/module';
import { buildGuideSheet } from '../guide/guide-sheet';
import { guideModule } from '../guide/module';
import { SETTINGS_VALUE_COLUMN, settingsRows } from '../settings/settings-layout';
import { settingsModule } from '../settings/module';
import { colors } from '../../styles';
import { extractGuideSections } from '../../texts';
import { trackingModule, type TrackingBuild } from '../../tracking-build';
import type { CellSpec, SheetSpec } from '../../workbook-spec';

/**
 * The sheets of a partner's extract that differ from the master's (docs/WORKBOOK.md, « Extracts »): built by the
 * master's modules, then with the extract's own Guide and locks. The modules keep their ids, so an extract reads
 * back with the master's readers.
 */

/** The last quarter an extract opens: `_ctg`'s, else its current quarter. */
function upToOf({ contents }: TrackingBuild): Quarter {
  return contents.extract?.upTo ?? contents.currentQuarter;
}

function locked(spec: CellSpec | null | undefined, fill: boolean): CellSpec | null {
  if (!spec) return null;
  const style = { ...spec.style, locked: true };
  // A grey cell (unused by its row type) keeps its grey.
  if (fill && spec.style?.locked === false) style.fill = colors.extractLockedFill;
  return { ...spec, style };
}

/** Whether an input column stays closed to the recipient: what is not theirs to report, the quarters after `upTo`. */
function closedColumn(column: AxisColumn, upTo: Quarter): boolean {
  if (!column.input) return false;
  return !isRecipientInput(column.id === 'quarter' && column.quarter ? quarterLabel(column.quarter) : column.id, upTo);
}

/** An axis sheet with the inputs its recipient does not fill locked (and shaded, so that white means « to fill »). */
function lockedAxisSheet(sheet: SheetSpec, quarters: readonly Quarter[], upTo: Quarter): SheetSpec {
  const closed = axisColumns(quarters).flatMap((column, index) => (closedColumn(column, upTo) ? [index] : []));
  const rows = sheet.rows.map((row, index) => {
    if (index + 1 < AXIS_FIRST_DATA_ROW) return row;
    const cells = [...row.cells];
    for (const column of closed) if (cells[column]) cells[column] = locked(cells[column], true);
    return { ...row, cells };
  });
  return { ...sheet, rows };
}

/** Paramètres with every cell locked: the extract's quarter and the EPCI's SIREN are the master's. */
function lockedSettingsSheet(sheet: SheetSpec): SheetSpec {
  const inputRows = [settingsRows.epciSiren, settingsRows.currentQuarter];
  const rows = sheet.rows.map((row, index) => {
    if (!inputRows.includes(index + 1)) return row;
    const cells = [...row.cells];
    cells[SETTINGS_VALUE_COLUMN - 1] = locked(cells[SETTINGS_VALUE_COLUMN - 1], false);
    return { ...row, cells };
  });
  return { ...sheet, rows };
}

export const extractGuideModule = trackingModule({
  ...guideModule,
  build: (context) => [
    buildGuideSheet(extractGuideSections(context.contents.extract?.partner ?? '', quarterLabel(upToOf(context)))),
  ],
});

export const extractSettingsModule = trackingModule({
  ...settingsModule,
  build: (context) => settingsModule.build(context).map(lockedSettingsSheet),
});

export const extractAxisModule = trackingModule({
  ...axisModule,
  build: (context) =>
    axisModule.build(context).map((sheet) => lockedAxisSheet(sheet, context.quarters, upToOf(context))),
});
