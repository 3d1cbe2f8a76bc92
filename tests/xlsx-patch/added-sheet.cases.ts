import { strFromU8, unzipSync } from 'fflate';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { emptySheet, setCell } from '../../src/layout/sheet-building';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';
import { changesOf, gridsOf, recordingPort } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

/** The XML of the worksheet part holding `sheetName` (found through the workbook and its relationships). */
function sheetXml(bytes: Uint8Array, sheetName: string): string {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']);
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for ${sheetName}`);
  return strFromU8(files[`xl/${target.replace(/^\/?xl\//, '')}`]);
}

describe('a sheet a person added, through a rewrite that keeps the shape', () => {
  it('is left as it was, its look included, and no warning says it was copied without its look', async () => {
    const spec = (await buildNewWorkbook(samplePlan(), { today })).spec;
    const own = emptySheet('Mes notes');
    own.columns = [{ width: 41 }];
    setCell(own, 1, 1, { value: 'Réunion du 12 mai', style: { bold: true, fill: 'FFEE99' } });
    // Where a generated workbook's tools put a person's sheet on a rebuild: just before the hidden `_ctg`.
    spec.sheets.splice(spec.sheets.length - 1, 0, own);
    const start = await writeXlsx(spec);

    const recorded = recordingPort(start);
    const outcome = await computeAndWrite(recorded.port, { now: later });
    expect(outcome.status).toBe('done');
    changesOf(recorded.contexts[0]);
    if (outcome.status === 'done')
      expect(outcome.notes.map((note) => note.code)).not.toContain('sheet-copied-as-values');
    expect(sheetXml(recorded.last(), 'Mes notes')).toBe(sheetXml(start, 'Mes notes'));
    expect(sheetXml(recorded.last(), 'Mes notes')).toMatch(/width="41/);
    expect(gridsOf(recorded.last()).sheets.find((sheet) => sheet.name === 'Mes notes')?.rows[0]?.[0]?.value).toBe(
      'Réunion du 12 mai',
    );
  }, 60_000);
});
