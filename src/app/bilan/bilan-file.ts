import type { Bilan } from '../../domain/bilan/bilan';
import { bilanTitle } from '../../layout/bilan/bilan-texts';
import { buildBilanWorkbook } from '../../layout/bilan/bilan-workbook';
import type { WorkbookSpec } from '../../layout/workbook-spec';
import { bilanFileName } from '../file-names';

/**
 * What the command line and the pane write of a bilan: its workbook (edited `now`), its default file name and its
 * title, so that both front ends name and title it alike.
 */
export interface BilanDocument {
  spec: WorkbookSpec;
  fileName: string;
  title: string;
}

export function bilanDocument(bilan: Bilan, now: Date): BilanDocument {
  return {
    spec: buildBilanWorkbook(bilan, { writtenAt: now.toISOString() }),
    fileName: bilanFileName(bilan.territory, bilan.period, bilan.cdsf),
    title: bilanTitle(bilan.period, bilan.territory, bilan.cdsf),
  };
}
