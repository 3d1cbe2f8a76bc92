import { quartersOfPeriod } from '../../src/domain/periods';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { columnWidthInPoints } from '../../src/layout/column-width';
import { axisSheetName, axisTexts } from '../../src/layout/texts';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { pageText, pdfWords, type PdfPage } from '../helpers/pdf-words';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateBytes } from './helpers/generate-bytes';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { writeXlsx } from '../../src/xlsx/writer';
import { consolidation, writtenAt } from '../consolidation-workbook/fixture';

/**
 * The generated workbook printed to PDF by LibreOffice headless: an axis sheet comes out on several pages across,
 * each starting with Clé, Type and Intitulé under the repeated title and header rows, at a readable scale
 * (one page wide printed it at about 20 %). Page counts depend on the installed fonts: not asserted.
 */
const plan = samplePlan();
const columns = axisColumns(quartersOfPeriod(plan.period));
const widthPoints = (count: number) =>
  columns.slice(0, count).reduce((sum, column) => sum + columnWidthInPoints(column.width), 0);

const firstWord = (page: PdfPage, text: string) => page.words.find((word) => word.text === text);

/** The printed scale, from how far apart two header words stand against the widths of the columns between. */
function scaleBetween(page: PdfPage, left: string, right: string, columnsBetween: number): number {
  const a = firstWord(page, left);
  const b = firstWord(page, right);
  if (!a || !b) throw new Error(`${left} or ${right} missing on the page: ${pageText(page)}`);
  return (b.xMin - a.xMin) / widthPoints(columnsBetween);
}

describe('an axis sheet printed to PDF by LibreOffice', () => {
  itWhenAvailable({ soffice: hasBinary('soffice'), pdftotext: hasBinary('pdftotext') })(
    'spans several pages across, repeats Clé, Type, Intitulé on every page, and prints at about 60 %',
    async () => {
      const { bytes } = await generateBytes(plan, new Date('2026-11-28T10:00:00Z'));
      const { suivi } = convertThroughLibreOffice({ suivi: bytes }, 'pdf', {
        scratch: 'xlsx-print-pdf',
        recalculate: false,
      });
      const pages = pdfWords(suivi, 'xlsx-print-pdf');
      // Axe 1's pages: the title row and the hint (rows 1–2) are repeated on each of them. Their text stands in
      // column A, so a page without the repeated columns would not be found here either.
      const axisPages = pages.filter((page) => {
        const text = pageText(page);
        // The page's words are joined by spaces: the hint's non-breaking spaces (« Fiche ») read as spaces.
        const hint = axisTexts.hint.replace(/\u00a0/g, ' ');
        return text.includes(`${axisSheetName(1)} \u2013`) && text.replace(/\u00a0/g, ' ').includes(hint);
      });
      expect(axisPages.length).toBeGreaterThan(1);
      for (const page of axisPages) {
        expect(page.width).toBeGreaterThan(page.height); // landscape
        for (const header of ['Clé', 'Type', 'Intitulé']) expect(firstWord(page, header)).toBeDefined();
      }

      // More than one page across: the first columns after Intitulé and the last column are on different pages.
      const firstStrip = axisPages.filter((page) => firstWord(page, 'Intérêt'));
      const lastStrip = axisPages.filter((page) => firstWord(page, 'Commentaire'));
      expect(firstStrip.length).toBeGreaterThan(0);
      expect(lastStrip.length).toBeGreaterThan(0);
      for (const page of lastStrip) expect(firstStrip).not.toContain(page);
      // The last page across starts with the repeated Clé, left of its own headers.
      const last = lastStrip[0];
      expect(firstWord(last, 'Clé')!.xMax).toBeLessThan(firstWord(last, 'Commentaire')!.xMin);

      // Clé → Intérêt spans columns A:C; Clé → Intitulé spans A:B (on the repeated columns).
      const scales = [
        scaleBetween(firstStrip[0], 'Clé', 'Intérêt', 3),
        ...lastStrip.map((page) => scaleBetween(page, 'Clé', 'Intitulé', 2)),
      ];
      for (const scale of scales) {
        expect(scale).toBeGreaterThan(0.55);
        expect(scale).toBeLessThanOrEqual(1);
      }
    },
    180_000,
  );
});

describe('the consolidation’s publics side by side printed to PDF by LibreOffice', () => {
  itWhenAvailable({ soffice: hasBinary('soffice'), pdftotext: hasBinary('pdftotext') })(
    'prints every name with its two figures on one page, over several pages across',
    async () => {
      // 43 names: fit to width cut one name's figures over two pages (seen with the breaks taken out).
      const publics = Array.from({ length: 43 }, (_, index) => ({
        ...consolidation.publics[0],
        name: `Public${index + 1}`,
      }));
      const spec = buildConsolidationWorkbook({ ...consolidation, publics }, { writtenAt });
      const sheet = spec.sheets.filter((candidate) => candidate.name === 'Publics par territoire');
      const { wide } = convertThroughLibreOffice({ wide: await writeXlsx({ ...spec, sheets: sheet }) }, 'pdf', {
        scratch: 'consolidation-print-pdf',
        recalculate: false,
      });
      const pages = pdfWords(wide, 'consolidation-print-pdf');
      expect(pages.length).toBeGreaterThan(1);
      const seen: string[] = [];
      for (const page of pages) {
        const names = page.words.filter((word) => /^Public\d+$/.test(word.text));
        // Header words under the names' row (the title, over column A, is printed again on every page).
        const namesRow = Math.min(...names.map((word) => word.yMin));
        const figures = (text: string) =>
          page.words.filter((word) => word.text === text && word.yMin > namesRow).length;
        // Each name on the page has both its headers there: « Renseignement (cumulé) » and « Réalisation ».
        expect({
          names: names.length,
          cumulative: figures('Renseignement'),
          achievement: figures('Réalisation'),
        }).toEqual({
          names: names.length,
          cumulative: names.length,
          achievement: names.length,
        });
        seen.push(...names.map((word) => word.text));
      }
      expect(seen).toEqual(publics.map((one) => one.name));
    },
    120_000,
  );
});
