import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { RATE_FORMAT } from '../../src/layout/styles';
import { samplePlan } from '../layout/helpers/sample-plan';
import { changesOf, filledWorkbook, recordingPort } from './helpers';

/**
 * A workbook written before rates showed one decimal has `0%` on its rate cells. A compute patches the file (its
 * shape kept) and brings those cells to the current rate format, and no other cell's format changes.
 */

const today = new Date('2026-05-10T09:00:00Z');
const now = new Date('2026-05-12T09:00:00Z');

/** Every cell's number format, by `sheet!A1` (cells with no format of their own left out). */
async function numberFormats(bytes: Uint8Array): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const formats = new Map<string, string>();
  workbook.eachSheet((worksheet) =>
    worksheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.numFmt) formats.set(`${worksheet.name}!${cell.address}`, cell.numFmt);
      }),
    ),
  );
  return formats;
}

/** The file as the former layout wrote it: every cell of the rate format has Excel's built-in `0%` (id 9). */
function withFormerRateFormat(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']);
  const escaped = RATE_FORMAT.replace(/"/g, '&quot;');
  const id = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${escaped.replace(/[[\].]/g, '\\$&')}"/>`).exec(
    styles,
  )?.[1];
  if (!id) throw new Error('no rate format in the styles');
  files['xl/styles.xml'] = strToU8(styles.replace(new RegExp(`numFmtId="${id}"(?! formatCode)`, 'g'), 'numFmtId="9"'));
  return zipSync(files);
}

describe('rate cells of a workbook written with the former 0% format', () => {
  it('get the current rate format from a compute that patches the file, and no other cell changes format', async () => {
    const current = await filledWorkbook(samplePlan(), [{ key: 'G1-QN2', header: '2026-T2', value: 12 }], today);
    const currentFormats = await numberFormats(current);
    const rateCells = [...currentFormats].filter(([, format]) => format === RATE_FORMAT).map(([at]) => at);
    expect(rateCells.some((at) => at.startsWith('Axe 1!'))).toBe(true);
    expect(rateCells.some((at) => at.startsWith('Annexe 4'))).toBe(true);

    const former = withFormerRateFormat(current);
    const formerFormats = await numberFormats(former);
    expect(rateCells.map((at) => formerFormats.get(at))).toEqual(rateCells.map(() => '0%'));

    const { port, contexts, last } = recordingPort(former);
    expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
    changesOf(contexts[0]);
    const after = await numberFormats(last());
    expect(rateCells.filter((at) => after.get(at) !== RATE_FORMAT)).toEqual([]);
    const others = [...formerFormats].filter(([at]) => !rateCells.includes(at));
    expect(others.filter(([at, format]) => after.get(at) !== format)).toEqual([]);
  }, 60_000);
});
