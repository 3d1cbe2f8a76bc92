import type { ReadingsOf } from '../sheet-registry';
import type { TrackingSheetRegistry } from '../tracking-build';
import { ctgMetaModule } from './ctg-meta/module';
import { extractAxisModule, extractGuideModule, extractSettingsModule } from './extract/extract-modules';

/**
 * The sheets of a partner's extract, in workbook order (docs/WORKBOOK.md, « Extracts »): its Guide, Paramètres, the
 * axis sheets of its rows and `_ctg`. The master's modules with the extract's Guide and locks, under the same ids.
 */
export const extractSheets = [
  extractGuideModule,
  extractSettingsModule,
  extractAxisModule,
  ctgMetaModule,
] as const satisfies TrackingSheetRegistry;

export type ExtractReadings = ReadingsOf<typeof extractSheets>;
