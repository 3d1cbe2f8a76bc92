import type { Bilan } from '../../domain/bilan/bilan';
import { createIssue, type Issue } from '../../domain/issues';
import { personalDataKindsIn } from '../../domain/personal-data';
import { cellAddress } from '../../layout/a1';
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
  /**
   * Personal data in its texts, one warning per cell of the bilan: a bilan goes to the COPIL (the CDSF's to the CDSF),
   * out of the master, as an extract goes to a partner, and is warned of the same way.
   */
  warnings: Issue[];
}

function personalDataOf(spec: WorkbookSpec): Issue[] {
  const issues: Issue[] = [];
  for (const sheet of spec.sheets) {
    sheet.rows.forEach((row, rowIndex) =>
      row.cells.forEach((cell, columnIndex) => {
        const kinds = typeof cell?.value === 'string' ? personalDataKindsIn(cell.value) : [];
        const at = { sheet: sheet.name, cell: cellAddress(rowIndex + 1, columnIndex + 1) };
        if (kinds.length > 0) issues.push(createIssue('bilan-personal-data', at, { kinds }));
      }),
    );
  }
  return issues;
}

export function bilanDocument(bilan: Bilan, now: Date): BilanDocument {
  const spec = buildBilanWorkbook(bilan, { writtenAt: now.toISOString() });
  return {
    spec,
    fileName: bilanFileName(bilan.territory, bilan.period, bilan.cdsf),
    title: bilanTitle(bilan.period, bilan.territory, bilan.cdsf),
    warnings: personalDataOf(spec),
  };
}
