import type { AnyWorkbookGrids } from '../domain/grid';
import { quarterLabel } from '../domain/periods';
import { readExtractMeta } from '../layout/sheets/ctg-meta/extract-meta';

/**
 * What a partner's extract's `_ctg` says of it, for whoever checks the file (`ctg-suivi validate`, the pane's
 * « Vérifier un fichier… »): its recipient, the master's territory, when it was made, up to which quarter; all but the
 * recipient null when `_ctg` no longer holds them.
 */
export interface CheckedExtract {
  recipient: string;
  territory: string | null;
  /** The ISO instant it was made (`_ctg` B7). */
  madeAt: string | null;
  quarter: string | null;
}

/** The facts of the extract these grids are; null for a workbook that is no extract (a master). */
export function checkedExtractOf(grids: AnyWorkbookGrids): CheckedExtract | null {
  const meta = readExtractMeta(grids);
  if (!meta) return null;
  const given = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    recipient: meta.partner.trim(),
    territory: given(meta.territory),
    // An instant as the tools write it (`AAAA-MM-JJ…`); anything else typed there is not a date to say.
    madeAt: /^\d{4}-\d{2}-\d{2}/.test(meta.madeAt) ? meta.madeAt : null,
    quarter: meta.upTo ? quarterLabel(meta.upTo) : null,
  };
}
