import { renderMessage } from '../../src/domain/messages';
import { embeddedPlan } from '../../src/app/plan-source';
import { readTrackingWorkbook } from '../../src/app/read-tracking-workbook';
import { sheetListOnly, statusSheets } from '../../src/app/sheet-selections';
import { isTrackingWorkbook } from '../../src/app/workbook-state';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { createXlsxReaderPort, XlsxUnreadableError } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { workbookStatusOf } from '../../src/taskpane/status/workbook-status';

/**
 * What a use case reads of a workbook read in part: the status from `_ctg` and Paramètres alone is the one of the
 * whole workbook; a reader that needs a sheet the read skipped stops with an error naming it, never reading it as
 * an empty sheet (which would report every row of that axis as gone).
 */

describe('readers over a read of some sheets', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    const { spec } = await buildNewWorkbook(embeddedPlan().plan, { today: new Date('2026-05-10T10:00:00Z') });
    bytes = await writeXlsx(spec);
  }, 60_000);

  it('the status from _ctg and Paramètres is the status of the whole workbook', async () => {
    const port = createXlsxReaderPort(bytes);
    const status = await workbookStatusOf(await port.read({ sheets: statusSheets }));
    expect(status).toEqual(await workbookStatusOf(await port.read()));
    expect(status).toMatchObject({ kind: 'tracking', currentQuarter: '2026-T2' });
    expect(status.kind === 'tracking' && status.sheets).toContain('Axe 13');
  });

  it('the sheet list alone tells a tracking workbook', async () => {
    expect(isTrackingWorkbook(await createXlsxReaderPort(bytes).read({ sheets: sheetListOnly }))).toBe(true);
  });

  it('reading the axis sheets from a read that skipped them throws, naming the first', async () => {
    const grids = await createXlsxReaderPort(bytes).read({ sheets: statusSheets });
    await expect(readTrackingWorkbook(grids)).rejects.toThrow('"Axe 1" is needed but the read skipped it');
  });

  it('a file that cannot be read rejects with the reader’s error, in French', async () => {
    const read = createXlsxReaderPort(bytes.slice(0, 200)).read({ sheets: statusSheets });
    await expect(read).rejects.toBeInstanceOf(XlsxUnreadableError);
    const error = (await read.catch((caught: unknown) => caught)) as XlsxUnreadableError;
    expect(error.error.code).toBe('truncated');
    expect(error.message).toBe(renderMessage('truncated', error.error.params));
  });
});
