import type { ReadingsOf } from '../sheet-registry';
import type { TrackingSheetRegistry } from '../tracking-build';
import { annexe4Module } from './annexe4/module';
import { aoModule } from './ao/module';
import { archivesModule } from './archives/module';
import { axisModule } from './axis/module';
import { contributionsModule } from './contributions/module';
import { copiedSheetsModule } from './copied/module';
import { ctgMetaModule } from './ctg-meta/module';
import { guideModule } from './guide/module';
import { historyModule } from './history/module';
import { journalModule } from './journal/module';
import { settingsModule } from './settings/module';

/**
 * THE sheets of a tracking workbook, in workbook order (docs/WORKBOOK.md, « Sheets »): building it, reading it,
 * validation's required sheets and the kept cells all loop over this list. A new sheet is its folder here and one
 * line below. A tuple, so that each module's reading keeps its type (`TrackingReadings`).
 */
export const trackingSheets = [
  guideModule,
  settingsModule,
  axisModule,
  annexe4Module,
  aoModule,
  journalModule,
  historyModule,
  archivesModule,
  contributionsModule,
  copiedSheetsModule,
  ctgMetaModule,
] as const satisfies TrackingSheetRegistry;

/** What reading a tracking workbook gives, by module id: `readings.settings`, `readings.axis`… */
export type TrackingReadings = ReadingsOf<typeof trackingSheets>;
