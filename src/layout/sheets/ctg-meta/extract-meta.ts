import { gridText, readSheet, type AnyWorkbookGrids } from '../../../domain/grid';
import { parseQuarterLabel, type Quarter } from '../../../domain/periods';
import { sheetNames } from '../../texts';
import { ctgMetaRows, META_VALUE_COLUMN } from './ctg-meta-layout';
import { readSentValues, type SentValue } from './sent-values';

/** What `_ctg` says of an extract (docs/WORKBOOK.md, « Extracts »). */
export interface ExtractMeta {
  /** The recipient it was made for (B9), as stored. */
  partner: string;
  /** The master's plan fingerprint (B10). */
  masterFingerprint: string;
  /** The last quarter it opened (B11); null when missing or not a quarter. */
  upTo: Quarter | null;
  /** The values it was sent with (`Valeurs envoyées`). */
  sent: SentValue[];
  /** The master's territory (B4), as stored; empty when missing. */
  territory: string;
  /** When it was made (B7, the ISO instant an extract is generated at), as stored; empty when missing. */
  madeAt: string;
}

/**
 * The extract's facts from its `_ctg`; null when the workbook has no `_ctg` or its `_ctg` says nothing of an
 * extract (a master). Read from the cells alone, whatever the format version, so that a returned file is
 * recognised even when other sheets are damaged.
 */
export function readExtractMeta(grids: AnyWorkbookGrids): ExtractMeta | null {
  const grid = readSheet(grids, sheetNames.meta);
  if (!grid) return null;
  const text = (row: number) => gridText(grid, row, META_VALUE_COLUMN);
  const partner = text(ctgMetaRows.extractPartner);
  const masterFingerprint = text(ctgMetaRows.masterFingerprint);
  const upToText = text(ctgMetaRows.extractUpTo);
  if (partner === '' && masterFingerprint === '' && upToText === '') return null;
  return {
    partner,
    masterFingerprint,
    upTo: parseQuarterLabel(upToText),
    sent: readSentValues(grid),
    territory: text(ctgMetaRows.territory),
    madeAt: text(ctgMetaRows.generatedAt),
  };
}
