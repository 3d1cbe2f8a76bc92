import { detectCapabilities } from '../../src/excel';
import { writeWorkbookSpec } from '../../src/excel/write-workbook';
import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { createFakeExcel } from '../fake-excel';
import { sampleBilan, WRITTEN_AT } from './helpers/sample-bilan';

/**
 * The bilan's print setup through Office.js (the path a sheet spec written into an open workbook takes): the
 * layout's explicit scale, and the header and footer in `pageLayout.headersFooters` (ExcelApi 1.9, as pageLayout).
 */

it('writes the explicit scale and the header and footer on every page', async () => {
  const spec = buildBilanWorkbook(sampleBilan(), { writtenAt: WRITTEN_AT });
  const fake = createFakeExcel();
  // What the fake host (ExcelApi 1.12) says it can do, as the pane asks Office.
  const capabilities = detectCapabilities(fake.officeJs.Office);
  expect(capabilities).toMatchObject({ minimum: true, pageLayout: true });
  const outcome = await writeWorkbookSpec(fake.officeJs.Excel, spec, { capabilities });
  expect(outcome.notes).toEqual([]);
  for (const sheet of spec.sheets)
    expect(fake.inspect.pageLayout(sheet.name)).toMatchObject({
      zoom: { scale: sheet.print!.scale },
      headersFooters: {
        defaultForAllPages: {
          centerHeader: 'Bilan final \u2013 Communauté de communes des Monts du Pilat',
          centerFooter: 'Page &P sur &N',
        },
      },
    });
});
