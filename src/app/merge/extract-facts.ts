import { gridText, readSheet, type WorkbookGrids } from '../../domain/grid';
import { parseQuarterLabel } from '../../domain/periods';
import { ctgMetaRows, META_VALUE_COLUMN } from '../../layout/sheets/ctg-meta/ctg-meta-layout';
import { sheetNames } from '../../layout/texts';
import type { ExtractFacts } from './merge-source';

/** What a returned file's `_ctg` says of the extract it was; null when it is no extract. (Placeholder.) */
export function extractFactsOf(grids: WorkbookGrids): ExtractFacts | null {
  const meta = readSheet(grids, sheetNames.meta);
  if (!meta) return null;
  const partner = gridText(meta, ctgMetaRows.extractPartner, META_VALUE_COLUMN).trim();
  if (partner === '') return null;
  return {
    partner,
    territory: gridText(meta, ctgMetaRows.territory, META_VALUE_COLUMN).trim(),
    masterFingerprint: gridText(meta, ctgMetaRows.masterFingerprint, META_VALUE_COLUMN).trim(),
    upTo: parseQuarterLabel(gridText(meta, 11, META_VALUE_COLUMN).trim()),
    sent: new Map(),
  };
}
