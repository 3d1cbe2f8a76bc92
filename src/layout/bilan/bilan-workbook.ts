import type { Bilan } from '../../domain/bilan/bilan';
import { buildAoTableSheet } from '../consolidation/consolidation-ao-sheet';
import type { WorkbookSpec } from '../workbook-spec';
import { bilanPrint } from './bilan-print';
import { bilanSheetNames, bilanTexts, bilanTitle } from './bilan-texts';
import { buildFichesSheet } from './fiches-sheet';
import { buildSynthesisSheet } from './synthesis-sheet';

/**
 * The bilan workbook (docs/WORKBOOK.md, « The bilan workbook »): `Synthèse`, `Fiches`, `Compétences AO`, values and
 * formulas over its own cells only, laid out to print on A4. `writtenAt` (an ISO instant) is the edition date the
 * first page shows.
 */
export function buildBilanWorkbook(bilan: Bilan, context: { writtenAt: string }): WorkbookSpec {
  const title = bilanTitle(bilan.period, bilan.territory, bilan.cdsf);
  const ao = buildAoTableSheet({
    name: bilanSheetNames.ao,
    title: bilanTexts.ao.title(bilan.territory),
    hint: bilanTexts.ao.hint(bilan.period.measuredTo),
    rows: bilan.ao.map((row) => ({ ao: row })),
  });
  if (ao.print) ao.print = bilanPrint(ao, ao.print, title);
  return {
    sheets: [buildSynthesisSheet(bilan, context.writtenAt), buildFichesSheet(bilan), ao],
    definedNames: [],
    properties: { title, creator: bilanTexts.creator },
  };
}
